"""Languages: the committed .qm is compiled from the reviewed .ts, translations keep their placeholders, the
language follows the system unless one is chosen, and the translators are in place before a window is built."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QDialogButtonBox

from surveydesk.core.clock import SystemClock
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.translations import (
    LANGUAGE_SETTING,
    SYSTEM_LANGUAGE,
    _surveydesk_translator,
    choose_language,
    chosen_language,
    install_translators,
    ui_locale,
)
from tests.locations import ROOT
from tests.windows import attached_window

FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "surveydesk_fr.ts"
QM = FOLDER / "surveydesk_fr.qm"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
PLACEHOLDER = re.compile(r"\{\d+\}")


def _messages() -> list[tuple[str, str, str | None, str | None]]:
    """(context, source, translation, type) of every message of the .ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):  # noqa: S314 - our own committed file
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source", ""), translation.text, translation.get("type")))
    return found


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease comes with PySide6")
def test_the_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([str(LRELEASE), "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), "the .qm is out of date: run scripts/update-translations"


def test_every_message_has_a_finished_french_translation():
    """What the French worker would otherwise read in English: a message lupdate found and nobody translated."""
    untranslated = [
        (context, source)
        for context, source, text, kind in _messages()
        if kind is not None or not (text or "").strip()
    ]
    assert untranslated == [], "translate these in resources/translations/surveydesk_fr.ts"


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate comes with PySide6")
def test_the_ts_holds_every_string_of_the_code_and_no_other(tmp_path: Path):
    """lupdate run on the sources as they are now finds exactly the committed .ts's messages: a string added to
    the code and not to the .ts (so never translated) fails here, and so does one the code no longer has."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(path) for path in (ROOT / "surveydesk").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        cwd=ROOT,
    )
    assert _message_keys(fresh) == _message_keys(TS), "run scripts/update-translations, then translate"


def _message_keys(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()  # noqa: S314 - our own file, or lupdate's copy of it
    return {
        (context.findtext("name", ""), message.findtext("source", ""))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") not in ("vanished", "obsolete")
    }


def test_the_profile_schema_s_texts_are_extracted_for_translation():
    """The schema is data lupdate cannot read: profile/schema_words.py carries its texts and must follow it."""
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "extract-schema-words"), "--check"], check=False
    )
    assert check.returncode == 0, "run scripts/update-translations: the schema changed"


# Where a translation is looked up from a variable: the text is marked where it is written (QT_TRANSLATE_NOOP in
# the same module, Sentences of the pure layers, the schema's generated module), so lupdate has extracted it.
_LOOKED_UP_FROM_A_VARIABLE = {
    ("main_window.py", "_build_work_menu"),  # TimerStrip's OUTCOME_LABELS
    ("manual_task_dialog.py", "__init__"),  # KNOWN_PLATFORMS' "Other"
    ("profile_editor.py", "__init__"),  # _PERMISSION_TEXTS
    ("profile_editor.py", "reload"),  # _CHANNELS
    ("status_panel.py", "describe"),  # _TROUBLE, _STATE_NAMES
    ("status_panel.py", "_mark"),  # _STATE_NAMES, _PACED_NAME
    ("sync_service.py", "_worker_words"),  # sync errors' Sentences (sync/couch.py)
    ("task_model.py", "headerData"),  # HEADERS
    ("text.py", "translated"),  # Sentences (core/translatable.py)
    ("text.py", "schema_text"),  # profile/schema_words.py
    ("timer_strip.py", "__init__"),  # OUTCOME_LABELS
}


def test_a_text_translated_from_a_variable_is_marked_where_it_is_written():
    """`self.tr(text)` or a helper wrapping `translate(context, text)` hides the text from lupdate, which then
    never puts it in the .ts: only the places above, whose texts are marked where they are written, may."""
    found = set()
    for path in (ROOT / "surveydesk").rglob("*.py"):
        for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(function, ast.FunctionDef):
                continue
            for call in ast.walk(function):
                if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute | ast.Name):
                    continue
                name = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                position = {"tr": 0, "translate": 1}.get(name)
                literal = (
                    position is None or len(call.args) <= position or isinstance(call.args[position], ast.Constant)
                )
                if not literal:
                    found.add((path.name, function.name))
    assert found == _LOOKED_UP_FROM_A_VARIABLE


def test_every_translation_keeps_the_placeholders_of_its_source():
    for context, source, translation, _kind in _messages():
        if translation:
            wanted = sorted(PLACEHOLDER.findall(source))
            assert sorted(PLACEHOLDER.findall(translation)) == wanted, (context, source)


def test_every_context_is_a_class_so_the_running_app_finds_its_translations():
    """`self.tr()` looks translations up under the class's name; lupdate files `window.tr()` under "window",
    where nothing would ever find it. Such a call must be `self.tr()` or QCoreApplication.translate("Class")."""
    classes = {
        node.name
        for path in (ROOT / "surveydesk").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
    }
    contexts = {context for context, _source, _text, _kind in _messages()}
    assert contexts <= classes, sorted(contexts - classes)


def test_a_translated_menu_text_keeps_one_mnemonic_at_most():
    for context, source, translation, _kind in _messages():
        if translation and "&" in source:
            assert translation.replace("&&", "").count("&") == 1, (context, source, translation)


def test_the_welcome_page_and_the_preferences_are_translated():
    finished = {(context, source) for context, source, text, kind in _messages() if text and kind is None}
    assert ("WelcomePage", "Welcome to SurveyDesk") in finished
    assert ("PreferencesDialog", "&Language:") in finished
    assert ("EmptyListHint", "Waiting for the first check of your accounts…") in finished


def test_the_language_follows_the_system_unless_one_is_chosen():
    belgian = QLocale(QLocale.Language.French, QLocale.Country.Belgium)
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    assert ui_locale(SYSTEM_LANGUAGE, system=belgian).name() == "fr_BE"
    assert ui_locale("fr", system=american).language() == QLocale.Language.French
    assert ui_locale("fr", system=belgian).name() == "fr_BE"  # the worker's country's formats are kept
    assert ui_locale("en", system=belgian).language() == QLocale.Language.English


def test_the_choice_is_stored_and_an_unknown_one_means_the_system(database):
    settings = SettingsStore(database)
    assert chosen_language(settings) == SYSTEM_LANGUAGE
    choose_language(settings, "fr")
    assert chosen_language(settings) == "fr"
    settings.set(LANGUAGE_SETTING, "xx-made-up")
    assert chosen_language(settings) == SYSTEM_LANGUAGE
    settings.set(LANGUAGE_SETTING, 42)
    assert chosen_language(settings) == SYSTEM_LANGUAGE


def test_french_translates_surveydesk_and_qt_and_sets_the_locale(qtbot, poller, french):
    assert QCoreApplication.translate("WelcomePage", "Welcome to SurveyDesk") == "Bienvenue dans SurveyDesk"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"  # Qt's own qtbase_fr
    assert QLocale().language() == QLocale.Language.French

    window = attached_window(poller, SystemClock().now)  # built after the translators, as the app does
    qtbot.addWidget(window)
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:2] == ["&Fichier", "&Tâches"]


def test_english_installs_no_translation(qapp):
    before = QLocale()
    try:
        installed = install_translators(qapp, "en")
        assert not installed.qt_translated and not installed.surveydesk_translated
        assert QCoreApplication.translate("WelcomePage", "Welcome to SurveyDesk") == "Welcome to SurveyDesk"
    finally:
        QLocale.setDefault(before)


def test_french_menus_keep_one_letter_per_entry(qtbot, poller, database, tmp_path: Path, french):
    from surveydesk.autostart import Autostart, launch_command
    from surveydesk.services.demo_launcher import DemoLauncher
    from surveydesk.ui.shell_controller import ShellController
    from surveydesk.work.store import WorkLog
    from surveydesk.work.timekeeper import Timekeeper
    from tests.factories import HANDED_OVER
    from tests.menu_checks import repeated_mnemonics

    window = attached_window(poller, SystemClock().now, timekeeper=Timekeeper(WorkLog(database), SystemClock()))
    qtbot.addWidget(window)
    ShellController(
        window, poller, SettingsStore(database), Autostart(launch_command(), {}), DemoLauncher(HANDED_OVER)
    )
    assert repeated_mnemonics(window) == []
    assert [action.text() for action in window.menuBar().actions()] == ["&Fichier", "&Tâches", "T&ravail", "&Aide"]


def _remove_translators(qapp) -> None:
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.setParent(None)


def test_a_damaged_translation_leaves_english_and_says_so_in_the_log(qapp, tmp_path: Path, caplog):
    (tmp_path / "surveydesk_fr.qm").write_bytes(b"\x3c\xb8\x64\x18 not a real translation file")
    before = QLocale()
    try:
        installed = install_translators(qapp, "fr", tmp_path)
        assert not installed.surveydesk_translated
        assert installed.qt_translated  # Qt's own words still come in French
        assert QCoreApplication.translate("WelcomePage", "Welcome to SurveyDesk") == "Welcome to SurveyDesk"
        assert "surveydesk_fr.qm cannot be read" in caplog.text
    finally:
        _remove_translators(qapp)
        QLocale.setDefault(before)


def test_the_most_specific_translation_is_tried_first_and_a_damaged_one_passed_over(qapp, tmp_path: Path):
    """For a Belgian worker surveydesk_fr_BE.qm comes before surveydesk_fr.qm; here it is damaged, so the French
    one is used."""
    shutil.copy(QM, tmp_path / "surveydesk_fr.qm")
    (tmp_path / "surveydesk_fr_BE.qm").write_bytes(b"damaged")
    translator = _surveydesk_translator(QLocale(QLocale.Language.French, QLocale.Country.Belgium), qapp, tmp_path)
    assert translator is not None
    assert translator.filePath().endswith("surveydesk_fr.qm")
    assert translator.translate("WelcomePage", "Welcome to SurveyDesk") == "Bienvenue dans SurveyDesk"
    translator.setParent(None)


def test_the_pure_layers_words_are_english_text_and_shown_in_french(french):
    """A Sentence (core/translatable.py) reads as English everywhere but the screen, where `translated` writes
    it in the worker's language, its amounts the language's way."""
    from datetime import date

    from surveydesk.core.money import Money
    from surveydesk.feed.rules import Rules
    from surveydesk.profile.consistency import contradiction
    from surveydesk.profile.schema import load_schema
    from surveydesk.ui.text import schema_text, translated
    from tests.factories import make_task

    reason = Rules(min_reward=Money(200, "EUR")).why_not(make_task("a", reward=Money(150, "EUR")))
    assert reason == "pays €1.50, under your minimum of €2.00"
    assert translated(reason) == "paie 1,50\xa0€, sous votre minimum de 2,00\xa0€"

    languages = load_schema().field("languages")
    assert languages is not None
    problem = languages.validate((), date(2026, 11, 30))
    assert problem == "Choose at least 1." and translated(problem) == "Choisissez-en au moins 1."
    conflict = contradiction(languages, ("fr", "de"), {"languages": ("en",)}, date(2026, 11, 30))
    assert conflict is not None
    said = translated(conflict.describe(schema_text(languages.label)))
    assert said.startswith(
        "Langues que vous parlez couramment\xa0: vous avez répondu «\xa0Français, Allemand\xa0»"
    )
    assert "votre profil indique «\xa0Anglais\xa0»" in said
    assert translated("a platform's own words") == "a platform's own words"


def test_french_names_each_tab_and_column_with_a_word_of_its_own(french):
    """'Gains' named both the Wages tab and the History's Earnings chart, 'Historique' both the History tab and
    the task list's column of the worker's record with a requester: side by side, she could not tell them apart."""
    names = {
        (context, source): QCoreApplication.translate(context, source)
        for context, source in [
            ("MainWindow", "Tasks"),
            ("MainWindow", "Wages"),
            ("MainWindow", "History"),
            ("HistoryView", "Totals"),
            ("HistoryView", "By platform"),
            ("HistoryView", "Earnings"),
            ("HistoryView", "Wages"),
            ("HistoryView", "Unpaid share"),
            ("TaskTableModel", "Your history"),
        ]
    }
    english_by_french: dict[str, set[str]] = {}
    for (_context, source), french_name in names.items():
        english_by_french.setdefault(french_name, set()).add(source)
    assert {word: sources for word, sources in english_by_french.items() if len(sources) > 1} == {}
