"""Earnings goals: progress from earned money only, across day, week and month boundaries and time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from surveydesk.core.money import Money
from surveydesk.ledger.goals import GoalProgress, GoalSettings, progress
from surveydesk.ledger.zone import apply_zone
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import FixedClock
from tests.history_data import add_entry

PARIS = ZoneInfo("Europe/Paris")
EUR = "EUR"


def euros(minor: int) -> Money:
    return Money(minor, EUR)


@pytest.fixture
def goals(database: Database) -> GoalSettings:
    settings = GoalSettings(SettingsStore(database))
    settings.set_goal("day", euros(1000))
    settings.set_goal("week", euros(5000))
    settings.set_goal("month", euros(20000))
    return settings


def figures(database: Database, goals: GoalSettings, now: datetime) -> dict[str, tuple[date, int, int]]:
    return {
        goal.period: (goal.start, goal.earned.minor, goal.pending.minor)
        for goal in progress(database, goals.goals(), now, PARIS)
    }


def test_earned_money_counts_and_pending_money_is_shown_apart(database: Database, goals: GoalSettings) -> None:
    apply_zone(database, PARIS)
    add_entry(database, "approved", datetime(2026, 12, 9, 9, tzinfo=UTC), 420, EUR, status="approved")
    add_entry(database, "paid", datetime(2026, 12, 9, 10, tzinfo=UTC), 200, EUR, status="paid")
    add_entry(database, "waiting", datetime(2026, 12, 9, 11, tzinfo=UTC), 300, EUR, status="awaiting_review")
    add_entry(database, "rejected", datetime(2026, 12, 9, 12, tzinfo=UTC), 900, EUR, status="rejected")

    day = figures(database, goals, datetime(2026, 12, 9, 15, tzinfo=UTC))["day"]

    assert day == (date(2026, 12, 9), 620, 300)


def test_each_goal_starts_again_at_its_own_boundary_in_the_workers_zone(
    database: Database, goals: GoalSettings
) -> None:
    apply_zone(database, PARIS)
    clock = FixedClock(datetime(2026, 11, 29, 22, 30, tzinfo=UTC))  # Sunday 29 November, 23:30 in Paris
    add_entry(database, "sunday", datetime(2026, 11, 29, 12, tzinfo=UTC), 500, EUR, status="approved")
    # 23:45 UTC on Sunday is already Monday 30 November in Paris.
    add_entry(database, "monday", datetime(2026, 11, 29, 23, 45, tzinfo=UTC), 100, EUR, status="approved")

    sunday = figures(database, goals, clock.now())
    assert sunday == {
        "day": (date(2026, 11, 29), 500, 0),
        "week": (date(2026, 11, 23), 500, 0),
        "month": (date(2026, 11, 1), 500, 0),
    }

    clock.advance(3600)  # 00:30 on Monday 30 November in Paris: a new day and a new week, the same month
    monday = figures(database, goals, clock.now())
    assert monday == {
        "day": (date(2026, 11, 30), 100, 0),
        "week": (date(2026, 11, 30), 100, 0),
        "month": (date(2026, 11, 1), 600, 0),
    }

    clock.advance(24 * 3600)  # Tuesday 1 December: a new month, the same week
    tuesday = figures(database, goals, clock.now())
    assert tuesday["week"] == (date(2026, 11, 30), 100, 0)
    assert tuesday["month"] == (date(2026, 12, 1), 0, 0)


def test_the_same_moment_is_another_day_in_another_zone(database: Database, goals: GoalSettings) -> None:
    add_entry(database, "late", datetime(2026, 12, 9, 23, 30, tzinfo=UTC), 700, EUR, status="paid")
    now = datetime(2026, 12, 9, 23, 45, tzinfo=UTC)

    assert figures(database, goals, now)["day"] == (date(2026, 12, 10), 0, 0)  # the days are still UTC's
    apply_zone(database, PARIS)
    assert figures(database, goals, now)["day"] == (date(2026, 12, 10), 700, 0)


def test_the_time_still_needed_is_the_rest_at_todays_true_wage() -> None:
    goal = GoalProgress("day", date(2026, 12, 9), euros(1000), euros(620), euros(0), euros(500), 3600.0)

    assert goal.remaining == euros(380)
    assert goal.minutes_more == 46  # 3.80 at 5.00 an hour is 45.6 minutes: said as 46, never fewer
    none = GoalProgress("day", date(2026, 12, 9), euros(1000), euros(620), euros(0), None, 0.0)
    assert none.minutes_more is None


def test_todays_true_wage_over_under_a_minute_promises_no_time(database: Database, goals: GoalSettings) -> None:
    """A task paid 30 s into the day makes a true wage of €840/h: too short to count, so no "1 minute more"."""
    clock = FixedClock(datetime(2026, 12, 9, 9, tzinfo=UTC))
    keeper = Timekeeper(WorkLog(database), clock)
    keeper.clock_in()
    attempt = keeper.take(NewAttempt("studies", "me", "quick", "Quick", "Lab", euros(700), None))
    clock.advance(30)
    keeper.finish(attempt.id, Outcome.SUBMITTED, euros(700))
    keeper.clock_out()
    add_entry(database, "quick", datetime(2026, 12, 9, 9, tzinfo=UTC), 700, EUR, status="approved")

    day = next(goal for goal in progress(database, goals.goals(), clock.now(), UTC) if goal.period == "day")

    assert day.true_wage == euros(84_000) and day.true_wage_seconds == 30.0
    assert day.minutes_more is None


def test_a_goal_reached_is_said_once_per_period_even_after_a_restart(
    database: Database, goals: GoalSettings
) -> None:
    apply_zone(database, PARIS)
    add_entry(database, "big", datetime(2026, 12, 9, 9, tzinfo=UTC), 1200, EUR, status="approved")
    now = datetime(2026, 12, 9, 15, tzinfo=UTC)

    first = goals.newly_reached(progress(database, goals.goals(), now, PARIS))
    assert [goal.period for goal in first] == ["day"]
    restarted = GoalSettings(SettingsStore(database))
    assert restarted.newly_reached(progress(database, restarted.goals(), now, PARIS)) == []

    add_entry(database, "next", datetime(2026, 12, 10, 9, tzinfo=UTC), 1000, EUR, status="paid")
    tomorrow = datetime(2026, 12, 10, 15, tzinfo=UTC)
    assert [
        goal.period for goal in restarted.newly_reached(progress(database, goals.goals(), tomorrow, PARIS))
    ] == ["day"]


def test_a_goal_removed_or_unreadable_is_no_goal(database: Database, goals: GoalSettings) -> None:
    goals.set_goal("week", None)
    SettingsStore(database).set("earnings_goals", {"day": {"minor": "ten", "currency": EUR}})

    assert goals.goals() == {}
    with pytest.raises(ValueError, match="no such goal period"):
        goals.set_goal("year", euros(1))
