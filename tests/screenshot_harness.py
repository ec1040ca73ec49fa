"""Starts the real app on a virtual X screen, takes a screenshot of one view and checks it is not blank.

Run from the repository root, on a virtual screen, in the language to check:

    LANG=fr_FR.UTF-8 PYTHONPATH=. xvfb-run -a python tests/screenshot_harness.py main-window build/screenshots

Views: `main-window` (the demo's task list with a task selected), `welcome` (a first start without accounts),
`history` (the demo's History tab once its earnings are in), `profile` (the profile editor, opened from the menu
as the worker opens it), `outlook` (the History tab's pending money and months in words), `goals` (the Wages tab
with its earnings goals, once a goal is set).
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
from PySide6.QtWidgets import QApplication, QLabel, QWidget

import surveydesk.ui.application as application
from surveydesk.app import main as app_main
from surveydesk.ui.first_run import WelcomePage
from surveydesk.ui.history_view import HistoryView
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.money_outlook_view import GoalsBox, OutlookPanel
from surveydesk.ui.profile_editor import ProfileEditor

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


VIEWS = ("main-window", "welcome", "history", "profile", "outlook", "goals")


def _ready(view: str) -> Callable[[MainWindow], QWidget | None]:
    """For a view, what tells it is ready: the window to grab once it is, None until then."""

    def task_list(window: MainWindow) -> QWidget | None:
        if window.proxy.rowCount() == 0:
            return None
        if not window.table.selectionModel().hasSelection():
            window.table.selectRow(0)
        return window

    def welcome(window: MainWindow) -> QWidget | None:
        return window if isinstance(window.tabs.currentWidget(), WelcomePage) else None

    def history(window: MainWindow) -> QWidget | None:
        page = next(
            (
                window.tabs.widget(i)
                for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), HistoryView)
            ),
            None,
        )
        if not isinstance(page, HistoryView):
            return None
        if window.tabs.currentWidget() is not page:
            window.tabs.setCurrentWidget(page)
        # The demo's earnings arrive with its first reconciliation, after which the app re-reads the tab.
        return window if page.model.rowCount() > 0 else None

    asked: list[bool] = []

    def profile(window: MainWindow) -> QWidget | None:
        editors = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, ProfileEditor)]
        if not editors and not asked:
            asked.append(True)
            # As the menu does it; later, since the editor runs its own modal loop until it is closed.
            QTimer.singleShot(0, window.profile_requested.emit)
        return editors[0] if editors and editors[0].isVisible() else None

    def outlook(window: MainWindow) -> QWidget | None:
        if history(window) is None:
            return None
        page = window.tabs.currentWidget()
        assert isinstance(page, HistoryView)
        panel = next(page.views.widget(i) for i in range(page.views.count())
                     if isinstance(page.views.widget(i), OutlookPanel))  # fmt: skip
        page.views.setCurrentWidget(panel)
        return window if isinstance(panel, OutlookPanel) and panel.months.text() else None

    def goals(window: MainWindow) -> QWidget | None:
        box = window.findChild(GoalsBox)
        if box is None:
            return None
        if not box.inputs["day"].text():  # as the worker would: types her goals and saves them
            for period, amount in (("day", "10"), ("week", "50"), ("month", "200")):
                box.inputs[period].setText(amount)
            box.save()
        if not box.progress["day"].text():
            return None
        wages = box.parentWidget()
        if window.tabs.currentWidget() is not wages:
            window.tabs.setCurrentWidget(wages)
        return window

    views = {"main-window": task_list, "welcome": welcome, "history": history, "profile": profile}
    return {**views, "outlook": outlook, "goals": goals}[view]


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
        if window is None:
            return
        shown = ready(window)
        if shown is None:
            return
        if not state["ready_at"]:
            state["ready_at"] = time.monotonic()
            shown.raise_()
            shown.activateWindow()
            return
        if (time.monotonic() - state["ready_at"]) * 1000 < SETTLE_MS:
            return
        frame = shown.frameGeometry()
        screen = shown.screen() or QGuiApplication.primaryScreen()
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
            title=shown.windowTitle(),
            texts=[label.text() for label in shown.findChildren(QLabel) if label.isVisible() and label.text()],
            platform=QGuiApplication.platformName(),
        )
        app.exit(0)

    return tick


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in VIEWS:
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
        arguments = [] if view == "welcome" else ["--demo", "--seed", "3"]
        code = app_main([*arguments, "--data-dir", scratch])
    if code != 0 or "error" in report:
        print(f"screenshot harness: {report.get('error', f'the app exited with {code}')}", file=sys.stderr)
        return 1
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
