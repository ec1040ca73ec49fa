"""The interface's language: follows the system unless the worker chose one in the preferences.

`install_translators` runs once, after the QApplication exists and before any window is built (Qt translates a
string when a widget is made, not when it is shown): it loads Qt's own translations (standard buttons, context
menus) and SurveyDesk's (resources/translations/surveydesk_<language>.qm, found through importlib.resources),
and makes the language's QLocale the default, so money, numbers and dates follow it too (ui/formatting.py).
A choice made in the preferences takes effect at the next start.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from surveydesk.resource_files import resource
from surveydesk.store.settings import SettingsStore

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


def _surveydesk_translator(locale: QLocale, parent: QCoreApplication) -> QTranslator | None:
    """SurveyDesk's own .qm for the locale's languages, most specific first (fr-BE, then fr)."""
    folder = resource("translations")
    for language in locale.uiLanguages():
        candidate = folder.joinpath(f"surveydesk_{language.replace('-', '_')}.qm")
        if candidate.is_file():
            translator = QTranslator(parent)
            # Qt maps the file rather than reading it; a file that as_file had to extract stays mapped.
            with resources.as_file(candidate) as path:
                if translator.load(str(path)):
                    return translator
    return None


def _qt_translator(locale: QLocale, parent: QCoreApplication) -> QTranslator | None:
    translator = QTranslator(parent)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return translator if translator.load(locale, "qtbase", "_", folder) else None


def install_translators(app: QCoreApplication, choice: str) -> InstalledLanguage:
    """Install the translations of the chosen (or the system's) language; English needs none."""
    locale = ui_locale(choice)
    QLocale.setDefault(locale)
    installed = {}
    for name, make in (("qt", _qt_translator), ("surveydesk", _surveydesk_translator)):
        translator = None if locale.language() == QLocale.Language.English else make(locale, app)
        if translator is not None:
            app.installTranslator(translator)
        installed[name] = translator is not None
    return InstalledLanguage(locale, installed["qt"], installed["surveydesk"])
