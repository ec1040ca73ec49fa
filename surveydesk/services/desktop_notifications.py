"""Desktop alerts through the freedesktop notification server on the session bus, sent without ever waiting.

`QSystemTrayIcon.showMessage()` calls the server's Notify and does not return (holding the GIL) until it is
answered: a hung notification server froze the window up to D-Bus's 25 s. Here jeepney's threading router owns a
bus connection of our own. A call is written to the bus's socket from the GUI thread (a write, never a wait);
what comes back (Notify's answer or error, the server's ActionInvoked and NotificationClosed signals) is read by
the router's thread and handed to the GUI thread by a Qt signal. A call not answered within `answer_within_ms`
counts as failed, said by `failed` until an alert gets through again (`delivered`).

Qt's own QtDBus cannot be used from Python for this: PySide sends a Python int as an int32 where Notify's
`replaces_id` is a uint32, and a notification server refuses the call.
"""

from __future__ import annotations

import logging
import os
import sys
from queue import Queue

from jeepney import DBusAddress, HeaderFields, Message, MessageType, new_method_call
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.threading import DBusConnection, DBusRouter, open_dbus_connection
from PySide6.QtCore import QObject, QTimer, Signal

from surveydesk import APP_NAME
from surveydesk.feed.alerts import Alert
from surveydesk.feed.health import DESKTOP_NO_ANSWER, DESKTOP_REFUSED
from surveydesk.services.background import Background

log = logging.getLogger(__name__)

