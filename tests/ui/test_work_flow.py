"""The timer issue's whole story in one test: clock in, take a demo task, work, submit, and see the task wage and
the true wage in the wages tab move."""

from __future__ import annotations

from surveydesk.services.background import Background
from surveydesk.services.wage_reports import WageReports
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.icons import app_icon
from surveydesk.ui.task_model import Column
from surveydesk.ui.wages_panel import WagesPanel
from surveydesk.work.model import Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from surveydesk.work.wage_settings import WageSettings
from tests.conftest import add_demo_account
from tests.factories import FixedClock, a_browser
from tests.windows import attached_window


def test_clock_in_take_work_submit_and_the_wages_move(qtbot, poller, database, pool, exchange):
    clock = FixedClock()
    keeper = Timekeeper(WorkLog(database), clock)
    window = attached_window(poller, clock.now, timekeeper=keeper)
    qtbot.addWidget(window)
    settings = SettingsStore(database)
    FeedController(
        window,
        poller,
        keeper,
        Background(pool, window),
        settings,
        clock,
        app_icon(),
        open_url=a_browser(lambda _url: None),
    )
    reports = WageReports(WorkLog(database), pool, parent=window)
    panel = WagesPanel(WageSettings(settings), window)
    reports.ready.connect(panel.show_summary)
    window.add_page(panel, "Wages")
    strip = window.timer_strip

    strip.clock_button.click()  # clock in
    clock.advance(10 * 60)  # ten minutes looking for work
    add_demo_account(poller, exchange)
    poller.start()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    task = window.model.task_list.task(0)
    window.take_requested.emit(task)
    qtbot.waitUntil(lambda: strip.attempts.currentText() == task.title)
    clock.advance(20 * 60)  # twenty minutes on the study
    with qtbot.waitSignal(strip.changed):
        strip.outcome_buttons[Outcome.SUBMITTED].click()

    keeper.keep_alive()  # as the app does before each refresh: the running shift counts up to now
    with qtbot.waitSignal(reports.ready, timeout=10_000) as ready:
        reports.refresh(clock.now())
    today = ready.args[0].today
    figures = today.by_currency[task.reward.currency]
    assert figures.paid == task.reward
    assert figures.task_wage == task.reward.per_hour(20)  # paid ÷ 20 minutes of work
    assert figures.true_wage == task.reward.per_hour(30)  # paid ÷ the 30-minute shift so far
    lines = " ".join(panel.today.texts())
    assert figures.task_wage.format() in lines and figures.true_wage.format() in lines

    # The task list's "Your history" column now knows this requester (the app connects this on every refresh).
    window.model.task_list.set_reputations(ready.args[0].reputations)
    row = next(row for row in range(window.model.rowCount()) if window.model.task_list.task(row).key == task.key)
    history = window.model.index(row, Column.HISTORY).data()
    assert history == f"1 done · {task.reward.per_hour(20).format()}/h"
