"""Earnings readers ask politely: their pages paced by the account's interval, at most a run's worth of them, the
server's wait honoured, and never a request of theirs in flight beside a poll of the same platform.

The platform is a loopback server that counts its requests, when each came and went, and how many were in flight
at once; the demo's MTurk is its rate-limited demo site.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.platform_gate import PlatformGate
from surveydesk.core.politeness import RATE_LIMIT_BUFFER, Politeness
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_accounts
from surveydesk.demo.mturk_site import mturk_site
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.poller import Poller
from surveydesk.services.reconciliation import Connectivity, ReconciliationService, SyncState
from tests.ledger_helpers import UNTHROTTLED, loopback_session

PROLIFIC = AccountKey("prolific", "me")
MTURK = "mturk"
PART_READ = "Part read; the rest at the next sync"
SUBMISSIONS = "/api/v1/participant/submissions/"
PER_PAGE = 2
WAIT_MS = 20_000


@dataclass(frozen=True, slots=True)
class Seen:
    """One request as the server met it: what it asked for, when it came and when its answer had gone."""

    path: str
    page: int
    came: float
    went: float


class CountingProlific:
    """A loopback Prolific: an empty list of studies (what a poll reads) and `pages` pages of submissions (None:
    pages without end), or the `refusal` scripted for the submissions. Each answer is held back until another
    request comes or `hold` seconds pass, so two requests that could overlap do."""

    def __init__(self, pages: int | None, hold: float = 0.0) -> None:
        self.pages = pages
        self.hold = hold
        self.refusal: tuple[int, dict[str, str]] | None = None
        self.seen: list[Seen] = []
        self.most_in_flight = 0
        self._in_flight = 0
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def settled(self) -> CountingProlific:
        """Itself, once every answer begun has gone and been noted: the client may hear an answer, and emit
        what a test waits for, before the server's thread has noted it in `seen`."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._in_flight == 0, timeout=WAIT_MS / 1000):
                raise TimeoutError("the server was still answering")
        return self

    def submissions(self) -> list[Seen]:
        with self._changed:
            return [seen for seen in self.seen if seen.path == SUBMISSIONS]

    def polls(self) -> list[Seen]:
        with self._changed:
            return [seen for seen in self.seen if seen.path != SUBMISSIONS]

    def __enter__(self) -> CountingProlific:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()  # joins the threads of answers still being written

    def _answer(self, target: str) -> tuple[int, dict[str, str], dict[str, Any]]:
        split = urlsplit(target)
        if split.path != SUBMISSIONS:
            return 200, {}, {"results": [], "_links": {"next": {"href": None}}}
        if self.refusal is not None:
            status, headers = self.refusal
            return status, headers, {}
        page = int(parse_qs(split.query).get("page", ["1"])[0])
        results = [_submission(f"sub-{page}-{index}") for index in range(PER_PAGE)]
        following = None if page == self.pages else f"{SUBMISSIONS}?page={page + 1}"
        return 200, {}, {"results": results, "_links": {"next": {"href": following}}}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with platform._changed:
                    came = time.monotonic()
                    platform._in_flight += 1
                    platform.most_in_flight = max(platform.most_in_flight, platform._in_flight)
                    platform._changed.notify_all()
                    platform._changed.wait_for(lambda: platform._in_flight > 1, timeout=platform.hold)
                status, headers, body = platform._answer(self.path)
                payload = _json(body)
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()
                with platform._changed:
                    platform._in_flight -= 1
                    page = int(parse_qs(urlsplit(self.path).query).get("page", ["1"])[0])
                    platform.seen.append(Seen(urlsplit(self.path).path, page, came, time.monotonic()))
                    platform._changed.notify_all()

            def log_message(self, *_args: object) -> None:
                pass

        return Handler


def _submission(submission_id: str) -> dict[str, Any]:
    return {
        "id": submission_id, "status": "APPROVED", "study_id": f"s-{submission_id}", "study": {"name": "Study"},
        "started_at": "2026-01-05T10:00:00Z", "completed_at": "2026-01-05T10:10:00Z",
        "submission_reward": {"amount": 150, "currency": "GBP"},
    }  # fmt: skip


def _json(body: dict[str, Any]) -> bytes:
    import json

    return json.dumps(body).encode() if body else b"{}"