SERVER = DBusAddress("/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                     "org.freedesktop.Notifications")  # fmt: skip
# Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout) -> id
NOTIFY_SIGNATURE = "susssasa{sv}i"
TAKE = "take"  # the action key of an alert's "Take" button
DEFAULT = "default"  # the key the server sends for a click on the alert itself
ANSWER_WITHIN_MS = 4_000
_SHOWN_MS = 10_000
_INFORMATION_ICON = "dialog-information"
_LOW_URGENCY = 0
_UNANSWERED_KEPT = 20
_SERVER_SIGNALS = ("ActionInvoked", "NotificationClosed")


def on_session_bus() -> bool:
    """Whether the desktop's alerts go through a notification server on the session bus (Linux and the BSDs'
    desktops); elsewhere (Windows, macOS) the tray icon shows them."""
    return sys.platform.startswith(("linux", "freebsd", "openbsd")) and bool(
        os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    )


class _Inbox(QObject):
    """The router's thread puts what the bus sent in a queue and rings; the GUI thread empties it."""

    rang = Signal()


class _RingingQueue(Queue[Message]):
    """A queue for `DBusRouter.filter` that also wakes the GUI thread each time the router's thread adds to it."""

    def __init__(self, inbox: _Inbox) -> None:
        super().__init__()
        self._inbox = inbox

    def put_nowait(self, item: Message) -> None:
        super().put_nowait(item)
        self._inbox.rang.emit()


class DesktopNotifications(QObject):
    """Shows alerts on the desktop; a click on an alert's "Take" asks to take its task, on the alert itself to
    open the list. Built by the composition root where the desktop has a session bus; `close()` before it goes."""

    delivered = Signal(object)  # the Alert a notification server took
    failed = Signal(object, object)  # why alerts do not reach the desktop (a Sentence), the Alert or None
    take_requested = Signal(object)  # Task
    open_requested = Signal()

    def __init__(
        self,
        background: Background,
        bus: str = "SESSION",
        answer_within_ms: int = ANSWER_WITHIN_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._background = background
        self._bus = bus
        self._answer_within_ms = answer_within_ms
        self._inbox = _Inbox(self)
        self._queue = _RingingQueue(self._inbox)
        self._inbox.rang.connect(self._read_inbox)
        self._router: DBusRouter | None = None
        self._opening = False
        self._closed = False
        self._waiting: list[tuple[Alert, str]] = []  # alerts shown before the connection was open
        self._calls: dict[int, Alert] = {}  # serial of a Notify call -> what it showed
        self._shown: dict[int, Alert] = {}  # the server's id of a notification -> its alert

    def notify(self, alert: Alert, take_label: str) -> None:
        """Shows `alert`; one about a single task gets a button, `take_label` in the worker's language."""
        if self._closed:
            return
        if self._router is None:
            self._waiting.append((alert, take_label))
            self._open()
            return
        actions = [DEFAULT, alert.title]
        if len(alert.tasks) == 1:
            actions += [TAKE, take_label]
        hints = {"urgency": ("y", _LOW_URGENCY)}
        body = (APP_NAME, 0, _INFORMATION_ICON, alert.title, alert.body, actions, hints, _SHOWN_MS)
        call = new_method_call(SERVER, "Notify", NOTIFY_SIGNATURE, body)
        serial = self._send(call, alert)
        if serial is None:
            return
        self._calls[serial] = alert
        QTimer.singleShot(self._answer_within_ms, self, lambda: self._check_answered(serial))

    def close(self) -> None:
        """Stops the router's thread and closes the connection; alerts after this are dropped."""
        self._closed = True
        router, self._router = self._router, None
        if router is not None:
            router.close()
            router.conn.close()

    # --- the connection ---------------------------------------------------------------------------------

    def _open(self) -> None:
        """Connects on the pool: connecting and saying Hello to the bus wait for its answers."""
        if self._opening:
            return
        self._opening = True
        bus = self._bus
        self._background.run(lambda: open_dbus_connection(bus), self._opened, self._not_opened)

    def _opened(self, connection: DBusConnection) -> None:
        self._opening = False
        if self._closed:
            connection.close()
            return
        router = DBusRouter(connection)
        self._router = router
        for rule in _rules():
            router.filter(rule, queue=self._queue)
        for member in _SERVER_SIGNALS:
            match = MatchRule(type="signal", interface=SERVER.interface, path=SERVER.object_path, member=member)
            self._send(message_bus.AddMatch(match))
        waiting, self._waiting = self._waiting, []
        for alert, take_label in waiting:
            self.notify(alert, take_label)

    def _not_opened(self, error: Exception) -> None:
        self._opening = False
        log.warning("no session bus for desktop alerts: %s", type(error).__name__)
        waiting, self._waiting = self._waiting, []
        lost: list[Alert | None] = [alert for alert, _label in waiting]
        for alert in lost or [None]:
            self.failed.emit(DESKTOP_NO_ANSWER, alert)

    def _send(self, message: Message, alert: Alert | None = None) -> int | None:
        router = self._router
        if router is None:
            return None
        serial: int = next(router.conn.outgoing_serial)  # only the GUI thread sends
        try:
            router.send(message, serial=serial)
        except OSError as error:
            log.warning("the session bus went away: %s", type(error).__name__)
            self.failed.emit(DESKTOP_NO_ANSWER, alert)
            return None
        return serial

    # --- what comes back, on the GUI thread ---------------------------------------------------------------

    def _read_inbox(self) -> None:
        while not self._queue.empty():
            self._on_message(self._queue.get_nowait())

    def _on_message(self, message: Message) -> None:
        header = message.header
        kind = header.message_type
        if kind is MessageType.signal:
            self._on_server_signal(header.fields.get(HeaderFields.member, ""), message.body)
            return
        sent = self._calls.pop(header.fields.get(HeaderFields.reply_serial, -1), None)
        if sent is None:
            return  # the bus's answer to AddMatch
        if kind is MessageType.error:
            log.warning("the notification server refused an alert: %s", header.fields.get(HeaderFields.error_name))
            self.failed.emit(DESKTOP_REFUSED, sent)
            return
        self._shown[message.body[0]] = sent
        self.delivered.emit(sent)

    def _on_server_signal(self, member: str, body: tuple[object, ...]) -> None:
        number = body[0]
        if not isinstance(number, int):
            return
        if member == "NotificationClosed":
            self._shown.pop(number, None)
            return
        alert = self._shown.get(number)
        if alert is None:
            return  # another application's notification
        if body[1] == TAKE and len(alert.tasks) == 1:
            self.take_requested.emit(alert.tasks[0])
        elif body[1] == DEFAULT:
            self.open_requested.emit()

    def _check_answered(self, serial: int) -> None:
        """An alert the server has not answered in time is taken as lost; a late answer still counts. Only the
        newest unanswered calls are kept: a server hung for days must not grow this."""
        alert = self._calls.get(serial)
        if alert is None:
            return
        log.warning("the notification server did not answer within %d ms", self._answer_within_ms)
        self.failed.emit(DESKTOP_NO_ANSWER, alert)
        while len(self._calls) > _UNANSWERED_KEPT:
            del self._calls[next(iter(self._calls))]


def _rules() -> list[MatchRule]:
    """What the router hands us: every answer to our calls, and the notification server's signals."""
    answers = [MatchRule(type=kind) for kind in ("method_return", "error")]
    signals = [MatchRule(type="signal", interface=SERVER.interface, member=member) for member in _SERVER_SIGNALS]
    return answers + signals
