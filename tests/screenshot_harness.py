"""Starts the real app on a virtual X screen, takes a screenshot of one view and checks it is not blank.

Run from the repository root, on a virtual screen, in the language to check:

    LANG=fr_FR.UTF-8 PYTHONPATH=. xvfb-run -a python tests/screenshot_harness.py main-window build/screenshots

Views: `main-window` (the demo's task list with a task selected), `welcome` (a first start without accounts).
The app is started through `surveydesk.app.main` as a worker starts it; the harness only adds a timer that waits
for the view to be ready, grabs the screen's pixels in the window's place (what the X server shows, not a
widget rendering itself) and quits. It prints one JSON line (file, size, colours, the menu bar's words) and exits
0, or prints why to stderr and exits 1.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

import surveydesk.ui.application as application
from surveydesk.app import main as app_main
from surveydesk.ui.first_run import WelcomePage
from surveydesk.ui.main_window import MainWindow

READY_TIMEOUT_S = 30.0
SETTLE_MS = 500  # after the view is ready, for the X server to show its last repaint


def distinct_colours(image: QImage, step: int = 4) -> tuple[int, float]:
    """How many colours a grid of the image's pixels holds, and the share of the commonest one."""
    counts: dict[int, int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colour = image.pixel(x, y)
            counts[colour] = counts.get(colour, 0) + 1
    total = sum(counts.values())
    return len(counts), max(counts.values()) / total if total else 1.0


def _window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


def _ready(view: str) -> Callable[[MainWindow], bool]:
    def task_list(window: MainWindow) -> bool:
        if window.proxy.rowCount() == 0:
            return False
        if not window.table.selectionModel().hasSelection():
            window.table.selectRow(0)
        return True

    def welcome(window: MainWindow) -> bool:
        return isinstance(window.tabs.currentWidget(), WelcomePage)

    return {"main-window": task_list, "welcome": welcome}[view]


def shoot(view: str, folder: Path, report: dict[str, object]) -> Callable[[], None]:
    """The timer's work: wait for the view, then grab it from the screen and quit."""
    started = time.monotonic()
    ready = _ready(view)
    state = {"ready_at": 0.0}

    def tick() -> None:
        app = QApplication.instance()
        window = _window()
        if time.monotonic() - started > READY_TIMEOUT_S:
            report["error"] = f"the {view} view was not ready within {READY_TIMEOUT_S:.0f} s"
            app.exit(1)
            return
        if window is None or not ready(window):
            return
        if not state["ready_at"]:
            state["ready_at"] = time.monotonic()
            window.raise_()
            window.activateWindow()
            return
        if (time.monotonic() - state["ready_at"]) * 1000 < SETTLE_MS:
            return
        frame = window.frameGeometry()
        screen = window.screen() or QGuiApplication.primaryScreen()
        image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).toImage()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{view}-{QLocale().name()}.png"  # the language the app chose, e.g. fr_FR
        image.save(str(target), "PNG")
        colours, commonest = distinct_colours(image)
        report.update(
            file=str(target),
            width=image.width(),
            height=image.height(),
            colours=colours,
            commonest_share=round(commonest, 3),
            menus=[action.text() for action in window.menuBar().actions()],
            tabs=[window.tabs.tabText(i) for i in range(window.tabs.count())],
            platform=QGuiApplication.platformName(),
        )
        app.exit(0)

    return tick


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("main-window", "welcome"):
        print(__doc__, file=sys.stderr)
        return 1
    view, folder = argv[0], Path(argv[1]).resolve()
    report: dict[str, object] = {"view": view}
    original = application.create_application

    def create_and_watch(*arguments: Any) -> QApplication:
        app = original(*arguments)
        timer = QTimer(app)
        timer.timeout.connect(shoot(view, folder, report))
        timer.start(100)
        return app

    application.create_application = create_and_watch
    with tempfile.TemporaryDirectory(prefix="surveydesk-screens-") as scratch:
        arguments = ["--demo", "--seed", "3"] if view == "main-window" else []
        code = app_main([*arguments, "--data-dir", scratch])
    if code != 0 or "error" in report:
        print(f"screenshot harness: {report.get('error', f'the app exited with {code}')}", file=sys.stderr)
        return 1
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
