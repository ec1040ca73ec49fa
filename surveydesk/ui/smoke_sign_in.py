"""`--smoke-test --demo`, after the polls: the sign-in window opens each platform's sign-in page of the demo and
signs in, as the worker would, so a bundle that lost part of its web engine fails its smoke test."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from surveydesk.platforms.web_session import CapturedSession, SignIns, WebSignIn
from surveydesk.ui.sign_in_window import SignInWindow


class SignInSmokeTest(QObject):
    """Signs in to each of `sign_ins.web` in turn, with `script` (the demo worker's hands, run on each page
    loaded) filling the forms; emits `finished(exit_code, line)` once all gave a session, or when time runs
    out. Each window is gone (its page and web engine processes with it) before the next opens."""

    finished = Signal(int, str)

    def __init__(
        self,
        sign_ins: SignIns,
        name_of: Callable[[str], str],
        script: str,
        timeout_ms: int = 60_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._queue = list(sign_ins.web.items())
        self._name_of = name_of
        self._script = script
        self._parent = parent
        self._signed_in: list[str] = []
        self._window: SignInWindow | None = None
        self._started = time.monotonic()
        self._done = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timer.setInterval(timeout_ms)

    def start(self) -> None:
        self._started = time.monotonic()
        self._timer.start()
        self._next()

    def _next(self) -> None:
        self._window = None
        if self._done:
            return
        if not self._queue:
            seconds = time.monotonic() - self._started
            self._finish(0, f"signed in to {len(self._signed_in)} sign-in pages in {seconds:.1f} s")
            return
        platform, web = self._queue.pop(0)
        window = SignInWindow(web.session_watch(), self._name_of(platform), self._parent)
        view = window.findChild(QWebEngineView)
        assert view is not None
        page = view.page()
        page.loadFinished.connect(lambda ok: page.runJavaScript(self._script) if ok else None)
        window.signed_in.connect(lambda captured: self._captured(platform, web, captured))
        window.destroyed.connect(self._next)
        self._window = window
        window.show()

    def _captured(self, platform: str, web: WebSignIn, captured: CapturedSession) -> None:
        if web.secret(captured) is None:
            self._finish(1, f"smoke-test failed: the {platform} sign-in page gave no usable session")
        else:
            self._signed_in.append(platform)

    def _on_timeout(self) -> None:
        waiting = [platform for platform, _web in self._queue]
        self._finish(1, f"smoke-test failed: no session from a sign-in page in time (left: {waiting})")

    def _finish(self, code: int, line: str) -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        if self._window is not None:
            self._window.close()
        self.finished.emit(code, line)
