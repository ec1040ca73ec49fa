"""A fake desktop on the D-Bus session bus: a system tray (StatusNotifierWatcher) and a notification server.

It lets a test run the app's real `QSystemTrayIcon` and read back the notifications Qt really sent. One
jeepney connection with blocking I/O, served by one daemon thread, owns two names:

- `org.kde.StatusNotifierWatcher` at `/StatusNotifierWatcher`: RegisterStatusNotifierItem(s) (signals
  StatusNotifierItemRegistered), RegisterStatusNotifierHost(s), and the read-only properties
  IsStatusNotifierHostRegistered (always true), ProtocolVersion (0) and RegisteredStatusNotifierItems (as).
- `org.freedesktop.Notifications` at `/org/freedesktop/Notifications`: Notify(susssasa{sv}i) -> u, which is
  recorded; GetCapabilities, GetServerInformation and CloseNotification(u). A Notify of another signature is
  refused (InvalidArgs), as a real server refuses it. `answer_notify(False)` makes it a hung server: Notify is
  recorded and never answered. `invoke(id, key)` sends ActionInvoked(id, key), as a click on a button does,
  and `dismiss(id)` NotificationClosed(id, 2), as the worker closing it does.

What Qt needs, found by trial with PySide6 6.11.3 on xcb (dbus-monitor on the session bus) and by reading
qtbase's qgenericunixthemes.cpp and qdbusmenuconnection.cpp:

- Qt 6.11 finds a tray as soon as `org.kde.StatusNotifierWatcher` has an owner (NameHasOwner through a
  QDBusServiceWatcher): it neither introspects the watcher nor reads a property, and no StatusNotifierHost needs
  to register. It asks again on each `isSystemTrayAvailable()`, so a watcher started later is found later; but
  the app's `Tray` decides once, when it is made, so the watcher must be up before that.
- Older Qt (5.x and early 6.x) built a `QDBusInterface` on the watcher, which introspects the object and reads
  `IsStatusNotifierHostRegistered` through the introspected meta-object: that property must be in the
  Introspect XML and be true through Properties.Get. The fake answers both ways.
- Once the icon is shown, Qt registers its connection's unique name as the item (RegisterStatusNotifierItem),
  and `showMessage()` calls Notify(app_name=application name, replaces_id=0, app_icon="dialog-information",
  summary=title, body=message, actions=[], hints={"urgency": 0}, expire_timeout=msecs) for an Information
  message (urgency is the icon type minus one: 0 is "low").
- `showMessage()` does not return before the Notify call is answered (measured: a reply held back 2 s holds
  it 2 s; none holds it until D-Bus's 25 s timeout), and PySide keeps the GIL meanwhile. A fake served by a
  thread of the process showing the notification can therefore not answer, and Qt waits the full 25 s. So
  `FakeDesktopBusProcess` runs the fake in a child process (this file run as a script) and reads back what it
  received; `FakeDesktopBus` serves from a thread, for use from any other process.
"""

from __future__ import annotations

import dataclasses
import json
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Self

from jeepney import DBusAddress, HeaderFields, Message, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

WATCHER_NAME = "org.kde.StatusNotifierWatcher"
WATCHER_PATH = "/StatusNotifierWatcher"
NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"

_PROPERTIES = "org.freedesktop.DBus.Properties"
_INTROSPECTABLE = "org.freedesktop.DBus.Introspectable"
_PEER = "org.freedesktop.DBus.Peer"
_PRIMARY_OWNER = 1  # RequestName's reply when the name is now ours
_DO_NOT_QUEUE = 4  # RequestName flag: fail at once if someone else owns the name

_DOCTYPE = (
    '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"\n'
    ' "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">\n'
)
_STANDARD_INTERFACES = f"""
  <interface name="{_INTROSPECTABLE}">
    <method name="Introspect"><arg name="xml_data" type="s" direction="out"/></method>
  </interface>
  <interface name="{_PEER}">
    <method name="Ping"/>
  </interface>
  <interface name="{_PROPERTIES}">
    <method name="Get">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="property_name" type="s" direction="in"/>
      <arg name="value" type="v" direction="out"/>
    </method>
    <method name="GetAll">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="properties" type="a{{sv}}" direction="out"/>
    </method>
    <method name="Set">
      <arg name="interface_name" type="s" direction="in"/>
      <arg name="property_name" type="s" direction="in"/>
      <arg name="value" type="v" direction="in"/>
    </method>
    <signal name="PropertiesChanged">
      <arg name="interface_name" type="s"/>
      <arg name="changed_properties" type="a{{sv}}"/>
      <arg name="invalidated_properties" type="as"/>
    </signal>
  </interface>"""
