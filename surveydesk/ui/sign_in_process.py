"""The sign-in window in a process of its own, which ends when the window closes, and the web engine with it.

Qt WebEngine, once started, stays in the process that started it: the sign-in window's Chromium processes (its
zygotes alone about 42 MB) would stay with SurveyDesk until it quits. So the accounts dialog starts SurveyDesk
again as `surveydesk --sign-in` (`SignInApart`), and that process shows the same `SignInWindow`, keeps what the
platform's sign-in takes, and ends. SurveyDesk's own process never loads the web engine at all.

What crosses between the two processes goes through pipes only, never a file nor the command line (which other
users can read): the account and where to sign in (the child's standard input, one JSON line), and how it went
(the last line of its standard output, one JSON object), as ui/sign_in_messages.py writes them. Where the worker's
logins are in the keyring, the session never crosses: the child reads the stored one (to seed the page) from the
keyring and writes the new one there, and the dialog reads it back from the keyring. Where they live in
SurveyDesk's memory (the demo's, or this run's only when no keyring works: `hand_back`), the parent sends the
stored session on a second line of the child's input and the child hands the new one back in its reply; neither
is ever logged.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from surveydesk.core.model import AccountKey
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.web_session import CapturedSession, SignInPlace
from surveydesk.secrets import KeyringSecrets, SecretsUnavailable
from surveydesk.ui.sign_in_messages import (
    KEEPER_KEYRING,
    KEEPER_PARENT,
    SignInOutcome,
    SignInReply,
    SignInRequest,
)

SIGN_IN_ARGUMENT = "--sign-in"
QUIT_WAIT_MS = 5_000


def sign_in_command() -> list[str]:
    """How SurveyDesk starts itself to sign in: the bundle's executable is SurveyDesk itself (PyInstaller's
    `sys.frozen`), else the interpreter runs the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SIGN_IN_ARGUMENT]
    return [sys.executable, "-m", "surveydesk", SIGN_IN_ARGUMENT]


class SignInApart(QObject):
    """Starts a sign-in process for one account at a time (`start`) and emits `finished(key, outcome, session)`
    when it ends: a `SignInOutcome`, or None when it crashed, could not start or said nothing readable; and, with
    `hand_back`, the session the child signed in to (None otherwise: it is in the keyring). It never waits on the
    GUI thread: the process is a QProcess, heard through its signals.

    `places`: where each platform is signed in to when not at its real site (None: the real sites);
    `language`: the worker's choice, so that the window speaks her language; `hand_back`: SurveyDesk holds the
    logins in its memory (the demo, or no working keyring), so the session travels through the pipes."""

    finished = Signal(object, object, object)  # AccountKey, SignInOutcome | None, str | None

    def __init__(
        self,
        language: str,
        places: Mapping[str, SignInPlace] | None = None,
        hands: str = "",
        *,
        hand_back: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._places = places
        self._hands = hands
        self._hand_back = hand_back
        self._process: QProcess | None = None
        self._key: AccountKey | None = None
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self._close_with_surveydesk)

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, key: AccountKey, stored: str | None = None) -> bool:
        """Open the sign-in window for `key` in a process of its own; False (nothing new opens) while one runs.
        `stored`: the account's session held in memory, which seeds the page (with `hand_back` only: otherwise the
        child reads it from the keyring)."""
        if self._process is not None:
            return False
        place = None if self._places is None else self._places.get(key.platform)
        request = SignInRequest(
            key.platform,
            key.account,
            self._language,
            "" if place is None else place.page,
            "" if place is None else place.server,
            self._hands,
            KEEPER_PARENT if self._hand_back else KEEPER_KEYRING,
        )
        command = sign_in_command()
        process = QProcess(self)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        # The web engine's messages go where SurveyDesk's own go; standard output carries the reply only.
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        # Slots of this object, not lambdas: deleted with it, the process (killed by its destructor) reaches none.
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._failed)
        self._process, self._key = process, key
        process.start()
        process.write(request.line())
        if self._hand_back:
            process.write((json.dumps(stored) + "\n").encode())
        process.closeWriteChannel()
        return True

    def stop(self) -> None:
        """Ask the sign-in process to close its window (SIGTERM, which it handles as the worker's close)."""
        if self._process is not None:
            self._process.terminate()

    def _close_with_surveydesk(self) -> None:
        """SurveyDesk quits: the window closes as if the worker closed it, and its process ends before
        SurveyDesk's (a few seconds at most), rather than be killed with its web engine half-way."""
        process = self._process
        if process is not None:
            process.terminate()
            process.waitForFinished(QUIT_WAIT_MS)

    def _ended(self, _code: int, status: QProcess.ExitStatus) -> None:
        process = self._process
        if process is None:
            return
        reply = SignInReply.read(bytes(process.readAllStandardOutput().data()))
        if reply is None or status != QProcess.ExitStatus.NormalExit:
            self._finish(None, None)
        elif self._hand_back and reply.outcome is SignInOutcome.SIGNED_IN and reply.session is None:
            self._finish(None, None)  # signed in, yet the session did not come back: as good as a crash
        else:
            self._finish(reply.outcome, reply.session if self._hand_back else None)

    def _failed(self, error: QProcess.ProcessError) -> None:
        """A process that could not start never emits `finished`; any other error is followed by it."""
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(None, None)

    def _finish(self, outcome: SignInOutcome | None, session: str | None) -> None:
        process, key = self._process, self._key
        if process is None or key is None:
            return
        self._process, self._key = None, None
        process.deleteLater()
        self.finished.emit(key, outcome, session)


