"""What a newer SurveyDesk on another computer replicates (a kind of record, a status or an entry kind this one
does not know) is kept here as received, never lost nor a reason to fail, said once, and read once this version
knows it. "Knows it later" is a replica given fewer kinds of document first, then all of them."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

import pytest

from surveydesk.core.earnings import Status
from surveydesk.ledger.claims import ClaimKind, ClaimStore
from surveydesk.sync import documents as docs
from surveydesk.sync.couch import CouchDatabase, make_session
from surveydesk.sync.local import LocalReplica
from surveydesk.sync.replicator import Replicator, SyncReport
from tests.couch_server import ADMIN, ADMIN_PASSWORD, CouchServer
from tests.sync_helpers import Computer

ENTRY = "prolific/me/task/s1"
WITHOUT_CLAIMS = tuple(kind for kind in docs.KINDS if kind != docs.CLAIM)


@pytest.fixture
def older(tmp_path: Path) -> Iterator[Computer]:
    computer = Computer(tmp_path / "older")
    yield computer
    computer.close()


def _sync(computer: Computer, server: CouchServer, kinds: Collection[str]) -> SyncReport:
    remote = CouchDatabase(make_session(), server.url, "log", ADMIN, ADMIN_PASSWORD, computer.clock.now)
    with Replicator(LocalReplica(computer.db, kinds=kinds), remote, "test", computer.clock) as replicator:
        return replicator.run()


def _put(server: CouchServer, document: dict[str, Any]) -> None:
    assert server.admin.put(f"{server.url}/log/{document['_id']}", json=document, timeout=10).ok


def _newer_documents(server: CouchServer) -> list[dict[str, Any]]:
    """What a newer SurveyDesk might write: a kind of record, an event with a status and one with an entry kind
    this version does not know."""
    event = next(doc for doc_id, doc in server.docs("log").items() if doc_id.startswith("event:"))
    disputed = {**docs.body_of(event), "_id": "event:disputed-1", "status": "disputed"}
    entry = {**event["entry"], "kind": "referral", "record_id": "r1", "id": "prolific/me/referral/r1"}  # type: ignore[dict-item]
    referral = {**docs.body_of(event), "_id": "event:referral-1", "entry": entry}
    goal = {"_id": "goal:week", "type": "goal", "amount": {"minor": 1000, "currency": "EUR"}, "changed_at": ""}
    return [disputed, referral, goal]


def _kept(computer: Computer) -> dict[str, dict[str, Any]]:
    return dict(LocalReplica(computer.db).kept())


def test_documents_of_a_newer_version_are_kept_as_received_said_once_and_the_rest_syncs(
    server: CouchServer, laptop: Computer, older: Computer
):
    laptop.report("s1", Status.REJECTED)
    laptop.report("s2", Status.APPROVED)
    laptop.sync(server)
    newer = _newer_documents(server)
    for document in newer:
        _put(server, document)

    first = _sync(older, server, docs.KINDS)
    again = _sync(older, server, docs.KINDS)

    assert first.newer == 3 and first.skipped == 0
    assert again.newer == 0  # said once: the same documents are not news the next time
    assert older.history() == laptop.history()  # the rest synced
    kept = _kept(older)
    assert kept == {document["_id"]: docs.body_of(document) for document in newer}  # stored as received
    assert server.docs("log")["goal:week"]["amount"] == {"minor": 1000, "currency": "EUR"}  # left on the server
    assert older.pending() == 0  # nothing this computer does not understand is sent back


def test_a_kind_of_record_kept_is_read_once_this_version_knows_it(
    server: CouchServer, laptop: Computer, older: Computer
):
    laptop.report("s1", Status.REJECTED)
    ClaimStore(laptop.db).refresh({ENTRY: ClaimKind.REJECTED}, laptop.clock.now())
    laptop.sync(server)

    before = _sync(older, server, WITHOUT_CLAIMS)  # a version that knows no claims
    assert before.newer == 1
    assert ClaimStore(older.db).entry_ids() == []
    assert list(_kept(older)) == [f"claim:{ENTRY}"]
    assert older.history() == laptop.history()

    after = _sync(older, server, docs.KINDS)  # the same computer, updated

    assert after.newer == 0
    claims = ClaimStore(older.db)
    assert claims.records(claims.entry_ids()) == ClaimStore(laptop.db).records([ENTRY])
    assert _kept(older) == {}
    assert older.pending() == 0
    assert server.conflicts("log") == {}


def test_an_unreadable_document_is_still_skipped_not_kept(server: CouchServer, laptop: Computer, older: Computer):
    laptop.report("s1", Status.REJECTED)
    laptop.sync(server)
    event = next(doc for doc_id, doc in server.docs("log").items() if doc_id.startswith("event:"))
    _put(server, {**docs.body_of(event), "_id": "event:broken", "status": "Not a status!"})
    _put(server, {"_id": "virus:1", "payload": "not ours"})

    report = _sync(older, server, docs.KINDS)

    assert (report.newer, report.skipped) == (0, 1)
    assert _kept(older) == {}
