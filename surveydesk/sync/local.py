"""This computer's side of replication, in SQLite: what waits to be sent, the revisions agreed with the server,
the checkpoints, and received documents written into the ledger, the work log and the settings.

The tables come from migration 8. Triggers fill `sync_pending` whenever a record that travels changes, so the
code that writes shifts, attempts, ledger events or settings knows nothing about replication.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.earnings import EntryHeader, Kind
from surveydesk.core.money import Money
from surveydesk.ledger.store import LedgerStore, event_from_row
from surveydesk.store.database import Database
from surveydesk.sync import documents as docs
from surveydesk.sync.documents import DocumentError, JsonObject
from surveydesk.work.model import Outcome

log = logging.getLogger(__name__)

_CHUNK: Final = 500  # ids per `IN (...)` query
# Where the last look at the profile's answers got to (kept with the checkpoints; not about any server).
_THIS_COMPUTER: Final = ""
_PROFILE_MARK: Final = "profile answers seen"


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A document that waits to be sent: its body as it is here now, and the revision it goes as.

    `rev` is the revision last agreed with the server when the body has not changed since (it waits only because
    the server may lack it: a first exchange, or a server that lost its data), else a new child of it.
    """

    doc_id: str
    seq: int
    body: JsonObject
    digest: str
    rev: str
    parent: str | None  # the revision before `rev`, when `rev` is a new one

    @classmethod
    def of(
        cls, doc_id: str, seq: int, body: JsonObject, agreed: str | None, agreed_digest: str | None
    ) -> Outgoing:
        text = docs.canonical(body)
        digest = docs.digest_of(text)
        if agreed is not None and digest == agreed_digest:
            return cls(doc_id, seq, body, digest, agreed, None)
        return cls(doc_id, seq, body, digest, docs.next_rev_of(agreed, text), agreed)

    def as_sent(self) -> JsonObject:
        return docs.with_revision(self.doc_id, self.rev, self.parent, self.body)


@dataclass(frozen=True, slots=True)
class Known:
    """What this computer holds of a document: the revision agreed on, and its change waiting to be sent."""

    rev: str | None
    pending_seq: int | None


@dataclass(frozen=True, slots=True)
class Incoming:
    """A received document, after any conflict was resolved: the body to keep and its revision."""

    doc_id: str
    rev: str
    body: JsonObject


@dataclass(frozen=True, slots=True)
class Checkpoint:
    session: str
    position: str  # JSON text: the server's change sequence (pull) or our own `sync_pending.seq` (push)


