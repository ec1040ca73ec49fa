"""One SurveyDesk per data folder: a second start asks the running one to come forward, then leaves.

Two pollers on the same accounts would ask every platform twice as often and write the same database from two
processes; a local socket named after the data folder lets the second start find the first.
"""

from __future__ import annotations

import getpass
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_CONNECT_MS = 500
_GREETING = b"show\n"


def server_name(data_dir: Path) -> str:
    """A name of this user and this data folder, short enough for every platform's socket paths."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"surveydesk-{getpass.getuser()}-{digest}"


class SingleInstance(QObject):
    """Call `claim()` once at start: False means another SurveyDesk has been asked to show itself."""

    activation_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._server = QLocalServer(self)
        self._server.newConnection.connect(self._on_connection)

    def claim(self) -> bool:
        if self._ask_running_instance():
            return False
        # No one answered: a socket file left by a crashed SurveyDesk must not block this one.
        QLocalServer.removeServer(self._name)
        return self._server.listen(self._name)

    def _ask_running_instance(self) -> bool:
        socket = QLocalSocket()  # no parent: Python frees it when this returns
        socket.connectToServer(self._name)
        if not socket.waitForConnected(_CONNECT_MS):
            return False
        socket.write(_GREETING)
        socket.waitForBytesWritten(_CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _on_connection(self) -> None:
        # The greeting is written as soon as the other start connects, so it is read here at once; the
        # connection stays a child of the server (no deleteLater that could outlive it).
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            if connection.bytesAvailable() or connection.waitForReadyRead(_CONNECT_MS):
                greeting = bytes(connection.readAll().data())
                if greeting.startswith(_GREETING.strip()):
                    self.activation_requested.emit()
            connection.abort()