_WATCHER_INTERFACE = f"""
  <interface name="{WATCHER_NAME}">
    <method name="RegisterStatusNotifierItem"><arg name="service" type="s" direction="in"/></method>
    <method name="RegisterStatusNotifierHost"><arg name="service" type="s" direction="in"/></method>
    <property name="RegisteredStatusNotifierItems" type="as" access="read"/>
    <property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
    <property name="ProtocolVersion" type="i" access="read"/>
    <signal name="StatusNotifierItemRegistered"><arg name="service" type="s"/></signal>
    <signal name="StatusNotifierItemUnregistered"><arg name="service" type="s"/></signal>
    <signal name="StatusNotifierHostRegistered"/>
    <signal name="StatusNotifierHostUnregistered"/>
  </interface>"""
_NOTIFICATIONS_INTERFACE = f"""
  <interface name="{NOTIFICATIONS_NAME}">
    <method name="Notify">
      <arg name="app_name" type="s" direction="in"/>
      <arg name="replaces_id" type="u" direction="in"/>
      <arg name="app_icon" type="s" direction="in"/>
      <arg name="summary" type="s" direction="in"/>
      <arg name="body" type="s" direction="in"/>
      <arg name="actions" type="as" direction="in"/>
      <arg name="hints" type="a{{sv}}" direction="in"/>
      <arg name="expire_timeout" type="i" direction="in"/>
      <arg name="id" type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg name="id" type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg name="capabilities" type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg name="name" type="s" direction="out"/>
      <arg name="vendor" type="s" direction="out"/>
      <arg name="version" type="s" direction="out"/>
      <arg name="spec_version" type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed">
      <arg name="id" type="u"/>
      <arg name="reason" type="u"/>
    </signal>
    <signal name="ActionInvoked">
      <arg name="id" type="u"/>
      <arg name="action_key" type="s"/>
    </signal>
  </interface>"""
_OBJECTS = {WATCHER_PATH: _WATCHER_INTERFACE, NOTIFICATIONS_PATH: _NOTIFICATIONS_INTERFACE}


@dataclass(frozen=True, slots=True)
class Notification:
    """One Notify call as the notification server received it."""

    id: int
    app_name: str
    app_icon: str
    summary: str
    body: str
    actions: tuple[str, ...]
    expire_timeout: int


