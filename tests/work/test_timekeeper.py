"""The timekeeper: shifts and attempts through their lifecycle, written at once, timed on the monotonic clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from surveydesk.core.money import Money
from surveydesk.store import Database
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import LimitWarning, Timekeeper, TimerError, limit_warnings
from tests.factories import T0, FixedClock

SURVEY = NewAttempt("prolific", "demo", "s1", "Daily habits", "Oxford Lab", Money(150, "GBP"), 45 * 60)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    with Database.open(tmp_path / "work.sqlite3") as database:
        yield database


@pytest.fixture
def keeper(db: Database, clock: FixedClock) -> Timekeeper:
    return Timekeeper(WorkLog(db), clock)


def test_taking_a_task_clocks_in_by_itself(keeper: Timekeeper):
    assert keeper.shift is None
    attempt = keeper.take(SURVEY)
    assert keeper.shift is not None and keeper.shift.automatic
    assert attempt.shift_id == keeper.shift.id
    assert keeper.is_working(attempt.id)


def test_working_time_excludes_pauses_and_the_limit_counts_them(keeper: Timekeeper, clock: FixedClock):
    attempt = keeper.take(SURVEY)
    clock.advance(300)
    keeper.pause(attempt.id)
    clock.advance(120)
    attempt = keeper.resume(attempt.id)
    clock.advance(60)
    assert keeper.worked_seconds(attempt) == 360
    assert keeper.seconds_since_taken(attempt) == 480
    assert keeper.remaining_seconds(attempt) == 45 * 60 - 480


def test_submitting_earns_the_reward_and_records_every_transition(keeper: Timekeeper, clock: FixedClock, db):
    attempt = keeper.take(SURVEY)
    clock.advance(600)
    keeper.pause(attempt.id)
    keeper.resume(attempt.id)
    clock.advance(60)
    done = keeper.finish(attempt.id, Outcome.SUBMITTED)
    assert (done.outcome, done.paid, done.worked_seconds) == (Outcome.SUBMITTED, Money(150, "GBP"), 660)
    events = [event for _, event in WorkLog(db).events(attempt.id)]
    assert events == ["taken", "paused", "resumed", "paused", "submitted"]
    with pytest.raises(TimerError, match="already ended"):
        keeper.resume(attempt.id)


def test_a_screen_out_pays_what_the_worker_says(keeper: Timekeeper):
    attempt = keeper.take(SURVEY)
    assert keeper.finish(attempt.id, Outcome.SCREENED_OUT).paid is None
    second = keeper.take(SURVEY)
    assert keeper.finish(second.id, Outcome.SCREENED_OUT, Money(10, "GBP")).paid == Money(10, "GBP")


def test_taking_a_second_task_pauses_the_first(keeper: Timekeeper, clock: FixedClock, db: Database):
    first = keeper.take(SURVEY)
    clock.advance(100)
    second = keeper.take(SURVEY)
    clock.advance(50)
    assert not keeper.is_working(first.id) and keeper.is_working(second.id)
    assert keeper.worked_seconds(WorkLog(db).attempt(first.id)) == 100


def test_setting_the_system_clock_does_not_change_durations(keeper: Timekeeper, clock: FixedClock):
    attempt = keeper.take(SURVEY)
    clock.advance(120)
    clock.set_wall(T0 - timedelta(hours=5))
    clock.advance(30)
    done = keeper.finish(attempt.id, Outcome.SUBMITTED)
    assert done.worked_seconds == 150
    assert keeper.shift_seconds() == 150


def test_clocking_out_pauses_the_attempt_and_ends_the_shift(keeper: Timekeeper, clock: FixedClock):
    attempt = keeper.take(SURVEY)
    clock.advance(90)
    keeper.clock_out()
    assert keeper.shift is None
    assert not keeper.is_working(attempt.id)
    assert keeper.open_attempts()[0].worked_seconds == 90


def test_a_run_that_stopped_leaves_interruptions_the_worker_resolves(db: Database, clock: FixedClock):
    first_run = Timekeeper(WorkLog(db), clock)
    attempt = first_run.take(SURVEY)
    clock.advance(200)
    first_run.keep_alive()
    clock.advance(1000)  # SurveyDesk is killed here; these seconds were never recorded

    second_run = Timekeeper(WorkLog(db), clock)
    found = {(item.kind, item.title, item.seconds_before) for item in second_run.interruptions()}
    assert found == {("shift", "your shift", 200), ("attempt", "Daily habits", 200)}
    with pytest.raises(TimerError, match="closed counts"):
        second_run.finish(attempt.id, Outcome.SUBMITTED)

    shift_gap, attempt_gap = sorted(second_run.interruptions(), key=lambda item: item.kind == "attempt")
    second_run.resolve(shift_gap, count_gap=True)
    second_run.resolve(attempt_gap, count_gap=False)
    assert second_run.interruptions() == []
    assert WorkLog(db).attempt(attempt.id).worked_seconds == 200
    assert second_run.shift_seconds() == 1200
    assert second_run.shift_running


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (0, set()),
        (1439, set()),
        (1440, {LimitWarning.EIGHTY_PERCENT}),
        (1679, {LimitWarning.EIGHTY_PERCENT}),
        (1680, {LimitWarning.EIGHTY_PERCENT, LimitWarning.TWO_MINUTES}),
        (1800, {LimitWarning.EIGHTY_PERCENT, LimitWarning.TWO_MINUTES, LimitWarning.EXPIRED}),
    ],
)
def test_limit_warnings_at_80_percent_two_minutes_and_the_end(elapsed: float, expected: set[LimitWarning]):
    assert limit_warnings(30 * 60, elapsed) == expected


def test_a_short_limit_warns_two_minutes_before_even_before_80_percent():
    assert limit_warnings(300, 180) == {LimitWarning.TWO_MINUTES}
    assert limit_warnings(None, 10_000) == set()


CHILD = """
import sys
from pathlib import Path
from surveydesk.core.clock import SystemClock
from surveydesk.core.money import Money
from surveydesk.store import Database
from surveydesk.work.store import WorkLog
from surveydesk.work.model import NewAttempt
from surveydesk.work.timekeeper import Timekeeper

