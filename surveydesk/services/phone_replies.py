"""Listens to the reply topic where the phone's "Take" buttons post: ntfy's JSON subscription stream, kept open
and opened again with a growing pause whenever it ends (the server restarted, the computer went offline).

Qt's network access reads the stream on the GUI thread's event loop, a line at a time as it arrives: nothing
waits, no thread is held for a connection that lives for hours. What the stream says is untrusted: each message
is only handed on as text, for feed/phone_take.py to check.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

log = logging.getLogger(__name__)

FIRST_RETRY_MS = 1_000
LAST_RETRY_MS = 5 * 60_000
# ntfy sends a keepalive event every 45 s: a stream silent for longer than this is dead, whatever TCP thinks.
SILENCE_MS = 100_000
# ntfy's messages are at most 4 KB; a "line" far longer is not ntfy speaking.
_LONGEST_LINE = 64 * 1024


class ReplyStream(QObject):
    """One subscription at a time; `message` gives each message's text, `connected` each time the stream opens
    (after a restart too)."""

    message = Signal(str)
    connected = Signal()

    def __init__(self, network: QNetworkAccessManager | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._network = network if network is not None else QNetworkAccessManager(self)
        self._url: str | None = None
        self._access_key: str | None = None
        self._reply: QNetworkReply | None = None
        self._since = ""  # the last message's id: the stream opened again asks for those after it
        self.retry_ms = FIRST_RETRY_MS
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._open)

    @property
    def listening(self) -> bool:
        return self._url is not None

    def listen(self, url: str | None, access_key: str | None) -> None:
        """Listens at `url` (an ntfy topic's /json stream) from now on; None: nowhere."""
        if (url, access_key) == (self._url, self._access_key):
            return
        self.stop()
        self._url, self._access_key = url, access_key
        if url is not None:
            self._open()

    def stop(self) -> None:
        self._retry.stop()
        self._url = self._access_key = None
        self._since = ""
        self.retry_ms = FIRST_RETRY_MS
        reply, self._reply = self._reply, None
        if reply is not None:
            reply.abort()
            reply.deleteLater()

    def _open(self) -> None:
        if self._url is None:
            return
        address = self._url + ("?" + urlencode({"since": self._since}) if self._since else "")
        request = QNetworkRequest(QUrl(address))
        request.setTransferTimeout(SILENCE_MS)
        if self._access_key:
            request.setRawHeader(b"Authorization", f"Bearer {self._access_key}".encode())
        reply = self._network.get(request)
        self._reply = reply
        reply.readyRead.connect(lambda: self._read(reply))
        reply.finished.connect(lambda: self._ended(reply))

    def _read(self, reply: QNetworkReply) -> None:
        if reply is not self._reply:
            return
        while reply.canReadLine():
            self._on_line(bytes(reply.readLine().data()))
        if reply.bytesAvailable() > _LONGEST_LINE:
            log.info("the reply stream sent a line too long to be ntfy's; opening it again")
            reply.abort()

    def _on_line(self, line: bytes) -> None:
        try:
            event = json.loads(line)
        except ValueError:
            return
        if not isinstance(event, dict):
            return
        kind = event.get("event")
        if kind == "open":
            self.retry_ms = FIRST_RETRY_MS
            if not self._since and isinstance(event.get("time"), int):
                self._since = str(event["time"])  # no message yet: from when it first listened
            self.connected.emit()
        elif kind == "message" and isinstance(event.get("message"), str):
            if isinstance(event.get("id"), str):
                # ntfy sends the messages after that one (a tap while the stream was down is not lost, the taps
                # seen are not sent again); all it keeps if it does not know the id (a server that lost its
                # cache), whose taps seen here take nothing again: each nonce is good once.
                self._since = event["id"]
            self.message.emit(event["message"])

    def _ended(self, reply: QNetworkReply) -> None:
        if reply is not self._reply:
            return  # stopped, or replaced
        self._reply = None
        reply.deleteLater()
        log.info("the reply stream ended (%s); opening it again in %d ms", reply.error().name, self.retry_ms)
        self._retry.start(self.retry_ms)
        self.retry_ms = min(self.retry_ms * 2, LAST_RETRY_MS)
