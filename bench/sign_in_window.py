"""Benchmark: signing in to each demo platform from the accounts dialog, and what the web engine costs in memory.

For each platform signed in to in a web page (Prolific, MTurk, Toloka), "Sign in…" is pressed in the accounts
dialog, and the window opens in a sign-in process of its own (ui/sign_in_process.py), as it always does in
SurveyDesk; the demo worker fills the demo's forms (demo/sign_in_pages.py `demo_worker_script`) and the dialog
keeps the session and tests the account: the time is from the press to "Connected". Memory is the proportional set
size (PSS) of this process and every process it started (the sign-in process and its web engine's), before any
sign-in window, with one open on its page (nobody signing in, once its page had `--open-wait` seconds to load),
and `--after` seconds after the last one closed, with the number of web engine processes left and the Qt
WebEngine modules and libraries this process loaded (none: the web engine lives in the sign-in processes only).

With `--apart` the logins are kept in the keyring, as SurveyDesk does where one works: the child keeps the session
there, so the benchmark must run where one works, e.g. a private one: `dbus-run-session -- bash -c 'eval "$(printf
pw | gnome-keyring-daemon --unlock --components=secrets)"; exec .venv/bin/python bench/sign_in_window.py --apart'`.
Without it the logins are held in memory, as in the demo or where no keyring works: the child hands the session
back through its output.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sign_in_window.py [--after 60] [--apart]`; prints
`sign_in pss_before_mb=… rss_before_mb=… pss_open_mb=… rss_open_mb=… prolific_ms=… mturk_ms=… toloka_ms=…
pss_after_mb=… rss_after_mb=… engine_processes_after=… engine_pss_after_mb=… web_engine_loaded_here=…` on one
line (RSS summed over the processes counts their shared pages once per process, PSS shares them out).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_places, demo_sign_ins
from surveydesk.demo.sign_in_pages import demo_worker_script
from surveydesk.net.http import make_session
from surveydesk.platforms.prolific.sign_in import SignedInSecrets
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import KeyringSecrets, MemorySecrets, SecretStore
from surveydesk.services.background import Background
from surveydesk.store import AccountStore, Database
from surveydesk.ui.accounts_dialog import AccountsDialog
from surveydesk.ui.sign_in_process import SignInApart, web_engine_in_this_process
from surveydesk.ui.web_engine import prepare_web_engine

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.engine_processes import descendants, engine_processes  # after the repository root is on the path


def _processes() -> list[int]:
    """This process and all it started."""
    return [os.getpid(), *descendants(os.getpid())]


def _pss_mb(pids: list[int] | None = None, field: str = "Pss:") -> float:
    """The proportional set size (or another field of smaps_rollup, "Rss:") of these processes (this one and all it
    started, by default), in MB."""
    total = 0
    for pid in _processes() if pids is None else pids:
        try:
            lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in lines if line.startswith(field))
    return total / 1024


def _memory(figures: dict[str, float], when: str) -> None:
    figures[f"pss_{when}_mb"] = _pss_mb()
    figures[f"rss_{when}_mb"] = _pss_mb(field="Rss:")


def _wait(until, timeout_s: float = 60.0, what=lambda: "") -> None:
    """Run the event loop until `until()` holds."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the sign-in did not finish in time {what()}")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def _measure_open(exchange: DemoExchange, figures: dict[str, float], open_wait: float, hand_back: bool) -> None:
    """The memory with a sign-in process's window open on its page (Toloka's, nobody signing in), then closed as
    the worker would (the child handles SIGTERM so)."""
    idle = SignInApart("en", demo_places(exchange), hand_back=hand_back)
    ended: list[object] = []
    idle.finished.connect(lambda _key, outcome, _session: ended.append(outcome))
    idle.start(AccountKey("toloka", "open"))
    deadline = time.monotonic() + open_wait
    _wait(lambda: time.monotonic() > deadline, open_wait + 5)
    _memory(figures, "open")
    idle.stop()
    _wait(lambda: bool(ended))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--after", type=float, default=60.0, help="seconds to wait after the last window closed")
    parser.add_argument("--apart", action="store_true", help="keep the logins in the keyring (needs one)")
    parser.add_argument("--open-wait", type=float, default=5.0, help="seconds for the child's page to load")
    args = parser.parse_args()
    prepare_web_engine()
    app = QApplication(sys.argv[:1])
    figures: dict[str, float] = {}
    with DemoExchange(seed=7) as exchange, tempfile.TemporaryDirectory() as folder:
        database = Database.open(Path(folder) / "bench.sqlite3")
        sign_ins = demo_sign_ins(exchange, BUILT_IN)
        secrets: SecretStore = KeyringSecrets() if args.apart else MemorySecrets()
        hands = SignInApart("en", demo_places(exchange), demo_worker_script(), hand_back=not args.apart)
        pool = QThreadPool()
        dialog = AccountsDialog(
            AccountStore(database),
            secrets,
            SystemClock(),
            Background(pool),
            BUILT_IN,
            sign_ins=sign_ins,
            signed_in=SignedInSecrets.at(sign_ins, secrets, make_session),
            sign_in_apart=hands,
        )
        dialog.show()
        _wait(lambda: dialog.isVisible())
        _memory(figures, "before")
        _measure_open(exchange, figures, args.open_wait, hand_back=not args.apart)
        for platform in sign_ins.web:
            dialog.new_account()
            dialog.platform.setCurrentIndex(dialog.platform.findData(platform))
            dialog.base_url.setText(exchange.url_of(platform))
            started = time.monotonic()
            dialog.sign_in()
            _wait(
                lambda: dialog.feedback.text().startswith(("Connected", "Not connected")),
                what=lambda platform=platform: f"({platform}: {dialog.feedback.text()})",
            )
            assert dialog.feedback.text().startswith("Connected"), dialog.feedback.text()
            figures[f"{platform}_ms"] = (time.monotonic() - started) * 1000
        deadline = time.monotonic() + args.after
        _wait(lambda: time.monotonic() > deadline, args.after + 5)
        _memory(figures, "after")
        left = sorted(engine_processes(os.getpid()))
        figures["engine_processes_after"] = len(left)
        figures["engine_pss_after_mb"] = _pss_mb(left)
        figures["web_engine_loaded_here"] = len(web_engine_in_this_process())
        dialog.close()
        pool.waitForDone(10_000)
        database.close()
    del app
    print("sign_in " + " ".join(f"{name}={value:.0f}" for name, value in figures.items()))


if __name__ == "__main__":
    main()
