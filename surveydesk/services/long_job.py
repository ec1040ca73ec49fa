"""Long work on the pool with a progress count and a cancel button: imports, exports, a first reconciliation.

The job gets a `Progress` (surveydesk.core.progress) to count on and to look at for a cancel. The GUI thread
reads the count a few times a second with a timer instead of being sent a signal per step, so a job of a
million rows costs the GUI nothing more than one that does ten.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from surveydesk.core.errors import PlatformError
from surveydesk.core.progress import Cancelled, Progress
from surveydesk.core.translatable import Sentence
from surveydesk.services.background import Background

log = logging.getLogger(__name__)

POLL_MS = 100
# What a job may raise that is the world's fault, not ours: told to the worker in words, with no traceback.
EXPECTED_ERRORS: tuple[type[Exception], ...] = (PlatformError, ValueError, OSError)


class LongJob(QObject):
    """Runs one job at a time; `progressed(done, total)` (total -1 while unknown), then exactly one of
    `finished(result)`, `cancelled()` or `failed(message)`."""

    progressed = Signal(int, int)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(object)  # str: what went wrong, in words (a Sentence when the work wrote one)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._background = Background(pool, self)
        self._progress: Progress | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._report)

    @property
    def running(self) -> bool:
        return self._progress is not None

    def start(self, work: Callable[[Progress], Any]) -> Progress:
        """Run `work(progress)` on the pool; refused while another job runs."""
        if self._progress is not None:
            raise RuntimeError("a long job is already running")
        progress = self._progress = Progress()

        def job() -> tuple[str, Any]:
            try:
                return "finished", work(progress)
            except Cancelled:
                return "cancelled", None
            except EXPECTED_ERRORS as error:
                log.warning("long job stopped: %s", error)
                said = error.args[0] if len(error.args) == 1 else None
                return "failed", said if isinstance(said, Sentence) else str(error)

        self._timer.start()
        self._background.run(job, self._on_done, self._on_crash)
        return progress

    def cancel(self) -> None:
        """Ask the running job to stop where it loses nothing; it answers with `cancelled`."""
        if self._progress is not None:
            self._progress.cancel()

    def _report(self) -> None:
        if self._progress is not None:
            state = self._progress.state()
            self.progressed.emit(state.done, -1 if state.total is None else state.total)

    def _on_done(self, outcome: tuple[str, Any]) -> None:
        self._report()
        self._stop()
        kind, value = outcome
        if kind == "finished":
            self.finished.emit(value)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)

    def _on_crash(self, _error: Exception) -> None:
        self._stop()
        self.failed.emit(self.tr("Something went wrong on our side; see the log file. Nothing was changed."))

    def _stop(self) -> None:
        self._timer.stop()
        self._progress = None
