"""The money the worker can count on, worked out on the thread pool: her goals' progress, the forecast of her
pending money, this month and the last in figures, and her claims for money owed (found again at each run, and
closed by themselves once paid); handed over by signal. What the worker says of a claim (sent, its outcome) is
written on the pool too, and the outlook worked out again after it.

Like the wage reports, one run at a time: asks that arrive meanwhile fold into a single run after it. The goals
reached in this run for the first time in their period come with it, so the window says each once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, QThreadPool, Signal

from surveydesk.core.earnings import ReviewDeadline
from surveydesk.ledger.claims import Claim, ClaimOutcome, ClaimStore, find
from surveydesk.ledger.forecast import Forecast, pending_forecast, timelines
from surveydesk.ledger.goals import GoalProgress, GoalSettings, progress
from surveydesk.ledger.month_review import MonthReview, month_review
from surveydesk.services.background import Background
from surveydesk.store.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outlook:
    """Everything the goals, the forecast and the month's sentence show, as of `now`."""

    now: datetime
    goals: Sequence[GoalProgress]
    newly_reached: Sequence[GoalProgress]
    forecast: Forecast
    months: Sequence[MonthReview]  # this month, then the month before
    claims: Sequence[Claim]  # open ones first


class MoneyOutlook(QObject):
    """Recomputes the outlook on request; `ready` carries each result, `failed` says in words why not."""

    ready = Signal(object)  # Outlook
    failed = Signal(str)
    claim_not_saved = Signal(str)  # what the worker said of a claim could not be written
    claim_saved = Signal()  # what she said of a claim is written: the requester's reputation may have moved

    def __init__(
        self,
        database: Database,
        goals: GoalSettings,
        pool: QThreadPool,
        zone: tzinfo,
        deadlines: Mapping[str, ReviewDeadline],
        parent: QObject | None = None,
    ) -> None:
        """`zone` is the history's (its daily totals are dated in it); `deadlines` the platforms' documented
        review deadlines (`platforms.registry.Registry.review_deadlines`)."""
        super().__init__(parent)
        self._db = database
        self._goals = goals
        self._zone = zone
        self._deadlines = dict(deadlines)
        self._background = Background(pool, self)
        self._running = False
        self._pending: tuple[datetime, str] | None = None
        self._last: tuple[datetime, str] | None = None

    def refresh(self, now: datetime, currency: str) -> None:
        """Work the outlook out for `now`, forecast and months in `currency` (the history's)."""
        self._pending = self._last = (now, currency)
        if not self._running:
            self._start_pending()

    def _start_pending(self) -> None:
        asked, self._pending = self._pending, None
        if asked is None:
            return
        self._running = True
        now, currency = asked
        self._background.run(lambda: self._work(now, currency), self._on_done, self._on_failed)

    def _work(self, now: datetime, currency: str) -> Outlook:
        """On the pool: every figure read through that thread's own connection."""
        goals = progress(self._db, self._goals.goals(), now, self._zone)
        this_month = now.astimezone(self._zone).date().replace(day=1)
        months = [month_review(self._db, month, currency, self._zone) for month in _and_before(this_month)]
        lines = timelines(self._db)
        claims = ClaimStore(self._db)
        claims.refresh(find(self._db, lines, self._deadlines, now), now)
        return Outlook(
            now=now,
            goals=goals,
            newly_reached=self._goals.newly_reached(goals),
            forecast=pending_forecast(self._db, currency, now, self._zone, self._deadlines, lines),
            months=months,
            claims=claims.claims(lines),
        )

    def claim_sent(self, entry: str, at: datetime) -> None:
        """The worker says she sent the claim on `entry`."""
        self._write_claim(lambda: ClaimStore(self._db).mark_sent(entry, at))

    def claim_ended(self, entry: str, outcome: ClaimOutcome | None, at: datetime) -> None:
        """The worker says how the claim on `entry` ended (None: it is open again)."""
        self._write_claim(lambda: ClaimStore(self._db).record_outcome(entry, outcome, at))

    def _write_claim(self, write: Callable[[], None]) -> None:
        def written(_result: None) -> None:
            self.claim_saved.emit()
            if self._last is not None:
                self.refresh(*self._last)

        def not_written(_error: Exception) -> None:
            self.claim_not_saved.emit(self.tr("What you said of this claim could not be saved; see the log file."))

        self._background.run(write, written, not_written)

    def _on_done(self, outlook: Outlook) -> None:
        self._finish()
        self.ready.emit(outlook)

    def _on_failed(self, _error: Exception) -> None:
        self._finish()
        self.failed.emit(
            self.tr("Your goals and the forecast of your pending money could not be worked out; see the log file.")
        )

    def _finish(self) -> None:
        self._running = False
        self._start_pending()


def _and_before(month: date) -> list[date]:
    return [month, (month - timedelta(days=1)).replace(day=1)]
