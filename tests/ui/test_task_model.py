"""The task table model: Qt's model contract, display forms, and in-place updates that keep the selection."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt

from surveydesk.core.money import Money
from surveydesk.ui.task_model import Column, SortRole, TaskFilterProxy, TaskRole, TaskTableModel, format_age
from surveydesk.work.reputation import Reputation
from tests.factories import T0, FixedClock, make_task, merge


def _model(count: int = 5) -> TaskTableModel:
    model = TaskTableModel(FixedClock(T0 + timedelta(minutes=3)).now)
    model.task_list.reset(make_task(str(i), title=f"Study {i}") for i in range(count))
    return model


def _proxy_over(*tasks) -> TaskFilterProxy:
    """A proxy that owns its model, so the model lives exactly as long as the proxy the test holds."""
    proxy = TaskFilterProxy()
    model = _model(0)
    model.setParent(proxy)
    model.task_list.reset(tasks)
    proxy.setSourceModel(model)
    return proxy


def _ids(model: TaskTableModel) -> list[str]:
    return [task.external_id for task in model.task_list.tasks()]


def test_model_passes_qt_model_tester_through_every_kind_of_update(qtmodeltester):
    model = _model()
    qtmodeltester.check(model)
    model.task_list.apply(merge(new=[make_task("9")], updated=[make_task("1", title="Renamed")], gone=["0", "3"]))
    qtmodeltester.check(model)


def test_proxy_passes_qt_model_tester(qtmodeltester):
    model = _model()
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.REWARD)
    qtmodeltester.check(proxy)


def test_cells_show_platform_money_minutes_rate_places_and_age():
    model = TaskTableModel(FixedClock(T0 + timedelta(minutes=3)).now)
    model.task_list.reset([make_task("a", reward=Money(150, "GBP"), estimated_minutes=10, places_left=7)])

    def cell(column: Column) -> str:
        return model.index(0, column).data(Qt.ItemDataRole.DisplayRole)

    assert cell(Column.PLATFORM) == "Prolific"
    assert cell(Column.REWARD) == "£1.50"
    assert cell(Column.MINUTES) == "10"
    assert cell(Column.PER_HOUR) == "£9.00"
    assert cell(Column.PLACES) == "7"
    assert cell(Column.AGE) == "3 min"
    assert model.index(0, Column.REWARD).data(SortRole) == 150


def test_unknown_minutes_leave_minutes_and_rate_empty():
    model = _model(0)
    model.task_list.reset([make_task("a", estimated_minutes=None, places_left=None)])
    assert model.index(0, Column.PER_HOUR).data() == ""
    assert model.index(0, Column.PLACES).data() == ""


def test_apply_removes_gone_updates_changed_and_appends_new():
    model = _model(5)
    model.task_list.apply(merge(new=[make_task("7")], updated=[make_task("2", title="Changed")], gone=["1", "4"]))
    assert _ids(model) == ["0", "2", "3", "7"]
    row = _ids(model).index("2")
    assert model.index(row, Column.TITLE).data() == "Changed"


def test_a_task_that_comes_back_is_not_listed_twice():
    model = _model(2)
    model.task_list.apply(merge(new=[make_task("1", title="Back again")]))
    assert _ids(model) == ["0", "1"]
    assert model.index(1, Column.TITLE).data() == "Back again"


def test_update_keeps_selection_on_the_same_task(qtbot):
    from PySide6.QtWidgets import QTableView

    model = _model(30)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    view.resize(600, 200)
    view.show()
    selected = proxy.mapFromSource(model.index(_ids(model).index("25"), 0))
    view.selectionModel().select(
        selected, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    view.scrollTo(selected)
    scroll = view.verticalScrollBar().value()
    assert scroll > 0

    model.task_list.apply(
        merge(new=[make_task("99", title="Study 99")], updated=[make_task("26", places_left=1)], gone=["29"])
    )

    rows = view.selectionModel().selectedRows()
    assert [index.data(TaskRole).external_id for index in rows] == ["25"]
    assert view.verticalScrollBar().value() == scroll


def test_filter_by_platform_and_words():
    proxy = _proxy_over(
        make_task("a", title="Daily habits survey"),
        make_task("b", title="Image labelling", requester_name="Vision Lab"),
        make_task("c", platform="mturk", title="Daily diary"),
    )
    proxy.set_search_text("daily")
    assert proxy.rowCount() == 2
    proxy.set_platform("prolific")
    assert proxy.rowCount() == 1
    proxy.set_platform(None)
    proxy.set_search_text("vision")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0, QModelIndex()).data(TaskRole).external_id == "b"


def test_search_words_look_in_titles_and_requesters_not_the_platform():
    proxy = _proxy_over(
        make_task("a", title="Daily habits"), make_task("b", platform="mturk", title="Image labels")
    )
    proxy.set_search_text("mturk")
    assert proxy.rowCount() == 0
    proxy.set_search_text("IMAGE")
    assert proxy.rowCount() == 1


def test_ages_read_like_a_person_would_say_them():
    assert format_age(T0, T0 + timedelta(seconds=42)) == "42 s"
    assert format_age(T0, T0 + timedelta(minutes=5)) == "5 min"
    assert format_age(T0, T0 + timedelta(hours=2, minutes=5)) == "2 h 05"
    assert format_age(T0, T0 + timedelta(days=3)) == "3 d"
    assert format_age(T0 + timedelta(seconds=5), T0) == "0 s"


def test_search_words_are_literal_text_not_patterns():
    proxy = _proxy_over(make_task("a", title="Survey (part 2) [v1.5]"), make_task("b", title="Survey part 25"))
    proxy.set_search_text("(part 2)")
    assert proxy.rowCount() == 1
    proxy.set_search_text("[v1.5] SURVEY")
    assert proxy.rowCount() == 1
    proxy.set_search_text(".*")
    assert proxy.rowCount() == 0


def test_platform_filter_matches_the_whole_platform_name():
    proxy = _proxy_over(make_task("a"), make_task("b", platform="prolific-beta"))
    proxy.set_platform("prolific")
    assert [proxy.index(row, 0).data(TaskRole).external_id for row in range(proxy.rowCount())] == ["a"]


def test_a_change_of_places_announces_only_the_places_cells(qtbot):
    model = _model(3)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.task_list.apply(merge(updated=[make_task("1", places_left=3)]))
    top_left, bottom_right = changed.args[0], changed.args[1]
    assert (top_left.row(), bottom_right.row()) == (1, 1)
    assert (top_left.column(), bottom_right.column()) == (Column.PLACES, Column.PLACES)


def test_a_change_of_reward_also_announces_the_hourly_rate():
    model = _model(1)
    spans = []
    model.dataChanged.connect(lambda left, right, roles: spans.append((left.column(), right.column())))
    model.task_list.apply(merge(updated=[make_task("0", reward=Money(300, "GBP"))]))
    assert spans == [(Column.REWARD, Column.PER_HOUR)]


def test_places_changes_close_together_are_announced_in_one_signal_and_still_sort():
    model = _model(20)
    proxy = TaskFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(Column.PLACES, Qt.SortOrder.AscendingOrder)
    rows = []
    model.dataChanged.connect(lambda top, bottom, roles: rows.append((top.row(), bottom.row())))
    model.task_list.apply(
        merge(updated=[make_task(str(i), title=f"Study {i}", places_left=20 - i) for i in (2, 5, 17)])
    )
    assert rows == [(2, 5), (17, 17)]
    order = [proxy.index(row, 0).data(TaskRole).external_id for row in range(3)]
    assert order == ["17", "5", "2"]


def test_a_survey_wall_s_composed_title_reads_in_french_and_stays_english_in_the_task(french):
    wall = make_task("w", platform="cpx", title="Top survey · needs qualification · 9 min")
    named = make_task("n", platform="bitlabs", title="Survey · Top survey tips · 6 min")
    study = make_task("p", title="Survey · 6 min")  # Prolific: the researcher's own words
    model = _model(0)
    model.task_list.reset([wall, named, study])
    shown = [model.index(row, Column.TITLE).data() for row in range(3)]
    assert shown == [
        "Enquête phare · qualification requise · 9 min",
        "Enquête · Top survey tips · 6 min",
        "Survey · 6 min",
    ]
    assert wall.title == "Top survey · needs qualification · 9 min"


def test_the_whole_of_her_history_with_a_requester_is_in_the_cell_s_tooltip(qapp) -> None:
    """A narrow column cuts "1 done · 2 of 6 rejected · £6.19/h"; hovering the cell reads all of it."""
    model = TaskTableModel(FixedClock(T0).now)
    known, unknown = make_task("a", requester_name="Lab"), make_task("b", requester_name="Other lab")
    model.task_list.reset([known, unknown])
    record = Reputation(1, 0, 0, Money(619, "GBP"), approved=4, rejected=2)
    model.task_list.set_reputations({("prolific", "Lab"): record})
    shown = model.index(0, Column.HISTORY).data()
    assert shown == "1 done · 2 of 6 rejected · £6.19/h"
    assert model.index(0, Column.HISTORY).data(Qt.ItemDataRole.ToolTipRole) == f"<p>{shown}</p>"
    assert model.index(1, Column.HISTORY).data(Qt.ItemDataRole.ToolTipRole) is None
