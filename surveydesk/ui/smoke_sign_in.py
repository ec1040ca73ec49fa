"""`--smoke-test --demo`, after the polls: a sign-in process opens each platform's sign-in page of the demo and
signs in, as the worker would, so a bundle that lost part of its web engine (or cannot start itself to sign in)
fails its smoke test; and SurveyDesk's own process must not have loaded the web engine meanwhile."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from surveydesk.core.model import AccountKey
from surveydesk.ui.sign_in_messages import SignInOutcome
from surveydesk.ui.sign_in_process import SignInApart, web_engine_in_this_process

SMOKE_ACCOUNT = "smoke-test"


class SignInSmokeTest(QObject):
    """Signs in to each of `platforms` in turn through `apart` (whose hands fill the forms, and which hands the
    session back); emits `finished(exit_code, line)` once all gave a session, or at the first that did not, or
    when time runs out. Each sign-in process is gone (its web engine with it) before the next starts."""

    finished = Signal(int, str)

    def __init__(
        self, apart: SignInApart, platforms: list[str], timeout_ms: int = 120_000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._apart = apart
        self._queue = list(platforms)
        self._signed_in: list[str] = []
        self._started = time.monotonic()
        self._done = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._timer.setInterval(timeout_ms)
        apart.finished.connect(self._ended)

    def start(self) -> None:
        self._started = time.monotonic()
        self._timer.start()
        self._next()

    def _next(self) -> None:
        if self._done:
            return
        if not self._queue:
            self._all_signed_in()
            return
        self._apart.start(AccountKey(self._queue[0], SMOKE_ACCOUNT))

    def _ended(self, key: AccountKey, outcome: SignInOutcome | None, session: str | None) -> None:
        if outcome is not SignInOutcome.SIGNED_IN or not session:
            said = "no usable session" if outcome is None else outcome.value
            self._finish(1, f"smoke-test failed: the {key.platform} sign-in process ended with {said}")
            return
        self._signed_in.append(self._queue.pop(0))
        self._next()

    def _all_signed_in(self) -> None:
        loaded = web_engine_in_this_process()
        if loaded:
            self._finish(1, f"smoke-test failed: SurveyDesk's own process loaded the web engine ({loaded})")
            return
        seconds = time.monotonic() - self._started
        self._finish(0, f"signed in to {len(self._signed_in)} sign-in pages in {seconds:.1f} s")

    def _on_timeout(self) -> None:
        self._finish(1, f"smoke-test failed: no session from a sign-in page in time (left: {self._queue})")

    def _finish(self, code: int, line: str) -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        self._apart.stop()  # a sign-in process still running (time ran out) closes its window
        self.finished.emit(code, line)
