"""Benchmark: start-up to the main window's first painted frame, against a bare PySide6 window started alike.

A data folder is filled first, as a worker's would be after a year: the demo's five accounts with a year of their
earnings reconciled into the ledger (as bench/reconcile.py reads them). Then, alternately, several times each:

- app: `surveydesk --demo --data-dir DIR` (the demo: its accounts need no keyring), started as a new process;
- bare: a new process that makes a QApplication and shows an empty QMainWindow;

each timed from the moment the process is started (taken by this script just before it starts it) to the end of
its main window's first paint: the child's launcher (this file, `--child`) installs an event filter on the
application that waits for the first Paint event of a QMainWindow, reads the monotonic clock (which all processes
share) at the next turn of the event loop (the frame is then flushed to the screen) and prints it. The app's
first frame is its window's frame (app.py: menus, the Tasks tab's search bar and list); the launcher then waits
for the window to be complete, its accounts' lines painted (the first Paint of the `StatusPanel`), prints that
time too and quits. The app
is started as the `surveydesk` command starts it (`surveydesk/__main__.py`: Python's collection of cycles off, then
`surveydesk.app.main`), unchanged: the launcher only wraps `create_application` to install the filter. Both run on
one virtual X screen (Xvfb, 1366×768, the worker's laptop) so a real frame is painted.

Prints `startup app_ms=… bare_ms=… ratio=…` (medians; target ratio ≤ 1.5) and `complete_ms=…` (the app's window
complete), and on a `#` line each run's figures.

Run: `.venv/bin/python bench/startup.py [--runs 5]`
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PAINT = "first-paint-monotonic="
COMPLETE = "complete-monotonic="
SCREEN = ["-screen", "0", "1366x768x24", "-nolisten", "tcp"]


def _watch_first_paint(app: object, until: str = "QMainWindow") -> None:
    """Print the monotonic clock once a QMainWindow has painted its first frame, and once a widget of the class
    named `until` has (the same, for a bare window), then quit the application."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False
            self.complete = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if not self.seen and isinstance(watched, QMainWindow):
                self.seen = True
                QTimer.singleShot(0, self.painted)
            if not self.complete and type(watched).__name__ == until:
                self.complete = True
                QTimer.singleShot(0, self.completed)
            return False

        def painted(self) -> None:
            print(f"{FIRST_PAINT}{time.monotonic()}", flush=True)

        def completed(self) -> None:
            print(f"{COMPLETE}{time.monotonic()}", flush=True)
            QCoreApplication.quit()

    watcher = FirstPaint()
    assert isinstance(app, QCoreApplication)
    app.installEventFilter(watcher)
    _KEPT.append(watcher)


_KEPT: list[object] = []


def _child(kind: str, data: Path) -> int:
    if kind == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication([sys.argv[0]])
        _watch_first_paint(app)
        window = QMainWindow()
        window.show()
        return app.exec()
    gc.disable()  # as the `surveydesk` command starts (surveydesk/__main__.py), SurveyDesk imported after
    from surveydesk.app import main
    from surveydesk.ui import application

    original = application.create_application

    def create_and_watch(*args: object, **kwargs: object) -> object:
        app = original(*args, **kwargs)  # type: ignore[arg-type]
        _watch_first_paint(app, until="StatusPanel")
        return app

    application.create_application = create_and_watch  # type: ignore[assignment]
    return main(["--demo", "--seed", "3", "--data-dir", str(data)])


