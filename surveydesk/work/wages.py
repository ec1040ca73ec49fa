"""Wages: what an hour of click work really paid, with the unpaid time counted.

Definitions, all per hour and rounded half-up to the currency's minor unit:

- **Task wage of one attempt**: what it paid ÷ its working time (pauses excluded).
- **Task wage of a group** of attempts: what they paid ÷ the working time of the attempts that paid. This is the
  figure platforms advertise: it ignores everything that paid nothing.
- **True wage of a period**: what was paid ÷ the whole shift time in that period, so hunting for tasks,
  waiting, screen-outs, returns and time-outs all count as the hours they were.
- **True wage of a platform or a requester**: what it paid ÷ the working time of all its attempts, paid or not.
  Time spent searching belongs to no platform, so it is left out of these.
- **Unpaid time**: shift time not spent on attempts that paid, by cause: the outcome of an attempt that paid
  nothing (screened out, returned, timed out, abandoned; *rejected* for a submission that paid nothing), or
  *searching* for shift time spent in no attempt.

Attempts earn in their platform's currency and no rate is guessed here: figures are kept per currency. The true
wages of one period's currencies add up (once converted) to its true wage, since each divides by the same hours.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from surveydesk.core.money import Money
from surveydesk.work.model import UNPAID_CAUSE_OF_OUTCOME, Attempt, UnpaidCause

HOUR = 3600.0
# Below a minute of work, a wage says how fast a click was rather than what the work paid: a task submitted two
# seconds after it started "paid" 2,648 $/h. Such a figure is too short to count, and is not shown as a wage.
SHORTEST_COUNTED_SECONDS = 60.0


def long_enough_to_count(seconds: float) -> bool:
    """Whether a wage measured over `seconds` of work is shown as a wage (see SHORTEST_COUNTED_SECONDS): the one
    rule every view applies, the Wages tab, the timer strip, History's chart, the goals and the month in words."""
    return seconds >= SHORTEST_COUNTED_SECONDS


def hourly(amount: Money, seconds: float) -> Money | None:
    """`amount` earned in `seconds`, per hour; None when no time was spent (a rate would be meaningless)."""
    if seconds <= 0:
        return None
    per_hour = amount.minor * HOUR / seconds
    return Money(int(per_hour + 0.5) if per_hour >= 0 else -int(-per_hour + 0.5), amount.currency)


def paid_by(attempt: Attempt) -> Money | None:
    """What an ended attempt earned, if anything."""
    return attempt.paid if attempt.paid is not None and attempt.paid.minor > 0 else None


def task_wage(attempt: Attempt, worked_seconds: float | None = None) -> Money | None:
    """The task wage of one attempt; `worked_seconds` overrides the stored time for one still running."""
    earned = paid_by(attempt) or (attempt.reward if attempt.is_open else None)
    if earned is None:
        return None
    return hourly(earned, attempt.worked_seconds if worked_seconds is None else worked_seconds)


@dataclass(frozen=True, slots=True)
class CurrencyFigures:
    """Wages in one currency over one group of attempts and shift time."""

    paid: Money
    paid_seconds: float  # working time of the attempts that paid
    task_wage: Money | None
    true_wage: Money | None


@dataclass(frozen=True, slots=True)
class WageReport:
    """Wages of one group (a period, a platform, a requester), per currency, with unpaid time by cause."""

    shift_seconds: float
    attempt_seconds: float
    by_currency: Mapping[str, CurrencyFigures]
    unpaid_seconds: Mapping[UnpaidCause, float] = field(default_factory=dict)

    @property
    def unpaid_share(self) -> float | None:
        """The share of the hours that paid nothing, 0..1; None when there were no hours."""
        if self.shift_seconds <= 0:
            return None
        return min(1.0, sum(self.unpaid_seconds.values()) / self.shift_seconds)


def report(attempts: Iterable[Attempt], shift_seconds: float | None) -> WageReport:
    """Wages of a group of ended attempts.

    With `shift_seconds` (a period), the true wage divides by the shift time and searching time is the shift
    time outside attempts. Without it (a platform, a requester), the true wage divides by the attempts' own time.
    """
    paid: dict[str, int] = defaultdict(int)
    paid_seconds: dict[str, float] = defaultdict(float)
    unpaid: dict[UnpaidCause, float] = defaultdict(float)
    attempt_seconds = 0.0
    for attempt in attempts:
        if attempt.is_open:
            continue
        attempt_seconds += attempt.worked_seconds
        earned = paid_by(attempt)
        if earned is not None:
            paid[earned.currency] += earned.minor
            paid_seconds[earned.currency] += attempt.worked_seconds
        elif attempt.outcome is not None:
            unpaid[UNPAID_CAUSE_OF_OUTCOME[attempt.outcome]] += attempt.worked_seconds
    # A shift stretch counts in the period it began, an attempt in the one it was taken: near midnight a
    # period can hold more attempt time than shift time, and the hours are never fewer than the work.
    hours = attempt_seconds if shift_seconds is None else max(shift_seconds, attempt_seconds)
    if shift_seconds is not None:
        searching = shift_seconds - attempt_seconds
        if searching > 0:
            unpaid[UnpaidCause.SEARCHING] += searching
    figures = {
        currency: CurrencyFigures(
            paid=Money(minor, currency),
            paid_seconds=paid_seconds[currency],
            task_wage=hourly(Money(minor, currency), paid_seconds[currency]),
            true_wage=hourly(Money(minor, currency), hours),
        )
        for currency, minor in sorted(paid.items())
    }
    return WageReport(
        shift_seconds=hours, attempt_seconds=attempt_seconds, by_currency=figures, unpaid_seconds=dict(unpaid)
    )


def by_key(attempts: Iterable[Attempt], key: Callable[[Attempt], str]) -> dict[str, WageReport]:
    """Wages per platform, per requester or any other grouping of the attempts themselves."""
    groups: dict[str, list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        groups[key(attempt)].append(attempt)
    return {name: report(group, None) for name, group in sorted(groups.items())}


def period_start(moment: datetime, period: str, zone: tzinfo) -> date:
    """The first day of the day, week (Monday) or month holding `moment`, in the worker's time zone."""
    day = moment.astimezone(zone).date()
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    raise ValueError(f"no such period: {period!r}")


def by_period(
    attempts: Iterable[Attempt], shifts: Iterable[tuple[datetime, float]], period: str, zone: tzinfo
) -> dict[date, WageReport]:
    """Wages per day, week or month; an attempt counts where it was taken, a shift stretch where it began."""
    grouped_attempts: dict[date, list[Attempt]] = defaultdict(list)
    shift_time: dict[date, float] = defaultdict(float)
    for attempt in attempts:
        grouped_attempts[period_start(attempt.started_at, period, zone)].append(attempt)
    for started_at, seconds in shifts:
        shift_time[period_start(started_at, period, zone)] += seconds
    starts = sorted(set(grouped_attempts) | set(shift_time))
    return {start: report(grouped_attempts[start], shift_time[start]) for start in starts}
