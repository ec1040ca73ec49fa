"""Works out the wages of today, this week and this month on the thread pool, and hands them over by signal.

The GUI thread only asks and receives: reading the work log and the arithmetic happen on the pool, one run at
a time, and asks that arrive meanwhile fold into a single run after it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from PySide6.QtCore import QObject, QThreadPool, Signal

from surveydesk.ledger.minimum_in_currency import MinimumOfDay
from surveydesk.services.background import Background
from surveydesk.work.model import Attempt
from surveydesk.work.reputation import Reputation, Reviews, reputations
from surveydesk.work.store import WorkLog
from surveydesk.work.wages import WageReport, by_key, period_start, report

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WageSummary:
    """The figures of the wages panel: three periods around one moment, and the month by platform and requester."""

    today: WageReport
    this_week: WageReport
    this_month: WageReport
    by_platform: Mapping[str, WageReport]
    by_requester: Mapping[str, WageReport]
    # Every requester's record over the worker's whole history, for the task list's "Your history" column.
    reputations: Mapping[tuple[str, str], Reputation] = field(default_factory=dict)
    # The minimum wage in force today, in each currency the periods earned in; None when not asked for.
    minimum: MinimumOfDay | None = None


_EVER = datetime(2000, 1, 1, tzinfo=UTC)  # before any attempt SurveyDesk can have recorded
# The requesters' reviews of the worker's tasks and claims, read on the pool, per (platform, requester).
ReviewsReader = Callable[[], Mapping[tuple[str, str], Reviews]]
# The minimum wage in force on a day, in each of the given currencies (`MinimumWages.on`), read on the pool.
Minimums = Callable[[date, Iterable[str]], MinimumOfDay]


class WageReports(QObject):
    """Recomputes the wage summary on request; `ready` carries each result, `failed` says in words why not."""

    ready = Signal(object)  # WageSummary
    failed = Signal(str)

    def __init__(
        self,
        log: WorkLog,
        pool: QThreadPool,
        zone: tzinfo | None = None,
        reviews: ReviewsReader = dict,
        minimums: Minimums | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._reviews = reviews
        self._minimums = minimums
        self._zone = zone
        self._running = False
        self._pending: datetime | None = None
        self._background = Background(pool, self)

    def refresh(self, now: datetime) -> None:
        """Work the figures out for the periods holding `now`; while a run is going, one more follows it."""
        self._pending = now
        if not self._running:
            self._start_pending()

    def _start_pending(self) -> None:
        now, self._pending = self._pending, None
        if now is None:
            return
        self._running = True
        # The system's zone is read at each run, so a change to or from summer time is followed.
        zone = self._zone or _system_zone(now)
        # Runs on the pool: the work log reads through that thread's own connection.
        self._background.run(
            lambda: summarise(self._log, now, zone, self._reviews(), self._minimums),
            self._on_done,
            self._on_failed,
        )

    def _on_done(self, summary: WageSummary) -> None:
        self._finish()
        self.ready.emit(summary)

    def _on_failed(self, _error: Exception) -> None:
        self._finish()
        self.failed.emit("Your wages could not be worked out from the work log; see the log file.")

    def _finish(self) -> None:
        self._running = False
        self._start_pending()


def summarise(
    log: WorkLog,
    now: datetime,
    zone: tzinfo,
    reviews: Mapping[tuple[str, str], Reviews] | None = None,
    minimums: Minimums | None = None,
) -> WageSummary:
    """The figures for the day, week and month holding `now` in `zone`, read from `log` on the calling thread;
    `reviews` are the requesters' reviews in the earnings log, for their reputations; `minimums` gives the
    minimum wage of today in the currencies earned."""
    day = period_start(now, "day", zone)
    week = period_start(now, "week", zone)
    month = period_start(now, "month", zone)
    # A week can begin in the month before, or end in the month after: read whatever either period holds.
    start = _midnight(min(week, month), zone)
    end = _midnight(max(week + timedelta(days=7), _next_month(month)), zone)
    attempts = log.attempts_between(start, end)
    stretches = log.open_stretches()
    shifts = log.shifts_between(start, end) + [
        (s.started_at, s.alive_seconds) for s in stretches if s.kind == "shift" and start <= s.started_at < end
    ]
    running = {s.owner_id: s.alive_seconds for s in stretches if s.kind == "attempt"}

    def period(name: str, first_day: date) -> WageReport:
        return _period_report(
            attempts, shifts, running, lambda moment: period_start(moment, name, zone) == first_day
        )

    month_done = [a for a in attempts if not a.is_open and period_start(a.started_at, "month", zone) == month]
    periods = (period("day", day), period("week", week), period("month", month))
    by_platform = by_key(month_done, lambda attempt: attempt.platform)
    by_requester = by_key(month_done, lambda attempt: attempt.requester)
    earned_in = {c for r in (*periods, *by_platform.values(), *by_requester.values()) for c in r.by_currency}
    return WageSummary(
        *periods,
        by_platform=by_platform,
        by_requester=by_requester,
        reputations=reputations(log.attempts_between(_EVER, now + timedelta(days=1)), reviews),
        minimum=None if minimums is None else minimums(day, earned_in),
    )


def _period_report(
    attempts: Iterable[Attempt],
    shifts: Iterable[tuple[datetime, float]],
    running: Mapping[int, float],
    within: Callable[[datetime], bool],
) -> WageReport:
    """One period's wages: the attempts taken in it, and the shift stretches begun in it.

    A shift still running counts up to its last sign of life. Time on attempts still open is taken out of the
    shift time: with no outcome yet it is neither paid nor unpaid, and would otherwise show as searching.
    """
    taken = [attempt for attempt in attempts if within(attempt.started_at)]
    shift_seconds = sum(seconds for started_at, seconds in shifts if within(started_at))
    undecided = sum(a.worked_seconds + running.get(a.id, 0.0) for a in taken if a.is_open)
    return report(taken, max(0.0, shift_seconds - undecided))


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=zone)


def _next_month(first_day: date) -> date:
    return (first_day.replace(day=28) + timedelta(days=4)).replace(day=1)


def _system_zone(moment: datetime) -> tzinfo:
    """The system's offset from UTC at `moment`."""
    zone = moment.astimezone().tzinfo
    assert zone is not None  # astimezone() without a zone always gives the local one
    return zone
