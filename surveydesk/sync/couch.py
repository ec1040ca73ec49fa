"""A client for one database of a CouchDB-compatible server: the calls of CouchDB's replication protocol.

Apache CouchDB, IBM Cloudant and PouchDB Server all speak it; nothing here depends on which one answers.
Every failure becomes one typed `SyncError` whose message the worker can read: it names the server at most,
never a password, a path with ids, or a header.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import quote, urlsplit

import msgspec
import requests

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import NetError, TooLarge, send
from surveydesk.net.http import make_session as net_session
from surveydesk.net.status import retry_after

TIMEOUT: Final = (5.0, 60.0)  # seconds to connect; seconds between bytes (a big _bulk_docs takes a while)
DEADLINE: Final = 300.0  # seconds for one whole exchange: a batch of 64 MB at the slowest line worth syncing on
MAX_REPLY_BYTES: Final = 64 * 1024 * 1024  # far above any batch we ask for; a bigger reply is refused unread
DEFAULT_RETRY: Final = timedelta(seconds=60)  # when a busy server gives no Retry-After
MAX_POSITION_CHARS: Final = 4096  # a CouchDB 3 sequence is a few hundred characters
_REVISION: Final = re.compile(r"[1-9][0-9]{0,8}-[0-9A-Za-z]{1,64}")  # generation-hash

JsonObject = dict[str, Any]


class SyncError(Exception):
    """Something about the sync server that the worker should hear about in words; nothing local was harmed.

    `message` is kept as given: a Sentence (core/translatable.py) that the UI shows in the worker's language."""

    kind = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class WrongLogin(SyncError):
    """The server refused the user name or password (or this user may not use the database)."""

    kind = "auth"


class MissingDatabase(SyncError):
    """The server answers but has no database of that name; we never create one behind the worker's back."""

    kind = "missing-database"


class ServerGone(SyncError):
    """No answer: offline, the server is down, or it hung up half-way. Worth trying again later."""

    kind = "offline"


class ServerBusy(SyncError):
    """The server asked us to come back later (429 or 503); `retry_at` honours its Retry-After."""

    kind = "busy"

    def __init__(self, message: str, retry_at: datetime) -> None:
        super().__init__(message)
        self.retry_at = retry_at


class BadReply(SyncError):
    """The server answered with something that is not what the protocol promises; nothing of it is used."""

    kind = "bad-reply"


class _NotFound(BadReply):
    """A 404 for something inside the database: a missing `_local` document, or a call the server lacks."""


@dataclass(frozen=True, slots=True)
class Change:
    """One row of `_changes` (style=all_docs): a document and the revisions of all its leaves."""

    id: str
    revs: tuple[str, ...]
    deleted: bool


@dataclass(frozen=True, slots=True)
class ChangesPage:
    changes: tuple[Change, ...]
    last_seq: int | str  # opaque: an int on PouchDB, a string on CouchDB 2+; only ever handed back to the server


def make_session() -> requests.Session:
    """The network layer's session (connections retried, no ~/.netrc, each exchange ended at `DEADLINE`),
    sending JSON."""
    session = net_session(deadline=DEADLINE)
    session.headers["Content-Type"] = "application/json"
    return session


def display_address(server_url: str, database: str) -> str:
    """How a target is named in messages: host, port and database, nothing that could hold a secret."""
    host = urlsplit(server_url).netloc.rpartition("@")[2] or "the server"
    return f"{host}/{database}"