class LocalReplica:
    """Replication's reads and writes on the SurveyDesk database; use from one thread at a time."""

    def __init__(self, db: Database, include_profile: bool = False) -> None:
        self._db = db
        self._ledger = LedgerStore(db)
        self.include_profile = include_profile

    @property
    def _connection(self) -> sqlite3.Connection:
        return self._db.connection()

    def replica_id(self) -> str:
        row = self._connection.execute("SELECT id FROM sync_replica").fetchone()
        return str(row[0])

    def pending_count(self) -> int:
        """How many changes wait to be sent (not counting settings that stay on this computer)."""
        others = self._connection.execute(
            "SELECT count(*) FROM sync_pending WHERE doc_id < 'setting:' OR doc_id >= 'setting;'"
        ).fetchone()[0]
        settings = self._connection.execute(
            "SELECT doc_id FROM sync_pending WHERE doc_id >= 'setting:' AND doc_id < 'setting;'"
        ).fetchall()
        travelling = [key for (key,) in settings if docs.setting_travels(key[8:])]
        return int(others) + len(travelling)

    def last_pending_seq(self) -> int:
        """Grows whenever something changes that may travel: what the sync service watches."""
        row = self._connection.execute("SELECT max(seq) FROM sync_pending").fetchone()
        return int(row[0] or 0)

    # --- checkpoints -------------------------------------------------------------------------------------------

    def checkpoint(self, target: str, direction: str) -> Checkpoint | None:
        row = self._connection.execute(
            "SELECT session, position FROM sync_checkpoints WHERE target = ? AND direction = ?",
            (target, direction),
        ).fetchone()
        return None if row is None else Checkpoint(row[0], row[1])

    def requeue_everything(self, now: datetime) -> None:
        """Mark every document that travels as waiting: for a first push to a server, or one that lost our data.

        A document keeps its time of change as agreed before, so sending it again wins no conflict it lost.
        """
        stamp = utc_iso(now)
        if self.include_profile and self._has_profile(self._connection):
            with self._db.transaction() as connection:
                connection.execute(
                    "DELETE FROM sync_checkpoints WHERE target = ? AND direction = ?",
                    (_THIS_COMPUTER, _PROFILE_MARK),
                )
            self.note_profile_changes(now)
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO sync_pending (doc_id, changed_at) "
                "SELECT d.doc_id, coalesce(nullif(r.changed_at, ''), ?) FROM ("
                "  SELECT 'shift:' || sync_id AS doc_id FROM shifts WHERE ended_at IS NOT NULL"
                "  UNION ALL SELECT 'attempt:' || sync_id FROM attempts WHERE outcome IS NOT NULL"
                "  UNION ALL SELECT 'event:' || id FROM ledger_events"
                "  UNION ALL SELECT 'setting:' || key FROM settings"
                ") AS d LEFT JOIN sync_revisions AS r ON r.doc_id = d.doc_id "
                "WHERE d.doc_id NOT IN (SELECT doc_id FROM sync_pending)",
                (stamp,),
            )

    def note_profile_changes(self, now: datetime) -> None:
        """Mark the profile answers changed or removed since the last look as waiting (the profile's own tables
        have no triggers of ours): answers newer than the mark, and answers agreed on that are gone here."""
        if not self.include_profile or not self._has_profile(self._connection):
            return
        mark = self.checkpoint(_THIS_COMPUTER, _PROFILE_MARK)
        since = mark.position if mark is not None else ""
        changed = self._connection.execute(
            "SELECT field, updated_at FROM profile_answers WHERE updated_at > ?", (since,)
        ).fetchall()
        gone = self._connection.execute(
            "SELECT r.doc_id, r.changed_at, r.digest FROM sync_revisions AS r "
            "WHERE r.doc_id >= 'profile:' AND r.doc_id < 'profile;' "
            "AND substr(r.doc_id, 9) NOT IN (SELECT field FROM profile_answers)"
        ).fetchall()
        removed = [
            (doc_id, utc_iso(now))
            for doc_id, changed_at, digest in gone
            if docs.digest(docs.profile_body(docs.ProfileAnswer(doc_id[8:], None, "", "", changed_at))) != digest
        ]
        waiting = [(docs.doc_id(docs.PROFILE, field), updated_at) for field, updated_at in changed] + removed
        newest = max([since, *(updated_at for _, updated_at in changed)])
        with self._db.transaction() as connection:
            connection.executemany(
                "DELETE FROM sync_pending WHERE doc_id = ?", [(doc_id,) for doc_id, _ in waiting]
            )
            connection.executemany("INSERT INTO sync_pending (doc_id, changed_at) VALUES (?, ?)", waiting)
            _save_checkpoint(connection, _THIS_COMPUTER, _PROFILE_MARK, Checkpoint("", newest))

    @staticmethod
    def _has_profile(connection: sqlite3.Connection) -> bool:
        """The profile's tables come with the profile's own migration; a database without them has no profile."""
        row = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'profile_answers'"
        ).fetchone()
        return row is not None

    # --- what to send --------------------------------------------------------------------------------------

    def outgoing(self, limit: int) -> tuple[list[Outgoing], list[int]]:
        """The oldest waiting documents (up to `limit`) with their bodies, and the `seq`s of waiting ones that
        do not travel (a setting of this computer's, a record since removed) to forget."""
        rows = self._connection.execute(
            "SELECT p.seq, p.doc_id, p.changed_at, r.rev, r.digest FROM sync_pending AS p "
            "LEFT JOIN sync_revisions AS r ON r.doc_id = p.doc_id ORDER BY p.seq LIMIT ?",
            (limit,),
        ).fetchall()
        bodies = self.bodies({doc_id: changed_at for _, doc_id, changed_at, _, _ in rows})
        sending, dropped = [], []
        for seq, doc_id, _, rev, digest in rows:
            body = bodies.get(doc_id)
            if body is None:
                dropped.append(seq)
            else:
                sending.append(Outgoing.of(doc_id, seq, body, rev, digest))
        return sending, dropped

    def bodies(self, changed: dict[str, str]) -> dict[str, JsonObject]:
        """The current bodies of documents (id → their time of change); ones that do not travel are left out."""
        by_kind: dict[str, list[str]] = {}
        for doc_id in changed:
            kind, key = doc_id.partition(":")[::2]
            by_kind.setdefault(kind, []).append(key)
        bodies: dict[str, JsonObject] = {}
        for key, body in self._event_bodies(by_kind.get(docs.EVENT, [])):
            bodies[docs.doc_id(docs.EVENT, key)] = body
        for record in self._shifts(by_kind.get(docs.SHIFT, [])):
            doc_id = docs.doc_id(docs.SHIFT, record.sync_id)
            bodies[doc_id] = docs.shift_body(record, changed[doc_id])
        for attempt in self._attempts(by_kind.get(docs.ATTEMPT, [])):
            doc_id = docs.doc_id(docs.ATTEMPT, attempt.sync_id)
            bodies[doc_id] = docs.attempt_body(attempt, changed[doc_id])
        for key, value in self._settings(by_kind.get(docs.SETTING, [])):
            doc_id = docs.doc_id(docs.SETTING, key)
            bodies[doc_id] = docs.setting_body(key, value, changed[doc_id])
        if self.include_profile:
            for answer in self._profile_answers(by_kind.get(docs.PROFILE, []), changed):
                bodies[docs.doc_id(docs.PROFILE, answer.field)] = docs.profile_body(answer)
        return bodies

    def mark_sent(
        self, sent: Sequence[Outgoing], forget: Sequence[int], checkpoint: tuple[str, Checkpoint]
    ) -> None:
        """The server has these revisions now; their waiting rows go, unless changed again meanwhile."""
        with self._db.transaction() as connection:
            _save_checkpoint(connection, checkpoint[0], "push", checkpoint[1])
            connection.executemany(
                "INSERT INTO sync_revisions (doc_id, rev, digest, changed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (doc_id) DO UPDATE SET rev = excluded.rev, digest = excluded.digest, "
                "changed_at = excluded.changed_at",
                [(item.doc_id, item.rev, item.digest, str(item.body.get("changed_at", ""))) for item in sent],
            )
            connection.executemany(
                "DELETE FROM sync_pending WHERE seq = ?", [(seq,) for seq in [*forget, *(i.seq for i in sent)]]
            )

    # --- what was received ---------------------------------------------------------------------------------

    def known(self, doc_ids: Iterable[str]) -> dict[str, Known]:
        known: dict[str, Known] = {}
        for chunk in _chunks(list(doc_ids)):
            marks = ",".join("?" * len(chunk))
            for doc_id, rev in self._connection.execute(
                f"SELECT doc_id, rev FROM sync_revisions WHERE doc_id IN ({marks})",
                chunk,
            ):
                known[doc_id] = Known(rev, None)
            for doc_id, seq in self._connection.execute(
                f"SELECT doc_id, seq FROM sync_pending WHERE doc_id IN ({marks})",
                chunk,
            ):
                known[doc_id] = Known(known[doc_id].rev if doc_id in known else None, seq)
        return known

    def pending_bodies(self, known: dict[str, Known]) -> dict[str, JsonObject]:
        """The bodies of the documents among `known` that changed here and wait to be sent."""
        waiting = [doc_id for doc_id, state in known.items() if state.pending_seq is not None]
        changed: dict[str, str] = {}
        for chunk in _chunks(waiting):
            marks = ",".join("?" * len(chunk))
            changed.update(
                self._connection.execute(
                    f"SELECT doc_id, changed_at FROM sync_pending WHERE doc_id IN ({marks})",
                    chunk,
                ).fetchall()
            )
        return self.bodies(changed)

    def apply(
        self,
        incoming: Sequence[Incoming],
        seen: dict[str, Known],
        checkpoint: tuple[str, str, Checkpoint] | None = None,
    ) -> tuple[int, int]:
        """Write received documents here; returns (applied, skipped as unreadable).

        A document whose waiting change here is newer than what `seen` says (the worker changed it while the
        batch was on its way) is left for the next exchange, so that change is not overwritten. Ledger events go
        through the ledger's own store (which derives each entry's state from all its events); the bookkeeping
        and the checkpoint follow in a second transaction, so a crash in between only repeats work that changes
        nothing when repeated.
        """
        records: dict[str, list[tuple[Incoming, Any]]] = {kind: [] for kind in docs.KINDS}
        skipped = 0
        for item in incoming:
            try:
                kind, key = docs.split_id(item.doc_id)
                records[kind].append((item, self._read(kind, key, item.body)))
            except DocumentError as error:
                log.warning("a received document was skipped: %s", error)
                skipped += 1
        applied: list[Incoming] = []
        with self._db.transaction() as connection:
            fresh = _unchanged_since(connection, seen)
            for item, record in records[docs.SHIFT]:
                if item.doc_id in fresh:
                    _write_shift(connection, record)
                    applied.append(item)
            for item, record in records[docs.ATTEMPT]:
                if item.doc_id in fresh:
                    _write_attempt(connection, record)
                    applied.append(item)
            for item, record in records[docs.SETTING]:
                if item.doc_id in fresh:
                    _write_setting(connection, docs.split_id(item.doc_id)[1], record)
                    applied.append(item)
            for item, record in records[docs.PROFILE]:
                if item.doc_id in fresh and self._has_profile(connection):
                    _write_profile_answer(connection, record)
                    applied.append(item)
            _agree(connection, applied)
        events = [(item, record) for item, record in records[docs.EVENT] if item.doc_id in fresh]
        headers, ledger_events, links = [], [], []
        for _, foreign in events:
            attempt_id = None if foreign.attempt is None else self._attempt_id(foreign.attempt)
            if foreign.attempt is not None and attempt_id is None:
                links.append((f"entry:{foreign.header.id}", docs.doc_id(docs.ATTEMPT, foreign.attempt)))
            headers.append(_with_attempt(foreign.header, attempt_id))
            ledger_events.append(foreign.event)
        if ledger_events:
            with self._db.transaction() as connection:
                # An event learnt earlier on another computer keeps that time here too (see documents.py);
                # the ledger derives the entries again from their events just below.
                connection.executemany(
                    "UPDATE ledger_events SET recorded_at = ? WHERE id = ? AND recorded_at > ?",
                    [(utc_iso(e.recorded_at), e.id, utc_iso(e.recorded_at)) for e in ledger_events],
                )
            self._ledger.apply_foreign(headers, ledger_events)
        with self._db.transaction() as connection:
            connection.executemany("INSERT OR IGNORE INTO sync_links (owner, target) VALUES (?, ?)", links)
            _agree(connection, [item for item, _ in events])
            if checkpoint is not None:
                _save_checkpoint(connection, *checkpoint)
        return len(applied) + len(events), skipped

    def wants(self, doc_id: str) -> bool:
        """Whether this computer keeps documents of this kind (profile answers only when the worker opted in)."""
        return self.include_profile or not doc_id.startswith(docs.PROFILE + ":")

    def check(self, doc_id: str, body: JsonObject) -> None:
        """DocumentError unless the document is one this computer can read and keep."""
        kind, key = docs.split_id(doc_id)
        self._read(kind, key, body)

    def _read(self, kind: str, key: str, body: JsonObject) -> Any:
        if kind == docs.EVENT:
            return docs.read_event(key, body)
        if kind == docs.SHIFT:
            return docs.read_shift(key, body)
        if kind == docs.ATTEMPT:
            return docs.read_attempt(key, body)
        if kind == docs.PROFILE:
            return docs.read_profile(key, body)
        if not docs.setting_travels(key):
            raise DocumentError(f"the setting {key[:60]!r} is not one that travels between computers")
        return docs.read_setting(key, body)

    def _attempt_id(self, sync_id: str) -> int | None:
        row = self._connection.execute("SELECT id FROM attempts WHERE sync_id = ?", (sync_id,)).fetchone()
        return None if row is None else int(row[0])

    # --- reading records as documents ----------------------------------------------------------------------

    def _event_bodies(self, keys: list[str]) -> Iterator[tuple[str, JsonObject]]:
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            rows = self._connection.execute(
                "SELECT v.id, v.entry_id, v.at, v.recorded_at, v.source, v.status, v.amount_minor, v.currency, "
                "v.note, v.link, e.platform, e.account, e.kind, e.task_id, e.record_id, e.title, e.requester, "
                "e.occurred_at, e.currency, e.described_by, a.sync_id "
                "FROM ledger_events AS v JOIN ledger_entries AS e ON e.id = v.entry_id "
                f"LEFT JOIN attempts AS a ON a.id = e.attempt_id WHERE v.id IN ({marks})",
                chunk,
            )
            for row in rows:
                event = event_from_row(row[:10])
                (platform, account, kind, task_id, record_id, title, requester, occurred_at, entry_currency,
                 described_by, attempt) = row[10:]  # fmt: skip
                header = EntryHeader(
                    platform=platform,
                    account=account,
                    kind=Kind(kind),
                    occurred_at=parse_utc_iso(occurred_at),
                    currency=entry_currency,
                    task_id=task_id,
                    record_id=record_id,
                    title=title,
                    requester=requester,
                    described_by=described_by,
                )
                yield event.id, docs.event_body(header, event, attempt)

    def _stretches(self, column: str, owner: int) -> tuple[docs.Stretch, ...]:
        rows = self._connection.execute(
            f"SELECT started_at, seconds FROM stretches WHERE {column} = ? AND seconds IS NOT NULL "
            "ORDER BY started_at, id",
            (owner,),
        )
        return tuple(docs.Stretch(started_at, float(seconds)) for started_at, seconds in rows)

    def _shifts(self, keys: list[str]) -> Iterator[docs.ShiftRecord]:
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            rows = self._connection.execute(
                "SELECT id, sync_id, started_at, ended_at, automatic FROM shifts "
                f"WHERE sync_id IN ({marks}) AND ended_at IS NOT NULL",
                chunk,
            ).fetchall()
            for shift_id, sync_id, started_at, ended_at, automatic in rows:
                yield docs.ShiftRecord(
                    sync_id, started_at, ended_at, bool(automatic), self._stretches("shift_id", shift_id)
                )

    def _attempts(self, keys: list[str]) -> Iterator[docs.AttemptRecord]:
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            rows = self._connection.execute(
                "SELECT a.id, a.sync_id, h.sync_id, a.platform, a.account, a.external_id, a.title, a.requester, "
                "a.reward_minor, a.reward_currency, a.time_limit_seconds, a.started_at, a.ended_at, a.outcome, "
                "a.paid_minor, a.paid_currency, a.estimated_minutes FROM attempts AS a "
                "LEFT JOIN shifts AS h ON h.id = a.shift_id "
                f"WHERE a.sync_id IN ({marks}) AND a.outcome IS NOT NULL AND a.ended_at IS NOT NULL",
                chunk,
            ).fetchall()
            for row in rows:
                (attempt_id, sync_id, shift, platform, account, external_id, title, requester, reward_minor,
                 reward_currency, limit, started_at, ended_at, outcome, paid_minor, paid_currency,
                 estimated) = row  # fmt: skip
                yield docs.AttemptRecord(
                    sync_id=sync_id,
                    shift=shift,
                    platform=platform,
                    account=account,
                    external_id=external_id,
                    title=title,
                    requester=requester,
                    reward=Money(reward_minor, reward_currency),
                    time_limit_seconds=limit,
                    started_at=started_at,
                    ended_at=ended_at,
                    outcome=Outcome(outcome),
                    paid=None if paid_minor is None else Money(paid_minor, paid_currency),
                    estimated_minutes=estimated,
                    stretches=self._stretches("attempt_id", attempt_id),
                )

    def _profile_answers(self, keys: list[str], changed: dict[str, str]) -> Iterator[docs.ProfileAnswer]:
        """The answers as they are here; an answer no longer here is its removal, as of when it was noticed."""
        if not keys or not self._has_profile(self._connection):
            return
        found: set[str] = set()
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            for field, value, label, platform, updated_at in self._connection.execute(
                f"SELECT field, value, label, platform, updated_at FROM profile_answers WHERE field IN ({marks})",
                chunk,
            ).fetchall():
                found.add(field)
                yield docs.ProfileAnswer(field, value, label, platform, updated_at)
        for field in keys:
            if field not in found:
                yield docs.ProfileAnswer(field, None, "", "", changed[docs.doc_id(docs.PROFILE, field)])

    def _settings(self, keys: list[str]) -> Iterator[tuple[str, str]]:
        travelling = [key for key in keys if docs.setting_travels(key)]
        for chunk in _chunks(travelling):
            marks = ",".join("?" * len(chunk))
            yield from self._connection.execute(
                f"SELECT key, value FROM settings WHERE key IN ({marks})",
                chunk,
            ).fetchall()


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _with_attempt(header: EntryHeader, attempt_id: int | None) -> EntryHeader:
    return replace(header, attempt_id=attempt_id)


