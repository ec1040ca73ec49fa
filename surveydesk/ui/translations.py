"""The interface's language: follows the system unless the worker chose one in the preferences.

`install_translators` runs once, after the QApplication exists and before any window is built (Qt translates a
string when a widget is made, not when it is shown): it loads Qt's own translations (standard buttons, context
menus) and SurveyDesk's (resources/translations/surveydesk_<language>.qm, found through importlib.resources),
and makes the language's QLocale the default, so money, numbers and dates follow it too (ui/formatting.py).
A choice made in the preferences takes effect at the next start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from surveydesk.resource_files import resource
from surveydesk.store.settings import SettingsStore

log = logging.getLogger(__name__)

LANGUAGE_SETTING = "ui.language"
SYSTEM_LANGUAGE = ""  # the stored choice that means "as the system is set"
# The languages SurveyDesk speaks, by code, each named in itself (as a language menu lists them).
LANGUAGES = {"en": "English", "fr": "Français"}


def chosen_language(settings: SettingsStore) -> str:
    """The stored choice: a code of LANGUAGES, or SYSTEM_LANGUAGE (also for anything unreadable)."""
    choice = settings.get(LANGUAGE_SETTING, SYSTEM_LANGUAGE)
    return choice if isinstance(choice, str) and choice in LANGUAGES else SYSTEM_LANGUAGE


def choose_language(settings: SettingsStore, choice: str) -> None:
    settings.set(LANGUAGE_SETTING, choice if choice in LANGUAGES else SYSTEM_LANGUAGE)


def ui_locale(choice: str, system: QLocale | None = None) -> QLocale:
    """The locale for a choice: the system's (with its country, for money and dates) unless one was chosen."""
    system = QLocale.system() if system is None else system
    if choice not in LANGUAGES:
        return system
    chosen = QLocale(choice)
    if chosen.language() == system.language():
        return system  # French chosen on a Belgian system: Belgian French formats
    return chosen


@dataclass(frozen=True, slots=True)
class InstalledLanguage:
    """What `install_translators` set up, for the smoke test and the log."""

    locale: QLocale
    qt_translated: bool
    surveydesk_translated: bool


def _surveydesk_translator(locale: QLocale, parent: QCoreApplication, folder: Traversable) -> QTranslator | None:
    """SurveyDesk's own .qm for the locale's languages, most specific first (fr-BE, then fr); a file Qt cannot
    read is logged and passed over, so a damaged install shows English rather than failing to start."""
    for language in locale.uiLanguages():
        candidate = folder.joinpath(f"surveydesk_{language.replace('-', '_')}.qm")
        if candidate.is_file():
            translator = QTranslator(parent)
            # Qt maps the file rather than reading it; a file that as_file had to extract stays mapped.
            with resources.as_file(candidate) as path:
                if translator.load(str(path)):
                    return translator
            log.warning("the translation %s cannot be read; it is not used", candidate.name)
            translator.setParent(None)
    return None


def _qt_translator(locale: QLocale, parent: QCoreApplication) -> QTranslator | None:
    """Qt's own words (standard buttons, context menus), from the translations Qt ships."""
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(locale, "qtbase", "_", folder) else None


def install_translators(
    app: QCoreApplication, choice: str, folder: Traversable | None = None
) -> InstalledLanguage:
    """Install the translations of the chosen (or the system's) language; English needs none. `folder` holds
    SurveyDesk's .qm files (resources/translations/ unless a test gives another)."""
    locale = ui_locale(choice)
    QLocale.setDefault(locale)
    if locale.language() == QLocale.Language.English:
        return InstalledLanguage(locale, qt_translated=False, surveydesk_translated=False)
    translators = (
        _qt_translator(locale, app),
        _surveydesk_translator(locale, app, resource("translations") if folder is None else folder),
    )
    for translator in translators:
        if translator is not None:
            app.installTranslator(translator)
    return InstalledLanguage(locale, translators[0] is not None, translators[1] is not None)
