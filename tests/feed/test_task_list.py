"""The task list in plain Python, with no Qt: its rows, verdicts and marks, and the events a view adapts."""

from __future__ import annotations

from surveydesk.core.evented import EventedList, runs
from surveydesk.core.money import Money
from surveydesk.feed import Rules
from surveydesk.feed.task_list import MARK, PLACES_ONLY, VERDICT, TaskList
from surveydesk.profile.eligibility import Eligibility, load_eligibility_table
from surveydesk.profile.marks import Marker
from surveydesk.profile.risk import ScreenOutHistory
from tests.factories import make_task, merge


def recorded(tasks: TaskList) -> list[tuple[object, ...]]:
    """Every event of the list's rows and its hidden count, in the order they came."""
    seen: list[tuple[object, ...]] = []
    rows = tasks.rows
    for name in ("inserting", "inserted", "removing", "removed", "changed", "resetting", "reset"):
        getattr(rows, name).connect(lambda *args, name=name: seen.append((name, *args)))
    tasks.hidden_count_changed.connect(lambda count: seen.append(("hidden", count)))
    return seen


def ids(tasks: TaskList) -> list[str]:
    return [task.external_id for task in tasks.tasks()]


def test_a_poll_is_told_in_runs_before_and_after_each_change() -> None:
    tasks = TaskList()
    tasks.reset(make_task(str(i)) for i in range(6))
    seen = recorded(tasks)
    tasks.apply(merge(new=[make_task("9")], updated=[make_task("4", places_left=1)], gone=["1", "2", "5"]))
    assert ids(tasks) == ["0", "3", "4", "9"]
    assert seen == [
        ("removing", 5, 5),
        ("removed", 5, 5),
        ("removing", 1, 2),
        ("removed", 1, 2),
        ("changed", 2, 2, PLACES_ONLY),  # task 4, numbered after the removals
        ("inserting", 3, 3),
        ("inserted", 3, 3),
    ]
    assert tasks.rows.rows == {task.key: row for row, task in enumerate(tasks.tasks())}


def test_a_changed_offer_names_the_fields_that_changed() -> None:
    tasks = TaskList()
    tasks.reset([make_task("a")])
    seen = recorded(tasks)
    tasks.apply(merge(updated=[make_task("a", reward=Money(999, "GBP"), title="New")]))
    assert seen == [("changed", 0, 0, frozenset({"reward", "title"}))]


def test_verdicts_are_kept_beside_the_tasks_and_flips_are_told() -> None:
    tasks = TaskList()
    tasks.reset([make_task("cheap", reward=Money(10, "GBP")), make_task("fine", reward=Money(500, "GBP"))])
    seen = recorded(tasks)
    tasks.set_rules(Rules(min_reward=Money(100, "GBP")))
    assert [listed.passes for listed in tasks.rows] == [False, True]
    assert tasks.hidden_count() == 1
    assert seen == [("changed", 0, 0, frozenset({VERDICT})), ("hidden", 1)]
    assert tasks.why_hidden(tasks.task(0)) is not None and tasks.why_hidden(tasks.task(1)) is None
    seen.clear()
    tasks.apply(merge(updated=[make_task("cheap", reward=Money(200, "GBP"))]))
    assert seen == [
        ("changed", 0, 0, frozenset({"reward"})),
        ("changed", 0, 0, frozenset({VERDICT})),
        ("hidden", 0),
    ]


def test_the_hidden_count_follows_the_rows_a_poll_removes_flips_and_adds() -> None:
    tasks = TaskList()
    tasks.reset(make_task(name, reward=Money(pence, "GBP")) for name, pence in (("a", 10), ("b", 10), ("c", 500)))
    tasks.set_rules(Rules(min_reward=Money(100, "GBP")))
    assert tasks.hidden_count() == 2
    seen = recorded(tasks)
    tasks.apply(
        merge(
            new=[make_task("d", reward=Money(20, "GBP")), make_task("e", reward=Money(900, "GBP"))],
            updated=[make_task("b", reward=Money(300, "GBP")), make_task("c", reward=Money(50, "GBP"))],
            gone=["a"],
        )
    )
    # a (hidden) went, b now passes, c is now hidden, d came hidden, e came shown: 2 - 1 - 1 + 1 + 1
    assert tasks.hidden_count() == 2 == sum(not listed.passes for listed in tasks.rows)
    tasks.apply(merge(gone=["c", "d"]))
    assert tasks.hidden_count() == 0 and seen[-1] == ("hidden", 0)


def test_marks_are_worked_out_once_per_task_and_changes_told() -> None:
    tasks = TaskList()
    tasks.reset([make_task("desk", devices=("desktop",)), make_task("any")])
    seen = recorded(tasks)
    marker = Marker(Eligibility(load_eligibility_table(), {"devices": ("mobile",)}), ScreenOutHistory())
    tasks.set_marker(marker)
    assert [bool(tasks.mark(row).unmet) for row in range(2)] == [True, False]
    assert seen == [("changed", 0, 0, frozenset({MARK}))]
    seen.clear()
    tasks.set_rules(Rules(hide_ineligible=True))
    assert [listed.passes for listed in tasks.rows] == [False, True]


def test_runs_fold_rows_within_the_gap() -> None:
    assert runs([5, 1, 2, 9]) == [(1, 2), (5, 5), (9, 9)]
    assert runs([5, 1, 2, 9], gap=2) == [(1, 5), (9, 9)]  # two rows between 2 and 5, three between 5 and 9


def test_an_evented_list_removes_unknown_keys_quietly_and_keeps_its_items_live() -> None:
    numbers: EventedList[int, int] = EventedList(lambda number: number)
    items = numbers.items
    numbers.extend([1, 2, 3])
    seen: list[object] = []
    numbers.removed.connect(lambda first, last: seen.append((first, last)))
    assert numbers.remove_keys([7, 2]) == [2]
    assert list(items) == [1, 3] and seen == [(1, 1)] and numbers.rows == {1: 0, 3: 1}
    numbers.replace_all([4])
    assert list(items) == [4] and numbers.rows == {4: 0}
