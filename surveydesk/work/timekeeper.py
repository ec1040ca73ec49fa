"""The timekeeper: clocks shifts in and out and runs each attempt from taking it to its outcome.

Durations are measured with the monotonic clock while SurveyDesk runs, so setting the system clock or suspending
the computer does not change them; every transition is written at once. Open stretches leave a sign of life
(`keep_alive`) so that after a crash the worker can decide whether the gap was work.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from surveydesk.core.clock import StopwatchClock
from surveydesk.core.money import Money
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.store.database import DiskFullError
from surveydesk.work.model import Attempt, Interruption, NewAttempt, Outcome, Shift
from surveydesk.work.store import OpenStretch, WorkLog

log = logging.getLogger(__name__)

# How often open stretches should write their sign of life (`keep_alive`): a crash loses at most this much.
KEEP_ALIVE_INTERVAL = timedelta(seconds=30)
# The share of a time limit after which the worker is warned, and the last warning before it runs out.
EARLY_WARNING_SHARE = 0.8
LAST_WARNING = timedelta(minutes=2)


class TimerError(Exception):
    """A request the timer cannot carry out, in words for the worker (e.g. resuming a finished attempt)."""


class LimitWarning(StrEnum):
    EIGHTY_PERCENT = "80%"
    TWO_MINUTES = "2 minutes"
    EXPIRED = "expired"


@dataclass(slots=True)
class _Running:
    """An open stretch started by this process: its row and the monotonic reading at its start."""

    stretch_id: int
    monotonic_start: float

    def seconds(self, monotonic_now: float) -> float:
        return max(0.0, monotonic_now - self.monotonic_start)


def limit_warnings(limit_seconds: int | None, elapsed_seconds: float) -> set[LimitWarning]:
    """Which warnings an attempt with this limit has reached after `elapsed_seconds` since it was taken."""
    if not limit_seconds:
        return set()
    reached = set()
    if elapsed_seconds >= limit_seconds * EARLY_WARNING_SHARE:
        reached.add(LimitWarning.EIGHTY_PERCENT)
    if elapsed_seconds >= limit_seconds - LAST_WARNING.total_seconds():
        reached.add(LimitWarning.TWO_MINUTES)
    if elapsed_seconds >= limit_seconds:
        reached.add(LimitWarning.EXPIRED)
    return reached


class Timekeeper:
    """One per process. At most one attempt is worked on at a time; others may stay open, paused.

    Stretches found open when the timekeeper is built were left by a previous run: they are `interruptions()`,
    and stay open until the worker resolves each one.
    """

    def __init__(self, log: WorkLog, clock: StopwatchClock) -> None:
        self._log = log
        self._clock = clock
        self._shift: _Running | None = None
        self._attempts: dict[int, _Running] = {}
        self._taken_at: dict[int, float] = {}  # monotonic reading when each attempt of this run was taken
        self._interrupted: list[OpenStretch] = log.open_stretches()
        self._unsaved = False

    @property
    def unsaved(self) -> bool:
        """Whether the last sign of life could not be written (a full disk): the clocks run on in memory and
        the next `keep_alive` that finds room writes them whole."""
        return self._unsaved

    # --- recovery -------------------------------------------------------------------------------------------

    def interruptions(self) -> list[Interruption]:
        """What the previous run left running, oldest first, with how long each had run before it stopped."""
        found = []
        for stretch in self._interrupted:
            title = "your shift" if stretch.kind == "shift" else self._log.attempt(stretch.owner_id).title
            found.append(
                Interruption(
                    kind=stretch.kind,
                    owner_id=stretch.owner_id,
                    title=title,
                    started_at=stretch.started_at,
                    last_alive=stretch.alive_at,
                    seconds_before=stretch.alive_seconds,
                )
            )
        return found

    def resolve(self, interruption: Interruption, count_gap: bool) -> None:
        """Close what an interrupted run left open; the gap up to now counts only if the worker says so.

        The gap is measured with wall time, the only clock that spans two runs; a clock set backwards gives
        no gap rather than a negative one. A shift stays open (the worker may still be at work); an attempt is
        left paused, to be resumed or ended.
        """
        stretch = next(
            s for s in self._interrupted if (s.kind, s.owner_id) == (interruption.kind, interruption.owner_id)
        )
        now = self._clock.now()
        gap = max(0.0, (now - stretch.alive_at).total_seconds()) if count_gap else 0.0
        event = (
            None if stretch.kind == "shift" else (stretch.owner_id, "gap counted" if count_gap else "gap dropped")
        )
        self._log.close_stretch(stretch.id, stretch.alive_seconds + gap, now, event)
        self._interrupted.remove(stretch)
        if stretch.kind == "shift":
            self._resume_shift(now)

    # --- shifts ---------------------------------------------------------------------------------------------

    @property
    def shift(self) -> Shift | None:
        return self._log.open_shift()

    def clock_in(self, automatic: bool = False) -> Shift:
        """Start a shift (or keep the one already running)."""
        current = self._log.open_shift()
        if current is not None:
            if self._shift is None and not self._has_interrupted("shift", current.id):
                self._resume_shift(self._clock.now())
            return current
        now = self._clock.now()
        shift_id = self._log.add_shift(now, automatic)
        self._shift = _Running(self._log.open_stretch("shift", shift_id, now), self._clock.monotonic())
        shift = self._log.open_shift()
        assert shift is not None
        return shift

    def clock_out(self) -> None:
        """End the shift; an attempt being worked on is paused (its time stops with the shift's)."""
        current = self._log.open_shift()
        if current is None:
            return
        self._suspend()
        self._log.end_shift(current.id, self._clock.now())

    def shift_seconds(self) -> float:
        """Time in the current shift so far, closed stretches and the running one."""
        current = self._log.open_shift()
        if current is None:
            return 0.0
        running = 0.0 if self._shift is None else self._shift.seconds(self._clock.monotonic())
        return current.seconds + running

    def _resume_shift(self, now: datetime) -> None:
        current = self._log.open_shift()
        if current is not None and self._shift is None:
            self._shift = _Running(self._log.open_stretch("shift", current.id, now), self._clock.monotonic())

    # --- attempts -------------------------------------------------------------------------------------------

    def take(self, new: NewAttempt) -> Attempt:
        """Open an attempt and start working on it; clocks in by itself if the worker forgot."""
        shift = self.shift
        if shift is None or (self._shift is None and not self._has_interrupted("shift", shift.id)):
            shift = self.clock_in(automatic=shift is None)
        self._pause_others(None)
        now = self._clock.now()
        attempt_id = self._log.add_attempt(shift.id, new, now)
        self._taken_at[attempt_id] = self._clock.monotonic()
        self._start_stretch(attempt_id, now, event=None)
        return self._log.attempt(attempt_id)

    def pause(self, attempt_id: int) -> Attempt:
        running = self._attempts.get(attempt_id)
        if running is None:
            return self._open_attempt(attempt_id)
        now = self._clock.now()
        seconds = running.seconds(self._clock.monotonic())
        self._log.close_stretch(running.stretch_id, seconds, now, (attempt_id, "paused"))
        del self._attempts[attempt_id]  # only once written: a pause the disk refused leaves the clock running
        return self._log.attempt(attempt_id)

    def resume(self, attempt_id: int) -> Attempt:
        attempt = self._open_attempt(attempt_id)
        self._require_resolved("attempt", attempt_id)
        if attempt_id in self._attempts:
            return attempt
        if self._shift is None:
            # Work resumed means the shift runs too: after a restart the shift is open but paused, and an attempt
            # running inside a paused shift would count work time that no shift holds.
            shift = self.shift
            if shift is not None:
                self._require_resolved("shift", shift.id)
            self.clock_in(automatic=shift is None)
        self._pause_others(attempt_id)
        self._start_stretch(attempt_id, self._clock.now(), event="resumed")
        return self._log.attempt(attempt_id)

    def finish(
        self, attempt_id: int, outcome: Outcome, paid: Money | None = None, completion_code: str | None = None
    ) -> Attempt:
        """End an attempt. A submission is taken to earn its reward unless `paid` says otherwise;
        `completion_code` is the study's code as `work.completion_code` read it, kept as her evidence."""
        attempt = self._open_attempt(attempt_id)
        self._require_resolved("attempt", attempt_id)
        if attempt_id in self._attempts:
            self.pause(attempt_id)
        earned = paid if paid is not None else (attempt.reward if outcome is Outcome.SUBMITTED else None)
        self._log.end_attempt(attempt_id, outcome, self._clock.now(), earned, completion_code)
        self._taken_at.pop(attempt_id, None)
        return self._log.attempt(attempt_id)

    def suspend(self) -> bool:
        """SurveyDesk is closing: stop every running stretch; the shift and the attempts stay open, paused.
        Returns whether that was saved, so the quit can tell the worker when it was not.

        On a full disk nothing can be written: the stretches stay open with their last sign of life, and the
        next start asks whether the time since then was work."""
        try:
            self._suspend()
        except DiskFullError:
            self._unsaved = True
            log.warning("the disk is full: the running clocks could not be stopped in the work log")
            return False
        return True

    def _suspend(self) -> None:
        for attempt_id in list(self._attempts):
            self.pause(attempt_id)
        if self._shift is not None:
            now = self._clock.now()
            self._log.close_stretch(self._shift.stretch_id, self._shift.seconds(self._clock.monotonic()), now)
            self._shift = None

    def open_attempts(self) -> list[Attempt]:
        return self._log.open_attempts()

    def is_working(self, attempt_id: int) -> bool:
        """Whether the attempt's time is running now (in this run of SurveyDesk)."""
        return attempt_id in self._attempts

    @property
    def shift_running(self) -> bool:
        return self._shift is not None

    def worked_seconds(self, attempt: Attempt) -> float:
        """Working time of an attempt: its closed stretches plus the one running now, if any."""
        running = self._attempts.get(attempt.id)
        extra = 0.0 if running is None else running.seconds(self._clock.monotonic())
        return attempt.worked_seconds + extra

    def seconds_since_taken(self, attempt: Attempt) -> float:
        """Time since the task was taken, pauses included: what a platform's time limit counts."""
        taken = self._taken_at.get(attempt.id)
        if taken is not None:
            return max(0.0, self._clock.monotonic() - taken)
        return max(0.0, (self._clock.now() - attempt.started_at).total_seconds())

    def remaining_seconds(self, attempt: Attempt) -> float | None:
        if not attempt.time_limit_seconds:
            return None
        return attempt.time_limit_seconds - self.seconds_since_taken(attempt)

    def keep_alive(self) -> None:
        """Write how long each open stretch has run, so a crash loses at most the time since this call. On a
        full disk the clocks run on in memory (`unsaved`) and a later call writes them whole."""
        monotonic = self._clock.monotonic()
        running = [*self._attempts.values(), *([self._shift] if self._shift else [])]
        if not running:
            return
        try:
            self._log.mark_alive(((r.stretch_id, r.seconds(monotonic)) for r in running), self._clock.now())
        except DiskFullError:
            if not self._unsaved:
                log.warning("the disk is full: the running clocks are kept in memory until it has room")
            self._unsaved = True
            return
        self._unsaved = False

    def _start_stretch(self, attempt_id: int, now: datetime, event: str | None) -> None:
        stretch_id = self._log.open_stretch("attempt", attempt_id, now, event)
        self._attempts[attempt_id] = _Running(stretch_id, self._clock.monotonic())

    def _pause_others(self, keep: int | None) -> None:
        for other in [attempt_id for attempt_id in self._attempts if attempt_id != keep]:
            self.pause(other)

    def _open_attempt(self, attempt_id: int) -> Attempt:
        attempt = self._log.attempt(attempt_id)
        if not attempt.is_open:
            raise TimerError(QT_TRANSLATE_NOOP("Timekeeper", "“{0}” has already ended.").filled(attempt.title))
        return attempt

    def _has_interrupted(self, kind: str, owner_id: int) -> bool:
        return any((s.kind, s.owner_id) == (kind, owner_id) for s in self._interrupted)

    def _require_resolved(self, kind: str, owner_id: int) -> None:
        """Time left running by a previous run must be settled before this one counts more on top of it."""
        if self._has_interrupted(kind, owner_id):
            raise TimerError(
                QT_TRANSLATE_NOOP(
                    "Timekeeper", "Say first whether the time while SurveyDesk was closed counts as work."
                )
            )
