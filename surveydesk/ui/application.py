"""Creates the QApplication with SurveyDesk's name and icon, for the composition root."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from surveydesk import APP_ID, APP_NAME, __version__


def resource(relative: str) -> Traversable:
    """A file of the top-level `resources/` folder.

    Installed, it is the package `surveydesk.resources`; run from a source checkout (`python -m surveydesk` in
    the checkout, which puts the checkout's `surveydesk/` first on the path), it is the folder itself.
    """
    try:
        return resources.files("surveydesk.resources").joinpath(relative)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2].joinpath("resources", relative)


def app_icon() -> QIcon:
    """The SurveyDesk icon."""
    with resources.as_file(resource("icons/surveydesk.svg")) as path:
        return QIcon(str(path))


def create_application(argv: Sequence[str]) -> QApplication:
    """The one QApplication of the process; names are set first so Qt's settings and paths use them."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app
