"""The profile editor: the worker's answers in grouped pages, each group saying why it helps, with validation
messages, how complete the profile is, what each platform may receive, what was sent where, screener answers
checked for consistency, and Export / Delete my profile.

Everything here reads and writes the local database only; nothing is sent from this window.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.registry import platform_name
from surveydesk.platforms.spec import ProfileSharing
from surveydesk.profile.consistency import contradiction as profile_contradiction
from surveydesk.profile.consistency import earlier_contradiction
from surveydesk.profile.schema import Field, FieldType, Schema, Value, parse_date
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import ProfileStore
from surveydesk.ui.file_dialogs import file_to_save
from surveydesk.ui.formatting import date_entry_text, format_date_time
from surveydesk.ui.place_names import countries
from surveydesk.ui.profile_inputs import AnswerInput
from surveydesk.ui.text import plain_label, schema_text, translated

ERROR_STYLE = "color: #c0392b;"
WARNING_STYLE = "color: #8a5a00;"
HINT_STYLE = "background: #eef5fb; padding: 6px; border-radius: 3px;"
_PERMISSION_TEXTS = {
    Permission.ASK: QT_TRANSLATE_NOOP("FieldEditor", "Ask me first"),
    Permission.ALWAYS: QT_TRANSLATE_NOOP("FieldEditor", "Send automatically"),
    Permission.NEVER: QT_TRANSLATE_NOOP("FieldEditor", "Never send"),
}
# How a field went to a platform, as the disclosures store it (profile/store.py), in the worker's words.
_CHANNELS = {
    "profiler question": QT_TRANSLATE_NOOP("ProfileEditor", "profiler question"),
    "survey request": QT_TRANSLATE_NOOP("ProfileEditor", "survey request"),
}


# The fields whose answer is a country (an ISO code, as the platforms take it), chosen by its name.
_COUNTRY_FIELDS = frozenset({"country"})
_EXAMPLE_BIRTH_DATE = date(1990, 4, 17)


def answer_input(field: Field, answers: Sequence[str], parent: QWidget) -> AnswerInput:
    """The input for a field of the profile, speaking the worker's language: its options' labels, a country by
    its name, a date in her form (with an example in that form rather than the schema's year-month-day)."""
    if field.id in _COUNTRY_FIELDS:
        chosen = [code.upper() for code in answers]
        return AnswerInput("SINGLE", countries(), chosen, "", parent, single_as_list=True)
    choices = [(option.code, schema_text(option.label)) for option in field.options]
    hint = schema_text(field.hint)
    if field.type is FieldType.DATE:
        hint = QCoreApplication.translate("FieldEditor", "e.g. {0}").format(date_entry_text(_EXAMPLE_BIRTH_DATE))
    return AnswerInput(field.type.value, choices, answers, hint, parent, single_as_list=True)


class FieldEditor(QWidget):
    """One field: its input, what is wrong with it, and what each platform may receive of it."""

    changed = Signal()

    def __init__(
        self, field: Field, value: Value | None, sharing: dict[str, tuple[Permission, ...]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.field = field
        answers = list(value) if isinstance(value, tuple) else ([value] if value else [])
        self.input = answer_input(field, answers, self)
        self.input.set_accessible_name(schema_text(field.label))
        self.input.changed.connect(self.changed)
        self.error = plain_label(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.sharing: dict[str, QComboBox] = {}
        share_row = QHBoxLayout()
        share_row.setContentsMargins(0, 0, 0, 0)
        for platform, choices_allowed in sharing.items():
            combo = QComboBox(self)
            combo.setAccessibleName(
                self.tr("What {0} may receive of “{1}”").format(platform_name(platform), schema_text(field.label))
            )
            for permission in choices_allowed:
                combo.addItem(self.tr(_PERMISSION_TEXTS[permission]), permission.value)
            share_row.addWidget(plain_label(self, self.tr("{0}:").format(platform_name(platform))))
            share_row.addWidget(combo)
            self.sharing[platform] = combo
        share_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.input)
        layout.addWidget(self.error)
        if sharing:
            layout.addLayout(share_row)

    def value(self) -> Value | None:
        answers = self.input.answers()
        if self.field.type is FieldType.MULTI:
            return self.field.clean(answers)
        return self.field.clean(answers[0] if answers else None)

    def check(self, today: date) -> bool:
        value = self.value()
        problem = None if value is None else self.field.validate(value, today)
        if problem is not None and self.field.type is FieldType.DATE and parse_date(str(value)) is None:
            problem = self.tr("Enter a date such as {0}.").format(date_entry_text(_EXAMPLE_BIRTH_DATE))
        self.error.setText(translated(problem) if problem else "")
        self.error.setVisible(problem is not None)
        return problem is None

    def show_permission(self, platform: str, permission: Permission) -> None:
        combo = self.sharing[platform]
        combo.setCurrentIndex(max(combo.findData(permission.value), 0))

    def permission(self, platform: str) -> Permission:
        return Permission(self.sharing[platform].currentData())


class ProfileEditor(QDialog):
    """Edits the profile; `changed` says that what was saved (or deleted) may change marks and fills."""

    changed = Signal()

    def __init__(
        self,
        store: ProfileStore,
        schema: Schema,
        sharing: Mapping[str, ProfileSharing],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your profile"))
        self.resize(860, 620)  # every page tab in view, none behind scroll arrows; fits 1366×768
        self._store = store
        self._schema = schema
        self._sharing = sharing  # platform → what it can receive, and the worker's choices for it
        self._today = today
        self.editors: dict[str, FieldEditor] = {}

        self.completeness = QProgressBar(self)
        self.completeness.setRange(0, len(schema.fields))
        self.completeness.setFormat(self.tr("%v of %m answered"))
        intro = plain_label(
            self,
            self.tr(
                "Your own answers, kept on this computer only. Every field may stay empty. For each platform "
                "you choose what it may receive; nothing is sent anywhere you did not allow."
            ),
        )
        intro.setWordWrap(True)
        self.tabs = QTabWidget(self)
        for group in schema.groups:
            self.tabs.addTab(self._group_page(group.why, group.fields), schema_text(group.title))
        self.other_answers = self._table([self.tr("Question"), self.tr("Your answer"), self.tr("Platform")])
        self.other_answers.setAccessibleName(self.tr("Other answers"))
        self.tabs.addTab(
            self._with_button(self.other_answers, self.tr("Forget the selected answer"), self._forget),
            self.tr("Other answers"),
        )
        self.sent = self._table(
            [
                self.tr("Platform"),
                self.tr("Account"),
                self.tr("Field"),
                self.tr("How"),
                self.tr("First"),
                self.tr("Last"),
                self.tr("Times"),
            ]
        )
        self.sent.setAccessibleName(self.tr("What was sent where"))
        self.tabs.addTab(self.sent, self.tr("What was sent where"))
        self.tabs.addTab(self._screener_page(), self.tr("Screener answers"))

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.export_button = QPushButton(self.tr("Export my profile…"), self)
        self.export_button.clicked.connect(self._choose_export)
        self.delete_button = QPushButton(self.tr("Delete my profile…"), self)
        self.delete_button.clicked.connect(self._confirm_delete)
        close_button = QPushButton(self.tr("Close"), self)
        close_button.clicked.connect(self.reject)
        self.status = plain_label(self)
        self.status.setWordWrap(True)
        self.empty_hint = plain_label(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(HINT_STYLE)
        self.empty_hint.setText(
            self.tr(
                "Your profile is empty. Start with “About you”: answer what you like, leave the rest empty, then "
                "Save. Each answer stays on this computer until you allow a platform to receive it."
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.completeness)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.reload()

    # --- pages -------------------------------------------------------------------------------------------

    def _group_page(self, why: str, fields: Iterable[Field]) -> QWidget:
        page = QWidget(self)
        why_label = plain_label(page, schema_text(why))
        why_label.setWordWrap(True)
        why_label.setStyleSheet("font-style: italic;")
        form = QFormLayout()
        # A field's sharing choices make a wide row: labels go above their fields, so the page never scrolls
        # sideways (a 720-pixel editor cut the second platform's choice off).
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for field in fields:
            sharing = {
                platform: shared.choices
                for platform, shared in self._sharing.items()
                if field.id in shared.fields()
            }
            editor = FieldEditor(field, None, sharing, page)
            editor.changed.connect(lambda editor=editor: self._on_edit(editor))
            self.editors[field.id] = editor
            form.addRow(self.tr("{0}:").format(schema_text(field.label)), editor)
        inner = QWidget(page)
        inner.setLayout(form)
        scroll = QScrollArea(page)
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(page)
        layout.addWidget(why_label)
        layout.addWidget(scroll, 1)
        return page

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), self)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    def _with_button(self, table: QTableWidget, text: str, slot: Callable[[], None]) -> QWidget:
        page = QWidget(self)
        button = QPushButton(text, page)
        button.clicked.connect(slot)
        layout = QVBoxLayout(page)
        layout.addWidget(table, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        return page

    def _screener_page(self) -> QWidget:
        page = QWidget(self)
        explain = plain_label(
            page,
            self.tr(
                "Record what you answered a screener (a platform's qualifying questions). SurveyDesk warns you "
                "when it disagrees with your profile or an earlier answer: platforms reject participants whose "
                "answers disagree."
            ),
        )
        explain.setWordWrap(True)
        self.screener_platform = QLineEdit(page)
        self.screener_platform.setPlaceholderText(self.tr("e.g. Prolific"))
        self.screener_field = QComboBox(page)
        for field in self._schema.fields:
            self.screener_field.addItem(schema_text(field.label), field.id)
        self.screener_field.currentIndexChanged.connect(self._new_screener_input)
        self.screener_holder = QVBoxLayout()
        self.screener_input: AnswerInput | None = None
        self.screener_warning = plain_label(page)
        self.screener_warning.setWordWrap(True)
        self.screener_warning.setStyleSheet(WARNING_STYLE)
        record = QPushButton(self.tr("Record this answer"), page)
        record.clicked.connect(self.record_screener_answer)
        self.screener_list = self._table(
            [self.tr("When"), self.tr("Where"), self.tr("Question"), self.tr("Answer")]
        )
        self.screener_list.setAccessibleName(self.tr("Screener answers you recorded"))
        self.screener_platform.setAccessibleName(self.tr("Where"))
        self.screener_field.setAccessibleName(self.tr("Question"))
        form = QFormLayout()
        form.addRow(self.tr("Where:"), self.screener_platform)
        form.addRow(self.tr("Question:"), self.screener_field)
        form.addRow(self.tr("Your answer:"), self.screener_holder)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(record, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.screener_warning)
        layout.addWidget(self.screener_list, 1)
        self._new_screener_input()
        return page

    # --- loading and saving ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Show what is stored now (after opening, saving or deleting)."""
        answers = self._store.answers()
        self.empty_hint.setVisible(not answers)
        for field_id, editor in self.editors.items():
            value = answers.get(field_id)
            editor.input.set_answers(list(value) if isinstance(value, tuple) else ([value] if value else []))
            editor.check(self._today())
            for platform in editor.sharing:
                editor.show_permission(platform, self._store.permission(field_id, platform))
        self._fill(
            self.other_answers,
            [
                (
                    extra.label,
                    ", ".join(extra.value) if isinstance(extra.value, tuple) else extra.value,
                    platform_name(extra.platform),
                )
                for extra in self._store.extra_answers()
            ],
        )
        self.other_fields = [extra.field for extra in self._store.extra_answers()]
        self._fill(
            self.sent,
            [
                (
                    platform_name(item.platform),
                    item.account,
                    self._label_of(item.field),
                    self.tr(_CHANNELS.get(item.channel, item.channel)),
                    format_date_time(item.first_at.astimezone()),
                    format_date_time(item.last_at.astimezone()),
                    str(item.times),
                )
                for item in self._store.disclosures()
            ],
        )
        self._show_screener_answers()
        self._update_completeness()

    def save(self) -> bool:
        """Keep every answer and sharing choice; if one answer is not valid, show it and keep nothing."""
        today = self._today()
        invalid = [editor for editor in self.editors.values() if not editor.check(today)]
        if invalid:
            self.tabs.setCurrentIndex(
                next(i for i, group in enumerate(self._schema.groups) if invalid[0].field in group.fields)
            )
            self.status.setText(self.tr("Some answers need a look before they can be saved."))
            return False
        self._store.set_answers({field_id: editor.value() for field_id, editor in self.editors.items()})
        for field_id, editor in self.editors.items():
            for platform in editor.sharing:
                self._store.set_permission(field_id, platform, editor.permission(platform))
        self.status.setText(self.tr("Saved."))
        self.reload()
        self.changed.emit()
        return True

    def has_unsaved_edits(self) -> bool:
        """Whether an answer or a sharing choice on the pages differs from what is stored."""
        stored = self._store.answers()
        return any(
            editor.value() != stored.get(field_id)
            or any(editor.permission(p) != self._store.permission(field_id, p) for p in editor.sharing)
            for field_id, editor in self.editors.items()
        )

    def reject(self) -> None:
        """Close (the Close button, Escape, the window's ✕), asking first when edits were not saved: closing used
        to drop them without a word."""
        if self.has_unsaved_edits():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved answers"),
                self.tr("Some answers or sharing choices were changed and not saved. Save them before closing?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel or (
                answer == QMessageBox.StandardButton.Save and not self.save()
            ):
                return
        super().reject()

    def export_to(self, path: Path) -> None:
        document = self._store.export(self._schema.version)
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        self.status.setText(self.tr("Exported to {0}.").format(str(path)))

    def delete_profile(self) -> None:
        self._store.delete_everything()
        self.reload()
        self.status.setText(self.tr("Your profile was deleted from this computer."))
        self.changed.emit()

    def record_screener_answer(self) -> None:
        field = self._schema.field(str(self.screener_field.currentData()))
        where = " ".join(self.screener_platform.text().split())
        if field is None or self.screener_input is None:
            return
        answers = self.screener_input.answers()
        value = field.clean(answers if field.type is FieldType.MULTI else (answers[0] if answers else None))
        problem = self.tr("Enter the answer you gave.") if value is None else field.validate(value, self._today())
        if problem is not None or value is None or not where:
            self.screener_warning.setText(
                translated(problem) if problem else self.tr("Say where you answered it.")
            )
            return
        earlier = [(answer.platform, answer.value) for answer in self._store.screener_answers(field.id)]
        conflict = profile_contradiction(
            field, value, self._store.answers(), self._today()
        ) or earlier_contradiction(field, value, earlier)
        self._store.record_screener_answer(where, "", field.id, value)
        self.screener_warning.setText(
            translated(conflict.describe(schema_text(field.label)))
            if conflict
            else self.tr("Recorded; it disagrees with nothing you told SurveyDesk.")
        )
        self._show_screener_answers()

    # --- helpers -----------------------------------------------------------------------------------------

    def _on_edit(self, editor: FieldEditor) -> None:
        editor.check(self._today())
        self._update_completeness()

    def _update_completeness(self) -> None:
        """Valid answers only: one that cannot be saved does not make the profile more complete."""
        today = self._today()
        values = ((editor.field, editor.value()) for editor in self.editors.values())
        answered = sum(value is not None and field.validate(value, today) is None for field, value in values)
        self.completeness.setValue(answered)

    def _label_of(self, field_id: str) -> str:
        field = self._schema.field(field_id)
        if field is not None:
            return schema_text(field.label)
        extra = next((item for item in self._store.extra_answers() if item.field == field_id), None)
        return extra.label if extra is not None else field_id

    def _fill(self, table: QTableWidget, rows: Sequence[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))  # table items show text as plain text

    def _show_screener_answers(self) -> None:
        rows = []
        for answer in reversed(self._store.screener_answers()):
            field = self._schema.field(answer.field)
            rows.append(
                (
                    format_date_time(answer.at.astimezone()),
                    platform_name(answer.platform),
                    schema_text(field.label) if field else answer.field,
                    field.describe(answer.value) if field else str(answer.value),
                )
            )
        self._fill(self.screener_list, rows)

    def _new_screener_input(self) -> None:
        if self.screener_input is not None:
            self.screener_input.deleteLater()
        field = self._schema.field(str(self.screener_field.currentData()))
        if field is None:
            return
        self.screener_input = answer_input(field, (), self)
        self.screener_input.set_accessible_name(self.tr("Your answer"))
        self.screener_holder.addWidget(self.screener_input)

    def _forget(self) -> None:
        rows = {index.row() for index in self.other_answers.selectionModel().selectedRows()}
        for row in sorted(rows):
            self._store.set_answer(self.other_fields[row], None)
        self.reload()
        self.changed.emit()

    def _choose_export(self) -> None:
        target = file_to_save(
            self,
            self.tr("Export your profile"),
            self.tr("surveydesk-profile") + ".json",
            self.tr("JSON files (*.json)"),
        )
        if target is not None:
            self.export_to(target)

    def _confirm_delete(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete my profile"),
            self.tr(
                "Delete every answer of your profile, your sharing choices, the record of what was sent where "
                "and your screener answers from this computer? This cannot be undone. What platforms already "
                "received stays with them."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_profile()
