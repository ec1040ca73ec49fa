"""The task list as a thin Qt table model over plain `Task` objects, updated in place from the poller's diffs.

Rows change through begin/end insert/remove and `dataChanged`, never a reset, so views keep their selection
and scroll position while tasks arrive, change and disappear.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
)

from surveydesk.core.model import MergeResult, Task

PLATFORM_NAMES = {"prolific": "Prolific", "mturk": "MTurk", "bitlabs": "BitLabs", "cpx": "CPX Research"}

TaskRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
FilterRole = Qt.ItemDataRole.UserRole + 3

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


def _optional_number(value: int | None) -> str:
    return "" if value is None else str(value)


def _rate_text(task: Task) -> str:
    rate = task.reward_per_hour
    return "" if rate is None else rate.format()


def _rate_minor(task: Task) -> int:
    rate = task.reward_per_hour
    return -1 if rate is None else rate.minor


def _or_minus_one(value: int | None) -> int:
    return -1 if value is None else value


# What each column shows, and what it sorts by (raw pence and minutes, not their text).
_DISPLAY: tuple[Callable[[Task], str], ...] = (
    lambda task: platform_name(task.platform),
    lambda task: task.title,
    lambda task: task.requester_name,
    lambda task: task.reward.format(),
    lambda task: _optional_number(task.estimated_minutes),
    _rate_text,
    lambda task: _optional_number(task.places_left),
    lambda task: "",  # age depends on the clock: data() computes it
)
_SORT_KEYS: tuple[Callable[[Task], Any], ...] = (
    lambda task: platform_name(task.platform),
    lambda task: task.title.casefold(),
    lambda task: task.requester_name.casefold(),
    lambda task: task.reward.minor,
    lambda task: _or_minus_one(task.estimated_minutes),
    _rate_minor,
    lambda task: _or_minus_one(task.places_left),
    lambda task: -task.first_seen.timestamp(),
)
# The fields behind each column, to tell views exactly which cells an update changed.
_COLUMN_FIELDS = (
    attrgetter("platform"),
    attrgetter("title"),
    attrgetter("requester_name"),
    attrgetter("reward"),
    attrgetter("estimated_minutes"),
    attrgetter("reward", "estimated_minutes"),
    attrgetter("places_left"),
    attrgetter("first_seen"),
)
_COLUMN_COUNT = len(Column)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def changed_columns(old: Task, new: Task) -> list[int]:
    """The columns whose cells differ between two versions of a task."""
    return [column for column, fields in enumerate(_COLUMN_FIELDS) if fields(old) != fields(new)]


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
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called by the proxy for every comparison while sorting, so it dispatches by plain lookups.
        row = index.row()
        if not 0 <= row < len(self._tasks):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == Column.AGE:
                return format_age(self._tasks[row].first_seen, self._now())
            return _DISPLAY[index.column()](self._tasks[row])
        if role == SortRole:
            return _SORT_KEYS[index.column()](self._tasks[row])
        if role == TaskRole:
            return self._tasks[row]
        if role == FilterRole:
            task = self._tasks[row]
            return f"{task.platform}\x1f{task.title} {task.requester_name}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= Column.REWARD:
            return _RIGHT_ALIGNED
        return None

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
            top = self.createIndex(0, Column.AGE)
            bottom = self.createIndex(len(self._tasks) - 1, Column.AGE)
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
        """Swap in new versions and announce only the changed cells.

        Announcing whole rows would make a sorting proxy re-sort every changed row even when the sort column
        did not change, which is most of a poll's cost when many places fill at once.
        """
        changes: dict[tuple[int, int], list[int]] = {}
        for task in tasks:
            row = self._rows.get(task.key)
            if row is None:
                continue
            columns = changed_columns(self._tasks[row], task)
            self._tasks[row] = task
            if columns:
                changes.setdefault((columns[0], columns[-1]), []).append(row)
        roles = [Qt.ItemDataRole.DisplayRole, SortRole, TaskRole, FilterRole]
        for (left, right), rows in changes.items():
            for first, last in _ranges(rows):
                # createIndex, not index(): the rows are known to exist, and index() would ask Python for the
                # row and column counts twice per signal.
                self.dataChanged.emit(self.createIndex(first, left), self.createIndex(last, right), roles)

    def _reindex(self) -> None:
        self._rows = {task.key: row for row, task in enumerate(self._tasks)}


class TaskFilterProxy(QSortFilterProxyModel):
    """Sorts on raw values (pence, minutes) and filters by platform and by words in title or requester.

    Filtering is Qt's own regular-expression filter over `FilterRole`, not a Python `filterAcceptsRow`:
    Qt re-filters every changed row, and with no filter set its own check returns at once instead of calling
    into Python once per row of every poll.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(FilterRole)
        self.setFilterKeyColumn(0)
        self.setDynamicSortFilter(True)
        self._platform: str | None = None
        self._words: tuple[str, ...] = ()

    def set_platform(self, platform: str | None) -> None:
        self._platform = platform
        self._apply_filter()

    def set_search_text(self, text: str) -> None:
        self._words = tuple(text.split())
        self._apply_filter()

    def _apply_filter(self) -> None:
        # FilterRole text is "<platform>\x1f<title> <requester>": the platform must match whole, each word
        # anywhere after it, in any order and any case.
        platform = "" if self._platform is None else f"(?={QRegularExpression.escape(self._platform)}\x1f)"
        words = "".join(f"(?=.*{QRegularExpression.escape(word)})" for word in self._words)
        pattern = f"^{platform}{words}" if platform or words else ""
        options = (
            QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.DotMatchesEverythingOption
            | QRegularExpression.PatternOption.UseUnicodePropertiesOption
        )
        self.setFilterRegularExpression(QRegularExpression(pattern, options))
