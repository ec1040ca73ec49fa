"""Replication when things go wrong: a wrong password, a missing database, a server that goes away, a process
killed half-way, conflicting and unreadable documents on the server. Each gives a clear error or is resolved,
and nothing stored here is lost or doubled."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from surveydesk.ledger import Status
from surveydesk.sync import documents as docs
from surveydesk.sync.couch import MissingDatabase, ServerGone, WrongLogin
from surveydesk.sync.local import LocalReplica
from tests.couch_server import ADMIN, ADMIN_PASSWORD, CouchServer
from tests.locations import ROOT
from tests.sync_helpers import Computer


def _studies(computer: Computer, count: int) -> None:
    for number in range(count):
        computer.report(f"s{number:04d}", Status.APPROVED, 100 + number)


def _checkpoints(computer: Computer) -> list[tuple[object, ...]]:
    return computer.db.connection().execute("SELECT * FROM sync_checkpoints").fetchall()


def test_a_wrong_password_is_said_in_words_and_changes_nothing(server: CouchServer, laptop: Computer):
    _studies(laptop, 3)
    history, pending = laptop.history(), laptop.pending()
    with pytest.raises(WrongLogin) as raised:
        laptop.sync(server, password="not the password")
    assert "refused the user name or password" in raised.value.message
    assert "not the password" not in raised.value.message
    assert (laptop.history(), laptop.pending(), _checkpoints(laptop)) == (history, pending, [])
    assert server.docs("log") == {}


def test_a_missing_database_is_said_in_words_and_not_created(server: CouchServer, laptop: Computer):
    _studies(laptop, 1)
    with pytest.raises(MissingDatabase) as raised:
        laptop.sync(server, database="no-such-log")
    assert "no such database" in raised.value.message and "no-such-log" in raised.value.message
    assert laptop.pending() == 1 and _checkpoints(laptop) == []
    assert server.admin.get(f"{server.url}/no-such-log", timeout=10).status_code == 404


def test_a_server_that_goes_away_half_way_leaves_the_rest_waiting(
    server: CouchServer, laptop: Computer, tmp_path: Path
):
    _studies(laptop, 300)
    history = laptop.history()
    batches = 0

    def server_dies_after_the_first_sent_batch() -> bool:
        nonlocal batches
        batches += 1
        if batches == 3:  # 1: the pull (nothing there), 2: the first batch sent, 3: before the second
            server.kill()
        return False

    with pytest.raises(ServerGone) as raised:
        laptop.sync(server, batch_size=100, should_stop=server_dies_after_the_first_sent_batch)
    assert "cannot connect to" in raised.value.message
    assert laptop.history() == history and laptop.pending() == 200  # the first 100 reached the server

    replacement = CouchServer(tmp_path / "replacement").start()
    try:
        replacement.create_database("log")
        report = laptop.sync(replacement)
        assert report.sent == 300 and laptop.pending() == 0
        assert len([doc_id for doc_id in replacement.docs("log") if doc_id.startswith("event:")]) == 300
    finally:
        replacement.stop()


# A syncing SurveyDesk in a process of its own, which says "batch" before each batch so the test can kill it
# at a known point.
_CHILD = """
import os, sys
from pathlib import Path
from surveydesk.store import Database
from surveydesk.sync.target import SyncTarget, open_replicator
from tests.factories import FixedClock

def between_batches():
    print("batch", flush=True)
    return False

database = Database.open(Path(sys.argv[1]))
target = SyncTarget(sys.argv[2], "log", sys.argv[3])
password = os.environ["SYNC_TEST_PASSWORD"]
with open_replicator(database, target, password, FixedClock(), batch_size=50, should_stop=between_batches) as r:
    r.run()
print("done", flush=True)
"""


def _kill_after(batches: int, database: Path, server: CouchServer) -> None:
    """Run a sync of `database` in another process and SIGKILL it as it starts batch number `batches`."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(database), server.url, ADMIN],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        env={**os.environ, "SYNC_TEST_PASSWORD": ADMIN_PASSWORD},
    )
    assert child.stdout is not None
    for _ in range(batches):
        assert child.stdout.readline() == b"batch\n"
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL


def test_a_process_killed_while_sending_resumes_without_loss_or_duplicates(
    server: CouchServer, laptop: Computer, tmp_path: Path
):
    _studies(laptop, 400)
    laptop.close()
    _kill_after(5, laptop.path, server)  # 1: the pull, 2-5: four batches of 50 sent
    sent_before = {doc_id for doc_id in server.docs("log") if doc_id.startswith("event:")}
    assert 0 < len(sent_before) < 400

    resumed = Computer(tmp_path / "laptop")
    try:
        report = resumed.sync(server)
        on_server = {doc_id for doc_id in server.docs("log") if doc_id.startswith("event:")}
        assert on_server == {f"event:{event[0]}" for event in resumed.events()}
        assert report.sent == 400 - len(sent_before)  # what had arrived was not sent again
        assert resumed.pending() == 0 and server.conflicts("log") == {}
    finally:
        resumed.close()


