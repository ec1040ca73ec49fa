"""The worker's country and the hourly minimum wage they hold their true wage against, kept in the settings.

They belong to the work package (the statutory figures are in minimum_wage.py); the settings store below only
keeps JSON values, so it knows nothing of wages.
"""

from __future__ import annotations

import logging
import re

from surveydesk.core.money import Money, MoneyError
from surveydesk.store.settings import SettingsStore
from surveydesk.work.minimum_wage import default_country, default_minimum_wage

log = logging.getLogger(__name__)

COUNTRY = "country"
MINIMUM_WAGE = "minimum_wage"

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_UNSET = object()


class WageSettings:
    """Typed access to two settings; a value that cannot be read falls back to its default, logged."""

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

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
        """The hourly minimum wage the worker compares against.

        Until they save one it is their country's statutory figure; once they clear it, there is none.
        """
        stored = self._settings.get(MINIMUM_WAGE, _UNSET)
        if stored is _UNSET:
            return default_minimum_wage(self.country())
        if stored is None:
            return None
        try:
            return _money_of(stored)
        except MoneyError as error:
            log.warning("setting %r cannot be read (%s); using the country's figure", MINIMUM_WAGE, error)
            return default_minimum_wage(self.country())

    def set_minimum_wage(self, wage: Money | None) -> None:
        """Keep `wage` exactly, in minor units (never a float); None means the worker wants no comparison."""
        self._settings.set(
            MINIMUM_WAGE, None if wage is None else {"minor": wage.minor, "currency": wage.currency}
        )


def _money_of(stored: object) -> Money:
    if not isinstance(stored, dict):
        raise MoneyError(f"not a money object: {stored!r}")
    minor, currency = stored.get("minor"), stored.get("currency")
    if type(minor) is not int or not isinstance(currency, str):
        raise MoneyError(f"not a money object: {stored!r}")
    return Money(minor, currency)
