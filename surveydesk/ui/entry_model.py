"""The history's table of ledger entries: a thin Qt model that loads pages lazily as the view scrolls.

Qt asks `canFetchMore`/`fetchMore` when the view nears the last row; the next page is then read on the pool
(HistoryService.fetch_page) and appended when it arrives, so a million entries cost one page at a time and
scrolling never waits on the database. Sorting by a column asks the database for that order afresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import tzinfo
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from surveydesk.ledger.history import PAGE_SIZE, EntryFilter, EntryRow
from surveydesk.platforms.registry import platform_name
from surveydesk.services.history_service import HistoryService
from surveydesk.ui.formatting import format_date_time, format_money
from surveydesk.ui.task_titles import entry_title, shown_note

_AnyIndex = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryColumn(IntEnum):
    WHEN = 0
    PLATFORM = 1
    TITLE = 2
    STATUS = 3
    AMOUNT = 4
    NOTE = 5


# The database order behind each sortable column.
SORT_KEYS = {
    EntryColumn.WHEN: "time",
    EntryColumn.PLATFORM: "platform",
    EntryColumn.TITLE: "title",
    EntryColumn.STATUS: "status",
    EntryColumn.AMOUNT: "amount",
}


class EntryTableModel(QAbstractTableModel):
    """Entries in the order and filter asked for; more are fetched on the pool as the view scrolls."""

    loading_changed = Signal(bool)

    def __init__(self, service: HistoryService, zone: tzinfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._zone = zone
        self._rows: list[EntryRow] = []
        self._where = EntryFilter()
        self._sort = "time"
        self._descending = True
        self._generation = 0  # pages asked for an older filter or order are dropped when they arrive
        self._loading = False
        self._exhausted = True
        self._total: int | None = None  # how many the filter selects, once the first page says
        self._headers = [
            self.tr("When"),
            self.tr("Platform"),
            self.tr("Title"),
            self.tr("Status"),
            self.tr("Amount"),
            self.tr("Note"),
        ]
        self._statuses = {
            "in_progress": self.tr("In progress"),
            "submitted": self.tr("Submitted"),
            "awaiting_review": self.tr("Awaiting review"),
            "approved": self.tr("Approved"),
            "presumed_approved": self.tr("Presumed approved"),
            "paid": self.tr("Paid"),
            "presumed_paid": self.tr("Presumed paid"),
            "rejected": self.tr("Rejected"),
            "returned": self.tr("Returned"),
            "screened_out": self.tr("Screened out"),
            "reversed": self.tr("Reversed"),
        }
        self._kinds = {
            "bonus": self.tr("bonus"),
            "adjustment": self.tr("adjustment"),
            "reversal": self.tr("reversal"),
            "payout": self.tr("sent to your wallet"),
        }
        service.page_loaded.connect(self._on_page)

    def status_name(self, status: str) -> str:
        """A ledger status in the worker's words ("awaiting_review": "Awaiting review")."""
        return self._statuses.get(status, status.replace("_", " "))

    def presumption(self, entry: EntryRow) -> str | None:
        """Why a presumed status is presumed, in words; None for a status the platform reported."""
        name = platform_name(entry.platform)
        if entry.status == "presumed_approved":
            return self.tr(
                "{0} stopped reporting this before deciding it. It approves on its own what waits too long, so "
                "SurveyDesk counts it approved until {0} says otherwise."
            ).format(name)
        if entry.status == "presumed_paid":
            return self.tr(
                "{0} stopped reporting this before paying it, so SurveyDesk counts it paid until {0} says "
                "otherwise."
            ).format(name)
        return None

    # --- Qt's model interface -------------------------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(EntryColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (EntryColumn.TITLE, EntryColumn.NOTE):
            if column == EntryColumn.TITLE:
                return entry_title(entry.platform, entry.title)
            return shown_note(entry.platform, entry.note) if entry.note else None
        if role == Qt.ItemDataRole.ToolTipRole and column == EntryColumn.STATUS:
            return self.presumption(entry)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == EntryColumn.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ENTRY_ROLE:
            return entry
        return None

    def _text(self, entry: EntryRow, column: int) -> str:
        if column == EntryColumn.WHEN:
            return format_date_time(entry.occurred_at.astimezone(self._zone))
        if column == EntryColumn.PLATFORM:
            return platform_name(entry.platform)
        if column == EntryColumn.TITLE:
            kind = self._kinds.get(entry.kind)
            title = entry_title(entry.platform, entry.title)
            return title if kind is None else self.tr("[{0}] {1}").format(kind, title)
        if column == EntryColumn.STATUS:
            return self.status_name(entry.status)
        if column == EntryColumn.AMOUNT:
            return format_money(entry.amount)
        return shown_note(entry.platform, entry.note)

    def canFetchMore(self, parent: _AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: _AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._set_loading(True)
            self._service.fetch_page(self._generation, self._where, self._sort, self._descending, len(self._rows))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(EntryColumn(column))
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload()

    # --- ours -----------------------------------------------------------------------------------------------

    @property
    def where(self) -> EntryFilter:
        return self._where

    @property
    def is_loading(self) -> bool:
        return self._loading

    @property
    def total(self) -> int | None:
        return self._total

    def entry_at(self, row: int) -> EntryRow:
        return self._rows[row]

    def set_filter(self, where: EntryFilter) -> None:
        if where != self._where:
            self._where = where
            self.reload()

    def show_first_page(self, rows: Sequence[EntryRow], where: EntryFilter, total: int) -> None:
        """Show a first page read with the history's totals (it needs no request of its own)."""
        if where != self._where or self._sort != "time" or not self._descending:
            return  # the worker changed the filter or order meanwhile: that page is not this one
        self._generation += 1
        self.beginResetModel()
        self._rows = list(rows)
        self._exhausted = len(rows) < PAGE_SIZE
        self._total = total
        self.endResetModel()
        self._set_loading(False)

    def reload(self) -> None:
        """Start again from the first page of the current filter and order."""
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._total = None
        self.endResetModel()
        self._set_loading(False)
        self.fetchMore()

    def replace_entry(self, entry: EntryRow) -> None:
        """Show an entry's new state (after a note or correction) where it is."""
        for row, shown in enumerate(self._rows):
            if shown.id == entry.id:
                self._rows[row] = entry
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(EntryColumn) - 1))

    def _on_page(self, generation: int, rows: list[EntryRow], total: int) -> None:
        if generation != self._generation:
            return
        if total >= 0:
            self._total = total
        self._set_loading(False)
        self._exhausted = len(rows) < PAGE_SIZE
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)
