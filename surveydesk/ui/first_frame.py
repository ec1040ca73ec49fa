"""Work that waits for a widget's first frame: the worker sees her window first, then what fills it.

SurveyDesk starts by painting its window's frame (app.py); the core, whose modules are most of SurveyDesk, is
built once the frame is on the screen, and the window's lists, Wages and History tabs once its accounts' lines
are (composition.py): run before those paints, they made the window appear later (bench/startup.py). Handed to
`FirstFrame.later`, work runs at the turn of the event loop after the widget's first paint, in the order given.

A widget that is not painted soon (a window started hidden in the tray, a screen that paints nothing) does not
hold the work back longer than `LATEST_MS`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

LATEST_MS = 1000  # a start paints its first frame well within this


class FirstFrame(QObject):
    """Holds work until `widget` has painted once (or `LATEST_MS` passed), then runs it once; later
    work runs at once."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._waiting: list[Callable[[], None]] = []
        self._done = False
        widget.installEventFilter(self)
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
        if watched is self._widget and event.type() == QEvent.Type.Paint and not self._done:
            QTimer.singleShot(0, self, self._run)  # once the frame is on the screen
        return False

    def _run(self) -> None:
        if self._done:
            return
        self._done = True
        self._latest.stop()
        self._widget.removeEventFilter(self)
        waiting, self._waiting = self._waiting, []
        for work in waiting:
            work()
