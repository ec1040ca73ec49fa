"""The HTTP layer all connectors share: one session, timeouts, and failures turned into calm platform errors.

Messages built here name the server at most, never a URL's path or query, a header, or a token: they end up on
screen and in logs.
"""

from __future__ import annotations

import http.client
import io
import os
import re
import socket
import time
from collections.abc import Mapping
from contextvars import ContextVar
from functools import cache
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote, urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from surveydesk import __version__
from surveydesk.core.errors import BadPayload, Unavailable, Unreachable
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.net.addresses import is_sign_in_address, origin

if TYPE_CHECKING:
    import msgspec
    from requests.sessions import _Settings

USER_AGENT: Final = f"SurveyDesk/{__version__}"
DEFAULT_TIMEOUT: Final = (5.0, 20.0)  # seconds to connect, seconds between bytes of the answer
# Seconds for a whole exchange, from the connection to the last byte: a platform's reply is a few hundred KB,
# read in a second or two; a server that trickles it (each byte inside the timeout above) is given up on here.
DEFAULT_DEADLINE: Final = 60.0
_PLAIN_ID = re.compile(r"[A-Za-z0-9_-]+")
MAX_REDIRECTS: Final = 5
MAX_BODY_BYTES: Final = 10 * 1024 * 1024  # no list of tasks is this big; a bigger reply is refused unread
# A page asking for a password: what a site's sign-in page is, whatever its address.
_PASSWORD_FIELD = re.compile(rb"<input\b[^>]*\btype\s*=\s*[\"']?password\b", re.IGNORECASE)


