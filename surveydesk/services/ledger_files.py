"""The ledger's files: a platform's history file brought in, the ledger and a year's summary written out.

The history tab asks for these and shows how they went; the work itself, on the database it is given here by
the composition root, runs on the pool in a `LongJob` and counts on its `Progress`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from surveydesk.core.model import Account
from surveydesk.core.progress import Progress
from surveydesk.ledger.export import export_csv, export_json, export_summary_csv, yearly_summary
from surveydesk.ledger.history import History
from surveydesk.platforms.history_file import HistoryFile, ImportResult, ParsedFile
from surveydesk.store.database import Database


@dataclass(frozen=True, slots=True)
class ImportableAccount:
    """An account whose platform offers a history file: what the worker chooses before choosing the file."""

    platform: str
    platform_name: str
    account: str
    file: HistoryFile


class LedgerFiles:
    """Imports and exports of the earnings ledger; each is whole or, on an error or a cancel, nothing."""

    def __init__(
        self, database: Database, history_files: Mapping[str, HistoryFile], names: Callable[[str], str] = str
    ) -> None:
        self._db = database
        self._history_files = history_files
        self._names = names

    def history_platforms(self) -> list[str]:
        """The names of the platforms whose history file can be imported."""
        return sorted(self._names(platform) for platform in self._history_files)

    def importable(self, accounts: Iterable[Account]) -> list[ImportableAccount]:
        """Those of `accounts` whose platform offers a history file, with the file."""
        return [
            ImportableAccount(
                key.platform, self._names(key.platform), key.account, self._history_files[key.platform]
            )
            for key in (account.key for account in accounts)
            if key.platform in self._history_files
        ]

    def import_history(
        self, platform: str, source: Path, account: str, recorded_at: datetime, progress: Progress
    ) -> ImportResult | ParsedFile[Any]:
        """Bring in the history file of `platform`'s `account`: all of it; or, when rows cannot be read, nothing
        yet: the file as read, for the worker to import the others (`import_readable`) or nothing."""
        parsed = self._history_files[platform].parse(source.read_bytes(), progress)
        if parsed.unreadable:
            return parsed
        return self.import_readable(platform, parsed, account, recorded_at, progress)

    def import_readable(
        self, platform: str, parsed: ParsedFile[Any], account: str, recorded_at: datetime, progress: Progress
    ) -> ImportResult:
        """Bring in the rows of `parsed` that could be read, in one transaction."""
        return self._history_files[platform].store(self._db, account, parsed, recorded_at, progress)

    def export_ledger(self, kind: Literal["csv", "json"], target: Path, progress: Progress) -> int:
        """Write every entry to `target` in this format; returns how many."""
        write = {"csv": export_csv, "json": export_json}[kind]
        return write(self._db, target, progress)

    def export_summary(self, year: int, currency: str, target: Path) -> int:
        """Write what each platform paid in `year`, in `currency`, as CSV; returns how many platforms."""
        summary = yearly_summary(History(self._db), year, currency)
        export_summary_csv(summary, target)
        return len(summary.platforms)
