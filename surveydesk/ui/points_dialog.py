"""Where the worker says what her rewards sites' points are worth: "from this day, 1,000 points are worth 1 €".

A survey wall on a rewards site counts in the site's own points, and nothing the wall sends says what they are
worth (ledger/points.py). Until she says, the wall's surveys show their price in dollars with the points beside
it, and rewards in points wait outside the earnings log; from the next check and the next sync, they are read
at the worth she gave, from its day on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from typing import cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.model import Account, AccountKey
from surveydesk.core.money import MoneyError
from surveydesk.core.points import PointsError, PointsValue, parse_points
from surveydesk.ledger.points import PointsValueStore
from surveydesk.platforms.registry import platform_name
from surveydesk.ui.formatting import (
    amount_text,
    date_entry_format,
    display_locale,
    format_date,
    format_money,
    format_number,
    read_amount,
)
from surveydesk.ui.history_dialogs import WARNING
from surveydesk.ui.text import account_title, plain_label

CURRENCIES = ("EUR", "GBP", "USD")
_KEY_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: the row's account and day


class PointsValueDialog(QDialog):
    """The values kept for each survey-wall account, and a form to add one; `changed` after every change."""

    changed = Signal()

    def __init__(
        self, store: PointsValueStore, accounts: Callable[[], Sequence[Account]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Value of points"))
        self._store = store
        self._accounts = list(accounts())
        explanation = plain_label(self)
        explanation.setWordWrap(True)
        explanation.setText(
            self.tr(
                "Survey walls count in the points of the rewards site they are on, and never say what a point is "
                "worth. Say it here, as your rewards site's cash-out page shows it: from its next check of the "
                "wall, SurveyDesk counts those points as money from that day on. Until you do, surveys show the "
                "price the wall is paid, and rewards in points wait outside your earnings."
            )
        )
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("From"), self.tr("Points"), self.tr("Worth")]
        )
        self.table.setAccessibleName(self.tr("Values of points kept"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # "CPX Research — demo" on one line, not wrapped in a column of the default width
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.account = QComboBox(self)
        self.account.setAccessibleName(self.tr("Account whose points these are"))
        for account in self._accounts:
            self.account.addItem(_account_text(account), account.key)
        self.day = QDateEdit(self)
        self.day.setAccessibleName(self.tr("First day of this value"))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_entry_format())
        self.day.setDate(QDate.currentDate())
        self.points = QLineEdit("1000", self)
        self.points.setAccessibleName(self.tr("Number of points"))
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(amount_text("1.00"))
        self.amount.setAccessibleName(self.tr("What these points are worth"))
        self.currency = QComboBox(self)
        self.currency.addItems(CURRENCIES)
        self.currency.setAccessibleName(self.tr("Currency of their worth"))
        self.add_button = QPushButton(self.tr("Keep this value"), self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = plain_label(self)
        self.message.setWordWrap(True)
        form = QHBoxLayout()
        form.addWidget(self.account, 2)
        form.addWidget(plain_label(self, self.tr("from")))
        form.addWidget(self.day)
        form.addWidget(self.points, 1)
        form.addWidget(plain_label(self, self.tr("points are worth")))
        form.addWidget(self.amount, 1)
        form.addWidget(self.currency)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.resize(640, 420)
        if not self._accounts:
            self._say(self.tr("Connect a survey wall in Accounts first."))
            for widget in (self.account, self.day, self.points, self.amount, self.currency, self.add_button):
                widget.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        rows = [(account, value) for account in self._accounts for value in self._store.of(account.key)]
        self.table.setRowCount(len(rows))
        for row, (account, value) in enumerate(rows):
            texts = (
                _account_text(account),
                format_date(value.day),
                _points_text(value.points),
                format_money(value.worth),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(_KEY_ROLE, (account.key, value.day))
                self.table.setItem(row, column, item)

    def add(self) -> bool:
        """Keep the value the form says; a refusal says in words what to fix, and keeps what was typed."""
        key = self.account.currentData()
        if not isinstance(key, AccountKey):
            return False
        try:
            points = parse_points(self.points.text())
            worth = read_amount(self.amount.text().strip(), self.currency.currentText())
            day = cast(date, self.day.date().toPython())  # PySide6 types QDate.toPython() as object
            self._store.set(key, PointsValue(day, points, worth))
        except (PointsError, MoneyError):
            self._say(
                self.tr(
                    "Not kept: enter a number of points such as 1000 and what they are worth, such as {0}."
                ).format(amount_text("1.00"))
            )
            return False
        self._say("")
        self.refresh()
        self.changed.emit()
        return True

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        for row in rows:
            item = self.table.item(row, 0)
            key, day = item.data(_KEY_ROLE) if item is not None else (None, None)
            if isinstance(key, AccountKey) and isinstance(day, date):
                self._store.remove(key, day)
        if rows:
            self.refresh()
            self.changed.emit()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(WARNING if text else "")


def _points_text(points: Decimal) -> str:
    """A number of points the worker's way: "1 000" or "1,000"; a fraction with the language's decimal mark."""
    if points == points.to_integral_value():
        return format_number(int(points))
    return f"{points.normalize():f}".replace(".", display_locale().decimalPoint())


def _account_text(account: Account) -> str:
    """The demo's BitLabs and CPX walls were both "demo" in the list and the form."""
    return account_title(platform_name(account.key.platform), account.label)
