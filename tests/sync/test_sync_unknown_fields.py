"""A newer SurveyDesk on another computer may add fields to documents of kinds this version knows (an attempt, a
ledger event and its entry, a claim). A change made here keeps them on the server for the newer computer, and a
document this version sends again unchanged keeps the revision the newer computer gave it. The newer computer is
the laptop's documents as a newer version would write them, put on the real server (PouchDB Server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from surveydesk.core.earnings import Status
from surveydesk.ledger.claims import ClaimKind, ClaimOutcome, ClaimStore
from surveydesk.work.model import Outcome
from tests.couch_server import CouchServer
from tests.factories import T0
from tests.sync_helpers import Computer, days

ENTRY = "prolific/me/task/s1"
FUTURE = {"recorded": "by a newer SurveyDesk", "count": 3}
TIME_TAKEN = 3540


@pytest.fixture
def older(tmp_path: Path) -> Iterator[Computer]:
    computer = Computer(tmp_path / "older", T0 + days(0.01))
    yield computer
    computer.close()


def _written_by_a_newer_version(server: CouchServer, laptop: Computer) -> dict[str, str]:
    """The laptop's attempt, an event of the study and its claim, each changed by a newer SurveyDesk that added
    `future_field` (and, to the event's entry, `time_taken`); their ids by kind."""
    laptop.work_on("h1", 10)
    laptop.report("s1", Status.REJECTED)
    ClaimStore(laptop.db).refresh({ENTRY: ClaimKind.REJECTED}, laptop.clock.now())
    laptop.sync(server)
    held = server.docs("log")
    ids = {
        "attempt": next(doc_id for doc_id in held if doc_id.startswith("attempt:")),
        "event": next(doc_id for doc_id, doc in held.items() if doc.get("entry", {}).get("id") == ENTRY),  # type: ignore[attr-defined]
        "claim": f"claim:{ENTRY}",
    }
    for kind, doc_id in ids.items():
        document: dict[str, Any] = {**held[doc_id], "future_field": FUTURE}
        if kind == "event":
            document["entry"] = {**document["entry"], "time_taken": TIME_TAKEN}
        _put(server, document)
    return ids


def _put(server: CouchServer, document: dict[str, Any]) -> None:
    """Write a document on the server as a newer SurveyDesk would: a child of the revision it names."""
    assert server.admin.put(f"{server.url}/log/{quote(document['_id'], safe='')}", json=document, timeout=10).ok


def _added_fields(document: dict[str, Any]) -> tuple[object, object]:
    return document.get("future_field"), document.get("entry", {}).get("time_taken")


def test_a_change_here_keeps_the_fields_a_newer_version_added(
    server: CouchServer, laptop: Computer, older: Computer
):
    ids = _written_by_a_newer_version(server, laptop)
    older.sync(server)
    before = server.docs("log")

    older.later(5)
    attempt_id = older.work_log.attempt_id(ids["attempt"].partition(":")[2])
    assert attempt_id is not None
    older.work_log.end_attempt(attempt_id, Outcome.RETURNED, older.clock.now(), None)
    older.ledger.merge_measured([(ENTRY, 600, 20)])  # the entry's events go again
    ClaimStore(older.db).record_outcome(ENTRY, ClaimOutcome.REFUSED, older.clock.now())
    report = older.sync(server)

    after = server.docs("log")
    assert report.sent >= 3
    for doc_id in ids.values():
        assert after[doc_id]["_rev"] != before[doc_id]["_rev"]  # the change reached the server...
    assert after[ids["attempt"]]["outcome"] == "returned"
    assert after[ids["event"]]["entry"]["measured"] == {"seconds": 600, "minutes": 20}  # type: ignore[index]
    assert after[ids["claim"]]["outcome"] == "refused"
    assert _added_fields(after[ids["attempt"]]) == (FUTURE, None)  # ...and what the newer one added stayed
    assert _added_fields(after[ids["event"]]) == (FUTURE, TIME_TAKEN)
    assert _added_fields(after[ids["claim"]]) == (FUTURE, None)
    assert server.conflicts("log") == {}
    laptop.sync(server)
    assert ClaimStore(laptop.db).records([ENTRY]) == ClaimStore(older.db).records([ENTRY])


def test_a_change_here_made_while_a_newer_version_changed_its_own_fields_keeps_the_newer_ones(
    server: CouchServer, laptop: Computer, older: Computer
):
    ids = _written_by_a_newer_version(server, laptop)
    older.sync(server)
    older.later(5)
    ClaimStore(older.db).record_outcome(ENTRY, ClaimOutcome.REFUSED, older.clock.now())  # waits to be sent
    claim = server.docs("log")[ids["claim"]]
    _put(server, {**claim, "future_field": {"changed": True}})  # meanwhile, on the newer computer

    older.sync(server)

    after = server.docs("log")[ids["claim"]]
    assert after["outcome"] == "refused"  # the later change wins...
    assert after["future_field"] == {"changed": True}  # ...with the newer computer's own fields as it left them
    assert server.conflicts("log") == {}


def test_a_document_sent_again_unchanged_keeps_its_revision_and_what_a_newer_version_added(
    server: CouchServer, laptop: Computer, older: Computer
):
    ids = _written_by_a_newer_version(server, laptop)
    written = server.docs("log")
    server.create_database("copy")

    older.sync(server)  # its first exchange with "log": everything goes, as it is here
    older.sync(server, database="copy")  # and with "copy"

    held, copied = server.docs("log"), server.docs("copy")
    for doc_id in ids.values():
        assert held[doc_id] == written[doc_id]  # no new revision: the newer version's fields are still there
        assert copied[doc_id] == written[doc_id]  # the same revision and body
        assert _added_fields(copied[doc_id])[0] == FUTURE
    assert older.sync(server).sent == 0


def test_a_removed_profile_answer_a_newer_version_added_fields_to_is_not_sent_again(
    server: CouchServer, laptop: Computer, older: Computer
):
    older.answers()  # its profile is empty
    laptop.answer("age", '"35-44"')
    laptop.sync(server, include_profile=True)
    laptop.later(5)
    laptop.answer("age", None)
    laptop.sync(server, include_profile=True)
    removal = server.docs("log")["profile:age"]
    assert removal["value"] is None
    _put(server, {**removal, "future_field": FUTURE})
    written = server.docs("log")["profile:age"]

    older.sync(server, include_profile=True)
    again = older.sync(server, include_profile=True)

    assert again.sent == 0  # its removal, agreed on as received, is not taken for a new one
    assert server.docs("log")["profile:age"] == written
