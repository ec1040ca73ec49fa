"""A first reconciliation of a long history counts what it stored and, when cancelled, stops between batches."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from surveydesk.core.earnings import Batch, EarningsReader
from surveydesk.core.model import AccountKey
from surveydesk.core.progress import Progress, ProgressState
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store import Database
from tests.ledger_helpers import UNTHROTTLED, DemoTime, demo_readers, ledger_snapshot

PROLIFIC = AccountKey("prolific", "demo")
TOLOKA = AccountKey("toloka", "demo")
TWO_YEARS = 730


class Watched:
    """A reader that lets the test look between batches: `before_each(batch)` runs as each batch is handed
    over, before the reconciler stores it."""

    def __init__(self, reader: EarningsReader, before_each: Callable[[Batch], None]) -> None:
        self._reader = reader
        self._before_each = before_each
        self.cursors: list[str] = []

    @property
    def account(self) -> AccountKey:
        return self._reader.account

    def read(self, cursor: str) -> Iterator[Batch]:
        for batch in self._reader.read(cursor):
            self._before_each(batch)
            self.cursors.append(batch.cursor)
            yield batch


@pytest.fixture
def exchange(ticks: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=5, clock=ticks, sites=UNTHROTTLED, history_days=TWO_YEARS) as running:
        yield running


def reconciler_on(database: Database, time: DemoTime) -> Reconciler:
    ledger = LedgerStore(database)
    return Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), time)


@pytest.mark.parametrize("account", [PROLIFIC, TOLOKA])
def test_a_first_reconciliation_counts_records_and_pages_as_they_are_stored(account, exchange, time, database):
    progress = Progress()
    seen: list[ProgressState] = []
    reader = Watched(demo_readers(exchange, time)[account], lambda _batch: seen.append(progress.state()))
    result = reconciler_on(database, time).run(reader, progress=progress)
    assert result is not None
    final = progress.state()
    assert final.parts == result.batches > 5
    assert final.done > 300
    pages = [state.parts for state in seen]
    assert pages == list(range(len(seen)))  # one more page stored before each next one is handed over
    records = [state.done for state in seen]
    # The last page may add nothing: Toloka's income log says it has ended only by a page shorter than asked for.
    assert records == sorted(records) and records[-2] < final.done
    assert len(set(records)) > 5  # the count rises page by page, not once at the end


def test_cancelling_stops_after_the_batch_being_read_and_a_later_run_completes_the_same_ledger(
    exchange, time, database, tmp_path: Path
):
    progress = Progress()
    handed: list[Batch] = []

    def cancel_at_the_fourth(batch: Batch) -> None:
        handed.append(batch)
        if len(handed) == 4:
            progress.cancel()  # the worker clicks Cancel while the fourth page is on its way

    ledger = LedgerStore(database)
    reader = Watched(demo_readers(exchange, time)[PROLIFIC], cancel_at_the_fourth)
    assert reconciler_on(database, time).run(reader, progress=progress) is None
    state = progress.state()
    assert state.cancelled and state.parts == 4  # the page being read was stored whole, then it stopped
    assert ledger.cursor(PROLIFIC) == handed[3].cursor  # resumes exactly after the last page stored
    assert ledger.last_sync(PROLIFIC) is None
    stored_events = database.connection().execute("SELECT count(*) FROM ledger_events").fetchone()[0]
    assert stored_events == sum(len(batch.reports) for batch in handed)  # whole pages only, nothing more

    again = Watched(demo_readers(exchange, time)[PROLIFIC], lambda _batch: None)
    result = reconciler_on(database, time).run(again, progress=Progress())
    assert result is not None and ledger.last_sync(PROLIFIC) == time.now()
    assert len(again.cursors) > 1 and handed[3].cursor not in again.cursors  # nothing read twice

    uninterrupted = Database.open(tmp_path / "uninterrupted.sqlite3")
    try:
        assert reconciler_on(uninterrupted, time).run(demo_readers(exchange, time)[PROLIFIC]) is not None
        assert ledger_snapshot(database.connection()) == ledger_snapshot(uninterrupted.connection())
    finally:
        uninterrupted.close()
