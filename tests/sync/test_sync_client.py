"""The protocol client against a server that misbehaves: every reply becomes data or one typed error in words,
and no message names the password."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from surveydesk.sync.couch import (
    BadReply,
    CouchDatabase,
    MissingDatabase,
    ServerBusy,
    ServerGone,
    SyncError,
    WrongLogin,
    make_session,
)
from tests.factories import T0
from tests.hostile_server import JSON, HostileServer, Reply, Reset, Stall, Stream

PASSWORD = "hunter2-secret"


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server


@pytest.fixture
def database(hostile: HostileServer) -> Iterator[CouchDatabase]:
    session = make_session()
    session.trust_env = False
    client = CouchDatabase(session, hostile.url, "log", "worker", PASSWORD, lambda: T0, timeout=(2.0, 2.0))
    yield client
    client.close()


def _fails(database: CouchDatabase, kind: type[SyncError]) -> str:
    with pytest.raises(kind) as raised:
        database.info()
    assert PASSWORD not in raised.value.message
    return raised.value.message


@pytest.mark.parametrize(
    ("reply", "kind", "words"),
    [
        (Reply(401, b'{"error":"unauthorized","reason":"Name or password is incorrect."}'), WrongLogin, "refused"),
        (Reply(403, b'{"error":"forbidden"}'), WrongLogin, "does not let this user"),
        (Reply(404, b'{"error":"not_found","reason":"Database does not exist."}'), MissingDatabase, "no such"),
        (Reply(500, b"oops"), ServerGone, "server error"),
        (Reply(200, b"<html>a captive portal</html>"), BadReply, "not JSON"),
        (Reply(200, b"[1, 2]"), BadReply, "not a JSON object"),
        (Reply(200, b"[" * 100_000), BadReply, "not JSON"),
        (Reply(302, b"", (("Location", "http://elsewhere.example/"),)), BadReply, "another address"),
        (Reset(at_once=True), ServerGone, "cannot connect to"),
        (
            Reset(Reply(200, b'{"db_name": "log", "padding": "' + b"x" * 10_000 + b'"}')),
            ServerGone,
            "stopped answering",
        ),
        (Stall(), ServerGone, "did not answer in time"),
        (Stream(size=200 * 1024 * 1024), BadReply, "refused"),
        (Stream(size=70 * 1024 * 1024, declared=False), BadReply, "refused"),
    ],
    ids=lambda value: type(value).__name__ if not isinstance(value, str) else value[:12],
)
def test_a_bad_answer_becomes_one_typed_error_in_words(
    hostile: HostileServer, database: CouchDatabase, reply, kind, words
):
    hostile.script(reply)
    assert words in _fails(database, kind)


def test_a_redirect_is_not_followed_so_the_login_goes_nowhere_else(hostile: HostileServer, database):
    hostile.script(Reply(307, b"", (("Location", f"{hostile.url}/elsewhere"),)))
    _fails(database, BadReply)
    assert len(hostile.requests) == 1


def test_a_busy_server_is_asked_again_when_it_says(hostile: HostileServer, database: CouchDatabase):
    hostile.script(Reply(429, b"{}", (*JSON, ("Retry-After", "120"))))
    with pytest.raises(ServerBusy) as raised:
        database.info()
    assert raised.value.retry_at == T0 + timedelta(seconds=120)
    hostile.script(Reply(503, b"{}", (*JSON, ("Retry-After", "soon, maybe"))))
    with pytest.raises(ServerBusy) as raised:
        database.info()
    assert raised.value.retry_at == T0 + timedelta(seconds=60)


@pytest.mark.parametrize(
    "body",
    [
        b'{"last_seq": 3}',
        b'{"results": "many", "last_seq": 3}',
        b'{"results": [], "no_seq": 1}',
        b'{"results": [{"id": 7, "changes": []}], "last_seq": 3}',
        b'{"results": [{"id": "event:1", "changes": [{"rev": null}]}], "last_seq": 3}',
        b'{"results": [{"id": "event:1", "changes": []}], "last_seq": 3}',
        b'{"results": ["event:1"], "last_seq": 3}',
        b'{"results": [{"id": "event:1", "changes": [{"rev": "not-a-revision!"}]}], "last_seq": 3}',
        b'{"results": [{"id": "event:1", "changes": [{"rev": "0-abc"}]}], "last_seq": 3}',
        b'{"results": [], "last_seq": {"nested": [1, 2]}}',
        b'{"results": [], "last_seq": "' + b"9" * 5000 + b'"}',
    ],
)
def test_a_list_of_changes_that_breaks_the_protocol_is_refused_whole(
    hostile: HostileServer, database: CouchDatabase, body: bytes
):
    hostile.script(Reply(200, body))
    with pytest.raises(BadReply):
        database.changes(0, 100)


def test_documents_are_read_from_whatever_shape_of_answer_comes_back(hostile: HostileServer, database):
    hostile.script(
        Reply(
            200,
            b'{"results": [{"id": "event:1", "docs": 5}, "junk", {"docs": [{"error": {"id": "event:2"}}, 7, '
            b'{"ok": {"_id": "event:3", "_rev": "1-abc"}}]}]}',
        )
    )
    assert database.bulk_get([("event:1", "1-a"), ("event:2", "1-b"), ("event:3", "1-abc")]) == [
        {"_id": "event:3", "_rev": "1-abc"}
    ]


def test_a_batch_the_server_refused_in_part_is_an_error(hostile: HostileServer, database: CouchDatabase):
    hostile.script(Reply(201, b'[{"id": "event:1", "error": "conflict", "reason": "Document update conflict."}]'))
    with pytest.raises(BadReply, match="refused 1 of 1"):
        database.bulk_docs([{"_id": "event:1", "_rev": "1-abc"}])
    hostile.script(Reply(201, b'[{"id": "event:1", "error": "forbidden", "reason": "read only"}]'))
    with pytest.raises(WrongLogin):
        database.bulk_docs([{"_id": "event:1", "_rev": "1-abc"}])


def test_the_login_goes_as_basic_auth_and_never_in_the_address(hostile: HostileServer, database: CouchDatabase):
    hostile.script(Reply(200, b'{"db_name": "log"}'))
    database.info()
    (request,) = hostile.requests
    assert request.headers["authorization"].startswith("Basic ")
    assert PASSWORD not in request.target and "worker" not in request.target
