"""The sign-in window in a process of its own (`surveydesk --sign-in`), started by the accounts dialog: the child
signs in to the demo's page in the real Qt WebEngine, keeps the session in a real keyring (gnome-keyring on a
private session bus, shared by both processes as the worker's desktop keyring is), and ends, its web engine's
processes with it; the dialog then reads the account back from the keyring and tests it. A child that crashes or
is closed leaves the account as it was, and the dialog says so. Where the logins live in SurveyDesk's memory (the
demo, no working keyring), the child hands the session back through its output instead; either way SurveyDesk's
own process never loads the web engine."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring.backends.SecretService
import pytest
import shiboken6

from surveydesk.core.model import Account, AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_places
from surveydesk.demo.sign_in_pages import demo_worker_script
from surveydesk.secrets import KeyringSecrets
from surveydesk.store import AccountStore
from surveydesk.ui.accounts_dialog import AccountsDialog
from surveydesk.ui.sign_in_messages import SignInOutcome
from surveydesk.ui.sign_in_process import SignInApart, sign_in_command
from tests.engine_processes import engine_processes, is_engine
from tests.locations import ROOT
from tests.session_bus import private_session_bus
from tests.ui.test_accounts_dialog import make_dialog
from tests.ui.test_sign_in_window import SIGN_IN_MS, SOFTWARE_DRAWING

NEEDED = ("dbus-daemon", "gnome-keyring-daemon")
MISSING = [tool for tool in NEEDED if shutil.which(tool) is None]
pytestmark = [
    pytest.mark.skipif(
        bool(MISSING) and os.environ.get("CI") != "true",
        reason=f"needs {', '.join(MISSING)} (installed by .ci/system-packages); CI runs it",
    ),
    SOFTWARE_DRAWING,
]
ENDED_MS = 15_000  # a web engine's helper processes end shortly after the process that started them


@pytest.fixture
def keyring_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[KeyringSecrets]:
    """A real, unlocked Secret Service on a private session bus, which this process and the sign-in process (it
    inherits the bus's address) both reach, as they reach the desktop's keyring; gone after the test."""
    with private_session_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")},
            text=True,
        )
        try:
            assert daemon.stdin is not None and daemon.stdout is not None
            daemon.stdin.write("the test keyring's password")
            daemon.stdin.close()
            assert daemon.stdout.readline().startswith("GNOME_KEYRING_CONTROL=")  # said once it serves
            yield KeyringSecrets(keyring.backends.SecretService.Keyring())
        finally:
            daemon.terminate()
            daemon.wait(timeout=10)
            if daemon.stdout is not None:
                daemon.stdout.close()


@pytest.fixture
def apart(qapp, exchange: DemoExchange) -> SignInApart:
    """Sign-in processes at the demo's pages, the demo worker filling its forms."""
    return SignInApart("en", demo_places(exchange), demo_worker_script())


@pytest.fixture
def idle_apart(qapp, exchange: DemoExchange) -> SignInApart:
    """Sign-in processes where nobody fills the forms: the window stays open until it is closed or killed."""
    return SignInApart("en", demo_places(exchange))


def _dialog(qtbot, database, secrets: KeyringSecrets, pool, exchange, apart: SignInApart) -> Iterator[object]:
    yield make_dialog(qtbot, AccountStore(database), secrets, pool, exchange, apart)
    if apart.running:  # a test that failed half-way leaves no window open
        with qtbot.waitSignal(apart.finished, timeout=SIGN_IN_MS):
            apart.stop()


@pytest.fixture
def dialog(qtbot, database, keyring_secrets, pool, exchange, apart) -> Iterator[AccountsDialog]:
    yield from _dialog(qtbot, database, keyring_secrets, pool, exchange, apart)


@pytest.fixture
def idle_dialog(qtbot, database, keyring_secrets, pool, exchange, idle_apart) -> Iterator[AccountsDialog]:
    yield from _dialog(qtbot, database, keyring_secrets, pool, exchange, idle_apart)


def _start(qtbot, dialog: AccountsDialog, exchange: DemoExchange, apart: SignInApart, label: str) -> int:
    """Press "Sign in…" for a new account of MTurk (a verification code after the password) and wait until the
    sign-in process runs its web engine; its process id."""
    dialog.new_account()
    dialog.platform.setCurrentIndex(dialog.platform.findData("mturk"))
    dialog.label.setText(label)
    dialog.base_url.setText(exchange.url_of("mturk"))
    dialog.sign_in_button.click()
    assert dialog.feedback.text() == "Signing in… (a window opened)"
    process = apart._process
    assert process is not None
    qtbot.waitUntil(lambda: process.processId() > 0, timeout=SIGN_IN_MS)
    return process.processId()


def test_the_child_signs_in_and_ends_with_its_web_engine_and_the_account_is_tested(
    qtbot, dialog: AccountsDialog, exchange: DemoExchange, apart: SignInApart, keyring_secrets, database
):
    engines_before = engine_processes(os.getpid())  # an earlier test's in-process window may have left some
    child = _start(qtbot, dialog, exchange, apart, "me")
    dialog.sign_in_button.click()  # a second press while the window is open opens nothing
    assert dialog.feedback.text() == "The sign-in window is already open."
    seen: set[int] = set()
    ended: list[object] = []
    apart.finished.connect(lambda _key, outcome, _session: ended.append(outcome))

    def watched() -> bool:
        seen.update(engine_processes(child))
        return bool(ended)

    qtbot.waitUntil(watched, timeout=SIGN_IN_MS)
    assert seen, "the sign-in process ran no web engine"
    assert engine_processes(os.getpid()) <= engines_before  # none of its web engine's processes is ours
    qtbot.waitUntil(lambda: not any(is_engine(pid) for pid in seen), timeout=ENDED_MS)

    qtbot.waitUntil(lambda: dialog.feedback.text().startswith(("Connected", "Not connected")), timeout=SIGN_IN_MS)
    assert dialog.feedback.text().startswith("Connected"), dialog.feedback.text()
    key = AccountKey("mturk", "me")
    assert [account.key for account in AccountStore(database).list_accounts()] == [key]
    assert "session-token=" in (keyring_secrets.get(key) or "")
    assert dialog.connection.text() == "Signed in."


@pytest.mark.parametrize(
    ("end", "said"),
    [
        (
            signal.SIGKILL,
            "The sign-in window stopped unexpectedly; your account is as it was. Please sign in again.",
        ),
        (
            signal.SIGTERM,  # handled as the worker's closing of the window
            "The sign-in window was closed before you were signed in; your account is as it was.",
        ),
    ],
    ids=["crashed", "closed"],
)
def test_a_child_that_crashes_or_is_closed_leaves_the_account_as_it_was(
    qtbot, idle_dialog: AccountsDialog, exchange: DemoExchange, idle_apart: SignInApart, keyring_secrets, database,
    end: signal.Signals, said: str,
):  # fmt: skip
    key = AccountKey("mturk", "me")
    AccountStore(database).save(Account(key, "me", exchange.url_of("mturk"), True, {}))
    keyring_secrets.set(key, "session-token=what-she-had")
    idle_dialog._reload(key)
    child = _start(qtbot, idle_dialog, exchange, idle_apart, "me")
    qtbot.waitUntil(lambda: bool(engine_processes(child)), timeout=SIGN_IN_MS)  # its window is open
    seen = engine_processes(child)
    with qtbot.waitSignal(idle_apart.finished, timeout=SIGN_IN_MS):
        os.kill(child, end)
    assert idle_dialog.feedback.text() == said
    assert keyring_secrets.get(key) == "session-token=what-she-had"
    assert [account.key for account in AccountStore(database).list_accounts()] == [key]
    qtbot.waitUntil(lambda: not any(is_engine(pid) for pid in seen), timeout=ENDED_MS)


def test_the_bundle_starts_itself_to_sign_in_and_python_runs_the_package(monkeypatch: pytest.MonkeyPatch):
    """In the PyInstaller bundle the executable is SurveyDesk itself; `-m surveydesk` would be read as its own
    arguments there."""
    assert sign_in_command() == [sys.executable, "-m", "surveydesk", "--sign-in"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/surveydesk/surveydesk")
    assert sign_in_command() == ["/opt/surveydesk/surveydesk", "--sign-in"]


@pytest.mark.parametrize(
    "request_line",
    ["not JSON\n", '{"platform": "bitlabs", "account": "me", "language": "en"}\n', '{"platform": 3}\n', "\n"],
    ids=["not-json", "a-survey-wall", "not-strings", "nothing"],
)
def test_a_request_the_child_cannot_use_opens_no_window_and_says_so(request_line: str):
    """Only a platform signed in to in a web page has a sign-in window; anything else ends at once, in one word."""
    ended = subprocess.run(
        sign_in_command(), input=request_line, capture_output=True, text=True, timeout=60, check=False
    )
    assert (ended.returncode, ended.stdout) == (1, '{"outcome": "unusable-request"}\n')


def test_where_the_logins_live_in_memory_the_child_hands_the_session_back_and_never_touches_the_keyring(
    qtbot, exchange: DemoExchange, monkeypatch: pytest.MonkeyPatch
):
    """The demo, or a computer without a working keyring: the session held here seeds the child's page through
    its input (never its command line, which other users can read), and the new one comes back in its output."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # any use would fail
    exchange.sign_ins.of("toloka").sign_out()  # the stored session is stale: a new one is made
    apart = SignInApart("en", demo_places(exchange), demo_worker_script(), hand_back=True)
    stale = "toloka-session=the-stale-one; toloka-csrftoken=its-csrf"
    with qtbot.waitSignal(apart.finished, timeout=SIGN_IN_MS) as ended:
        apart.start(AccountKey("toloka", "me"), stale)
        process = apart._process
        assert process is not None
        qtbot.waitUntil(lambda: process.processId() > 0, timeout=SIGN_IN_MS)
        assert b"the-stale-one" not in Path(f"/proc/{process.processId()}/cmdline").read_bytes()
    key, outcome, session = ended.args
    assert (key, outcome) == (AccountKey("toloka", "me"), SignInOutcome.SIGNED_IN)
    assert "toloka-session=demo-" in session and "the-stale-one" not in session


def test_surveydesk_s_own_process_never_loads_the_web_engine(tmp_path: Path):
    """SurveyDesk started as `surveydesk --demo`, the accounts dialog opened, a sign-in window opened (in its own
    process) and closed, the dialog closed: none of Qt WebEngine's modules or libraries is in SurveyDesk's process
    (its own interpreter: this one loaded the web engine for the other tests)."""
    ended = subprocess.run(
        [sys.executable, "-m", "tests.sign_in_parent", str(tmp_path / "data")],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ended.returncode == 0, ended.stderr[-2000:]
    report = json.loads(ended.stdout.strip().splitlines()[-1])
    assert report == {
        "web_engine": [],
        "said": "The sign-in window was closed before you were signed in; your account is as it was.",
    }


@pytest.mark.qt_log_ignore("QProcess: Destroyed while process")  # what Qt says as it kills the child
def test_a_sign_in_process_deleted_with_its_dialog_is_ended_quietly(qtbot, keyring_secrets, exchange):
    """Deleted while its child runs (its dialog went, SurveyDesk quit), the QProcess kills the child and emits
    `finished` from its destructor; nothing of the deleted objects is reached then (a slot read the dead process
    and raised), and the child's web engine ends."""
    apart = SignInApart("en", demo_places(exchange))
    apart.start(AccountKey("toloka", "me"))
    process = apart._process
    assert process is not None
    qtbot.waitUntil(
        lambda: process.processId() > 0 and bool(engine_processes(process.processId())), timeout=SIGN_IN_MS
    )
    seen = engine_processes(process.processId())
    shiboken6.delete(apart)
    qtbot.waitUntil(lambda: not any(is_engine(pid) for pid in seen), timeout=ENDED_MS)
