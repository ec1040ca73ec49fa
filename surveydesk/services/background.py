"""The one way SurveyDesk works off the GUI thread: a callable on the thread pool, its result back by signal.

A result is delivered through a signal of a QObject living on the GUI thread, so Qt queues it there: the
continuation always runs on the GUI thread, never on the pool.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Job(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


class Background(QObject):
    """Runs `work` on the pool, then `then(result)` on the thread that owns this object (the GUI thread).

    If `work` raises, the traceback is logged (it is a bug of ours: platform trouble is returned, not raised)
    and `failed(error)` runs instead. Only a job number crosses threads by signal; the continuation and its
    argument wait here under a lock, held by strong references until delivered, so no Python object depends
    on how the Qt binding counts references across a queued connection.
    """

    _finished = Signal(int)  # the number of a job whose outcome waits in `_outcomes`

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._lock = threading.Lock()
        self._numbers = itertools.count()
        self._outcomes: dict[int, tuple[Callable[[Any], None], object]] = {}
        self._finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], T],
        then: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> None:
        number = next(self._numbers)

        def job() -> None:
            outcome: tuple[Callable[[Any], None], object]
            try:
                outcome = (then, work())
            except Exception as error:
                log.exception("background work failed")
                outcome = (failed, error)
            with self._lock:
                self._outcomes[number] = outcome
            self._finished.emit(number)

        self._pool.start(_Job(job))

    @Slot(int)
    def _deliver(self, number: int) -> None:
        with self._lock:
            continuation, argument = self._outcomes.pop(number)
        continuation(argument)
