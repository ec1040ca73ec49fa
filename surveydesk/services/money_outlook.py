"""The money the worker can count on, worked out on the thread pool: her goals' progress, the forecast of her
pending money, and this month and the last in figures; handed over by signal.

Like the wage reports, one run at a time: asks that arrive meanwhile fold into a single run after it. The goals
reached in this run for the first time in their period come with it, so the window says each once.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, QThreadPool, Signal

from surveydesk.core.earnings import ReviewDeadline
from surveydesk.ledger.forecast import Forecast, pending_forecast
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


class MoneyOutlook(QObject):
    """Recomputes the outlook on request; `ready` carries each result, `failed` says in words why not."""

    ready = Signal(object)  # Outlook
    failed = Signal(str)

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

    def refresh(self, now: datetime, currency: str) -> None:
        """Work the outlook out for `now`, forecast and months in `currency` (the history's)."""
        self._pending = (now, currency)
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
        return Outlook(
            now=now,
            goals=goals,
            newly_reached=self._goals.newly_reached(goals),
            forecast=pending_forecast(self._db, currency, now, self._zone, self._deadlines),
            months=months,
        )

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
