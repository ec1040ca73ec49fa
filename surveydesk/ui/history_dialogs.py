"""The history's small dialogs: the exchange-rate editor, a note on an entry, a correction of an entry, and the
choice an import with unreadable rows leaves to the worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import QDate, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.earnings import Kind, Status
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.sanitize import typed_amount_problem
from surveydesk.ledger.history import EntryRow
from surveydesk.ledger.rates import Rate, RateError, parse_rate
from surveydesk.platforms.history_file import ParsedFile
from surveydesk.services.history_service import HistoryService
from surveydesk.ui.formatting import amount_text, date_entry_format, format_date, format_number, read_amount
from surveydesk.ui.task_titles import entry_title
from surveydesk.ui.text import cell_text, plain_label, translated

WARNING = "color: #c0392b;"
MAX_NOTE = 2000


class RatesDialog(QDialog):
    """Exchange rates by date, as euros buy them (the ECB's convention); the worker may add, change, remove.

    It only asks and shows: the history service reads and writes the rates on the pool, and says when they
    changed (`rates_edited`), whoever changed them.
    """

    update_requested = Signal()

    def __init__(
        self, service: HistoryService, last_update: Callable[[], str] | None = None, parent: QWidget | None = None
    ) -> None:
        """`last_update` says when rates last came from the ECB (read again whenever the table is)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exchange rates"))
        self._service = service
        self._asked = 0  # the number of the latest list of rates asked for; older ones are not shown
        self._last_update = last_update or (lambda: "")
        self.last_update = plain_label(self)
        self.last_update.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Currency"), self.tr("Date"), self.tr("1 EUR buys"), self.tr("From")]
        )
        self.table.setAccessibleName(self.tr("Exchange rates kept"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.currency = QLineEdit(self)
        self.currency.setAccessibleName(self.tr("Currency of the new rate"))
        self.currency.setPlaceholderText("USD")
        self.currency.setMaxLength(3)
        self.currency.setValidator(QRegularExpressionValidator(QRegularExpression(r"^[A-Za-z]{0,3}$"), self))
        self.day = QDateEdit(self)
        self.day.setAccessibleName(self.tr("Date of the new rate"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_entry_format())
        self.day.setDate(QDate.currentDate())
        self.rate = QLineEdit(self)
        self.rate.setPlaceholderText(amount_text("1.0921"))
        self.rate.setAccessibleName(self.tr("How much of the currency 1 EUR buys"))
        self.add_button = QPushButton(self.tr("Keep this rate"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.update_button = QPushButton(self.tr("Update from the ECB"), self)
        self.update_button.clicked.connect(self.update_requested)
        self.message = plain_label(self)
        self.message.setWordWrap(True)
        explanation = plain_label(self)
        explanation.setWordWrap(True)
        explanation.setText(
            self.tr(
                "An amount is converted with the latest rate dated on or before its day; with none that old it "
                "is not converted, and the totals say so. Rates you keep here are never replaced by the ECB's."
            )
        )
        form = QHBoxLayout()
        form.addWidget(self.currency)
        form.addWidget(self.day)
        form.addWidget(self.rate, 1)
        form.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.update_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.last_update)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(520, 420)
        # Bound methods of the dialog: Qt disconnects them when the dialog is gone.
        service.rates_loaded.connect(self._show_rates)
        service.rates_edited.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.last_update.setText(self._last_update())
        self._asked += 1
        self._service.load_rates(self._asked)

    def _show_rates(self, number: int, kept: list[Rate]) -> None:
        if number != self._asked:
            return
        rates = sorted(kept, key=lambda rate: (rate.day, rate.currency), reverse=True)
        self.table.setRowCount(len(rates))
        sources = {"ecb": self.tr("ECB"), "worker": self.tr("you")}
        for row, rate in enumerate(rates):
            texts = (
                rate.currency,
                format_date(rate.day),
                amount_text(rate.per_euro),
                sources.get(rate.source, rate.source),
            )
            items = [QTableWidgetItem(text) for text in texts]
            items[1].setData(Qt.ItemDataRole.UserRole, rate.day)  # the day itself, whatever its text
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)

    def add(self) -> bool:
        """Ask for the typed rate to be kept; False (and the reason shown) when it cannot be right."""
        try:
            per_euro = parse_rate(self.rate.text())
            day = cast(date, self.day.date().toPython())  # PySide6 types QDate.toPython() as object
            self._service.keep_rate(self.currency.text(), day, per_euro)
        except (RateError, MoneyError) as error:
            self._say(
                self.tr("Not kept: {0}. Enter a currency such as USD and a rate such as 1.0921.").format(error)
            )
            return False
        self._say("")
        return True

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        rates = [
            (
                cell_text(self.table, row, 0),
                cast(date, self.table.model().index(row, 1).data(Qt.ItemDataRole.UserRole)),
            )
            for row in rows
        ]
        if rates:
            self._service.remove_rates(rates)

    def on_rates_updated(self, count: int) -> None:
        self.refresh()
        self.show_message(self.tr("{0} rates from the ECB are new or changed.").format(count))

    def on_rates_failed(self, message: str) -> None:
        self.show_message(message, warning=True)

    def show_message(self, text: str, warning: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(WARNING if warning else "")

    def _say(self, text: str) -> None:
        self.show_message(text, warning=bool(text))


class NoteDialog(QDialog):
    """The worker's note on one entry; it is kept as a new event, the platform's record stays as it was."""

    def __init__(self, entry: EntryRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Note"))
        title = plain_label(self)
        title.setWordWrap(True)
        title.setText(entry_title(entry.platform, entry.title))
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(entry.note)
        self.text.setAccessibleName(self.tr("Your note"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def note(self) -> str:
        return self.text.toPlainText().strip()[:MAX_NOTE]


class CorrectionDialog(QDialog):
    """The worker's correction of an entry's status or amount, kept beside (and believed over) the platform's."""

    def __init__(self, entry: EntryRow, status_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Correct an entry"))
        self._entry = entry
        title = plain_label(self)
        title.setWordWrap(True)
        title.setText(entry_title(entry.platform, entry.title))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("(keep the status)"), None)
        for status in Status:
            if not status.presumed:  # SurveyDesk presumes; the worker knows
                self.status.addItem(status_name(status.value), status)
        self.amount = QLineEdit(self)
        self.amount.setText(amount_text(entry.amount))
        self.amount.setToolTip(self.tr("In {0}").format(entry.amount.currency))
        self.message = plain_label(self)
        self.message.setStyleSheet(WARNING)
        self.message.setWordWrap(True)  # a refusal is a sentence; the dialog keeps its width
        self.setMinimumWidth(420)  # room for a refusal on two lines
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Status:"), self.status)
        form.addRow(self.tr("Amount ({0}):").format(entry.amount.currency), self.amount)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def correction(self) -> tuple[Status | None, Money | None]:
        """What changed: a status and/or an amount; (None, None) when nothing did. Raises MoneyError."""
        chosen = self.status.currentData()  # Qt hands the enum back as its plain string
        status = None if chosen is None else Status(chosen)
        amount = read_amount(self.amount.text().strip(), self._entry.amount.currency)
        return status, (None if amount == self._entry.amount else amount)

    def _check_and_accept(self) -> None:
        try:
            status, amount = self.correction()
        except MoneyError:
            self._say(self.tr("Enter the amount as a number such as {0}.").format(amount_text("1.50")))
            return
        if status is None and amount is None:
            self._say(self.tr("Nothing to correct: change the status or the amount."))
            return
        problem = None if amount is None else typed_amount_problem(amount, Kind(self._entry.kind))
        if problem is not None:
            self._say(translated(problem))
            return
        self.accept()

    def _say(self, text: str) -> None:
        """Show why the correction is refused; the dialog grows to the sentence's lines (a wrapped label does not
        make a shown dialog taller by itself: its last line was cut)."""
        self.message.setText(text)
        self.adjustSize()


class UnreadableRowsDialog(QDialog):
    """Some rows of an import cannot be read: each is listed with its line and why, and the worker imports the
    others or nothing (never half a file without her say)."""

    def __init__(self, parsed: ParsedFile[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Some rows cannot be read"))
        question = plain_label(self)
        question.setWordWrap(True)
        question.setText(
            self.tr("{0} row(s) of this file cannot be read. Import the {1} others, or nothing?").format(
                format_number(len(parsed.unreadable)), format_number(len(parsed.rows))
            )
        )
        self.rows = QPlainTextEdit(self)
        self.rows.setReadOnly(True)
        self.rows.setAccessibleName(self.tr("The rows that cannot be read"))
        self.rows.setPlainText("\n".join(translated(row.said) for row in parsed.unreadable))
        self.rows.setMinimumHeight(120)
        self.rows.setMaximumHeight(320)  # the dialog stays on a 768-pixel screen
        buttons = QDialogButtonBox(self)
        self.import_rest = buttons.addButton(
            self.tr("Import the {0} others").format(format_number(len(parsed.rows))),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_nothing = buttons.addButton(self.tr("Import nothing"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.rows, 1)
        layout.addWidget(buttons)
