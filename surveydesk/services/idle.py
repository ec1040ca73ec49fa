"""How long the worker has not touched keyboard or mouse, for "only when I am away": the desktop session's idle
time where the desktop tells it (GNOME's IdleMonitor; the freedesktop ScreenSaver of KDE and others), else the
time since the last input in SurveyDesk's own windows.

The desktop is asked on the pool with a short timeout: a D-Bus service that hangs never holds the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QObject
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage

from surveydesk.services.background import Background

_ASK_MS = 500
# (service, object, interface, method): each answers the session's idle time in milliseconds.
_DESKTOP_IDLE = (
    ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor",
     "GetIdletime"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver",
     "GetSessionIdleTime"),
)  # fmt: skip


def desktop_idle(bus: QDBusConnection) -> timedelta | None:
    """The session's idle time from the first desktop service that gives it; None when none does. Blocking."""
    if not bus.isConnected():
        return None
    for service, path, interface, method in _DESKTOP_IDLE:
        reply = bus.call(QDBusMessage.createMethodCall(service, path, interface, method), QDBus.CallMode.Block,
                         _ASK_MS)  # fmt: skip
        arguments = reply.arguments() if reply.type() == QDBusMessage.MessageType.ReplyMessage else []
        if arguments and isinstance(arguments[0], int) and arguments[0] >= 0:
            return timedelta(milliseconds=arguments[0])
    return None


class SessionIdle(QObject):
    """Answers "how long away?" by callback on the GUI thread."""

    def __init__(
        self,
        own_idle: Callable[[], timedelta],
        background: Background,
        bus: QDBusConnection | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._own_idle = own_idle
        self._background = background
        self._bus = bus if bus is not None else QDBusConnection.sessionBus()

    def ask(self, then: Callable[[timedelta], None]) -> None:
        bus = self._bus

        def answer(desktop: timedelta | None) -> None:
            then(desktop if desktop is not None else self._own_idle())

        self._background.run(lambda: desktop_idle(bus), answer, lambda _bug: answer(None))
