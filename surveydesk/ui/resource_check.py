"""The smoke test's look at the resources: a bundle or an install that lost a file fails it, instead of showing
a blank icon or English to a French worker, or finding no keyring to keep the worker's logins in."""

from __future__ import annotations

from importlib import metadata, resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from surveydesk.resource_files import resource
from surveydesk.ui.icons import PNG_SIZES, app_icon, png_path, tray_icon


def _translates(qm: Traversable) -> bool:
    """Whether a .qm file loads and translates the welcome page's heading (so it is not an empty one)."""
    if not qm.is_file():
        return False
    translator = QTranslator()
    with resources.as_file(qm) as path:
        return translator.load(str(path)) and bool(translator.translate("WelcomePage", "Welcome to SurveyDesk"))


def _loads_secret_service_backend() -> bool:
    """Whether keyring can find its Secret Service backend the way it looks for it: by entry point, by name."""
    for entry in metadata.entry_points(group="keyring.backends"):
        if entry.name == "SecretService":
            try:
                entry.load()
            except ImportError:
                return False
            return True
    return False


def missing_resources() -> list[str]:
    """What cannot be found or loaded, in words; empty when everything is there."""
    problems = []
    for size in PNG_SIZES:
        if not resource(png_path(size)).is_file():
            problems.append(f"icon {png_path(size)}")
    if app_icon().pixmap(48, 48).isNull():
        problems.append("the application icon does not render")
    if tray_icon().pixmap(22, 22).isNull():
        problems.append("the tray icon does not render")
    if not resource("surveydesk.desktop").is_file():
        problems.append("surveydesk.desktop")
    if not _translates(resource("translations/surveydesk_fr.qm")):
        problems.append("the French translation (translations/surveydesk_fr.qm)")
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load(QLocale(QLocale.Language.French), "qtbase", "_", qt_translations):
        problems.append(f"Qt's own French translation (qtbase_fr.qm in {qt_translations})")
    if not _loads_secret_service_backend():
        problems.append("keyring's Secret Service backend (its entry point or its module)")
    return problems
