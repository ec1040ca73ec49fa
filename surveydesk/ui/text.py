"""Small helpers for showing text safely: plain-text labels for untrusted words, local times for UTC ones."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from surveydesk.core.money import Money
from surveydesk.core.translatable import Sentence
from surveydesk.ui.formatting import format_date, format_money, format_number, format_time

# Only named here: making their Python types costs some milliseconds (QStyle's 5.5 ms), which the window's first
# frame, which imports this module, need not pay (bench/startup.py).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableWidget


def account_title(platform_name: str, label: str) -> str:
    """An account as lists name it, "BitLabs — demo": her label alone is ambiguous across platforms."""
    return f"{platform_name} — {label}"


def plain_label(parent: QWidget, text: str = "") -> QLabel:
    """A label that never interprets markup: titles, names and server messages are untrusted text."""
    label = QLabel(parent)
    label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def plain_question(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A question box whose text is never read as markup (it names tasks), for the caller to add its answers."""
    return _plain_box(parent, QMessageBox.Icon.Question, title, text)


def plain_warning(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A warning box whose text is never read as markup; with no button added it has OK."""
    return _plain_box(parent, QMessageBox.Icon.Warning, title, text)


def _plain_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
    box.setWindowTitle(title)
    box.setText(text)
    return box


# What QLineEdit keeps around its text inside the frame: 2 px each side, and 1 for the cursor.
_LINE_EDIT_MARGINS = 5
# What a window manager's title bar keeps beside the title: the window's icon and its three buttons.
_TITLE_BAR_BUTTONS = 160


def whole_placeholder(field: QLineEdit, text: str) -> None:
    """Give a field its grey example and keep the field wide enough to show all of it: a French example is
    longer than the English one, and a narrow field cut it ("Le nom de la tâche s…")."""
    field.setPlaceholderText(text)
    from PySide6.QtWidgets import QStyle, QStyleOptionFrame

    option = QStyleOptionFrame()
    option.initFrom(field)
    option.lineWidth = field.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, field)
    margins = field.textMargins()
    inner = field.fontMetrics().horizontalAdvance(text) + margins.left() + margins.right() + _LINE_EDIT_MARGINS
    needed = field.style().sizeFromContents(
        QStyle.ContentsType.CT_LineEdit, option, QSize(inner, field.fontMetrics().height()), field
    )
    field.setMinimumWidth(needed.width())


def whole_title(window: QWidget) -> None:
    """Keep a small window wide enough for the title bar to show its whole title ("Commencer…he à la main")."""
    needed = window.fontMetrics().horizontalAdvance(window.windowTitle()) + _TITLE_BAR_BUTTONS
    window.setMinimumWidth(max(window.minimumWidth(), needed))


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is: Qt reads a tooltip as markup when it looks like markup, so the
    words go escaped inside a paragraph."""
    return f"<p>{html.escape(text)}</p>"


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """The text of a cell, empty where no item was ever set (Qt then has none to give)."""
    item = table.item(row, column)
    return "" if item is None else item.text()


def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in the worker's own time zone."""
    return "" if moment is None else format_time(moment, seconds=True)


def translated(text: str) -> str:
    """Words from the pure layers in the worker's language: a Sentence (core/translatable.py) is translated and
    its values written the language's way; any other text (a platform's own words) is shown as it is."""
    if not isinstance(text, Sentence):
        return text
    template = QCoreApplication.translate(text.context, text.template)
    return template.format(*(_value_text(value) for value in text.values)) if text.values else template


def _value_text(value: object) -> str:
    if isinstance(value, Money):
        return format_money(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value)
    return translated(value) if isinstance(value, str) else str(value)


def schema_text(text: str) -> str:
    """A text of the profile schema (a label, a hint, a group's reason) in the worker's language; the schema's
    texts reach the .ts through profile/schema_words.py."""
    return QCoreApplication.translate("Schema", text)


def whole_headers(header: QHeaderView) -> None:
    """Columns shrink no narrower than the widest of their titles: on a narrow window the table scrolls sideways
    rather than cut a column's name (a stretched "Earned or pending" at 133 px of the 149 it needs)."""
    widest = max((header.sectionSizeFromContents(section).width() for section in range(header.count())), default=0)
    header.setMinimumSectionSize(max(header.minimumSectionSize(), widest))
