"""`--smoke-test`: waits for the first successful poll of every enabled account, then reports one line."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from surveydesk.core.model import AccountKey, PlatformStatus, PollState
from surveydesk.services.poller import Poller


class SmokeTest(QObject):
    """Emits `finished(exit_code, line)` once every account has polled successfully, or when time runs out."""

    finished = Signal(int, str)

    def __init__(self, poller: Poller, timeout_ms: int = 30_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._poller = poller
        self._pending: set[AccountKey] = {status.account for status in poller.statuses()}
        self._counts: dict[AccountKey, int] = {}
        self._last_errors: dict[AccountKey, str] = {}
        self._done = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timeout_ms = timeout_ms

    def start(self) -> None:
        if not self._pending:
            QTimer.singleShot(0, lambda: self._finish(1, "smoke-test failed: no enabled platform account"))
            return
        self._poller.status_changed.connect(self._on_status)
        self._timer.start(self._timeout_ms)

    def _on_status(self, status: PlatformStatus) -> None:
        if status.state is PollState.OK:
            self._pending.discard(status.account)
            self._counts[status.account] = status.task_count
        elif status.state is PollState.ERROR:
            self._last_errors[status.account] = status.message
        if not self._pending:
            platforms = len({key.platform for key in self._counts})
            tasks = sum(self._counts.values())
            self._finish(0, f"smoke-test ok: {platforms} platforms, {tasks} tasks")

    def _on_timeout(self) -> None:
        reasons = [f"{key}: {self._last_errors.get(key, 'no reply')}" for key in sorted(self._pending, key=str)]
        seconds = self._timeout_ms // 1000
        self._finish(1, f"smoke-test failed after {seconds} s: " + "; ".join(reasons))

    def _finish(self, code: int, line: str) -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        self.finished.emit(code, line)
