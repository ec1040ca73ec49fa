"""The time since the worker last pressed a key or moved the mouse in one of SurveyDesk's windows: what "only
when I am away" falls back on when the desktop does not tell its session's idle time."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Slot
from PySide6.QtGui import QGuiApplication, QWindow

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
    """An event filter on each of SurveyDesk's windows the worker turns to (`watch_windows`), so every window's
    input counts; the monotonic clock, so setting the system clock changes nothing."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_input = clock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last_input = self._clock()
        return False

    def watch_windows(self, application: QCoreApplication) -> None:
        """Watch each window of the (GUI) application as it gets the focus: key presses go there, and the mouse
        while she works in it.

        Not a filter on the application itself: PySide would then wrap every object an event goes to, and a web
        view (the sign-in window's) holds one it cannot wrap, which crashes SurveyDesk as the window opens."""
        assert isinstance(application, QGuiApplication)
        application.focusWindowChanged.connect(self._watch)
        self._watch(application.focusWindow())

    @Slot(QWindow)  # a slot of this object: Qt disconnects it when the object goes, before the next focus change
    def _watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: a filter installed again only moves to the front

    def idle(self) -> timedelta:
        return timedelta(seconds=self._clock() - self._last_input)