def test_a_push_cut_off_between_marking_a_batch_sent_and_forgetting_it_sends_it_once(
    server: CouchServer, laptop: Computer, monkeypatch: pytest.MonkeyPatch
):
    """A batch is marked sent (its revisions, the push's checkpoint) before the next one goes, and stops waiting
    here while that one is on its way. Cut off in between, the next exchange forgets it first: it is neither
    sent again nor received as the server shows it."""
    _studies(laptop, 300)
    forget = LocalReplica.forget_sent
    calls = 0

    def cut_off_once_the_first_batch_is_marked(replica: LocalReplica, target: str) -> None:
        nonlocal calls
        calls += 1
        if calls == 2:  # 1: as the exchange begins, 2: once the first batch is marked sent
            raise RuntimeError("cut off")
        forget(replica, target)

    monkeypatch.setattr(LocalReplica, "forget_sent", cut_off_once_the_first_batch_is_marked)
    with pytest.raises(RuntimeError, match="cut off"):
        laptop.sync(server, batch_size=100)
    monkeypatch.setattr(LocalReplica, "forget_sent", forget)
    on_server = {doc_id for doc_id in server.docs("log") if doc_id.startswith("event:")}
    assert len(on_server) == 200  # the second batch was on its way when the push was cut off

    report = laptop.sync(server)
    # The third batch is sent; the second, on the server but never marked sent, is agreed on as the server shows
    # it; the first, marked, is neither.
    assert (report.sent, report.received) == (100, 100)
    assert laptop.pending() == 0 and server.conflicts("log") == {}
    assert {doc_id for doc_id in server.docs("log") if doc_id.startswith("event:")} == {
        f"event:{event[0]}" for event in laptop.events()
    }


def test_a_process_killed_while_receiving_resumes_without_loss_or_duplicates(
    server: CouchServer, laptop: Computer, tmp_path: Path
):
    _studies(laptop, 400)
    laptop.sync(server)
    third = Computer(tmp_path / "third")
    third.close()
    _kill_after(5, third.path, server)  # 1: before the first batch received, 2-5: four batches of 50 kept

    resumed = Computer(tmp_path / "third")
    try:
        partly = len(resumed.history())
        assert 0 < partly < 400
        report = resumed.sync(server)
        assert resumed.history() == laptop.history() and resumed.events() == laptop.events()
        assert report.received <= 400 - partly + 50  # resumed from its checkpoint, not from the start
        assert resumed.pending() == 0 and report.sent == 0
    finally:
        resumed.close()


def test_conflicting_revisions_on_the_server_are_merged_and_the_losers_removed(
    server: CouchServer, laptop: Computer
):
    laptop.settings.set("alerts.per_minute", 2)
    laptop.sync(server)
    (doc_id,) = [doc_id for doc_id in server.docs("log") if doc_id.startswith("setting:")]
    first = server.docs("log")[doc_id]
    # Another computer's change of the same setting, sent while the laptop was sending its own (a sibling).
    theirs = {**docs.body_of(first), "value": "9", "changed_at": "2999-01-01T00:00:00.000000+00:00"}
    sibling = docs.next_rev(first["_rev"], theirs)
    reply = server.admin.post(
        f"{server.url}/log/_bulk_docs",
        json={"docs": [docs.with_revision(doc_id, sibling, first["_rev"], theirs)], "new_edits": False},
        timeout=10,
    )
    assert reply.status_code == 201
    laptop.settings.set("alerts.per_minute", 5)
    laptop.sync(server)

    assert server.conflicts("log") == {}
    assert laptop.settings.get("alerts.per_minute", 0) == 9  # the later change won
    assert server.docs("log")[doc_id]["value"] == "9"


def test_unreadable_documents_on_the_server_are_skipped_and_the_rest_received(
    server: CouchServer, laptop: Computer, tmp_path: Path
):
    _studies(laptop, 2)
    laptop.sync(server)
    good = next(doc for doc_id, doc in server.docs("log").items() if doc_id.startswith("event:"))
    hostile = [
        {**docs.body_of(good), "_id": "event:bad-amount", "amount": {"minor": "lots", "currency": "GBP"}},
        {
            "_id": "setting:ledger.attempt_events_seen",
            "type": "setting",
            "key": "ledger.attempt_events_seen",
            "value": "99999",
            "changed_at": "2999-01-01T00:00:00.000000+00:00",
        },
        {"_id": "setting:country", "type": "setting", "key": "country", "value": "{not json", "changed_at": ""},
        {"_id": "virus:1", "payload": "ignore me"},
    ]
    for document in hostile:
        assert server.admin.put(f"{server.url}/log/{document['_id']}", json=document, timeout=10).ok
    other = Computer(tmp_path / "other")
    try:
        report = other.sync(server)
        assert report.skipped == 3
        assert other.history() == laptop.history()
        assert other.settings.get("ledger.attempt_events_seen", None) is None
        assert other.settings.get("country", None) is None
    finally:
        other.close()


def test_a_server_that_goes_away_while_sending_to_us_leaves_whole_batches_here(
    server: CouchServer, laptop: Computer, tmp_path: Path
):
    _studies(laptop, 300)
    laptop.sync(server)
    third = Computer(tmp_path / "third")
    batches = 0

    def server_dies_after_two_batches() -> bool:
        nonlocal batches
        batches += 1
        if batches == 3:
            server.kill()
        return False

    try:
        with pytest.raises(ServerGone):
            third.sync(server, batch_size=100, should_stop=server_dies_after_two_batches)
        received = third.events()
        assert len(received) == 200 and set(received) <= set(laptop.events())
        assert len(third.history()) == 200 and third.pending() == 0  # what came is not sent back as new
    finally:
        third.close()
