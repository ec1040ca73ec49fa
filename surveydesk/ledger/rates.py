"""Exchange rates with their date, and the conversion of the ledger's amounts into the worker's currency.

Rates are kept as the ECB publishes them: how many units of a currency one euro buys on a day, as exact
decimal text (no float ever touches them). An amount of day D is converted with each currency's latest rate
dated D or earlier; when a currency has no rate that old, the amount is *not* converted and the totals say so
(see `Converter.missing`): no rate is ever guessed from a later day.

Rounding: an amount in X becomes `minor_X × 10^(e_W − e_X) × per_euro_W ÷ per_euro_X` minor units of W, kept
exact (Decimal, 28 significant digits) while amounts are added up; each figure shown is rounded once, half up,
to W's minor unit. So a total is the rounded sum of exact conversions, and the totals of the parts (platforms,
statuses) can differ from the grand total by at most one minor unit each.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from surveydesk.core.money import Money, minor_exponent, normalise_currency
from surveydesk.store.database import Database

EURO = "EUR"
ECB = "ecb"
WORKER = "worker"
# A rate outside these bounds is a typing slip, not a currency (the ECB's range is about 0.3 to 25,000).
_SMALLEST_RATE = Decimal("0.000001")
_LARGEST_RATE = Decimal("100000000")


class RateError(ValueError):
    """A rate that cannot be right: not a positive number, or not a currency."""


@dataclass(frozen=True, slots=True)
class Rate:
    """`per_euro` units of `currency` bought one euro on `day`."""

    currency: str
    day: date
    per_euro: Decimal
    source: str


def parse_rate(text: str) -> Decimal:
    """A rate typed or published as text ("1.0921", "1,0921"), exactly; anything else raises `RateError`."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except InvalidOperation:
        raise RateError(f"not a rate: {text!r}") from None
    if not value.is_finite() or not _SMALLEST_RATE <= value <= _LARGEST_RATE:
        raise RateError(f"not a plausible rate: {text!r}")
    return value


class RateStore:
    """The `exchange_rates` table."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def all(self) -> list[Rate]:
        rows = self._db.connection().execute(
            "SELECT currency, day, per_euro, source FROM exchange_rates ORDER BY currency, day"
        )
        return [
            Rate(currency, date.fromisoformat(day), Decimal(text), source) for currency, day, text, source in rows
        ]

    def in_force(self, day: date) -> list[Rate]:
        """Each currency's rate in force on `day` (its latest dated on or before it): one row per currency, for
        what needs only today's rates (the task list's money rules) and reads them on the GUI thread."""
        rows = self._db.connection().execute(
            "SELECT currency, max(day), per_euro, source FROM exchange_rates WHERE day <= ? GROUP BY currency",
            (day.isoformat(),),
        )
        return [
            Rate(currency, date.fromisoformat(on), Decimal(text), source) for currency, on, text, source in rows
        ]

    def set_by_worker(self, currency: str, day: date, per_euro: Decimal) -> None:
        """Keep the worker's rate for `day`, replacing whatever was there (theirs wins over the ECB's)."""
        code = checked_currency(currency)
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO exchange_rates (currency, day, per_euro, source) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (currency, day) DO UPDATE SET per_euro = excluded.per_euro, source = excluded.source",
                (code, day.isoformat(), str(per_euro), WORKER),
            )

    def remove(self, currency: str, day: date) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "DELETE FROM exchange_rates WHERE currency = ? AND day = ?", (currency, day.isoformat())
            )

    def add_published(self, rates: Iterable[Rate]) -> int:
        """Store the ECB's rates in one transaction; a rate the worker typed for the same day stays.

        Returns how many rates were new or changed.
        """
        changed = 0
        with self._db.transaction() as connection:
            for rate in rates:
                cursor = connection.execute(
                    "INSERT INTO exchange_rates (currency, day, per_euro, source) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (currency, day) DO UPDATE SET per_euro = excluded.per_euro "
                    "WHERE exchange_rates.source = ? AND exchange_rates.per_euro <> excluded.per_euro",
                    (checked_currency(rate.currency), rate.day.isoformat(), str(rate.per_euro), ECB, ECB),
                )
                changed += cursor.rowcount
        return changed


def checked_currency(currency: str) -> str:
    """The currency's ISO code, if a rate can be kept for it; else `RateError` (or `MoneyError`) says why."""
    code = normalise_currency(currency)
    if code == EURO:
        raise RateError("the euro is the base of every rate; it needs none")
    return code


