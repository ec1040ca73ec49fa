"""Progress and cancellation of long work (a first reconciliation, an import, an export), shared with the UI.

The worker thread counts what it did and asks `check()` between steps; the GUI thread reads the counts and may
call `cancel()`. Both sides only touch a few ints and a flag under a lock, so neither waits on the other, and
the work itself decides where it can stop: a long job calls `check()` only where stopping leaves nothing half
written (inside a transaction that will roll back, before a temporary file is renamed).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass


class Cancelled(Exception):
    """The worker asked the job to stop; whatever it had started was undone."""


@dataclass(frozen=True, slots=True)
class ProgressState:
    """A snapshot of a job: `done` of `total` steps (`total` is None while unknown), and what it is doing;
    `parts` counts the whole parts stored so far where the work goes in parts (a reconciliation's pages)."""

    done: int
    total: int | None
    stage: str
    cancelled: bool
    parts: int = 0


class Progress:
    """A job's counter and cancel flag; safe to read and cancel from another thread."""

    def __init__(self, total: int | None = None, stage: str = "") -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._parts = 0
        self._total = total
        self._stage = stage
        self._cancelled = False

    def start(self, total: int | None, stage: str = "") -> None:
        """Begin a (new) stage of `total` steps, counting from zero."""
        with self._lock:
            self._done = 0
            self._parts = 0
            self._total = total
            self._stage = stage

    def advance(self, steps: int = 1) -> None:
        """Count `steps` more done, and stop here (raise `Cancelled`) if the worker asked to."""
        with self._lock:
            self._done += steps
            cancelled = self._cancelled
        if cancelled:
            raise Cancelled

    def count_part(self, steps: int) -> None:
        """Count one more whole part stored, of `steps` steps; never raises: the caller decides where to stop
        (it looks at `cancelled` where stopping loses nothing)."""
        with self._lock:
            self._done += steps
            self._parts += 1

    def check(self) -> None:
        """Raise `Cancelled` if the worker asked to stop; call it where stopping loses nothing."""
        if self.cancelled:
            raise Cancelled

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True

    @property
    def cancelled(self) -> bool:
        with self._lock:
            return self._cancelled

    def state(self) -> ProgressState:
        with self._lock:
            return ProgressState(self._done, self._total, self._stage, self._cancelled, self._parts)
