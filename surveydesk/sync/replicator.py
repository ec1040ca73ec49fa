"""One exchange between this computer's database and the server's, as CouchDB's replication protocol describes it.

Pull: read `_changes` (every leaf revision of each document) from the checkpoint on, in batches; fetch what is
new with `_bulk_get`; where a document has conflicting revisions (two computers changed it while apart),
resolve them with `documents.winner`, which every computer computes alike, write the winner as a child of the
revision the server shows and delete the other leaves (`_bulk_docs`, `new_edits: false`); then write the winner
here. Push: ask `_revs_diff` which of the waiting revisions the server lacks and send those with `_bulk_docs`,
`new_edits: false`. Each batch ends with a checkpoint here, so an exchange cut off at any moment (a crash, a
kill, the network) resumes after the last whole batch; a batch done twice changes nothing, because revisions are
derived from content and events are stored by their stable ids. A `_local` document on the server names the
session the checkpoint belongs to, so a database deleted and made again is not trusted to hold what was sent.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from surveydesk.core.clock import Clock
from surveydesk.sync import documents as docs
from surveydesk.sync.couch import Change, CouchDatabase, JsonObject, is_revision
from surveydesk.sync.documents import DocumentError, NewerDocument
from surveydesk.sync.local import Checkpoint, Incoming, Known, LocalReplica, Outgoing

log = logging.getLogger(__name__)

BATCH_SIZE: Final = 1000
PULL, PULL_WITH_PROFILE, PUSH = "pull", "pull+profile", "push"


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What one exchange did."""

    received: int  # documents written here
    sent: int  # revisions sent to the server
    conflicts: int  # documents whose conflicting revisions were merged
    skipped: int  # documents on the server that could not be read (kept there, not here)
    finished_at: datetime
    complete: bool = True  # False when asked to stop before the end
    kinds: frozenset[str] = frozenset()  # the kinds of documents received ("event", "setting"…)
    newer: int = 0  # documents a newer SurveyDesk wrote, kept (for the first time) until this version reads them


