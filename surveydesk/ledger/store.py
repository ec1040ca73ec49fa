"""The ledger in SQLite: entries, their append-only events and the reconciliation cursors (schema versions 5, 9).

Every write is one transaction that adds events (INSERT OR IGNORE on their stable ids) and rewrites the derived
columns of the entries it touched, so a batch is stored whole or not at all, and storing it twice changes
nothing. A reconciliation's cursor is written in the same transaction as the batch it follows, so a run cut off
at any moment resumes exactly after the last batch stored.

The same write merges each entry's description (`merge_description`) and links the worker's attempts to the
platform's records of them (`_link_attempts`), whether the events came from a platform, an attempt or another
computer, so every computer that holds the same events ends with the same entries.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.ledger.claims import ClaimOutcome
from surveydesk.ledger.model import (
    ATTEMPT_TASK_PREFIX,
    PRESUMPTIONS,
    UNKNOWN_ORIGIN,
    LedgerEntry,
    LedgerEvent,
    Source,
    current_state,
    make_event,
    merge_description,
    origins_of,
)
from surveydesk.store.database import Database, chunked, question_marks
from surveydesk.work.reputation import Reviews

# How far apart a local attempt and the platform's record of it may be, when matched by title and amount.
CLAIM_WINDOW = timedelta(days=2)
_ATTEMPT_ENTRY = f"substr(task_id, 1, {len(ATTEMPT_TASK_PREFIX)}) = '{ATTEMPT_TASK_PREFIX}'"

_ENTRY_COLUMNS = (
    "id, platform, account, kind, task_id, record_id, title, requester, attempt_id, occurred_at, status, "
    "status_at, amount_minor, currency, note"
)
_EVENT_COLUMNS = "id, entry_id, at, recorded_at, source, status, amount_minor, currency, note, link"


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

        A report is about the entry its header names, or one stored earlier under the same platform record id;
        otherwise it makes a new entry. Returns the ids of the entries touched (new links included).
        """
        with self._db.transaction() as connection:
            resolved: dict[str, str] = {}
            headers: dict[tuple[str, EntryHeader], None] = {}  # each description once, in order
            events: list[LedgerEvent] = []
            for report in reports:
                header = report.header
                target = resolved.get(header.id)
                if target is None:
                    target = resolved[header.id] = _resolve(connection, header)
                described = origins_of(header.described, source)
                headers[target, replace(header, described_by=described)] = None
                events.append(
                    make_event(target, source, report.at, recorded_at, report.status, report.amount, report.note)
                )
            touched = _store(connection, list(headers), events, recorded_at)
            measured = [
                (report.platform_seconds, report.estimated_minutes, resolved[report.header.id])
                for report in reports
                if report.platform_seconds is not None or report.estimated_minutes is not None
            ]
            if measured:  # the platform's own times, where it gave some
                connection.executemany(
                    "UPDATE ledger_entries SET platform_seconds = coalesce(?, platform_seconds), "
                    "estimated_minutes = coalesce(?, estimated_minutes) WHERE id = ?",
                    measured,
                )  # fmt: skip
            if cursor is not None:
                _set_cursor(connection, cursor, recorded_at)
            return touched

    def apply_foreign(self, headers: Iterable[EntryHeader], events: Iterable[LedgerEvent]) -> list[str]:
        """Store events made on another computer (replication), through the same path as `record`.

        Their ids already say what they are, so an event this computer has (from the platform or an earlier
        exchange) is not stored twice; each event's entry must be among `headers` or already known. A header's
        `described_by` says who gave its fields on the computer that sent it.
        """
        listed = list(events)
        if not listed:
            return []
        learnt = max(event.recorded_at for event in listed)
        with self._db.transaction() as connection:
            # An event learnt earlier on another computer keeps that earlier time here too (sync/documents.py).
            connection.executemany(
                "UPDATE ledger_events SET recorded_at = ? WHERE id = ? AND recorded_at > ?",
                [(utc_iso(e.recorded_at), e.id, utc_iso(e.recorded_at)) for e in listed],
            )
            return _store(connection, [(header.id, header) for header in headers], listed, learnt)

    def measured(self, entries: Sequence[str]) -> dict[str, tuple[int | None, int | None]]:
        """The platform's own times of `entries` where it gave some: (seconds taken, estimated minutes)."""
        found: dict[str, tuple[int | None, int | None]] = {}
        for chunk in chunked(entries):
            rows = self._db.connection().execute(
                "SELECT id, platform_seconds, estimated_minutes FROM ledger_entries WHERE (platform_seconds IS "
                f"NOT NULL OR estimated_minutes IS NOT NULL) AND id IN ({question_marks(len(chunk))})",
                chunk,
            )
            found.update((entry, (seconds, minutes)) for entry, seconds, minutes in rows)
        return found

    def merge_measured(self, measured: Iterable[tuple[str, int | None, int | None]]) -> None:
        """Take the platform's times another computer holds of entries here (entry, seconds, minutes): each the
        greater of the two where both hold one, so every computer ends with the same whatever the order."""
        with self._db.transaction() as connection:
            connection.executemany(
                "UPDATE ledger_entries SET "
                "platform_seconds = CASE WHEN platform_seconds IS NULL OR ?1 > platform_seconds "
                "THEN coalesce(?1, platform_seconds) ELSE platform_seconds END, "
                "estimated_minutes = CASE WHEN estimated_minutes IS NULL OR ?2 > estimated_minutes "
                "THEN coalesce(?2, estimated_minutes) ELSE estimated_minutes END WHERE id = ?3",
                [(seconds, minutes, entry) for entry, seconds, minutes in measured],
            )

    def presume_unreported(self, account: AccountKey, before: datetime, recorded_at: datetime) -> list[str]:
        """Settle what the platform stopped reporting while it was still under way (MTurk lists about 45 days):
        each of the account's platform records earned before `before` and still awaiting review is presumed
        approved, each still approved is presumed paid (`PRESUMPTIONS`). The presumption is a platform event
        dated `before`, so any later word of the platform on the same step or a later one replaces it (see
        `Status.rank`). The worker's attempts are left alone: only the platform's records are presumed on."""
        statuses = tuple(status.value for status in PRESUMPTIONS)
        with self._db.transaction() as connection:
            rows = connection.execute(
                "SELECT id, status FROM ledger_entries WHERE platform = ? AND account = ? AND occurred_at < ? "
                f"AND status IN ({', '.join('?' * len(statuses))}) AND linked_to = '' AND NOT {_ATTEMPT_ENTRY}",
                (account.platform, account.account, utc_iso(before), *statuses),
            ).fetchall()
            events = [
                make_event(entry, Source.PLATFORM, before, recorded_at, PRESUMPTIONS[Status(status)])
                for entry, status in rows
            ]
            return _store(connection, [], events, recorded_at)

    def attach_attempt(self, attempt_id: int, entries: Sequence[str]) -> None:
        """Name the worker's attempt (received after these entries) as theirs, where they name none yet."""
        with self._db.transaction() as connection:
            for chunk in chunked(entries):
                connection.execute(
                    "UPDATE ledger_entries SET attempt_id = ? WHERE attempt_id IS NULL "
                    f"AND id IN ({question_marks(len(chunk))})",
                    (attempt_id, *chunk),
                )

    def event_ids(self) -> list[str]:
        return [event for (event,) in self._db.connection().execute("SELECT id FROM ledger_events")]

    def described_events(self, ids: Sequence[str]) -> Iterator[tuple[EntryHeader, LedgerEvent]]:
        """The events among `ids`, each with its entry's header as stored (`attempt_id` included)."""
        for chunk in chunked(ids):
            rows = self._db.connection().execute(
                "SELECT v.id, v.entry_id, v.at, v.recorded_at, v.source, v.status, v.amount_minor, v.currency, "
                "v.note, v.link, e.platform, e.account, e.kind, e.task_id, e.record_id, e.title, e.requester, "
                "e.occurred_at, e.currency, e.described_by, e.attempt_id "
                "FROM ledger_events AS v JOIN ledger_entries AS e ON e.id = v.entry_id "
                f"WHERE v.id IN ({question_marks(len(chunk))})",
                chunk,
            )
            for row in rows:
                (platform, account, kind, task_id, record_id, title, requester, occurred_at, currency,
                 described_by, attempt_id) = row[10:]  # fmt: skip
                header = EntryHeader(
                    platform=platform,
                    account=account,
                    kind=Kind(kind),
                    occurred_at=parse_utc_iso(occurred_at),
                    currency=currency,
                    task_id=task_id,
                    record_id=record_id,
                    title=title,
                    requester=requester,
                    attempt_id=attempt_id,
                    described_by=described_by,
                )
                yield header, event_from_row(row[:10])

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
            _store(connection, [], [make_event(entry, Source.WORKER, at, at, status, amount, note)], at)

    # --- reading --------------------------------------------------------------------------------------------

    def entry(self, entry: str) -> LedgerEntry | None:
        row = (
            self._db.connection()
            .execute(f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries WHERE id = ?", (entry,))
            .fetchone()
        )
        return None if row is None else _entry(row)

    def reviews_by_requester(self) -> dict[tuple[str, str], Reviews]:
        """How each requester reviewed the worker's tasks, per (platform, requester name): approved or paid,
        rejected or taken back, and her claims for money owed they paid or refused or left unanswered (`claims`),
        over the entries that count money (an attempt linked to the platform's record of it counts once);
        requesters with no decision yet are left out."""
        rows = self._db.connection().execute(
            "SELECT e.platform, e.requester, sum(e.status IN (?, ?)), sum(e.status IN (?, ?)), "
            "sum(c.outcome IS ?), sum(c.outcome IS ? OR c.outcome IS ?) "
            "FROM ledger_entries AS e LEFT JOIN claims AS c ON c.entry_id = e.id "
            "WHERE e.kind = ? AND e.linked_to = '' AND e.requester != '' GROUP BY e.platform, e.requester",
            (Status.APPROVED, Status.PAID, Status.REJECTED, Status.REVERSED, ClaimOutcome.PAID,
             ClaimOutcome.REFUSED, ClaimOutcome.NO_ANSWER, Kind.TASK),
        )  # fmt: skip
        found = {(platform, requester): Reviews(*counts) for platform, requester, *counts in rows}
        return {key: reviews for key, reviews in found.items() if reviews}

    def entries(self, account: AccountKey | None = None) -> list[LedgerEntry]:
        """Every entry that counts money (of one account), newest first: an attempt's entry linked to the
        platform's record of it is left out (the platform's entry counts it)."""
        where, parameters = (
            ("WHERE linked_to = '' AND platform = ? AND account = ?", (account.platform, account.account))
            if account
            else ("WHERE linked_to = ''", ())
        )
        rows = self._db.connection().execute(
            f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries {where} ORDER BY occurred_at DESC, id", parameters
        )
        return [_entry(row) for row in rows]

    def entry_of_attempt(self, attempt_id: int) -> LedgerEntry | None:
        """The entry that counts the attempt's money: the platform's, once the attempt's entry is linked to it."""
        return self.entries_of_attempts([attempt_id]).get(attempt_id)

    def entries_of_attempts(self, attempt_ids: Sequence[int]) -> dict[int, LedgerEntry]:
        """The entry counting each attempt's money (the platform's, once the attempt's entry is linked to it), for
        those of `attempt_ids` the ledger has."""
        connection = self._db.connection()
        own: dict[int, tuple[Any, str]] = {}
        for chunk in chunked(list(attempt_ids)):
            rows = connection.execute(
                f"SELECT {_ENTRY_COLUMNS}, linked_to FROM ledger_entries "
                f"WHERE attempt_id IN ({question_marks(len(chunk))}) ORDER BY id",
                chunk,
            )
            for row in rows:
                own.setdefault(row[8], (row[:-1], row[-1]))  # the first entry of an attempt, as ever
        found = {}
        for attempt_id, (row, linked_to) in own.items():
            linked = self.entry(linked_to) if linked_to else None
            found[attempt_id] = linked if linked is not None else _entry(row)
        return found

    def events_of(self, entry: str) -> list[LedgerEvent]:
        """The entry's history, oldest first."""
        rows = self._db.connection().execute(
            f"SELECT {_EVENT_COLUMNS} FROM ledger_events WHERE entry_id = ? ORDER BY at, id", (entry,)
        )
        return [event_from_row(row) for row in rows]

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


def _resolve(connection: sqlite3.Connection, header: EntryHeader) -> str:
    """The id of the stored entry a report is about; the header's own id when it is new.

    Besides its own id, a report finds its entry by the platform's record id: an entry stored before the
    platform's records had entries of their own (schema version 9) holds them under the attempt's entry.
    """
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
    return header.id


def _store(
    connection: sqlite3.Connection,
    headers: Sequence[tuple[str, EntryHeader]],
    events: list[LedgerEvent],
    learnt: datetime,
) -> list[str]:
    """Insert new entries and events, merge what the headers say into each entry's description, re-derive each
    touched entry's current state from all its events, then link attempts to the platform's records of them.
    `learnt` is when this computer learnt what it stores (the time of the links it makes)."""
    for target, header in headers:
        _describe(connection, target, header)
    connection.executemany(
        f"INSERT OR IGNORE INTO ledger_events ({_EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                event.link,
            )
            for event in events
        ],
    )
    touched = sorted({*(target for target, _ in headers), *(event.entry_id for event in events)})
    for target in touched:
        _derive(connection, target)
    linked = _link_attempts(connection, touched, learnt)
    return sorted({*touched, *linked})


