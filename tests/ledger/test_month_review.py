"""A month's figures for the History tab: earned, hours, unpaid hours, true wage, best platform, spread."""

from __future__ import annotations

from datetime import UTC, date, datetime

from surveydesk.core.money import Money
from surveydesk.ledger.month_review import month_review
from surveydesk.store import Database
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import FixedClock
from tests.history_data import add_entry


def work(database: Database, clock: FixedClock, paid_minutes: float, unpaid_minutes: float, pay: int) -> None:
    """One shift: a task that paid `pay` euro cents, then one screened out."""
    keeper = Timekeeper(WorkLog(database), clock)
    keeper.clock_in()
    for name, minutes, outcome, paid in (
        ("paid", paid_minutes, Outcome.SUBMITTED, Money(pay, "EUR")),
        ("screened", unpaid_minutes, Outcome.SCREENED_OUT, None),
    ):
        attempt = keeper.take(NewAttempt("studies", "me", name, name, "Lab", Money(pay, "EUR"), None))
        clock.advance(minutes * 60)
        keeper.finish(attempt.id, outcome, paid)
    keeper.clock_out()


def test_a_month_in_figures(database: Database) -> None:
    work(database, FixedClock(datetime(2026, 3, 10, 9, tzinfo=UTC)), paid_minutes=120, unpaid_minutes=60, pay=900)
    add_entry(database, "a", datetime(2026, 3, 10, 10, tzinfo=UTC), 900, "EUR", status="paid", platform="studies")
    add_entry(
        database, "b", datetime(2026, 3, 12, 10, tzinfo=UTC), 300, "EUR", status="approved", platform="walls"
    )
    add_entry(database, "c", datetime(2026, 3, 14, 10, tzinfo=UTC), 150, "EUR", status="awaiting_review")
    add_entry(database, "jan", datetime(2026, 1, 14, 10, tzinfo=UTC), 4000, "EUR", status="paid")

    march = month_review(database, date(2026, 3, 20), "EUR", UTC)

    assert march.month == date(2026, 3, 1)
    assert march.earned == Money(1200, "EUR") and march.pending == Money(150, "EUR")
    assert (march.hours, march.unpaid_hours) == (3.0, 1.0)
    assert march.true_wage == Money(300, "EUR")  # €9 over three hours
    assert march.best_platform == "studies"
    # January €40, February nothing, March €12: a month with nothing earned counts as nought.
    assert march.spread is not None
    assert (march.spread.months, march.spread.lowest, march.spread.median, march.spread.highest) == (
        3, Money(0, "EUR"), Money(1200, "EUR"), Money(4000, "EUR"),
    )  # fmt: skip


def test_a_true_wage_over_under_a_minute_of_work_is_not_judged_against_the_minimum(database: Database) -> None:
    work(database, FixedClock(datetime(2026, 3, 10, 9, tzinfo=UTC)), paid_minutes=0.5, unpaid_minutes=0, pay=900)
    add_entry(database, "a", datetime(2026, 3, 10, 10, tzinfo=UTC), 900, "EUR", status="paid")

    march = month_review(database, date(2026, 3, 20), "EUR", UTC)

    assert march.true_wage == Money(108_000, "EUR") and march.true_wage_seconds == 30.0  # €9 in 30 s
    assert march.minimum is not None and march.minimum.converted is not None  # a minimum it could be held to
    assert march.share_of_minimum() is None  # too short to count


def test_a_month_names_the_currencies_it_leaves_out_for_want_of_a_rate(database: Database) -> None:
    add_entry(database, "a", datetime(2026, 3, 10, 10, tzinfo=UTC), 900, "EUR", status="paid")
    add_entry(database, "b", datetime(2026, 3, 12, 10, tzinfo=UTC), 300, "USD", status="approved")  # no rate
    add_entry(database, "feb", datetime(2026, 2, 12, 10, tzinfo=UTC), 500, "GBP", status="paid")  # not March

    march = month_review(database, date(2026, 3, 20), "EUR", UTC)

    assert march.earned == Money(900, "EUR") and march.unconverted == ("USD",)
    assert month_review(database, date(2026, 4, 1), "EUR", UTC).unconverted == ()


def test_an_empty_month_says_nothing_was_earned(database: Database) -> None:
    empty = month_review(database, date(2026, 3, 1), "EUR", UTC)

    assert (empty.earned, empty.hours, empty.true_wage, empty.best_platform, empty.spread) == (
        Money(0, "EUR"), 0.0, None, None, None,
    )  # fmt: skip
