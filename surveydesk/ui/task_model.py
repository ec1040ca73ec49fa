"""The task list as a thin Qt table model over plain `Task` objects, updated in place from the poller's diffs.

Rows change through begin/end insert/remove and `dataChanged`, never a reset, so views keep their selection
and scroll position while tasks arrive, change and disappear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from surveydesk.core.model import MergeResult, Task

PLATFORM_NAMES = {"prolific": "Prolific", "mturk": "MTurk", "bitlabs": "BitLabs", "cpx": "CPX Research"}

TaskRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

_AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PLATFORM = 0
    TITLE = 1
    REQUESTER = 2
    REWARD = 3
    MINUTES = 4
    PER_HOUR = 5
    PLACES = 6
    AGE = 7


def platform_name(platform: str) -> str:
    return PLATFORM_NAMES.get(platform, platform.capitalize())


def format_age(first_seen: datetime, now: datetime) -> str:
    """How long ago a task was first seen, in the short form a list column can hold."""
    seconds = max(0, int((now - first_seen).total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min"
    if seconds < 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d}"
    return f"{seconds // 86400} d"


def _ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows folded into inclusive (first, last) runs, so one signal covers each run."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class TaskTableModel(QAbstractTableModel):
    """Columns: platform, title, requester, reward, minutes, reward per hour, places left, age."""

    HEADERS = ("Platform", "Title", "Requester", "Reward", "Minutes", "Reward/h", "Places", "Age")

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._tasks: list[Task] = []
        self._rows: dict[tuple[str, str, str], int] = {}

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._tasks)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._tasks):
            return None
        task = self._tasks[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column)
        if role == SortRole:
            return self._sort_key(task, column)
        if role == TaskRole:
            return task
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= Column.REWARD:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, task: Task, column: Column) -> str:
        match column:
            case Column.PLATFORM:
                return platform_name(task.platform)
            case Column.TITLE:
                return task.title
            case Column.REQUESTER:
                return task.requester_name
            case Column.REWARD:
                return task.reward.format()
            case Column.MINUTES:
                return "" if task.estimated_minutes is None else str(task.estimated_minutes)
            case Column.PER_HOUR:
                rate = task.reward_per_hour
                return "" if rate is None else rate.format()
            case Column.PLACES:
                return "" if task.places_left is None else str(task.places_left)
            case Column.AGE:
                return format_age(task.first_seen, self._now())

    @staticmethod
    def _sort_key(task: Task, column: Column) -> Any:
        match column:
            case Column.PLATFORM:
                return platform_name(task.platform)
            case Column.TITLE:
                return task.title.casefold()
            case Column.REQUESTER:
                return task.requester_name.casefold()
            case Column.REWARD:
                return task.reward.minor
            case Column.MINUTES:
                return task.estimated_minutes if task.estimated_minutes is not None else -1
            case Column.PER_HOUR:
                rate = task.reward_per_hour
                return rate.minor if rate is not None else -1
            case Column.PLACES:
                return task.places_left if task.places_left is not None else -1
            case Column.AGE:
                return -task.first_seen.timestamp()

    def task_at(self, row: int) -> Task:
        return self._tasks[row]

    def tasks(self) -> Sequence[Task]:
        return tuple(self._tasks)

    def reset_tasks(self, tasks: Iterable[Task]) -> None:
        """Replace everything: only for the first load, when there is no selection to keep."""
        self.beginResetModel()
        self._tasks = list(tasks)
        self._reindex()
        self.endResetModel()

    def apply(self, result: MergeResult) -> None:
        """Apply one poll's changes: remove the gone, refresh the changed, append the new."""
        self._remove(result.gone)
        self._replace(result.updated)
        fresh = [task for task in result.new if task.key not in self._rows]
        self._replace([task for task in result.new if task.key in self._rows])
        if fresh:
            first = len(self._tasks)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            for offset, task in enumerate(fresh):
                self._rows[task.key] = first + offset
            self._tasks.extend(fresh)
            self.endInsertRows()

    def refresh_ages(self) -> None:
        """Age is the only column that changes with time alone; tell views to repaint it."""
        if self._tasks:
            top = self.index(0, Column.AGE)
            bottom = self.index(len(self._tasks) - 1, Column.AGE)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, SortRole])

    def _remove(self, keys: Iterable[tuple[str, str, str]]) -> None:
        rows = [self._rows[key] for key in keys if key in self._rows]
        if not rows:
            return
        for first, last in reversed(_ranges(rows)):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._tasks[first : last + 1]
            self.endRemoveRows()
        self._reindex()

    def _replace(self, tasks: Iterable[Task]) -> None:
        changed: list[int] = []
        for task in tasks:
            row = self._rows.get(task.key)
            if row is not None:
                self._tasks[row] = task
                changed.append(row)
        last_column = len(Column) - 1
        for first, last in _ranges(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def _reindex(self) -> None:
        self._rows = {task.key: row for row, task in enumerate(self._tasks)}


class TaskFilterProxy(QSortFilterProxyModel):
    """Sorts on raw values (pence, minutes) and filters by platform and by words in title or requester."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self._platform: str | None = None
        self._words: tuple[str, ...] = ()

    def set_platform(self, platform: str | None) -> None:
        self.beginFilterChange()
        self._platform = platform
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = tuple(text.casefold().split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, TaskTableModel):
            return True
        task = model.task_at(source_row)
        if self._platform is not None and task.platform != self._platform:
            return False
        haystack = f"{task.title} {task.requester_name}".casefold()
        return all(word in haystack for word in self._words)