class _Session(requests.Session):
    """A requests session that reads the environment's proxy settings (`https_proxy`, `no_proxy`, …) once per
    server, and its certificate bundle once, rather than at every request: requests reads every environment
    variable twice a request for them, about 0.09 ms with 35 variables, 0.5 ms of a round of the five platforms'
    polls (bench/poll_pipeline.py poll_pipeline_5x200). Its own reading is off (`trust_env`); so is its reading
    of ~/.netrc, which the session's `auth` already kept from being sent."""

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False
        self._ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        self._environment_proxies: dict[tuple[str, str], dict[str, str]] = {}

    def merge_environment_settings(
        self, url: str | bytes | None, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> _Settings:
        if isinstance(url, str):
            server = urlsplit(url)[:2]
            if server not in self._environment_proxies:
                self._environment_proxies[server] = requests.utils.get_environ_proxies(url)
            proxies = {**self._environment_proxies[server], **(proxies or {})}
        if verify is True or verify is None:
            verify = self._ca_bundle or verify
        return super().merge_environment_settings(url, proxies, stream, verify, cert)


def make_session(user_agent: str = USER_AGENT, *, deadline: float = DEFAULT_DEADLINE) -> requests.Session:
    """A session for one connector, so polls reuse their connections to the platform.

    A connection that cannot be made is tried twice more after a short, jittered pause (urllib3's `Retry`);
    nothing else is retried here, since the poller's politeness decides when to ask a server again. Every
    exchange `send` makes through it ends within `deadline` seconds (see `send`).
    """
    session = _Session()
    session.headers.update({"User-Agent": user_agent, "Accept": "application/json"})
    session.auth = _own_login_only
    retry = Retry(
        total=2,
        connect=2,
        read=False,  # re-raised as it is: a stalled server "did not answer in time" (0 would say "cannot connect")
        status=0,
        other=0,
        redirect=5,
        backoff_factor=0.3,
        backoff_jitter=0.3,
        # A 429's Retry-After is the poller's business (the connector turns it into RateLimited).
        respect_retry_after_header=False,
        raise_on_status=False,
    )
    adapter = _DeadlineAdapter(deadline, max_retries=retry)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _own_login_only(request: requests.PreparedRequest) -> requests.PreparedRequest:
    """A connector session's auth: the request as the connector made it, with the platform's own login.

    A session without an auth of its own looks up the server in the worker's ~/.netrc and, when listed, sends
    that password as Basic auth, in place of the Authorization header the connector set (a Prolific token) or
    beside its cookie: a password the worker never gave the app would go to the platform.
    """
    return request


class _Deadline:
    """One exchange's deadline, which every read of its answers (status line, headers and body) keeps to
    (`_ReadWithinDeadline`): requests' own timeouts bound the connection and each read between bytes, never the
    whole, so a server that trickled its headers or its body a byte at a time held a request, and a pool thread,
    for ten minutes and more.

    No thread watches the clock: a timer thread per exchange, shutting its sockets down when the deadline
    passed, cost bench/poll_pipeline.py's 5 × 200 poll 0.4–0.5 ms a request (starting it and joining it, each
    a hand-over between threads), and put its ratio at 1.62 on a quiet machine (target 1.5); on a loaded one,
    medians of 9 interleaved runs: 1.77 with it, 1.51 without.
    """

    def __init__(self, seconds: float) -> None:
        self._at = time.monotonic() + seconds
        self.passed = False  # a read was refused or cut short by the deadline

    def left(self) -> float:
        """The seconds left, none or fewer once the deadline has passed."""
        return self._at - time.monotonic()


# The deadline of the exchange the current thread is making, for the answers it reads to keep to.
_EXCHANGE_DEADLINE: ContextVar[_Deadline | None] = ContextVar("exchange_deadline", default=None)


class _ReadWithinDeadline(io.RawIOBase):
    """The bytes of an answer as its socket's file gives them, each read given no longer than the exchange's
    time left: a read blocked when the deadline passes ends then, as a timeout, and none is made after it.

    The socket's own timeout (the read timeout urllib3 set) ends a read first until the last of those seconds
    before the deadline; then the read's timeout is the time left, and the socket gets its own back after it."""

    def __init__(self, connection: socket.socket, deadline: _Deadline) -> None:
        super().__init__()
        self._file = connection.makefile("rb", buffering=0)
        self._connection = connection
        self._timeout = connection.gettimeout()
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self._deadline.left()
        if self._timeout is not None and left >= self._timeout:
            return self._file.readinto(buffer)
        if left <= 0:
            self._deadline.passed = True
            raise TimeoutError("the exchange's deadline passed")
        self._connection.settimeout(left)
        try:
            return self._file.readinto(buffer)
        except TimeoutError:
            self._deadline.passed = True
            raise
        finally:
            self._connection.settimeout(self._timeout)

    def close(self) -> None:
        self._file.close()
        super().close()


class _AnswerWithinDeadline(http.client.HTTPResponse):
    """An answer read within the deadline of the exchange that asked for it (`send`), if any."""

    def __init__(self, connection: socket.socket, *args: Any, **options: Any) -> None:
        super().__init__(connection, *args, **options)
        deadline = _EXCHANGE_DEADLINE.get()
        if deadline is not None:
            self.fp.close()  # the socket's own file, made above, unread
            self.fp = io.BufferedReader(_ReadWithinDeadline(connection, deadline))


class _WatchedHTTPConnection(HTTPConnection):
    """A connection whose answers (headers and body) are read within the exchange's deadline."""

    response_class = _AnswerWithinDeadline


class _WatchedHTTPSConnection(HTTPSConnection):
    """`_WatchedHTTPConnection`, over TLS."""

    response_class = _AnswerWithinDeadline


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_WATCHED_POOLS: Final = {"http": _WatchedHTTPPool, "https": _WatchedHTTPSPool}


class _DeadlineAdapter(HTTPAdapter):
    """requests' adapter, whose connections end an exchange at its deadline; `deadline` is the session's."""

    __attrs__ = [*HTTPAdapter.__attrs__, "deadline"]  # noqa: RUF012  # what pickling keeps, as in the base class

    def __init__(self, deadline: float, **options: Any) -> None:
        self.deadline = deadline  # set first: the base class makes its pool manager in its __init__
        super().__init__(**options)

    def init_poolmanager(self, *args: Any, **options: Any) -> None:
        super().init_poolmanager(*args, **options)
        self.poolmanager.pool_classes_by_scheme = _WATCHED_POOLS

    def proxy_manager_for(self, proxy: str, **options: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **options)
        if not proxy.lower().startswith("socks"):  # a SOCKS proxy's pools make connections of their own
            manager.pool_classes_by_scheme = _WATCHED_POOLS
        return manager


def _session_deadline(session: requests.Session, url: str) -> float:
    try:
        adapter = session.get_adapter(url)
    except requests.RequestException:  # no adapter for such an address: the request fails in words anyway
        return DEFAULT_DEADLINE
    return adapter.deadline if isinstance(adapter, _DeadlineAdapter) else DEFAULT_DEADLINE


class NetError(Exception):
    """A request that brought no usable answer; `message` says why in words, naming the server at most.

    Callers turn it into their own typed errors (a platform's, the sync server's), keeping the words."""

    def __init__(self, message: Sentence) -> None:
        super().__init__(message)
        self.message = message


class NoAnswer(NetError):
    """No answer at all: no connection, or none in time."""


class TooLarge(NetError):
    """An answer bigger than the caller allows; it was not kept."""


def get(
    session: requests.Session,
    url: str,
    *,
    platform: str,
    headers: Mapping[str, str] | None = None,
    params: Mapping[str, str] | None = None,
    allow_redirects: bool = True,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    deadline: float | None = None,
    max_bytes: int = MAX_BODY_BYTES,
) -> requests.Response:
    """GET `url` for `platform`, whatever its status (see `send`); no usable answer is `Unreachable`,
    `BadPayload` (too big) or `Unavailable`."""
    return _for_platform(
        platform,
        session,
        "GET",
        url,
        timeout=timeout,
        deadline=deadline,
        allow_redirects=allow_redirects,
        headers=headers,
        params=params,
        max_bytes=max_bytes,
    )


def post(
    session: requests.Session,
    url: str,
    *,
    platform: str,
    json: object = None,
    data: Mapping[str, str] | bytes | None = None,
    headers: Mapping[str, str] | None = None,
    allow_redirects: bool = True,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    deadline: float | None = None,
) -> requests.Response:
    """POST `json` (encoded as JSON) or `data` (a form, or raw bytes) to `url`, as `get` does its GET.

    A connection that could not be made is tried again (see `make_session`), which is safe: nothing was sent.
    A request cut off after it was sent is not, since the platform may have acted on it.
    """
    return _for_platform(
        platform,
        session,
        "POST",
        url,
        timeout=timeout,
        deadline=deadline,
        allow_redirects=allow_redirects,
        headers=headers,
        json=json,
        data=data,
    )


def _for_platform(
    platform: str, session: requests.Session, method: str, url: str, **options: Any
) -> requests.Response:
    """`send`, with its failures as the platform's typed errors."""
    try:
        return send(session, method, url, **options)
    except NoAnswer as failure:
        raise Unreachable(platform, failure.message) from None
    except TooLarge as failure:
        raise BadPayload(platform, failure.message) from None
    except NetError as failure:
        raise Unavailable(platform, failure.message) from None


def send(
    session: requests.Session,
    method: str,
    url: str,
    *,
    timeout: tuple[float, float],
    deadline: float | None = None,
    allow_redirects: bool = True,
    headers: Mapping[str, str] | None = None,
    max_bytes: int = MAX_BODY_BYTES,
    **arguments: Any,
) -> requests.Response:
    """The one place requests are sent: the answer, whatever its status, with its body read, or `NetError`.

    The whole exchange (connection, redirects, headers and body) ends within `deadline` seconds, by default
    the session's (`make_session`): past it, the answer is abandoned as `NoAnswer`, "too slow to answer".
    The body is read here, at most `max_bytes` of it: a bigger one is `TooLarge` and is not kept in memory.
    TLS certificates are always verified. Redirects are followed here rather than by requests, which forwards
    every header it does not know to be a login: a redirect to another server drops Authorization, Cookie and
    every X- header (BitLabs' X-Api-Token, Toloka's X-CSRF-Token), whatever session the caller gave, and so
    does a redirect to a sign-in page on the same server: a signed-out login is not shown to a login form. The
    original exception is dropped on purpose: its text carries the full URL, which may hold ids or hashes
    that belong in no message.
    """
    watch = _Deadline(_session_deadline(session, url) if deadline is None else deadline)
    current = _EXCHANGE_DEADLINE.set(watch)
    try:
        sent = dict(headers or {})
        return _exchange(session, method, url, timeout, allow_redirects, sent, max_bytes, arguments)
    except NetError:
        if not watch.passed:
            raise
    finally:
        _EXCHANGE_DEADLINE.reset(current)
    too_slow = QT_TRANSLATE_NOOP("PlatformError", "{0} is too slow to answer")
    raise NoAnswer(too_slow.filled(_server(url))) from None


def _exchange(
    session: requests.Session,
    method: str,
    url: str,
    timeout: tuple[float, float],
    allow_redirects: bool,
    sent: dict[str, str],
    max_bytes: int,
    arguments: dict[str, Any],
) -> requests.Response:
    """`send`'s request and the redirects it follows, every failure a `NetError`."""
    try:
        response = _read(session.request(method, url, **_options(timeout, sent, arguments)), max_bytes)
        for _hop in range(MAX_REDIRECTS):
            if not (allow_redirects and response.is_redirect):
                break
            target = urljoin(response.url, response.headers["Location"])
            if origin(target) != origin(response.url) or is_sign_in_address(target):
                sent = {name: value for name, value in sent.items() if not _is_login_header(name)}
            if response.status_code in (301, 302, 303):  # as browsers do: the body is not sent again
                method, arguments = "GET", {name: v for name, v in arguments.items() if name == "params"}
            arguments.pop("params", None)  # the new address carries its own query
            response = _read(session.request(method, target, **_options(timeout, sent, arguments)), max_bytes)
        else:
            if allow_redirects and response.is_redirect:
                raise NetError(
                    QT_TRANSLATE_NOOP("PlatformError", "{0} sent us round in circles (too many redirects)").filled(
                        _server(url)
                    )
                )
    except requests.Timeout:
        raise NoAnswer(
            QT_TRANSLATE_NOOP("PlatformError", "{0} did not answer in time").filled(_server(url))
        ) from None
    except requests.ConnectionError:
        raise NoAnswer(QT_TRANSLATE_NOOP("PlatformError", "cannot connect to {0}").filled(_server(url))) from None
    except requests.RequestException as exc:
        failed = QT_TRANSLATE_NOOP("PlatformError", "the request to {0} failed ({1})").filled(
            _server(url), type(exc).__name__
        )
        raise NetError(failed) from None
    return response


def _options(timeout: tuple[float, float], headers: dict[str, str], arguments: dict[str, Any]) -> dict[str, Any]:
    return {
        "timeout": timeout,
        "stream": True,
        "verify": True,
        "allow_redirects": False,
        "headers": headers,
        **arguments,
    }


def _read(response: requests.Response, max_bytes: int) -> requests.Response:
    with response:
        try:
            # Filling requests' own cache makes .content, .json() and .text read what was read here, and
            # nothing more.
            response._content = _read_capped(response, max_bytes)
        except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError):  # a reset, or a stall
            raise NoAnswer(
                QT_TRANSLATE_NOOP("PlatformError", "{0} stopped answering half way").filled(_server(response.url))
            ) from None
    return response


