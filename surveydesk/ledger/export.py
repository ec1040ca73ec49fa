"""The ledger out of SurveyDesk: every entry as CSV or JSON, and a yearly summary per platform for a tax return.

Files are written whole or not at all: rows go to a hidden temporary file beside the target, which replaces
the target only once the last row is written; a cancel or an error removes it, so no half file is ever left
under the name the worker chose.

CSV cells are safe to open in a spreadsheet: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
carriage return (or their full-width forms) gets a leading apostrophe, so it is shown as text and never run as
a formula (OWASP's "CSV injection" advice). Amounts are plain decimal numbers that SurveyDesk formats itself
(`-1.50`), so they stay numbers.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from surveydesk.core.money import Money, minor_exponent
from surveydesk.core.progress import Progress
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.ledger.history import APPROVED, DECLINED, PAID, PENDING, History
from surveydesk.ledger.model import attempt_of
from surveydesk.ledger.rates import Missing
from surveydesk.store.database import Database, chunked, question_marks

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
CSV_COLUMNS = (
    "id",
    "platform",
    "account",
    "kind",
    "occurred_at",
    "status",
    "amount",
    "currency",
    "title",
    "requester",
    "task_id",
    "record_id",
    "note",
    "completion_code",
)
# The completion code she pasted when she submitted, kept with her attempt (surveydesk.work.completion_code).
_COMPLETION_CODE = f"(SELECT a.completion_code FROM attempts AS a WHERE a.id = {attempt_of('e')})"
JSON_FORMAT = "surveydesk-ledger"
JSON_VERSION = 1
_BATCH = 2000  # rows read and written between two looks at the cancel flag
# Columns only the ledger writes, from its own words: its time stamps (utc_iso) and the values of `Kind` and
# `Status` (ledger/store.py). Never a formula, comma, quote or line break: the CSV has them as they are.
_OWN_WORDS = frozenset({"occurred_at", "kind", "status"})


def safe_cell(text: str) -> str:
    """`text` as a spreadsheet shows it: a would-be formula gets a leading apostrophe and stays text."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def decimal_text(minor: int, currency: str) -> str:
    """Minor units as a plain decimal number in major units: 150 GBP → "1.50", -5 JPY → "-5"."""
    exponent = minor_exponent(currency)
    if exponent == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, fraction = divmod(abs(minor), 10**exponent)
    return f"{sign}{whole}.{fraction:0{exponent}d}"


