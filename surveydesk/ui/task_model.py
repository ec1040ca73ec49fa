"""The task list's Qt table model and its sorting, filtering proxy: they show a `TaskList` and hold no state.

Rows change through begin/end insert/remove and `dataChanged`, never a reset, so views keep their selection
and scroll position while tasks arrive, change and disappear. The list rules' verdicts and the profile's marks
are the task list's (feed/task_list.py); the proxy hides what the rules reject by reading the verdicts there.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication, QPalette

from surveydesk.core.model import Task
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.feed.rules import Rules
from surveydesk.feed.task_list import MARK, REPUTATION, VERDICT, Listed, TaskList
from surveydesk.platforms.registry import platform_name
from surveydesk.profile.marks import NO_MARK, Mark
from surveydesk.profile.risk import Risk
from surveydesk.ui.formatting import format_money, format_number
from surveydesk.ui.task_titles import task_title
from surveydesk.ui.text import plain_tooltip, translated

TaskRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
VerdictRole = Qt.ItemDataRole.UserRole + 3  # whether the list rules let the task through (a bool)

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
    lambda task: "",  # the requester's record is the task list's, not the task's: data() looks it up
    lambda task: format_money(task.reward),
    lambda task: _optional_number(task.estimated_minutes),
    _rate_text,
    lambda task: _optional_number(task.places_left),
    lambda task: "",  # age depends on the clock: data() computes it
    lambda task: "",  # the mark is the task list's, worked out once per task: data() looks it up
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
# What each column shows, in the task list's words for what changed (`TaskList`'s aspects).
_COLUMN_ASPECTS: tuple[frozenset[str], ...] = (
    frozenset({"platform"}),
    frozenset({"title"}),
    frozenset({"requester_name"}),
    frozenset({"platform", "requester_name", REPUTATION}),
    frozenset({"reward"}),
    frozenset({"estimated_minutes"}),
    frozenset({"reward", "estimated_minutes"}),
    frozenset({"places_left"}),
    frozenset({"first_seen"}),
    frozenset({MARK}),
)
_COLUMN_COUNT = len(Column)
# The roles `data` answers, as ints.
_SORT, _TASK, _VERDICT = int(SortRole), int(TaskRole), int(VerdictRole)
_DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# What a row shows differently when the rules reject it; announced, for the whole row, when its verdict flips.
_VERDICT_ROLES = [VerdictRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole]
_CELL_ROLES = [Qt.ItemDataRole.DisplayRole, SortRole, TaskRole]


class TaskTableModel(QAbstractTableModel):
    """Columns: platform, title, requester, the worker's history with it, reward, minutes, reward per hour,
    places left, age, fit.

    Adapts a `TaskList` (feed/task_list.py), which holds the tasks, their marks and the list rules' verdicts and
    tells its changes by events; this model turns each into Qt's begin/end insert/remove or `dataChanged` over
    just the cells that show what changed. A rejected row, when shown, is greyed out and says why in its tooltip.
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

    def __init__(
        self, now: Callable[[], datetime], parent: QObject | None = None, tasks: TaskList | None = None
    ) -> None:
        """`tasks` is the list to show; without one the model keeps a list of its own (for tests and tools)."""
        super().__init__(parent)
        self._now = now
        self.task_list = TaskList() if tasks is None else tasks
        self._rows = self.task_list.rows.items  # live: read directly in `data`, the hottest path
        self._spans: dict[frozenset[str], tuple[int, int] | None] = {}
        rows = self.task_list.rows
        rows.inserting.connect(lambda first, last: self.beginInsertRows(QModelIndex(), first, last))
        rows.inserted.connect(lambda _first, _last: self.endInsertRows())
        rows.removing.connect(lambda first, last: self.beginRemoveRows(QModelIndex(), first, last))
        rows.removed.connect(lambda _first, _last: self.endRemoveRows())
        rows.resetting.connect(self.beginResetModel)
        rows.reset.connect(self.endResetModel)
        rows.changed.connect(self._on_changed)
        self.task_list.hidden_count_changed.connect(self.hidden_count_changed.emit)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

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
        if not 0 <= row < len(self._rows):
            return None
        listed = self._rows[row]
        if role == _SORT:
            if index.column() == Column.HISTORY:
                record = self.task_list.reputation(listed.task)
                return -1 if record is None or record.rate is None else record.rate.minor
            if index.column() == Column.FIT:
                return listed.mark.severity
            return _SORT_KEYS[index.column()](listed.task)
        if role == _DISPLAY_ROLE:
            if index.column() == Column.AGE:
                return format_age(listed.task.first_seen, self._now())
            if index.column() == Column.HISTORY:
                return self._history_text(listed.task)
            if index.column() == Column.FIT:
                return self._mark_text(listed.mark)
            return _DISPLAY[index.column()](listed.task)
        if role == _TASK:
            return listed.task
        if role == _VERDICT:
            return listed.passes
        if role == _ALIGNMENT_ROLE and index.column() >= Column.REWARD:
            return _RIGHT_ALIGNED
        if role == _FOREGROUND_ROLE and not listed.passes:
            return QBrush(QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == _TOOLTIP_ROLE:
            if not listed.passes:
                return self._rejection_tip(listed.task, listed.mark)
            if index.column() == Column.HISTORY:  # the whole of it, which a narrow column cuts
                history = self._history_text(listed.task)
                return plain_tooltip(history) if history else None
            if index.column() == Column.FIT and listed.mark is not NO_MARK:
                return (
                    "<p>"
                    + "<br>".join(html.escape(translated(reason)) for reason in listed.mark.reasons())
                    + "</p>"
                )
        return None

    def _history_text(self, task: Task) -> str:
        record = self.task_list.reputation(task)
        return "" if record is None else " · ".join(translated(part) for part in record.parts())

    def _mark_text(self, mark: Mark) -> str:
        if mark.unmet:
            return self.tr("✗ cannot take")
        if mark.risk is Risk.HIGH:
            return self.tr("⚠ screen-outs")
        return self.tr("some screen-outs") if mark.risk is Risk.SOME else ""

    def _on_changed(self, first: int, last: int, aspects: frozenset[str]) -> None:
        # createIndex, not index(): the rows are known to exist, and index() would ask Python for the row and
        # column counts twice per signal.
        if VERDICT in aspects:
            top, bottom = self.createIndex(first, 0), self.createIndex(last, _COLUMN_COUNT - 1)
            self.dataChanged.emit(top, bottom, _VERDICT_ROLES)
        if aspects not in self._spans:
            self._spans[aspects] = _span_of(aspects)
        span = self._spans[aspects]
        if span is not None:
            left, right = span
            self.dataChanged.emit(self.createIndex(first, left), self.createIndex(last, right), _CELL_ROLES)

    def fit_reasons(self, task: Task) -> list[str]:
        """Why a listed task may not suit the worker, in words: the list rule that hides it, then what its mark
        says (requirements the profile does not meet, screen-outs); none for a task not in the list."""
        listed = self.task_list.listed(task)
        if listed is None:
            return []
        rule = self.task_list.why_hidden(task)
        hidden = [] if rule is None else [self.tr("Hidden by your rules: {0}").format(translated(rule))]
        return hidden + [translated(reason) for reason in listed.mark.reasons()]

    def _rejection_tip(self, task: Task, mark: Mark) -> str | None:
        rule = self.task_list.why_hidden(task)
        reason = None if rule is None else translated(rule)
        if reason is None and mark.unmet:
            reason = self.tr("your profile says you cannot take it: {0}").format(translated(mark.unmet[0]))
        if reason is None:
            return None
        # Qt reads a tooltip as markup when it looks like markup: escaped inside <p>, the words stay words.
        return plain_tooltip(self.tr("Hidden by your rules: {0}").format(reason))


def _span_of(aspects: frozenset[str]) -> tuple[int, int] | None:
    """The first and last column showing any of these aspects, or None when no column shows them."""
    columns = [column for column, shown in enumerate(_COLUMN_ASPECTS) if shown & aspects]
    return (columns[0], columns[-1]) if columns else None


class TaskFilterProxy(QSortFilterProxyModel):
    """Sorts on raw values (pence, minutes); filters by platform, by words in title or requester, and by the
    list rules' verdict unless the worker reveals what they hide.

    The criteria are checked against the source's `TaskList` rows directly (the task and its verdict, worked out
    once when the task arrived or changed), in one Python call per row Qt re-filters: the rows a poll changed.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)
        self._platform: str | None = None
        self._words: tuple[str, ...] = ()
        self._show_hidden = False
        self._listed: Sequence[Listed] | None = None

    def set_platform(self, platform: str | None) -> None:
        self._platform = platform
        self._criteria_changed()

    def set_search_text(self, text: str) -> None:
        self._words = tuple(word.casefold() for word in text.split())
        self._criteria_changed()

    def set_rules(self, rules: Rules) -> None:
        """Hide the tasks these list rules reject (they are judged in the source's task list, for every view)."""
        self._tasks_model().task_list.set_rules(rules)

    def set_show_hidden(self, show: bool) -> None:
        """Reveal the tasks the rules reject (greyed out, with the reason in their tooltip), or hide them again."""
        self._show_hidden = show
        self._criteria_changed()

    def hidden_count(self) -> int:
        """How many tasks the list rules reject, hidden now or revealed; the source model's
        `hidden_count_changed` tells when it changes."""
        return self._tasks_model().task_list.hidden_count()

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        # The rows are kept here, live: asking Qt for the source model in filterAcceptsRow, which Qt calls for
        # each row a poll changed, cost 1.8 ms per 1,000 rows against 0.5 ms for the call itself.
        self._listed = model.task_list.rows.items if isinstance(model, TaskTableModel) else None
        super().setSourceModel(model)

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        if self._listed is None:
            return True
        listed = self._listed[source_row]
        if not (listed.passes or self._show_hidden):
            return False
        task = listed.task
        if self._platform is not None and task.platform != self._platform:
            return False
        if self._words:
            text = f"{task.title} {task.requester_name}".casefold()
            return all(word in text for word in self._words)
        return True

    def _tasks_model(self) -> TaskTableModel:
        model = self.sourceModel()
        if not isinstance(model, TaskTableModel):
            raise TypeError("the list rules need a TaskTableModel as the proxy's source")
        return model

    def _criteria_changed(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