@dataclass(frozen=True, slots=True)
class Missing:
    """Amounts of one currency that could not be converted: no rate was dated on or before their day."""

    currency: str
    minor: int
    entries: int
    first_day: date


class Converter:
    """Converts amounts of given days into `target` with the rates it was built with; counts what it could not."""

    def __init__(self, rates: Iterable[Rate], target: str) -> None:
        self.target = normalise_currency(target)
        days: dict[str, list[date]] = {}
        values: dict[str, list[Decimal]] = {}
        for rate in sorted(rates, key=lambda r: (r.currency, r.day)):
            days.setdefault(rate.currency, []).append(rate.day)
            values.setdefault(rate.currency, []).append(rate.per_euro)
        self._days = days
        self._values = values
        self._factors: dict[tuple[str, str], Decimal | None] = {}

    def per_euro(self, currency: str, day: date) -> Decimal | None:
        """The rate of `currency` in force on `day` (its latest dated on or before it); None if there is none."""
        if currency == EURO:
            return Decimal(1)
        index = self._index_in_force(currency, day)
        return None if index is None else self._values[currency][index]

    def rate_day(self, currency: str, day: date) -> date | None:
        """The day of the rate of `currency` in force on `day` (what the worker is told was used); None for the
        euro, which needs none, or when there is no rate that old."""
        index = None if currency == EURO else self._index_in_force(currency, day)
        return None if index is None else self._days[currency][index]

    def conversion_day(self, currency: str, day: date) -> date | None:
        """The day of the rates that convert `currency` into the target on `day`: the later of the two
        currencies' rate days (the one that makes the conversion that old); None when none was needed."""
        days = [d for d in (self.rate_day(currency, day), self.rate_day(self.target, day)) if d is not None]
        return max(days) if days else None

    def one_factor(self, currency: str, first: date, last: date) -> bool:
        """Whether one factor converts `currency` on every day from `first` to `last`: a rate of each currency
        (the euro needs none) is in force on `first` and none is dated after it up to `last`."""
        if currency == self.target:
            return True
        for code in {currency, self.target} - {EURO}:
            index = self._index_in_force(code, first)
            if index is None or index != self._index_in_force(code, last):
                return False
        return True

    def _index_in_force(self, currency: str, day: date) -> int | None:
        days = self._days.get(currency)
        if not days:
            return None
        index = bisect.bisect_right(days, day) - 1
        return index if index >= 0 else None

    def factor(self, currency: str, day_text: str) -> Decimal | None:
        """What one minor unit of `currency` on the ISO day `day_text` is worth in minor units of the target."""
        key = (currency, day_text)
        if key in self._factors:
            return self._factors[key]
        if currency == self.target:
            factor: Decimal | None = Decimal(1)
        else:
            day = date.fromisoformat(day_text)
            source, target = self.per_euro(currency, day), self.per_euro(self.target, day)
            if source is None or target is None:
                factor = None
            else:
                shift = minor_exponent(self.target) - minor_exponent(currency)
                factor = (target / source).scaleb(shift)
        self._factors[key] = factor
        return factor

    def exact(self, money: Money, day: date) -> Decimal | None:
        """`money` of `day` in minor units of the target, exactly; None when a rate is missing."""
        factor = self.factor(money.currency, day.isoformat())
        return None if factor is None else money.minor * factor


def rounded(exact_minor: Decimal, currency: str) -> Money:
    """An exact amount of minor units, rounded half up to a whole one (the one rounding of a shown figure)."""
    return Money(int(exact_minor.to_integral_value(rounding=ROUND_HALF_UP)), currency)
