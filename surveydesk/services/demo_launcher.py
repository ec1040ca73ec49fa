"""Starts the demo as a SurveyDesk of its own and watches its first seconds.

A child that dies at once (the wrong `surveydesk` package on its path, a library missing) would otherwise leave
the welcome page saying the demo is starting. The child runs in a session of its own, so it outlives this
window; only its first seconds are watched, with a non-blocking `poll()` on the GUI thread's timer.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from typing import IO

from PySide6.QtCore import QObject, QTimer, Signal

from surveydesk.autostart import launch_command

_POLL_MS = 250
_WATCH_MS = 20_000  # a demo alive this long has opened its window


def demo_command() -> list[str]:
    """SurveyDesk on the demo exchange: the bundle, or this Python running the installed package."""
    return [*launch_command(), "--demo"]


class DemoLauncher(QObject):
    """One demo start at a time; says whether it took."""

    failed = Signal(str)  # the child stopped with an error at once; its last line on stderr, or ""
    settled = Signal()  # the child is past its first seconds, or handed over to a demo already running

    def __init__(self, command: Sequence[str], watch_ms: int = _WATCH_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._command = list(command)
        self._watch_ms = watch_ms
        self._child: subprocess.Popen[bytes] | None = None
        self._errors: IO[bytes] | None = None  # the child's stderr while it is watched
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._check)
        self._watched_ms = 0

    def start(self) -> bool:
        """Start the child; False when it could not even be started (the program is missing)."""
        if self._timer.isActive():
            return True  # the last start is still being watched
        errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed once the child's first seconds are watched)
        try:
            self._child = subprocess.Popen(  # noqa: S603 (our own executable and arguments)
                self._command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                start_new_session=True,
            )
        except OSError:
            errors.close()
            return False
        self._errors = errors
        self._watched_ms = 0
        self._timer.start()
        return True

    def _check(self) -> None:
        child = self._child
        if child is None:
            self._timer.stop()
            return
        code = child.poll()
        self._watched_ms += _POLL_MS
        if code is None and self._watched_ms < self._watch_ms:
            return
        self._timer.stop()
        self._child = None
        last_words = self._last_error_line()
        if code:
            self.failed.emit(last_words)
        else:
            self.settled.emit()

    def _last_error_line(self) -> str:
        """The child's last line on stderr; its file is closed (the child keeps its own copy of it)."""
        errors, self._errors = self._errors, None
        if errors is None:
            return ""
        with errors:
            errors.seek(0)
            lines = [line.strip() for line in errors.read().decode("utf-8", "replace").splitlines()]
        return next((line for line in reversed(lines) if line), "")
