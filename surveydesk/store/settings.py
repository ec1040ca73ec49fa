"""The worker's settings: small JSON values in the `settings` table, with typed accessors for the ones we use."""

from __future__ import annotations

import json
import logging
import re
from typing import TypeAlias, TypeVar, cast

from surveydesk.core.money import Money, MoneyError
from surveydesk.store.database import Database
from surveydesk.work.minimum_wage import default_country, default_minimum_wage

log = logging.getLogger(__name__)

JsonValue: TypeAlias = "str | int | float | bool | list[JsonValue] | dict[str, JsonValue] | None"
T = TypeVar("T")

COUNTRY = "country"
MINIMUM_WAGE = "minimum_wage"

_COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
_UNSET = object()


class SettingsStore:
    """Reads and writes settings at once; a value that cannot be read falls back to its default, logged."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: T) -> T:
        """The stored JSON value of `key` as it was set, or `default` when it was never set."""
        row = self._db.connection().execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return cast(T, json.loads(row[0]))
        except json.JSONDecodeError:
            log.warning("setting %r is not JSON (%r); using the default", key, row[0])
            return default

    def set(self, key: str, value: JsonValue) -> None:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )

    # --- typed settings -------------------------------------------------------------------------------------

    def country(self) -> str:
        """The worker's country (ISO 3166-1 alpha-2): what they chose, else what the system locale says."""
        stored = self.get(COUNTRY, _UNSET)
        if isinstance(stored, str) and _COUNTRY_CODE.match(stored):
            return stored
        if stored is not _UNSET:
            log.warning("setting %r is not a country code (%r); using the locale's", COUNTRY, stored)
        return default_country()

    def set_country(self, country: str) -> None:
        code = country.strip().upper()
        if not _COUNTRY_CODE.match(code):
            raise ValueError(f"not an ISO 3166 country code: {country!r}")
        self.set(COUNTRY, code)

    def minimum_wage(self) -> Money | None:
        """The hourly minimum wage the worker compares against.

        Until they save one it is their country's statutory figure; once they clear it, there is none.
        """
        stored = self.get(MINIMUM_WAGE, _UNSET)
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
        self.set(MINIMUM_WAGE, None if wage is None else {"minor": wage.minor, "currency": wage.currency})


def _money_of(stored: object) -> Money:
    if not isinstance(stored, dict):
        raise MoneyError(f"not a money object: {stored!r}")
    minor, currency = stored.get("minor"), stored.get("currency")
    if type(minor) is not int or not isinstance(currency, str):
        raise MoneyError(f"not a money object: {stored!r}")
    return Money(minor, currency)