class CouchDatabase:
    """One database on one server, reached with one user's password over an injected `requests.Session`."""

    def __init__(
        self,
        session: requests.Session,
        server_url: str,
        database: str,
        user: str,
        password: str,
        now: Callable[[], datetime],
        timeout: tuple[float, float] = TIMEOUT,
    ) -> None:
        self._session = session
        self._base = server_url.rstrip("/") + "/" + quote(database, safe="")
        self._auth = (user, password) if user else None
        self._now = now
        self._timeout = timeout
        self.name = display_address(server_url, database)

    def close(self) -> None:
        self._session.close()

    # --- the calls of the protocol -------------------------------------------------------------------------

    def info(self) -> JsonObject:
        """The database's info; raises `MissingDatabase`, `WrongLogin`… when it cannot be used."""
        return self._object(self._request("GET", ""))

    def changes(self, since: object, limit: int) -> ChangesPage:
        """Up to `limit` changes after checkpoint `since`, each with every leaf revision (conflicts included).

        Always a normal feed: a longpoll can hang past its timeout on some servers.
        """
        params = {"style": "all_docs", "since": _query_value(since), "limit": str(limit)}
        body = self._object(self._request("GET", "/_changes", params=params))
        results, last_seq = body.get("results"), body.get("last_seq")
        if not isinstance(results, list) or not isinstance(last_seq, int | str) or isinstance(last_seq, bool):
            raise BadReply(
                QT_TRANSLATE_NOOP(
                    "CouchDatabase", "{0} sent a list of changes without its results or position"
                ).filled(self.name)
            )
        if len(str(last_seq)) > MAX_POSITION_CHARS:
            raise BadReply(
                QT_TRANSLATE_NOOP(
                    "CouchDatabase", "{0} sent a position in its changes that is far too long"
                ).filled(self.name)
            )
        return ChangesPage(tuple(_change(row, self.name) for row in results), last_seq)

    def revs_diff(self, revs: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
        """Of the given revisions of each document, the ones the server does not have."""
        if not revs:
            return {}
        body = self._object(self._request("POST", "/_revs_diff", payload=dict(revs)))
        missing: dict[str, list[str]] = {}
        for doc_id, entry in body.items():
            wanted = entry.get("missing") if isinstance(entry, dict) else None
            if not isinstance(wanted, list) or not all(isinstance(rev, str) for rev in wanted):
                raise BadReply(
                    QT_TRANSLATE_NOOP(
                        "CouchDatabase", "{0} answered a revision check in a form we cannot read"
                    ).filled(self.name)
                )
            missing[doc_id] = wanted
        return missing

    def bulk_docs(self, docs: Sequence[JsonObject]) -> None:
        """Store revisions exactly as given (`new_edits: false`): how a replicator writes, creating no new ones."""
        if not docs:
            return
        reply = self._request("POST", "/_bulk_docs", payload={"docs": list(docs), "new_edits": False})
        body = _json(reply, self.name)
        if not isinstance(body, list):
            raise BadReply(
                QT_TRANSLATE_NOOP(
                    "CouchDatabase", "{0} answered a batch of documents in a form we cannot read"
                ).filled(self.name)
            )
        refused = [row for row in body if isinstance(row, dict) and "error" in row]
        if refused:
            reasons = sorted({str(row.get("error"))[:40] for row in refused})
            if any(reason in ("unauthorized", "forbidden") for reason in reasons):
                raise WrongLogin(
                    QT_TRANSLATE_NOOP("CouchDatabase", "{0} does not let this user write to the database").filled(
                        self.name
                    )
                )
            refusal = QT_TRANSLATE_NOOP("CouchDatabase", "{0} refused {1} of {2} records ({3})")
            raise BadReply(refusal.filled(self.name, len(refused), len(docs), ", ".join(reasons)))

    def bulk_get(self, wanted: Sequence[tuple[str, str]]) -> list[JsonObject]:
        """The given revisions (document id, rev), deleted ones included; one the server lacks is left out."""
        if not wanted:
            return []
        payload = {"docs": [{"id": doc_id, "rev": rev} for doc_id, rev in wanted]}
        body = self._object(self._request("POST", "/_bulk_get", payload=payload))
        results = body.get("results")
        if not isinstance(results, list):
            raise BadReply(
                QT_TRANSLATE_NOOP(
                    "CouchDatabase", "{0} answered a request for documents in a form we cannot read"
                ).filled(self.name)
            )
        found: list[JsonObject] = []
        for result in results:
            answers = result.get("docs") if isinstance(result, dict) else None
            for answer in answers if isinstance(answers, list) else []:
                doc = answer.get("ok") if isinstance(answer, dict) else None
                if isinstance(doc, dict):
                    found.append(doc)
        return found

    def get_local(self, name: str) -> JsonObject | None:
        """A `_local` document (never replicated: where checkpoints live), or None when there is none."""
        try:
            return self._object(self._request("GET", "/_local/" + quote(name, safe="")))
        except _NotFound:
            return None

    def put_local(self, name: str, body: JsonObject) -> None:
        """Write a `_local` document, replacing the one there (its current `_rev` is read first)."""
        current = self.get_local(name)
        document = dict(body)
        if current is not None and isinstance(current.get("_rev"), str):
            document["_rev"] = current["_rev"]
        self._request("PUT", "/_local/" + quote(name, safe=""), payload=document)

    # --- transport -----------------------------------------------------------------------------------------

    def _object(self, reply: requests.Response) -> JsonObject:
        body = _json(reply, self.name)
        if not isinstance(body, dict):
            raise BadReply(
                QT_TRANSLATE_NOOP("CouchDatabase", "{0} answered with something that is not a JSON object").filled(
                    self.name
                )
            )
        return body

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        payload: object = None,
    ) -> requests.Response:
        # msgspec writes what json.dumps would read back alike, several times faster: a batch of 1,000 documents is
        # encoded while the next is made (replicator._push), so its time is the sync's.
        data = None if payload is None else msgspec.json.encode(payload)
        try:
            reply = send(
                self._session,
                method,
                self._base + path,
                timeout=self._timeout,
                allow_redirects=False,  # a redirect could carry the login elsewhere; the worker enters the address
                max_bytes=MAX_REPLY_BYTES,
                params=params,
                data=data,
                auth=self._auth,
            )
        except TooLarge as failure:
            raise BadReply(failure.message) from None
        except NetError as failure:
            raise ServerGone(failure.message) from None
        return self._checked(reply, path)

    def _checked(self, reply: requests.Response, path: str) -> requests.Response:
        status = reply.status_code
        if status < 300:
            return reply
        if status in (401, 403):
            raise WrongLogin(
                QT_TRANSLATE_NOOP("CouchDatabase", "{0} refused the user name or password").filled(self.name)
                if status == 401
                else QT_TRANSLATE_NOOP("CouchDatabase", "{0} does not let this user use the database").filled(
                    self.name
                )
            )
        if status == 404:
            if _is_missing_database(reply) or path == "":
                raise MissingDatabase(
                    QT_TRANSLATE_NOOP(
                        "CouchDatabase", "{0} has no such database; create it on the server first"
                    ).filled(self.name)
                )
            raise _NotFound(
                QT_TRANSLATE_NOOP(
                    "CouchDatabase", "{0} does not have something the replication protocol needs"
                ).filled(self.name)
            )
        if status in (429, 503):
            now = self._now()
            retry_at = now + (retry_after(reply, now) or DEFAULT_RETRY)
            raise ServerBusy(
                QT_TRANSLATE_NOOP("CouchDatabase", "{0} is busy and asked us to come back later").filled(
                    self.name
                ),
                retry_at,
            )
        if status >= 500:
            raise ServerGone(
                QT_TRANSLATE_NOOP("CouchDatabase", "{0} had a server error ({1})").filled(self.name, status)
            )
        if 300 <= status < 400:
            raise BadReply(
                QT_TRANSLATE_NOOP(
                    "CouchDatabase", "{0} sent us to another address; enter that address instead"
                ).filled(self.name)
            )
        raise BadReply(
            QT_TRANSLATE_NOOP("CouchDatabase", "{0} refused the request ({1})").filled(self.name, status)
        )