def sign_in_here(stdin: TextIO, stdout: TextIO) -> int:
    """`surveydesk --sign-in`: read the request, show the sign-in window, keep the session (in the keyring, or in
    the reply for the parent to keep), write how it went (a `SignInReply`) on `stdout` and end. Nothing of
    SurveyDesk's data is opened."""
    try:
        request = SignInRequest.read(stdin.readline())
        handed = json.loads(stdin.readline()) if request.keeper == KEEPER_PARENT else None
    except (ValueError, TypeError):
        return _said(stdout, SignInReply(SignInOutcome.UNUSABLE_REQUEST))
    place = {request.platform: SignInPlace(request.page, request.server)} if request.page else None
    web = BUILT_IN.sign_ins(place).web.get(request.platform)
    if web is None or not (handed is None or isinstance(handed, str)):
        return _said(stdout, SignInReply(SignInOutcome.UNUSABLE_REQUEST))
    secrets = None if request.keeper == KEEPER_PARENT else KeyringSecrets()
    try:
        stored = handed if secrets is None else secrets.get(request.key)
    except SecretsUnavailable:
        return _said(stdout, SignInReply(SignInOutcome.KEYRING_REFUSED))

    # Imported here: the web engine is loaded in this process only.
    from surveydesk.services.stop_signals import StopSignals
    from surveydesk.ui.application import create_application
    from surveydesk.ui.sign_in_window import SignInWindow
    from surveydesk.ui.translations import install_translators
    from surveydesk.ui.web_engine import prepare_web_engine

    prepare_web_engine()
    app = create_application(["surveydesk"])
    install_translators(app, request.language)
    app.setQuitOnLastWindowClosed(False)  # it quits once the window is deleted, its page and profile with it
    stop_signals = StopSignals(app)  # before the web engine starts: a SIGTERM then closes the window, as she would
    reply = SignInReply(SignInOutcome.CLOSED)

    def signed_in(captured: CapturedSession) -> None:
        nonlocal reply
        secret = web.secret(captured)
        if secret is None:
            reply = SignInReply(SignInOutcome.NO_SESSION)
        elif secrets is None:
            reply = SignInReply(SignInOutcome.SIGNED_IN, secret)
        else:
            try:
                secrets.set(request.key, secret)
            except SecretsUnavailable:
                reply = SignInReply(SignInOutcome.KEYRING_REFUSED)
            else:
                reply = SignInReply(SignInOutcome.SIGNED_IN)

    window = SignInWindow(web.session_watch(stored), BUILT_IN.name(request.platform))
    window.signed_in.connect(signed_in)
    window.destroyed.connect(app.quit)
    if request.hands:
        page = window.page
        page.loadFinished.connect(lambda ok: page.runJavaScript(request.hands) if ok else None)
    stop_signals.received.connect(window.reject)
    window.show()
    app.exec()
    stop_signals.close()
    return _said(stdout, reply)


def _said(stdout: TextIO, reply: SignInReply) -> int:
    stdout.write(reply.line())
    stdout.flush()
    return 0 if reply.outcome in (SignInOutcome.SIGNED_IN, SignInOutcome.CLOSED) else 1


def web_engine_in_this_process() -> list[str]:
    """What of Qt WebEngine this process loaded: its Python modules, and (where /proc tells) its libraries
    mapped. SurveyDesk's own process must have none: the web engine lives in sign-in processes only."""
    loaded = sorted(name for name in sys.modules if name.startswith("PySide6.QtWebEngine"))
    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return loaded
    libraries = {line.rsplit("/", 1)[-1] for line in maps.splitlines() if "libQt6WebEngine" in line}
    return loaded + sorted(libraries)
