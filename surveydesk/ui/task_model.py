"""The task list as a thin Qt table model over plain `Task` objects, updated in place from the poller's diffs.

Rows change through begin/end insert/remove and `dataChanged`, never a reset, so views keep their selection
and scroll position while tasks arrive, change and disappear. The worker's list rules are judged here, once
per task as it arrives or changes, and the proxy hides what they reject.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from surveydesk.core.model import MergeResult, Task
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.feed.rules import Rules
from surveydesk.platforms.registry import platform_name
from surveydesk.profile.marks import NO_MARK, Mark, Marker
from surveydesk.profile.risk import Risk
from surveydesk.ui.formatting import format_money, format_number
from surveydesk.ui.text import plain_tooltip, task_title, translated
from surveydesk.work.reputation import Reputation

TaskRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
FilterRole = Qt.ItemDataRole.UserRole + 3

_AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    PLATFORM = 0
    TITLE = 1
    REQUESTER = 2
    HISTORY = 3  # the requester's record in the worker's own history
    REWARD = 4
    MINUTES = 5
    PER_HOUR = 6
    PLACES = 7
    AGE = 8
    FIT = 9  # what the worker's profile and history say: not eligible, or a risk of a screen-out


def format_age(first_seen: datetime, now: datetime) -> str:
    """How long ago a task was first seen, in the short form a list column can hold."""
    seconds = max(0, int((now - first_seen).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("TaskTableModel", "{0} s").format(seconds)
    if seconds < 3600:
        return QCoreApplication.translate("TaskTableModel", "{0} min").format(seconds // 60)
    if seconds < 86400:
        return QCoreApplication.translate("TaskTableModel", "{0} h {1}").format(
            seconds // 3600, f"{seconds % 3600 // 60:02d}"
        )
    return QCoreApplication.translate("TaskTableModel", "{0} d").format(seconds // 86400)


def _optional_number(value: int | None) -> str:
    return "" if value is None else format_number(value)


def _rate_text(task: Task) -> str:
    rate = task.reward_per_hour
    return "" if rate is None else format_money(rate)


def _rate_minor(task: Task) -> int:
    rate = task.reward_per_hour
    return -1 if rate is None else rate.minor


def _or_minus_one(value: int | None) -> int:
    return -1 if value is None else value


# What each column shows, and what it sorts by (raw pence and minutes, not their text).
_DISPLAY: tuple[Callable[[Task], str], ...] = (
    lambda task: platform_name(task.platform),
    task_title,
    lambda task: task.requester_name,
    lambda task: "",  # the requester's record is the model's, not the task's: data() looks it up
    lambda task: format_money(task.reward),
    lambda task: _optional_number(task.estimated_minutes),
    _rate_text,
    lambda task: _optional_number(task.places_left),
    lambda task: "",  # age depends on the clock: data() computes it
    lambda task: "",  # the mark is the model's, worked out once per task: data() looks it up
)
_SORT_KEYS: tuple[Callable[[Task], Any], ...] = (
    lambda task: platform_name(task.platform),
    lambda task: task.title.casefold(),
    lambda task: task.requester_name.casefold(),
    lambda task: -1,  # as above
    lambda task: task.reward.minor,
    lambda task: _or_minus_one(task.estimated_minutes),
    _rate_minor,
    lambda task: _or_minus_one(task.places_left),
    lambda task: -task.first_seen.timestamp(),
    lambda task: 0,  # as above
)
# The fields behind each column, to tell views exactly which cells an update changed.
_COLUMN_FIELDS = (
    attrgetter("platform"),
    attrgetter("title"),
    attrgetter("requester_name"),
    attrgetter("platform", "requester_name"),
    attrgetter("reward"),
    attrgetter("estimated_minutes"),
    attrgetter("reward", "estimated_minutes"),
    attrgetter("places_left"),
    attrgetter("first_seen"),
    attrgetter("devices", "requester_name"),
)
_COLUMN_COUNT = len(Column)
# The roles `data` answers, as ints.
_SORT, _TASK, _FILTER = int(SortRole), int(TaskRole), int(FilterRole)
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_PLACES_CELLS = (Column.PLACES, Column.PLACES)  # the change most polls bring
_KEY = attrgetter("platform", "account", "external_id")  # `Task.key` without a Python call per task
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The first character of a row's FilterRole text: the list rules' verdict, indexed by "passes" (False, True).
_VERDICT = ("N", "Y")
# What a row shows differently when the rules reject it; announced when its verdict flips.
_VERDICT_ROLES = [FilterRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole]


# Changed rows this close together are announced in one signal: the unchanged rows between them cost a view
# next to nothing, while each signal is a call through Qt and the proxy (hundreds per poll on a busy platform).
_ANNOUNCE_GAP = 4


def _changed_columns(old: Task, new: Task) -> list[int]:
    """The columns whose cells differ between two versions of a task whose offer changed (a change of places
    alone, the one a poll sees most, is told in `TaskTableModel._replace` without comparing field by field)."""
    return [column for column, fields in enumerate(_COLUMN_FIELDS) if fields(old) != fields(new)]


def _ranges(rows: Iterable[int], gap: int = 0) -> list[tuple[int, int]]:
    """Sorted rows folded into inclusive (first, last) runs, so one signal covers each run; rows at most `gap`
    apart share a run (which then also covers the rows between them)."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and row <= runs[-1][1] + 1 + gap:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class TaskTableModel(QAbstractTableModel):
    """Columns: platform, title, requester, reward, minutes, reward per hour, places left, age.

    Each row also carries the list rules' verdict, computed when the task arrives or changes (or the rules do)
    and kept beside it: the proxy re-filters every changed row, and reading a stored flag through the
    FilterRole text it already asks for costs nothing more, where a Python `filterAcceptsRow` would add a call
    into Python for every row of every poll, even with no rules set. A rejected row, when shown, is greyed out
    and says why in its tooltip.
    """

    # Translated when shown (headerData), so lupdate finds them here under this class's name.
    HEADERS = (
        QT_TRANSLATE_NOOP("TaskTableModel", "Platform"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Title"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Requester"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Your history"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Reward"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Minutes"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Reward/h"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Places"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Age"),
        QT_TRANSLATE_NOOP("TaskTableModel", "Fit"),
    )

    hidden_count_changed = Signal(int)  # how many tasks the list rules reject, after it changed

    def __init__(self, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._tasks: list[Task] = []
        self._keys: list[tuple[str, str, str]] = []  # each row's `Task.key`, beside `_tasks`, to renumber rows
        self._passes: list[bool] = []  # the rules' verdict on each row, beside `_tasks`
        self._marks: list[Mark] = []  # the profile's mark on each row, beside `_tasks`
        self._marker: Marker | None = None
        self._rows: dict[tuple[str, str, str], int] = {}
        self._rules = Rules()
        self._hidden = 0
        self._reputations: dict[tuple[str, str], Reputation] = {}

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
        # Called by the proxy for every comparison while sorting, so sorting comes first and roles are compared
        # as plain ints (comparing with Qt's enum members costs several times more).
        row = index.row()
        if not 0 <= row < len(self._tasks):
            return None
        if role == _SORT:
            if index.column() == Column.HISTORY:
                record = self._reputation_of(self._tasks[row])
                return -1 if record is None or record.rate is None else record.rate.minor
            if index.column() == Column.FIT:
                return self._marks[row].severity
            return _SORT_KEYS[index.column()](self._tasks[row])
        if role == _DISPLAY_ROLE:
            if index.column() == Column.AGE:
                return format_age(self._tasks[row].first_seen, self._now())
            if index.column() == Column.HISTORY:
                record = self._reputation_of(self._tasks[row])
                return "" if record is None else " · ".join(translated(part) for part in record.parts())
            if index.column() == Column.FIT:
                return self._mark_text(self._marks[row])
            return _DISPLAY[index.column()](self._tasks[row])
        if role == _TASK:
            return self._tasks[row]
        if role == _FILTER:
            task = self._tasks[row]
            return f"{_VERDICT[self._passes[row]]}{task.platform}\x1f{task.title} {task.requester_name}"
        if role == _ALIGNMENT_ROLE and index.column() >= Column.REWARD:
            return _RIGHT_ALIGNED
        if role == _FOREGROUND_ROLE and not self._passes[row]:
            return QBrush(QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == _TOOLTIP_ROLE:
            if not self._passes[row]:
                return self._rejection_tip(self._tasks[row], self._marks[row])
            if index.column() == Column.FIT and self._marks[row] is not NO_MARK:
                return (
                    "<p>"
                    + "<br>".join(html.escape(translated(reason)) for reason in self._marks[row].reasons())
                    + "</p>"
                )
        return None

    def _mark_text(self, mark: Mark) -> str:
        if mark.unmet:
            return self.tr("✗ cannot take")
        if mark.risk is Risk.HIGH:
            return self.tr("⚠ screen-outs")
        return self.tr("some screen-outs") if mark.risk is Risk.SOME else ""

    def set_marker(self, marker: Marker | None) -> None:
        """Mark every task anew (the profile, or the worker's history, changed); rows whose mark or verdict
        changed are announced."""
        self._marker = marker
        marks = [self._mark(task) for task in self._tasks]
        changed = [row for row, (old, new) in enumerate(zip(self._marks, marks, strict=True)) if old != new]
        self._marks = marks
        for first, last in _ranges(changed):
            self.dataChanged.emit(self.createIndex(first, Column.FIT), self.createIndex(last, Column.FIT))
        self.set_rules(self._rules)

    def mark_of(self, row: int) -> Mark:
        return self._marks[row]

    def fit_reasons(self, task: Task) -> list[str]:
        """Why a listed task may not suit the worker, in words: the list rule that hides it, then what its mark
        says (requirements the profile does not meet, screen-outs); none for a task not in the list."""
        row = self._rows.get(_KEY(task))
        if row is None:
            return []
        rule = self._rules.why_not(task)
        hidden = [] if rule is None else [self.tr("Hidden by your rules: {0}").format(translated(rule))]
        return hidden + [translated(reason) for reason in self._marks[row].reasons()]

    def _mark(self, task: Task) -> Mark:
        return NO_MARK if self._marker is None else self._marker.mark(task)

    def _passes_rules(self, task: Task, mark: Mark) -> bool:
        rules = self._rules
        return rules.matches(task) and not (rules.hide_ineligible and mark.unmet)

    def set_reputations(self, records: Mapping[tuple[str, str], Reputation]) -> None:
        """The worker's history per (platform, requester name); the column stays empty where there is none."""
        self._reputations = dict(records)
        if self._tasks:
            top, bottom = (
                self.createIndex(0, Column.HISTORY),
                self.createIndex(len(self._tasks) - 1, Column.HISTORY),
            )
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, SortRole])

    def _reputation_of(self, task: Task) -> Reputation | None:
        return self._reputations.get((task.platform, task.requester_name))

    def _rejection_tip(self, task: Task, mark: Mark) -> str | None:
        rule = self._rules.why_not(task)
        reason = None if rule is None else translated(rule)
        if reason is None and mark.unmet:
            reason = self.tr("your profile says you cannot take it: {0}").format(translated(mark.unmet[0]))
        if reason is None:
            return None
        # Qt reads a tooltip as markup when it looks like markup: escaped inside <p>, the words stay words.
        return plain_tooltip(self.tr("Hidden by your rules: {0}").format(reason))

    def task_at(self, row: int) -> Task:
        return self._tasks[row]

    def tasks(self) -> Sequence[Task]:
        return tuple(self._tasks)

    def rules(self) -> Rules:
        return self._rules

    def set_rules(self, rules: Rules) -> None:
        """Judge every task by new list rules; rows whose verdict flips are announced, so proxies re-filter
        just those rows and views repaint them."""
        self._rules = rules
        passes = [self._passes_rules(task, mark) for task, mark in zip(self._tasks, self._marks, strict=True)]
        flipped = [row for row, (old, new) in enumerate(zip(self._passes, passes, strict=True)) if old != new]
        self._passes = passes
        self._announce_verdicts(flipped)
        self._count_hidden()

    def hidden_count(self) -> int:
        """How many tasks the list rules reject, whether a proxy hides them now or reveals them."""
        return self._hidden

    def reset_tasks(self, tasks: Iterable[Task]) -> None:
        """Replace everything: only for the first load, when there is no selection to keep."""
        self.beginResetModel()
        self._tasks = list(tasks)
        self._keys = list(map(_KEY, self._tasks))
        self._marks = [self._mark(task) for task in self._tasks]
        self._passes = [
            self._passes_rules(task, mark) for task, mark in zip(self._tasks, self._marks, strict=True)
        ]
        self._reindex()
        self.endResetModel()
        self._count_hidden()

    def apply(self, result: MergeResult) -> None:
        """Apply one poll's changes: remove the gone, refresh the changed, append the new."""
        self._remove(result.gone)
        self._replace(result.updated)
        rows = self._rows
        fresh = [task for task in result.new if _KEY(task) not in rows]
        self._replace([task for task in result.new if _KEY(task) in rows])
        if fresh:
            first = len(self._tasks)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._tasks.extend(fresh)
            self._keys.extend(map(_KEY, fresh))
            self._reindex(first)
            marks = [self._mark(task) for task in fresh]
            self._marks.extend(marks)
            self._passes.extend(self._passes_rules(task, mark) for task, mark in zip(fresh, marks, strict=True))
            self.endInsertRows()
        self._count_hidden()

    def _remove(self, keys: Iterable[tuple[str, str, str]]) -> None:
        rows = [self._rows[key] for key in keys if key in self._rows]
        if not rows:
            return
        runs = _ranges(rows)
        for first, last in reversed(runs):
            self.beginRemoveRows(QModelIndex(), first, last)
            for key in self._keys[first : last + 1]:
                del self._rows[key]
            del self._tasks[first : last + 1]
            del self._keys[first : last + 1]
            del self._passes[first : last + 1]
            del self._marks[first : last + 1]
            self.endRemoveRows()
        self._reindex(runs[0][0])

    def _replace(self, tasks: Iterable[Task]) -> None:
        """Swap in new versions and announce only the changed cells.

        Announcing whole rows would make a sorting proxy re-sort every changed row even when the sort column
        did not change, which is most of a poll's cost when many places fill at once. A row whose verdict
        flipped is announced whole for the verdict's roles only, since a rule may read a field no column shows
        (the description, the devices). Places alone change no mark, and no verdict unless a rule reads them.
        """
        changes: dict[tuple[int, int], list[int]] = {_PLACES_CELLS: []}
        places_rows = changes[_PLACES_CELLS]
        flipped: list[int] = []
        marker = self._marker
        rows, current, verdicts = self._rows, self._tasks, self._passes
        rules_read_places = self._rules.reads_places
        for task in tasks:
            row = rows.get(_KEY(task))
            if row is None:
                continue
            old = current[row]
            current[row] = task
            if old.first_seen == task.first_seen and old.same_offer(task):
                if old.places_left == task.places_left:
                    continue
                places_rows.append(row)
                if not rules_read_places:
                    continue
            else:
                columns = _changed_columns(old, task)
                if marker is not None:
                    self._marks[row] = marker.mark(task)
                if columns:
                    changes.setdefault((columns[0], columns[-1]), []).append(row)
            passes = self._passes_rules(task, self._marks[row])
            if passes != verdicts[row]:
                verdicts[row] = passes
                flipped.append(row)
        roles = [Qt.ItemDataRole.DisplayRole, SortRole, TaskRole, FilterRole]
        for (left, right), changed in changes.items():
            for first, last in _ranges(changed, _ANNOUNCE_GAP):
                # createIndex, not index(): the rows are known to exist, and index() would ask Python for the
                # row and column counts twice per signal.
                self.dataChanged.emit(self.createIndex(first, left), self.createIndex(last, right), roles)
        self._announce_verdicts(flipped)

    def _announce_verdicts(self, rows: Iterable[int]) -> None:
        for first, last in _ranges(rows):
            top, bottom = self.createIndex(first, 0), self.createIndex(last, _COLUMN_COUNT - 1)
            self.dataChanged.emit(top, bottom, _VERDICT_ROLES)

    def _count_hidden(self) -> None:
        hidden = self._passes.count(False)
        if hidden != self._hidden:
            self._hidden = hidden
            self.hidden_count_changed.emit(hidden)

    def _reindex(self, start: int = 0) -> None:
        """Number the rows again from `start` on; the rows before it did not move."""
        keys = self._keys
        if start == 0:
            self._rows = dict(zip(keys, range(len(keys)), strict=True))
        else:
            self._rows.update(zip(keys[start:], range(start, len(keys)), strict=True))


