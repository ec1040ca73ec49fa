"""A SurveyDesk started as the worker starts it, which begins timing a task as soon as its window has its core
(app.py: the window's frame is shown first, then the core attached) and says so on stdout; the tests then end it
from outside (a signal) and read what it left in its database."""

from __future__ import annotations

import sys
from typing import Any

from surveydesk.app import main
from surveydesk.ui.main_window import MainWindow
from tests.factories import make_task

attach = MainWindow.attach


def attach_and_start_timing(window: MainWindow, *args: Any, **kwargs: Any) -> None:
    attach(window, *args, **kwargs)
    window.start_timer_on(make_task("study-1", title="A survey about tea"))
    print("timing", flush=True)


if __name__ == "__main__":
    MainWindow.attach = attach_and_start_timing  # type: ignore[method-assign]
    sys.exit(main(sys.argv[1:]))
