"""The main window as SurveyDesk shows it once its core is built (app.py): its frame, then the core attached."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from surveydesk.services.poller import Poller
from surveydesk.ui.main_window import MainWindow


def attached_window(poller: Poller, now: Callable[[], datetime], demo: bool = False, **attach: Any) -> MainWindow:
    window = MainWindow(demo=demo)
    window.attach(poller, now, **attach)
    return window
