"""Benchmark: signing in to each demo platform from the accounts dialog, and what the web engine costs in memory.

For each platform signed in to in a web page (Prolific, MTurk, Toloka), "Sign in…" is pressed in the accounts
dialog, the demo worker fills the demo's forms (demo/sign_in_pages.py `demo_worker_script`) and the dialog keeps
the session and tests the account: the time is from the press to "Connected". Memory is the proportional set size
(PSS) of this process and every process it started (the web engine's), before any sign-in window, with one open
on its loaded page, and a minute after the last one closed, with the number of web engine processes left.

Run: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/sign_in_window.py [--after 60]`; prints `sign_in
pss_before_mb=… pss_open_mb=… prolific_ms=… mturk_ms=… toloka_ms=… pss_after_mb=… engine_processes_after=…
engine_pss_after_mb=…` on one line.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from surveydesk.core.clock import SystemClock
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_sign_ins
from surveydesk.demo.sign_in_pages import demo_worker_script
from surveydesk.net.http import make_session
from surveydesk.platforms.prolific.sign_in import SignedInSecrets
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.store import AccountStore, Database
from surveydesk.ui.accounts_dialog import AccountsDialog
from surveydesk.ui.web_engine import prepare_web_engine


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _processes() -> list[int]:
    """This process and all it started."""
    tree, found, todo = _children(), [], [os.getpid()]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def _pss_mb(pids: list[int] | None = None) -> float:
    """The proportional set size of these processes (this one and all it started, by default), in MB."""
    total = 0
    for pid in _processes() if pids is None else pids:
        try:
            lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in lines if line.startswith("Pss:"))
    return total / 1024


def _engine_processes() -> list[int]:
    """The web engine's processes still running (Chromium's zygotes outlive the pages they forked)."""
    return [pid for pid in _processes()[1:] if b"QtWebEngine" in Path(f"/proc/{pid}/cmdline").read_bytes()]


def _wait(until, timeout_s: float = 60.0) -> None:
    """Run the event loop until `until()` holds."""
    deadline = time.monotonic() + timeout_s
    loop = QEventLoop()
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the sign-in did not finish in time")
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--after", type=float, default=60.0, help="seconds to wait after the last window closed")
    args = parser.parse_args()
    prepare_web_engine()
    app = QApplication(sys.argv[:1])
    figures: dict[str, float] = {}
    with DemoExchange(seed=7) as exchange, tempfile.TemporaryDirectory() as folder:
        database = Database.open(Path(folder) / "bench.sqlite3")
        sign_ins = demo_sign_ins(exchange, BUILT_IN)
        secrets = MemorySecrets()
        pool = QThreadPool()
        dialog = AccountsDialog(
            AccountStore(database),
            secrets,
            SystemClock(),
            Background(pool),
            BUILT_IN,
            sign_ins=sign_ins,
            signed_in=SignedInSecrets.at(sign_ins, secrets, make_session),
        )
        dialog.show()
        _wait(lambda: dialog.isVisible())
        figures["pss_before_mb"] = _pss_mb()
        for platform in sign_ins.web:
            dialog.new_account()
            dialog.platform.setCurrentIndex(dialog.platform.findData(platform))
            dialog.base_url.setText(exchange.url_of(platform))
            started = time.monotonic()
            dialog.sign_in()
            window = dialog.sign_in_window
            assert window is not None
            view = window.findChild(QWebEngineView)
            assert view is not None
            page = view.page()
            loaded: list[bool] = []
            page.loadFinished.connect(loaded.append)
            _wait(lambda loaded=loaded: bool(loaded))
            paused = time.monotonic()
            if "pss_open_mb" not in figures:
                figures["pss_open_mb"] = _pss_mb()
            resumed = time.monotonic()
            page.loadFinished.connect(
                lambda ok, page=page: page.runJavaScript(demo_worker_script()) if ok else None
            )
            page.runJavaScript(demo_worker_script())
            _wait(lambda: dialog.feedback.text().startswith(("Connected", "Not connected")))
            assert dialog.feedback.text().startswith("Connected"), dialog.feedback.text()
            figures[f"{platform}_ms"] = (time.monotonic() - started - (resumed - paused)) * 1000
            _wait(lambda: dialog.sign_in_window is None)
        deadline = time.monotonic() + args.after
        _wait(lambda: time.monotonic() > deadline, args.after + 5)
        figures["pss_after_mb"] = _pss_mb()
        left = _engine_processes()
        figures["engine_processes_after"] = len(left)
        figures["engine_pss_after_mb"] = _pss_mb(left)
        dialog.close()
        pool.waitForDone(10_000)
        database.close()
    del app
    print("sign_in " + " ".join(f"{name}={value:.0f}" for name, value in figures.items()))


if __name__ == "__main__":
    main()
