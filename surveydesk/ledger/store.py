"""The ledger in SQLite: entries, their append-only events and the reconciliation cursors (schema version 5).

Every write is one transaction that adds events (INSERT OR IGNORE on their stable ids) and rewrites the derived
columns of the entries it touched, so a batch is stored whole or not at all, and storing it twice changes
nothing. A reconciliation's cursor is written in the same transaction as the batch it follows, so a run cut off
at any moment resumes exactly after the last batch stored.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.ledger.model import (
    EntryHeader,
    Kind,
    LedgerEntry,
    LedgerEvent,
    Source,
    Status,
    current_state,
    make_event,
)
from surveydesk.store.database import Database

# How far apart a local attempt and the platform's record of it may be, when matched by title and amount.
CLAIM_WINDOW = timedelta(days=2)

_ENTRY_COLUMNS = (
    "id, platform, account, kind, task_id, record_id, title, requester, attempt_id, occurred_at, status, "
    "status_at, amount_minor, currency, note"
)
_EVENT_COLUMNS = "id, entry_id, at, recorded_at, source, status, amount_minor, currency, note"


@dataclass(frozen=True, slots=True)
class Report:
    """One thing a source says about one entry: the entry as described, and what the event says of it."""

    header: EntryHeader
    at: datetime
    status: Status | None = None
    amount: Money | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CursorUpdate:
    """Where an account's reconciliation resumes after this batch; `completed` marks a finished run, which
    becomes the account's last sync."""

    account: AccountKey
    cursor: str
    completed: bool = False


class LedgerStore:
    """Reads and writes the ledger; safe from any thread (each uses its own connection of `db`)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- writing --------------------------------------------------------------------------------------------

    def record(
        self,
        reports: Sequence[Report],
        source: Source,
        recorded_at: datetime,
        cursor: CursorUpdate | None = None,
    ) -> list[str]:
        """Store one batch of reports from one source, and the cursor after it, in one transaction.

        A report of an entry not yet known is matched to an existing one first by its task id (the entry id),
        then by the platform's record id, then (for a claimable header) to a local attempt's entry with the same
        title and amount; otherwise it makes a new entry. Returns the ids of the entries touched.
        """
        with self._db.transaction() as connection:
            resolved: dict[str, str] = {}
            headers: dict[str, EntryHeader] = {}
            events: list[LedgerEvent] = []
            for report in reports:
                header = report.header
                target = resolved.get(header.id)
                if target is None:
                    target = resolved[header.id] = _resolve(connection, header, report.amount)
                headers.setdefault(target, header)
                events.append(
                    make_event(target, source, report.at, recorded_at, report.status, report.amount, report.note)
                )
            touched = _store(connection, headers, events)
            if cursor is not None:
                _set_cursor(connection, cursor, recorded_at)
            return touched

    def apply_foreign(self, headers: Iterable[EntryHeader], events: Iterable[LedgerEvent]) -> list[str]:
        """Store events made on another computer (replication), through the same path as `record`.

        Their ids already say what they are, so an event this computer has (from the platform or an earlier
        exchange) is not stored twice; each event's entry must be among `headers` or already known.
        """
        with self._db.transaction() as connection:
            return _store(connection, {header.id: header for header in headers}, list(events))

    def add_note(self, entry: str, note: str, at: datetime) -> None:
        """The worker's note on an entry; the latest note is the entry's."""
        self._worker_event(entry, at, note=note)

    def correct(self, entry: str, at: datetime, status: Status | None = None, amount: Money | None = None) -> None:
        """The worker's own correction of an entry's status or amount: added beside the platform's events,
        which stay as they were, and believed over them."""
        if status is None and amount is None:
            raise ValueError("a correction needs a status or an amount")
        self._worker_event(entry, at, status=status, amount=amount)

    def _worker_event(
        self,
        entry: str,
        at: datetime,
        status: Status | None = None,
        amount: Money | None = None,
        note: str | None = None,
    ) -> None:
        with self._db.transaction() as connection:
            if connection.execute("SELECT 1 FROM ledger_entries WHERE id = ?", (entry,)).fetchone() is None:
                raise KeyError(f"no ledger entry {entry!r}")
            _store(connection, {}, [make_event(entry, Source.WORKER, at, at, status, amount, note)])

    # --- reading --------------------------------------------------------------------------------------------

    def entry(self, entry: str) -> LedgerEntry | None:
        row = (
            self._db.connection()
            .execute(f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries WHERE id = ?", (entry,))
            .fetchone()
        )
        return None if row is None else _entry(row)

    def entries(self, account: AccountKey | None = None) -> list[LedgerEntry]:
        """Every entry (of one account), newest first."""
        where, parameters = (
            ("WHERE platform = ? AND account = ?", (account.platform, account.account)) if account else ("", ())
        )
        rows = self._db.connection().execute(
            f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries {where} ORDER BY occurred_at DESC, id", parameters
        )
        return [_entry(row) for row in rows]

    def entry_of_attempt(self, attempt_id: int) -> LedgerEntry | None:
        row = (
            self._db.connection()
            .execute(
                f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries WHERE attempt_id = ? ORDER BY id LIMIT 1",
                (attempt_id,),
            )
            .fetchone()
        )
        return None if row is None else _entry(row)

    def events_of(self, entry: str) -> list[LedgerEvent]:
        """The entry's history, oldest first."""
        rows = self._db.connection().execute(
            f"SELECT {_EVENT_COLUMNS} FROM ledger_events WHERE entry_id = ? ORDER BY at, id", (entry,)
        )
        return [_event(row) for row in rows]

    def cursor(self, account: AccountKey) -> str:
        """Where the account's reconciliation resumes ("" for the start)."""
        row = (
            self._db.connection()
            .execute(
                "SELECT cursor FROM reconcile_cursors WHERE platform = ? AND account = ?",
                (account.platform, account.account),
            )
            .fetchone()
        )
        return "" if row is None else str(row[0])

    def last_sync(self, account: AccountKey) -> datetime | None:
        """When the account's last reconciliation finished, or None if none has."""
        row = (
            self._db.connection()
            .execute(
                "SELECT last_sync FROM reconcile_cursors WHERE platform = ? AND account = ?",
                (account.platform, account.account),
            )
            .fetchone()
        )
        return None if row is None or row[0] is None else parse_utc_iso(row[0])

    def set_cursor(self, update: CursorUpdate, at: datetime) -> None:
        """Move an account's cursor without storing anything else (a run that found nothing new)."""
        with self._db.transaction() as connection:
            _set_cursor(connection, update, at)


