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

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from surveydesk.core.clock import Clock
from surveydesk.core.earnings import EarningsReader
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

    def run(
        self, reader: EarningsReader, stop: Callable[[], bool] = never, progress: Progress | None = None
    ) -> SyncResult | None:
        """One run, from the stored cursor to the end; None when `stop` said to stop, or the worker cancelled
        `progress`, between batches (the cursor then resumes after the last batch stored). Each stored batch
        counts its records as one part of `progress`. Platform errors propagate, batches before them kept."""
        account = reader.account
        self._ingest.ingest(self._clock.now())
        batches = 0
        touched: set[str] = set()
        for batch in reader.read(self._ledger.cursor(account)):
            now = self._clock.now()
            update = CursorUpdate(account, batch.cursor, completed=batch.done)
            touched.update(self._ledger.record(batch.reports, Source.PLATFORM, now, update))
            if batch.unreported_before is not None:
                touched.update(self._ledger.presume_unreported(account, batch.unreported_before, now))
            batches += 1
            if progress is not None:
                progress.count_part(len(batch.reports))
            if batch.done:
                return SyncResult(account, batches, len(touched), now)
            if stop() or (progress is not None and progress.cancelled):
                return None
        # A reader that ends without a last batch has read everything there was.
        now = self._clock.now()
        self._ledger.set_cursor(CursorUpdate(account, "", completed=True), now)
        return SyncResult(account, batches, len(touched), now)
