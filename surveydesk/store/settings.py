"""The worker's settings: small JSON values in the `settings` table. Typed accessors live with what they are
about (work/wage_settings.py for the country and the minimum wage), so this layer names no concept above it."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import TypeAlias, TypeVar, cast

from surveydesk.store.database import Database, chunked, question_marks

log = logging.getLogger(__name__)

JsonValue: TypeAlias = "str | int | float | bool | list[JsonValue] | dict[str, JsonValue] | None"
T = TypeVar("T")


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
        self.set_text(key, json.dumps(value, ensure_ascii=False, allow_nan=False))

    # --- as JSON text (replication carries settings so, and they must come back exactly as written) ----------

    def all_keys(self) -> list[str]:
        return [key for (key,) in self._db.connection().execute("SELECT key FROM settings")]

    def texts(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        """(key, stored JSON text) of the settings among `keys` that are set."""
        found: list[tuple[str, str]] = []
        for chunk in chunked(keys):
            found += self._db.connection().execute(
                f"SELECT key, value FROM settings WHERE key IN ({question_marks(len(chunk))})", chunk
            )
        return found

    def set_text(self, key: str, text: str) -> None:
        """Keep `text` (JSON, checked by the caller) as the value of `key`, character for character."""
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, text),
            )
