"""French texts are longer than English ones: the small windows keep their titles and grey examples whole."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from surveydesk.feed import RuleStore
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.manual_task_dialog import ManualTaskDialog
from surveydesk.ui.rules_dialog import RulesDialog


def _placeholder_shown_whole(field: QLineEdit) -> bool:
    return field.width() >= field.fontMetrics().horizontalAdvance(field.placeholderText()) + 4


def test_the_manual_task_dialog_keeps_its_title_and_examples_whole_in_french(qtbot, french):
    """It read "Commencer…he à la main" in its title bar and "Le nom de la tâche s…" in its title field."""
    dialog = ManualTaskDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Commencer une tâche à la main"
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 120
    assert _placeholder_shown_whole(dialog.title), dialog.title.placeholderText()


def test_the_rules_words_examples_are_whole_in_french(qtbot, database: Database, french):
    dialog = RulesDialog(RuleStore(SettingsStore(database)), [("prolific", "Prolific")])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for field in (dialog.list_form.include_words, dialog.list_form.exclude_words):
        assert _placeholder_shown_whole(field), field.placeholderText()
    assert dialog.frameGeometry().height() <= 768