class TaskFilterProxy(QSortFilterProxyModel):
    """Sorts on raw values (pence, minutes); filters by platform, by words in title or requester, and by the
    list rules unless the worker reveals what they hide.

    Filtering is Qt's own regular-expression filter over `FilterRole`, not a Python `filterAcceptsRow`:
    Qt re-filters every changed row, and with no filter set its own check returns at once instead of calling
    into Python once per row of every poll. The rules' verdict is the first character of that text (the model
    judges each task once, when it arrives or changes), so rules add nothing to the pattern but an anchor.
    The source model must be a `TaskTableModel`, which holds the verdicts.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(FilterRole)
        self.setFilterKeyColumn(0)
        self.setDynamicSortFilter(True)
        self._platform: str | None = None
        self._words: tuple[str, ...] = ()
        self._show_hidden = False

    def set_platform(self, platform: str | None) -> None:
        self._platform = platform
        self._apply_filter()

    def set_search_text(self, text: str) -> None:
        self._words = tuple(text.split())
        self._apply_filter()

    def set_rules(self, rules: Rules) -> None:
        """Hide the tasks these list rules reject (they are judged in the source model, for every view)."""
        self._tasks_model().set_rules(rules)
        self._apply_filter()

    def set_show_hidden(self, show: bool) -> None:
        """Reveal the tasks the rules reject (greyed out, with the reason in their tooltip), or hide them again."""
        self._show_hidden = show
        self._apply_filter()

    def hidden_count(self) -> int:
        """How many tasks the list rules reject, hidden now or revealed; the source model's
        `hidden_count_changed` tells when it changes."""
        return self._tasks_model().hidden_count()

    def _tasks_model(self) -> TaskTableModel:
        model = self.sourceModel()
        if not isinstance(model, TaskTableModel):
            raise TypeError("the list rules need a TaskTableModel as the proxy's source")
        return model

    def _apply_filter(self) -> None:
        # FilterRole text is "<verdict><platform>\x1f<title> <requester>": the verdict is Y or N, the platform
        # must match whole, each word anywhere after the verdict, in any order and any case.
        model = self.sourceModel()
        hiding = not self._show_hidden and isinstance(model, TaskTableModel) and model.rules().restricts
        platform = "" if self._platform is None else f"(?={QRegularExpression.escape(self._platform)}\x1f)"
        words = "".join(f"(?=.*{QRegularExpression.escape(word)})" for word in self._words)
        verdict = _VERDICT[True] if hiding else "."
        pattern = f"^{verdict}{platform}{words}" if hiding or platform or words else ""
        options = (
            QRegularExpression.PatternOption.CaseInsensitiveOption
            | QRegularExpression.PatternOption.DotMatchesEverythingOption
            | QRegularExpression.PatternOption.UseUnicodePropertiesOption
        )
        self.setFilterRegularExpression(QRegularExpression(pattern, options))