def is_sign_in_page(response: requests.Response) -> bool:
    """Whether a reply is a site's sign-in page rather than the data asked for: a redirect to one, a page
    reached at one's address, or a page (not JSON) asking for a password, which is how a site that signed the
    worker out answers in place of her data."""
    address = response.url or ""
    if response.is_redirect:
        return is_sign_in_address(urljoin(address, response.headers.get("Location", "")))
    if "json" in response.headers.get("Content-Type", "").lower():
        return False
    return is_sign_in_address(address) or bool(_PASSWORD_FIELD.search(response.content or b""))


def _is_login_header(name: str) -> bool:
    lowered = name.lower()
    return lowered in ("authorization", "cookie") or lowered.startswith("x-")


def _read_capped(response: requests.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        too_big = QT_TRANSLATE_NOOP("PlatformError", "{0} sent a reply of {1} MB; it was refused")
        raise TooLarge(too_big.filled(_server(response.url), int(declared) // 1_000_000))
    # Asking for one byte more than allowed reads a whole reply in one piece (no copy to join it), and tells
    # an oversized one without reading further.
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(max_bytes + 1):
        size += len(chunk)
        if size > max_bytes:
            too_long = QT_TRANSLATE_NOOP("PlatformError", "{0} sent a reply of more than {1} MB; it was refused")
            raise TooLarge(too_long.filled(_server(response.url), max_bytes // 1_000_000))
        chunks.append(chunk)
    return b"".join(chunks)


@cache
def _decoders(shape: object) -> tuple[msgspec.json.Decoder[Any], ...]:
    """The decoders `json_value` tries in turn: the shape's, then the one that takes any JSON. The pool's
    threads share them: msgspec's decoders are thread-safe (since 0.16). msgspec is imported here, with the
    first reply read, on a pool thread: not by the start-up."""
    import msgspec

    anything = msgspec.json.Decoder()
    return (anything,) if shape is Any else (msgspec.json.Decoder(shape), anything)


def json_value(response: requests.Response, shape: object = Any) -> Any:
    """The body read as JSON (only what `shape` keeps of it, when it fits); `ValueError` when it is not JSON,
    `RecursionError` when absurdly deeply nested.

    msgspec reads a list of a thousand studies in half the time the standard library takes, and exactly:
    integers of any size stay integers. A reply that does not fit its shape (a list where an object should
    be, say) is read whole, for its connector to say what is wrong with it. What msgspec refuses and requests'
    own reader takes (NaN and Infinity, a byte-order mark, UTF-16, lone surrogates, invalid UTF-8, read with
    replacement characters) goes to that reader, so such a reply is read as it always was.
    """
    content = response.content
    decoders = _decoders(shape)
    from msgspec import DecodeError  # loaded by `_decoders`

    for decoder in decoders:
        try:
            return decoder.decode(content)
        except DecodeError:
            continue
    return response.json()


def json_or_none(response: requests.Response, shape: object = Any) -> object:
    """The body read as JSON (what `shape` keeps of it, as `json_value` reads), or None: an error page is no
    reason to fail before its status is looked at."""
    try:
        return json_value(response, shape)
    except (ValueError, RecursionError):
        return None


def json_object(response: requests.Response, platform: str, shape: object = Any) -> dict[str, Any]:
    """The body as a JSON object (only what `shape` keeps of it, as `json_value` reads); anything else is
    `BadPayload`."""
    try:
        body = json_value(response, shape)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        raise BadPayload(
            platform, QT_TRANSLATE_NOOP("PlatformError", "the server answered with something that is not JSON")
        ) from None
    if not isinstance(body, dict):
        not_object = QT_TRANSLATE_NOOP("PlatformError", "the server answered with a JSON {0}, not an object")
        raise BadPayload(platform, not_object.filled(type(body).__name__))
    return body


def web_url(value: object) -> str:
    """A link from a reply if it is a web address; anything else (or unparsable) becomes "" rather than be
    handed to a browser."""
    if not isinstance(value, str):
        return ""
    try:
        parts = urlsplit(value)
    except ValueError:  # e.g. "http://[not-an-ip]/"
        return ""
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def path_part(identifier: str, platform: str) -> str:
    """An id as one URL path segment; real ids are plain, so quoting is for odd ones only, and an id no URL
    can hold (a lone surrogate) is an unreadable reply."""
    if _PLAIN_ID.fullmatch(identifier):
        return identifier
    try:
        return quote(identifier, safe="")
    except UnicodeEncodeError:
        raise BadPayload(
            platform,
            QT_TRANSLATE_NOOP("PlatformError", "an id in the reply holds characters no address can carry"),
        ) from None


def _server(url: str) -> str:
    """The host and port of `url`, without any credentials, path or query."""
    return urlsplit(url).netloc.rpartition("@")[2] or "the server"