@pytest.fixture
def ledger(database) -> LedgerStore:
    return LedgerStore(database)


@pytest.fixture
def gate() -> PlatformGate:
    return PlatformGate()


@pytest.fixture
def service(qtbot, database, ledger, pool, gate) -> Iterator[ReconciliationService]:
    clock = SystemClock()
    running = ReconciliationService(
        Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), clock),
        ledger,
        clock,
        pool,
        Connectivity(),
        interval=timedelta(hours=1),
        stagger=timedelta(0),
        gate=gate,
        pages_per_run=3,
    )
    yield running
    running.stop()
    pool.waitForDone(10_000)


def _account(server: CountingProlific, interval: float = 60) -> Account:
    return Account(PROLIFIC, "me", server.url, options={"interval": str(interval)})


def _reader(account: Account):
    reader = BUILT_IN.build_reader(account, MemorySecrets({PROLIFIC: "token"}), SystemClock(), loopback_session)
    assert reader is not None
    return reader


def _paced(seconds: float) -> Politeness:
    return Politeness(min_interval=timedelta(seconds=seconds))


def _connector(account: Account):
    return BUILT_IN.build_connector(account, MemorySecrets({PROLIFIC: "token"}), SystemClock(), loopback_session)


def _status(service: ReconciliationService):
    (status,) = service.statuses()
    return status


def _not_syncing(status: object) -> bool:
    return getattr(status, "state", None) is not SyncState.SYNCING


def test_pages_go_out_the_account_s_interval_after_the_last_answer(qtbot, service):
    with CountingProlific(pages=3) as server:
        account = _account(server)
        service.add_account(account, _reader(account), _paced(0.3))
        with qtbot.waitSignal(service.synced, timeout=WAIT_MS):
            service.sync_now()
        pages = server.settled().submissions()
    assert [seen.page for seen in pages] == [1, 2, 3]
    rests = [later.came - earlier.went for earlier, later in itertools.pairwise(pages)]
    print(f"rests between pages: {', '.join(f'{rest:.3f} s' for rest in rests)}")
    assert min(rests) >= 0.3 - 0.005  # the client hears the answer after the server sent it


def test_a_run_reads_at_most_its_pages_and_the_next_goes_on_with_none_lost_or_read_twice(qtbot, service, ledger):
    with CountingProlific(pages=7) as server:
        account = _account(server)
        service.add_account(account, _reader(account), _paced(0))
        for run in (1, 2):
            with qtbot.waitSignal(service.status_changed, timeout=WAIT_MS, check_params_cb=_not_syncing):
                service.sync_now()
            status = _status(service)
            assert len(server.settled().submissions()) == 3 * run
            assert status.state is SyncState.WAITING and status.message == PART_READ
            assert status.last_sync is None and len(ledger.entries(PROLIFIC)) == 3 * run * PER_PAGE
        with qtbot.waitSignal(service.synced, timeout=WAIT_MS):
            service.sync_now()
        assert [seen.page for seen in server.settled().submissions()] == [1, 2, 3, 4, 5, 6, 7]
    assert len(ledger.entries(PROLIFIC)) == 7 * PER_PAGE and _status(service).state is SyncState.OK


def test_pages_without_end_are_read_a_run_s_worth_at_a_time(qtbot, service, ledger):
    with CountingProlific(pages=None) as server:
        account = _account(server)
        service.add_account(account, _reader(account), _paced(0))
        service.start()
        qtbot.waitUntil(lambda: _status(service).message == PART_READ, timeout=WAIT_MS)
        assert len(server.settled().submissions()) == 3
        assert _status(service).next_sync is not None and ledger.last_sync(PROLIFIC) is None  # in an hour


@pytest.mark.parametrize("status", [429, 503])
def test_a_server_s_wait_as_a_date_holds_back_the_next_run_and_every_poll_of_the_platform(
    qtbot, service, gate, store, pool, status
):
    poller = Poller(store, SystemClock(), pool, floor_of=lambda _platform: timedelta(0), gate=gate)
    with CountingProlific(pages=1) as server:
        until = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=40)
        server.refusal = (status, {"Retry-After": format_datetime(until, usegmt=True)})
        account = _account(server)
        service.add_account(account, _reader(account), _paced(0.1))
        poller.add_account(account, _connector(account), _paced(0.1))
        service.start()
        qtbot.waitUntil(lambda: _status(service).error_kind != "", timeout=WAIT_MS)
        assert len(server.settled().submissions()) == 1
        assert _status(service).next_sync >= until + RATE_LIMIT_BUFFER  # 40 s, not its floor of 0.1 s
        assert gate.free_from(PROLIFIC.platform) >= until + RATE_LIMIT_BUFFER
        poller.start()
        next_check = poller.poll_all_now()
        assert next_check is not None and next_check >= until + RATE_LIMIT_BUFFER
        assert server.settled().polls() == []
        poller.stop()
    pool.waitForDone(10_000)


