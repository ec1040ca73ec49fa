"""Alerts that never die silently: a failing channel is said in the tray's tooltip and the status bar until it
works again, and "No alerts are coming" with its reason when no platform was checked for three cadences."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from surveydesk.core.model import AccountKey, MergeResult, PlatformStatus, PollState
from surveydesk.feed.health import FAILING, PAUSED, SIGNED_OUT, why_silent
from surveydesk.feed.phone import PhoneMessage, new_topic, ntfy_server
from surveydesk.services.background import Background
from surveydesk.services.phone_alerts import PhoneTargets
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.icons import app_icon
from tests.conftest import add_demo_account
from tests.factories import T0, FixedClock, make_task
from tests.windows import attached_window

MINUTE = timedelta(minutes=1)


def _status(state=PollState.OK, kind="", last=None) -> PlatformStatus:
    return PlatformStatus(AccountKey("prolific", "a"), "a", state, error_kind=kind, last_success=last)


def test_alerts_are_silent_only_when_no_account_was_checked_within_three_cadences():
    signed_out = _status(PollState.ERROR, "auth", last=T0)
    failing = _status(PollState.ERROR, "unavailable", last=T0)
    assert why_silent([(signed_out, MINUTE)], False, T0 + 3 * MINUTE, T0) is None
    assert why_silent([(signed_out, MINUTE)], False, T0 + 3 * MINUTE + timedelta(seconds=1), T0) == SIGNED_OUT
    assert why_silent([(signed_out, MINUTE), (failing, MINUTE)], False, T0 + 4 * MINUTE, T0) == FAILING
    assert why_silent([(_status(last=T0), MINUTE)], True, T0 + 4 * MINUTE, T0) == PAUSED
    one_alive = [(signed_out, MINUTE), (_status(last=T0 + 3 * MINUTE), MINUTE)]
    assert why_silent(one_alive, False, T0 + 4 * MINUTE, T0) is None
    never_checked = _status(PollState.WAITING)
    assert why_silent([(never_checked, MINUTE)], False, T0 + 2 * MINUTE, T0) is None  # counted from the start
    assert why_silent([], False, T0 + timedelta(days=1), T0) is None


def test_a_failing_phone_is_said_in_the_tray_and_the_status_bar_until_it_works_again(qtbot, desk, ntfy, phone):
    window, feed = desk.window, desk.feed
    targets = PhoneTargets(ntfy_server(ntfy.address), new_topic())
    ntfy.stop()
    with qtbot.waitSignal(phone.failed, timeout=10_000):
        phone.send_test(PhoneMessage("SurveyDesk", "A test alert"), targets)
    said = "Alerts on your phone are failing: The alert did not reach the ntfy server."
    assert said in feed.tray.tooltip()
    assert window.alert_problems.isVisibleTo(window) and window.alert_problems.text().startswith(said)
    ntfy.start()
    with qtbot.waitSignal(phone.delivered, timeout=10_000):
        phone.send_test(PhoneMessage("SurveyDesk", "A test alert"), targets)
    assert "failing" not in feed.tray.tooltip() and not window.alert_problems.isVisibleTo(window)


def test_the_tray_says_no_alerts_are_coming_when_every_account_is_signed_out(
    qtbot, poller, database, pool, exchange
):
    clock = FixedClock()
    window = attached_window(poller, clock.now)
    qtbot.addWidget(window)
    settings = SettingsStore(database)
    feed = FeedController(window, poller, None, Background(pool, window), settings, clock, app_icon())
    add_demo_account(poller, exchange, token="expired", interval=timedelta(seconds=30))
    poller.start()
    qtbot.waitUntil(lambda: poller.statuses()[0].state is PollState.ERROR, timeout=10_000)
    clock.advance(90)
    feed.check_alerts_coming()
    assert "No alerts are coming" not in feed.tray.tooltip()
    clock.advance(1)
    feed.check_alerts_coming()
    assert "No alerts are coming: every account is signed out." in feed.tray.tooltip()
    assert window.alert_problems.text().startswith("No alerts are coming")


def test_the_desktop_s_test_alert_shows_as_a_new_task_s_would_and_says_where(qtbot, desk):
    dialog = desk.feed.alerts_dialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(desk.feed.desktop_tested):
        dialog.test.click()
    assert desk.window.statusBar().currentMessage() == (
        "SurveyDesk: A test alert: new tasks will be announced like this."
    )
    assert dialog.test_said.text() == (
        "This desktop has no notification area: alerts are shown at the bottom of this window."
    )


# What Qt's sound says on its way to failing: libraries a desktop with sound has, the sound service, the device.
@pytest.mark.qt_log_ignore("^Couldn't (load|resolve) ", "^PulseAudioService: ", "^QSoundEffect: ")
def test_without_a_sound_device_the_sound_is_said_failing_in_the_test_the_tray_and_the_status_bar(
    qtbot, poller, database, pool
):
    """The suite runs with no sound device (Qt's offscreen platform, no sound server): what her laptop does
    with its speakers unplugged from every output, or its sound service dead."""
    window = attached_window(poller, FixedClock().now)
    qtbot.addWidget(window)
    feed = FeedController(window, poller, None, Background(pool, window), SettingsStore(database), FixedClock(),
                          app_icon())  # fmt: skip
    said = "The alerts' sound is failing: this computer has no sound device SurveyDesk can play on."
    dialog = feed.alerts_dialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(feed.sound_tested, timeout=10_000):
        dialog.test_sound.click()
        assert dialog.sound_said.text() == "Playing the sound…"
    assert dialog.sound_said.text().startswith(said)
    assert said in feed.tray.tooltip()
    assert window.alert_problems.isVisibleTo(window) and said in window.alert_problems.text()
    # A new task's alert with its sound tries the device again, and it is still said.
    feed.alerts.settings = replace(feed.alerts.settings, sound=True)
    with qtbot.waitSignal(feed.sound.failed, timeout=10_000):
        poller.tasks_changed.emit(MergeResult(AccountKey("prolific", "a"), (make_task("new"),), (), (), T0))
    assert said in feed.tray.tooltip()
