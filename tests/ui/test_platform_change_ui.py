"""A platform's changed reply, as the worker meets it: a poll on the pool reports it, the window says once in
words what still works, and Help ▸ Report a platform change… shows the report to copy, values left out."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from surveydesk.core.clock import SystemClock
from surveydesk.core.errors import BadPayload
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.politeness import Politeness
from surveydesk.net.shapes import Change, Difference, Part, ShapeWatch, share_shape_watch
from surveydesk.platforms.cpx.earnings import INBOX, INBOX_ENDPOINT
from surveydesk.platforms.prolific.earnings import BONUS_PATH, REWARD_PATH, SUBMISSIONS_ENDPOINT, SUBMISSIONS_PAGE
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.platform_changes import PlatformChanges
from surveydesk.services.poller import Poller
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.platform_change import PlatformChangeReporting
from tests.hostile_server import HostileServer
from tests.platforms.test_hostile_inputs import BITLABS_REPLY, reply
from tests.windows import attached_window

ACCOUNT = AccountKey("bitlabs", "main")
CANARY = "CANARY-category-7731"


@pytest.fixture
def wall() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


def changed_reply() -> dict[str, object]:
    """BitLabs' list with a survey whose category became a list (holding a value that must not be reported),
    and whose kind is one SurveyDesk does not know: the surveys still show."""
    body = copy.deepcopy(BITLABS_REPLY)
    survey = body["data"]["surveys"][0]
    survey["category"] = [CANARY]
    survey["type"] = CANARY
    return body


def help_actions(window: MainWindow) -> dict[str, object]:
    menus = [menu for action in window.menuBar().actions() if isinstance(menu := action.menu(), QMenu)]
    return {action.text(): action for action in menus[-1].actions()}


def test_a_changed_reply_is_told_once_and_reported_without_its_values(qtbot, poller: Poller, wall) -> None:
    changes = PlatformChanges(ShapeWatch(), BUILT_IN.name)
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    reporting = PlatformChangeReporting(window, changes)
    window.show()
    account = Account(ACCOUNT, "Main", wall.url, options={"user_id": "worker-4711"})
    connector = BUILT_IN.build_connector(account, MemorySecrets({ACCOUNT: "token"}), SystemClock())
    share_shape_watch(connector, changes.watch)
    poller.add_account(account, connector, Politeness(min_interval=timedelta(seconds=30)))
    wall.script(reply(changed_reply()), reply(changed_reply()))
    told: list[str] = []
    changes.told.connect(told.append)

    with qtbot.waitSignal(poller.tasks_changed, timeout=10_000):
        poller.start()
    qtbot.waitUntil(lambda: reporting.notice.isVisible())
    with qtbot.waitSignal(poller.status_changed, timeout=10_000):
        poller.poll_all_now()  # the same change again: nothing new to tell
    reporting.notice.report_button.click()

    assert told == [
        "BitLabs changed something SurveyDesk reads; its tasks still show. Help, Report a platform change… shows "
        "what changed, to send to SurveyDesk's makers."
    ]
    assert reporting.notice.label.text() == told[0]
    assert reporting.dialog is not None
    text = reporting.dialog.report.toPlainText()
    assert "bitlabs · tasks · GET /v2/client/surveys: still read" in text
    assert "data.surveys[].type: a value SurveyDesk does not know" in text
    assert "data.surveys[].category: null or object expected, list found" in text
    assert CANARY not in text and "7731" not in text
    reporting.dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == text
    assert "&Report a platform change…" in help_actions(window)


def test_the_report_says_when_nothing_changed(qtbot, poller: Poller) -> None:
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    reporting = PlatformChangeReporting(window, PlatformChanges(ShapeWatch(), BUILT_IN.name))

    help_actions(window)["&Report a platform change…"].trigger()  # type: ignore[attr-defined]

    assert reporting.dialog is not None
    assert reporting.dialog.report.toPlainText() == (
        "No platform has changed anything SurveyDesk reads since SurveyDesk started."
    )
    assert not reporting.notice.isVisible()


def test_with_nothing_changed_the_french_report_does_not_say_a_platform_changed(qtbot, poller, french) -> None:
    """Its words above the report said "Les réponses d'une plateforme n'ont plus la forme que SurveyDesk attend"
    over "Aucune plateforme n'a changé…", and offered to copy that."""
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    reporting = PlatformChangeReporting(window, PlatformChanges(ShapeWatch(), BUILT_IN.name))

    reporting.open_report()

    assert reporting.dialog is not None
    assert reporting.dialog.intro.text().startswith("Quand les réponses d’une plateforme n’ont plus la forme")
    assert reporting.dialog.intro.text().endswith("Il n’y a rien à envoyer pour l’instant.")
    assert not reporting.dialog.copy_button.isEnabled()


def test_a_part_that_stops_is_told_with_what_still_works(qtbot) -> None:
    changes = PlatformChanges(ShapeWatch(), BUILT_IN.name)
    told: list[str] = []
    changes.told.connect(told.append)

    watched = changes.watch.watching("cpx", Part.EARNINGS, INBOX_ENDPOINT, {"status": "new"}, INBOX)
    with qtbot.waitSignal(changes.told), pytest.raises(BadPayload), watched:
        raise BadPayload("cpx", "unknown status")

    assert told == [
        "CPX Research changed something SurveyDesk reads; earnings from it wait. Help, Report a platform change… "
        "shows what changed, to send to SurveyDesk's makers."
    ]


def test_the_worker_reads_the_change_and_the_report_in_french(qtbot, poller: Poller, french) -> None:
    changes = PlatformChanges(ShapeWatch(), BUILT_IN.name)
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    reporting = PlatformChangeReporting(window, changes)
    watched = changes.watch.watching("cpx", Part.EARNINGS, INBOX_ENDPOINT, {"status": "new"}, INBOX)

    with qtbot.waitSignal(changes.told), pytest.raises(BadPayload), watched:
        raise BadPayload("cpx", "unknown status")
    reporting.open_report()

    assert reporting.notice.label.text() == (
        "CPX Research a changé quelque chose que SurveyDesk lit ; ses gains attendent. Aide, Signaler un "
        "changement de plateforme… montre ce qui a changé, à envoyer aux auteurs de SurveyDesk."
    )
    assert reporting.dialog is not None
    assert reporting.dialog.report.toPlainText().splitlines()[1:] == [
        f"cpx · gains · {INBOX_ENDPOINT} : non lu",
        "    status : une valeur que SurveyDesk ne connaît pas",
    ]


def test_records_set_aside_are_told_in_words_with_how_many_and_what_to_do_in_french(
    qtbot, poller: Poller, french
) -> None:
    """A sync that set two of Prolific's records aside (a study of £99,999.99, a bonus in points) says so in the
    notice under the accounts, and the report names the two fields."""
    changes = PlatformChanges(ShapeWatch(), BUILT_IN.name)
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    reporting = PlatformChangeReporting(window, changes)
    page = {"results": [], "_links": {"next": {"href": None}}}
    watched = changes.watch.watching("prolific", Part.EARNINGS, SUBMISSIONS_ENDPOINT, page, SUBMISSIONS_PAGE)

    with qtbot.waitSignal(changes.told), watched as reading:
        reading.put_aside(Difference(f"{REWARD_PATH}.amount", Change.BEYOND_BOUNDS), "sub-1")
        reading.put_aside(Difference(f"{BONUS_PATH}.currency", Change.UNKNOWN_UNIT), "sub-2")
    reporting.open_report()

    assert reporting.notice.label.text() == (
        "SurveyDesk a mis de côté 2 des relevés de Prolific (des montants au-delà de ce qu’elle paie, des "
        "montants dans une unité que SurveyDesk ne connaît pas) : ils ne sont pas dans vos gains ; les autres y "
        "sont. Vérifiez ces montants sur Prolific même ; Aide, Signaler un changement de plateforme… montre ce "
        "qui n’allait pas, à envoyer aux auteurs de SurveyDesk."
    )
    assert reporting.dialog is not None
    assert reporting.dialog.report.toPlainText().splitlines()[1:] == [
        f"prolific · gains · {SUBMISSIONS_ENDPOINT} : toujours lu",
        "    results[].submission_reward.amount : un montant au-delà de ce que la plateforme paie ; son relevé "
        "est mis de côté",
        "    results[].submission_bonuses[].currency : un montant dans une unité que SurveyDesk ne connaît pas ; "
        "son relevé est mis de côté",
    ]
