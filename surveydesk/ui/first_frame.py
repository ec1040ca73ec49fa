"""Work that waits for the main window's first frame: the worker sees her window first, then its figures fill in.

At start the composition root has more to do than the first frame needs: History's and the wages' first queries
(their replies are laid out on the GUI thread), the question about time missed by a crash, the first polls and
syncs (their threads compete with the GUI thread for the interpreter), the start-up collection of the heap. Run
before the first paint, they made the window appear later (bench/startup.py); handed to `FirstFrame.later`, they
run at the turn of the event loop after the window's first paint, in the order given.

A window that is not painted soon (started hidden in the tray, a screen that paints nothing) does not hold them
back longer than `LATEST_MS`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 1000  # a start paints its first frame well within this


class FirstFrame(QObject):
    """Holds work until `window` has painted once (or `LATEST_MS` passed), then runs it once; later work runs at
    once."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._waiting: list[Callable[[], None]] = []
        self._done = False
        window.installEventFilter(self)
        self._latest = QTimer(self)
        self._latest.setSingleShot(True)
        self._latest.timeout.connect(self._run)
        self._latest.start(LATEST_MS)

    def later(self, work: Callable[[], None]) -> None:
        if self._done:
            work()
        else:
            self._waiting.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._run)  # once the frame is on the screen
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._latest.stop()
        self._window.removeEventFilter(self)
        waiting, self._waiting = self._waiting, []
        for work in waiting:
            work()
