"""Wage reports over a real work log filled by the timekeeper: figures by hand, signals, coalescing, failure."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThread, QThreadPool

from surveydesk.core.money import Money
from surveydesk.services.wage_reports import WageReports, WageSummary
from surveydesk.store import Database
from surveydesk.work.model import NewAttempt, Outcome, UnpaidCause
from surveydesk.work.reputation import Reviews
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import T0, FixedClock

PARIS_WINTER = timezone(timedelta(hours=1))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "work.sqlite3") as database:
        yield database


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def keeper(db: Database, clock: FixedClock) -> Timekeeper:
    return Timekeeper(WorkLog(db), clock)


@pytest.fixture
def reports(qtbot, db: Database, pool: QThreadPool) -> Iterator[WageReports]:
    service = WageReports(WorkLog(db), pool, PARIS_WINTER)
    yield service
    pool.waitForDone(10_000)


def _task(external_id: str, requester: str, reward: Money, platform: str = "prolific") -> NewAttempt:
    return NewAttempt(platform, "demo", external_id, f"Study {external_id}", requester, reward, None)


def _work(keeper: Timekeeper, clock: FixedClock, new: NewAttempt, seconds: float, outcome: Outcome) -> None:
    attempt = keeper.take(new)
    clock.advance(seconds)
    keeper.finish(attempt.id, outcome)


Step = float | tuple[NewAttempt, float, Outcome]  # some searching, or one task worked and ended


def _shift(keeper: Timekeeper, clock: FixedClock, day: datetime, *steps: Step) -> None:
    clock.set_wall(day)
    keeper.clock_in()
    for step in steps:
        if isinstance(step, tuple):
            _work(keeper, clock, *step)
        else:
            clock.advance(step)
    keeper.clock_out()


def _refresh(qtbot, reports: WageReports, now: datetime) -> WageSummary:
    with qtbot.waitSignal(reports.ready, timeout=10_000) as ready:
        reports.refresh(now)
    return ready.args[0]


@pytest.fixture
def worked_month(keeper: Timekeeper, clock: FixedClock) -> None:
    """Four shifts around T0 (Saturday 28 November 2026): last month, earlier this month, yesterday, today."""
    _shift(
        keeper,
        clock,
        datetime(2026, 10, 30, 12, tzinfo=UTC),
        (_task("old", "Lab B", Money(500, "GBP")), 600, Outcome.SUBMITTED),
    )
    _shift(
        keeper,
        clock,
        datetime(2026, 11, 10, 12, tzinfo=UTC),
        (_task("a5", "Lab B", Money(300, "GBP")), 1800, Outcome.SUBMITTED),
    )
    _shift(
        keeper,
        clock,
        T0 - timedelta(days=1),
        (_task("a1", "Lab A", Money(150, "GBP")), 600, Outcome.SUBMITTED),
        300,
        (_task("a2", "Lab B", Money(200, "GBP")), 300, Outcome.SCREENED_OUT),
    )
    _shift(
        keeper,
        clock,
        T0,
        600,
        (_task("a3", "Lab A", Money(50, "USD"), platform="mturk"), 900, Outcome.SUBMITTED),
        (_task("a4", "Lab A", Money(100, "GBP")), 600, Outcome.RETURNED),
    )


@pytest.mark.usefixtures("worked_month")
def test_today_counts_searching_and_returns_as_unpaid(qtbot, reports: WageReports) -> None:
    today = _refresh(qtbot, reports, T0 + timedelta(hours=2)).today
    assert today.shift_seconds == 2100
    assert list(today.by_currency) == ["USD"]
    usd = today.by_currency["USD"]
    assert usd.task_wage == Money(200, "USD")  # 50 cents in 15 minutes
    assert usd.true_wage == Money(86, "USD")  # 50 × 3600 / 2100 = 85.7
    assert today.unpaid_seconds == {UnpaidCause.RETURNED: 600, UnpaidCause.SEARCHING: 600}
    assert today.unpaid_share == pytest.approx(1200 / 2100)


@pytest.mark.usefixtures("worked_month")
def test_week_and_month_add_up_their_shifts(qtbot, reports: WageReports) -> None:
    summary = _refresh(qtbot, reports, T0 + timedelta(hours=2))
    week, month = summary.this_week, summary.this_month
    assert week.shift_seconds == 1200 + 2100
    assert week.by_currency["GBP"].task_wage == Money(900, "GBP")  # £1.50 in 10 minutes
    assert week.by_currency["GBP"].true_wage == Money(164, "GBP")  # 150 × 3600 / 3300 = 163.6
    assert week.unpaid_seconds == {
        UnpaidCause.SCREENED_OUT: 300,
        UnpaidCause.RETURNED: 600,
        UnpaidCause.SEARCHING: 900,
    }
    assert month.shift_seconds == 1800 + 1200 + 2100  # not October's shift
    assert month.by_currency["GBP"].paid == Money(450, "GBP")
    assert month.by_currency["GBP"].task_wage == Money(675, "GBP")  # 450 × 3600 / 2400
    assert month.by_currency["GBP"].true_wage == Money(318, "GBP")  # 450 × 3600 / 5100 = 317.6
    assert month.by_currency["USD"].true_wage == Money(35, "USD")  # 50 × 3600 / 5100 = 35.3


@pytest.mark.usefixtures("worked_month")
def test_the_month_by_platform_and_by_requester(qtbot, reports: WageReports) -> None:
    summary = _refresh(qtbot, reports, T0 + timedelta(hours=2))
    assert list(summary.by_platform) == ["mturk", "prolific"]
    prolific = summary.by_platform["prolific"]
    assert prolific.attempt_seconds == 1800 + 600 + 300 + 600
    assert prolific.by_currency["GBP"].task_wage == Money(675, "GBP")
    assert prolific.by_currency["GBP"].true_wage == Money(491, "GBP")  # 450 × 3600 / 3300 = 490.9
    assert summary.by_platform["mturk"].by_currency["USD"].true_wage == Money(200, "USD")
    assert {name: report.attempt_seconds for name, report in summary.by_requester.items()} == {
        "Lab A": 600 + 900 + 600,
        "Lab B": 1800 + 300,
    }


def test_periods_follow_the_workers_time_zone(qtbot, keeper: Timekeeper, clock: FixedClock, db, pool) -> None:
    # 23:30 UTC on 31 October is already 00:30 on 1 November in Paris.
    late = (_task("late", "Lab A", Money(100, "GBP")), 600, Outcome.SUBMITTED)
    _shift(keeper, clock, datetime(2026, 10, 31, 23, 30, tzinfo=UTC), late)
    paris, utc = WageReports(WorkLog(db), pool, PARIS_WINTER), WageReports(WorkLog(db), pool, UTC)
    in_paris, in_utc = _refresh(qtbot, paris, T0), _refresh(qtbot, utc, T0)
    pool.waitForDone(10_000)  # the services outlive their jobs
    assert in_paris.this_month.by_currency["GBP"].paid == Money(100, "GBP")
    assert in_utc.this_month.by_currency == {}


def test_a_running_shift_counts_up_to_its_last_sign_of_life_but_not_the_open_task(
    qtbot, keeper: Timekeeper, clock: FixedClock, reports: WageReports
) -> None:
    clock.set_wall(T0)
    keeper.clock_in()
    clock.advance(600)
    keeper.take(_task("open", "Lab A", Money(150, "GBP")))
    clock.advance(300)
    keeper.keep_alive()
    summary = _refresh(qtbot, reports, clock.now())
    assert summary.today.shift_seconds == 600
    assert summary.today.unpaid_seconds == {UnpaidCause.SEARCHING: 600}
    assert summary.by_platform == {}


def test_refreshes_asked_for_while_one_runs_fold_into_one_more(qtbot, reports: WageReports, pool, worked_month):
    received: list[WageSummary] = []
    reports.ready.connect(received.append)
    reports.refresh(datetime(2026, 9, 15, tzinfo=UTC))  # nothing worked that month
    reports.refresh(datetime(2026, 10, 15, tzinfo=UTC))
    reports.refresh(T0)
    qtbot.waitUntil(lambda: len(received) == 2, timeout=10_000)
    pool.waitForDone(10_000)
    QCoreApplication.processEvents()
    assert len(received) == 2
    assert received[0].this_month.shift_seconds == 0
    assert received[1].this_month.shift_seconds == 5100  # the latest ask, not the one in between


def test_a_log_that_cannot_be_read_is_reported_in_words(qtbot, reports: WageReports, db: Database) -> None:
    db.close()
    with qtbot.waitSignal(reports.failed, timeout=10_000) as failed:
        reports.refresh(T0)
    assert "could not be worked out" in failed.args[0]


@pytest.mark.usefixtures("worked_month")
def test_the_requesters_reviews_in_the_earnings_log_join_their_reputations(qtbot, db: Database, pool) -> None:
    on_pool: list[bool] = []

    def reviews() -> dict[tuple[str, str], Reviews]:
        on_pool.append(QThread.currentThread() != QCoreApplication.instance().thread())
        return {("prolific", "Lab A"): Reviews(4, 1), ("prolific", "Lab C"): Reviews(2, 0)}

    service = WageReports(WorkLog(db), pool, PARIS_WINTER, reviews=reviews)
    summary = _refresh(qtbot, service, T0 + timedelta(hours=2))
    assert (
        summary.reputations[("prolific", "Lab A")].approved,
        summary.reputations[("prolific", "Lab A")].rejected,
    ) == (4, 1)
    assert summary.reputations[("prolific", "Lab C")].describe() == "2 approved"
    assert on_pool == [True]  # the earnings log is read on the pool, not on the GUI thread
    pool.waitForDone(10_000)


def test_a_correction_made_in_history_changes_the_wage_shown(qtbot, db: Database, pool, keeper, clock) -> None:
    """History said £1.75 after the worker's correction, the Wages tab still £1.50: every view reads the ledger."""
    from surveydesk.core.earnings import Status
    from surveydesk.ledger.attempts import AttemptIngest, WorkLogAsHistorySays
    from surveydesk.ledger.store import LedgerStore

    _shift(keeper, clock, T0, (_task("a1", "Lab A", Money(150, "GBP")), 600, Outcome.SUBMITTED), 600)
    _shift(
        keeper, clock, T0 + timedelta(hours=1), (_task("a2", "Lab B", Money(200, "GBP")), 600, Outcome.SUBMITTED)
    )
    ledger = LedgerStore(db)
    AttemptIngest(db, ledger, lambda _platform: False).ingest(clock.now())
    first, second = sorted(ledger.entries(), key=lambda entry: entry.occurred_at)
    ledger.correct(first.id, clock.now(), amount=Money(175, "GBP"))
    ledger.correct(second.id, clock.now(), status=Status.REJECTED)
    reports = WageReports(WorkLogAsHistorySays(db), pool, PARIS_WINTER)

    today = _refresh(qtbot, reports, T0 + timedelta(hours=2)).today

    assert today.by_currency["GBP"].paid == Money(175, "GBP")
    assert today.by_currency["GBP"].task_wage == Money(1050, "GBP")  # £1.75 in 10 minutes
    assert today.unpaid_seconds[UnpaidCause.REJECTED] == 600
    pool.waitForDone(10_000)
