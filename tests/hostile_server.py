"""A loopback HTTP server whose next replies a test scripts: good or bad, huge, cut off, trickled, or never sent.

It answers every path, so one server stands in for any platform, and it records each request (its target and
headers) so a test can check where secrets went. It is written on raw sockets because `http.server` can
neither reset a connection half-way nor keep a client waiting without a thread per reply of its own.

Every reply ends with `Connection: close`, so each request comes on a connection of its own and a client
never reads one reply as the end of another.
"""

from __future__ import annotations

import http
import select
import socket
import struct
import threading
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType
from typing import Final, Self
from urllib.parse import urlsplit

JSON: Final = (("Content-Type", "application/json"),)
FIFTY_MB: Final = 50 * 1024 * 1024
_CHUNK: Final = 64 * 1024
_MAX_HEAD: Final = 1024 * 1024
_SEND_TIMEOUT: Final = 5.0  # a client that neither reads nor hangs up is given up on after this long


@dataclass(frozen=True, slots=True)
class Recorded:
    """One request as it reached the server."""

    method: str
    target: str  # the path with its query, as sent
    headers: dict[str, str]  # names in lower case

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def host(self) -> str:
        return self.headers.get("host", "")


@dataclass(frozen=True, slots=True)
class Reply:
    """A complete reply: `Content-Length` is added unless `headers` name one (or `length` is False)."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = JSON
    length: bool = True


@dataclass(frozen=True, slots=True)
class Stream:
    """A body of `size` bytes, streamed until sent or until the client hangs up; its length is declared
    in `Content-Length` or, when `declared` is False, only by the end of the connection."""

    size: int = FIFTY_MB
    declared: bool = True


@dataclass(frozen=True, slots=True)
class Reset:
    """The headers of `reply` and half its body, then a reset (RST, not FIN); with `at_once`, a reset
    before anything is sent."""

    reply: Reply = field(default_factory=Reply)
    at_once: bool = False


@dataclass(frozen=True, slots=True)
class Stall:
    """No answer until the client hangs up or the server stops; with `half`, the headers of `reply` and half
    its body are sent first."""

    reply: Reply = field(default_factory=Reply)
    half: bool = False


@dataclass(frozen=True, slots=True)
class Trickle:
    """`reply`, headers and body, sent `size` bytes at a time with `pause` seconds between pieces: each read
    of the client ends well inside its read timeout, while the whole reply takes for ever."""

    reply: Reply = field(default_factory=Reply)
    size: int = 1
    pause: float = 0.2


Action = Reply | Stream | Reset | Stall | Trickle


class HostileServer:
    """Serves 127.0.0.1 on a port from the OS, in daemon threads, until `stop()`.

    `script(*actions)` sets the next replies, one per request, in order; the last one is repeated for every
    request after it (so a connector that asks for a second page gets an answer too).
    """

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._script: deque[Action] = deque([Reply(404, b'{"detail": "nothing scripted"}')])
        self._requests: list[Recorded] = []
        self._handlers: list[threading.Thread] = []
        self._thread = threading.Thread(target=self._serve, name="hostile-server", daemon=True)

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    @property
    def requests(self) -> list[Recorded]:
        with self._lock:
            return list(self._requests)

    @property
    def replies_in_progress(self) -> int:
        """How many replies are still being sent: a reply ends when it is sent whole or the client hangs up."""
        with self._lock:
            return sum(handler.is_alive() for handler in self._handlers)

    def script(self, *actions: Action) -> None:
        if not actions:
            raise ValueError("script at least one reply")
        with self._lock:
            self._script = deque(actions)

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving: every stalled reply is let go and every thread joined."""
        if self._stopping.is_set():
            return
        self._stopping.set()
        self._wake_writer.send(b"x")  # never read: it keeps every wait of every thread woken from now on
        if self._thread.is_alive():
            self._thread.join(10)
        self._listener.close()
        with self._lock:
            handlers = list(self._handlers)
        for handler in handlers:
            handler.join(10)
        self._wake_reader.close()
        self._wake_writer.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def _serve(self) -> None:
        while not self._stopping.is_set():
            readable, _, _ = select.select([self._listener, self._wake_reader], [], [])
            if self._wake_reader in readable:
                return
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            handler = threading.Thread(target=self._handle, args=(connection,), name="hostile-reply", daemon=True)
            with self._lock:
                self._handlers = [thread for thread in self._handlers if thread.is_alive()]
                self._handlers.append(handler)
            handler.start()

    def _next_action(self) -> Action:
        with self._lock:
            return self._script.popleft() if len(self._script) > 1 else self._script[0]

    def _handle(self, connection: socket.socket) -> None:
        with connection:
            try:
                connection.settimeout(_SEND_TIMEOUT)
                request = self._read_request(connection)
                if request is None:
                    return
                with self._lock:
                    self._requests.append(request)
                self._act(connection, self._next_action())
            except OSError:
                pass  # the client hung up: what it was sent no longer matters

    def _read_request(self, connection: socket.socket) -> Recorded | None:
        data = b""
        while b"\r\n\r\n" not in data:
            if not self._wait_readable(connection) or len(data) > _MAX_HEAD:
                return None
            chunk = connection.recv(_CHUNK)
            if not chunk:
                return None
            data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        request_line, *lines = head.split("\r\n")
        method, target, _ = [*request_line.split(" ", 2), "", ""][:3]
        headers: dict[str, str] = {}
        for line in lines:
            name, _, value = line.partition(":")
            key = name.strip().lower()
            headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
        return Recorded(method, target, headers)

    def _wait_readable(self, connection: socket.socket) -> bool:
        """Wait until the client sends something or hangs up; False when the server stops first."""
        readable, _, _ = select.select([connection, self._wake_reader], [], [])
        return self._wake_reader not in readable

    def _act(self, connection: socket.socket, action: Action) -> None:
        if isinstance(action, Reply):
            connection.sendall(_head(action) + action.body)
            connection.shutdown(socket.SHUT_WR)
        elif isinstance(action, Stream):
            self._stream(connection, action)
        elif isinstance(action, Trickle):
            self._trickle(connection, action)
        elif isinstance(action, Reset):
            if not action.at_once:
                connection.sendall(_head(action.reply) + action.reply.body[: len(action.reply.body) // 2])
            _reset(connection)
        else:
            if action.half:
                connection.sendall(_head(action.reply) + action.reply.body[: len(action.reply.body) // 2])
            self._stall(connection)

    def _stream(self, connection: socket.socket, action: Stream) -> None:
        length = (("Content-Length", str(action.size)),) if action.declared else ()
        connection.sendall(_head(Reply(200, b"", JSON + length, length=False)))
        chunk = b"[" * _CHUNK  # the start of an array that never ends, for a client that tries to read it
        sent = 0
        while sent < action.size and not self._stopping.is_set():
            part = chunk[: action.size - sent]
            connection.sendall(part)
            sent += len(part)
        connection.shutdown(socket.SHUT_WR)

    def _trickle(self, connection: socket.socket, action: Trickle) -> None:
        """Send the reply piece by piece, waiting between pieces until the pause ends, the client hangs up (which
        ends the reply) or the server stops."""
        whole = _head(action.reply) + action.reply.body
        for start in range(0, len(whole), action.size):
            connection.sendall(whole[start : start + action.size])
            readable, _, _ = select.select([connection, self._wake_reader], [], [], action.pause)
            if self._wake_reader in readable or (connection in readable and not connection.recv(_CHUNK)):
                return
        connection.shutdown(socket.SHUT_WR)

    def _stall(self, connection: socket.socket) -> None:
        """Say nothing more until the client hangs up (reading whatever it still sends) or the server stops."""
        while self._wait_readable(connection):
            if not connection.recv(_CHUNK):
                return


def _head(reply: Reply) -> bytes:
    try:
        reason = http.HTTPStatus(reply.status).phrase
    except ValueError:
        reason = "Whatever"
    lines = [f"HTTP/1.1 {reply.status} {reason}"]
    lines += [f"{name}: {value}" for name, value in reply.headers]
    named = {name.lower() for name, _ in reply.headers}
    if reply.length and "content-length" not in named:
        lines.append(f"Content-Length: {len(reply.body)}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _reset(connection: socket.socket) -> None:
    """Close with a reset: SO_LINGER on with a zero timeout makes close() send RST instead of FIN."""
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    connection.close()
