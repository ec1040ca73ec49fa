"""The History tab: earnings totals by period, platform and status in the worker's currency, charts, and every
ledger entry in a lazily loaded table, with notes, corrections, rates, import and export.

Everything reads from the local database, so the tab works offline; what the platforms report later (pending
money turning approved, then paid) shows at the next refresh. All reading and writing runs on the pool
(HistoryService, LongJob); this widget only asks and shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.clock import Clock
from surveydesk.core.earnings import Status
from surveydesk.core.model import Account
from surveydesk.core.money import Money, MoneyError, normalise_currency
from surveydesk.core.progress import Progress
from surveydesk.ledger.history import (
    APPROVED,
    DECLINED,
    GROUPS,
    PAGE_SIZE,
    PAID,
    PENDING,
    PERIODS,
    EntryFilter,
    EntryRow,
    EntryTimes,
    Totals,
)
from surveydesk.ledger.points import PointsValueStore
from surveydesk.platforms.history_file import ImportResult, ParsedFile
from surveydesk.platforms.registry import platform_name
from surveydesk.services.history_service import HistoryData, HistoryService, years_of
from surveydesk.services.ledger_files import LedgerFiles
from surveydesk.services.long_job import LongJob
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.entry_model import ENTRY_ROLE, EntryColumn, EntryTableModel
from surveydesk.ui.file_dialogs import file_to_open, file_to_save
from surveydesk.ui.formatting import format_date, format_date_time, format_money, format_number
from surveydesk.ui.history_charts import EarningsChart, UnpaidChart, WageChart, period_label
from surveydesk.ui.history_dialogs import CorrectionDialog, NoteDialog, RatesDialog, UnreadableRowsDialog
from surveydesk.ui.points_dialog import PointsValueDialog
from surveydesk.ui.task_titles import shown_note
from surveydesk.ui.text import plain_label, plain_tooltip, translated, whole_headers
from surveydesk.ui.wages_panel import format_duration
from surveydesk.work.wage_settings import WageSettings

log = logging.getLogger(__name__)

WARNING = "color: #c0392b;"
HINT = "background: #eef5fb; padding: 6px; border-radius: 3px;"
_SEARCH_DELAY_MS = 300


class HistoryView(QWidget):
    """The History tab; `refresh()` re-reads it (after a reconciliation, an import, a change of rates)."""

    job_done = Signal(str)  # what a long job (import, export) ended with, in words
    rates_changed = Signal()  # the exchange rates kept changed (fetched or typed): the Rules' money follows

    def __init__(
        self,
        service: HistoryService,
        long_job: LongJob,
        files: LedgerFiles,
        points_values: PointsValueStore,
        settings: SettingsStore,
        clock: Clock,
        accounts: Callable[[], Sequence[Account]],
        parent: QWidget | None = None,
        wall_accounts: Callable[[], Sequence[Account]] = tuple,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._job = long_job
        self._files = files
        self._points_values = points_values
        self._settings = settings
        self._clock = clock
        self._accounts = accounts
        self._wall_accounts = wall_accounts
        self._data: HistoryData | None = None
        self._rates_problem = ""  # why the last update of the rates failed, until one succeeds
        self._reset_table_on_load = True
        self._progress_dialog: QProgressDialog | None = None
        self._on_job_result: Callable[[Any], str] | None = None
        self._group_names = {
            PENDING: self.tr("Pending"),
            APPROVED: self.tr("Approved"),
            PAID: self.tr("Paid"),
            DECLINED: self.tr("Declined"),
        }

        self._build_toolbar()
        self._build_totals()
        self._build_entries()
        self._build_layout()

        service.loaded.connect(self._on_loaded)
        service.failed.connect(self._show_error)
        service.entry_changed.connect(self._on_entry_changed)
        service.events_loaded.connect(self._on_events)
        service.rates_started.connect(self._show_missing)
        service.rates_updated.connect(self._on_rates_updated)
        service.rates_failed.connect(self._on_rates_failed)
        service.online_changed.connect(lambda _online: self._show_missing())
        service.rates_edited.connect(lambda: self.refresh(reset_table=False))
        service.rates_edited.connect(self.rates_changed)
        service.rates_updated.connect(lambda count: self.rates_changed.emit() if count else None)
        long_job.progressed.connect(self._on_job_progress)
        long_job.finished.connect(self._on_job_finished)
        long_job.cancelled.connect(self._on_job_cancelled)
        long_job.failed.connect(self._on_job_failed)

    # --- building -------------------------------------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.period = QComboBox(self)
        names = {
            "day": self.tr("Day"),
            "week": self.tr("Week"),
            "month": self.tr("Month"),
            "year": self.tr("Year"),
        }
        for period in PERIODS:
            self.period.addItem(names[period], period)
        self.period.setCurrentIndex(PERIODS.index("month"))
        self.period.setAccessibleName(self.tr("Totals per"))
        self.period.currentIndexChanged.connect(lambda _index: self.refresh())
        self.currency = QLineEdit(self)
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(60)
        self.currency.setToolTip(self.tr("Your currency: every total is converted into it"))
        self.currency.setAccessibleName(self.tr("Your currency"))
        self.currency.setText(self._worker_currency())
        self.currency.editingFinished.connect(self._on_currency_edited)
        self.rates_button = QPushButton(self.tr("Exchange rates…"), self)
        self.rates_button.clicked.connect(self.open_rates)
        self.points_button = QPushButton(self.tr("Value of points…"), self)
        self.points_button.clicked.connect(self.open_points)
        self.import_button = QPushButton(self.tr("Import a history file…"), self)
        self.import_button.clicked.connect(self._choose_import)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Ledger as CSV…"), lambda: self._choose_export("csv"))
        menu.addAction(self.tr("Ledger as JSON…"), lambda: self._choose_export("json"))
        menu.addAction(self.tr("Yearly summary per platform…"), lambda: self._choose_export("summary"))
        self.export_button.setMenu(menu)
        self.status = plain_label(self)
        self.status.setWordWrap(True)
        self.status.setText(self.tr("Reading your history…"))

    def _build_totals(self) -> None:
        self.empty_hint = plain_label(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet(HINT)
        self.empty_hint.setText(
            self.tr(
                "Nothing earned yet. Add your platform accounts in Tasks ▸ Accounts… and their earnings appear "
                "here after the next sync (Tasks ▸ Sync earnings now); every task you time is entered at once; "
                "Import a history file… brings in the past work that {0} let you download."
            ).format(QLocale().createSeparatedList(self._files.history_platforms()))
        )
        self.empty_hint.hide()
        self.summary = plain_label(self)
        self.summary.setWordWrap(True)
        self.missing = plain_label(self)
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet(WARNING)
        self.missing.hide()
        self.totals_table = QTableWidget(0, 6, self)
        self.totals_table.setHorizontalHeaderLabels(
            [self.tr("Period"), *(self._group_names[g] for g in GROUPS), self.tr("Earned")]
        )
        self.totals_table.setAccessibleName(self.tr("Totals per period"))
        self.totals_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.totals_table.verticalHeader().hide()
        self.totals_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.platform_table = QTableWidget(0, 1, self)
        self.platform_table.setAccessibleName(self.tr("Earnings by platform"))
        self.platform_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.platform_table.verticalHeader().hide()
        self.platform_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.earnings_chart = EarningsChart(self)
        self.wage_chart = WageChart(self)
        self.unpaid_chart = UnpaidChart(self)
        self.views = QTabWidget(self)
        self.views.addTab(self.totals_table, self.tr("Totals"))
        self.views.addTab(self.platform_table, self.tr("By platform"))
        self.views.addTab(self.earnings_chart, self.tr("Earnings"))
        self.views.addTab(self.wage_chart, self.tr("Wages"))
        self.views.addTab(self.unpaid_chart, self.tr("Unpaid share"))

    def _build_entries(self) -> None:
        self.model = EntryTableModel(self._service, self._service.zone, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Entries"))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(EntryColumn.WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.resizeSection(EntryColumn.WHEN, 130)
        # Wide enough for the longest status in the worker's language ("En attente de validation").
        words = self.table.fontMetrics()
        header.resizeSection(
            EntryColumn.STATUS, max(words.horizontalAdvance(self.model.status_name(s)) for s in Status) + 16
        )
        header.setSectionResizeMode(EntryColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(EntryColumn.NOTE, 200)
        whole_headers(header)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.edit_note())
        self.platform_filter = QComboBox(self)
        self.platform_filter.addItem(self.tr("All platforms"), None)
        self.platform_filter.setAccessibleName(self.tr("Platform"))
        self.platform_filter.currentIndexChanged.connect(lambda _index: self._apply_filter())
        self.group_filter = QComboBox(self)
        self.group_filter.addItem(self.tr("Any status"), None)
        self.group_filter.setAccessibleName(self.tr("Status"))
        for group in GROUPS:
            self.group_filter.addItem(self._group_names[group], group)
        self.group_filter.currentIndexChanged.connect(lambda _index: self._apply_filter())
        self.year_filter = QComboBox(self)
        self.year_filter.addItem(self.tr("All years"), None)
        self.year_filter.setAccessibleName(self.tr("Year"))
        self.year_filter.currentIndexChanged.connect(lambda _index: self._apply_filter())
        self.search = QLineEdit(self)
        # A short grey word, whole even on the narrowest window; what it searches is said on hovering.
        self.search.setPlaceholderText(self.tr("Search…"))
        self.search.setToolTip(plain_tooltip(self.tr("Search titles, requesters and notes")))
        self.search.setClearButtonEnabled(True)
        room = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(room + 2 * 12 + 24)  # the frame's margins and the clear button
        self.search.setAccessibleName(self.tr("Search entries"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.count_label = plain_label(self)
        self.model.rowsInserted.connect(self._update_count)
        self.model.modelReset.connect(self._update_count)
        self.model.loading_changed.connect(lambda _loading: self._update_count())
        self.note_button = QPushButton(self.tr("Note…"), self)
        self.note_button.clicked.connect(self.edit_note)
        self.correct_button = QPushButton(self.tr("Correct…"), self)
        self.correct_button.clicked.connect(self.edit_correction)
        self.events = QPlainTextEdit(self)
        self.events.setReadOnly(True)
        self.events.setAccessibleName(self.tr("The selected entry's history"))
        self.events.setPlaceholderText(self.tr("Select an entry to see its history."))
        self.events.setMaximumHeight(80)
        self._set_entry_buttons(False)

    def _build_layout(self) -> None:
        toolbar = QHBoxLayout()
        toolbar.addWidget(plain_label(self, self.tr("Totals per")))
        toolbar.addWidget(self.period)
        toolbar.addWidget(plain_label(self, self.tr("in")))
        toolbar.addWidget(self.currency)
        toolbar.addWidget(self.rates_button)
        toolbar.addWidget(self.points_button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.export_button)
        filters = QHBoxLayout()
        filters.addWidget(self.platform_filter)
        filters.addWidget(self.group_filter)
        filters.addWidget(self.year_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.note_button)
        filters.addWidget(self.correct_button)
        entries = QWidget(self)
        entries_layout = QVBoxLayout(entries)
        entries_layout.setContentsMargins(0, 0, 0, 0)
        entries_layout.addLayout(filters)
        entries_layout.addWidget(self.table, 1)
        entries_layout.addWidget(self.events)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.views)
        splitter.addWidget(entries)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(toolbar)
        layout.addWidget(self.status)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.missing)
        layout.addWidget(splitter, 1)

    # --- loading --------------------------------------------------------------------------------------------

    def refresh(self, reset_table: bool = True) -> None:
        """Read the totals, charts and (with `reset_table`) the table's first page again, on the pool."""
        self._reset_table_on_load = self._reset_table_on_load or reset_table
        self._service.load(self.period.currentData(), self.currency.text(), self.model.where)

    def ledger_changed(self) -> None:
        """New news in the ledger (a sync): the totals are re-read, and the table too unless the worker is in
        the middle of it (an entry selected, or scrolled past the first page)."""
        untouched = self.selected_entry() is None and self.model.rowCount() <= PAGE_SIZE
        self.refresh(reset_table=untouched)

    def _on_loaded(self, data: HistoryData) -> None:
        self._data = data
        self.status.hide()
        totals = data.snapshot.totals
        self.empty_hint.setVisible(totals.entries == 0)
        self._show_summary(totals)
        self._show_totals_table(totals, data.period)
        self._show_platform_table(totals, data.period)
        self.earnings_chart.show_series(data.snapshot.earnings, data.period, totals.currency)
        self.wage_chart.show_points(data.wages, data.period, totals.currency)
        self.unpaid_chart.show_shares(data.wages, data.snapshot.earnings, data.period)
        self._fill_choices(self.platform_filter, [(platform_name(p), p) for p in totals.platforms()])
        self._fill_choices(self.year_filter, [(str(year), year) for year in years_of(data.snapshot)])
        if self._reset_table_on_load:
            self._reset_table_on_load = False
            self.model.show_first_page(data.snapshot.first_page, data.where, data.snapshot.entries)

    def _show_summary(self, totals: Totals) -> None:
        """The grand totals; with amounts left out for want of a rate, said so rather than shown as nothing."""
        converted = sum(totals.by_group[group].entries for group in GROUPS)
        if totals.missing and not converted:
            self.summary.setText(
                self.tr("Earned: — (not known in {0} until exchange rates arrive) · {1}").format(
                    totals.currency, self._entries_text(totals.entries)
                )
            )
        else:
            earned = Money(
                sum(totals.by_group[group].amount.minor for group in (PENDING, APPROVED, PAID)), totals.currency
            )
            parts = [self.tr("Earned {0}").format(format_money(earned))]
            parts += [
                self.tr("{0} {1}").format(self._group_names[group], format_money(totals.by_group[group].amount))
                for group in GROUPS
            ]
            parts.append(self._entries_text(totals.entries))
            self.summary.setText(" · ".join(parts))
        self._show_missing()

    def _show_missing(self) -> None:
        """What the totals leave out for want of a rate, in each currency, and what is being done about it."""
        missing = [] if self._data is None else self._data.snapshot.totals.missing
        self.missing.setVisible(bool(missing))
        if not missing:
            return
        amounts = ", ".join(
            self.tr("{0} in {1} since {2}").format(
                format_money(Money(m.minor, m.currency)), self._entries_text(m.entries), format_date(m.first_day)
            )
            for m in missing
        )
        if self._service.rates_busy:
            text = self.tr("Fetching exchange rates from the ECB for what these totals leave out: {0}.")
        elif not self._service.online:
            text = self.tr(
                "Not in these totals yet: {0}. You are offline: the exchange rates they wait for are fetched when "
                "the network is back, or you can add a rate in Exchange rates…"
            )
        elif self._rates_problem:
            text = self.tr(
                "Not in these totals, for want of an exchange rate dated on or before their day: {0}. "
                "The rates could not be fetched ({1}); add a rate in Exchange rates…"
            )
        else:
            text = self.tr(
                "Not in these totals, for want of an exchange rate dated on or before their day: {0}. "
                "Add a rate in Exchange rates…"
            )
        self.missing.setText(text.format(amounts, self._rates_problem))

    def _show_totals_table(self, totals: Totals, period: str) -> None:
        periods = list(reversed(totals.periods))  # newest first
        self.totals_table.setRowCount(len(periods))
        for row, figures in enumerate(periods):
            cells = [period_label(figures.start, period)]
            cells += [format_money(figures.by_group[group].amount) for group in GROUPS]
            cells.append(format_money(figures.earned()))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.totals_table.setItem(row, column, item)

    def _show_platform_table(self, totals: Totals, period: str) -> None:
        """What each platform earned (pending + approved + paid) per period, newest first, and in all."""
        platforms = totals.platforms()
        table = self.platform_table
        table.setColumnCount(1 + len(platforms))
        table.setHorizontalHeaderLabels([self.tr("Period"), *(platform_name(p) for p in platforms)])
        periods = list(reversed(totals.periods))
        table.setRowCount(len(periods) + 1)
        rows = [(self.tr("All"), totals.by_platform)]
        rows += [(period_label(figures.start, period), figures.by_platform) for figures in periods]
        for row, (label, figures) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(label))
            for column, platform in enumerate(platforms, start=1):
                figure = figures.get(platform)
                item = QTableWidgetItem("" if figure is None else format_money(figure.amount))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    def _fill_choices(self, combo: QComboBox, choices: list[tuple[str, Any]]) -> None:
        """Offer `choices` after the combo's first ("all") item, keeping the worker's choice."""
        chosen = combo.currentData()
        if [combo.itemData(index) for index in range(1, combo.count())] == [value for _, value in choices]:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for text, value in choices:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)

    def _show_error(self, message: str) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(WARNING)
        self.status.show()

    # --- the table ------------------------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        year = self.year_filter.currentData()
        zone = self._service.zone
        since = until = None
        if year is not None:
            since = datetime.combine(date(year, 1, 1), time(), tzinfo=zone).astimezone(UTC)
            until = datetime.combine(date(year + 1, 1, 1), time(), tzinfo=zone).astimezone(UTC)
        self.model.set_filter(
            EntryFilter(
                platform=self.platform_filter.currentData(),
                group=self.group_filter.currentData(),
                text=self.search.text(),
                since=since,
                until=until,
            )
        )

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        if total is not None and shown >= total:
            text = self._entries_text(total)
        elif total is not None:
            text = self.tr("{0} of {1} shown").format(format_number(shown), format_number(total))
        elif self.model.is_loading:
            text = self.tr("Loading…")
        else:
            text = self.tr("{0} shown").format(format_number(shown))
        self.count_label.setText(text)

    def _entries_text(self, count: int) -> str:
        return self.tr("1 entry") if count == 1 else self.tr("{0} entries").format(format_number(count))

    def selected_entry(self) -> EntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ENTRY_ROLE) if rows else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        entry = self.selected_entry()
        self._set_entry_buttons(entry is not None)
        self.events.clear()
        if entry is not None:
            self._service.load_events(entry.id)

    def _set_entry_buttons(self, enabled: bool) -> None:
        self.note_button.setEnabled(enabled)
        self.correct_button.setEnabled(enabled)

    def _on_events(
        self,
        entry_id: str,
        events: list[tuple[datetime, str, str | None, Money | None, str | None]],
        times: EntryTimes,
    ) -> None:
        selected = self.selected_entry()
        if selected is None or selected.id != entry_id:
            return
        sources = {"platform": self.tr("platform"), "local": self.tr("timed here"), "worker": self.tr("you")}
        lines = []
        if times.disagree:  # the worker's evidence when a task takes longer (or shorter) than it says
            assert times.platform_seconds is not None and times.timer_seconds is not None
            lines.append(
                self.tr("{0} counted {1} (h:mm) for this task; your timer counted {2}.").format(
                    platform_name(selected.platform),
                    format_duration(times.platform_seconds),
                    format_duration(times.timer_seconds),
                )
            )
        for at, source, status, amount, note in events:
            parts = [format_date_time(at.astimezone(self._service.zone)), sources.get(source, source)]
            if status:
                parts.append(self.model.status_name(status))
            if amount is not None:
                parts.append(format_money(amount))
            if note is not None:
                shown = shown_note(selected.platform, note)
                parts.append(self.tr("note: {0}").format(shown) if note else self.tr("note removed"))
            lines.append(" · ".join(parts))
        self.events.setPlainText("\n".join(lines))

    def edit_note(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        dialog = NoteDialog(entry, self)
        if dialog.exec() == NoteDialog.DialogCode.Accepted and dialog.note() != entry.note:
            self._service.add_note(entry.id, dialog.note())

    def edit_correction(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        dialog = CorrectionDialog(entry, self.model.status_name, self)
        if dialog.exec() == CorrectionDialog.DialogCode.Accepted:
            status, amount = dialog.correction()
            self._service.correct(entry.id, status, amount)

    def _on_entry_changed(self, entry: EntryRow) -> None:
        self.model.replace_entry(entry)
        selected = self.selected_entry()
        if selected is not None and selected.id == entry.id:
            self._service.load_events(entry.id)
        self.refresh(reset_table=False)  # a correction moves money between totals

    # --- currency and rates ---------------------------------------------------------------------------------

    def _worker_currency(self) -> str:
        return WageSettings(self._settings).currency()

    def _on_currency_edited(self) -> None:
        try:
            code = normalise_currency(self.currency.text())
        except MoneyError:
            self.currency.setText(self._worker_currency())
            return
        self.currency.setText(code)
        WageSettings(self._settings).set_currency(code)
        if self._data is None or self._data.currency != code:
            self.refresh(reset_table=False)

    def open_rates(self) -> RatesDialog:
        dialog = RatesDialog(self._service, self._last_update_text, self)
        dialog.update_requested.connect(self._service.update_rates)
        # Bound methods of the dialog: Qt disconnects them when the dialog is gone.
        self._service.rates_updated.connect(dialog.on_rates_updated)
        self._service.rates_failed.connect(dialog.on_rates_failed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_points(self) -> PointsValueDialog:
        """What the survey walls' points are worth; the walls read it again at their next check and sync."""
        dialog = PointsValueDialog(self._points_values, self._wall_accounts, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _last_update_text(self) -> str:
        at = self._service.rates_last_updated()
        text = (
            self.tr("Not updated from the ECB yet.")
            if at is None
            else self.tr("Last updated from the ECB: {0}.").format(
                format_date_time(at.astimezone(self._service.zone))
            )
        )
        if not self._service.online:
            text += " " + self.tr("Offline: rates are updated when the network is back.")
        return text

    def _on_rates_updated(self, count: int) -> None:
        self._rates_problem = ""
        if count:
            self.refresh(reset_table=False)
        else:
            self._show_missing()

    def _on_rates_failed(self, message: str) -> None:
        log.info("exchange rates not updated: %s", message)
        self._rates_problem = message
        self._show_missing()

    # --- import and export ----------------------------------------------------------------------------------

    def _choose_import(self) -> None:
        choices = self._files.importable(self._accounts())
        if not choices:
            QMessageBox.information(
                self,
                self.tr("Import"),
                self.tr("Add your account first (Tasks ▸ Accounts…): {0} let you download your history.").format(
                    QLocale().createSeparatedList(self._files.history_platforms())
                ),
            )
            return
        chosen = choices[0]
        if len(choices) > 1:
            labels = [f"{choice.platform_name} — {choice.account}" for choice in choices]
            label, picked = QInputDialog.getItem(
                self, self.tr("Import"), self.tr("Which account is this history of?"), labels, 0, False
            )
            if not picked:
                return
            chosen = choices[labels.index(label)]
        source = file_to_open(self, translated(chosen.file.title), translated(chosen.file.kinds))
        if source is not None:
            self.start_import(source, chosen.platform, chosen.account)

    def start_import(self, source: Path, platform: str, account: str) -> None:
        """Import `platform`'s history file on the pool, with a progress dialog. When rows cannot be read, the
        worker sees each with its line and chooses to import the others or nothing."""
        recorded_at = self._clock.now()
        label = self.tr("Importing {0}…").format(source.name)

        def work(progress: Progress) -> ImportResult | ParsedFile[Any]:
            return self._files.import_history(platform, source, account, recorded_at, progress)

        def said(result: ImportResult | ParsedFile[Any]) -> str:
            if isinstance(result, ImportResult):
                return self._imported(result)
            summary = translated(result.unreadable_summary())
            if (
                result.rows
                and UnreadableRowsDialog(result, self).exec() == UnreadableRowsDialog.DialogCode.Accepted
            ):
                QTimer.singleShot(0, lambda: self.run_with_progress(label, importing(result), self._imported))
                return self.tr("{0}. Importing the others…").format(summary)
            return self.tr("{0}. Nothing was imported.").format(summary)

        def importing(parsed: ParsedFile[Any]) -> Callable[[Progress], ImportResult]:
            return lambda progress: self._files.import_readable(platform, parsed, account, recorded_at, progress)

        self.run_with_progress(label, work, said)

    def _imported(self, result: ImportResult) -> str:
        self.refresh()
        text = self.tr("Imported {0} submissions into {1} entries.").format(
            format_number(result.rows), format_number(result.entries)
        )
        if result.without_time:
            text += " " + self.tr("{0} rows had no time and were left out.").format(
                format_number(result.without_time)
            )
        return text

    def _choose_export(self, kind: str) -> None:
        year = None
        if kind == "summary":
            last_year = self._clock.now().astimezone(self._service.zone).year - 1
            year, chosen = QInputDialog.getInt(
                self, self.tr("Yearly summary"), self.tr("Year"), last_year, 2000, 2100
            )
            if not chosen:
                return
        suffix = {"csv": "csv", "json": "json", "summary": "csv"}[kind]
        stem = self.tr("surveydesk-{0}-summary").format(year) if year else self.tr("surveydesk-earnings")
        name = f"{stem}.{suffix}"
        kinds = self.tr("JSON files (*.json)") if suffix == "json" else self.tr("CSV files (*.csv)")
        target = file_to_save(self, self.tr("Export"), name, kinds)
        if target is not None:
            self.start_export(kind, target, year)

    def start_export(self, kind: str, target: Path, year: int | None = None) -> None:
        """Export on the pool, with a progress dialog; the file appears only once it is complete."""
        currency = self.currency.text()

        def work(progress: Progress) -> int:
            if kind == "summary":
                assert year is not None
                return self._files.export_summary(year, currency, target)
            return self._files.export_ledger("json" if kind == "json" else "csv", target, progress)

        def said(count: int) -> str:
            if kind == "summary":
                return self.tr("The summary of {0} ({1} platforms) is in {2}.").format(year, count, target.name)
            return self.tr("Exported {0} entries to {1}.").format(format_number(count), target.name)

        self.run_with_progress(self.tr("Exporting to {0}…").format(target.name), work, said)

    def run_with_progress(self, label: str, work: Callable[[Progress], Any], said: Callable[[Any], str]) -> None:
        """Run `work(progress)` on the pool behind a cancellable progress dialog; `said(result)` is the words
        shown when it ends (an import, an export, a first reconciliation of a long history)."""
        if self._job.running:
            self.job_done.emit(self.tr("Another import or export is still running."))
            return
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self._job.cancel)
        self._progress_dialog = dialog
        self._on_job_result = said
        self._job.start(work)
        dialog.show()

    def _on_job_progress(self, done: int, total: int) -> None:
        dialog = self._progress_dialog
        if dialog is None:
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total >= 0 else 0)
        count = (
            format_number(done)
            if total < 0
            else self.tr("{0} of {1}").format(format_number(done), format_number(total))
        )
        dialog.setLabelText(dialog.labelText().split("\n")[0] + "\n" + count)

    def _on_job_finished(self, result: Any) -> None:
        said = self._on_job_result
        self._close_progress()
        if said is not None:
            self._tell(said(result), warning=False)

    def _on_job_cancelled(self) -> None:
        self._close_progress()
        self._tell(self.tr("Cancelled: nothing was written."), warning=False)

    def _on_job_failed(self, message: str) -> None:
        self._close_progress()
        self._tell(translated(message), warning=True)

    def _close_progress(self) -> None:
        if self._progress_dialog is not None:
            self._progress_dialog.canceled.disconnect(self._job.cancel)
            self._progress_dialog.close()
            self._progress_dialog.deleteLater()
            self._progress_dialog = None
        self._on_job_result = None

    def _tell(self, message: str, warning: bool) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(WARNING if warning else "")
        self.status.show()
        self.job_done.emit(message)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._progress_dialog