@contextlib.contextmanager
def replaced_whole(target: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file to write that appears at `target` only when the block ends without an exception."""
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    path = Path(temporary)
    try:
        with os.fdopen(handle, mode, encoding="utf-8", newline="") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        path.replace(target)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _count(database: Database, linked: bool) -> int:
    """How many entries there are; without `linked`, only those that count money (an attempt's entry linked to
    the platform's is counted there), which the monthly totals count without reading every entry."""
    sql = (
        "SELECT COUNT(*) FROM ledger_entries"
        if linked
        else "SELECT COALESCE(SUM(entries), 0) FROM ledger_month_totals"
    )
    return int(database.connection().execute(sql).fetchone()[0])


def _rows(database: Database, sql: str) -> Iterator[Sequence[Any]]:
    cursor = database.connection().execute(sql)
    while batch := cursor.fetchmany(_BATCH):
        yield from batch


def _guarded(column: str) -> str:
    """SQL for `safe_cell(column)`, so a million cells are guarded in SQLite's C rather than in Python.

    Every formula start is below "A" or among the full-width forms from "＋" (U+FF0B) on, and UTF-8 text compares
    in code point order: most cells are passed by two comparisons, and only the others look at their first
    character (the export of 1,000,000 entries took 0.6 s more with `unicode()` on every cell)."""
    starts = ", ".join(str(ord(character)) for character in FORMULA_STARTS)
    return (
        f"CASE WHEN ({column} < 'A' OR {column} >= '＋') AND unicode({column}) IN ({starts}) "
        f"THEN char(39) || {column} ELSE {column} END"
    )


def _csv_cell(column: str) -> str:
    """SQL for the CSV cell of the text `column` as `csv.writer` (QUOTE_MINIMAL, lines ended by CR LF) writes
    `safe_cell(column)`: in double quotes, its own doubled, when it holds a comma, a double quote or a line
    break."""
    guarded = _guarded(column)
    special = " OR ".join(f"instr({column}, {character})" for character in ("','", "'\"'", "char(10)", "char(13)"))
    return f"CASE WHEN {special} THEN '\"' || replace({guarded}, '\"', '\"\"') || '\"' ELSE {guarded} END"


def _decimal_sql(exponents: dict[str, int]) -> tuple[str, list[object]]:
    """SQL for `decimal_text(e.amount_minor, e.currency)`, given the exponent of each currency in the ledger."""
    branches: list[str] = []
    values: list[object] = []
    for currency, exponent in sorted(exponents.items()):
        if exponent == 0:
            branches.append("WHEN ? THEN CAST(e.amount_minor AS TEXT)")
        else:
            unit = 10**exponent
            branches.append(  # one printf, not text joined by ||: 0.13 s of export_s's 1,000,000 amounts
                f"WHEN ? THEN printf('%s%d.%0{exponent}d', CASE WHEN e.amount_minor < 0 THEN '-' ELSE '' END, "
                f"abs(e.amount_minor) / {unit}, abs(e.amount_minor) % {unit})"
            )
        values.append(currency)
    if not branches:
        return "''", []
    return f"CASE e.currency {' '.join(branches)} END", values


def _csv_line_cell(name: str, amount: str, text_cell: Callable[[str], str]) -> str:
    """SQL for the cell of CSV column `name` in the export's line (entries `e`, their attempts `a`), its text
    written by `text_cell` (`_guarded` or `_csv_cell`)."""
    if name == "amount":
        return amount
    if name in _OWN_WORDS:
        return f"e.{name}"
    if name == "completion_code":  # most entries have none: their empty cell costs no guard
        return f"CASE WHEN a.completion_code IS NULL THEN '' ELSE {text_cell('a.completion_code')} END"
    return text_cell(f"e.{name}")


def _line_sql(amount: str, text_cell: Callable[[str], str]) -> str:
    """SQL for an entry's CSV line (without its end), its text cells written by `text_cell`."""
    cells = [_csv_line_cell(name, amount, text_cell) for name in CSV_COLUMNS]
    return f"printf('{','.join(['%s'] * len(cells))}', {', '.join(cells)})"


def _plain(text: str, lines: int) -> bool:
    """Whether `lines` lines written with unquoted cells (`_guarded`) and joined by CR LF hold no cell that needed
    quotes: no double quote, and no comma or line break but those between cells and between lines."""
    return (
        '"' not in text
        and text.count(",") == lines * (len(CSV_COLUMNS) - 1)
        and text.count("\r") == lines - 1
        and text.count("\n") == lines - 1
    )


def _quoted_where_needed(
    connection: sqlite3.Connection, quoted: str, values: list[object], batch: list[tuple[int, str]]
) -> list[str]:
    """The batch's lines (rowid, unquoted line), those that needed quotes read again from `quoted` (SQL that
    ends in `e.rowid IN`). On the connection whose cursor read the batch: its read transaction, the same rows."""
    again = [rowid for rowid, line in batch if not _plain(line, 1)]
    lines: dict[int, str] = {}
    for chunk in chunked(again):
        lines.update(connection.execute(f"{quoted} ({question_marks(len(chunk))})", [*values, *chunk]))
    waiting = set(again)
    return [lines[rowid] if rowid in waiting else line for rowid, line in batch]


def export_csv(database: Database, target: Path, progress: Progress | None = None) -> int:
    """Write every ledger entry to `target` as CSV (UTF-8, oldest first); returns how many were written.

    SQLite writes each row's line as `csv.writer` would, and Python only joins a batch of lines
    (tests/ledger/test_export.py holds the two writers to the same bytes). Most cells need no quotes, and
    looking for a comma, a double quote and line breaks in each text cell was most of SQLite's time: lines
    are first written unquoted, a batch at once is checked for such a character in C (`_plain`), and only the
    lines that hold one are written again with their cells quoted (`_csv_cell`). The export of 1,000,000
    entries (bench/history_scale.py export_s) took 4.8 s of CPU quoting every cell, 3.2 s this way.
    """
    progress = progress or Progress()
    progress.start(_count(database, linked=False), "export")
    connection = database.connection()
    currencies = [row[0] for row in connection.execute("SELECT DISTINCT currency FROM ledger_month_totals")]
    amount, values = _decimal_sql({currency: minor_exponent(currency) for currency in currencies})
    # Her attempt joined once a row, so its completion code is one column to the many looks `_csv_cell` takes.
    entries = f"FROM ledger_entries AS e LEFT JOIN attempts AS a ON a.id = {attempt_of('e')}"
    cursor = connection.execute(
        f"SELECT e.rowid, {_line_sql(amount, _guarded)} {entries} "
        "WHERE e.linked_to = '' ORDER BY e.occurred_at, e.id",
        values,
    )
    quoted = f"SELECT e.rowid, {_line_sql(amount, _csv_cell)} {entries} WHERE e.rowid IN"
    written = 0
    with replaced_whole(target) as file:
        csv.writer(file, lineterminator="\r\n").writerow(CSV_COLUMNS)
        while batch := cursor.fetchmany(_BATCH):
            text = "\r\n".join([line for _, line in batch])
            if not _plain(text, len(batch)):
                text = "\r\n".join(_quoted_where_needed(connection, quoted, values, batch))
            file.write(text + "\r\n")
            written += len(batch)
            progress.advance(len(batch))
    return written


def export_json(database: Database, target: Path, progress: Progress | None = None) -> int:
    """Write every entry and every event to `target` as one JSON document; returns how many entries.

    Amounts stay exact: integer minor units with their currency, as in the database.
    """
    progress = progress or Progress()
    progress.start(_count(database, linked=True), "export")
    entry_keys = [
        "id",
        "platform",
        "account",
        "kind",
        "task_id",
        "record_id",
        "title",
        "requester",
        "attempt_id",
        "occurred_at",
        "status",
        "status_at",
        "amount_minor",
        "currency",
        "note",
        "linked_to",
        "described_by",
        "platform_seconds",  # how long the platform says the task took (Prolific's time_taken), or null
        "estimated_minutes",  # how long the platform said it would take (Prolific's estimate), or null
    ]
    # The study's completion code she pasted when she submitted, or null (not a column: kept with her attempt).
    entry_columns = [f"e.{key}" for key in entry_keys] + [_COMPLETION_CODE]
    entry_keys.append("completion_code")
    event_keys = [
        "id", "entry_id", "at", "recorded_at", "source", "status", "amount_minor", "currency", "note", "link"
    ]  # fmt: skip
    written = 0
    with replaced_whole(target) as file:
        file.write(f'{{"format": "{JSON_FORMAT}", "version": {JSON_VERSION}, "entries": [\n')
        separator = ""
        entries = f"SELECT {', '.join(entry_columns)} FROM ledger_entries AS e ORDER BY e.occurred_at, e.id"
        for row in _rows(database, entries):
            file.write(separator + json.dumps(dict(zip(entry_keys, row, strict=True)), ensure_ascii=False))
            separator = ",\n"
            written += 1
            if written % _BATCH == 0:
                progress.advance(_BATCH)
        file.write('\n], "events": [\n')
        separator = ""
        for row in _rows(database, f"SELECT {', '.join(event_keys)} FROM ledger_events ORDER BY entry_id, at, id"):
            file.write(separator + json.dumps(dict(zip(event_keys, row, strict=True)), ensure_ascii=False))
            separator = ",\n"
            progress.check()
        file.write("\n]}\n")
        progress.advance(written % _BATCH)
    return written


class NotAnExport(ValueError):
    """A file `read_json` cannot read; its message is a Sentence, shown in the worker's language."""


def read_json(source: Path) -> dict[str, Any]:
    """A ledger exported by `export_json`; anything else raises ValueError (`NotAnExport` when it is JSON)."""
    document = json.loads(source.read_text(encoding="utf-8"))
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise NotAnExport(
            QT_TRANSLATE_NOOP("NotAnExport", "{0} is not a SurveyDesk ledger export").filled(source.name)
        )
    if document.get("version") != JSON_VERSION:
        newer = QT_TRANSLATE_NOOP("NotAnExport", "{0} is a ledger export of a version this SurveyDesk cannot read")
        raise NotAnExport(newer.filled(source.name))
    return document


# --- the yearly summary ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PlatformYear:
    """One platform's year in the worker's currency: paid out, approved but not yet paid, pending, declined."""

    platform: str
    entries: int
    paid: Money
    approved: Money
    pending: Money
    declined: Money

    @property
    def earned(self) -> Money:
        return self.paid + self.approved + self.pending


@dataclass(frozen=True, slots=True)
class YearSummary:
    year: int
    currency: str
    platforms: Sequence[PlatformYear]
    missing: Sequence[Missing]  # amounts left out: no exchange rate dated on or before their day

    def total(self) -> PlatformYear:
        """All platforms together (each figure the sum of the platforms' rounded figures)."""
        zero = Money.zero(self.currency)
        return PlatformYear(
            "",
            sum(p.entries for p in self.platforms),
            sum((p.paid for p in self.platforms), zero),
            sum((p.approved for p in self.platforms), zero),
            sum((p.pending for p in self.platforms), zero),
            sum((p.declined for p in self.platforms), zero),
        )


def yearly_summary(history: History, year: int, currency: str) -> YearSummary:
    """What each platform brought in `year` (local days, 1 January to 31 December), in `currency`."""
    totals = history.totals("year", currency, since=date(year, 1, 1), until=date(year, 12, 31))
    zero = Money.zero(currency)
    rows = []
    for platform in sorted({platform for platform, _group in totals.by_platform_group}):
        figures = [
            totals.by_platform_group.get((platform, group)) for group in (PAID, APPROVED, PENDING, DECLINED)
        ]
        paid, approved, pending, declined = (zero if f is None else f.amount for f in figures)
        entries = sum(f.entries for f in figures if f is not None)
        rows.append(PlatformYear(platform, entries, paid, approved, pending, declined))
    return YearSummary(year, currency, rows, totals.missing)


def export_summary_csv(summary: YearSummary, target: Path) -> None:
    """The yearly summary as CSV: one row per platform, a total row, and a line per amount left unconverted."""
    with replaced_whole(target) as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(
            ("year", "platform", "entries", "paid", "approved", "pending", "earned", "declined", "currency")
        )
        for row in [*summary.platforms, summary.total()]:
            writer.writerow(
                (
                    summary.year,
                    safe_cell(row.platform or "total"),
                    row.entries,
                    *(
                        decimal_text(m.minor, m.currency)
                        for m in (row.paid, row.approved, row.pending, row.earned)
                    ),
                    decimal_text(row.declined.minor, summary.currency),
                    summary.currency,
                )
            )
        for missing in summary.missing:
            writer.writerow(
                (
                    summary.year,
                    "not converted",
                    missing.entries,
                    decimal_text(missing.minor, missing.currency),
                    "",
                    "",
                    "",
                    "",
                    f"{missing.currency}: no exchange rate dated on or before {missing.first_day.isoformat()}",
                )
            )
