"""The one way SurveyDesk works off the GUI thread: a callable on the thread pool, its result back by signal.

A result is delivered through a signal of a QObject living on the GUI thread, so Qt queues it there: the
continuation always runs on the GUI thread, never on the pool.
"""

from __future__ import annotations

import logging
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
    and `failed(error)` runs instead.
    """

    _delivered = Signal(object, object)  # continuation, its argument

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._delivered.connect(self._deliver)

    def run(
        self,
        work: Callable[[], T],
        then: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> None:
        def job() -> None:
            try:
                result = work()
            except Exception as error:
                log.exception("background work failed")
                self._delivered.emit(failed, error)
            else:
                self._delivered.emit(then, result)

        self._pool.start(_Job(job))

    @Slot(object, object)
    def _deliver(self, continuation: Callable[[Any], None], argument: object) -> None:
        continuation(argument)
