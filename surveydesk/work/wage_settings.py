"""The worker's country and the dated hourly minimum wages she holds her true wage against, kept in the settings.

They belong to the work package (the statutory figures are in minimum_wage.py); the settings store below only
keeps JSON values, so it knows nothing of wages.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from surveydesk.core.money import Money, MoneyError
from surveydesk.store.settings import JsonValue, SettingsStore
from surveydesk.work.minimum_wage import DatedWage, default_country, statutory_rates, wage_on

log = logging.getLogger(__name__)

COUNTRY = "country"
MINIMUM_WAGE = "minimum_wage"
CURRENCY = "history_currency"  # named when only History showed it

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_UNSET = object()


class WageSettings:
    """Typed access to two settings; a value that cannot be read falls back to its default, logged."""

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def currency(self) -> str:
        """The currency she counts in (History's totals, the amounts of her rules): the one she chose, else her
        minimum wage's, else the euro."""
        stored = self._settings.get(CURRENCY, "")
        if isinstance(stored, str) and stored:
            return stored
        minimum = self.minimum_wage()
        return minimum.currency if minimum is not None else "EUR"

    def set_currency(self, code: str) -> None:
        """Keep `code` (an ISO 4217 code, already checked) as her currency, unless it is already the default."""
        if code != self.currency():
            self._settings.set(CURRENCY, code)

    def country(self) -> str:
        """The worker's country (ISO 3166-1 alpha-2): what they chose, else what the system locale says."""
        stored = self._settings.get(COUNTRY, _UNSET)
        if isinstance(stored, str) and _COUNTRY_CODE.match(stored):
            return stored
        if stored is not _UNSET:
            log.warning("setting %r is not a country code (%r); using the locale's", COUNTRY, stored)
        return default_country()

    def set_country(self, country: str) -> None:
        code = country.strip().upper()
        if not _COUNTRY_CODE.match(code):
            raise ValueError(f"not an ISO 3166 country code: {country!r}")
        self._settings.set(COUNTRY, code)

    def minimum_wage(self) -> Money | None:
        """The hourly minimum wage the worker compares against now: her latest own figure, else her country's
        latest statutory one; None once she cleared it."""
        rates = self.minimum_rates()
        return rates[-1].hourly if rates else None

    def minimum_on(self, day: date) -> DatedWage | None:
        """The minimum wage in force on `day`, with the day it took effect; None before any is known."""
        return wage_on(self.minimum_rates(), day)

    def minimum_rates(self) -> tuple[DatedWage, ...]:
        """The dated minimums, oldest first: the country's statutory rates until the worker's first own figure,
        then hers (a statutory rise after she typed hers does not replace it: she chose it)."""
        statutory = statutory_rates(self.country())
        own = self._own_rates()
        if not own:
            return statutory
        return tuple(rate for rate in statutory if rate.since < own[0].since) + own

    def set_minimum_wage(self, wage: Money | None, since: date) -> None:
        """Keep `wage` from `since` on, exactly, in minor units (never a float); None means the worker wants no
        comparison from that day. Her earlier figures stay for the days before; one of the same day is replaced."""
        kept = [rate for rate in self._own_rates() if rate.since < since] + [DatedWage(since, wage)]
        self._settings.set(MINIMUM_WAGE, {"rates": [_stored(rate) for rate in kept]})

    def _own_rates(self) -> tuple[DatedWage, ...]:
        """The worker's own dated figures; a value that cannot be read counts as none (logged)."""
        stored = self._settings.get(MINIMUM_WAGE, _UNSET)
        if stored is _UNSET:
            return ()
        try:
            return _rates_of(stored)
        except (MoneyError, ValueError) as error:
            log.warning("setting %r cannot be read (%s); using the country's figure", MINIMUM_WAGE, error)
            return ()


# A figure kept before minimums were dated applied to every day.
_EVER = date(1970, 1, 1)


def _stored(rate: DatedWage) -> JsonValue:
    money = rate.hourly
    place: dict[str, JsonValue] = {"since": rate.since.isoformat()}
    if money is not None:
        place.update(minor=money.minor, currency=money.currency)
    return place


def _rates_of(stored: object) -> tuple[DatedWage, ...]:
    """The dated figures of the setting; the figure (or None) kept before they were dated applies to every day."""
    if stored is None:
        return (DatedWage(_EVER, None),)
    if not isinstance(stored, dict):
        raise MoneyError(f"not a minimum wage: {stored!r}")
    if "rates" not in stored:
        return (DatedWage(_EVER, _money_of(stored)),)
    listed = stored["rates"]
    if not isinstance(listed, list) or not all(isinstance(rate, dict) for rate in listed):
        raise MoneyError(f"not dated minimum wages: {listed!r}")
    rates = [
        DatedWage(date.fromisoformat(str(rate.get("since"))), _money_of(rate) if "minor" in rate else None)
        for rate in listed
    ]
    return tuple(sorted(rates, key=lambda rate: rate.since))


def _money_of(stored: object) -> Money:
    if not isinstance(stored, dict):
        raise MoneyError(f"not a money object: {stored!r}")
    minor, currency = stored.get("minor"), stored.get("currency")
    if type(minor) is not int or not isinstance(currency, str):
        raise MoneyError(f"not a money object: {stored!r}")
    return Money(minor, currency)
