"""A SurveyDesk started as the worker starts it, which begins timing a task as soon as its window is up and says
so on stdout; the tests then end it from outside (a signal) and read what it left in its database."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from surveydesk.app import main
from surveydesk.ui.main_window import MainWindow
from tests.factories import make_task


def start_timing(app: QApplication) -> None:
    window = next(widget for widget in app.topLevelWidgets() if isinstance(widget, MainWindow))
    window.start_timer_on(make_task("study-1", title="A survey about tea"))
    print("timing", flush=True)


if __name__ == "__main__":
    application = QApplication(["surveydesk"])
    QTimer.singleShot(0, lambda: start_timing(application))  # runs once the event loop (and the window) is up
    sys.exit(main(sys.argv[1:]))
