"""The ledger's files: a Prolific submission history brought in, the ledger and a year's summary written out.

The history tab asks for these and shows how they went; the work itself, on the database it is given here by
the composition root, runs on the pool in a `LongJob` and counts on its `Progress`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from surveydesk.core.progress import Progress
from surveydesk.ledger.export import export_csv, export_json, export_summary_csv, yearly_summary
from surveydesk.ledger.history import History
from surveydesk.platforms.prolific.submissions_csv import ImportResult, ParsedFile, import_submissions, parse_file
from surveydesk.store.database import Database


class LedgerFiles:
    """Imports and exports of the earnings ledger; each is whole or, on an error or a cancel, nothing."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def import_prolific_csv(
        self, source: Path, account: str, recorded_at: datetime, progress: Progress
    ) -> ImportResult | ParsedFile:
        """Bring in Prolific's submission history of `account`: all of it; or, when rows cannot be read, nothing
        yet: the file as read, for the worker to import the others (`import_readable`) or nothing."""
        parsed = parse_file(source.read_bytes(), progress)
        if parsed.unreadable:
            return parsed
        return self.import_readable(parsed, account, recorded_at, progress)

    def import_readable(
        self, parsed: ParsedFile, account: str, recorded_at: datetime, progress: Progress
    ) -> ImportResult:
        """Bring in the rows of `parsed` that could be read, in one transaction."""
        return import_submissions(self._db, account, parsed, recorded_at, progress)

    def export_ledger(self, kind: Literal["csv", "json"], target: Path, progress: Progress) -> int:
        """Write every entry to `target` in this format; returns how many."""
        write = {"csv": export_csv, "json": export_json}[kind]
        return write(self._db, target, progress)

    def export_summary(self, year: int, currency: str, target: Path) -> int:
        """Write what each platform paid in `year`, in `currency`, as CSV; returns how many platforms."""
        summary = yearly_summary(History(self._db), year, currency)
        export_summary_csv(summary, target)
        return len(summary.platforms)
