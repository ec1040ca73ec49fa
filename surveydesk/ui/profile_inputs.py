"""Input widgets for one question, by its type: a line for TEXT, NUMBER and DATE, radio buttons for SINGLE,
check boxes for MULTI. Used by the profile editor and the profiler dialog; option texts are plain text.

A DATE is typed the worker's way (`17/04/1985` in French) and kept as year-month-day, the form the profile stores
and the platforms receive; text that is no date is kept as typed, for the validation to name.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from surveydesk.ui.formatting import date_entry_text, read_date

_SCROLL_AFTER = 8  # more options than this go in a scrolling box


class AnswerInput(QWidget):
    """The worker's answer as strings: option codes, or one typed value (empty list when unanswered)."""

    changed = Signal()

    def __init__(
        self,
        kind: str,
        choices: Sequence[tuple[str, str]],
        answers: Sequence[str] = (),
        placeholder: str = "",
        parent: QWidget | None = None,
        single_as_list: bool = False,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.line: QLineEdit | None = None
        self.combo: QComboBox | None = None
        self.buttons: dict[str, QAbstractButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if kind == "SINGLE" and single_as_list:
            # A drop-down can go back to "no answer", which a set of radio buttons cannot.
            self.combo = QComboBox(self)
            self.combo.addItem(self.tr("— no answer —"), "")
            for code, text in choices:
                self.combo.addItem(text, code)
            self.set_answers(answers)
            self.combo.currentIndexChanged.connect(self.changed)
            layout.addWidget(self.combo)
        elif kind in ("SINGLE", "MULTI"):
            layout.addWidget(self._choices(kind, choices, answers))
        else:
            self.line = QLineEdit(self)
            self.line.setPlaceholderText(placeholder)
            self.line.setClearButtonEnabled(True)
            self.line.setText(self._shown(answers[0]) if answers else "")
            self.line.textChanged.connect(self.changed)
            layout.addWidget(self.line)

    def _choices(self, kind: str, choices: Sequence[tuple[str, str]], answers: Sequence[str]) -> QWidget:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(self)
        group.setExclusive(kind == "SINGLE")
        for code, text in choices:
            button: QAbstractButton = QRadioButton(text, holder) if kind == "SINGLE" else QCheckBox(text, holder)
            button.setChecked(code in answers)
            button.toggled.connect(self.changed)
            group.addButton(button)
            column.addWidget(button)
            self.buttons[code] = button
        if len(choices) <= _SCROLL_AFTER:
            return holder
        scroll = QScrollArea(self)
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setMinimumHeight(200)
        return scroll

    def set_accessible_name(self, name: str) -> None:
        """The question's name for screen readers, on the control that takes the answer (radio buttons and check
        boxes are named by their own texts)."""
        self.setAccessibleName(name)
        for control in (self.line, self.combo):
            if control is not None:
                control.setAccessibleName(name)

    def answers(self) -> list[str]:
        if self.combo is not None:
            code = self.combo.currentData()
            return [code] if isinstance(code, str) and code else []
        if self.line is not None:
            text = self.line.text().strip()
            typed = read_date(text) if self.kind == "DATE" and text else None
            return [typed.isoformat()] if typed is not None else [text] if text else []  # stored, not shown
        return [code for code, button in self.buttons.items() if button.isChecked()]

    def set_answers(self, answers: Sequence[str]) -> None:
        if self.combo is not None:
            found = self.combo.findData(answers[0]) if answers else 0
            self.combo.setCurrentIndex(max(found, 0))
            return
        if self.line is not None:
            self.line.setText(self._shown(answers[0]) if answers else "")
            return
        for code, button in self.buttons.items():
            button.setChecked(code in answers)

    def _shown(self, answer: str) -> str:
        """A stored answer as the line shows it: a year-month-day date in the worker's form."""
        if self.kind != "DATE":
            return answer
        try:
            return date_entry_text(date.fromisoformat(answer))
        except ValueError:
            return answer
