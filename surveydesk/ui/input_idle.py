"""The time since the worker last pressed a key or moved the mouse in one of SurveyDesk's windows: what "only
when I am away" falls back on when the desktop does not tell its session's idle time."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class InputIdle(QObject):
    """An event filter on the application, so every window's input counts; the monotonic clock, so setting the
    system clock changes nothing."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_input = clock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = self._clock()
        return False

    def idle(self) -> timedelta:
        return timedelta(seconds=self._clock() - self._last_input)