def _save_checkpoint(connection: sqlite3.Connection, target: str, direction: str, checkpoint: Checkpoint) -> None:
    connection.execute(
        "INSERT INTO sync_checkpoints (target, direction, session, position) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (target, direction) DO UPDATE SET session = excluded.session, position = excluded.position",
        (target, direction, checkpoint.session, checkpoint.position),
    )


def _unchanged_since(connection: sqlite3.Connection, seen: dict[str, Known]) -> set[str]:
    """The documents whose waiting change (or its absence) is still what the merge saw."""
    waiting: dict[str, int] = {}
    for chunk in _chunks(list(seen)):
        marks = ",".join("?" * len(chunk))
        waiting.update(
            connection.execute(
                f"SELECT doc_id, seq FROM sync_pending WHERE doc_id IN ({marks})",
                chunk,
            ).fetchall()
        )
    return {doc_id for doc_id, state in seen.items() if waiting.get(doc_id) == state.pending_seq}


def _agree(connection: sqlite3.Connection, items: Sequence[Incoming]) -> None:
    """This computer now holds these revisions, as the server does: nothing of them waits to be sent."""
    connection.executemany(
        "INSERT INTO sync_revisions (doc_id, rev, digest, changed_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (doc_id) DO UPDATE SET rev = excluded.rev, digest = excluded.digest, "
        "changed_at = excluded.changed_at",
        [(item.doc_id, item.rev, docs.digest(item.body), str(item.body.get("changed_at", ""))) for item in items],
    )
    connection.executemany("DELETE FROM sync_pending WHERE doc_id = ?", [(item.doc_id,) for item in items])


