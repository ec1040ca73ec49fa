"""Rolling daily copies of the database, and putting the newest sound one back in place of a damaged file."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from surveydesk.store.database import Database, write_copy

log = logging.getLogger(__name__)

BACKUP_FOLDER_NAME = "backups"
KEEP_DAYS = 7
_PREFIX = "surveydesk-"
_SUFFIX = ".sqlite3"
_COMPANIONS = ("-wal", "-shm", "-journal")  # SQLite's files that belong to the database beside them


@dataclass(frozen=True, slots=True)
class Backup:
    """One day's copy."""

    path: Path
    day: date


class RollingBackups:
    """One copy a day, the last `KEEP_DAYS` kept, in a folder of their own.

    Each copy is made with SQLite's online backup API under a temporary name and renamed once whole
    (`write_copy`), so a copy is either whole or absent whenever SurveyDesk is stopped.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def backups(self) -> list[Backup]:
        """The copies there are, newest first."""
        found = []
        for path in self.folder.glob(f"{_PREFIX}*{_SUFFIX}"):
            try:
                day = date.fromisoformat(path.name.removeprefix(_PREFIX).removesuffix(_SUFFIX))
            except ValueError:
                continue
            found.append(Backup(path, day))
        return sorted(found, key=lambda backup: backup.day, reverse=True)

    def make_daily(self, database: Database, today: date) -> Backup | None:
        """Copy the database unless today's copy exists; keep the newest `KEEP_DAYS`. Returns the new copy."""
        target = self.folder / f"{_PREFIX}{today.isoformat()}{_SUFFIX}"
        if target.exists():
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        write_copy(database.connection(), target)
        for old in self.backups()[KEEP_DAYS:]:
            old.path.unlink()
        log.info("%s: today's backup made in %s", database.path, target)
        return Backup(target, today)

    def newest_sound(self) -> Backup | None:
        """The newest copy SQLite's quick check finds sound (an older one when the newest is damaged too)."""
        for backup in self.backups():
            if _is_sound(backup.path):
                return backup
            log.warning("%s: this backup is damaged too", backup.path)
        return None


def restore(database_path: Path, backup: Backup) -> Path:
    """Put `backup` in place of the database, moving the damaged file (and its -wal and -shm files, which
    belong to it and must not be read with the copy) beside it under a name that says so. Returns that name."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    damaged = database_path.with_name(f"{database_path.stem}.damaged-{stamp}{database_path.suffix}")
    for companion in _COMPANIONS:
        source = database_path.with_name(database_path.name + companion)
        if source.exists():
            source.replace(damaged.with_name(damaged.name + companion))
    database_path.replace(damaged)
    with closing(sqlite3.connect(_read_only_uri(backup.path), uri=True)) as source_copy:
        write_copy(source_copy, database_path)
    log.warning("%s was damaged: kept as %s; the backup of %s put in its place", database_path, damaged.name,
                backup.day)  # fmt: skip
    return damaged


def _is_sound(path: Path) -> bool:
    try:
        with closing(sqlite3.connect(_read_only_uri(path), uri=True)) as connection:
            return [row[0] for row in connection.execute("PRAGMA quick_check")] == ["ok"]
    except sqlite3.DatabaseError:
        return False


def _read_only_uri(path: Path) -> str:
    """A copy nobody writes: `immutable` reads it without locks and creates no -wal or -shm file beside it."""
    return path.resolve().as_uri() + "?mode=ro&immutable=1"
