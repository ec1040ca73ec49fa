"""The sign-in window in a process of its own, which ends when the window closes, and the web engine with it.

Qt WebEngine, once started, stays in the process that started it: the sign-in window's Chromium processes (its
zygotes alone about 42 MB) would stay with SurveyDesk until it quits. So the accounts dialog starts SurveyDesk
again as `surveydesk --sign-in` (`SignInApart`), and that process shows the same `SignInWindow`, keeps what the
platform's sign-in takes in the keyring, as the dialog would, and ends. What crosses between the two processes is
plain: the account and where to sign in (on the child's standard input, one JSON line, never on its command line,
which other users can read), and one word back on its standard output saying how it went. The session itself
never crosses: the child reads the stored one (to seed the page) from the keyring and writes the new one there,
and the dialog reads it back from the keyring.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import Enum
from typing import TextIO

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from surveydesk.core.model import AccountKey
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.web_session import CapturedSession, SignInPlace
from surveydesk.secrets import KeyringSecrets, SecretsUnavailable

SIGN_IN_ARGUMENT = "--sign-in"
QUIT_WAIT_MS = 5_000


class SignInOutcome(Enum):
    """How a sign-in process ended, as the one word it writes on its standard output."""

    SIGNED_IN = "signed-in"  # the session is in the keyring
    CLOSED = "closed"  # the window was closed before the worker was signed in
    NO_SESSION = "no-session"  # the page gave nothing the platform's connector can use
    KEYRING_REFUSED = "keyring-refused"  # the keyring would not give the stored session or keep the new one
    UNUSABLE_REQUEST = "unusable-request"  # what the parent asked names no platform signed in to in a page


@dataclass(frozen=True, slots=True)
class SignInRequest:
    """What the parent asks: sign in to `platform` for the account `account`, at its real site or at `page`
    (`server`: its sign-in server, where it is not the page's own), in `language` (a code of
    ui/translations.LANGUAGES, or the system's); `hands` is a script run on each page loaded, which plays the
    worker (the demo worker's, for the tests and the benchmark), none for the worker herself."""

    platform: str
    account: str
    language: str
    page: str = ""
    server: str = ""
    hands: str = ""

    def line(self) -> bytes:
        return (json.dumps(asdict(self)) + "\n").encode()

    @classmethod
    def read(cls, line: str) -> SignInRequest:
        """The request of one line; `ValueError` when it is not one."""
        fields = json.loads(line)
        if not isinstance(fields, dict) or not all(isinstance(value, str) for value in fields.values()):
            raise ValueError("a sign-in request is one JSON object of strings")
        return cls(**fields)  # a missing or unknown field is a TypeError

    @property
    def key(self) -> AccountKey:
        return AccountKey(self.platform, self.account)


def sign_in_command() -> list[str]:
    """How SurveyDesk starts itself to sign in: the bundle's executable is SurveyDesk itself (PyInstaller's
    `sys.frozen`), else the interpreter runs the package."""
    if getattr(sys, "frozen", False):
        return [sys.executable, SIGN_IN_ARGUMENT]
    return [sys.executable, "-m", "surveydesk", SIGN_IN_ARGUMENT]


class SignInApart(QObject):
    """Starts a sign-in process for one account at a time (`start`) and emits `finished(key, outcome)` when it
    ends: a `SignInOutcome`, or None when it crashed, could not start or said nothing readable. It never waits on
    the GUI thread: the process is a QProcess, heard through its signals.

    `places`: where each platform is signed in to when not at its real site (None: the real sites);
    `language`: the worker's choice, so that the window speaks her language."""

    finished = Signal(object, object)  # AccountKey, SignInOutcome | None

    def __init__(
        self,
        language: str,
        places: Mapping[str, SignInPlace] | None = None,
        hands: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._places = places
        self._hands = hands
        self._process: QProcess | None = None
        self._key: AccountKey | None = None
        application = QCoreApplication.instance()
        if application is not None:
            application.aboutToQuit.connect(self._close_with_surveydesk)

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(self, key: AccountKey) -> bool:
        """Open the sign-in window for `key` in a process of its own; False (nothing new opens) while one runs."""
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
        )
        command = sign_in_command()
        process = QProcess(self)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        # The web engine's messages go where SurveyDesk's own go; standard output carries the one word only.
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        # Slots of this object, not lambdas: deleted with it, the process (killed by its destructor) reaches none.
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._failed)
        self._process, self._key = process, key
        process.start()
        process.write(request.line())
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
        said = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace").split()
        known = {outcome.value: outcome for outcome in SignInOutcome}
        self._finish(known.get(said[-1]) if said and status == QProcess.ExitStatus.NormalExit else None)

    def _failed(self, error: QProcess.ProcessError) -> None:
        """A process that could not start never emits `finished`; any other error is followed by it."""
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(None)

    def _finish(self, outcome: SignInOutcome | None) -> None:
        process, key = self._process, self._key
        if process is None or key is None:
            return
        self._process, self._key = None, None
        process.deleteLater()
        self.finished.emit(key, outcome)


def sign_in_here(stdin: TextIO, stdout: TextIO) -> int:
    """`surveydesk --sign-in`: read the request, show the sign-in window, keep the session in the keyring, write
    how it went (a `SignInOutcome`) on `stdout` and end. Nothing of SurveyDesk's data is opened."""
    try:
        request = SignInRequest.read(stdin.readline())
    except (ValueError, TypeError):
        return _said(stdout, SignInOutcome.UNUSABLE_REQUEST)
    place = {request.platform: SignInPlace(request.page, request.server)} if request.page else None
    web = BUILT_IN.sign_ins(place).web.get(request.platform)
    if web is None:
        return _said(stdout, SignInOutcome.UNUSABLE_REQUEST)
    secrets = KeyringSecrets()
    try:
        stored = secrets.get(request.key)
    except SecretsUnavailable:
        return _said(stdout, SignInOutcome.KEYRING_REFUSED)

    # Imported here: the web engine is loaded in this process only.
    from surveydesk.services.stop_signals import StopSignals
    from surveydesk.ui.application import create_application
    from surveydesk.ui.sign_in_window import SignInWindow
    from surveydesk.ui.translations import install_translators

    app = create_application(["surveydesk"])
    install_translators(app, request.language)
    app.setQuitOnLastWindowClosed(False)  # it quits once the window is deleted, its page and profile with it
    stop_signals = StopSignals(app)  # before the web engine starts: a SIGTERM then closes the window, as she would
    outcome = SignInOutcome.CLOSED

    def signed_in(captured: CapturedSession) -> None:
        nonlocal outcome
        secret = web.secret(captured)
        if secret is None:
            outcome = SignInOutcome.NO_SESSION
            return
        try:
            secrets.set(request.key, secret)
        except SecretsUnavailable:
            outcome = SignInOutcome.KEYRING_REFUSED
        else:
            outcome = SignInOutcome.SIGNED_IN

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
    return _said(stdout, outcome)


def _said(stdout: TextIO, outcome: SignInOutcome) -> int:
    print(outcome.value, file=stdout, flush=True)
    return 0 if outcome in (SignInOutcome.SIGNED_IN, SignInOutcome.CLOSED) else 1