def _describe(connection: sqlite3.Connection, target: str, header: EntryHeader) -> None:
    """Store a new entry as described, or merge the description into the stored one's."""
    described_by = header.described_by or UNKNOWN_ORIGIN
    row = connection.execute(
        "SELECT title, requester, occurred_at, record_id, described_by, attempt_id FROM ledger_entries "
        "WHERE id = ?",
        (target,),
    ).fetchone()
    if row is None:
        moment = utc_iso(header.occurred_at)
        connection.execute(
            f"INSERT INTO ledger_entries ({_ENTRY_COLUMNS}, day, described_by) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, '', ?, ?)",
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
                described_by,
            ),
        )
        return
    current = ((row[0], row[1], row[2], row[3]), row[4])
    merged = merge_description(current, (header.described, described_by))
    if merged != current:
        (title, requester, occurred_at, record_id), origins = merged
        connection.execute(
            "UPDATE ledger_entries SET title = ?, requester = ?, occurred_at = ?, day = ?, record_id = ?, "
            "described_by = ? WHERE id = ?",
            (title, requester, occurred_at, occurred_at[:10], record_id, origins, target),
        )
    if row[5] is None and header.attempt_id is not None:
        connection.execute("UPDATE ledger_entries SET attempt_id = ? WHERE id = ?", (header.attempt_id, target))


