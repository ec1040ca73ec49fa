"""The list rules in the task table: the proxy hides what they reject, reveals it on request, and counts it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QBrush

from surveydesk.core.model import Task
from surveydesk.core.money import Money
from surveydesk.feed import Rules
from surveydesk.ui.task_model import Column, TaskFilterProxy, TaskRole, TaskTableModel, VerdictRole
from tests.factories import FixedClock, make_task, merge

CHEAP = Rules(min_reward=Money(100, "GBP"))


def _proxy_over(*tasks: Task) -> tuple[TaskFilterProxy, TaskTableModel]:
    """A proxy that owns its model, so the model lives exactly as long as the proxy the test holds."""
    proxy = TaskFilterProxy()
    model = TaskTableModel(FixedClock().now)
    model.setParent(proxy)
    model.task_list.reset(tasks)
    proxy.setSourceModel(model)
    return proxy, model


def _shown(proxy: TaskFilterProxy) -> list[str]:
    return sorted(proxy.index(row, 0).data(TaskRole).external_id for row in range(proxy.rowCount()))


def _three() -> tuple[TaskFilterProxy, TaskTableModel]:
    return _proxy_over(
        make_task("a", reward=Money(150, "GBP")),
        make_task("b", reward=Money(50, "GBP")),
        make_task("c", reward=Money(50, "USD")),  # another currency: the GBP rule does not apply
    )


def test_the_rules_verdict_is_a_role_of_its_own_not_filter_text() -> None:
    proxy, model = _three()
    proxy.set_rules(CHEAP)
    assert [model.index(row, Column.TITLE).data(VerdictRole) for row in range(3)] == [True, False, True]
    assert proxy.filterRegularExpression().pattern() == ""
    assert _shown(proxy) == ["a", "c"]


def test_rules_hide_what_they_reject_and_the_toggle_reveals_it() -> None:
    proxy, _model = _three()
    proxy.set_rules(CHEAP)
    assert _shown(proxy) == ["a", "c"]
    proxy.set_show_hidden(True)
    assert _shown(proxy) == ["a", "b", "c"]
    proxy.set_show_hidden(False)
    assert _shown(proxy) == ["a", "c"]
    proxy.set_rules(Rules(platforms=frozenset({"mturk"})))
    assert _shown(proxy) == []
    proxy.set_rules(Rules())
    assert _shown(proxy) == ["a", "b", "c"]


def test_hidden_count_counts_rejected_tasks_hidden_or_revealed(qtbot) -> None:
    proxy, model = _three()
    assert proxy.hidden_count() == 0
    with qtbot.waitSignal(model.hidden_count_changed) as changed:
        proxy.set_rules(CHEAP)
    assert changed.args == [1]
    proxy.set_show_hidden(True)
    assert proxy.hidden_count() == 1
    with qtbot.waitSignal(model.hidden_count_changed) as changed:
        model.task_list.apply(merge(new=[make_task("d", reward=Money(10, "GBP"))], gone=["a"]))
    assert changed.args == [2]
    with qtbot.waitSignal(model.hidden_count_changed) as changed:
        model.task_list.reset([make_task("e")])
    assert changed.args == [0]


def test_a_task_is_judged_again_when_it_changes() -> None:
    proxy, model = _proxy_over(make_task("a", places_left=20), make_task("b", places_left=20))
    proxy.set_rules(Rules(min_places=5))
    model.task_list.apply(merge(updated=[make_task("a", places_left=2)]))
    assert _shown(proxy) == ["b"]
    assert proxy.hidden_count() == 1
    model.task_list.apply(merge(updated=[make_task("a", places_left=9)]))
    assert _shown(proxy) == ["a", "b"]


def test_a_change_no_column_shows_still_re_filters_the_row(qtbot) -> None:
    """Words are looked for in the description too, which has no column: the row is announced all the same."""
    proxy, model = _proxy_over(make_task("a"), make_task("b"))
    proxy.set_rules(Rules(exclude_words=("webcam",)))
    with qtbot.waitSignal(model.dataChanged):
        model.task_list.apply(merge(updated=[make_task("a", description="Needs a webcam")]))
    assert _shown(proxy) == ["b"]


def test_new_tasks_are_judged_as_they_arrive() -> None:
    proxy, model = _three()
    proxy.set_rules(CHEAP)
    model.task_list.apply(
        merge(new=[make_task("d", reward=Money(20, "GBP")), make_task("e", reward=Money(900, "GBP"))])
    )
    assert _shown(proxy) == ["a", "c", "e"]


def test_rules_combine_with_platform_and_search() -> None:
    proxy, _model = _proxy_over(
        make_task("a", title="Daily diary", reward=Money(150, "GBP")),
        make_task("b", title="Daily diary", reward=Money(50, "GBP")),
        make_task("c", title="Daily diary", platform="mturk", reward=Money(150, "GBP")),
        make_task("d", title="Image labelling", reward=Money(150, "GBP")),
    )
    proxy.set_rules(CHEAP)
    proxy.set_search_text("diary")
    assert _shown(proxy) == ["a", "c"]
    proxy.set_platform("prolific")
    assert _shown(proxy) == ["a"]
    proxy.set_show_hidden(True)
    assert _shown(proxy) == ["a", "b"]


def test_search_words_never_match_the_hidden_verdict_letter() -> None:
    # Neither the title, the requester ("Oxford Behavioural Lab") nor the platform holds a y or an n.
    proxy, _model = _proxy_over(make_task("a", title="Quiz"), make_task("b", title="Quiz", reward=Money(1, "GBP")))
    proxy.set_rules(CHEAP)
    proxy.set_show_hidden(True)
    for letter in ("y", "n", "Y", "N"):
        proxy.set_search_text(letter)
        assert _shown(proxy) == [], letter


def test_a_revealed_task_is_greyed_and_says_why_as_plain_text() -> None:
    proxy, model = _proxy_over(make_task("a"), make_task("b", reward=Money(40, "GBP")))
    proxy.set_rules(Rules(min_reward=Money(50, "GBP"), exclude_words=("<b>",)))
    proxy.set_show_hidden(True)
    rejected = model.index(1, Column.TITLE)
    tip = rejected.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<p>Hidden by your rules: pays £0.40, under your minimum of £0.50</p>"
    assert isinstance(rejected.data(Qt.ItemDataRole.ForegroundRole), QBrush)
    model.task_list.apply(merge(updated=[make_task("b", title="Bold <b> claims", reward=Money(90, "GBP"))]))
    assert "&lt;b&gt;" in model.index(1, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    passing = model.index(0, Column.TITLE)
    assert passing.data(Qt.ItemDataRole.ToolTipRole) is None
    assert passing.data(Qt.ItemDataRole.ForegroundRole) is None


def test_proxy_passes_qt_model_tester_with_rules_hiding_and_revealing(qtmodeltester) -> None:
    proxy, model = _proxy_over(*(make_task(str(i), reward=Money(40 * i, "GBP"), places_left=i) for i in range(8)))
    proxy.sort(Column.REWARD)
    proxy.set_rules(Rules(min_reward=Money(100, "GBP")))
    qtmodeltester.check(proxy)
    model.task_list.apply(
        merge(
            new=[make_task("9", reward=Money(10, "GBP"))],
            updated=[make_task("1", reward=Money(500, "GBP")), make_task("6", description="changed")],
            gone=["0", "7"],
        )
    )
    proxy.set_rules(Rules(min_places=3))
    qtmodeltester.check(proxy)
    proxy.set_show_hidden(True)
    qtmodeltester.check(proxy)


def test_rules_need_the_task_model_as_source() -> None:
    proxy = TaskFilterProxy()
    strings = QStringListModel(["x"], proxy)
    proxy.setSourceModel(strings)
    with pytest.raises(TypeError):
        proxy.set_rules(CHEAP)
