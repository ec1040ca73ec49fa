"""The wages panel: what today, this week and this month really paid per hour, held against the minimum wage."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.money import Money, MoneyError
from surveydesk.platforms.registry import platform_name
from surveydesk.services.wage_reports import WageSummary
from surveydesk.ui.formatting import (
    amount_text,
    format_date,
    format_money,
    format_number,
    format_wage,
    read_amount,
)
from surveydesk.ui.formatting import format_rate as format_money_rate
from surveydesk.ui.place_names import country_name
from surveydesk.ui.text import plain_label, whole_headers
from surveydesk.work.minimum_wage import MINIMUM_WAGES, default_minimum_wage, statutory_rates
from surveydesk.work.model import UnpaidCause
from surveydesk.work.wage_settings import WageSettings
from surveydesk.work.wages import CurrencyFigures, WageReport, long_enough_to_count

if TYPE_CHECKING:
    from _typeshed import SupportsDunderLT  # anything `<` can compare: the cells' sort keys

WARNING_COLOUR = "#c0392b"
_SEPARATOR = " · "
_NAME, _TIME, _EARNED, _TASK_WAGE, _TRUE_WAGE = range(5)


def format_duration(seconds: float) -> str:
    """A length of time to the nearest minute, hours then minutes in the worker's language: 3900 s → "1:05",
    "1 h 05" in French, where "1:05" beside the timer's minutes and seconds ("Session 0:12") read as either."""
    hours, minutes = divmod(int(max(0.0, seconds) / 60 + 0.5), 60)
    return QCoreApplication.translate("WagesPanel", "{0}:{1}").format(hours, f"{minutes:02d}")


def format_rate(wage: Money | None) -> str:
    """An hourly wage such as "£8.12/h"; "—" when there is no figure (no time was spent)."""
    return "—" if wage is None else format_money_rate(wage)


def format_share(share: float | None) -> str:
    """A share of 0..1 as a whole percentage: 0.7249 → "72%"."""
    if share is None:
        return "—"
    return QCoreApplication.translate("WagesPanel", "{0}%").format(format_number(int(share * 100 + 0.5)))


def compare_wage(wage: Money | None, minimum: Money | None) -> int | None:
    """-1, 0 or 1 as `wage` is below, at or above `minimum`; None when they cannot be compared.

    No exchange rate is guessed here: the minimum comes already converted into the wage's currency
    (`ledger.minimum_in_currency`); a wage in another currency is not compared at all.
    """
    if wage is None or minimum is None or wage.currency != minimum.currency:
        return None
    return (wage.minor > minimum.minor) - (wage.minor < minimum.minor)


def nothing_worked(summary: WageSummary) -> bool:
    """Whether no time and no pay is recorded in any of the summary's periods."""
    reports = (summary.today, summary.this_week, summary.this_month)
    return all(report.shift_seconds <= 0 and not report.by_currency for report in reports)


def _joined(texts: Iterable[str]) -> str:
    """One text per currency; the same words said once ("too short to count" for each currency of a platform
    whose time is too short)."""
    return _SEPARATOR.join(dict.fromkeys(texts)) or "—"


def _money_key(
    figures: Mapping[str, CurrencyFigures], pick: Callable[[CurrencyFigures], Money | None]
) -> tuple[tuple[str, int], ...]:
    """Sorts amounts by currency, then by amount: figures in different currencies are never added up."""
    return tuple((money.currency, money.minor) for money in map(pick, figures.values()) if money is not None)


class _Cell(QTableWidgetItem):
    """A read-only table cell that sorts by a value of its own, not by its text ("10:00" after "9:00")."""

    def __init__(self, text: str, key: SupportsDunderLT[Any]) -> None:
        super().__init__(text)
        self.key = key
        self.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return bool(self.key < other.key) if isinstance(other, _Cell) else super().__lt__(other)