def _link_attempts(connection: sqlite3.Connection, touched: Sequence[str], learnt: datetime) -> list[str]:
    """Link each touched attempt's entry to the platform's record of it, and each touched platform record to
    the attempt it records, where the platform's ids are unknown to the attempt (see surveydesk.ledger.model).

    A pair is an attempt's entry not linked yet and a platform's task entry no attempt is linked to, with the
    same title, amount and currency, at most `CLAIM_WINDOW` apart; the earliest candidate (then the smallest
    id) is taken. The link is an event of the attempt's entry whose id says only which two entries it joins and
    when the platform dates its record, so two computers that make the same link make one event. Returns the
    attempts' entries linked.
    """
    linked: list[str] = []
    awaiting = [
        f"{platform}/{account}/{Kind.TASK.value}/"
        for platform, account in connection.execute(
            f"SELECT DISTINCT platform, account FROM ledger_entries WHERE linked_to = '' AND {_ATTEMPT_ENTRY}"
        )
    ]
    for target in touched:
        if not target.startswith(tuple(awaiting)):
            continue  # no attempt of this account waits for a link: nothing to look for
        row = connection.execute(
            "SELECT platform, account, kind, record_id, title, amount_minor, currency, occurred_at, linked_to, "
            f"{_ATTEMPT_ENTRY} FROM ledger_entries WHERE id = ?",
            (target,),
        ).fetchone()
        if row is None:
            continue
        platform, account, kind, record_id, title, minor, currency, occurred_at, linked_to, attempt = row
        if kind != Kind.TASK.value or linked_to:
            continue
        moment = parse_utc_iso(occurred_at)
        match = (platform, account, title, minor, currency, utc_iso(moment - CLAIM_WINDOW),
                 utc_iso(moment + CLAIM_WINDOW))  # fmt: skip
        pair: tuple[str, str, str] | None = None
        if attempt and not record_id:
            found = connection.execute(
                "SELECT p.id, p.occurred_at FROM ledger_entries AS p WHERE +p.platform = ? AND +p.account = ? "
                # by the time window: the unary + keeps SQLite off the indexes of the account and the amount, which
                # hold many more entries than a few days
                "AND p.title = ? AND +p.amount_minor = ? AND p.currency = ? AND p.occurred_at BETWEEN ? AND ? "
                f"AND p.kind = 'task' AND p.record_id <> '' AND NOT {_ATTEMPT_ENTRY} AND p.linked_to = '' "
                "AND NOT EXISTS (SELECT 1 FROM ledger_entries AS a "
                "WHERE a.linked_to = p.id AND a.linked_to <> '') "
                "ORDER BY p.occurred_at, p.id LIMIT 1",
                match,
            ).fetchone()
            pair = None if found is None else (target, str(found[0]), str(found[1]))
        elif not attempt and record_id:
            if connection.execute(
                "SELECT 1 FROM ledger_entries WHERE linked_to = ? AND linked_to <> ''", (target,)
            ).fetchone():
                continue
            found = connection.execute(
                "SELECT id FROM ledger_entries WHERE platform = ? AND account = ? AND title = ? "
                "AND amount_minor = ? AND currency = ? AND occurred_at BETWEEN ? AND ? "
                f"AND linked_to = '' AND {_ATTEMPT_ENTRY} AND kind = 'task' AND record_id = '' "
                "ORDER BY occurred_at, id LIMIT 1",
                match,
            ).fetchone()
            pair = None if found is None else (str(found[0]), target, occurred_at)
        if pair is None:
            continue
        attempt_entry, platform_entry, when = pair
        link = make_event(attempt_entry, Source.LOCAL, parse_utc_iso(when), learnt, link=platform_entry)
        connection.execute(
            f"INSERT OR IGNORE INTO ledger_events ({_EVENT_COLUMNS}) "
            "VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?)",
            (link.id, link.entry_id, utc_iso(link.at), utc_iso(link.recorded_at), link.source.value, link.link),
        )
        _derive(connection, attempt_entry)
        linked.append(attempt_entry)
    return linked


def _derive(connection: sqlite3.Connection, target: str) -> None:
    rows = connection.execute(f"SELECT {_EVENT_COLUMNS} FROM ledger_events WHERE entry_id = ?", (target,))
    events = [event_from_row(row) for row in rows]
    links = sorted(event.link for event in events if event.link)
    if links:  # counted under the platform's entry; any computer's link is enough (the same on all of them)
        connection.execute(
            "UPDATE ledger_entries SET linked_to = ? WHERE id = ? AND linked_to <> ?", (links[0], target, links[0])
        )
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


def event_from_row(row: Any) -> LedgerEvent:
    """An event from a row of its `ledger_events` columns, in the order of `_EVENT_COLUMNS`."""
    event, entry, at, recorded_at, source, status, amount_minor, currency, note, link = row
    return LedgerEvent(
        id=event,
        entry_id=entry,
        at=parse_utc_iso(at),
        recorded_at=parse_utc_iso(recorded_at),
        source=Source(source),
        status=None if status is None else Status(status),
        amount=None if amount_minor is None else Money(amount_minor, currency),
        note=note,
        link=link,
    )
