"""Desktop alerts through the notification server on the session bus, sent without waiting for it.

Each test runs a private session bus (tests/session_bus.py) with the fake desktop's notification server in a
child process (tests/fake_desktop_bus.py), which records each Notify call, can be made to never answer one (a
hung server) and sends ActionInvoked as a click on a button would.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from surveydesk.core.clock import SystemClock
from surveydesk.feed.alerts import Alert
from surveydesk.services.background import Background
from surveydesk.services.desktop_notifications import DEFAULT, TAKE, DesktopNotifications
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.icons import app_icon
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.tray import Tray
from tests.factories import make_task
from tests.fake_desktop_bus import FakeDesktopBusProcess
from tests.session_bus import DBUS_DAEMON, environment_on, private_session_bus
from tests.windows import attached_window

pytestmark = pytest.mark.skipif(
    DBUS_DAEMON is None and os.environ.get("CI") != "true",
    reason="needs dbus-daemon (installed by .ci/system-packages); CI runs it",
)
ANSWER_WITHIN_MS = 1_500
FAILING = "Alerts on this computer's screen are failing: the desktop's notification service does not answer."


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[str]:
    with private_session_bus(tmp_path) as address:
        yield address


@pytest.fixture
def desktop(session_bus: str) -> Iterator[FakeDesktopBusProcess]:
    with FakeDesktopBusProcess(environment=environment_on(session_bus)) as server:
        yield server


@pytest.fixture
def notifications(qtbot, pool, session_bus: str) -> Iterator[DesktopNotifications]:
    background = Background(pool)
    sender = DesktopNotifications(background, bus=session_bus, answer_within_ms=ANSWER_WITHIN_MS)
    yield sender
    sender.close()
    pool.waitForDone(10_000)


def _one_task_alert() -> tuple[Alert, object]:
    task = make_task("study-1", title="Shopping habits")
    return Alert("New task", "Shopping habits — £1.50", (task,), sound=False), task


def test_an_alert_about_one_task_reaches_the_server_with_its_words_and_a_take_button(
    qtbot, desktop, notifications
):
    alert, _task = _one_task_alert()
    with qtbot.waitSignal(notifications.delivered, timeout=10_000):
        notifications.notify(alert, "Prendre")
    received = desktop.wait_for_notification(5)
    assert received is not None
    assert (received.app_name, received.summary, received.body) == ("SurveyDesk", "New task", alert.body)
    assert received.actions == (DEFAULT, "New task", TAKE, "Prendre")

    grouped = Alert("2 new tasks", "one\ntwo", (make_task("a"), make_task("b")), sound=False)
    with qtbot.waitSignal(notifications.delivered, timeout=10_000):
        notifications.notify(grouped, "Prendre")
    second = desktop.wait_for_notification(5, index=1)
    assert second is not None and second.actions == (DEFAULT, "2 new tasks")  # nothing to take in one click


def test_a_click_on_take_takes_the_task_and_a_click_on_the_alert_opens_the_list(qtbot, desktop, notifications):
    tray = Tray(app_icon(), lambda: [], lambda: False, notifications=notifications)
    alert, task = _one_task_alert()
    with qtbot.waitSignal(notifications.delivered, timeout=10_000):
        tray.show_alert(alert)
    received = desktop.wait_for_notification(5)
    assert received is not None
    with qtbot.waitSignal(tray.take_requested, timeout=10_000) as taken:
        desktop.invoke(received.id, TAKE)
    assert taken.args == [task]
    with qtbot.waitSignal(tray.open_requested, timeout=10_000):
        desktop.invoke(received.id, DEFAULT)
    # Another application's notification, or one she dismissed, takes nothing: the server's signals come in
    # order, so the list's opening comes after them.
    with qtbot.waitSignal(notifications.delivered):
        tray.show_alert(Alert("1 new task", "Another one", (make_task("study-2"),), sound=False))
    dismissed = desktop.wait_for_notification(5, index=1)
    assert dismissed is not None
    desktop.dismiss(dismissed.id)
    ignored, next_one = qtbot.assertNotEmitted(tray.take_requested), qtbot.waitSignal(tray.open_requested)
    with ignored, next_one:
        desktop.invoke(received.id + 100, TAKE)
        desktop.invoke(dismissed.id, TAKE)
        desktop.invoke(received.id, DEFAULT)


@pytest.fixture
def window_and_feed(qtbot, notifications, poller, database, pool) -> tuple[MainWindow, FeedController]:
    """A window whose feed shows its alerts through `notifications`."""
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    feed = FeedController(window, poller, None, Background(pool, window), SettingsStore(database), SystemClock(),
                          app_icon(), notifications=notifications)  # fmt: skip
    return window, feed


def test_a_hung_notification_server_never_stalls_the_window_and_the_tray_says_alerts_fail_until_they_work(
    qtbot, desktop, notifications, window_and_feed
):
    window, feed = window_and_feed
    desktop.answer_notify(False)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(50)
    with qtbot.waitSignal(notifications.failed, timeout=10_000):
        feed.send_test_alert()
        ticks.append(time.monotonic())  # send_test_alert returned
    heartbeat.stop()
    assert desktop.wait_for_notification(5) is not None  # it reached the server, which never answered
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert ticks[-1] - ticks[0] >= ANSWER_WITHIN_MS / 1000 * 0.9 and max(gaps) < 0.5, max(gaps)
    assert FAILING in feed.tray.tooltip()
    assert window.alert_problems.isVisibleTo(window) and window.alert_problems.text().startswith(FAILING)

    desktop.answer_notify(True)
    with qtbot.waitSignal(notifications.delivered, timeout=10_000):
        feed.send_test_alert()
    assert "failing" not in feed.tray.tooltip() and not window.alert_problems.isVisibleTo(window)


def test_the_test_alert_says_in_words_whether_the_notification_service_showed_it(qtbot, desktop, window_and_feed):
    _window, feed = window_and_feed
    dialog = feed.alerts_dialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(feed.desktop_tested, timeout=10_000):
        dialog.test.click()
        assert dialog.test_said.text() == "Sending a test alert…"
    assert dialog.test_said.text() == "The desktop's notification service showed the test alert."
    shown = desktop.wait_for_notification(5)
    assert shown is not None and shown.body == "A test alert: new tasks will be announced like this."

    desktop.answer_notify(False)
    with qtbot.waitSignal(feed.desktop_tested, timeout=10_000):
        dialog.test.click()
    assert dialog.test_said.text().startswith(FAILING)
