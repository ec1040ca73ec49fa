"""A small ntfy-compatible server on loopback, for the phone alerts' tests and bench.

It speaks what SurveyDesk and Apprise use of ntfy (docs.ntfy.sh, publish and subscribe):
- publishing: `POST`/`PUT /<topic>` with the message as the body and the headers Title, Priority, Tags, Click and
  Actions (each also as `X-…`); or `POST /` with a JSON body (`topic`, `title`, `message`, …) and the same
  headers, as Apprise's ntfy plugin sends;
- subscribing: `GET /<topic>/json`, a stream of one JSON object a line: an `open` event, then each `message`
  as it is published, for as long as the connection lives; with `since=`, first the messages kept from before
  (every message is kept, across restarts, as ntfy's message cache does): `all`, those after a message's id (all
  of them when the id is unknown, as ntfy does), or those of a Unix time or later;
- an access key: when the server has one, every request must carry `Authorization: Bearer <key>`, else 401;
- any `POST /hooks/<name>` records its JSON body: the receiving end of Apprise's own `json://` target.

`stop()` then `start()` again serves on the same port: a restart, as far as a subscriber can tell.
`streams_down` keeps subscriptions out (503, as a proxy in front of a restarting server answers) while
publishing still works: a tap while SurveyDesk's stream is down.
"""

from __future__ import annotations

import json
import queue
import secrets
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

_PRIORITIES = {"min": 1, "low": 2, "default": 3, "high": 4, "max": 5, "urgent": 5}
_CLOSE = None  # put in a subscriber's queue: the stream ends


@dataclass(frozen=True, slots=True)
class Published:
    """One message as the server understood it, and the moment (time.perf_counter) it arrived."""

    topic: str
    title: str
    message: str
    priority: int
    tags: tuple[str, ...]
    click: str
    actions: tuple[dict[str, str], ...]
    arrived: float
    id: str = field(default_factory=lambda: secrets.token_hex(6))  # 12 characters, as ntfy's
    time: int = field(default_factory=lambda: int(time.time()))

    def as_event(self) -> dict[str, Any]:
        event: dict[str, Any] = {
            "id": self.id,
            "time": self.time,
            "event": "message",
            "topic": self.topic,
            "message": self.message,
            "priority": self.priority,
        }
        if self.title:
            event["title"] = self.title
        if self.tags:
            event["tags"] = list(self.tags)
        if self.click:
            event["click"] = self.click
        if self.actions:
            event["actions"] = list(self.actions)
        return event


def parse_actions(header: str) -> tuple[dict[str, str], ...]:
    """ntfy's short form: `http, Take, https://host/topic, method=POST, body=…, clear=true; view, …`."""
    actions = []
    for one in filter(None, (part.strip() for part in header.split(";"))):
        fields = [part.strip() for part in one.split(",")]
        action = {"action": fields[0], "label": fields[1], "url": fields[2]}
        for extra in fields[3:]:
            key, _, value = extra.partition("=")
            action[key.strip()] = value.strip()
        actions.append(action)
    return tuple(actions)


