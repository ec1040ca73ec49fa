"""Reconciling one account: the platform's records, read from a stored cursor batch by batch, into the ledger.

A reader yields batches, each with the cursor that resumes after it; each batch is stored with its cursor in one
transaction. So a run cut off anywhere (a lost connection, a killed process) leaves the ledger as it was after
some whole batch, and the next run resumes there; reports are idempotent, so reading a batch again changes
nothing. A run that reaches the end marks the account synced.

A long run (a first reconciliation reads a whole history, page after page) counts on a `Progress` the records
and pages it stored, and stops after the batch it is reading when the worker cancels: the batch is stored whole
with its cursor, so the next run goes on from there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from surveydesk.core.clock import Clock
from surveydesk.core.earnings import Batch, EarningsReader
from surveydesk.core.model import AccountKey
from surveydesk.core.progress import Progress
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.model import Source
from surveydesk.ledger.store import CursorUpdate, LedgerStore


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one completed run did."""

    account: AccountKey
    batches: int
    entries_touched: int
    finished_at: datetime


def never() -> bool:
    return False


class Reconciler:
    """Runs reconciliations into one ledger; the worker's own attempts are brought in first, so the platform's
    records meet them."""

    def __init__(self, ledger: LedgerStore, ingest: AttemptIngest, clock: Clock) -> None:
        self._ledger = ledger
        self._ingest = ingest
        self._clock = clock

    def start(self, reader: Callable[[], EarningsReader], progress: Progress | None = None) -> Reading:
        """A run read a page at a time (`Reading.next_page`), for a caller that paces the pages itself; `reader`
        gives the account's reader when the first page is read, on that page's thread (a reader built lazily is
        so built off the GUI thread)."""
        return Reading(self._ledger, self._ingest, self._clock, reader, progress)

    def run(
        self, reader: EarningsReader, stop: Callable[[], bool] = never, progress: Progress | None = None
    ) -> SyncResult | None:
        """One run, from the stored cursor to the end, its pages read one after the other; None when `stop`
        said to stop, or the worker cancelled `progress`, between batches (the cursor then resumes after the
        last batch stored). Platform errors propagate, batches before them kept."""
        reading = self.start(lambda: reader, progress)
        while (result := reading.next_page()) is None:
            if stop() or (progress is not None and progress.cancelled):
                return None
        return result


class Reading:
    """One run of an account's reader, one batch at a time. A reader sends at most one request per batch
    (core/earnings.py), so whoever calls `next_page` paces and gates the platform's requests between calls, on
    its own schedule, and no thread waits in between. Calls may come from different threads, one at a time.

    Each stored batch counts its records as one part of `progress`; `pages` counts the batches of this run.
    """

    def __init__(
        self,
        ledger: LedgerStore,
        ingest: AttemptIngest,
        clock: Clock,
        reader: Callable[[], EarningsReader],
        progress: Progress | None,
    ) -> None:
        self._ledger = ledger
        self._ingest = ingest
        self._clock = clock
        self._reader = reader
        self._progress = progress
        self._batches: Iterator[Batch] | None = None
        self._touched: set[str] = set()
        self.pages = 0

    def next_page(self) -> SyncResult | None:
        """Read and store the next batch, with its cursor, in one transaction: the run's result once it has
        read everything, else None. Platform errors propagate, the batches before them kept."""
        reader = self._reader()
        account = reader.account
        if self._batches is None:
            self._ingest.ingest(self._clock.now())
            self._batches = iter(reader.read(self._ledger.cursor(account)))
        batch = next(self._batches, None)
        now = self._clock.now()
        if batch is None:  # a reader that ends without a last batch has read everything there was
            self._ledger.set_cursor(CursorUpdate(account, "", completed=True), now)
            return SyncResult(account, self.pages, len(self._touched), now)
        update = CursorUpdate(account, batch.cursor, completed=batch.done)
        self._touched.update(self._ledger.record(batch.reports, Source.PLATFORM, now, update))
        if batch.unreported_before is not None:
            self._touched.update(self._ledger.presume_unreported(account, batch.unreported_before, now))
        self.pages += 1
        if self._progress is not None:
            self._progress.count_part(len(batch.reports))
        return SyncResult(account, self.pages, len(self._touched), now) if batch.done else None