def test_polling_and_reconciliation_never_have_two_requests_in_flight_on_one_platform(
    qtbot, service, gate, store, pool
):
    """Each answer is held until another request comes (or 50 ms): without the shared gate, the poll and the
    page would meet in the server at once."""
    poller = Poller(store, SystemClock(), pool, floor_of=lambda _platform: timedelta(0), gate=gate)
    with CountingProlific(pages=12, hold=0.05) as server:
        account = _account(server)
        poller.add_account(account, _connector(account), _paced(0.01))
        service.add_account(account, _reader(account), _paced(0.01))
        poller.start()
        qtbot.waitUntil(lambda: len(server.polls()) >= 2, timeout=WAIT_MS)
        for _run in range(4):  # 12 pages, 3 a run
            with qtbot.waitSignal(service.status_changed, timeout=WAIT_MS, check_params_cb=_not_syncing):
                service.sync_now()
        poller.stop()
        qtbot.waitUntil(lambda: not gate.busy(PROLIFIC.platform), timeout=WAIT_MS)
        pool.waitForDone(10_000)
        pages, polls = server.settled().submissions(), server.polls()
    first, last = pages[0].came, pages[-1].came
    during = [poll for poll in polls if first < poll.came < last]
    print(f"{len(pages)} pages, {len(polls)} polls ({len(during)} among them), {server.most_in_flight} in flight")
    assert len(pages) == 12 and during  # polling went on while the history was read
    assert server.most_in_flight == 1


def test_the_demo_s_first_reconciliation_is_never_asked_to_slow_down(qtbot, database, ledger, store, pool):
    """The demo's MTurk allows 5 requests in a row, then one per 2 s; the worker may poll it every 2 s (its
    floor). Both are ten times faster here, in proportion: its first reconciliation (a dashboard and about 45
    days of status details) and the polls beside it meet no 429 and no 503."""
    speed = 10
    floor = BUILT_IN.cadence(MTURK).floor / speed
    statuses: list[int] = []

    def counting_session() -> requests.Session:
        session = loopback_session()
        session.hooks["response"].append(lambda response, *_args, **_kwargs: statuses.append(response.status_code))
        return session

    sites = [*UNTHROTTLED[:1], lambda context: mturk_site(context, min_interval=2.0 / speed), *UNTHROTTLED[2:]]
    clock = SystemClock()
    gate = PlatformGate(lambda _platform: floor)
    poller = Poller(store, clock, pool, floor_of=lambda _platform: floor, gate=gate)
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), clock)
    service = ReconciliationService(
        reconciler,
        ledger,
        clock,
        pool,
        Connectivity(),
        interval=timedelta(hours=1),
        stagger=timedelta(0),
        gate=gate,
    )
    with DemoExchange(seed=3, sites=sites) as exchange:
        ((account, secret),) = [
            pair for pair in demo_accounts(exchange, BUILT_IN) if pair[0].key.platform == MTURK
        ]
        secrets = MemorySecrets({account.key: secret})
        poller.add_account(
            account, BUILT_IN.build_connector(account, secrets, clock, counting_session), Politeness(floor)
        )
        reader = BUILT_IN.build_reader(account, secrets, clock, counting_session)
        assert reader is not None
        service.add_account(account, reader, Politeness(floor))
        poller.start()
        with qtbot.waitSignal(service.synced, timeout=60_000):
            service.sync_now()
        poller.stop()
        service.stop()
        qtbot.waitUntil(lambda: not gate.busy(MTURK), timeout=WAIT_MS)
        pool.waitForDone(10_000)
    print(f"{len(statuses)} requests to the demo's MTurk: {sorted(set(statuses))}")
    assert len(ledger.entries(account.key)) > 15
    assert 429 not in statuses and 503 not in statuses