def is_revision(value: object) -> bool:
    """A revision as the protocol writes it: its generation, a dash, its hash."""
    return isinstance(value, str) and _REVISION.fullmatch(value) is not None


def _query_value(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _change(row: object, name: str) -> Change:
    if not isinstance(row, dict):
        raise BadReply(QT_TRANSLATE_NOOP("CouchDatabase", "{0} sent a change that is not an object").filled(name))
    doc_id, changes = row.get("id"), row.get("changes")
    if not isinstance(doc_id, str) or not isinstance(changes, list):
        raise BadReply(
            QT_TRANSLATE_NOOP("CouchDatabase", "{0} sent a change without its document or revisions").filled(name)
        )
    revs = tuple(entry.get("rev") for entry in changes if isinstance(entry, dict))
    if not revs or not all(is_revision(rev) for rev in revs):
        raise BadReply(
            QT_TRANSLATE_NOOP("CouchDatabase", "{0} sent a change with unreadable revisions").filled(name)
        )
    return Change(doc_id, revs, row.get("deleted") is True)  # type: ignore[arg-type]


def _json(reply: requests.Response, name: str) -> object:
    try:
        return reply.json()
    except (ValueError, RecursionError):
        raise BadReply(
            QT_TRANSLATE_NOOP("CouchDatabase", "{0} answered with something that is not JSON").filled(name)
        ) from None


def _is_missing_database(reply: requests.Response) -> bool:
    try:
        body = reply.json()
    except (ValueError, RecursionError):
        return False
    reason = body.get("reason") if isinstance(body, dict) else None
    return reason in ("no_db_file", "Database does not exist.")