def _resolve(connection: sqlite3.Connection, header: EntryHeader, amount: Money | None) -> str:
    """The id of the stored entry a report is about; the header's own id when it is new."""
    if connection.execute("SELECT 1 FROM ledger_entries WHERE id = ?", (header.id,)).fetchone():
        return header.id
    if header.record_id:
        row = connection.execute(
            "SELECT id FROM ledger_entries WHERE platform = ? AND account = ? AND record_id = ? AND kind = ? "
            "ORDER BY id LIMIT 1",
            (header.platform, header.account, header.record_id, header.kind.value),
        ).fetchone()
        if row is not None:
            return str(row[0])
    if header.claimable and header.kind is Kind.TASK and amount is not None:
        row = connection.execute(
            "SELECT e.id FROM ledger_entries AS e WHERE e.platform = ? AND e.account = ? AND e.kind = 'task' "
            "AND e.record_id = '' AND e.attempt_id IS NOT NULL AND e.title = ? AND e.amount_minor = ? "
            "AND e.currency = ? AND e.occurred_at BETWEEN ? AND ? "
            "AND NOT EXISTS (SELECT 1 FROM ledger_events AS v WHERE v.entry_id = e.id AND v.source = 'platform') "
            "ORDER BY e.occurred_at, e.id LIMIT 1",
            (
                header.platform,
                header.account,
                header.title,
                amount.minor,
                amount.currency,
                utc_iso(header.occurred_at - CLAIM_WINDOW),
                utc_iso(header.occurred_at + CLAIM_WINDOW),
            ),
        ).fetchone()
        if row is not None:
            connection.execute("UPDATE ledger_entries SET record_id = ? WHERE id = ?", (header.record_id, row[0]))
            return str(row[0])
    return header.id