class Replicator:
    """Exchanges everything between `local` and `remote`; `target` names the server database in checkpoints."""

    def __init__(
        self,
        local: LocalReplica,
        remote: CouchDatabase,
        target: str,
        clock: Clock,
        batch_size: int = BATCH_SIZE,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self._local = local
        self._remote = remote
        self._target = target
        self._clock = clock
        self._batch = batch_size
        self._should_stop = should_stop
        self._received = self._sent = self._conflicts = self._skipped = self._newer = 0
        self._kinds: set[str] = set()
        self._sessions_on_server: set[tuple[str, str]] = set()  # (direction, session) written in this run
        self._server_was_empty = False  # the database held no live document when the exchange began
        self._ask_what_is_missing = True  # whether a push asks the server which revisions it lacks

    def __enter__(self) -> Replicator:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self._remote.close()

    def run(self) -> SyncReport:
        """Pull, push, then pull what the push may have caused (conflicts it made on the server) once more.

        Raises `SyncError` (from `couch`) when the server cannot be used; what was done until then stays done.
        """
        info = self._remote.info()
        self._server_was_empty = info.get("doc_count") == 0
        self._local.note_profile_changes(self._clock.now())  # before the pull, so they take part in merges
        self._local.forget_sent(self._target)  # what a push cut off after marking it sent had no time to forget
        complete = self._pull() and self._push() and (self._sent == 0 or self._pull())
        return SyncReport(
            self._received,
            self._sent,
            self._conflicts,
            self._skipped,
            self._clock.now(),
            complete=complete,
            kinds=frozenset(self._kinds),
            newer=self._newer,
        )

    @property
    def _pull_direction(self) -> str:
        """A pull with the profile has a checkpoint of its own: opting in later reads again what was passed by."""
        return PULL_WITH_PROFILE if self._local.include_profile else PULL

    # --- checkpoints ---------------------------------------------------------------------------------------

    def _checkpoint_name(self, direction: str) -> str:
        return f"surveydesk-{self._local.replica_id()}-{direction}"

    def _resume(self, direction: str) -> tuple[Checkpoint, bool]:
        """Where to resume, and whether it continues an earlier exchange with this very server database.

        The position is trusted only when the server's `_local` copy names the same session: a database that
        was deleted and made again (or restored) lost it, and its change sequence means something else.
        """
        here = self._local.checkpoint(self._target, direction)
        there = self._remote.get_local(self._checkpoint_name(direction))
        if here is not None and there is not None and there.get("session") == here.session:
            return here, True
        return Checkpoint(uuid.uuid4().hex, "0"), False

    def _save_remote(self, direction: str, checkpoint: Checkpoint) -> None:
        """The server's copy names the session (all `_resume` reads of it); the position is kept here. Written once
        a run and direction: a read and a write of it after every batch were a tenth of a first sync's time."""
        key = (direction, checkpoint.session)
        if key in self._sessions_on_server:
            return
        self._remote.put_local(self._checkpoint_name(direction), {"session": checkpoint.session})
        self._sessions_on_server.add(key)

    # --- pull ----------------------------------------------------------------------------------------------

    def _pull(self) -> bool:
        checkpoint, _ = self._resume(self._pull_direction)
        while True:
            if self._should_stop():
                return False
            page = self._remote.changes(json.loads(checkpoint.position), self._batch)
            checkpoint = Checkpoint(checkpoint.session, json.dumps(page.last_seq))
            self._receive(page.changes, checkpoint)
            self._save_remote(self._pull_direction, checkpoint)
            if len(page.changes) < self._batch:
                return True

    def _receive(self, changes: Sequence[Change], checkpoint: Checkpoint) -> None:
        ours = [change for change in changes if _is_ours(change.id) and self._local.wants(change.id)]
        known = self._local.known(change.id for change in ours)
        wanted = [
            (change.id, rev)
            for change in ours
            if not _already_held(change, known.get(change.id))
            for rev in change.revs
        ]
        asked = {doc_id for doc_id, _ in wanted}
        leaves: dict[str, list[JsonObject]] = {}
        for document in self._remote.bulk_get(wanted):
            if document.get("_id") in asked and is_revision(document.get("_rev")):
                leaves.setdefault(document["_id"], []).append(document)
        waiting = self._local.pending_bodies({doc_id: known[doc_id] for doc_id in leaves if doc_id in known})
        to_server: list[JsonObject] = []
        incoming: list[Incoming] = []
        for doc_id, documents in leaves.items():
            merged = self._merge(doc_id, documents, waiting.get(doc_id), to_server)
            if merged is not None:
                incoming.append(merged)
        self._remote.bulk_docs(to_server)
        seen = {item.doc_id: known.get(item.doc_id, Known(None, None)) for item in incoming}
        position = (self._target, self._pull_direction, checkpoint)
        applied = self._local.apply(incoming, seen, position)
        self._received += applied.written
        self._skipped += applied.skipped
        self._newer += applied.newer
        self._kinds.update(item.doc_id.partition(":")[0] for item in incoming)

    def _merge(
        self, doc_id: str, documents: list[JsonObject], mine: JsonObject | None, to_server: list[JsonObject]
    ) -> Incoming | None:
        """The body to keep of a document, from its live leaves on the server and the change waiting here.

        Leaves this version cannot read take no part (they stay on the server, untouched); when none can be read
        but a newer SurveyDesk wrote some, the one the server shows is kept here as received (`LocalReplica`).
        Revisions that lost are deleted on the server; the winner becomes a child of the leaf the server shows,
        so after this the document has one live leaf, the same one whichever computer merged first.
        """
        live: dict[str, JsonObject] = {}
        newer: dict[str, JsonObject] = {}
        for document in documents:
            if document.get("_deleted") is True:
                continue
            body = docs.body_of(document)
            readable = self._readable(doc_id, body)
            if readable is not None:
                (live if readable else newer)[document["_rev"]] = body
        if not live:
            if newer:
                shown = docs.couch_winner(newer)
                return Incoming(doc_id, shown, newer[shown])
            if any(document.get("_deleted") is not True for document in documents) and _is_known(doc_id):
                self._skipped += 1
            return None
        base = docs.couch_winner(live)
        if mine is not None:  # a change here keeps the fields a newer SurveyDesk added, as the server shows them
            mine = docs.with_unknown_fields_of(doc_id.partition(":")[0], mine, live[base])
        best = docs.winner([*live.values(), *([mine] if mine is not None else [])])
        rev = base
        if docs.canonical(best) != docs.canonical(live[base]):
            rev = docs.next_rev(base, best)
            to_server.append(docs.with_revision(doc_id, rev, base, best))
        for loser in live:
            if loser != base:
                tombstone = docs.next_rev(loser, {"_deleted": True})
                to_server.append(docs.with_revision(doc_id, tombstone, loser, {"_deleted": True}))
        if len(live) > 1:
            self._conflicts += 1
        return Incoming(doc_id, rev, best)

    def _readable(self, doc_id: str, body: JsonObject) -> bool | None:
        """True if this version reads the revision, False if a newer SurveyDesk wrote it, None if unreadable."""
        try:
            self._local.check(doc_id, body)
        except NewerDocument:
            return False
        except DocumentError as error:
            log.warning("a revision on the server cannot be read and is left alone: %s", error)
            return None
        return True

    # --- push ----------------------------------------------------------------------------------------------

    def _push(self) -> bool:
        """Send what waits, a batch at a time: the server stores one batch while the next is read here and made
        into documents (a thread of the exchange's own sends it), so a first sync pays for the server's time
        and ours side by side, not one after the other (bench/replication.py: 4,000 entries a second one after
        the other). Each batch is marked sent only once the server has it."""
        checkpoint, continuing = self._resume(PUSH)
        if not continuing:
            # A first exchange with this server database, or one that lost what we sent: send everything.
            self._local.requeue_everything(self._clock.now())
        self._local.note_profile_changes(self._clock.now())
        # Only what was sent everything again may be on the server already (a database restored, or this
        # computer's first exchange with a log others filled): then the server is asked which revisions it lacks
        # (`_revs_diff`) and sent those only. Else what waits changed here since the last exchange and the server
        # lacks it; were a batch sent twice (cut off before it was marked sent) the server keeps the revisions it
        # has (asking only spares sending them). Asking cost a third of the server's time in a first sync
        # (bench/replication.py).
        self._ask_what_is_missing = not continuing and not self._server_was_empty
        after = 0
        sending: _Sending | None = None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as sender:
            while True:
                items, forget = self._local.outgoing(self._batch, after)
                settled = sending
                if settled is not None:
                    checkpoint = self._settle(settled, checkpoint)
                stop = self._should_stop()  # between whole batches, as in the pull
                more = bool(items or forget) and not stop
                if more:
                    after = max([*forget, *(item.seq for item in items)])
                    sending = _Sending(sender.submit(self._send, items), items, after)
                if settled is not None:
                    self._local.forget_sent(self._target)  # while the next batch is on its way
                if not more:
                    return not stop

    def _send(self, items: Sequence[Outgoing]) -> int:
        """Send the revisions of `items` the server lacks (on the sending thread); returns how many."""
        if self._ask_what_is_missing:
            missing = self._remote.revs_diff({item.doc_id: [item.rev] for item in items})
            items = [item for item in items if item.rev in missing.get(item.doc_id, ())]
        sending = [item.as_sent() for item in items]
        self._remote.bulk_docs(sending)
        return len(sending)

    def _settle(self, sending: _Sending, checkpoint: Checkpoint) -> Checkpoint:
        """Wait until the server has the batch (its `SyncError` raised here), then mark it sent here."""
        sent = sending.reply.result()
        checkpoint = Checkpoint(checkpoint.session, json.dumps(sending.last))
        self._local.mark_sent(sending.items, (self._target, checkpoint))
        self._save_remote(PUSH, checkpoint)
        self._sent += sent
        return checkpoint


@dataclass(frozen=True, slots=True)
class _Sending:
    """A batch on its way to the server: the reply to wait for, what it holds, and the last `seq` it covers."""

    reply: Future[int]
    items: list[Outgoing]
    last: int


def _is_ours(doc_id: str) -> bool:
    """Whether the document may be ours, or one a newer SurveyDesk wrote (a design document is neither)."""
    return docs.may_be_ours(doc_id)


def _is_known(doc_id: str) -> bool:
    """Whether the document is of a kind SurveyDesk knows (one of another application's is not worth a word)."""
    try:
        docs.split_id(doc_id)
    except DocumentError:
        return False
    return True


def _already_held(change: Change, known: Known | None) -> bool:
    """The server's only leaf is the revision this computer holds, with nothing waiting here: nothing to do."""
    return known is not None and known.pending_seq is None and change.revs == (known.rev,)
