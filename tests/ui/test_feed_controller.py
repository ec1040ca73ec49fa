"""The feed in the window: alerts for new matches (in the window when there is no tray), one-click take that
reserves, opens the page and starts the timer, and the worker's rules over the list."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, PollState
from surveydesk.core.money import Money
from surveydesk.core.politeness import Politeness
from surveydesk.demo import DemoExchange
from surveydesk.feed.alerts import Alert
from surveydesk.feed.rule_store import RatesToday, RuleStore
from surveydesk.feed.rules import Rules
from surveydesk.ledger.rates import RateStore
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.store import Database
from surveydesk.store.database import DiskFullError
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.icons import app_icon
from surveydesk.ui.links import LinkOffer
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.conftest import DEMO, add_demo_account
from tests.factories import a_browser
from tests.windows import attached_window


@pytest.fixture
def opened() -> list[str]:
    return []


@pytest.fixture
def window_and_feed(qtbot, poller, database: Database, pool, opened):
    settings = SettingsStore(database)
    keeper = Timekeeper(WorkLog(database), SystemClock())
    window = attached_window(poller, SystemClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    feed = FeedController(
        window,
        poller,
        keeper,
        Background(pool, window),
        settings,
        SystemClock(),
        app_icon(),
        open_url=a_browser(lambda url: opened.append(url.toString())),
    )
    return window, feed, keeper, settings


def test_without_a_tray_new_matches_are_announced_in_the_window(qtbot, window_and_feed, exchange, poller):
    window, feed, _keeper, _settings = window_and_feed
    assert not feed.tray.available and not window.keep_running_in_tray
    assert "no system tray" in window.statusBar().currentMessage()
    assert window.work_menu.menuAction() in feed.tray.menu.actions()  # the timer, from the tray too
    add_demo_account(poller, exchange)
    poller.start()
    qtbot.waitUntil(lambda: "new task" in window.statusBar().currentMessage())
    assert feed.alerts.unseen == window.model.rowCount() > 0
    assert feed.tray.tooltip().startswith("SurveyDesk — ")


def test_without_a_tray_a_goal_reached_is_said_in_the_window(window_and_feed) -> None:
    window, feed, _keeper, _settings = window_and_feed
    feed.announce(Alert("Goal reached: €10.00 today", "", (), sound=False))  # an alert with a title alone
    assert window.statusBar().currentMessage() == "Goal reached: €10.00 today"


def test_one_click_takes_a_prolific_study_opens_it_and_starts_its_timer(
    qtbot, window_and_feed, exchange, poller, opened
):
    window, _feed, keeper, _settings = window_and_feed
    add_demo_account(poller, exchange)
    poller.start()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    task = window.model.task_list.task(0)
    window.take_requested.emit(task)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Place reserved"))
    assert opened and opened[0].startswith(exchange.prolific_url)
    (attempt,) = keeper.open_attempts()
    assert attempt.external_id == task.external_id and keeper.is_working(attempt.id)
    assert window.timer_strip.attempts.currentText() == task.title

    window.take_requested.emit(task)  # the demo lets each participant take a study once
    qtbot.waitUntil(lambda: "Could not take" in window.statusBar().currentMessage())
    assert "already" in window.statusBar().currentMessage()


def test_the_list_rules_hide_tasks_until_revealed(qtbot, poller, database, pool, exchange):
    settings = SettingsStore(database)
    RuleStore(settings).save_list_rules(Rules(min_reward=Money(10_000, "GBP")))
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    FeedController(window, poller, None, Background(pool, window), settings, SystemClock(), app_icon())
    add_demo_account(poller, exchange)
    poller.start()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    hidden = window.proxy.hidden_count()
    assert hidden > 0 and window.proxy.rowCount() == window.model.rowCount() - hidden
    assert f"({hidden} hidden by your rules)" in window.count_label.text()
    window.show_hidden_action.setChecked(True)
    assert window.proxy.rowCount() == window.model.rowCount()


def test_a_minimum_in_euros_hides_tasks_in_pounds_once_history_has_a_rate(qtbot, poller, database, pool, exchange):
    """ "Minimum reward … applies to tasks paid in GBP": her minimum in euros judged no Prolific task."""
    settings = SettingsStore(database)
    RuleStore(settings).save_list_rules(Rules(min_reward=Money(10_000, "EUR")))
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    today = SystemClock().now().date()
    conversions = RatesToday(database, lambda: today)
    feed = FeedController(
        window,
        poller,
        None,
        Background(pool, window),
        settings,
        SystemClock(),
        app_icon(),
        conversions=conversions,
    )
    add_demo_account(poller, exchange)
    poller.start()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert window.proxy.hidden_count() == 0  # no rate for pounds yet: said in the Rules, never guessed
    RateStore(database).set_by_worker("GBP", today - timedelta(days=1), Decimal("0.85"))
    feed.reload_rules()  # as the composition root does when History's rates change
    in_pounds = [task for task in window.model.task_list.tasks() if task.reward.currency == "GBP"]
    assert in_pounds and all(task.reward.minor < 8500 for task in in_pounds)  # under €100 = £85
    assert window.proxy.hidden_count() == len(in_pounds)  # those in dollars wait for a rate


def test_closing_with_a_tray_hides_the_window_and_says_so_once(qtbot, window_and_feed, monkeypatch):
    window, feed, _keeper, settings = window_and_feed
    told = []
    monkeypatch.setattr(feed.tray, "show_alert", told.append)
    window.keep_running_in_tray = True
    window.show()
    window.close()
    window.show()
    window.close()
    assert window.isHidden() and len(told) == 1 and settings.get("tray.told", False) is True
    window.quit_for_real()
    assert window.isHidden()


def test_closing_to_the_tray_on_a_full_disk_still_says_so(qtbot, window_and_feed, monkeypatch):
    """Saving that she was told raised DiskFullError out of the close, and she was not told."""
    window, feed, _keeper, settings = window_and_feed
    told = []
    monkeypatch.setattr(feed.tray, "show_alert", told.append)

    def no_room(_key, _value):
        raise DiskFullError(Path("surveydesk.sqlite3"))

    monkeypatch.setattr(settings, "set", no_room)
    window.keep_running_in_tray = True
    window.show()
    window.close()
    assert window.isHidden() and len(told) == 1


def test_alert_settings_are_saved_and_read_back(qtbot, database):
    from datetime import time

    from surveydesk.feed.alerts import AlertSettings
    from surveydesk.ui.alerts_dialog import AlertsDialog
    from surveydesk.ui.feed_controller import alert_settings

    settings = SettingsStore(database)
    assert alert_settings(settings) == AlertSettings()
    dialog = AlertsDialog(settings, AlertSettings())
    qtbot.addWidget(dialog)
    dialog.per_minute.setValue(5)
    dialog.quiet.setChecked(True)
    dialog.sound.setChecked(True)
    with qtbot.waitSignal(dialog.changed) as changed:
        dialog.save()
    expected = AlertSettings(per_minute=5, quiet_from=time(22), quiet_until=time(7, 30), sound=True)
    assert changed.args == [expected] and alert_settings(settings) == expected
    settings.set("alerts.quiet_from", "not a time")
    assert alert_settings(settings).quiet_from is None


def test_a_sign_out_is_said_once_not_at_every_poll_and_again_after_signing_in(
    qtbot, window_and_feed, exchange, poller, monkeypatch
):
    window, _feed, _keeper, _settings = window_and_feed
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(window, "show_alert", lambda title, body: said.append((title, body)))
    secrets = MemorySecrets({DEMO: "expired-token"})
    account = Account(DEMO, "demo", exchange.prolific_url)
    connector = BUILT_IN.build_connector(account, secrets, SystemClock())
    poller.add_account(account, connector, Politeness(min_interval=timedelta(seconds=30)))
    states: list[PollState] = []
    poller.status_changed.connect(lambda status: states.append(status.state))

    def poll_until(state: PollState) -> None:
        states.clear()
        poller.poll_all_now()
        qtbot.waitUntil(lambda: state in states, timeout=10_000)

    poller.start()
    for _poll in range(3):
        poll_until(PollState.ERROR)
    signed_out = ("Signed out of Prolific", "Prolific says your sign-in has expired: sign in to Prolific again")
    assert said == [signed_out]

    secrets.set(DEMO, DemoExchange.PROLIFIC_TOKEN)  # she signed in again
    poll_until(PollState.OK)
    secrets.set(DEMO, "expired-token")  # and Prolific signed her out again
    poll_until(PollState.ERROR)
    assert [alert for alert in said if alert[0].startswith("Signed out")] == [signed_out, signed_out]


def test_a_taken_task_no_browser_could_open_is_said_and_its_link_offered(qtbot, poller, database, pool, exchange):
    """With no web browser to start, the status bar said "Opened in …" all the same and the link was lost."""
    keeper = Timekeeper(WorkLog(database), SystemClock())
    window = attached_window(poller, SystemClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    asked: list[str] = []

    def no_browser(url: QUrl) -> bool:
        asked.append(url.toString())
        return False

    FeedController(
        window, poller, keeper, Background(pool, window), SettingsStore(database), SystemClock(), app_icon(),
        open_url=no_browser,
    )  # fmt: skip
    window.show()
    add_demo_account(poller, exchange)
    poller.start()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    task = window.model.task_list.task(0)
    window.take_requested.emit(task)
    qtbot.waitUntil(lambda: window.findChild(LinkOffer) is not None)
    assert (
        window.statusBar().currentMessage()
        == f"“{task.title}” is taken, but no web browser could be opened for it."
    )
    offer = window.findChild(LinkOffer)
    assert asked and asked[0] in offer.text()
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(offer.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == asked[0]
    (attempt,) = keeper.open_attempts()
    assert keeper.is_working(attempt.id)  # the take and its timer went on
