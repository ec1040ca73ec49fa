"""The reconciliation service: runs on the pool, reports by signal, waits while offline, runs when back."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QNetworkInformation

from surveydesk.core.clock import SystemClock
from surveydesk.core.earnings import EarningsReader
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.money import Money
from surveydesk.demo import DemoExchange
from surveydesk.ledger import LedgerStore, Status
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.reconciliation import Connectivity, ReconciliationService, SyncState, SyncStatus
from surveydesk.store import Database
from surveydesk.ui.formatting import format_date_time
from tests.hostile_server import HostileServer, Reply, Reset
from tests.ledger_helpers import UNTHROTTLED, demo_readers
from tests.windows import attached_window

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
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), clock)
    running = ReconciliationService(
        reconciler,
        ledger,
        clock,
        pool,
        connectivity,
        interval=timedelta(seconds=0.2),
        stagger=timedelta(0),
        retry_floor=timedelta(seconds=0.1),
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
        # A year of history (MTurk keeps 45 days), or for CPX the inbox of what its rewards site has not yet paid.
        assert len(ledger.entries(key)) > {"cpx": 0, "mturk": 15}.get(key.platform, 100)
        assert latest(service, key).state in (SyncState.OK, SyncState.SYNCING)


def _prolific_page(status: str) -> bytes:
    submission = {
        "id": "sub1", "status": status, "study_id": "study1", "study": {"name": "A study"},
        "started_at": "2026-01-05T10:00:00Z", "completed_at": "2026-01-05T10:10:00Z",
        "submission_reward": {"amount": 150, "currency": "GBP"},
    }  # fmt: skip
    return json.dumps({"results": [submission], "_links": {"next": {"href": None}}}).encode()


def _prolific_reader(server: HostileServer):
    from surveydesk.platforms.prolific.earnings import ProlificEarnings
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


def test_an_earnings_reader_s_error_reads_in_french_in_the_sync_line(qtbot, service, french):
    from surveydesk.ui.sync_panel import describe_sync

    with HostileServer() as server:
        server.script(Reply(200, b'{"results": 3}'))
        service.add_account(Account(PROLIFIC, "demo", server.url), _prolific_reader(server))
        service.start()
        qtbot.waitUntil(lambda: latest(service, PROLIFIC).state is SyncState.ERROR, timeout=10_000)
    status = latest(service, PROLIFIC)
    assert status.message == "Prolific's answer has no list of submissions"
    assert describe_sync(status, date.today()).startswith(
        "La réponse de Prolific ne contient pas de liste de soumissions"
    )


def test_each_accounts_line_ends_with_its_earnings_sync_and_the_panel_shows_the_network(qtbot):
    from datetime import UTC, datetime

    from surveydesk.ui.status_panel import StatusPanel
    from surveydesk.ui.sync_panel import SyncPanel

    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    today = now.astimezone().date()
    lines = StatusPanel()
    qtbot.addWidget(lines)
    lines.update_sync(SyncStatus(PROLIFIC, "demo", SyncState.OK, last_sync=now - timedelta(minutes=3)), today)
    assert lines.earnings_line_for(PROLIFIC).startswith("Earnings: synced ")
    lines.update_sync(SyncStatus(PROLIFIC, "demo", SyncState.OK, last_sync=now - timedelta(days=3)), today)
    assert format_date_time((now - timedelta(days=3)).astimezone()) in lines.earnings_line_for(PROLIFIC)
    later = now + timedelta(seconds=7)
    paced = SyncStatus(PROLIFIC, "demo", SyncState.WAITING, "slow down", "rate-limited", next_sync=later)
    lines.update_sync(paced, today)
    assert "paces us; going on at" in lines.earnings_line_for(PROLIFIC)
    lines.update_sync(SyncStatus(PROLIFIC, "<b>demo</b>", SyncState.ERROR, message="<i>refused</i>"), today)
    assert "<i>refused</i>" in lines.earnings_line_for(PROLIFIC)  # shown as the plain text it is
    panel = SyncPanel(True)
    qtbot.addWidget(panel)
    assert "Online" in panel.network.text()
    panel.set_online(False)
    assert "Offline" in panel.network.text()
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
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), time)
    service = ReconciliationService(
        reconciler,
        ledger,
        SystemClock(),
        pool,
        connectivity,
        interval=timedelta(seconds=0.3),
        stagger=timedelta(0),
        retry_floor=timedelta(seconds=0.05),  # the pace of pages: a year of history within the test's time
    )
    with DemoExchange(seed=4, clock=ticks, sites=UNTHROTTLED) as exchange:
        readers = demo_readers(exchange, time)
        for key, reader in readers.items():
            service.add_account(Account(key, "demo", exchange.url_of(key.platform)), reader)
        service.start()
        qtbot.waitUntil(lambda: all(status.state is SyncState.OK for status in service.statuses()), timeout=20_000)
        system.reachability_changed.emit(Reachability.Disconnected)
        # What was submitted in the last hours is reviewed within minutes (an older one may be stalled for weeks).
        recent = time.now() - timedelta(days=1)
        pending = {entry.id for entry in ledger.entries()
                   if entry.status is Status.AWAITING_REVIEW and entry.occurred_at > recent}  # fmt: skip
        assert len(pending) >= 8  # three of the last hours' four on most platforms (one is a screen-out)
        awaiting = {entry.id for entry in ledger.entries() if entry.status is Status.AWAITING_REVIEW}
        year = [entry for entry in ledger.entries() if (time.now() - entry.occurred_at).days > 300]
        assert year  # offline, the whole history reads from the computer alone
        ticks.seconds += 20 * 60  # the platforms review meanwhile; the desk's next syncs wait for the network
        qtbot.waitUntil(
            lambda: all(status.state is SyncState.OFFLINE for status in service.statuses()), timeout=20_000
        )
        assert {entry.id for entry in ledger.entries() if entry.status is Status.AWAITING_REVIEW} == awaiting
        # Every account's sync, not as many syncs as accounts: a short one (CPX's inbox) may run twice meanwhile.
        synced: set[AccountKey] = set()
        service.synced.connect(lambda result: synced.add(result.account))
        system.reachability_changed.emit(Reachability.Online)
        qtbot.waitUntil(lambda: synced >= set(readers), timeout=20_000)
        decided = {entry.id: entry.status for entry in ledger.entries() if entry.id in pending}
        assert Status.AWAITING_REVIEW not in decided.values()
        assert sum(status in (Status.APPROVED, Status.PAID) for status in decided.values()) >= len(pending) // 2
        service.stop()
        pool.waitForDone(10_000)


def test_a_rate_limit_half_way_goes_on_when_the_platform_allows_not_at_the_next_interval(
    qtbot, database, ledger, pool, connectivity
):
    clock = SystemClock()
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), clock)
    service = ReconciliationService(reconciler, ledger, clock, pool, connectivity, stagger=timedelta(0),
                                    retry_floor=timedelta(seconds=0.1))  # fmt: skip
    with HostileServer() as server:
        server.script(Reply(429, b"", (("Retry-After", "0"),)), Reply(200, _prolific_page("APPROVED")))
        service.add_account(Account(PROLIFIC, "demo", server.url), _prolific_reader(server))
        service.start()
        qtbot.waitUntil(lambda: latest(service, PROLIFIC).error_kind == "rate-limited", timeout=5_000)
        status = latest(service, PROLIFIC)
        assert status.state is SyncState.WAITING and status.next_sync is not None  # pacing, not trouble
        assert status.next_sync - clock.now() < timedelta(seconds=10)  # the server's wait and a buffer
        with qtbot.waitSignal(service.synced, timeout=15_000):
            pass
        assert ledger.entries(PROLIFIC)[0].status is Status.APPROVED
        service.stop()
        pool.waitForDone(10_000)


def test_the_composition_root_reconciles_every_demo_account(qtbot, tmp_path):
    from surveydesk.app import build_core, parse_args

    with build_core(parse_args(["--demo", "--data-dir", str(tmp_path), "--seed", "2"])) as core:
        service = core.reconciliation
        assert {status.account.platform for status in service.statuses()} == {
            "prolific", "mturk", "bitlabs", "cpx", "toloka",
        }  # fmt: skip
        with qtbot.waitSignal(service.synced, timeout=20_000) as first:
            service.sync_now()
        result = first.args[0]
        # A year of history, or for CPX the inbox of what its rewards site has not yet paid.
        assert result.entries_touched > (0 if result.account.platform == "cpx" else 100)
        assert LedgerStore(core.database).last_sync(result.account) is not None


def test_the_window_shows_each_accounts_sync_and_its_attempts_reach_the_ledger(qtbot, tmp_path):
    from surveydesk.app import build_core, parse_args
    from surveydesk.composition import _add_earnings_sync
    from surveydesk.work.model import NewAttempt

    with build_core(parse_args(["--demo", "--data-dir", str(tmp_path), "--seed", "2"])) as core:
        window = attached_window(core.poller, core.clock.now, demo=True, timekeeper=core.timekeeper)
        qtbot.addWidget(window)
        _add_earnings_sync(window, core)
        keys = [status.account for status in core.reconciliation.statuses()]
        assert all("not synced yet" in window.status_panel.earnings_line_for(key) for key in keys)
        (action,) = [a for a in window.tasks_menu.actions() if a.text().replace("&", "") == "Sync earnings now"]
        with qtbot.waitSignal(core.reconciliation.synced, timeout=20_000):
            action.trigger()
        qtbot.waitUntil(
            lambda: any("synced " in window.status_panel.earnings_line_for(key) for key in keys), timeout=5_000
        )
        attempt = core.timekeeper.take(
            NewAttempt("prolific", "demo", "s-own", "Own study", "", Money(90, "GBP"), 600)
        )
        assert window.timer_strip is not None
        window.timer_strip.show_attempt(attempt.id)  # the strip says the timer changed: the ledger hears of it
        ledger = LedgerStore(core.database)
        qtbot.waitUntil(lambda: ledger.entry_of_attempt(attempt.id) is not None, timeout=5_000)
        core.platform_pool.waitForDone(20_000)
        core.pool.waitForDone(20_000)


def test_turning_to_history_shows_the_task_just_timed_and_one_count(qtbot, tmp_path):
    """Turning to History re-read its totals but not its table: the header said 1,138 entries, the table 200 of
    1,118, and the task just submitted was missing until a search."""
    from shiboken6 import Shiboken

    from surveydesk.app import build_core, parse_args

    with build_core(parse_args(["--demo", "--data-dir", str(tmp_path), "--seed", "2"])) as core:
        window = attached_window(core.poller, core.clock.now, demo=True, timekeeper=core.timekeeper)
        try:
            _turn_to_history_after_timing_a_task(qtbot, core, window)
        finally:
            core.platform_pool.waitForDone(20_000)
            core.pool.waitForDone(20_000)
            Shiboken.delete(window)  # with its history service, before the demo's rates site stops with the core


def _turn_to_history_after_timing_a_task(qtbot, core, window) -> None:
    from surveydesk.composition import _add_earnings_sync, _add_history_page
    from surveydesk.work.model import NewAttempt, Outcome

    _add_earnings_sync(window, core)
    history = _add_history_page(window, core)
    qtbot.waitUntil(lambda: history.model.total is not None, timeout=10_000)
    attempt = core.timekeeper.take(NewAttempt("prolific", "demo", "s-own", "Own study", "", Money(90, "GBP"), 600))
    window.timer_strip.show_attempt(attempt.id)
    core.timekeeper.finish(attempt.id, Outcome.SUBMITTED)
    window.timer_strip.show_attempt(attempt.id)
    ledger = LedgerStore(core.database)
    qtbot.waitUntil(lambda: ledger.entry_of_attempt(attempt.id) is not None, timeout=5_000)
    with qtbot.waitSignal(history.model.modelReset, timeout=10_000):
        window.tabs.setCurrentWidget(history)
    titles = [history.model.entry_at(row).title for row in range(history.model.rowCount())]
    assert "Own study" in titles
    counted = re.search(r"· ([0-9,]+) entr(y|ies)$", history.summary.text())
    assert counted is not None and int(counted[1].replace(",", "")) == history.model.total


def test_an_answer_after_the_system_said_offline_does_not_bring_the_network_back(qapp) -> None:
    """A run's request left before the system said the network went; its answer must not undo what the system
    said, or every account starts again at once while the desk should wait."""
    system = FakeSystem()
    connectivity = Connectivity()
    connectivity.follow(system.reachability_changed, QNetworkInformation.Reachability.Online)
    system.reachability_changed.emit(QNetworkInformation.Reachability.Disconnected)
    connectivity.answered()
    assert not connectivity.online
    system.reachability_changed.emit(QNetworkInformation.Reachability.Online)
    assert connectivity.online


def test_an_account_is_listed_at_once_and_its_reader_built_at_its_first_run_on_the_pool(
    qtbot, service, exchange, ledger
):
    """Start-up lists every account's earnings at once and builds the readers after the window's first frame,
    off the GUI thread (the platform's modules and requests are imported by the first one built)."""
    key, reader = next((key, reader) for key, reader in demo_readers(exchange, SystemClock()).items())
    built: list[tuple[AccountKey, bool]] = []  # each account built, and whether on the GUI thread

    def build() -> EarningsReader:
        built.append((key, threading.current_thread() is threading.main_thread()))
        return reader

    service.add_account_built_later(Account(key, "demo", exchange.url_of(key.platform)), build)
    assert [(status.account, status.state) for status in service.statuses()] == [(key, SyncState.WAITING)]
    assert built == []
    service.start()
    qtbot.waitUntil(lambda: latest(service, key).last_sync is not None, timeout=20_000)
    assert built == [(key, False)]  # once, for all the pages of the run
    assert ledger.last_sync(key) is not None
