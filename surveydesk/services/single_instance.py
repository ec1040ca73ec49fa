"""One SurveyDesk per data folder: a second start asks the running one to come forward, then leaves.

Two pollers on the same accounts would ask every platform twice as often and write the same database from two
processes. A lock file in the data folder says at once whether another SurveyDesk has the folder: taken or not in
one step, so two starts at the same moment (a double click) cannot both run; a dead SurveyDesk's lock is taken
over. The running SurveyDesk also listens on a local socket named after the folder, through which a second start
asks it to come forward; it opens it once its window's frame is painted (`listen`), since Qt's network module costs
about 8 ms at start (bench/startup.py), and only a second start imports it to ask.
"""

from __future__ import annotations

import getpass
import hashlib
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

LOCK_FILE_NAME = "surveydesk.lock"
_CONNECT_MS = 500
_GREETING = b"show\n"
# A SurveyDesk listens within a second or two of taking the lock: a lock this old whose holder does not answer was
# left by a SurveyDesk that died, its process number since reused by a program of the same name.
_SILENT_LOCK_SECONDS = 60


def server_name(data_dir: Path) -> str:
    """A name of this user and this data folder, short enough for every platform's socket paths."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"surveydesk-{getpass.getuser()}-{digest}"


class Claim(Enum):
    """What a start found: the folder is its own (`TAKEN`), or another SurveyDesk has it and was asked to show
    itself (`SHOWN`), or has it and is still starting, not listening yet: its window is on its way (`STARTING`)."""

    TAKEN = "taken"
    SHOWN = "shown"
    STARTING = "starting"


class SingleInstance(QObject):
    """`claim()` once at start, before any window: anything but `Claim.TAKEN` means another SurveyDesk has the
    folder. Once the window is up, `listen()` for later starts; `release()` when SurveyDesk ends."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(data_dir)
        self._lock_path = data_dir / LOCK_FILE_NAME
        self._lock = QLockFile(str(self._lock_path))
        self._lock.setStaleLockTime(0)  # held as long as SurveyDesk runs: only a dead holder's lock is stale

    def claim(self) -> Claim:
        if self._lock.tryLock(0):
            return Claim.TAKEN
        if self._ask_running_instance():
            return Claim.SHOWN
        if self._lock_age_seconds() < _SILENT_LOCK_SECONDS:
            return Claim.STARTING
        self._lock.removeStaleLockFile()
        return Claim.TAKEN if self._lock.tryLock(0) else Claim.STARTING  # another start took it over first

    def listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.newConnection.connect(lambda: self._on_connection(server))
        QLocalServer.removeServer(self._name)  # a socket file left by a SurveyDesk that died
        server.listen(self._name)

    def release(self) -> None:
        self._lock.unlock()

    def _lock_age_seconds(self) -> float:
        try:
            return time.time() - self._lock_path.stat().st_mtime
        except OSError:  # its holder just released it
            return 0.0

    def _ask_running_instance(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()  # no parent: Python frees it when this returns
        socket.connectToServer(self._name)
        if not socket.waitForConnected(_CONNECT_MS):
            return False
        socket.write(_GREETING)
        socket.waitForBytesWritten(_CONNECT_MS)
        socket.disconnectFromServer()
        return True

    def _on_connection(self, server: QLocalServer) -> None:
        # The greeting is written as soon as the other start connects, so it is read here at once; the
        # connection stays a child of the server (no deleteLater that could outlive it).
        while server.hasPendingConnections():
            connection = server.nextPendingConnection()
            if connection.bytesAvailable() or connection.waitForReadyRead(_CONNECT_MS):
                greeting = bytes(connection.readAll().data())
                if greeting.startswith(_GREETING.strip()):
                    self.activation_requested.emit()
            connection.abort()
