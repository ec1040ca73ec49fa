"""The errors the pure layers write (core/translatable.py Sentences) reach the screen in the worker's language:
English in logs and exceptions, French on screen under a French translator."""

from __future__ import annotations

import pytest

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey, PlatformStatus, PollState
from surveydesk.platforms.registry import BUILT_IN, UnknownPlatform
from surveydesk.secrets import MemorySecrets
from surveydesk.ui.status_panel import describe
from surveydesk.ui.text import translated
from tests.conftest import DEMO, add_demo_account


def test_a_refused_prolific_login_shows_its_status_line_in_french(qtbot, poller, exchange, french):
    add_demo_account(poller, exchange, token="expired-token")
    statuses: list[PlatformStatus] = []

    def failed(status: PlatformStatus) -> bool:
        statuses.append(status)
        return status.account == DEMO and status.state is PollState.ERROR

    with qtbot.waitSignal(poller.status_changed, timeout=10_000, check_params_cb=failed):
        poller.start()

    status = statuses[-1]
    assert status.message == "Prolific says your sign-in has expired: sign in to Prolific again"
    assert describe(status).startswith(
        "Déconnecté\xa0: Prolific indique que votre connexion a expiré\xa0: reconnectez-vous à Prolific"
    )


def test_an_account_of_a_platform_this_version_lacks_is_named_in_french(french):
    account = Account(AccountKey("clickworker", "me"), "me", "https://example.invalid")
    with pytest.raises(UnknownPlatform) as caught:
        BUILT_IN.build_connector(account, MemorySecrets({}), SystemClock())
    assert caught.value.message == "SurveyDesk cannot talk to 'clickworker' yet"
    assert translated(caught.value.message) == "SurveyDesk ne sait pas encore dialoguer avec 'clickworker'"


def test_a_platform_asking_to_slow_down_is_an_amber_mark_not_the_red_of_trouble(qtbot, french):
    """The demo's MTurk turned its mark red at each "slow down": the ordinary pacing looked like a failure."""
    from surveydesk.ui.status_panel import StatusPanel

    panel = StatusPanel()
    qtbot.addWidget(panel)
    paced = PlatformStatus(DEMO, "demo", PollState.ERROR, "Too many requests.", "rate-limited")
    panel.update_status(paced)
    style, name = panel.mark_for(DEMO)
    assert "#c0392b" not in style
    assert name == "Rythme imposé\u00a0: la plateforme demande d’attendre un peu"
    panel.update_status(PlatformStatus(DEMO, "demo", PollState.ERROR, "Server error", "unavailable"))
    style, name = panel.mark_for(DEMO)
    assert "#c0392b" in style and name == "Problème"
