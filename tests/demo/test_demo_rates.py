"""The demo's exchange rates: ECB-format demo feeds on the demo exchange, and a demo History tab that shows its
totals and charts in the worker's currency soon after it opens, as `surveydesk --demo` wires it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, timedelta

import pytest
import requests
from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtNetwork import QNetworkInformation

from surveydesk.core.clock import SystemClock
from surveydesk.core.errors import RateLimited
from surveydesk.core.model import Account
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.exchange import SIMULATED_EPOCH
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.ecb import Feed, fetch_rates
from surveydesk.ledger.history import APPROVED, PENDING
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.history_service import HistoryService
from surveydesk.services.reconciliation import Connectivity, ReconciliationService, SyncState
from surveydesk.store import Database
from surveydesk.ui.formatting import format_time
from tests.factories import history_tab
from tests.ledger_helpers import UNTHROTTLED, DemoTime, demo_readers, loopback_session

TODAY = SIMULATED_EPOCH.date()  # a Tuesday
Reachability = QNetworkInformation.Reachability

# A year of five platforms reconciled and converted takes seconds; a minute on a machine busy with other work.
SLOW_MACHINE = 60_000


@pytest.fixture
def exchange(ticks: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=4, clock=ticks, sites=UNTHROTTLED) as running:
        yield running


def test_the_demo_serves_the_three_feeds_in_the_ecb_s_layout(
    exchange: DemoExchange, session: requests.Session
) -> None:
    now = SIMULATED_EPOCH
    daily = fetch_rates(session, now, exchange.ecb_url + Feed.DAILY)
    assert {rate.day for rate in daily} == {TODAY}
    assert {"USD", "GBP", "JPY"} <= {rate.currency for rate in daily}
    ninety = fetch_rates(session, now, exchange.ecb_url + Feed.NINETY_DAYS, {"GBP"})
    assert min(rate.day for rate in ninety) >= TODAY - timedelta(days=90)
    assert len(ninety) == 65  # the working days from 90 days back to today
    full = fetch_rates(session, now, exchange.ecb_url + Feed.FULL, {"USD"})
    assert min(rate.day for rate in full) == date(1999, 1, 4)
    assert all(rate.day.weekday() < 5 for rate in full)
    assert all(0.9 < rate.per_euro / full[0].per_euro < 1.12 for rate in full)  # plausible: within ±5 % or so
    with DemoExchange(seed=99, clock=ManualClock()) as other:  # the same rates on every run, whatever the seed
        assert fetch_rates(session, now, other.ecb_url + Feed.DAILY) == daily


def test_the_demo_feeds_can_be_made_to_ask_for_patience(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("ecb", 429, b"", "text/plain", headers=(("Retry-After", "60"),))
    with pytest.raises(RateLimited) as caught:
        fetch_rates(session, SIMULATED_EPOCH, exchange.ecb_url + Feed.DAILY)
    assert caught.value.retry_at == SIMULATED_EPOCH + timedelta(seconds=60)
    assert session.get(exchange.ecb_url + "nothing.xml", timeout=5).status_code == 404


def test_the_demo_history_shows_converted_totals_and_charts_soon_after_opening(
    qtbot, database: Database, pool: QThreadPool, exchange: DemoExchange, ticks: ManualClock
) -> None:
    time = DemoTime(ticks)
    ledger = LedgerStore(database)
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), time)
    for reader in demo_readers(exchange, time).values():
        reconciler.run(reader)
    # As composition.py wires it in --demo: the demo exchange's feeds in place of the ECB's, the network watched.
    service = HistoryService(
        database,
        pool,
        time,
        UTC,
        loopback_session,
        exchange.ecb_url,
        connectivity=Connectivity(),
        time_text=format_time,
    )
    # In euros: the demo's earnings are in GBP and USD.
    view = history_tab(qtbot, database, pool, time, service, "EUR", accounts=())
    view.show()
    with qtbot.waitSignal(service.rates_updated, timeout=SLOW_MACHINE):
        view.refresh()
    qtbot.waitUntil(
        lambda: not view.missing.isVisible() and bool(view.earnings_chart.bar_sets()), timeout=SLOW_MACHINE
    )
    summary = view.summary.text()
    assert summary.startswith("Earned €") and not summary.startswith("Earned €0.00")
    assert view.totals_table.rowCount() >= 12  # a year of months
    assert any(bar_set.sum() > 0 for bar_set in view.earnings_chart.bar_sets())
    pool.waitForDone(10_000)


class FakeSystem(QObject):
    """Stands in for the system's network information: announces reachability when the test says."""

    reachability_changed = Signal(object)


def test_offline_a_year_reads_in_euros_with_charts_and_back_online_pending_turns_approved(
    qtbot, database: Database, pool: QThreadPool, exchange: DemoExchange, ticks: ManualClock
) -> None:
    """The issue's "done when", through the History tab, with the demo's rates."""
    time = DemoTime(ticks)
    system = FakeSystem()
    connectivity = Connectivity()
    connectivity.follow(system.reachability_changed, Reachability.Online)
    ledger = LedgerStore(database)
    reconciliation = ReconciliationService(
        Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), time),
        ledger,
        SystemClock(),
        pool,
        connectivity,
        interval=timedelta(seconds=0.3),
        stagger=timedelta(0),
        retry_floor=timedelta(seconds=0.05),  # the pace of pages: a year of history within the test's time
    )
    for key, reader in demo_readers(exchange, time).items():
        reconciliation.add_account(Account(key, "demo", exchange.url_of(key.platform)), reader)
    service = HistoryService(
        database,
        pool,
        time,
        UTC,
        loopback_session,
        exchange.ecb_url,
        connectivity=connectivity,
        time_text=format_time,
    )
    view = history_tab(qtbot, database, pool, time, service, "EUR", accounts=())
    view.show()
    reconciliation.synced.connect(lambda _result: view.ledger_changed())
    reconciliation.start()
    qtbot.waitUntil(lambda: all(s.state is SyncState.OK for s in reconciliation.statuses()), timeout=SLOW_MACHINE)
    view.refresh()
    qtbot.waitUntil(
        lambda: view.summary.text().startswith("Earned €") and not view.missing.isVisible(), timeout=SLOW_MACHINE
    )

    def figures() -> tuple[int, int]:
        assert view._data is not None
        groups = view._data.snapshot.totals.by_group
        return groups[PENDING].amount.minor, groups[APPROVED].amount.minor

    system.reachability_changed.emit(Reachability.Disconnected)
    ticks.seconds += 20 * 60  # the platforms review meanwhile; the desk waits for the network
    with qtbot.waitSignal(service.loaded, timeout=10_000):
        view.refresh()
    pending, approved = figures()
    assert pending > 0 and view.totals_table.rowCount() >= 12 and view.earnings_chart.bar_sets()
    assert not service.online
    with qtbot.waitSignals([reconciliation.synced] * len(reconciliation.statuses()), timeout=SLOW_MACHINE):
        system.reachability_changed.emit(Reachability.Online)
    qtbot.waitUntil(lambda: figures()[0] < pending and figures()[1] > approved, timeout=SLOW_MACHINE)
    reconciliation.stop()
    pool.waitForDone(10_000)