def fill(data: Path) -> int:
    """The data folder after a year: the demo's accounts and their year of earnings in the ledger; the entries."""
    sys.path.insert(0, str(ROOT / "bench"))
    from reconcile import SITES, _DemoTime, _session

    from surveydesk.demo import DemoExchange, ManualClock
    from surveydesk.demo.accounts import demo_accounts, demo_points_values
    from surveydesk.ledger import LedgerStore
    from surveydesk.ledger.attempts import AttemptIngest
    from surveydesk.ledger.points import PointsValueStore
    from surveydesk.ledger.reconcile import Reconciler
    from surveydesk.paths import AppPaths
    from surveydesk.platforms.registry import BUILT_IN
    from surveydesk.platforms.walls import share_points_values
    from surveydesk.secrets import MemorySecrets
    from surveydesk.store import AccountStore, Database

    paths = AppPaths.under(data).create()
    with (
        DemoExchange(seed=3, clock=ManualClock(), sites=SITES) as exchange,
        Database.open(paths.database) as database,
    ):
        ledger = LedgerStore(database)
        reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), _DemoTime())
        secrets = MemorySecrets()
        accounts = AccountStore(database)
        points = PointsValueStore(database)
        for key, value in demo_points_values(exchange, BUILT_IN).items():
            points.set(key, value)
        for account, secret in demo_accounts(exchange, BUILT_IN):
            accounts.save(account)
            secrets.set(account.key, secret)
            reader = BUILT_IN.build_reader(account, secrets, _DemoTime(), _session)
            assert reader is not None
            share_points_values(reader, partial(points.of, account.key))  # as the app does
            reconciler.run(reader)
        (entries,) = database.connection().execute("SELECT count(*) FROM ledger_entries").fetchone()
    return int(entries)


@contextmanager
def virtual_screen() -> Iterator[str]:
    """An Xvfb screen for the whole run (its own start-up is not part of either figure); yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(  # noqa: S603 (a fixed command line)
        ["Xvfb", "-displayfd", str(write), *SCREEN],  # noqa: S607 (Xvfb where the system keeps it)
        pass_fds=(write,),
    )
    os.close(write)
    try:
        with os.fdopen(read) as reply:
            display = reply.readline().strip()
        assert display, "Xvfb did not start"
        yield f":{display}"
    finally:
        server.terminate()
        server.wait(10)


def time_one(kind: str, data: Path, environment: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from the start of a new process to its main window's first frame, and to its window
    complete."""
    began = time.monotonic()
    child = subprocess.run(  # noqa: S603 (this script, run again)
        [sys.executable, __file__, "--child", kind, str(data)],
        env=environment,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    said = dict(
        line.split("=", 1) for line in child.stdout.splitlines() if line.startswith((FIRST_PAINT, COMPLETE))
    )
    if child.returncode != 0 or len(said) != 2:
        raise SystemExit(f"{kind} start failed ({child.returncode}):\n{child.stdout}\n{child.stderr}")
    first, complete = (float(said[prefix.rstrip("=")]) for prefix in (FIRST_PAINT, COMPLETE))
    return (first - began) * 1000, (complete - began) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="starts of each, alternately")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child[0], Path(args.child[1]))
    with tempfile.TemporaryDirectory(prefix="surveydesk-startup-") as scratch, virtual_screen() as display:
        data = Path(scratch) / "data"
        began = time.perf_counter()
        entries = fill(data)
        print(
            f"# data folder: {entries:,} entries on 5 accounts in {time.perf_counter() - began:.1f} s",
            file=sys.stderr,
        )
        # Compiled modules kept, as an installed app has them (pip compiles them), out of the source tree.
        environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "en_GB.UTF-8",
                       "PYTHONPYCACHEPREFIX": str(Path(scratch) / "pycache")}  # fmt: skip
        environment.pop("WAYLAND_DISPLAY", None)
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        time_one("app", data, environment)  # the first starts compile the modules and warm the disk cache
        time_one("bare", data, environment)
        app_ms: list[float] = []
        complete_ms: list[float] = []
        bare_ms: list[float] = []
        for _ in range(args.runs):
            first, complete = time_one("app", data, environment)
            app_ms.append(first)
            complete_ms.append(complete)
            bare_ms.append(time_one("bare", data, environment)[0])
    app, bare, complete = (statistics.median(figures) for figures in (app_ms, bare_ms, complete_ms))
    print(f"startup app_ms={app:.0f} bare_ms={bare:.0f} ratio={app / bare:.2f} complete_ms={complete:.0f}")
    print(
        f"# app: {' '.join(f'{t:.0f}' for t in app_ms)}; complete: {' '.join(f'{t:.0f}' for t in complete_ms)};"
        f" bare: {' '.join(f'{t:.0f}' for t in bare_ms)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
