"""The records of each platform set aside (an amount that could not be true, `platforms/records.py`), kept in
the database so the worker is still told of them after a restart, until they book (`net.shapes.ShapeWatch`)."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from surveydesk.net.shapes import Change
from surveydesk.store.database import Database, DiskFullError

log = logging.getLogger(__name__)


class SetAsideStore:
    """The `records_set_aside` table (migration 15); safe from any thread (each uses its own connection)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def set_aside_records(self) -> dict[str, dict[str, Change]]:
        """Per platform, each record set aside (a digest) and why; a reason this version does not know (a newer
        one wrote it) is left out, as is its record."""
        found: dict[str, dict[str, Change]] = {}
        known = {change.value: change for change in Change if change.sets_aside}
        for platform, record, why in self._db.connection().execute(
            "SELECT platform, record, why FROM records_set_aside ORDER BY platform, record"
        ):
            if why in known:
                found.setdefault(platform, {})[record] = known[why]
        return found

    def keep_set_aside(self, platform: str, records: Mapping[str, Change]) -> None:
        """The platform's records set aside now, in place of those kept before. A full disk loses only this
        note, which the next reading of the platform makes again: it is no reason to fail the reading."""
        try:
            with self._db.transaction() as connection:
                connection.execute("DELETE FROM records_set_aside WHERE platform = ?", (platform,))
                connection.executemany(
                    "INSERT INTO records_set_aside (platform, record, why) VALUES (?, ?, ?)",
                    [(platform, record, why.value) for record, why in records.items()],
                )
        except DiskFullError:
            log.warning("the disk is full: the records set aside for %s are not kept", platform)
