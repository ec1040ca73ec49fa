"""SIGTERM and SIGINT (a logout, a shutdown, Ctrl+C) turned into a Qt signal, so SurveyDesk quits the way its
Quit does: the timer suspended, the write in progress finished.

A Python signal handler runs only when the interpreter next gets control, which the Qt event loop may not give
it for a long time; Python writes each signal's number to a socket instead (`signal.set_wakeup_fd`), and a
socket notifier on the event loop reads it.
"""

from __future__ import annotations

import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _let_the_event_loop_handle(_number: int, _frame: FrameType | None) -> None:
    """Python's own handling would end the process (SIGTERM) or raise KeyboardInterrupt in whatever slot runs
    next (SIGINT); the number reaches the event loop through the wakeup socket."""


class StopSignals(QObject):
    """While it lives (until `close()`), SIGTERM and SIGINT emit `received` on the thread that built it."""

    received = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _let_the_event_loop_handle) for number in STOP_SIGNALS}

    def close(self) -> None:
        """Give the signals back to whoever handled them before."""
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()

    def _read(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in numbers:
            if number in STOP_SIGNALS:
                self.received.emit(number)
