"""Eligibility and screen-out marks in the task list: the Fit column, its reasons, sorting, and the rule that
hides tasks the profile says the worker cannot take."""

from __future__ import annotations

from PySide6.QtCore import Qt

from surveydesk.core.model import Task
from surveydesk.feed import Rules
from surveydesk.profile.eligibility import Eligibility, load_eligibility_table
from surveydesk.profile.marks import Marker
from surveydesk.profile.risk import ScreenOutHistory
from surveydesk.ui.task_model import Column, SortRole, TaskFilterProxy, TaskRole, TaskTableModel
from tests.factories import FixedClock, make_task, merge

TABLE = load_eligibility_table()
HISTORY = ScreenOutHistory(by_requester={("prolific", "Lab Risky"): (4, 3)})


def model_with(*tasks: Task, profile=None) -> tuple[TaskFilterProxy, TaskTableModel, list[Task]]:
    proxy = TaskFilterProxy()
    model = TaskTableModel(FixedClock().now)
    model.setParent(proxy)
    model.task_list.reset(tasks)
    proxy.setSourceModel(model)
    marked: list[Task] = []

    class CountingMarker(Marker):
        def mark(self, task):
            marked.append(task)
            return super().mark(task)

    model.task_list.set_marker(CountingMarker(Eligibility(TABLE, profile or {"devices": ("mobile",)}), HISTORY))
    return proxy, model, marked


def fit(model: TaskTableModel, row: int, role=Qt.ItemDataRole.DisplayRole):
    return model.index(row, Column.FIT).data(role)


def shown(proxy: TaskFilterProxy) -> list[str]:
    return sorted(proxy.index(row, 0).data(TaskRole).external_id for row in range(proxy.rowCount()))


def test_the_fit_column_marks_ineligible_and_risky_tasks_with_their_reasons() -> None:
    _proxy, model, _ = model_with(
        make_task("desk", devices=("desktop",)),
        make_task("risky", requester_name="Lab Risky"),
        make_task("fine", devices=("mobile", "desktop")),
    )
    assert [fit(model, row) for row in range(3)] == ["✗ cannot take", "⚠ screen-outs", ""]
    assert "needs a device you do not list: desktop" in fit(model, 0, Qt.ItemDataRole.ToolTipRole)
    assert "3 of your 4 attempts" in fit(model, 1, Qt.ItemDataRole.ToolTipRole)
    assert fit(model, 2, Qt.ItemDataRole.ToolTipRole) is None
    assert [fit(model, row, SortRole) for row in range(3)] == [3, 2, 0]
    assert model.headerData(Column.FIT, Qt.Orientation.Horizontal) == "Fit"


def test_marks_are_worked_out_once_per_change_not_per_paint() -> None:
    _proxy, model, marked = model_with(make_task("a"), make_task("b"))
    assert len(marked) == 2
    for _ in range(5):
        fit(model, 0), fit(model, 1), fit(model, 0, SortRole)
    assert len(marked) == 2
    model.task_list.apply(merge(updated=[make_task("a", places_left=3)]))  # places only: the mark cannot change
    assert len(marked) == 2
    model.task_list.apply(merge(updated=[make_task("a", devices=("desktop",))], new=[make_task("c")]))
    assert [task.external_id for task in marked[2:]] == ["a", "c"]
    assert fit(model, 0) == "✗ cannot take"


def test_the_rule_hides_ineligible_tasks_and_says_why_when_shown() -> None:
    proxy, model, _ = model_with(make_task("desk", devices=("desktop",)), make_task("any"))
    assert shown(proxy) == ["any", "desk"]  # marked, not hidden, until the worker asks
    proxy.set_rules(Rules(hide_ineligible=True))
    assert shown(proxy) == ["any"] and model.task_list.hidden_count() == 1
    proxy.set_show_hidden(True)
    assert "your profile says you cannot take it" in model.index(0, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    # The profile changes (a desktop added): the task is no longer hidden.
    model.task_list.set_marker(Marker(Eligibility(TABLE, {"devices": ("mobile", "desktop")}), HISTORY))
    proxy.set_show_hidden(False)
    assert shown(proxy) == ["any", "desk"] and model.task_list.hidden_count() == 0


def test_the_hide_rule_is_stored_with_the_list_rules() -> None:
    rules = Rules(hide_ineligible=True)
    assert rules.restricts and Rules.from_json(rules.to_json()) == rules
    assert Rules.from_json({"hide_ineligible": "yes"}) == Rules()
    assert rules.matches(make_task("desk", devices=("desktop",)))  # a task alone cannot say; the list judges


def test_the_rules_dialog_offers_the_hide_rule_for_the_list_only(qtbot, database) -> None:
    from surveydesk.feed.rule_store import RuleStore
    from surveydesk.store.settings import SettingsStore
    from surveydesk.ui.rules_dialog import RulesDialog

    store = RuleStore(SettingsStore(database))
    dialog = RulesDialog(store, [("prolific", "Prolific")])
    qtbot.addWidget(dialog)
    assert dialog.list_form.hide_ineligible.isVisibleTo(dialog)
    assert not dialog.notify_form.hide_ineligible.isVisibleTo(dialog)  # alerts do not judge the profile
    dialog.list_form.hide_ineligible.setChecked(True)
    dialog.notify_form.hide_ineligible.setChecked(True)
    dialog.save()
    assert store.list_rules().hide_ineligible and not store.notify_rules().hide_ineligible
    assert RulesDialog(store, [("prolific", "Prolific")]).list_form.hide_ineligible.isChecked()


def test_the_fit_reasons_name_the_hiding_rule_then_the_mark() -> None:
    _proxy, model, _ = model_with(
        make_task("desk", devices=("desktop",)),
        make_task("risky", requester_name="Lab Risky", places_left=1),
        make_task("fine", devices=("mobile", "desktop")),
    )
    model.task_list.set_rules(Rules(min_places=2))
    desk, risky, fine = model.task_list.tasks()
    assert model.fit_reasons(desk) == ["needs a device you do not list: desktop"]
    hidden, risk = model.fit_reasons(risky)
    assert hidden == "Hidden by your rules: has 1 place left, under your minimum of 2"
    assert "3 of your 4 attempts" in risk
    assert model.fit_reasons(fine) == []
    assert model.fit_reasons(make_task("unlisted", devices=("desktop",))) == []