@dataclass
class NtfyServer:
    access_key: str | None = None
    port: int = 0
    published: list[Published] = field(default_factory=list)
    hooks: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    subscriptions: int = 0  # how many subscribers ever connected
    streams_down: bool = False
    streams_refused: int = 0
    since_asked: list[str] = field(default_factory=list)  # each subscription's `since`, "" when it had none
    sent_again: list[Published] = field(default_factory=list)  # the kept messages sent for a `since`
    _httpd: ThreadingHTTPServer | None = None
    _subscribers: dict[str, list[queue.Queue[Published | None]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", self.port), _handler_for(self))
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        threading.Thread(target=self._httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        with self._lock:
            for subscribers in self._subscribers.values():
                for inbox in subscribers:
                    inbox.put(_CLOSE)
            self._subscribers.clear()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._httpd = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def on_topic(self, topic: str) -> list[Published]:
        return [message for message in self.published if message.topic == topic]

    def subscribers_of(self, topic: str) -> int:
        with self._lock:
            return len(self._subscribers.get(topic, []))

    def publish(self, message: Published) -> None:
        with self._lock:
            self.published.append(message)
            for inbox in self._subscribers.get(message.topic, []):
                inbox.put(message)

    def _subscribe(self, topic: str, since: str) -> queue.Queue[Published | None]:
        """A subscriber's inbox, holding first the kept messages its `since` asks for."""
        inbox: queue.Queue[Published | None] = queue.Queue()
        with self._lock:
            kept = _since(self.on_topic(topic), since)
            self.sent_again.extend(kept)
            for message in kept:
                inbox.put(message)
            self._subscribers.setdefault(topic, []).append(inbox)
            self.subscriptions += 1
            self.since_asked.append(since)
        return inbox

    def _unsubscribe(self, topic: str, inbox: queue.Queue[Published | None]) -> None:
        with self._lock:
            subscribers = self._subscribers.get(topic, [])
            if inbox in subscribers:
                subscribers.remove(inbox)


def _since(messages: list[Published], since: str) -> list[Published]:
    if not since:
        return []
    if since.isdigit():
        return [message for message in messages if message.time >= int(since)]
    ids = [message.id for message in messages]
    return messages[ids.index(since) + 1 :] if since in ids else messages  # "all", or an id it does not know


def _handler_for(server: NtfyServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # a stream ends when the connection closes

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _header(self, name: str) -> str:
            return self.headers.get(name) or self.headers.get("X-" + name) or ""

        def _reply(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _allowed(self) -> bool:
            if server.access_key is None or self.headers.get("Authorization") == f"Bearer {server.access_key}":
                return True
            self._reply(401, {"code": 40101, "http": 401, "error": "unauthorized"})
            return False

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8")
            path = self.path.split("?", 1)[0]
            if path.startswith("/hooks/"):
                server.hooks.append((path, json.loads(body)))
                self._reply(200, {})
                return
            if not self._allowed():
                return
            if path == "/":
                fields = json.loads(body)
                topic, title, message = fields["topic"], fields.get("title", ""), fields.get("message", "")
            else:
                topic, title, message = path.strip("/"), self._header("Title"), body
            priority = self._header("Priority") or "default"
            published = Published(
                topic=topic,
                title=title,
                message=message,
                priority=int(priority) if priority.isdigit() else _PRIORITIES[priority],
                tags=tuple(tag.strip() for tag in self._header("Tags").split(",") if tag.strip()),
                click=self._header("Click"),
                actions=parse_actions(self._header("Actions")),
                arrived=time.perf_counter(),
            )
            server.publish(published)
            self._reply(200, {"id": "x", "event": "message", "topic": topic})

        do_PUT = do_POST  # noqa: N815 (http.server's name for it)

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if not path.endswith("/json"):
                self._reply(404, {"code": 40401, "http": 404, "error": "page not found"})
                return
            if not self._allowed():
                return
            if server.streams_down:
                server.streams_refused += 1
                self._reply(503, {"code": 50301, "http": 503, "error": "service unavailable"})
                return
            topic = path.removesuffix("/json").strip("/")
            query = parse_qs(urlsplit(self.path).query)
            inbox = server._subscribe(topic, query.get("since", [""])[0])
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/x-ndjson; charset=utf-8")
                self.end_headers()
                self._line({"id": "open", "time": int(time.time()), "event": "open", "topic": topic})
                while (message := inbox.get()) is not _CLOSE:
                    self._line(message.as_event())
            except OSError:
                pass  # the subscriber went away
            finally:
                server._unsubscribe(topic, inbox)

        def _line(self, event: dict[str, Any]) -> None:
            self.wfile.write(json.dumps(event).encode() + b"\n")
            self.wfile.flush()

    return Handler
