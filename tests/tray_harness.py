"""The app's alert for new demo tasks, through a real QSystemTrayIcon, read back from the D-Bus session bus.

Run inside a private session bus and a virtual screen, from the repository root:

    PYTHONPATH=. dbus-run-session -- xvfb-run -a python tests/tray_harness.py

It starts the fake desktop (tests/fake_desktop_bus.py: a tray watcher and a notification server, in a child
process) before Qt looks for a tray, then wires the pieces as the app does for a new task: the demo exchange's
Prolific, polled into a temporary SQLite file, `Alerts` deciding, the `Tray` showing. It prints one JSON line
(what the notification server received, and the title and reward of the alert's first task) and exits 0; or
prints why it failed to stderr and exits 1.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import requests
from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import MergeResult
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_accounts
from surveydesk.feed.alerts import Alert, Alerts
from surveydesk.net.http import USER_AGENT, make_session
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.poller import Poller
from surveydesk.store import Database, TaskStore
from surveydesk.ui.alert_text import task_alert
from surveydesk.ui.application import create_application
from surveydesk.ui.icons import app_icon
from surveydesk.ui.tray import Tray
from tests.fake_desktop_bus import FakeDesktopBusProcess

NOTIFY_TIMEOUT_S = 20.0
TRAY_TIMEOUT_S = 5.0


def run_until(done: Callable[[], bool], seconds: float) -> bool:
    """Run the Qt event loop until `done()` holds or `seconds` pass; whether it holds."""
    loop = QEventLoop()
    check = QTimer()
    check.timeout.connect(lambda: done() and loop.quit())
    check.start(50)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    if not done():
        loop.exec()
    check.stop()
    return done()


def loopback_session() -> requests.Session:
    session = make_session(USER_AGENT)
    session.trust_env = False  # the exchange is on 127.0.0.1, whatever proxy the environment names
    return session


def fail(reason: str) -> int:
    print(f"tray harness: {reason}", file=sys.stderr)
    return 1


def main() -> int:
    started = time.monotonic()
    with ExitStack() as stack:
        if not os.environ.get("DISPLAY"):
            return fail("no DISPLAY: run under xvfb-run")
        # In a process of its own: showMessage() blocks, holding the GIL, until the notification is answered.
        desktop = stack.enter_context(FakeDesktopBusProcess())
        app = create_application(sys.argv[:1])
        if app.platformName() != "xcb":
            return fail(f"Qt runs on the {app.platformName()!r} platform, not xcb (is DISPLAY set?)")
        if not run_until(QSystemTrayIcon.isSystemTrayAvailable, TRAY_TIMEOUT_S):
            return fail("QSystemTrayIcon.isSystemTrayAvailable() stayed False with a StatusNotifierWatcher")

        exchange = stack.enter_context(DemoExchange(seed=7))
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="surveydesk-tray-")))
        database = stack.enter_context(Database.open(folder / "surveydesk.sqlite3"))
        clock = SystemClock()
        pool = QThreadPool()
        stack.callback(pool.waitForDone, 10_000)
        poller = Poller(TaskStore(database), clock, pool)
        stack.callback(poller.stop)
        secrets = MemorySecrets()
        for account, secret in demo_accounts(exchange, BUILT_IN):
            if account.key.platform == "prolific":
                secrets.set(account.key, secret)
                connector = BUILT_IN.build_connector(account, secrets, clock, loopback_session)
                poller.add_account(account, connector, BUILT_IN.politeness_for(account))

        alerts = Alerts(matches=lambda task: True, now=clock.now)
        shown: list[Alert] = []
        tray = Tray(app_icon(), lambda: shown[-1].tasks if shown else (), lambda: poller.paused)
        stack.callback(tray.hide)
        if not tray.available:
            return fail("the Tray found no system tray")

        def on_tasks_changed(result: MergeResult) -> None:
            tasks = alerts.tasks_to_alert(result)
            if tasks:
                alert = task_alert(tasks, sound=False)
                shown.append(alert)
                tray.show_alert(alert)

        poller.tasks_changed.connect(on_tasks_changed)
        poller.start()
        if not run_until(lambda: bool(desktop.notifications), NOTIFY_TIMEOUT_S):
            why = "no alert was shown" if not shown else "the tray showed an alert but no Notify call came"
            return fail(f"no notification on the bus within {NOTIFY_TIMEOUT_S:.0f} s: {why}")

        received = desktop.notifications[0]
        first = shown[0].tasks[0]
        print(
            json.dumps(
                {
                    "app_name": received.app_name,
                    "summary": received.summary,
                    "body": received.body,
                    "alert_title": shown[0].title,
                    "task_title": first.title,
                    "task_reward": first.reward.format(),
                    "tray_items": desktop.items,
                    "seconds": round(time.monotonic() - started, 2),
                }
            ),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
