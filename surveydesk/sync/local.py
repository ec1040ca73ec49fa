"""This computer's side of replication, in SQLite: what waits to be sent, the revisions agreed with the server,
the checkpoints, and received documents written into the ledger, the work log, the settings and the profile.

Replication's own tables (`sync_*`) come from migration 8. Triggers fill `sync_pending` whenever a record that
travels changes, so the code that writes shifts, attempts, ledger events or settings knows nothing about
replication. The records themselves are read and written only through their packages' stores (`LedgerStore`,
`WorkLog`, `SettingsStore`, `SharedAnswers`, `ClaimStore`); a pulled batch is still one transaction, since a
store's write inside an open transaction joins it.

A received document this version cannot use yet is kept as received in `sync_kept` (migration 14), never lost
nor a reason to fail: one a newer SurveyDesk wrote (a kind of record or a code this version does not know), or
a claim whose entry has not arrived. Each is read again after every batch, and leaves once it is read; one that
changed here meanwhile is left to that change, which goes to the server as a child of it and so wins there.

A received document of a kind this version knows may hold fields a newer SurveyDesk added: they are remembered in
`sync_unknown_fields` (migration 18) and put back into every body this version sends for it (`bodies`), so a change
made here keeps what the newer computer recorded, and a document sent again unchanged keeps its revision.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Final

from surveydesk.core.clock import utc_iso
from surveydesk.core.earnings import EntryHeader
from surveydesk.ledger.claims import ClaimStore
from surveydesk.ledger.store import LedgerStore
from surveydesk.profile.store import SharedAnswer, SharedAnswers
from surveydesk.store.database import Database, chunked, question_marks
from surveydesk.store.settings import SettingsStore
from surveydesk.sync import documents as docs
from surveydesk.sync.documents import DocumentError, JsonObject, NewerDocument
from surveydesk.work.model import AttemptRecord, ShiftRecord
from surveydesk.work.store import WorkLog

log = logging.getLogger(__name__)

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
class Applied:
    """What writing a batch here did: documents written (kept ones read at last included), documents skipped as
    unreadable, and documents a newer SurveyDesk wrote that were kept for the first time."""

    written: int
    skipped: int
    newer: int


@dataclass(frozen=True, slots=True)
class Checkpoint:
    session: str
    position: str  # JSON text: the server's change sequence (pull) or our own `sync_pending.seq` (push)


class LocalReplica:
    """Replication's reads and writes on the SurveyDesk database; use from one thread at a time. `kinds` are the
    kinds of document this version reads (all of `documents.KINDS`; fewer stand for an older version)."""

    def __init__(self, db: Database, include_profile: bool = False, kinds: Collection[str] = docs.KINDS) -> None:
        self._db = db
        self._ledger = LedgerStore(db)
        self._work = WorkLog(db)
        self._settings = SettingsStore(db)
        self._answers = SharedAnswers(db)
        self._claims = ClaimStore(db)
        self._kinds = frozenset(kinds) & set(docs.KINDS)
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
        if self.include_profile and self._answers.exist():
            with self._db.transaction() as connection:
                connection.execute(
                    "DELETE FROM sync_checkpoints WHERE target = ? AND direction = ?",
                    (_THIS_COMPUTER, _PROFILE_MARK),
                )
            self.note_profile_changes(now)
        shifts, attempts = self._work.finished_sync_ids()
        travelling = [
            *(docs.doc_id(docs.SHIFT, key) for key in shifts),
            *(docs.doc_id(docs.ATTEMPT, key) for key in attempts),
            *(docs.doc_id(docs.EVENT, key) for key in self._ledger.event_ids()),
            *(docs.doc_id(docs.SETTING, key) for key in self._settings.all_keys()),
            *(docs.doc_id(docs.CLAIM, key) for key in self._claims.entry_ids()),
        ]
        with self._db.transaction() as connection:
            connection.execute("CREATE TEMP TABLE IF NOT EXISTS requeued (doc_id TEXT PRIMARY KEY)")
            connection.execute("DELETE FROM requeued")
            connection.executemany(
                "INSERT OR IGNORE INTO requeued (doc_id) VALUES (?)", [(d,) for d in travelling]
            )
            connection.execute(
                "INSERT INTO sync_pending (doc_id, changed_at) "
                "SELECT d.doc_id, coalesce(nullif(r.changed_at, ''), ?) FROM requeued AS d "
                "LEFT JOIN sync_revisions AS r ON r.doc_id = d.doc_id "
                "WHERE d.doc_id NOT IN (SELECT doc_id FROM sync_pending)",
                (stamp,),
            )
            connection.execute("DELETE FROM requeued")

    def note_profile_changes(self, now: datetime) -> None:
        """Mark the profile answers changed or removed since the last look as waiting (the profile's own tables
        have no triggers of ours): answers newer than the mark, and answers agreed on that are gone here."""
        if not self.include_profile or not self._answers.exist():
            return
        mark = self.checkpoint(_THIS_COMPUTER, _PROFILE_MARK)
        since = mark.position if mark is not None else ""
        changed = self._answers.changed_since(since)
        present = self._answers.fields()
        agreed = self._connection.execute(
            "SELECT doc_id, changed_at, digest FROM sync_revisions "
            "WHERE doc_id >= 'profile:' AND doc_id < 'profile;'"
        ).fetchall()
        gone = {
            doc_id: docs.profile_body(SharedAnswer(doc_id[8:], None, "", "", changed_at))
            for doc_id, changed_at, _ in agreed
            if doc_id[8:] not in present
        }
        self._put_back_unknown_fields(gone)  # an agreed removal a newer SurveyDesk added fields to is no new one
        removed = [
            (doc_id, utc_iso(now))
            for doc_id, _, digest in agreed
            if doc_id in gone and docs.digest(gone[doc_id]) != digest
        ]
        waiting = [(docs.doc_id(docs.PROFILE, field), updated_at) for field, updated_at in changed] + removed
        newest = max([since, *(updated_at for _, updated_at in changed)])
        with self._db.transaction() as connection:
            connection.executemany(
                "DELETE FROM sync_pending WHERE doc_id = ?", [(doc_id,) for doc_id, _ in waiting]
            )
            connection.executemany("INSERT INTO sync_pending (doc_id, changed_at) VALUES (?, ?)", waiting)
            _save_checkpoint(connection, _THIS_COMPUTER, _PROFILE_MARK, Checkpoint("", newest))

    # --- what to send --------------------------------------------------------------------------------------

    def outgoing(self, limit: int, after: int = 0) -> tuple[list[Outgoing], list[int]]:
        """The oldest documents waiting since after `seq` `after` (up to `limit`) with their bodies, and the
        `seq`s of waiting ones that do not travel (a setting of this computer's, a record since removed) to
        forget."""
        rows = self._connection.execute(
            "SELECT p.seq, p.doc_id, p.changed_at, r.rev, r.digest FROM sync_pending AS p "
            "LEFT JOIN sync_revisions AS r ON r.doc_id = p.doc_id WHERE p.seq > ? ORDER BY p.seq LIMIT ?",
            (after, limit),
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
        for record in self._work.shift_records(by_kind.get(docs.SHIFT, [])):
            doc_id = docs.doc_id(docs.SHIFT, record.sync_id)
            bodies[doc_id] = docs.shift_body(record, changed[doc_id])
        for attempt in self._work.attempt_records(by_kind.get(docs.ATTEMPT, [])):
            doc_id = docs.doc_id(docs.ATTEMPT, attempt.sync_id)
            bodies[doc_id] = docs.attempt_body(attempt, changed[doc_id])
        for claim in self._claims.records(by_kind.get(docs.CLAIM, [])):
            doc_id = docs.doc_id(docs.CLAIM, claim.entry_id)
            bodies[doc_id] = docs.claim_body(claim, changed[doc_id])
        travelling = [key for key in by_kind.get(docs.SETTING, []) if docs.setting_travels(key)]
        for key, value in self._settings.texts(travelling):
            doc_id = docs.doc_id(docs.SETTING, key)
            bodies[doc_id] = docs.setting_body(key, value, changed[doc_id])
        if self.include_profile:
            for answer in self._profile_answers(by_kind.get(docs.PROFILE, []), changed):
                bodies[docs.doc_id(docs.PROFILE, answer.field)] = docs.profile_body(answer)
        self._put_back_unknown_fields(bodies)
        return bodies

    def _put_back_unknown_fields(self, bodies: dict[str, JsonObject]) -> None:
        """Put into `bodies` the fields a newer SurveyDesk added to them, as last received. One look whether any
        document has some (most databases: none, and a first push pays nothing more), then one query a slice."""
        connection = self._connection
        if not bodies or not connection.execute("SELECT EXISTS (SELECT 1 FROM sync_unknown_fields)").fetchone()[0]:
            return
        for chunk in chunked(list(bodies)):
            for doc_id, fields in connection.execute(
                f"SELECT doc_id, fields FROM sync_unknown_fields WHERE doc_id IN ({question_marks(len(chunk))})",
                chunk,
            ):
                kind = doc_id.partition(":")[0]
                bodies[doc_id] = docs.with_unknown_fields(kind, bodies[doc_id], json.loads(fields))

    def mark_sent(self, sent: Sequence[Outgoing], checkpoint: tuple[str, Checkpoint]) -> None:
        """The server has these revisions now, as far as the push's checkpoint; their waiting rows go with
        `forget_sent`, which a cut-off exchange leaves to the next one."""
        with self._db.transaction() as connection:
            _save_checkpoint(connection, checkpoint[0], "push", checkpoint[1])
            connection.executemany(
                "INSERT INTO sync_revisions (doc_id, rev, digest, changed_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (doc_id) DO UPDATE SET rev = excluded.rev, digest = excluded.digest, "
                "changed_at = excluded.changed_at",
                [(item.doc_id, item.rev, item.digest, str(item.body.get("changed_at", ""))) for item in sent],
            )

    def forget_sent(self, target: str) -> None:
        """Stop waiting for what the push to `target` marked sent. A push sends in `seq` order, and a change made
        since it read a document moved it to a new, greater `seq`: every row up to the checkpoint's position was
        sent as it is. Apart from `mark_sent` because deleting from `sync_pending` (its index of document ids)
        took most of a batch's marking, which now runs while the next batch is on its way (bench/replication.py
        push_per_s)."""
        pushed = self.checkpoint(target, "push")
        if pushed is None:
            return
        with self._db.transaction() as connection:
            connection.execute("DELETE FROM sync_pending WHERE seq <= ?", (int(json.loads(pushed.position)),))

    # --- what was received ---------------------------------------------------------------------------------

    def known(self, doc_ids: Iterable[str]) -> dict[str, Known]:
        known: dict[str, Known] = {}
        for chunk in chunked(list(doc_ids)):
            marks = question_marks(len(chunk))
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
        for chunk in chunked(waiting):
            marks = question_marks(len(chunk))
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
    ) -> Applied:
        """Write received documents here, then read again the documents kept so far (see the module's docstring).

        A document whose waiting change here is newer than what `seen` says (the worker changed it while the
        batch was on its way) is left for the next exchange, so that change is not overwritten. Ledger events go
        through the ledger's own store (which derives each entry's state from all its events); the bookkeeping
        and the checkpoint follow in a second transaction, so a crash in between only repeats work that changes
        nothing when repeated.
        """
        written, skipped, newer = self._write(incoming, seen, checkpoint)
        return Applied(written + self._read_kept(), skipped, newer)

    def _write(
        self, incoming: Sequence[Incoming], seen: dict[str, Known], checkpoint: tuple[str, str, Checkpoint] | None
    ) -> tuple[int, int, int]:
        """Write received documents; (written, skipped, newly kept as a newer version's)."""
        records: dict[str, list[tuple[Incoming, Any]]] = {kind: [] for kind in docs.KINDS}
        skipped = 0
        kept: list[tuple[Incoming, bool]] = []
        for item in incoming:
            try:
                kind, key = self._kind_and_key(item.doc_id, item.body)
                records[kind].append((item, self._read(kind, key, item.body)))
            except NewerDocument as error:
                log.info("a received document is kept for a newer version: %s", error)
                kept.append((item, True))
            except DocumentError as error:
                log.warning("a received document was skipped: %s", error)
                skipped += 1
        applied: list[Incoming] = []
        with self._db.transaction() as connection:  # the stores' writes below join it: the batch is one
            fresh = _unchanged_since(connection, seen)
            for item, record in records[docs.SHIFT]:
                if item.doc_id in fresh:
                    self._put_shift(connection, record)
                    applied.append(item)
            for item, record in records[docs.ATTEMPT]:
                if item.doc_id in fresh:
                    self._put_attempt(connection, record)
                    applied.append(item)
            for item, record in records[docs.SETTING]:
                if item.doc_id in fresh:
                    self._settings.set_text(docs.split_id(item.doc_id)[1], record)
                    applied.append(item)
            for item, record in records[docs.PROFILE]:
                if item.doc_id in fresh and self._answers.exist():
                    self._answers.put(record)
                    applied.append(item)
            _agree(connection, applied)
            _remember_unknown_fields(connection, applied)
        events = [(item, record) for item, record in records[docs.EVENT] if item.doc_id in fresh]
        headers, ledger_events, links = [], [], []
        for _, foreign in events:
            attempt_id = None if foreign.attempt is None else self._work.attempt_id(foreign.attempt)
            if foreign.attempt is not None and attempt_id is None:
                links.append((f"entry:{foreign.header.id}", docs.doc_id(docs.ATTEMPT, foreign.attempt)))
            headers.append(_with_attempt(foreign.header, attempt_id))
            ledger_events.append(foreign.event)
        if ledger_events:
            self._ledger.apply_foreign(headers, ledger_events)
        measured = [(f.header.id, *f.measured) for _, f in events if f.measured is not None]
        if measured:
            self._ledger.merge_measured(measured)
        claims = [(item, record) for item, record in records[docs.CLAIM] if item.doc_id in fresh]
        waiting = {record.entry_id for record in self._claims.put([record for _, record in claims])}
        kept.extend((item, False) for item, record in claims if record.entry_id in waiting)
        written = [item for item, _ in events] + [item for item, r in claims if r.entry_id not in waiting]
        with self._db.transaction() as connection:
            connection.executemany("INSERT OR IGNORE INTO sync_links (owner, target) VALUES (?, ?)", links)
            _agree(connection, written)
            _remember_unknown_fields(connection, written)
            newer = _keep(connection, kept)
            if checkpoint is not None:
                _save_checkpoint(connection, *checkpoint)
        return len(applied) + len(written), skipped, newer

    def _read_kept(self) -> int:
        """Read again the documents kept so far, writing those this version can now read (their entry came, or
        this version knows their kind); how many were written. One changed here meanwhile is left to the change."""
        rows = self._connection.execute("SELECT doc_id, rev, body FROM sync_kept").fetchall()
        if not rows:
            return 0
        known = self.known(doc_id for doc_id, _, _ in rows)
        superseded = [doc_id for doc_id, state in known.items() if state.pending_seq is not None]
        held = [Incoming(doc_id, rev, json.loads(body)) for doc_id, rev, body in rows if doc_id not in superseded]
        items = [item for item in held if self._readable(item.doc_id, item.body)]
        with self._db.transaction() as connection:
            connection.executemany("DELETE FROM sync_kept WHERE doc_id = ?", [(d,) for d in superseded])
        if not items:
            return 0
        seen = {item.doc_id: known.get(item.doc_id, Known(None, None)) for item in items}
        written, _, _ = self._write(items, seen, None)
        return written

    def _readable(self, doc_id: str, body: JsonObject) -> bool:
        try:
            self.check(doc_id, body)
        except DocumentError:
            return False
        return True

    def kept(self) -> list[tuple[str, JsonObject]]:
        """The documents kept as received, with their bodies (see the module's docstring)."""
        rows = self._connection.execute("SELECT doc_id, body FROM sync_kept ORDER BY doc_id").fetchall()
        return [(doc_id, json.loads(body)) for doc_id, body in rows]

    def wants(self, doc_id: str) -> bool:
        """Whether this computer keeps documents of this kind (profile answers only when the worker opted in)."""
        return self.include_profile or not doc_id.startswith(docs.PROFILE + ":")

    def check(self, doc_id: str, body: JsonObject) -> None:
        """DocumentError unless the document is one this computer can read and keep (`NewerDocument` for one a
        newer SurveyDesk wrote)."""
        kind, key = self._kind_and_key(doc_id, body)
        self._read(kind, key, body)

    def _kind_and_key(self, doc_id: str, body: JsonObject) -> tuple[str, str]:
        if docs.newer_kind(doc_id, body, self._kinds):
            raise NewerDocument(f"a document of a kind this version does not know: {doc_id.partition(':')[0]!r}")
        return docs.split_id(doc_id)

    def _read(self, kind: str, key: str, body: JsonObject) -> Any:
        if kind == docs.CLAIM:
            return docs.read_claim(key, body)
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

    def _put_shift(self, connection: sqlite3.Connection, record: ShiftRecord) -> None:
        """The shift, then the attempts that arrived before it and wait for it (`sync_links`) go in it."""
        shift_id = self._work.put_shift(record)
        waiting = _take_links(connection, docs.doc_id(docs.SHIFT, record.sync_id))
        if waiting:
            self._work.attach_to_shift([docs.split_id(owner)[1] for owner in waiting], shift_id)

    def _put_attempt(self, connection: sqlite3.Connection, record: AttemptRecord) -> None:
        """The attempt in its shift when this computer has the shift (else it waits for it, in `sync_links`);
        then the ledger entries that arrived before it and wait for it are named as its."""
        shift_id = None
        if record.shift is not None:
            shift_id = self._work.shift_id(record.shift)
            if shift_id is None:
                connection.execute(
                    "INSERT OR IGNORE INTO sync_links (owner, target) VALUES (?, ?)",
                    (docs.doc_id(docs.ATTEMPT, record.sync_id), docs.doc_id(docs.SHIFT, record.shift)),
                )
        attempt_id = self._work.put_attempt(record, shift_id)
        waiting = _take_links(connection, docs.doc_id(docs.ATTEMPT, record.sync_id))
        if waiting:
            self._ledger.attach_attempt(attempt_id, [owner.partition(":")[2] for owner in waiting])

    # --- reading records as documents ----------------------------------------------------------------------

    def _event_bodies(self, keys: list[str]) -> Iterator[tuple[str, JsonObject]]:
        described = list(self._ledger.described_events(keys))
        attempts = self._work.attempt_sync_ids(
            sorted({header.attempt_id for header, _ in described if header.attempt_id is not None})
        )
        measured = self._ledger.measured(sorted({header.id for header, _ in described}))
        for header, event in described:
            attempt = None if header.attempt_id is None else attempts.get(header.attempt_id)
            times = measured.get(header.id)
            yield event.id, docs.event_body(header, event, attempt, times)

    def _profile_answers(self, keys: list[str], changed: dict[str, str]) -> Iterator[SharedAnswer]:
        """The answers as they are here; an answer no longer here is its removal, as of when it was noticed."""
        if not keys or not self._answers.exist():
            return
        found = self._answers.read(keys)
        yield from found
        here = {answer.field for answer in found}
        for field in keys:
            if field not in here:
                yield SharedAnswer(field, None, "", "", changed[docs.doc_id(docs.PROFILE, field)])


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
    for chunk in chunked(list(seen)):
        marks = question_marks(len(chunk))
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
    connection.executemany("DELETE FROM sync_kept WHERE doc_id = ?", [(item.doc_id,) for item in items])


def _remember_unknown_fields(connection: sqlite3.Connection, items: Sequence[Incoming]) -> None:
    """Remember the fields of written documents that a newer SurveyDesk added (see the module's docstring); a
    document received without any forgets those an earlier body of it had."""
    remembered, plain = [], []
    for item in items:
        unknown = docs.unknown_fields(item.doc_id.partition(":")[0], item.body)
        if unknown:
            remembered.append((item.doc_id, docs.canonical(unknown)))
        else:
            plain.append((item.doc_id,))
    connection.executemany(
        "INSERT INTO sync_unknown_fields (doc_id, fields) VALUES (?, ?) "
        "ON CONFLICT (doc_id) DO UPDATE SET fields = excluded.fields",
        remembered,
    )
    if plain and connection.execute("SELECT EXISTS (SELECT 1 FROM sync_unknown_fields)").fetchone()[0]:
        connection.executemany("DELETE FROM sync_unknown_fields WHERE doc_id = ?", plain)


def _keep(connection: sqlite3.Connection, kept: Sequence[tuple[Incoming, bool]]) -> int:
    """Keep documents as received (each with whether a newer version wrote it); how many a newer version wrote
    that were not kept already. They are agreed on as received, so a kept one unchanged on the server is not
    fetched again, and one changed here later goes as a child of it."""
    fresh = 0
    for item, newer in kept:
        if newer:
            held = connection.execute("SELECT rev FROM sync_kept WHERE doc_id = ?", (item.doc_id,)).fetchone()
            fresh += held is None
    _agree(connection, [item for item, _ in kept])
    connection.executemany(
        "INSERT INTO sync_kept (doc_id, rev, body) VALUES (?, ?, ?) ON CONFLICT (doc_id) DO UPDATE "
        "SET rev = excluded.rev, body = excluded.body",
        [(item.doc_id, item.rev, docs.canonical(item.body)) for item, _ in kept],
    )
    return fresh


def _take_links(connection: sqlite3.Connection, target: str) -> list[str]:
    """The documents that arrived before `target` and waited for it; they wait no more."""
    owners = [owner for (owner,) in connection.execute("SELECT owner FROM sync_links WHERE target = ?", (target,))]
    connection.execute("DELETE FROM sync_links WHERE target = ?", (target,))
    return owners