def _write_stretches(connection: sqlite3.Connection, column: str, owner: int, record: Any) -> None:
    connection.execute(f"DELETE FROM stretches WHERE {column} = ?", (owner,))
    connection.executemany(
        f"INSERT INTO stretches ({column}, started_at, seconds, alive_at, alive_seconds) VALUES (?, ?, ?, ?, ?)",
        [
            (owner, stretch.started_at, stretch.seconds, stretch.started_at, stretch.seconds)
            for stretch in record.stretches
        ],
    )


def _write_shift(connection: sqlite3.Connection, record: docs.ShiftRecord) -> None:
    connection.execute(
        "INSERT INTO shifts (sync_id, started_at, ended_at, automatic) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (sync_id) DO UPDATE SET started_at = excluded.started_at, ended_at = excluded.ended_at, "
        "automatic = excluded.automatic",
        (record.sync_id, record.started_at, record.ended_at, int(record.automatic)),
    )
    (shift_id,) = connection.execute("SELECT id FROM shifts WHERE sync_id = ?", (record.sync_id,)).fetchone()
    _write_stretches(connection, "shift_id", shift_id, record)
    target = docs.doc_id(docs.SHIFT, record.sync_id)
    connection.execute(
        "UPDATE attempts SET shift_id = ? WHERE shift_id IS NULL AND 'attempt:' || sync_id IN "
        "(SELECT owner FROM sync_links WHERE target = ?)",
        (shift_id, target),
    )
    connection.execute("DELETE FROM sync_links WHERE target = ?", (target,))


