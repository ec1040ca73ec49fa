"""The window shows an account's first reconciliation as it goes, and its Cancel stops it at a whole page."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta

import pytest

from surveydesk.core.clock import SystemClock
from surveydesk.core.earnings import Batch
from surveydesk.core.model import Account, AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.reconciliation import Connectivity, ReconciliationService, SyncProgress, SyncState
from surveydesk.ui.sync_panel import SyncPanel
from tests.ledger.test_reconcile_progress import Watched
from tests.ledger_helpers import UNTHROTTLED, demo_readers

PROLIFIC = AccountKey("prolific", "demo")
WAIT_S = 20


@pytest.fixture
def exchange() -> Iterator[DemoExchange]:
    with DemoExchange(seed=5, sites=UNTHROTTLED, history_days=730) as running:
        yield running


@pytest.fixture
def service(qtbot, database, pool) -> Iterator[ReconciliationService]:
    clock = SystemClock()
    ledger = LedgerStore(database)
    running = ReconciliationService(
        Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), clock),
        ledger,
        clock,
        pool,
        Connectivity(),
        interval=timedelta(hours=1),
        stagger=timedelta(0),
        retry_floor=timedelta(seconds=0.05),  # the pace of pages
    )
    yield running
    running.stop()
    pool.waitForDone(10_000)


class Gate:
    """Holds the reader (on the pool) as it hands over its third page, until the test lets it go."""

    def __init__(self) -> None:
        self.pages = 0
        self.reached = threading.Event()
        self.go = threading.Event()

    def __call__(self, _batch: Batch) -> None:
        self.pages += 1
        if self.pages == 3:
            self.reached.set()
            assert self.go.wait(WAIT_S), "the test never let the reader go on"


def test_a_first_sync_shows_its_count_and_cancel_keeps_whole_pages_until_the_next_sync(
    qtbot, exchange, service, database
):
    panel = SyncPanel(True)
    qtbot.addWidget(panel)
    panel.show()
    service.first_sync_progress.connect(panel.set_progress)
    panel.cancel_requested.connect(service.cancel)
    reports: list[SyncProgress] = []
    service.first_sync_progress.connect(reports.append)
    assert not panel.progress_bar.isVisible() and not panel.cancel_button.isVisible()

    gate = Gate()
    reader = Watched(demo_readers(exchange, SystemClock())[PROLIFIC], gate)
    service.add_account(Account(PROLIFIC, "Prolific (demo)", exchange.url_of("prolific")), reader)
    service.start()
    qtbot.waitUntil(gate.reached.is_set, timeout=WAIT_S * 1000)
    qtbot.waitUntil(lambda: reports[-1].pages == 2, timeout=5_000)  # counted a few times a second
    assert panel.progress_bar.isVisible() and panel.cancel_button.isEnabled()
    stored = reports[-1].records
    assert stored > 0 and reports[0].records == 0
    assert panel.progress_text.text() == f"First sync of Prolific (demo): {stored} records, 2 pages"

    panel.cancel_button.click()
    assert not panel.cancel_button.isEnabled()  # once is enough; the run says when it stopped
    with qtbot.waitSignal(service.status_changed, timeout=WAIT_S * 1000, check_params_cb=_waiting):
        gate.go.set()
    ledger = LedgerStore(database)
    assert reports[-1].running is False and reports[-1].pages == 3  # the page on its way was stored whole
    assert ledger.cursor(PROLIFIC) == reader.cursors[2] and ledger.last_sync(PROLIFIC) is None
    assert not panel.progress_bar.isVisible() and not panel.cancel_button.isVisible()
    status = service.statuses()[0]
    assert status.message == "Cancelled; goes on at the next sync" and status.next_sync is not None
    records_stored = database.connection().execute("SELECT count(*) FROM ledger_events").fetchone()[0]
    assert records_stored == reports[-1].records

    with qtbot.waitSignal(service.synced, timeout=WAIT_S * 1000):
        service.sync_now()  # the next sync goes on from the cursor, with its own count from there
    assert ledger.last_sync(PROLIFIC) is not None
    assert reader.cursors[3:].count(reader.cursors[2]) == 0  # no page read twice
    assert reports[-1].running is False and reports[-1].records > 0
    assert not panel.progress_bar.isVisible()
    assert service.statuses()[0].state is SyncState.OK


def _waiting(status: object) -> bool:
    return getattr(status, "state", None) is SyncState.WAITING


def test_several_first_syncs_share_one_line_that_never_widens_the_window(qtbot):
    panel = SyncPanel(online=True)
    qtbot.addWidget(panel)
    for number in range(5):
        key = AccountKey("prolific", f"account-{number}")
        panel.set_progress(SyncProgress(key, f"Prolific (a long account name {number})", 120, 3, running=True))
    assert panel.progress_text.text() == "First sync of 5 accounts: 600 records, 15 pages"
    assert panel.progress_text.toolTip().count("First sync of Prolific (a long account name") == 5
    assert panel.minimumSizeHint().width() < 1000  # one line per account, joined, made it 1,559 px wide


def test_in_french_the_panel_wraps_its_lines_rather_than_set_the_window_s_smallest_width(french, qtbot):
    """Offline, with one account's first sync under way, the French lines kept the main window at least 1,236 px
    wide: they now wrap, taller, on a narrow window, and show whole."""
    panel = SyncPanel(online=False)
    qtbot.addWidget(panel)
    key = AccountKey("prolific", "marie")
    panel.set_progress(SyncProgress(key, "Prolific (marie.dupont@example.fr)", 12_345, 67, running=True))
    assert panel.network.text().startswith("Hors ligne")
    assert panel.minimumSizeHint().width() <= 720  # its buttons and bar, and each line's longest word
    panel.resize(720, panel.heightForWidth(720))
    panel.show()
    qtbot.waitExposed(panel)
    for line in (panel.network, panel.progress_text):
        assert line.height() >= line.heightForWidth(line.width()), line.text()  # no line clipped


def test_in_french_a_count_stays_on_the_line_of_its_word(french, qtbot):
    """The tour's French line broke as "… 9 enregistrements, 4" over "pages"."""
    panel = SyncPanel(online=True)
    qtbot.addWidget(panel)
    for number in range(4):
        key = AccountKey("prolific", f"account-{number}")
        panel.set_progress(SyncProgress(key, f"Prolific ({number})", 2, 1, running=True))
    assert panel.progress_text.text() == (
        "Première synchronisation de 4\xa0comptes\xa0: 8\xa0enregistrements, 4\xa0pages"
    )
