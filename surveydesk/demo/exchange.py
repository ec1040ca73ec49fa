"""The embedded demo exchange: one loopback HTTP server hosting every platform's fake API, with fault injection.

It lets the whole app, and its tests, run against realistic, live platforms without any account or network.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, ClassVar, Self
from urllib.parse import urlsplit

from surveydesk.demo.ecb_site import EcbSite, ecb_site
from surveydesk.demo.payroll import HISTORY_DAYS
from surveydesk.demo.prolific_site import PROLIFIC_TOKEN
from surveydesk.demo.sign_in_pages import sign_in_sites
from surveydesk.demo.sites import demo_sites
from surveydesk.demo.wire import Request, Response, Site, SiteContext, SiteFactory, json_response
from surveydesk.platforms.registry import BUILT_IN, Registry

logger = logging.getLogger(__name__)

# No request the platforms take carries more than a few hundred bytes; a bigger one is refused unread.
MAX_REQUEST_BODY = 64 * 1024
# Where simulated time starts when a manual clock drives the exchange, so its replies are reproducible.
SIMULATED_EPOCH = datetime(2025, 3, 25, 9, 0, tzinfo=UTC)


class ManualClock:
    """Monotonic seconds that move only when told: a repeatable market for tests and benchmarks."""

    def __init__(self, seconds: float = 1000.0) -> None:
        self.seconds = seconds

    def __call__(self) -> float:
        return self.seconds


class DemoExchange:
    """Serves the fake platforms on 127.0.0.1 at a port chosen by the OS, each under `/<platform>`.

    `clock` gives monotonic seconds and drives both the market and the rate limits; when it is given, the
    studies' dates start at a fixed moment too, so the same seed and clock readings give the same replies.
    `market_speed` scales how fast studies appear and fill: 1 makes a lively demo in which a study fills in
    minutes; real Prolific studies with large samples take hours (about 0.05). `sites` builds the platforms
    served (by default, the demo site of each platform of `registry`); `history_days` how far back the demo
    worker's earnings go.
    """

    PROLIFIC_TOKEN: ClassVar[str] = PROLIFIC_TOKEN

    def __init__(
        self,
        seed: int | None = None,
        clock: Callable[[], float] | None = None,
        initial_studies: int = 12,
        market_speed: float = 1.0,
        sites: Sequence[SiteFactory] | None = None,
        history_days: int = HISTORY_DAYS,
        registry: Registry = BUILT_IN,
    ) -> None:
        ticks = clock or time.monotonic
        epoch = datetime.now(UTC) if clock is None else SIMULATED_EPOCH
        context = SiteContext(seed, ticks, epoch, initial_studies, market_speed, history_days)

        if sites is None:
            sites = [site.build for site in demo_sites(registry).values()]
        built = [factory(context) for factory in sites]
        self._sites = {site.platform: site for site in built}
        # The ECB's feeds and the sign-in pages are served beside the platforms, not as ones.
        self._ecb = ecb_site(context)
        self.sign_ins = sign_in_sites(self._sites, context.clock)
        self._routes: dict[str, Site] = {**self._sites, self._ecb.platform: self._ecb, **self.sign_ins.routes}
        self._faults: dict[str, deque[Response]] = {name: deque() for name in self._routes}
        self._faults_lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the demo exchange is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url_of(self, platform: str) -> str:
        """The base URL of one platform's fake API on this exchange."""
        if platform not in self._sites:
            raise ValueError(f"no such platform on the demo exchange: {platform!r}")
        return f"{self.base_url}/{platform}"

    def sign_in_url(self, platform: str) -> str:
        """Where the worker signs in to `platform` on this exchange (the page a sign-in window opens first)."""
        site = self.sign_ins.of(platform)
        return site.start_url(f"{self.base_url}/{site.platform}")

    @property
    def ecb_url(self) -> str:
        """The folder of the demo's ECB feeds, in place of `https://www.ecb.europa.eu/stats/eurofxref/`."""
        return f"{self.base_url}/ecb/stats/eurofxref/"

    @property
    def ecb(self) -> EcbSite:
        return self._ecb

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(self._sites)

    @property
    def prolific_url(self) -> str:
        """The base URL to give the Prolific connector; its API lives under `/api/v1/`."""
        return f"{self.base_url}/prolific"

    @property
    def prolific_study_page_base(self) -> str:
        """Where the demo's study pages live, in place of `https://app.prolific.com/studies/`."""
        return f"{self.prolific_url}/studies/"

    def start(self) -> Self:
        if self._server is None:
            self._server = _Server(self)
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="demo-exchange",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and drop open connections; a stopped exchange can be started again on a new port."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        thread.join()
        self._server = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def inject_fault(
        self,
        platform: str,
        status: int,
        body: bytes,
        content_type: str = "application/json",
        count: int = 1,
        headers: tuple[tuple[str, str], ...] = (),
    ) -> None:
        """Answer the next `count` requests to `platform` (or "ecb", the rates) with this raw reply instead."""
        if platform not in self._faults:
            raise ValueError(f"no such platform on the demo exchange: {platform!r}")
        if count < 1:
            raise ValueError(f"a fault must answer at least one request, not {count}")
        with self._faults_lock:
            self._faults[platform].extend([Response(status, body, content_type, headers)] * count)

    def dispatch(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Response:
        """The reply to `method` on `target` (path and query), from the site its first path segment names."""
        parts = urlsplit(target)
        platform, _, rest = parts.path.removeprefix("/").partition("/")
        site = self._routes.get(platform)
        if site is None:
            return json_response(404, {"error": {"detail": "Not found.", "status": 404}})
        with self._faults_lock:
            faults = self._faults[platform]
            if faults:
                return faults.popleft()
        request = Request(f"{self.base_url}/{platform}", f"/{rest}", parts.query, headers, method, body)
        try:
            return site.handle(request)
        except Exception:
            logger.exception("the demo %s site failed on %s", platform, parts.path)
            return json_response(500, {"error": {"detail": "Internal error.", "status": 500}})


class _Server(ThreadingHTTPServer):
    """A threading server that knows its exchange and its open connections, so `stop` can end them."""

    daemon_threads = True

    def __init__(self, exchange: DemoExchange) -> None:
        self.exchange = exchange
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", 0), _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if isinstance(request, socket.socket):
            with self._connections_lock:
                self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        if isinstance(request, socket.socket):
            with self._connections_lock:
                self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End kept-alive connections, so their threads see the end of input and finish."""
        with self._connections_lock:
            for connection in self._connections:
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    logger.debug("a demo connection was already closed")

    def handle_error(self, request: Any, client_address: Any) -> None:
        logger.debug("demo exchange connection from %s failed", client_address, exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep connections alive, as real clients expect
    # Headers and body go out in separate writes; without this a small reply can wait 40 ms for the client's
    # delayed ACK (Nagle's algorithm), which no real server makes its clients wait.
    disable_nagle_algorithm = True
    server_version = "SurveyDeskDemo/1"

    def do_GET(self) -> None:
        self._answer(b"")

    def do_POST(self) -> None:
        length = self.headers.get("Content-Length", "")
        if not length.isdigit() or int(length) > MAX_REQUEST_BODY:
            # Left unread, the body would be taken for the next request: refuse it and close the connection.
            refusal = {"error": {"detail": "The request body is too large, or of unknown length.", "status": 413}}
            self._send(json_response(413, refusal, (("Connection", "close"),)))
            return
        self._answer(self.rfile.read(int(length)))

    def _answer(self, body: bytes) -> None:
        assert isinstance(self.server, _Server)
        headers = {name.lower(): value for name, value in self.headers.items()}
        self._send(self.server.exchange.dispatch(self.command, self.path, headers, body))

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        # The path only: a query string can carry a hash of a secret (CPX), and this log is the worker's.
        logger.debug("%s %s -> %s", self.command, urlsplit(self.path).path, code)

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("demo exchange: " + format, *args)
