"""The task list the worker sees, in plain Python: every listed task with its profile mark and the list rules'
verdict, kept up to date from the poller's diffs and telling each change by events.

The mark and the verdict are worked out here once per task, as it arrives or changes (or the rules or the profile
do), never per paint or per filter; the Qt table model (ui/task_model.py) only shows this list and its proxy only
reads the verdicts, so the list can be tested, and used, without Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

from surveydesk.core.evented import Event, EventedList
from surveydesk.core.model import MergeResult, Task
from surveydesk.feed.rules import Rules
from surveydesk.profile.marks import NO_MARK, Mark, Marker
from surveydesk.work.reputation import Reputation

# What a change is about (the `aspects` of `EventedList.changed`): the task's fields that a list shows, by name,
# and these three, which are the list's own.
VERDICT = "verdict"  # the list rules' verdict flipped
MARK = "mark"  # the profile's mark changed
REPUTATION = "reputation"  # the worker's record with the requester changed
SHOWN_FIELDS = ("platform", "title", "requester_name", "reward", "estimated_minutes", "places_left", "first_seen")
PLACES_ONLY = frozenset({"places_left"})  # the change most polls bring

# Changed rows this close together are told in one event: a Qt view pays next to nothing for the unchanged rows
# between them, while each event is a call through Qt and the proxy (hundreds per poll on a busy platform).
ANNOUNCE_GAP = 4

_KEY = attrgetter("platform", "account", "external_id")  # `Task.key` without a Python call per task
_SHOWN = attrgetter(*SHOWN_FIELDS)


@dataclass(slots=True, eq=False)
class Listed:
    """One row of the list; changed in place by its `TaskList`, which says so by an event."""

    task: Task
    mark: Mark
    passes: bool  # whether the list rules let it through


def _key_of(listed: Listed) -> tuple[str, str, str]:
    return _KEY(listed.task)


def _changed_fields(old: Task, new: Task) -> frozenset[str]:
    """The shown fields that differ between two versions of a task whose offer changed (a change of places alone
    is told without comparing field by field)."""
    return frozenset(
        name for name, before, after in zip(SHOWN_FIELDS, _SHOWN(old), _SHOWN(new), strict=True) if before != after
    )


class TaskList:
    """Tasks in the order they arrived, each with its mark and verdict.

    `rows` is the evented list a view adapts; `hidden_count_changed(count)` tells when the number of tasks the
    list rules reject changed.
    """

    def __init__(self) -> None:
        self.rows: EventedList[Listed, tuple[str, str, str]] = EventedList(_key_of)
        self.hidden_count_changed: Event[[int]] = Event()
        self._rules = Rules()
        self._marker: Marker | None = None
        self._hidden = 0
        self._reputations: dict[tuple[str, str], Reputation] = {}

    def tasks(self) -> Sequence[Task]:
        return tuple(listed.task for listed in self.rows)

    def task(self, row: int) -> Task:
        return self.rows[row].task

    def mark(self, row: int) -> Mark:
        return self.rows[row].mark

    def listed(self, task: Task) -> Listed | None:
        """The row of this task (by its key), or None when it is not listed."""
        row = self.rows.rows.get(_KEY(task))
        return None if row is None else self.rows[row]

    def rules(self) -> Rules:
        return self._rules

    def hidden_count(self) -> int:
        """How many tasks the list rules reject, whether a view hides them now or reveals them."""
        return self._hidden

    def reputation(self, task: Task) -> Reputation | None:
        """The worker's own record with the task's requester, if any."""
        return self._reputations.get((task.platform, task.requester_name))

    # --- changes --------------------------------------------------------------------------------------------

    def reset(self, tasks: Iterable[Task]) -> None:
        """Replace everything: only for the first load, when a view has no selection to keep."""
        self.rows.replace_all(self._listed(task) for task in tasks)
        self._count_hidden()

    def apply(self, result: MergeResult) -> None:
        """Apply one poll's changes: remove the gone, refresh the changed, append the new.

        The count of hidden tasks follows the rows that went, flipped and came, not a count of every row: a poll
        of one platform changes a few rows of a list that holds every platform's.
        """
        hidden = self._hidden - _rejected(self.rows.remove_keys(result.gone))
        hidden += self._update(result.updated)
        rows = self.rows.rows
        hidden += self._update([task for task in result.new if _KEY(task) in rows])
        added = [self._listed(task) for task in result.new if _KEY(task) not in rows]
        self.rows.extend(added)
        self._set_hidden(hidden + _rejected(added))

    def set_rules(self, rules: Rules) -> None:
        """Judge every task by new list rules; rows whose verdict flips are told."""
        self._rules = rules
        flipped = []
        for row, listed in enumerate(self.rows):
            passes = self._passes(listed.task, listed.mark)
            if passes != listed.passes:
                listed.passes = passes
                flipped.append(row)
        self.rows.announce(flipped, frozenset({VERDICT}))
        self._count_hidden()

    def set_marker(self, marker: Marker | None) -> None:
        """Mark every task anew (the profile, or the worker's history, changed); rows whose mark changed are
        told, then the verdicts judged again (a rule may hide what the profile cannot take)."""
        self._marker = marker
        changed = []
        for row, listed in enumerate(self.rows):
            mark = self._mark(listed.task)
            if mark != listed.mark:
                listed.mark = mark
                changed.append(row)
        self.rows.announce(changed, frozenset({MARK}))
        self.set_rules(self._rules)

    def set_reputations(self, records: Mapping[tuple[str, str], Reputation]) -> None:
        """The worker's history per (platform, requester name)."""
        self._reputations = dict(records)
        self.rows.announce(range(len(self.rows)), frozenset({REPUTATION}))

    def why_hidden(self, task: Task) -> str | None:
        """The list rule the task breaks, in words (untranslated); None when it passes them."""
        return self._rules.why_not(task)

    # --- inside ---------------------------------------------------------------------------------------------

    def _listed(self, task: Task) -> Listed:
        mark = self._mark(task)
        return Listed(task, mark, self._passes(task, mark))

    def _mark(self, task: Task) -> Mark:
        return NO_MARK if self._marker is None else self._marker.mark(task)

    def _passes(self, task: Task, mark: Mark) -> bool:
        rules = self._rules
        return rules.matches(task) and not (rules.hide_ineligible and mark.unmet)

    def _update(self, tasks: Iterable[Task]) -> int:
        """Swap in new versions and tell only what changed in them; how many more tasks the rules reject now.

        A change of places alone (most of a poll) changes no mark, and no verdict unless a rule reads places;
        a row whose verdict flipped is told apart, since a rule may read a field no list shows (the description,
        the devices).
        """
        changes: dict[frozenset[str], list[int]] = {PLACES_ONLY: []}
        places_rows = changes[PLACES_ONLY]
        flipped: list[int] = []
        rows, items = self.rows.rows, self.rows.items
        marker = self._marker
        rules_read_places = self._rules.reads_places
        for task in tasks:
            row = rows.get(_KEY(task))
            if row is None:
                continue
            listed = items[row]
            old, listed.task = listed.task, task
            if old.first_seen == task.first_seen and old.same_offer(task):
                if old.places_left == task.places_left:
                    continue
                places_rows.append(row)
                if not rules_read_places:
                    continue
            else:
                fields = _changed_fields(old, task)
                if marker is not None:
                    mark = marker.mark(task)
                    if mark != listed.mark:
                        listed.mark, fields = mark, fields | {MARK}
                if fields:
                    changes.setdefault(fields, []).append(row)
            passes = self._passes(task, listed.mark)
            if passes != listed.passes:
                listed.passes = passes
                flipped.append(row)
        for aspects, changed in changes.items():
            self.rows.announce(changed, aspects, ANNOUNCE_GAP)
        self.rows.announce(flipped, frozenset({VERDICT}))
        return sum(-1 if items[row].passes else 1 for row in flipped)

    def _count_hidden(self) -> None:
        self._set_hidden(_rejected(self.rows))

    def _set_hidden(self, hidden: int) -> None:
        if hidden != self._hidden:
            self._hidden = hidden
            self.hidden_count_changed.emit(hidden)


def _rejected(rows: Iterable[Listed]) -> int:
    """How many of these rows the list rules reject."""
    return sum(not listed.passes for listed in rows)