keeper = Timekeeper(WorkLog(Database.open(Path(sys.argv[1]))), SystemClock())
attempt = keeper.take(NewAttempt("prolific", "demo", "s1", "Killed mid-task", "", Money(150, "GBP"), 2700))
keeper.keep_alive()
print(attempt.id, flush=True)
sys.stdin.read()  # work goes on until the test kills this process
"""


def test_an_attempt_survives_sigkill_and_is_found_on_restart(tmp_path: Path, clock: FixedClock):
    import signal
    import subprocess
    import sys

    path = tmp_path / "killed.sqlite3"
    Database.open(path).close()
    with subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            attempt_id = int(child.stdout.readline())
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(10)
    assert child.returncode == -signal.SIGKILL

    with Database.open(path) as db:
        keeper = Timekeeper(WorkLog(db), clock)
        found = {(item.kind, item.owner_id if item.kind == "attempt" else 0) for item in keeper.interruptions()}
        assert found == {("shift", 0), ("attempt", attempt_id)}
        for item in keeper.interruptions():
            keeper.resolve(item, count_gap=False)
        (attempt,) = keeper.open_attempts()
        assert attempt.title == "Killed mid-task" and not keeper.is_working(attempt.id)
        assert keeper.finish(attempt.id, Outcome.SUBMITTED).outcome is Outcome.SUBMITTED
        assert db.connection().execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_listed_task_brings_its_limit_and_a_survey_wall_an_estimated_one():
    from tests.factories import make_task

    assert NewAttempt.for_task(make_task("p", time_allowed_minutes=45)).time_limit_seconds == 2700
    wall = make_task("w", platform="cpx", estimated_minutes=12, time_allowed_minutes=None)
    assert NewAttempt.for_task(wall, survey_wall=True).time_limit_seconds == 36 * 60
    assert (
        NewAttempt.for_task(make_task("m", platform="mturk", time_allowed_minutes=None)).time_limit_seconds is None
    )


def test_resuming_a_task_after_a_restart_resumes_the_shift_too(db, clock: FixedClock):
    """A clean quit pauses the shift and the task; resuming the task alone used to leave the shift paused."""
    first_run = Timekeeper(WorkLog(db), clock)
    attempt = first_run.take(SURVEY)
    clock.advance(60)
    first_run.suspend()
    clock.advance(3600)
    second_run = Timekeeper(WorkLog(db), clock)
    assert not second_run.shift_running
    second_run.resume(attempt.id)
    assert second_run.shift_running and second_run.is_working(attempt.id)
    clock.advance(30)
    assert second_run.shift_seconds() == 90
