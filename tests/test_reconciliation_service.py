"""The reconciliation service: runs on the pool, reports by signal, waits while offline, runs when back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.ledger import LedgerStore, Status
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.services.reconciliation import Connectivity, ReconciliationService, SyncState, SyncStatus
from surveydesk.store import Database
from tests.hostile_server import HostileServer, Reply, Reset
from tests.ledger_helpers import UNTHROTTLED, demo_readers

Reachability = QNetworkInformation.Reachability
PROLIFIC = AccountKey("prolific", "demo")


class FakeSystem(QObject):
    """Stands in for the system's network information: announces reachability when the test says."""

    reachability_changed = Signal(object)


@pytest.fixture
def exchange() -> Iterator[DemoExchange]:
    with DemoExchange(seed=9, sites=UNTHROTTLED) as running:  # real time: the demo's "now" is the clock's
        yield running


@pytest.fixture
def ledger(database: Database) -> LedgerStore:
    return LedgerStore(database)


@pytest.fixture
def connectivity(qtbot) -> Connectivity:
    return Connectivity()


@pytest.fixture
def service(qtbot, database, ledger, pool, connectivity) -> Iterator[ReconciliationService]:
    clock = SystemClock()
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger), clock)
    running = ReconciliationService(
        reconciler, ledger, clock, pool, connectivity, interval=timedelta(seconds=0.2), stagger=timedelta(0)
    )
    yield running
    running.stop()
    pool.waitForDone(10_000)


def latest(service: ReconciliationService, key: AccountKey) -> SyncStatus:
    return next(status for status in service.statuses() if status.account == key)


def test_every_account_syncs_on_the_pool_and_says_when(qtbot, service, exchange, ledger):
    readers = demo_readers(exchange, SystemClock())
    for key, reader in readers.items():
        service.add_account(Account(key, "demo", exchange.url_of(key.platform)), reader)
    service.start()
    qtbot.waitUntil(lambda: all(status.last_sync is not None for status in service.statuses()), timeout=20_000)
    for key in readers:
        assert ledger.last_sync(key) is not None
        assert len(ledger.entries(key)) > 100
        assert latest(service, key).state in (SyncState.OK, SyncState.SYNCING)


def _prolific_page(status: str) -> bytes:
    submission = {
        "id": "sub1", "status": status, "study_id": "study1", "study": {"name": "A study"},
        "started_at": "2026-01-05T10:00:00Z", "completed_at": "2026-01-05T10:10:00Z",
        "submission_reward": {"amount": 150, "currency": "GBP"},
    }  # fmt: skip
    return json.dumps({"results": [submission], "_links": {"next": {"href": None}}}).encode()


def _prolific_reader(server: HostileServer):
    from surveydesk.connectors.earnings.prolific import ProlificEarnings
    from tests.ledger_helpers import loopback_session

    return ProlificEarnings(PROLIFIC, server.url, lambda: "token", loopback_session(), SystemClock())


def test_offline_is_inferred_from_an_unreachable_platform_and_sync_resumes_when_it_answers(
    qtbot, service, connectivity, ledger
):
    with HostileServer() as server:
        server.script(Reset(at_once=True))
        service.add_account(Account(PROLIFIC, "demo", server.url), _prolific_reader(server))
        with qtbot.waitSignal(service.online_changed, timeout=10_000) as went:
            service.start()
        assert went.args == [False] and not connectivity.online
        assert latest(service, PROLIFIC).state is SyncState.OFFLINE
        assert ledger.entries(PROLIFIC) == []
        server.script(Reply(200, _prolific_page("AWAITING REVIEW")))
        with qtbot.waitSignal(service.online_changed, timeout=10_000) as back:
            pass  # the next try finds the platform answering again
        assert back.args == [True]
        qtbot.waitUntil(lambda: latest(service, PROLIFIC).last_sync is not None, timeout=10_000)
        (entry,) = ledger.entries(PROLIFIC)
        assert entry.status is Status.AWAITING_REVIEW


def test_while_the_system_says_offline_syncs_wait_and_run_when_it_is_back(qtbot, service, connectivity, ledger):
    system = FakeSystem()
    connectivity.follow(system.reachability_changed, Reachability.Disconnected)
    assert not connectivity.online
    with HostileServer() as server:
        server.script(Reply(200, _prolific_page("APPROVED")))
        service.add_account(Account(PROLIFIC, "demo", server.url), _prolific_reader(server))
        service.start()
        qtbot.waitUntil(lambda: latest(service, PROLIFIC).state is SyncState.OFFLINE, timeout=5_000)
        assert server.requests == [] and ledger.entries(PROLIFIC) == []
        with qtbot.waitSignal(service.synced, timeout=10_000):
            system.reachability_changed.emit(Reachability.Online)
        assert connectivity.online and len(server.requests) == 1
        assert ledger.entries(PROLIFIC)[0].status is Status.APPROVED