class PeriodView(QGroupBox):
    """One period's figures, a plain-text line each; a wage below the minimum is in the warning colour."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._layout = QVBoxLayout(self)
        self._labels: list[QLabel] = []

    def show_lines(self, lines: list[tuple[str, bool]]) -> None:
        """Show `lines` as (text, warning) pairs; labels are reused from one refresh to the next."""
        while len(self._labels) < len(lines):
            label = plain_label(self)
            label.setWordWrap(True)
            self._layout.addWidget(label)
            self._labels.append(label)
        for index, label in enumerate(self._labels):
            shown = index < len(lines)
            label.setVisible(shown)
            text, warning = lines[index] if shown else ("", False)
            label.setText(text)
            label.setStyleSheet(f"color: {WARNING_COLOUR};" if warning else "")

    def texts(self) -> list[str]:
        """The lines shown now (for tests and accessibility)."""
        return [label.text() for label in self._labels if not label.isHidden()]

    def warnings(self) -> list[str]:
        """The lines shown in the warning colour."""
        return [label.text() for label in self._labels if not label.isHidden() and label.styleSheet()]


class MinimumWageEditor(QGroupBox):
    """The worker's country and hourly minimum wage; choosing a country proposes its latest statutory figure (net
    for France) and says since when. What she saves applies from today on; earlier days keep the rates of
    their time."""

    saved = Signal()

    def __init__(
        self, settings: WageSettings, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(self.tr("Minimum wage"), parent)
        self._settings = settings
        self._today = today
        self.country = QComboBox(self)
        self.country.setAccessibleName(self.tr("Country"))
        for code in MINIMUM_WAGES:
            self.country.addItem(country_name(code), code)
        chosen = settings.country()
        if self.country.findData(chosen) < 0:
            self.country.addItem(country_name(chosen), chosen)
        self.country.setCurrentIndex(self.country.findData(chosen))
        self.country.activated.connect(self._propose_default)
        self.amount = QLineEdit(self)
        self.amount.setAccessibleName(self.tr("Minimum wage per hour"))
        self.amount.setPlaceholderText(amount_text("11.88"))
        self.amount.setValidator(QRegularExpressionValidator(QRegularExpression(r"^\d{0,6}([.,]\d{0,3})?$"), self))
        self.amount.setToolTip(
            self.tr("Per hour, from today on (France: the net SMIC); leave empty to compare with nothing")
        )
        self.currency = QLineEdit(self)
        self.currency.setAccessibleName(self.tr("Currency"))
        self.currency.setPlaceholderText("EUR")
        self.currency.setMaxLength(3)
        self.currency.setValidator(QRegularExpressionValidator(QRegularExpression(r"^[A-Za-z]{0,3}$"), self))
        self.currency.setMaximumWidth(60)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.message = plain_label(self)
        self._show_wage(settings.minimum_wage())
        if settings.minimum_rates() == statutory_rates(chosen):
            self._say(self._statutory_words(chosen), warning=False)

        layout = QHBoxLayout(self)
        layout.addWidget(self.country)
        layout.addWidget(self.amount)
        layout.addWidget(self.currency)
        layout.addWidget(QLabel(self.tr("per hour"), self))
        layout.addWidget(self.save_button)
        layout.addWidget(self.message, 1)

    def save(self) -> bool:
        """Keep what the fields say; an amount that cannot be read exactly is refused in words."""
        text = self.amount.text().strip()
        try:
            wage = read_amount(text, self.currency.text()) if text else None
        except MoneyError:
            example = amount_text("11.88")
            self._say(
                self.tr("Enter an amount such as {0} and a currency code such as EUR.").format(example),
                warning=True,
            )
            return False
        self._settings.set_country(self.country.currentData())
        self._settings.set_minimum_wage(wage, self._today())
        self._show_wage(wage)
        self._say(self.tr("Saved."), warning=False)
        self.saved.emit()
        return True

    def _propose_default(self, _index: int) -> None:
        country = self.country.currentData()
        wage = default_minimum_wage(country)
        if wage is None:
            self.amount.clear()
        else:
            self._show_wage(wage)
        self._say(self._statutory_words(country), warning=False)

    def _statutory_words(self, country: str) -> str:
        """Which figure the country's is and since when; nothing for a country with no hourly figure."""
        wage = MINIMUM_WAGES.get(country)
        if wage is None or wage.since is None:
            return ""
        if wage.net:
            return self.tr("Net hourly minimum since {0}").format(format_date(wage.since))
        return self.tr("Gross hourly minimum since {0}").format(format_date(wage.since))

    def _show_wage(self, wage: Money | None) -> None:
        self.amount.setText("" if wage is None else amount_text(wage))
        if wage is not None:
            self.currency.setText(wage.currency)

    def _say(self, text: str, warning: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {WARNING_COLOUR};" if warning else "")


class _Column(QWidget):
    """The Wages tab's figures, one above the other, in a scroll area that asks their height for a width: each
    wrapped line at the height its lines need, the month's tables at their smallest (a few rows). So the column
    scrolls only when that much does not fit, and the tables take whatever room is left."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        if layout is None:
            return super().heightForWidth(width)
        margins = layout.contentsMargins()
        inner = width - margins.left() - margins.right()
        heights = []
        for index in range(layout.count()):
            item = layout.itemAt(index)
            if item is None or item.isEmpty():
                continue
            heights.append(item.heightForWidth(inner) if item.hasHeightForWidth() else item.minimumSize().height())
        return sum(heights) + layout.spacing() * max(0, len(heights) - 1) + margins.top() + margins.bottom()


class WagesPanel(QWidget):
    """Task wage and true wage per period, where the unpaid hours went, and the month by platform and requester."""

    minimum_changed = Signal()  # the worker saved another minimum wage: the figures need working out again

    def __init__(
        self, settings: WageSettings, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._summary: WageSummary | None = None
        self._causes = {
            UnpaidCause.SEARCHING: self.tr("Searching"),
            UnpaidCause.SCREENED_OUT: self.tr("Screened out"),
            UnpaidCause.RETURNED: self.tr("Returned"),
            UnpaidCause.TIMED_OUT: self.tr("Timed out"),
            UnpaidCause.ABANDONED: self.tr("Abandoned"),
            UnpaidCause.REJECTED: self.tr("Rejected"),
        }

        self.status = plain_label(self)
        self.status.setWordWrap(True)
        self.status.setText(self.tr("Working out your wages…"))
        self.empty_label = plain_label(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setText(
            self.tr("No finished tasks yet: the figures appear when you end your first task.")
        )
        self.empty_label.hide()
        self.today = PeriodView(self.tr("Today"), self)
        self.this_week = PeriodView(self.tr("This week"), self)
        self.this_month = PeriodView(self.tr("This month"), self)
        self.platforms = self._table()
        self.platforms.setAccessibleName(self.tr("This month by platform"))
        self.requesters = self._table()
        self.requesters.setAccessibleName(self.tr("This month by requester"))
        self.month_tabs = QTabWidget(self)
        self.month_tabs.addTab(self.platforms, self.tr("This month by platform"))
        self.month_tabs.addTab(self.requesters, self.tr("This month by requester"))
        # The month's tables at their smallest: their heading and two rows.
        self.month_tabs.setMinimumHeight(self.month_tabs.tabBar().sizeHint().height() + 3 * 26)
        self.editor = MinimumWageEditor(settings, self, today)
        self.editor.saved.connect(self._on_minimum_saved)

        periods = QHBoxLayout()
        for view in (self.today, self.this_week, self.this_month):
            periods.addWidget(view, 1)
        # The figures scroll rather than squeeze: on a narrow window the cards' lines wrap and need more height
        # than a 768 px screen leaves, and a squeezed line loses its bottom.
        content = _Column(self)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(content)
        self._column = layout
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.status)
        # With nothing worked yet, the words take the room the figures would, so the rest keeps its size.
        layout.addWidget(self.empty_label, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(periods)
        layout.addWidget(self.month_tabs, 1)
        layout.addWidget(self.editor)
        scroll.setWidget(content)
        self._set_figures_visible(False)

    def add_section(self, section: QWidget) -> None:
        """A section of figures worked out elsewhere (the earnings goals), above the minimum wage's editor."""
        self._column.insertWidget(self._column.indexOf(self.editor), section)

    def show_summary(self, summary: WageSummary) -> None:
        self._summary = summary
        self.status.hide()
        empty = nothing_worked(summary)
        self.empty_label.setVisible(empty)
        self._set_figures_visible(not empty)
        if empty:
            return
        self.today.show_lines(self._period_lines(summary.today))
        self.this_week.show_lines(self._period_lines(summary.this_week))
        self.this_month.show_lines(self._period_lines(summary.this_month))
        self._fill(self.platforms, {platform_name(key): report for key, report in summary.by_platform.items()})
        unknown = self.tr("Unknown requester")
        self._fill(self.requesters, {key or unknown: report for key, report in summary.by_requester.items()})

    def show_error(self, message: str) -> None:
        """Say why the figures could not be worked out; the last ones shown stay, as they were."""
        self.status.setText(message)
        self.status.setStyleSheet(f"color: {WARNING_COLOUR};")
        self.status.show()

    # --- the figures ----------------------------------------------------------------------------------------

    def _period_lines(self, report: WageReport) -> list[tuple[str, bool]]:
        if report.shift_seconds <= 0 and not report.by_currency:
            return [(self.tr("Nothing worked yet."), False)]
        lines: list[tuple[str, bool]] = []
        if report.by_currency and not long_enough_to_count(report.shift_seconds):
            # The hours, and so the tasks' time, are too short for every currency alike: said once, not once per
            # currency (a card said it three times, with a minimum wage compared with nothing for each).
            lines.append((self.tr("Wages: too short to count yet"), False))
        else:
            for figures in report.by_currency.values():
                rates = self.tr("{0} task · {1} true").format(
                    format_wage(figures.task_wage, figures.paid_seconds),
                    format_wage(figures.true_wage, report.shift_seconds),
                )
                lines.append((rates, False))
                lines.extend(self._comparisons(figures, report.shift_seconds))
        if not report.by_currency and format_duration(report.shift_seconds) == format_duration(0):
            # Hours worked that show as "0:00": no wage to judge yet, so no "below the minimum" beside them.
            lines.append((self.tr("Nothing paid yet."), False))
        elif not report.by_currency:
            lines.append((self.tr("Nothing paid for these hours."), False))
            minimum = self._summary.minimum if self._summary is not None else None
            if minimum is not None and minimum.hourly is not None:
                below = self.tr("True wage: below the minimum wage of {0}").format(format_rate(minimum.hourly))
                lines.append((below, True))
        lines.append((self.tr("Hours worked: {0}").format(format_duration(report.shift_seconds)), False))
        lines.append((self._unpaid_words(report), False))
        return lines

    def _comparisons(self, figures: CurrencyFigures, true_seconds: float) -> list[tuple[str, bool]]:
        """Each wage against today's minimum wage, converted into the wage's currency with the History's rates
        (the rate's day said); a missing rate or minimum is said, never guessed; a wage too short to count is
        compared with nothing."""
        minimum = self._summary.minimum if self._summary is not None else None
        if minimum is None or minimum.hourly is None:
            return [(self.tr("Minimum wage: none set; you can type one below."), False)]
        currency = figures.paid.currency
        in_currency = minimum.by_currency.get(currency)
        if in_currency is None or in_currency.converted is None:
            words = self.tr(
                "Minimum wage of {0}: no exchange rate to {1} on {2} yet, so it is not compared "
                "(History, Exchange rates…)."
            )
            return [(words.format(format_rate(minimum.hourly), currency, format_date(minimum.day)), False)]
        limit = in_currency.converted
        lines = []
        if in_currency.needs_rate:
            converted = self.tr("Minimum wage {0} = {1} at the rate of {2}").format(
                format_rate(in_currency.minimum),
                format_rate(limit),
                format_date(in_currency.rate_day or minimum.day),
            )
            lines.append((converted, False))
        wages = (
            (self.tr("Task wage"), figures.task_wage, figures.paid_seconds),
            (self.tr("True wage"), figures.true_wage, true_seconds),
        )
        for kind, wage, seconds in wages:
            relation = compare_wage(wage, limit) if long_enough_to_count(seconds) else None
            if relation is None:
                text = self.tr("{0}: —").format(kind)
            elif relation < 0:
                text = self.tr("{0}: below the minimum wage of {1}").format(kind, format_rate(limit))
            elif relation > 0:
                text = self.tr("{0}: above the minimum wage of {1}").format(kind, format_rate(limit))
            else:
                text = self.tr("{0}: at the minimum wage of {1}").format(kind, format_rate(limit))
            lines.append((text, relation is not None and relation < 0))
        return lines

    def _unpaid_words(self, report: WageReport) -> str:
        causes = _SEPARATOR.join(
            f"{words} {format_duration(report.unpaid_seconds[cause])}"
            for cause, words in self._causes.items()
            if report.unpaid_seconds.get(cause, 0.0) > 0
        )
        share = format_share(report.unpaid_share)
        return (
            self.tr("Unpaid: {0} ({1})").format(share, causes) if causes else self.tr("Unpaid: {0}").format(share)
        )

    # --- the month's table ----------------------------------------------------------------------------------

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 5, self)
        # "Earned or pending", not "Paid": a submitted task counts its reward while it awaits review.
        table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Time"),
                self.tr("Earned or pending"),
                self.tr("Task wage"),
                self.tr("True wage"),
            ]
        )
        earned = table.horizontalHeaderItem(_EARNED)
        assert earned is not None  # set by the labels just above
        earned.setToolTip(
            self.tr(
                "What your ended tasks earned, approved or paid, and what still awaits review, as History says"
            )
        )
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        # Shared out across the width: at its default size a French header ("Salaire par tâche") was cut.
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSortIndicator(_TIME, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        whole_headers(table.horizontalHeader())  # with room for the sort arrow any of them may show
        return table

    def _fill(self, table: QTableWidget, reports: Mapping[str, WageReport]) -> None:
        # Sorting while rows are added would move them under our feet; it is turned back on once they are in.
        table.setSortingEnabled(False)
        table.setRowCount(len(reports))
        for row, (name, report) in enumerate(reports.items()):
            figures = report.by_currency
            cells = {
                _NAME: _Cell(name, name.casefold()),
                _TIME: _Cell(format_duration(report.attempt_seconds), report.attempt_seconds),
                _EARNED: _Cell(
                    _joined(format_money(f.paid) for f in figures.values()), _money_key(figures, lambda f: f.paid)
                ),
                _TASK_WAGE: _Cell(
                    _joined(format_wage(f.task_wage, f.paid_seconds) for f in figures.values()),
                    _money_key(figures, lambda f: f.task_wage),
                ),
                _TRUE_WAGE: _Cell(
                    _joined(format_wage(f.true_wage, report.shift_seconds) for f in figures.values()),
                    _money_key(figures, lambda f: f.true_wage),
                ),
            }
            for column, cell in cells.items():
                table.setItem(row, column, cell)
        table.setSortingEnabled(True)

    # --- plumbing -------------------------------------------------------------------------------------------

    def _set_figures_visible(self, visible: bool) -> None:
        for widget in (self.today, self.this_week, self.this_month, self.month_tabs):
            widget.setVisible(visible)

    def _on_minimum_saved(self) -> None:
        """The figures are worked out again with the new minimum (converted on the pool, where the rates are)."""
        self.minimum_changed.emit()
