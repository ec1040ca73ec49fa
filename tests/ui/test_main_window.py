"""The main window: tasks from a real poll appear in the list, statuses are shown in words, text stays plain."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import AccountKey, PollState
from surveydesk.profile.eligibility import Eligibility, load_eligibility_table
from surveydesk.profile.marks import Marker
from surveydesk.profile.risk import ScreenOutHistory
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.task_model import Column, TaskRole
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.conftest import DEMO, add_demo_account
from tests.factories import make_task, merge
from tests.windows import attached_window

NO_HISTORY = ScreenOutHistory()


def _window(qtbot, poller) -> MainWindow:
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    window.show()
    return window


def test_window_lists_the_studies_of_the_first_poll(qtbot, poller, exchange, store):
    add_demo_account(poller, exchange)
    window = _window(qtbot, poller)
    with qtbot.waitSignal(poller.tasks_changed, timeout=10_000):
        poller.start()
    stored = store.current_tasks(DEMO)
    qtbot.waitUntil(lambda: window.model.rowCount() == len(stored))
    titles = {window.proxy.index(row, Column.TITLE).data() for row in range(window.proxy.rowCount())}
    assert titles == {html.unescape(task.title) for task in stored}  # the demo's titles hold an entity or two
    qtbot.waitUntil(lambda: window.status_panel.line_for(DEMO).startswith(f"{len(stored)} task"))
    assert window.count_label.text() == f"{len(stored)} tasks"


def test_window_shows_what_the_store_held_before_the_first_poll(qtbot, poller, exchange, store):
    from datetime import UTC, datetime

    store.merge(DEMO, [make_task("kept", title="Kept from last time")], datetime.now(UTC))
    exchange.inject_fault("prolific", 503, b"{}")
    add_demo_account(poller, exchange)
    window = _window(qtbot, poller)
    with qtbot.waitSignal(poller.snapshot_loaded, timeout=10_000):
        poller.start()
    assert window.model.rowCount() == 1
    assert window.model.index(0, Column.TITLE).data() == "Kept from last time"


def test_error_state_is_shown_next_to_the_platform(qtbot, poller, exchange):
    stale = AccountKey("prolific", "stale")
    add_demo_account(poller, exchange, key=stale, token="wrong")
    window = _window(qtbot, poller)
    poller.start()
    qtbot.waitUntil(lambda: "sign in to Prolific again" in window.status_panel.line_for(stale))
    assert any(s.account == stale and s.state is PollState.ERROR for s in poller.statuses())


def test_selecting_a_task_shows_its_details_as_plain_text(qtbot, poller):
    window = _window(qtbot, poller)
    hostile = make_task("x", title="<b>Bold</b> &amp; <img src=x>", description="<script>alert(1)</script>")
    window.model.task_list.reset([hostile])
    window.table.selectionModel().select(
        window.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert window.details.task == hostile
    assert window.details.title.textFormat() == Qt.TextFormat.PlainText
    assert window.details.title.text().startswith("<b>Bold</b> & <img src=x>")  # the entity decoded, no markup
    assert window.details.description.toPlainText() == "<script>alert(1)</script>"


def test_a_title_s_html_entities_show_as_the_characters_they_stand_for(qtbot, poller):
    """Prolific and MTurk send some titles with entities in them: "Tom &amp; Jerry" was shown as it came."""
    window = _window(qtbot, poller)
    window.model.task_list.reset([make_task("x", title="Tom &amp; Jerry &lt;3 &#8211; &quot;fun&quot;")])
    assert window.model.data(window.model.index(0, Column.TITLE)) == 'Tom & Jerry <3 – "fun"'


def test_live_update_keeps_the_selected_task_and_its_details(qtbot, poller):
    window = _window(qtbot, poller)
    window.model.task_list.reset([make_task(str(i)) for i in range(10)])
    target = window.proxy.mapFromSource(window.model.index(4, 0))
    window.table.selectionModel().select(
        target, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    poller.tasks_changed.emit(merge(new=[make_task("new")], updated=[make_task("4", places_left=2)], gone=["1"]))
    assert window.selected_task().external_id == "4"
    assert window.details.task.places_left == 2


def test_search_box_filters_the_list(qtbot, poller):
    window = _window(qtbot, poller)
    window.model.task_list.reset([make_task("a", title="Daily habits"), make_task("b", title="Image labels")])
    qtbot.keyClicks(window.search, "habits")
    assert window.proxy.rowCount() == 1
    assert window.count_label.text() == "1 of 2 tasks"


def test_newest_tasks_come_first(qtbot, poller):
    from datetime import timedelta

    from tests.factories import T0

    window = _window(qtbot, poller)
    window.model.task_list.reset([make_task(str(i), first_seen=T0 + timedelta(minutes=i)) for i in range(3)])
    assert [window.proxy.index(row, 0).data(TaskRole).external_id for row in range(3)] == ["2", "1", "0"]


def test_the_details_say_why_a_task_may_not_suit_and_say_nothing_when_it_does(qtbot, poller):
    window = _window(qtbot, poller)
    window.model.task_list.set_marker(
        Marker(Eligibility(load_eligibility_table(), {"devices": ("mobile",)}), NO_HISTORY)
    )
    window.model.task_list.reset([make_task("desk", devices=("desktop",)), make_task("fine", devices=("mobile",))])
    for row, expected in ((0, "• needs a device you do not list: desktop"), (1, "")):
        window.table.selectionModel().select(
            window.proxy.mapFromSource(window.model.index(row, 0)),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        assert window.details.fit.text() == expected
        assert window.details.fit.isVisible() == bool(expected)
    assert window.details.fit.textFormat() == Qt.TextFormat.PlainText
    assert window.details.description.placeholderText() == "The platform gives no description of this task."


def test_the_sync_state_keeps_its_whole_words_in_a_tooltip_that_shows_no_markup(qtbot, poller):
    window = _window(qtbot, poller)
    window.show_sync_state("Sync failed: <b>server</b> said no; trying again at 14:02")
    (label,) = [w for w in window.statusBar().findChildren(QLabel) if w.text().startswith("Sync failed")]
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.toolTip() == "<p>Sync failed: &lt;b&gt;server&lt;/b&gt; said no; trying again at 14:02</p>"


def test_on_her_laptop_the_list_shows_seven_whole_tasks_above_the_details(qtbot, poller, exchange, database):
    """At the size the window opens on a 1366×768 screen, with the demo's notice, the timer strip and five
    accounts' lines, the list shows at least seven whole tasks (it showed four)."""
    for name in "abcde":
        add_demo_account(poller, exchange, key=AccountKey("prolific", name))
    keeper = Timekeeper(WorkLog(database), SystemClock())
    window = attached_window(poller, SystemClock().now, demo=True, timekeeper=keeper)
    qtbot.addWidget(window)
    window.model.task_list.reset(make_task(str(number)) for number in range(47))
    window.resize(1229, 691)  # nine tenths of the screen Qt leaves a window on 1366×768 (`_first_size`)
    window.show()
    qtbot.waitExposed(window)
    whole_rows = window.table.viewport().height() // window.table.rowHeight(0)
    assert whole_rows >= 7
    details = window.details
    assert details.minimumSizeHint().height() <= details.height() <= details.sizeHint().height()  # shown, small