def test_sync_now_runs_at_once_even_offline(qtbot, service, connectivity, ledger):
    system = FakeSystem()
    connectivity.follow(system.reachability_changed, Reachability.Disconnected)
    with HostileServer() as server:
        server.script(Reply(200, _prolific_page("APPROVED")))
        service.add_account(Account(PROLIFIC, "demo", server.url), _prolific_reader(server))
        with qtbot.waitSignal(service.synced, timeout=10_000):
            service.sync_now()
        assert latest(service, PROLIFIC).state is SyncState.OK
        assert ledger.entries(PROLIFIC)[0].status is Status.APPROVED


def test_a_platform_error_is_shown_in_words_and_nothing_is_stored(qtbot, service, ledger):
    with HostileServer() as server:
        server.script(Reply(401, b'{"error": {"detail": "Invalid token."}}'))
        service.add_account(Account(PROLIFIC, "demo", server.url), _prolific_reader(server))
        service.start()
        qtbot.waitUntil(lambda: latest(service, PROLIFIC).state is SyncState.ERROR, timeout=10_000)
        status = latest(service, PROLIFIC)
        assert status.error_kind == "auth" and "sign in" in status.message
        assert ledger.entries(PROLIFIC) == [] and status.last_sync is None


def test_the_panel_shows_each_accounts_last_sync_and_the_network(qtbot):
    from datetime import UTC, datetime

    from surveydesk.ui.sync_panel import SyncPanel

    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    panel = SyncPanel(True, lambda: now)
    qtbot.addWidget(panel)
    panel.update_status(SyncStatus(PROLIFIC, "demo", SyncState.OK, last_sync=now - timedelta(minutes=3)))
    assert "last synced" in panel.line_for(PROLIFIC) and panel.line_for(PROLIFIC).startswith("Prolific (demo)")
    panel.update_status(SyncStatus(PROLIFIC, "<b>demo</b>", SyncState.ERROR, message="<i>refused</i>"))
    assert "<i>refused</i>" in panel.line_for(PROLIFIC)  # shown as the plain text it is
    panel.set_online(False)
    assert "offline" in panel.network.text()
    with qtbot.waitSignal(panel.sync_requested):
        panel.sync_button.click()
    with qtbot.waitSignal(panel.sync_requested):
        panel.sync_action.trigger()


def test_offline_the_history_is_all_there_and_back_online_pending_earnings_turn_approved(
    qtbot, database, ledger, pool, connectivity
):
    """The issue's "done when": go offline, review a year of history, come back, see pending become approved."""
    from surveydesk.demo import ManualClock
    from tests.ledger_helpers import DemoTime

    ticks = ManualClock()
    time = DemoTime(ticks)
    system = FakeSystem()
    connectivity.follow(system.reachability_changed, Reachability.Online)
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger), time)
    service = ReconciliationService(
        reconciler,
        ledger,
        SystemClock(),
        pool,
        connectivity,
        interval=timedelta(seconds=0.3),
        stagger=timedelta(0),
    )
    with DemoExchange(seed=4, clock=ticks, sites=UNTHROTTLED) as exchange:
        readers = demo_readers(exchange, time)
        for key, reader in readers.items():
            service.add_account(Account(key, "demo", exchange.url_of(key.platform)), reader)
        service.start()
        qtbot.waitUntil(lambda: all(status.state is SyncState.OK for status in service.statuses()), timeout=20_000)
        system.reachability_changed.emit(Reachability.Disconnected)
        pending = {entry.id for entry in ledger.entries() if entry.status is Status.AWAITING_REVIEW}
        assert len(pending) >= 10
        year = [entry for entry in ledger.entries() if (time.now() - entry.occurred_at).days > 300]
        assert year  # offline, the whole history reads from the computer alone
        ticks.seconds += 20 * 60  # the platforms review meanwhile; the desk's next syncs wait for the network
        qtbot.waitUntil(
            lambda: all(status.state is SyncState.OFFLINE for status in service.statuses()), timeout=20_000
        )
        assert {entry.id for entry in ledger.entries() if entry.status is Status.AWAITING_REVIEW} == pending
        with qtbot.waitSignals([service.synced] * len(readers), timeout=20_000):
            system.reachability_changed.emit(Reachability.Online)
        decided = {entry.id: entry.status for entry in ledger.entries() if entry.id in pending}
        assert Status.AWAITING_REVIEW not in decided.values()
        assert sum(status in (Status.APPROVED, Status.PAID) for status in decided.values()) >= len(pending) // 2
        service.stop()
        pool.waitForDone(10_000)
