"""Creates the QApplication with SurveyDesk's name and icon, for the composition root."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from surveydesk import APP_ID, APP_NAME, __version__
from surveydesk.ui.icons import app_icon, tray_icon

__all__ = ["app_icon", "create_application", "tray_icon"]


def create_application(argv: Sequence[str]) -> QApplication:
    """The one QApplication of the process; names are set first so Qt's settings and paths use them."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app