def _write_attempt(connection: sqlite3.Connection, record: docs.AttemptRecord) -> None:
    shift_id = None
    if record.shift is not None:
        row = connection.execute("SELECT id FROM shifts WHERE sync_id = ?", (record.shift,)).fetchone()
        if row is None:
            connection.execute(
                "INSERT OR IGNORE INTO sync_links (owner, target) VALUES (?, ?)",
                (docs.doc_id(docs.ATTEMPT, record.sync_id), docs.doc_id(docs.SHIFT, record.shift)),
            )
        else:
            shift_id = row[0]
    connection.execute(
        "INSERT INTO attempts (sync_id, shift_id, platform, account, external_id, title, requester, "
        "reward_minor, reward_currency, time_limit_seconds, started_at, ended_at, outcome, paid_minor, "
        "paid_currency, estimated_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (sync_id) DO UPDATE SET shift_id = coalesce(excluded.shift_id, shift_id), "
        "platform = excluded.platform, account = excluded.account, external_id = excluded.external_id, "
        "title = excluded.title, requester = excluded.requester, reward_minor = excluded.reward_minor, "
        "reward_currency = excluded.reward_currency, time_limit_seconds = excluded.time_limit_seconds, "
        "started_at = excluded.started_at, ended_at = excluded.ended_at, outcome = excluded.outcome, "
        "paid_minor = excluded.paid_minor, paid_currency = excluded.paid_currency, "
        "estimated_minutes = excluded.estimated_minutes",
        (
            record.sync_id,
            shift_id,
            record.platform,
            record.account,
            record.external_id,
            record.title,
            record.requester,
            record.reward.minor,
            record.reward.currency,
            record.time_limit_seconds,
            record.started_at,
            record.ended_at,
            record.outcome.value,
            None if record.paid is None else record.paid.minor,
            None if record.paid is None else record.paid.currency,
            record.estimated_minutes,
        ),
    )
    (attempt_id,) = connection.execute("SELECT id FROM attempts WHERE sync_id = ?", (record.sync_id,)).fetchone()
    _write_stretches(connection, "attempt_id", attempt_id, record)
    target = docs.doc_id(docs.ATTEMPT, record.sync_id)
    connection.execute(
        "UPDATE ledger_entries SET attempt_id = ? WHERE attempt_id IS NULL AND 'entry:' || id IN "
        "(SELECT owner FROM sync_links WHERE target = ?)",
        (attempt_id, target),
    )
    connection.execute("DELETE FROM sync_links WHERE target = ?", (target,))


def _write_profile_answer(connection: sqlite3.Connection, answer: docs.ProfileAnswer) -> None:
    if answer.value is None:
        connection.execute("DELETE FROM profile_answers WHERE field = ?", (answer.field,))
        return
    connection.execute(
        "INSERT INTO profile_answers (field, value, label, platform, updated_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (field) DO UPDATE SET value = excluded.value, label = excluded.label, "
        "platform = excluded.platform, updated_at = excluded.updated_at",
        (answer.field, answer.value, answer.label, answer.platform, answer.changed_at),
    )


def _write_setting(connection: sqlite3.Connection, key: str, value: str) -> None:
    connection.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