def _store(
    connection: sqlite3.Connection, headers: dict[str, EntryHeader], events: list[LedgerEvent]
) -> list[str]:
    """Insert new entries and events, fill what a known entry's description lacks, then re-derive each
    touched entry's current state from all its events."""
    for target, header in headers.items():
        moment = utc_iso(header.occurred_at)
        connection.execute(
            f"INSERT OR IGNORE INTO ledger_entries ({_ENTRY_COLUMNS}, day) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '', ?)",
            (
                target,
                header.platform,
                header.account,
                header.kind.value,
                header.task_id,
                header.record_id,
                header.title,
                header.requester,
                header.attempt_id,
                moment,
                Status.IN_PROGRESS.value,
                moment,
                header.currency,
                moment[:10],
            ),
        )
        connection.execute(
            "UPDATE ledger_entries SET title = CASE WHEN title = '' THEN ? ELSE title END, "
            "requester = CASE WHEN requester = '' THEN ? ELSE requester END, "
            "record_id = CASE WHEN record_id = '' THEN ? ELSE record_id END, "
            "attempt_id = coalesce(attempt_id, ?) WHERE id = ?",
            (header.title, header.requester, header.record_id, header.attempt_id, target),
        )
    connection.executemany(
        f"INSERT OR IGNORE INTO ledger_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                event.id,
                event.entry_id,
                utc_iso(event.at),
                utc_iso(event.recorded_at),
                event.source.value,
                None if event.status is None else event.status.value,
                None if event.amount is None else event.amount.minor,
                None if event.amount is None else event.amount.currency,
                event.note,
            )
            for event in events
        ],
    )
    touched = sorted({*headers, *(event.entry_id for event in events)})
    for target in touched:
        _derive(connection, target)
    return touched


def _derive(connection: sqlite3.Connection, target: str) -> None:
    rows = connection.execute(f"SELECT {_EVENT_COLUMNS} FROM ledger_events WHERE entry_id = ?", (target,))
    events = [_event(row) for row in rows]
    if not any(event.status is not None for event in events):
        return  # only notes or amounts so far: the entry keeps its first status until one is said
    state = current_state(events)
    amount_columns = (state.amount.minor, state.amount.currency) if state.amount else (0, None)
    connection.execute(
        "UPDATE ledger_entries SET status = ?, status_at = ?, amount_minor = ?, "
        "currency = coalesce(?, currency), note = ? WHERE id = ?",
        (state.status.value, utc_iso(state.status_at), *amount_columns, state.note, target),
    )


def _set_cursor(connection: sqlite3.Connection, update: CursorUpdate, at: datetime) -> None:
    connection.execute(
        "INSERT INTO reconcile_cursors (platform, account, cursor, last_sync) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (platform, account) DO UPDATE SET cursor = excluded.cursor, "
        "last_sync = coalesce(excluded.last_sync, reconcile_cursors.last_sync)",
        (
            update.account.platform,
            update.account.account,
            update.cursor,
            utc_iso(at) if update.completed else None,
        ),
    )


def _entry(row: Any) -> LedgerEntry:
    (entry, platform, account, kind, task_id, record_id, title, requester, attempt_id, occurred_at, status,
     status_at, amount_minor, currency, note) = row  # fmt: skip
    return LedgerEntry(
        id=entry,
        platform=platform,
        account=account,
        kind=Kind(kind),
        task_id=task_id,
        record_id=record_id,
        title=title,
        requester=requester,
        attempt_id=attempt_id,
        occurred_at=parse_utc_iso(occurred_at),
        status=Status(status),
        status_at=parse_utc_iso(status_at),
        amount=Money(amount_minor, currency),
        note=note,
    )


def _event(row: Any) -> LedgerEvent:
    event, entry, at, recorded_at, source, status, amount_minor, currency, note = row
    return LedgerEvent(
        id=event,
        entry_id=entry,
        at=parse_utc_iso(at),
        recorded_at=parse_utc_iso(recorded_at),
        source=Source(source),
        status=None if status is None else Status(status),
        amount=None if amount_minor is None else Money(amount_minor, currency),
        note=note,
    )
