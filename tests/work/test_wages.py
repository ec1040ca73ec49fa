"""Wage arithmetic against examples worked out by hand, screen-outs and returns included."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from surveydesk.core.money import Money
from surveydesk.work.model import Attempt, Outcome, UnpaidCause
from surveydesk.work.wages import by_key, by_period, hourly, report, task_wage

T = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # a Monday


def attempt(
    minutes: float,
    outcome: Outcome | None,
    paid: int | None = None,
    currency: str = "GBP",
    platform: str = "prolific",
    requester: str = "Lab A",
    at: datetime = T,
    reward: int = 150,
) -> Attempt:
    return Attempt(
        id=1,
        shift_id=1,
        platform=platform,
        account="me",
        external_id="x",
        title="t",
        requester=requester,
        reward=Money(reward, currency),
        time_limit_seconds=None,
        started_at=at,
        worked_seconds=minutes * 60,
        working_since=None,
        ended_at=None if outcome is None else at,
        outcome=outcome,
        paid=None if paid is None else Money(paid, currency),
    )


@pytest.mark.parametrize(
    ("amount", "seconds", "expected"),
    [
        (150, 600, 900),  # £1.50 in 10 min = £9.00/h
        (100, 420, 857),  # £1.00 in 7 min = £8.571… → £8.57
        (1, 7200, 1),  # 0.5p/h rounds half up to 1p
        (0, 600, 0),
        (150, 0, None),
    ],
)
def test_hourly_rounds_half_up(amount: int, seconds: float, expected: int | None):
    rate = hourly(Money(amount, "GBP"), seconds)
    assert (rate.minor if rate else None) == expected


def test_task_wage_of_one_attempt():
    assert task_wage(attempt(10, Outcome.SUBMITTED, paid=150)) == Money(900, "GBP")
    assert task_wage(attempt(10, Outcome.RETURNED)) is None
    assert task_wage(attempt(0, None), worked_seconds=300) == Money(1800, "GBP")  # running: the reward it promises


def test_a_shift_with_screen_outs_returns_and_searching():
    # A 2-hour shift: two paid surveys (£1.50 in 10 min, £3.00 in 20 min), a screen-out after 5 min,
    # a return after 15 min, a screen-out that paid 10p after 4 min; the other 66 min were spent searching.
    attempts = [
        attempt(10, Outcome.SUBMITTED, paid=150),
        attempt(20, Outcome.SUBMITTED, paid=300),
        attempt(5, Outcome.SCREENED_OUT),
        attempt(15, Outcome.RETURNED),
        attempt(4, Outcome.SCREENED_OUT, paid=10),
    ]
    result = report(attempts, shift_seconds=2 * 3600)
    gbp = result.by_currency["GBP"]
    assert gbp.paid == Money(460, "GBP")
    assert gbp.paid_seconds == 34 * 60
    assert gbp.task_wage == Money(812, "GBP")  # 460p / 34 min = 811.76p/h
    assert gbp.true_wage == Money(230, "GBP")  # 460p / 2 h
    assert result.unpaid_seconds == {
        UnpaidCause.SCREENED_OUT: 5 * 60,
        UnpaidCause.RETURNED: 15 * 60,
        UnpaidCause.SEARCHING: 66 * 60,
    }
    assert result.unpaid_share == pytest.approx(86 / 120)


def test_open_attempts_are_left_out_until_they_end():
    result = report([attempt(30, None), attempt(10, Outcome.SUBMITTED, paid=150)], shift_seconds=3600)
    assert result.attempt_seconds == 600
    assert result.by_currency["GBP"].true_wage == Money(150, "GBP")


def test_currencies_are_kept_apart_and_their_true_wages_share_the_hours():
    result = report(
        [attempt(10, Outcome.SUBMITTED, paid=150), attempt(10, Outcome.SUBMITTED, paid=200, currency="USD")],
        shift_seconds=3600,
    )
    assert result.by_currency["GBP"].true_wage == Money(150, "GBP")
    assert result.by_currency["USD"].true_wage == Money(200, "USD")
    assert result.by_currency["USD"].task_wage == Money(1200, "USD")


def test_per_platform_true_wage_divides_by_all_its_attempt_time():
    reports = by_key(
        [
            attempt(10, Outcome.SUBMITTED, paid=150),
            attempt(20, Outcome.SCREENED_OUT),
            attempt(30, Outcome.SUBMITTED, paid=600, currency="USD", platform="mturk"),
        ],
        key=lambda item: item.platform,
    )
    assert reports["prolific"].by_currency["GBP"].task_wage == Money(900, "GBP")
    assert reports["prolific"].by_currency["GBP"].true_wage == Money(300, "GBP")  # 150p / 30 min
    assert reports["mturk"].by_currency["USD"].true_wage == Money(1200, "USD")
    assert UnpaidCause.SEARCHING not in reports["prolific"].unpaid_seconds


def test_days_and_weeks_follow_the_workers_time_zone():
    paris = timezone(timedelta(hours=1))
    late = T.replace(hour=23, minute=30)  # 00:30 on Tuesday in Paris
    attempts = [attempt(10, Outcome.SUBMITTED, paid=150), attempt(10, Outcome.SUBMITTED, paid=150, at=late)]
    shifts = [(T, 3600.0), (late, 1800.0)]
    days = by_period(attempts, shifts, "day", paris)
    assert list(days) == [date(2026, 11, 23), date(2026, 11, 24)]
    assert days[date(2026, 11, 24)].by_currency["GBP"].true_wage == Money(300, "GBP")
    weeks = by_period(attempts, shifts, "week", paris)
    assert list(weeks) == [date(2026, 11, 23)]
    assert weeks[date(2026, 11, 23)].by_currency["GBP"].true_wage == Money(200, "GBP")  # 300p / 1.5 h
    months = by_period(attempts, shifts, "month", paris)
    assert list(months) == [date(2026, 11, 1)]


def test_a_submission_that_paid_nothing_is_rejected_time():
    result = report([attempt(12, Outcome.SUBMITTED, paid=0)], shift_seconds=3600)
    assert result.unpaid_seconds[UnpaidCause.REJECTED] == 12 * 60
    assert result.by_currency == {}
