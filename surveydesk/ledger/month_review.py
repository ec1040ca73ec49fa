"""What a month was, in figures the History tab turns into a sentence: earned, hours worked and unpaid, the true
wage against the minimum, the best platform, what is still pending, and how much income varies month to month;
and which currencies its figures leave out for want of an exchange rate (never guessed).

Earned is approved + paid, as for goals (`ledger.goals`); pending is apart. Hours and unpaid hours are the work
log's (`work.wages`: shift time, and the part of it that paid nothing); the true wage is the history's own wage
series, converted as `ledger.history.wage_series` says. The spread is over the twelve months up to this one,
counting a month with nothing earned as nought (an irregular income is what the worker should see), from the
first month the ledger has money in. The minimum wage is the one in force on the month's last day (an old month
is judged by the rate of its time), converted into the history's currency with the rates of that day
(`ledger.minimum_in_currency`).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from surveydesk.core.money import Money
from surveydesk.ledger.attempts import WorkLogAsHistorySays
from surveydesk.ledger.history import APPROVED, PAID, PENDING, History, start_of, wage_series
from surveydesk.ledger.minimum_in_currency import MinimumInCurrency, MinimumWages
from surveydesk.ledger.rates import Converter, RateStore
from surveydesk.store.database import Database
from surveydesk.work.wages import by_period, long_enough_to_count

SPREAD_MONTHS = 12


@dataclass(frozen=True, slots=True)
class Spread:
    """Monthly income over recent months: the lowest, the median, the highest, and how many months."""

    months: int
    lowest: Money
    median: Money
    highest: Money


@dataclass(frozen=True, slots=True)
class MonthReview:
    """One month's figures, in the worker's currency."""

    month: date  # its first day
    earned: Money
    pending: Money
    hours: float
    unpaid_hours: float
    true_wage: Money | None
    true_wage_seconds: float  # the month's shift time, which the true wage divides by
    best_platform: str | None
    spread: Spread | None  # None with fewer than two months of history
    # Currencies of the month's amounts or pay left out of its figures: no exchange rate for their day.
    unconverted: tuple[str, ...] = ()
    minimum: MinimumInCurrency | None = None  # in force at the month's end, in the month's currency

    def share_of_minimum(self) -> float | None:
        """The true wage as a share of the month's minimum wage (0.33 for a third); None when they cannot be
        compared (no minimum, no rate to convert it, or a wage over too short a time to count)."""
        limit = None if self.minimum is None else self.minimum.converted
        if self.true_wage is None or not long_enough_to_count(self.true_wage_seconds):
            return None
        if limit is None or limit.minor <= 0:
            return None
        if limit.currency != self.true_wage.currency:
            return None
        return self.true_wage.minor / limit.minor


def month_review(database: Database, month: date, currency: str, zone: tzinfo) -> MonthReview:
    """The figures of the month holding `month`, read on the calling thread's connection; `zone` is the one the
    history dates its days in."""
    first = start_of(month, "month")
    after = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = after - timedelta(days=1)
    history = History(database)
    months = history.totals("month", currency, since=_months_before(first, SPREAD_MONTHS - 1), until=last)
    earned_by_month = {p.start: sum(p.by_group[g].amount.minor for g in (APPROVED, PAID)) for p in months.periods}
    this = next((p for p in months.periods if p.start == first), None)
    earned = earned_by_month.get(first, 0)
    pending = this.by_group[PENDING].amount.minor if this is not None else 0
    best = None
    if this is not None and this.by_platform:
        best = max(this.by_platform.items(), key=lambda item: (item[1].amount.minor, item[0]))[0]
    log = WorkLogAsHistorySays(database)
    begin, end = datetime.combine(first, time(), tzinfo=zone), datetime.combine(after, time(), tzinfo=zone)
    work = by_period(log.attempts_between(begin, end), log.shifts_between(begin, end), "month", zone).get(first)
    converter = Converter(RateStore(database).all(), currency)
    wages = [p for p in wage_series(log, "month", zone, converter, first, last) if p.start == first]
    left_out = {missing.currency for missing in history.totals("month", currency, since=first, until=last).missing}
    left_out.update(currency for point in wages for currency in point.unconverted)
    return MonthReview(
        month=first,
        earned=Money(earned, currency),
        pending=Money(pending, currency),
        hours=work.shift_seconds / 3600 if work is not None else 0.0,
        unpaid_hours=sum(work.unpaid_seconds.values()) / 3600 if work is not None else 0.0,
        true_wage=wages[0].true_wage if wages else None,
        true_wage_seconds=wages[0].shift_seconds if wages else 0.0,
        best_platform=best,
        spread=_spread(earned_by_month, first, currency),
        unconverted=tuple(sorted(left_out)),
        minimum=MinimumWages(database).on(last, [currency]).by_currency.get(currency),
    )


def _spread(earned_by_month: dict[date, int], month: date, currency: str) -> Spread | None:
    if not earned_by_month:
        return None
    start = max(min(earned_by_month), _months_before(month, SPREAD_MONTHS - 1))
    figures = []
    current = start
    while current <= month:
        figures.append(earned_by_month.get(current, 0))
        current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
    if len(figures) < 2:
        return None
    median = int(statistics.median(figures) + 0.5)
    return Spread(
        len(figures), Money(min(figures), currency), Money(median, currency), Money(max(figures), currency)
    )


def _months_before(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)
