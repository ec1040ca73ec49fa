"""The worth the worker gave to her rewards sites' points (`surveydesk.core.points`), kept in `points_values`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue, PointsValues
from surveydesk.store.database import Database


class PointsValueStore:
    """The `points_values` table."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def of(self, account: AccountKey) -> PointsValues:
        rows = self._db.connection().execute(
            "SELECT day, points, worth_minor, currency FROM points_values WHERE platform = ? AND account = ?",
            (account.platform, account.account),
        )
        return PointsValues(
            PointsValue(date.fromisoformat(day), Decimal(points), Money(minor, currency))
            for day, points, minor, currency in rows
        )

    def set(self, account: AccountKey, value: PointsValue) -> None:
        """Keep the worker's value from `value.day` on, replacing one of the same day."""
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO points_values (platform, account, day, points, worth_minor, currency) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, account, day) DO UPDATE SET "
                "points = excluded.points, worth_minor = excluded.worth_minor, currency = excluded.currency",
                (
                    account.platform,
                    account.account,
                    value.day.isoformat(),
                    str(value.points),
                    value.worth.minor,
                    value.worth.currency,
                ),
            )

    def remove(self, account: AccountKey, day: date) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "DELETE FROM points_values WHERE platform = ? AND account = ? AND day = ?",
                (account.platform, account.account, day.isoformat()),
            )