class _Recorder:
    """What the fake desktop received, kept under a lock: read from any thread, waited for with a timeout."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._notifications: list[Notification] = []
        self._items: list[str] = []

    @property
    def notifications(self) -> list[Notification]:
        with self._changed:
            return list(self._notifications)

    @property
    def items(self) -> list[str]:
        """The StatusNotifierItems registered with the watcher (Qt's tray icons), in order."""
        with self._changed:
            return list(self._items)

    def wait_for_notification(self, timeout: float, index: int = 0) -> Notification | None:
        """The `index`-th notification received (the first by default), waiting up to `timeout` seconds for
        it; None if it did not come."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self._notifications) <= index:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._changed.wait(left)
            return self._notifications[index]

    def _add_notification(self, note: Notification) -> None:
        with self._changed:
            self._notifications.append(note)
            self._changed.notify_all()

    def _add_item(self, item: str) -> None:
        with self._changed:
            self._items.append(item)
            self._changed.notify_all()


class FakeDesktopBus(_Recorder):
    """Owns the tray watcher and the notification server on a bus (the session bus by default) while started,
    serving them from a daemon thread of this process.

    Not for a process that shows Qt notifications itself: see the module's note on `showMessage()`; use
    `FakeDesktopBusProcess` there.
    """

    def __init__(self, bus: str = "SESSION") -> None:
        super().__init__()
        self._bus = bus
        self._connection: DBusConnection | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._hosts: list[str] = []
        self._next_id = 1
        self._answering = threading.Event()
        self._answering.set()
        self._to_send: queue.Queue[Message] = queue.Queue()  # sent by the service thread, the connection's user

    @property
    def unique_name(self) -> str:
        if self._connection is None:
            raise RuntimeError("the fake desktop bus is not started")
        return self._connection.unique_name

    @property
    def serving(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def answer_notify(self, answering: bool) -> None:
        """False: Notify calls are recorded but never answered, as by a hung notification server."""
        if answering:
            self._answering.set()
        else:
            self._answering.clear()

    def invoke(self, number: int, action: str) -> None:
        """The server's ActionInvoked(number, action): the worker clicked that button of that notification."""
        emitter = DBusAddress(NOTIFICATIONS_PATH, interface=NOTIFICATIONS_NAME)
        self._to_send.put(new_signal(emitter, "ActionInvoked", "us", (number, action)))

    def dismiss(self, number: int) -> None:
        """The server's NotificationClosed(number, 2): the worker dismissed that notification."""
        dismissed = 2
        emitter = DBusAddress(NOTIFICATIONS_PATH, interface=NOTIFICATIONS_NAME)
        self._to_send.put(new_signal(emitter, "NotificationClosed", "uu", (number, dismissed)))

    # --- life cycle -------------------------------------------------------------------------------------

    def start(self) -> Self:
        """Connect, own both names (or fail: another tray or notification server is running), then serve."""
        if self._connection is not None:
            return self
        connection = open_dbus_connection(self._bus)
        try:
            for name in (WATCHER_NAME, NOTIFICATIONS_NAME):
                reply = connection.send_and_get_reply(message_bus.RequestName(name, _DO_NOT_QUEUE), timeout=5)
                if reply.header.message_type is MessageType.error or reply.body[0] != _PRIMARY_OWNER:
                    raise RuntimeError(f"could not own {name} on the {self._bus} bus: {reply.body}")
        except BaseException:
            connection.close()
            raise
        self._connection = connection
        self._stopping.clear()
        self._thread = threading.Thread(target=self._serve, name="fake-desktop-bus", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        connection, thread = self._connection, self._thread
        if connection is None or thread is None:
            return
        self._stopping.set()
        thread.join(timeout=5)
        connection.close()
        self._connection = self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    # --- the service thread -----------------------------------------------------------------------------

    def _serve(self) -> None:
        connection = self._connection
        assert connection is not None
        while not self._stopping.is_set():
            while not self._to_send.empty():
                connection.send(self._to_send.get_nowait())
            try:
                message = connection.receive(timeout=0.05)
            except TimeoutError:
                continue
            except OSError:
                return  # the bus went away (the session ended)
            if message.header.message_type is MessageType.method_call:
                for reply in self._answer(message):
                    connection.send(reply)

    def _answer(self, call: Message) -> list[Message]:
        """The reply to one method call, and any signal it causes."""
        fields = call.header.fields
        path = fields.get(HeaderFields.path, "")
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member, "")
        args = call.body
        if member == "Introspect" and interface in (None, _INTROSPECTABLE):
            return [new_method_return(call, "s", (_introspection(path),))]
        if member == "Ping" and interface in (None, _PEER):
            return [new_method_return(call)]
        if path == WATCHER_PATH and interface == _PROPERTIES:
            return [self._properties(call, member, args)]
        if path == WATCHER_PATH and interface in (None, WATCHER_NAME):
            if member == "RegisterStatusNotifierItem":
                return self._register_item(call, args[0])
            if member == "RegisterStatusNotifierHost":
                self._hosts.append(args[0])
                return [new_method_return(call), _watcher_signal("StatusNotifierHostRegistered")]
        if path == NOTIFICATIONS_PATH and interface in (None, NOTIFICATIONS_NAME):
            if member == "Notify":
                return self._notify(call)
            if member == "GetCapabilities":
                return [new_method_return(call, "as", (["body", "actions"],))]
            if member == "GetServerInformation":
                return [new_method_return(call, "ssss", ("fake-desktop-bus", "SurveyDesk tests", "1", "1.2"))]
            if member == "CloseNotification":
                closed_by_call = 3  # NotificationClosed's reason: closed by a call to CloseNotification
                emitter = DBusAddress(NOTIFICATIONS_PATH, interface=NOTIFICATIONS_NAME)
                closed = new_signal(emitter, "NotificationClosed", "uu", (args[0], closed_by_call))
                return [new_method_return(call), closed]
        return [_error(call, "org.freedesktop.DBus.Error.UnknownMethod", f"No {interface}.{member} at {path}")]

    def _register_item(self, call: Message, service: str) -> list[Message]:
        """Per the spec the argument is a bus name, or an object path on the caller's own connection."""
        if service.startswith("/"):
            service = f"{call.header.fields.get(HeaderFields.sender, '')}{service}"
        self._add_item(service)
        return [new_method_return(call), _watcher_signal("StatusNotifierItemRegistered", "s", (service,))]

    def _notify(self, call: Message) -> list[Message]:
        signature = call.header.fields.get(HeaderFields.signature, "")
        if signature != "susssasa{sv}i":
            return [
                _error(
                    call,
                    "org.freedesktop.DBus.Error.InvalidArgs",
                    f"Notify takes susssasa{{sv}}i, not {signature}",
                )
            ]
        number = self._record(call.body)
        return [new_method_return(call, "u", (number,))] if self._answering.is_set() else []

    def _record(self, args: tuple[Any, ...]) -> int:
        app_name, replaces_id, app_icon, summary, body, actions, _hints, expire_timeout = args
        number = replaces_id or self._next_id
        self._next_id = max(self._next_id, number + 1)
        note = Notification(number, app_name, app_icon, summary, body, tuple(actions), expire_timeout)
        self._add_notification(note)
        return number

    def _properties(self, call: Message, member: str, args: tuple[Any, ...]) -> Message:
        values = {
            "IsStatusNotifierHostRegistered": ("b", True),
            "ProtocolVersion": ("i", 0),
            "RegisteredStatusNotifierItems": ("as", self.items),
        }
        if member == "GetAll":
            return new_method_return(call, "a{sv}", (values if args[0] in ("", WATCHER_NAME) else {},))
        if member == "Get" and args[0] in ("", WATCHER_NAME) and args[1] in values:
            return new_method_return(call, "v", (values[args[1]],))
        if member == "Get":
            return _error(call, "org.freedesktop.DBus.Error.UnknownProperty", f"No property {args[1]}")
        if member == "Set":
            return _error(call, "org.freedesktop.DBus.Error.PropertyReadOnly", "The properties are read-only")
        return _error(call, "org.freedesktop.DBus.Error.UnknownMethod", f"No {_PROPERTIES}.{member}")


def _introspection(path: str) -> str:
    """The XML for one of the two objects, or for a node above them (listing its children), else empty."""
    body = _OBJECTS.get(path, "")
    if body:
        body += _STANDARD_INTERFACES
    prefix = "/" if path == "/" else path + "/"
    children = sorted({known[len(prefix) :].split("/")[0] for known in _OBJECTS if known.startswith(prefix)})
    nodes = "".join(f'\n  <node name="{child}"/>' for child in children)
    return f"{_DOCTYPE}<node>{body}{nodes}\n</node>\n"


def _watcher_signal(name: str, signature: str | None = None, body: tuple[Any, ...] = ()) -> Message:
    return new_signal(DBusAddress(WATCHER_PATH, interface=WATCHER_NAME), name, signature, body)


def _error(call: Message, name: str, text: str) -> Message:
    return new_error(call, name, "s", (text,))


class FakeDesktopBusProcess(_Recorder):
    """`FakeDesktopBus` run in a child Python process (this file as a script), read back here.

    The child reports on its stdout, one JSON object a line: first {"ready": <its unique bus name>} once it owns
    both names (`start()` returns only then), then {"item": ...} and {"notification": {...}} as they come. A
    daemon thread here reads them into the same thread-safe record as `FakeDesktopBus`. It is told on its stdin,
    one JSON object a line: {"answer_notify": bool}, {"invoke": [id, action]} and {"dismiss": id}.
    """

    def __init__(self, python: str = sys.executable, environment: dict[str, str] | None = None) -> None:
        super().__init__()
        self._python = python
        self._environment = environment
        self._told = 0  # commands sent to the child
        self._obeyed = 0  # commands the child said it carried out
        self._process: subprocess.Popen[str] | None = None
        self._reader: threading.Thread | None = None
        self.unique_name = ""

    def start(self) -> Self:
        if self._process is not None:
            return self
        process = subprocess.Popen(  # the child inherits this process's session bus address
            [self._python, str(Path(__file__).resolve())],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=self._environment,
        )
        assert process.stdout is not None
        first = process.stdout.readline()  # the child owns both names, or it failed (and said why on stderr)
        if not first.startswith('{"ready"'):
            process.kill()
            process.wait()
            raise RuntimeError(f"the fake desktop bus did not start (exit code {process.returncode})")
        self.unique_name = json.loads(first)["ready"]
        self._process = process
        self._reader = threading.Thread(target=self._read, args=(process.stdout,), name="fake-desktop-reader")
        self._reader.daemon = True
        self._reader.start()
        return self

    def answer_notify(self, answering: bool) -> None:
        """As `FakeDesktopBus.answer_notify`, in the child."""
        self._tell({"answer_notify": answering})

    def invoke(self, number: int, action: str) -> None:
        """As `FakeDesktopBus.invoke`, in the child."""
        self._tell({"invoke": [number, action]})

    def dismiss(self, number: int) -> None:
        """As `FakeDesktopBus.dismiss`, in the child."""
        self._tell({"dismiss": number})

    def _tell(self, command: dict[str, Any]) -> None:
        process = self._process
        if process is None or process.stdin is None:
            raise RuntimeError("the fake desktop bus is not started")
        process.stdin.write(json.dumps(command) + "\n")
        process.stdin.flush()
        self._told += 1
        with self._changed:  # carried out before anything the caller sends next reaches the child
            if not self._changed.wait_for(lambda: self._obeyed >= self._told, timeout=5):
                raise RuntimeError(f"the fake desktop bus did not carry out {command}")

    def stop(self) -> None:
        process, reader = self._process, self._reader
        if process is None or reader is None:
            return
        if process.stdin is not None:
            process.stdin.close()
        process.terminate()
        process.wait(timeout=5)
        reader.join(timeout=5)
        if process.stdout is not None:
            process.stdout.close()
        self._process = self._reader = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    def _read(self, lines: IO[str]) -> None:
        for line in lines:
            event = json.loads(line)
            if "obeyed" in event:
                with self._changed:
                    self._obeyed = event["obeyed"]
                    self._changed.notify_all()
            elif "item" in event:
                self._add_item(event["item"])
            elif "notification" in event:
                fields = event["notification"]
                fields["actions"] = tuple(fields["actions"])
                self._add_notification(Notification(**fields))


def main() -> int:
    """The child of `FakeDesktopBusProcess`: serve until terminated or until the bus goes away."""
    with FakeDesktopBus() as desktop:
        _report({"ready": desktop.unique_name})
        threading.Thread(
            target=_obey, args=(desktop, sys.stdin), name="fake-desktop-commands", daemon=True
        ).start()
        told_items = told_notes = 0
        while desktop.serving:
            items, notes = desktop.items, desktop.notifications
            for item in items[told_items:]:
                _report({"item": item})
            for note in notes[told_notes:]:
                _report({"notification": dataclasses.asdict(note)})
            told_items, told_notes = len(items), len(notes)
            desktop.wait_for_notification(0.05, index=told_notes)
    return 0


def _obey(desktop: FakeDesktopBus, commands: IO[str]) -> None:
    """The parent's commands, read from stdin until it closes; each one is acknowledged once carried out."""
    for count, line in enumerate(commands, start=1):
        command = json.loads(line)
        if "answer_notify" in command:
            desktop.answer_notify(command["answer_notify"])
        elif "invoke" in command:
            desktop.invoke(*command["invoke"])
        elif "dismiss" in command:
            desktop.dismiss(command["dismiss"])
        _report({"obeyed": count})


_REPORTING = threading.Lock()  # two threads report: each line whole


def _report(event: dict[str, Any]) -> None:
    with _REPORTING:
        print(json.dumps(event), flush=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda _number, _frame: sys.exit(0))
    sys.exit(main())
