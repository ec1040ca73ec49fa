"""The worker's minimum wage of a day in the currency of a wage to hold against it, through the History's rates.

She earns in pounds and dollars and her minimum is in euros: each wage is compared with the minimum converted
into its own currency, with the rates the History converts with (`ledger.rates`: the latest rate dated on or
before the day, never one guessed from a later day), and the day of the rate used goes with the figure so the
screen can say it. The minimum is the one in force on the day (`WageSettings.minimum_on`): an old month is
judged by the rate of its time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from surveydesk.core.money import Money
from surveydesk.ledger.rates import Converter, RateStore, rounded
from surveydesk.store.database import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.work.minimum_wage import DatedWage
from surveydesk.work.wage_settings import WageSettings


@dataclass(frozen=True, slots=True)
class MinimumInCurrency:
    """The minimum wage as set (`minimum`, in force since `since`) and in `currency`, the wage's.

    `converted` is None when a rate is missing; `rate_day` is the day of the rate used (None when the two
    currencies are the same, so no rate was needed, or when one is missing).
    """

    minimum: Money
    since: date
    currency: str
    converted: Money | None
    rate_day: date | None

    @property
    def needs_rate(self) -> bool:
        return self.minimum.currency != self.currency


@dataclass(frozen=True, slots=True)
class MinimumOfDay:
    """The minimum in force on `day` (None: none set or known) and in each currency asked for."""

    day: date
    in_force: DatedWage | None
    by_currency: Mapping[str, MinimumInCurrency]

    @property
    def hourly(self) -> Money | None:
        return None if self.in_force is None else self.in_force.hourly


def minimum_in(minimum: DatedWage, currency: str, converter: Converter, day: date) -> MinimumInCurrency | None:
    """`minimum` in `currency` with the rates in force on `day`; None when it sets no figure."""
    money = minimum.hourly
    if money is None:
        return None
    if money.currency == currency:
        return MinimumInCurrency(money, minimum.since, currency, money, None)
    exact = converter.exact(money, day)
    converted = None if exact is None else rounded(exact, currency)
    rate_day = None if converted is None else converter.conversion_day(money.currency, day)
    return MinimumInCurrency(money, minimum.since, currency, converted, rate_day)


class MinimumWages:
    """Reads the worker's dated minimum and the exchange rates on the calling thread's connection."""

    def __init__(self, database: Database) -> None:
        self._database = database

    def on(self, day: date, currencies: Iterable[str]) -> MinimumOfDay:
        """The minimum in force on `day`, and in each of `currencies` with the rates of that day."""
        in_force = WageSettings(SettingsStore(self._database)).minimum_on(day)
        found: dict[str, MinimumInCurrency] = {}
        wanted = sorted(set(currencies))
        if in_force is not None and in_force.hourly is not None and wanted:
            rates = RateStore(self._database).all()
            for currency in wanted:
                converter = Converter(rates, currency)
                figure = minimum_in(in_force, currency, converter, day)
                if figure is not None:
                    found[currency] = figure
        return MinimumOfDay(day, in_force, found)
