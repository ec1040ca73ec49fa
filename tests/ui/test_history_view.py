"""The History tab with pytest-qt over a real database: totals, charts, lazy loading, notes, import, export."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCharts import QXYSeries
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QPushButton

from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.ledger.model import Source
from surveydesk.ledger.store import LedgerStore
from surveydesk.services.history_service import HistoryService
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.entry_model import EntryColumn, EntryTableModel
from surveydesk.ui.formatting import format_time
from surveydesk.ui.history_dialogs import CorrectionDialog, NoteDialog, RatesDialog, UnreadableRowsDialog
from surveydesk.ui.history_view import HistoryView
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import T0, FixedClock, history_tab
from tests.forms import form_labels
from tests.locations import DATA, ROOT

SAMPLE = DATA / "prolific-submissions.csv"
DAILY = DATA / "eurofxref-daily-2026-10-02.xml"


def record(database: Database, task: str, at: datetime, minor: int, status: Status, platform: str = "prolific"):
    header = EntryHeader(platform, "me", Kind.TASK, at, "GBP", task_id=task, title=f"Study {task}")
    LedgerStore(database).record([Report(header, at, status, Money(minor, "GBP"))], Source.PLATFORM, at)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def service(qtbot, database: Database, pool: QThreadPool, clock: FixedClock) -> Iterator[HistoryService]:
    yield HistoryService(database, pool, clock, UTC, time_text=format_time)
    pool.waitForDone(10_000)


@pytest.fixture
def view(qtbot, database: Database, pool: QThreadPool, clock: FixedClock, service: HistoryService) -> HistoryView:
    widget = history_tab(qtbot, database, pool, clock, service, "GBP")
    widget.resize(1000, 700)
    widget.show()
    return widget


def open_view(qtbot, view: HistoryView, service: HistoryService) -> None:
    with qtbot.waitSignal(service.loaded, timeout=10_000):
        view.refresh()


def test_the_tab_shows_totals_per_status_and_period(qtbot, database, view, service) -> None:
    record(database, "a", T0 - timedelta(days=40), 150, Status.PAID)
    record(database, "b", T0 - timedelta(days=2), 250, Status.APPROVED, platform="mturk")
    record(database, "c", T0 - timedelta(hours=3), 99, Status.AWAITING_REVIEW)
    open_view(qtbot, view, service)
    summary = view.summary.text()
    assert "Earned £4.99" in summary
    assert "Pending £0.99" in summary and "Approved £2.50" in summary and "Paid £1.50" in summary
    assert view.totals_table.rowCount() == 2  # October and November 2026, newest first
    assert view.totals_table.item(0, 0).text() == "Nov 2026"
    assert view.totals_table.item(0, 5).text() == "£3.49"
    by_platform = view.platform_table
    headers = [by_platform.horizontalHeaderItem(c).text() for c in range(by_platform.columnCount())]
    assert headers == ["Period", "MTurk", "Prolific"]
    assert [by_platform.item(0, c).text() for c in range(3)] == ["All", "£2.50", "£2.49"]
    assert [by_platform.item(1, c).text() for c in range(3)] == ["Nov 2026", "£2.50", "£0.99"]
    assert not view.missing.isVisible()


def test_pending_money_turns_approved_at_the_next_refresh(qtbot, database, view, service) -> None:
    record(database, "a", T0 - timedelta(days=1), 300, Status.AWAITING_REVIEW)
    open_view(qtbot, view, service)
    assert "Pending £3.00" in view.summary.text()
    record(database, "a", T0, 300, Status.APPROVED)  # the platform's later report, once back online
    open_view(qtbot, view, service)
    assert "Pending £0.00" in view.summary.text()
    assert "Approved £3.00" in view.summary.text()


def test_amounts_without_a_rate_are_named_not_guessed(qtbot, database, view, service) -> None:
    header = EntryHeader("mturk", "me", Kind.TASK, T0, "USD", task_id="hit", title="HIT")
    LedgerStore(database).record([Report(header, T0, Status.PAID, Money(700, "USD"))], Source.PLATFORM, T0)
    open_view(qtbot, view, service)
    assert view.missing.isVisible()
    assert "$7.00 in 1 entry since 11/28/26" in view.missing.text()
    assert "You are offline" in view.missing.text()  # this service has no network to fetch rates with


def test_a_partly_converted_history_shows_its_sum_and_names_the_rest(qtbot, database, view, service) -> None:
    record(database, "a", T0, 150, Status.PAID)
    header = EntryHeader("mturk", "me", Kind.TASK, T0, "USD", task_id="hit", title="HIT")
    LedgerStore(database).record([Report(header, T0, Status.PAID, Money(700, "USD"))], Source.PLATFORM, T0)
    open_view(qtbot, view, service)
    assert view.summary.text().startswith("Earned £1.50")
    assert "$7.00 in 1 entry" in view.missing.text()


def _half_an_hour_on_a_study(database: Database, clock: FixedClock) -> Timekeeper:
    """A shift five hours ago with one £3 study submitted after 30 minutes; the shift still open."""
    return _a_study_submitted_after(1800, database, clock)


def _a_study_submitted_after(seconds: float, database: Database, clock: FixedClock) -> Timekeeper:
    """A shift five hours ago with one £3 study submitted `seconds` after it was taken; the shift still open."""
    keeper = Timekeeper(WorkLog(database), clock)
    clock.set_wall(T0 - timedelta(hours=5))
    keeper.clock_in()
    attempt = keeper.take(NewAttempt("prolific", "me", "x", "Study x", "Lab", Money(300, "GBP"), None))
    clock.advance(seconds)
    keeper.finish(attempt.id, Outcome.SUBMITTED)
    return keeper


def test_the_charts_have_series(qtbot, database, view, service, clock) -> None:
    keeper = _half_an_hour_on_a_study(database, clock)
    clock.advance(1800)
    keeper.clock_out()
    record(database, "a", T0 - timedelta(days=40), 150, Status.PAID)
    record(database, "b", T0 - timedelta(days=1), 300, Status.APPROVED, platform="mturk")
    open_view(qtbot, view, service)
    assert [bar_set.label() for bar_set in view.earnings_chart.bar_sets()] == ["MTurk", "Prolific"]
    assert view.wage_chart.series_count() == 2
    assert view.wage_chart.points() == 2  # task wage £6/h and true wage £3/h this month
    assert view.unpaid_chart.points() >= 2


def test_the_charts_show_a_lone_period_and_round_ticks(qtbot, database, view, service, clock) -> None:
    """The wage chart of a first month looked empty (one point per line, and a line of one point draws
    nothing); the unpaid share's axis ran to 110 % with ticks at 27.5 and 82.5; amounts ticked at 65.5."""
    _half_an_hour_on_a_study(database, clock)
    record(database, "a", T0 - timedelta(days=1), 1311, Status.AWAITING_REVIEW)
    open_view(qtbot, view, service)
    wage_lines = [s for s in view.wage_chart.chart().series() if isinstance(s, QXYSeries)]
    assert wage_lines and all(line.pointsVisible() for line in wage_lines)
    (share_axis,) = view.unpaid_chart.chart().axes(Qt.Orientation.Vertical)
    assert (share_axis.min(), share_axis.max(), share_axis.tickCount()) == (0, 100, 5)
    (amount_axis,) = view.earnings_chart.chart().axes(Qt.Orientation.Vertical)
    step = (amount_axis.max() - amount_axis.min()) / (amount_axis.tickCount() - 1)
    assert step in {1, 2, 2.5, 5, 10, 20, 25, 50}


def _wage_chart_note(view: HistoryView) -> str:
    (periods,) = view.wage_chart.chart().axes(Qt.Orientation.Horizontal)
    return periods.titleText()


def test_the_wage_chart_leaves_out_a_wage_too_short_to_count(qtbot, database, view, service, clock) -> None:
    """A study submitted two seconds after it started drew 5,400 £/h on the wage chart, as the Wages tab no
    longer shows: under a minute of work, the chart leaves the figure out and says why, in the tab's words."""
    _a_study_submitted_after(2, database, clock).clock_out()
    open_view(qtbot, view, service)
    assert view.wage_chart.points() == 0
    assert "too short to count" in _wage_chart_note(view)


def test_the_wage_chart_says_too_short_to_count_in_french(qtbot, french, database, view, service, clock) -> None:
    _a_study_submitted_after(59, database, clock).clock_out()
    open_view(qtbot, view, service)
    assert view.wage_chart.points() == 0
    assert "trop court pour compter" in _wage_chart_note(view)


def test_the_charts_name_their_unit_by_its_symbol_short_enough_to_read(
    qtbot, french, database, view, service, clock
) -> None:
    """The wage chart's upright axis read "GBP de l'h…" at the size the History tab has on a 1366×768 screen."""
    _a_study_submitted_after(60, database, clock).clock_out()
    record(database, "x", T0, 300, Status.PAID)
    open_view(qtbot, view, service)
    (wages,) = view.wage_chart.chart().axes(Qt.Orientation.Vertical)
    (amounts,) = view.earnings_chart.chart().axes(Qt.Orientation.Vertical)
    assert (wages.titleText(), amounts.titleText()) == ("£/h", "£")


def test_the_wage_chart_counts_a_minute_of_work(qtbot, database, view, service, clock) -> None:
    _a_study_submitted_after(60, database, clock).clock_out()
    open_view(qtbot, view, service)
    assert view.wage_chart.points() == 2  # task wage and true wage, £180/h each
    assert _wage_chart_note(view) == ""


def test_the_table_loads_more_as_it_scrolls(qtbot, database, view, service) -> None:
    for index in range(450):
        record(database, f"t{index:03d}", T0 - timedelta(minutes=index), 100, Status.PAID)
    open_view(qtbot, view, service)
    assert view.model.rowCount() == 200
    assert view.model.canFetchMore()
    assert view.count_label.text() == "200 of 450 shown"
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 400, timeout=10_000)
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 450, timeout=10_000)
    assert not view.model.canFetchMore()
    assert view.count_label.text() == "450 entries"
    assert view.model.entry_at(0).id.endswith("t000")  # newest first
    assert view.model.entry_at(449).id.endswith("t449")


def test_sorting_and_filtering_ask_the_database_afresh(qtbot, database, view, service) -> None:
    record(database, "cheap", T0 - timedelta(hours=1), 10, Status.PAID)
    record(database, "dear", T0 - timedelta(hours=2), 900, Status.REJECTED, platform="mturk")
    open_view(qtbot, view, service)
    view.table.sortByColumn(EntryColumn.AMOUNT, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and view.model.entry_at(0).id.endswith("cheap"))
    view.search.setText("dear")
    qtbot.waitUntil(
        lambda: view.model.rowCount() == 1 and view.model.entry_at(0).id.endswith("dear"), timeout=5000
    )
    assert view.count_label.text() == "1 entry"
    view.search.clear()
    view.group_filter.setCurrentIndex(view.group_filter.findData("declined"))
    qtbot.waitUntil(lambda: [view.model.entry_at(r).id for r in range(view.model.rowCount())] == [
        "mturk/me/task/dear"
    ], timeout=5000)  # fmt: skip


def _answer_dialog(kind: type[QDialog], fill) -> None:
    """Fill and accept the modal dialog that the next call opens."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind)
        fill(dialog)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_a_note_is_kept_as_an_event_beside_the_platform_s(qtbot, database, view, service) -> None:
    record(database, "a", T0 - timedelta(hours=1), 150, Status.PAID)
    open_view(qtbot, view, service)
    view.table.selectRow(0)
    _answer_dialog(NoteDialog, lambda dialog: dialog.text.setPlainText("asked the researcher about the bonus"))
    with qtbot.waitSignal(service.entry_changed, timeout=5000):
        view.edit_note()
    assert view.model.entry_at(0).note == "asked the researcher about the bonus"
    qtbot.waitUntil(lambda: "note: asked the researcher about the bonus" in view.events.toPlainText())
    events = LedgerStore(database).events_of("prolific/me/task/a")
    assert [(e.source, e.status, e.note) for e in events] == [
        (Source.PLATFORM, Status.PAID, None),
        (Source.WORKER, None, "asked the researcher about the bonus"),
    ]


def test_a_correction_is_believed_but_the_platform_s_record_stays(qtbot, database, view, service) -> None:
    record(database, "a", T0 - timedelta(hours=1), 150, Status.REJECTED)
    open_view(qtbot, view, service)
    view.table.selectRow(0)

    def fill(dialog: CorrectionDialog) -> None:
        dialog.status.setCurrentIndex(dialog.status.findData(Status.APPROVED))
        dialog.amount.setText("1.75")

    _answer_dialog(CorrectionDialog, fill)
    with qtbot.waitSignal(service.loaded, timeout=5000):
        view.edit_correction()
    assert "Approved £1.75" in view.summary.text()
    entry = LedgerStore(database).entry("prolific/me/task/a")
    assert (entry.status, entry.amount) == (Status.APPROVED, Money(175, "GBP"))
    assert [e.source for e in LedgerStore(database).events_of(entry.id)] == [Source.PLATFORM, Source.WORKER]


def test_a_rate_typed_in_the_editor_converts_the_totals(qtbot, database, view, service) -> None:
    header = EntryHeader("mturk", "me", Kind.TASK, T0, "USD", task_id="hit", title="HIT")
    LedgerStore(database).record([Report(header, T0, Status.PAID, Money(1000, "USD"))], Source.PLATFORM, T0)
    open_view(qtbot, view, service)
    dialog = view.open_rates()
    for currency, rate in (("usd", "1.25"), ("GBP", "0,8")):
        dialog.currency.setText(currency)
        dialog.day.setDate(T0.date() - timedelta(days=3))
        dialog.rate.setText(rate)
        with qtbot.waitSignal(service.loaded, timeout=5000):
            assert dialog.add()
    assert "Paid £6.40" in view.summary.text()
    assert not view.missing.isVisible()
    dialog.rate.setText("-3")
    assert not dialog.add()
    assert "Not kept" in dialog.message.text()
    dialog.close()


def test_an_import_shows_progress_and_lands_in_the_totals(qtbot, database, view, service) -> None:
    open_view(qtbot, view, service)
    with qtbot.waitSignal(view.job_done, timeout=10_000) as done:
        view.start_import(SAMPLE, "prolific", "me")
        assert view.progress_dialog is not None and view.progress_dialog.isVisible()
    assert done.args[0] == "Imported 5 submissions into 6 entries. 1 rows had no time and were left out."
    qtbot.waitUntil(lambda: "6 entries" in view.summary.text(), timeout=5000)
    assert view.progress_dialog is None


def test_a_file_of_unreadable_rows_says_why_and_stores_nothing(qtbot, database, view, service, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Study,Reward,Status\nA study,£abc,APPROVED\n", encoding="utf-8")
    with qtbot.waitSignal(view.job_done, timeout=10_000) as done:
        view.start_import(bad, "prolific", "me")
    assert done.args[0].startswith("1 row(s) cannot be read: line 2: the reward or bonus cannot be read")
    assert done.args[0].endswith(". Nothing was imported.")
    assert view.status.isVisible() and view.status.text() == done.args[0]
    assert LedgerStore(database).entries() == []


def test_a_malformed_import_says_why_in_french(qtbot, database, view, service, tmp_path, french) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Study,Reward,Status\nA study,£1.50,MAYBE\n,£1.50,PAID\n", encoding="utf-8")
    with qtbot.waitSignal(view.job_done, timeout=10_000):
        view.start_import(bad, "prolific", "me")
    assert view.status.text() == (
        "2 ligne(s) illisible(s)\xa0: "
        "ligne 2\xa0: 'MAYBE' n’est pas un statut Prolific\xa0; ligne 3\xa0: l’étude n’a pas de nom. "
        "Rien n’a été importé."
    )
    assert LedgerStore(database).entries() == []


MIXED = (
    "Study,Reward,Bonus,Started At,Completed At,Completion Code,Status\n"
    'Fine study,"kr50,25",,2026-01-01 09:00:00,2026-01-01 09:05:00,,APPROVED\n'
    "Broken study,£x,,2026-01-01 10:00:00,,,APPROVED\n"
    "Another fine one,£1.00,,2026-01-02 09:00:00,2026-01-02 09:05:00,,APPROVED\n"
)


def _answer_rows(choose_rest: bool, seen: list[str]) -> None:
    """Once the file is read and the dialog opens, read the rows it lists, then import the rest or nothing."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UnreadableRowsDialog):  # the file is still being read
            QTimer.singleShot(10, answer)
            return
        seen.append(dialog.rows.toPlainText())
        (dialog.import_rest if choose_rest else dialog.import_nothing).click()

    QTimer.singleShot(0, answer)


def test_unreadable_rows_are_listed_and_the_worker_imports_the_rest(qtbot, database, view, service, tmp_path):
    source = tmp_path / "mixed.csv"
    source.write_text(MIXED, encoding="utf-8")
    seen: list[str] = []
    _answer_rows(True, seen)
    with qtbot.waitSignals([view.job_done, view.job_done], timeout=10_000):
        view.start_import(source, "prolific", "me")
    qtbot.waitUntil(lambda: view.status.text().startswith("Imported 2 submissions"), timeout=10_000)
    assert seen == ["line 3: the reward or bonus cannot be read ('x' is not a plain positive number)"]
    titles = sorted(entry.title for entry in LedgerStore(database).entries())
    assert titles == ["Another fine one", "Fine study"]


def test_unreadable_rows_are_listed_and_the_worker_imports_nothing(qtbot, database, view, service, tmp_path):
    source = tmp_path / "mixed.csv"
    source.write_text(MIXED, encoding="utf-8")
    seen: list[str] = []
    _answer_rows(False, seen)
    with qtbot.waitSignal(view.job_done, timeout=10_000) as done:
        view.start_import(source, "prolific", "me")
    assert len(seen) == 1 and done.args[0].endswith(". Nothing was imported.")
    assert LedgerStore(database).entries() == []


def test_a_cancelled_export_writes_nothing(qtbot, database, view, service, pool, tmp_path) -> None:
    for index in range(300):
        record(database, f"t{index}", T0 - timedelta(minutes=index), 100, Status.PAID)
    target = tmp_path / "out" / "ledger.csv"
    target.parent.mkdir()
    release = threading.Event()
    for _ in range(pool.maxThreadCount()):  # every pool thread busy: the export waits in the queue
        pool.start(lambda: release.wait(10))
    with qtbot.waitSignal(view.job_done, timeout=10_000) as done:
        view.start_export("csv", target)
        qtbot.mouseClick(view.progress_dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        release.set()
    assert done.args[0] == "Cancelled: nothing was written."
    assert list(target.parent.iterdir()) == []


def test_an_export_writes_the_whole_file(qtbot, database, view, service, tmp_path) -> None:
    record(database, "a", T0, 150, Status.PAID)
    target = tmp_path / "ledger.json"
    with qtbot.waitSignal(view.job_done, timeout=10_000) as done:
        view.start_export("json", target)
    assert done.args[0] == "Exported 1 entries to ledger.json."
    assert '"amount_minor": 150' in target.read_text(encoding="utf-8")


def test_the_yearly_summary_export(qtbot, database, view, service, tmp_path) -> None:
    record(database, "a", datetime(2025, 6, 1, tzinfo=UTC), 150, Status.PAID)
    target = tmp_path / "summary.csv"
    with qtbot.waitSignal(view.job_done, timeout=10_000) as done:
        view.start_export("summary", target, 2025)
    assert done.args[0] == "The summary of 2025 (1 platforms) is in summary.csv."
    assert "prolific,1,1.50" in target.read_text(encoding="utf-8")


def test_in_french_an_export_proposes_a_file_named_in_french(qtbot, french, view, monkeypatch) -> None:
    """It proposed "surveydesk-ledger.csv" to a French worker."""
    proposed: list[str] = []
    monkeypatch.setattr(
        "surveydesk.ui.history_view.file_to_save", lambda parent, title, name, kinds: proposed.append(name)
    )
    monkeypatch.setattr(QInputDialog, "getInt", lambda *asked: (2025, True))
    for action in view.export_button.menu().actions():
        action.trigger()
    assert proposed == ["surveydesk-gains.csv", "surveydesk-gains.json", "surveydesk-recapitulatif-2025.csv"]


def test_the_entry_model_passes_qt_s_model_checks(qtbot, qtmodeltester, database, service) -> None:
    for index in range(5):
        record(database, f"t{index}", T0 - timedelta(minutes=index), 100, Status.PAID)
    model = EntryTableModel(service, UTC)
    with qtbot.waitSignal(service.page_loaded, timeout=5000):
        model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 5


def test_rates_dialog_lists_what_it_keeps(qtbot, database, service) -> None:
    from surveydesk.ledger.rates import RateStore

    dialog = RatesDialog(service)
    qtbot.addWidget(dialog)
    dialog.currency.setText("CHF")
    dialog.rate.setText("0.93")
    with qtbot.waitSignal(service.rates_edited, timeout=5000):
        assert dialog.add()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert dialog.table.item(0, 3).text() == "you"
    assert [rate.currency for rate in RateStore(database).all()] == ["CHF"]
    dialog.table.selectRow(0)
    with qtbot.waitSignal(service.rates_edited, timeout=5000):
        dialog.remove_selected()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=5000)
    assert RateStore(database).all() == []


def test_a_long_job_shows_its_count_while_it_runs(qtbot, view) -> None:
    release = threading.Event()

    def work(progress) -> int:
        progress.start(10)
        progress.advance(4)
        release.wait(10)
        return 10

    with qtbot.waitSignal(view.job_done, timeout=10_000) as done:
        view.run_with_progress("Reconciling Prolific…", work, lambda count: f"{count} submissions reconciled.")
        qtbot.waitUntil(lambda: "4 of 10" in view.progress_dialog.labelText(), timeout=5000)
        assert view.progress_dialog.labelText().startswith("Reconciling Prolific…")
        assert (view.progress_dialog.value(), view.progress_dialog.maximum()) == (4, 10)
        release.set()
    assert done.args == ["10 submissions reconciled."]


def test_untrusted_titles_are_plain_text_in_the_table(qtbot, database, view, service) -> None:
    record(database, "<b>x</b>", T0, 100, Status.PAID)
    open_view(qtbot, view, service)
    index = view.model.index(0, EntryColumn.TITLE)
    assert view.model.data(index) == "Study <b>x</b>"
    assert view.table.itemDelegate().__class__.__name__ == "QStyledItemDelegate"  # draws text, never markup


def test_a_title_s_html_entities_are_decoded_in_the_table(qtbot, database, view, service) -> None:
    record(database, "Tom &amp; Jerry", T0, 100, Status.PAID)
    open_view(qtbot, view, service)
    assert view.model.data(view.model.index(0, EntryColumn.TITLE)) == "Study Tom & Jerry"


def test_a_sync_refreshes_the_table_unless_the_worker_is_in_it(qtbot, database, view, service) -> None:
    record(database, "a", T0 - timedelta(hours=2), 100, Status.PAID)
    open_view(qtbot, view, service)
    record(database, "b", T0 - timedelta(hours=1), 200, Status.AWAITING_REVIEW)
    with qtbot.waitSignal(service.loaded, timeout=5000):
        view.ledger_changed()
    assert [view.model.entry_at(r).id for r in range(view.model.rowCount())] == [
        "prolific/me/task/b",
        "prolific/me/task/a",
    ]
    view.table.selectRow(1)
    record(database, "c", T0, 300, Status.AWAITING_REVIEW)
    with qtbot.waitSignal(service.loaded, timeout=5000):
        view.ledger_changed()
    assert view.model.rowCount() == 2  # the worker's selection stays where it was
    assert view.selected_entry().id == "prolific/me/task/a"
    assert "Pending £5.00" in view.summary.text()


def test_the_worker_s_currency_is_checked_and_kept(qtbot, database, view, service) -> None:
    record(database, "a", T0, 150, Status.PAID)
    open_view(qtbot, view, service)
    view.currency.setText("x1")
    view.currency.editingFinished.emit()
    assert view.currency.text() == "GBP"  # not a currency: the last good one stays
    view.currency.setText("usd")
    with qtbot.waitSignal(service.loaded, timeout=5000):
        view.currency.editingFinished.emit()
    assert view.currency.text() == "USD"
    assert SettingsStore(database).get("history_currency", "") == "USD"
    # No GBP→USD rate yet: named, not guessed, and not shown as if nothing was earned.
    assert "$0.00" not in view.summary.text()
    assert view.summary.text().startswith("Earned: — (not known in USD until exchange rates arrive)")
    assert "£1.50 in 1 entry" in view.missing.text()


def test_the_rates_dialog_says_when_rates_last_came_from_the_ecb(qtbot, database, view, service) -> None:
    from surveydesk.ledger.rate_plan import UpdateRecord

    dialog = view.open_rates()
    qtbot.addWidget(dialog)
    assert dialog.last_update.text() == (
        "Not updated from the ECB yet. Offline: rates are updated when the network is back."
    )
    UpdateRecord(T0, None).save(SettingsStore(database))
    service.rates_updated.emit(3)
    assert dialog.last_update.text().startswith("Last updated from the ECB: 11/28/26 12:00\u202fPM.")
    assert dialog.message.text() == "3 rates from the ECB are new or changed."


def online_view(qtbot, database, pool, clock, server_url: str) -> tuple[HistoryView, HistoryService]:
    """The tab as the app wires it: rates from a loopback server standing in for the ECB, the network up."""
    from surveydesk.services.reconciliation import Connectivity
    from tests.ledger_helpers import loopback_session

    service = HistoryService(
        database, pool, clock, UTC, loopback_session, server_url, Connectivity(), time_text=format_time
    )
    return history_tab(qtbot, database, pool, clock, service, "EUR"), service


def test_while_rates_are_fetched_the_tab_says_so_then_shows_the_converted_sum(
    qtbot, database, pool, clock
) -> None:
    from tests.hostile_server import HostileServer, Reply

    at = datetime(2026, 10, 2, 12, tzinfo=UTC)  # the day of the recorded rates
    header = EntryHeader("mturk", "me", Kind.TASK, at, "USD", task_id="hit", title="HIT")
    LedgerStore(database).record([Report(header, at, Status.PAID, Money(700, "USD"))], Source.PLATFORM, at)
    with HostileServer() as server:
        server.script(Reply(body=DAILY.read_bytes(), headers=(("Content-Type", "text/xml"),)))
        view, service = online_view(qtbot, database, pool, clock, server.url + "/")
        seen = []
        service.rates_started.connect(lambda: seen.append(view.missing.text()))
        with qtbot.waitSignal(service.rates_updated, timeout=10_000):
            view.refresh()
        assert seen[0].startswith("Fetching exchange rates from the ECB for what these totals leave out: $7.00")
        qtbot.waitUntil(lambda: view.summary.text().startswith("Earned €6.24"), timeout=10_000)  # 7 ÷ 1.1225
        assert not view.missing.isVisible()
        pool.waitForDone(10_000)


def test_a_failed_update_is_named_beside_what_waits_for_it(qtbot, database, pool, clock) -> None:
    from tests.hostile_server import HostileServer, Reply

    record(database, "a", T0, 150, Status.PAID)  # in GBP
    with HostileServer() as server:
        server.script(Reply(status=503, headers=(("Retry-After", "600"),)))
        view, service = online_view(qtbot, database, pool, clock, server.url + "/")
        with qtbot.waitSignal(service.rates_failed, timeout=10_000):
            view.refresh()
        assert view.summary.text().startswith("Earned: —")
        assert "£1.50 in 1 entry" in view.missing.text()
        assert "The rates could not be fetched (ECB: the ECB asks us to come back later)" in view.missing.text()
        pool.waitForDone(10_000)


def test_the_correction_dialog_speaks_french(qtbot, french, database, view, service) -> None:
    """Its statuses were the ledger's English codes ("Awaiting review") and its amount "1.50"."""
    record(database, "a", T0, 150, Status.AWAITING_REVIEW)
    open_view(qtbot, view, service)
    dialog = CorrectionDialog(view.model.entry_at(0), view.model.status_name, view)
    qtbot.addWidget(dialog)
    statuses = [dialog.status.itemText(i) for i in range(dialog.status.count())]
    assert {"En attente de validation", "Approuvé", "Payé", "Refusé"} <= set(statuses)
    assert dialog.amount.text() == "1,50"
    assert form_labels(dialog) == ["Statut\xa0:", "Montant (GBP)\xa0:"]  # they had no colon


def test_a_presumed_status_says_so_in_the_table_and_the_export(qtbot, database, view, service, tmp_path) -> None:
    record(database, "hit", T0 - timedelta(days=60), 150, Status.APPROVED, platform="mturk")
    LedgerStore(database).presume_unreported(AccountKey("mturk", "me"), T0 - timedelta(days=45), T0)
    open_view(qtbot, view, service)
    index = view.model.index(0, EntryColumn.STATUS)
    assert view.model.data(index) == "Presumed paid"
    assert view.model.data(index, Qt.ItemDataRole.ToolTipRole) == (
        "MTurk stopped reporting this before paying it, so SurveyDesk counts it paid until MTurk says otherwise."
    )
    target = tmp_path / "ledger.csv"
    with qtbot.waitSignal(view.job_done, timeout=10_000):
        view.start_export("csv", target)
    assert ",presumed_paid,1.50,GBP," in target.read_text(encoding="utf-8")


def test_the_worker_cannot_choose_a_presumption_as_her_correction(qtbot, database, view, service) -> None:
    record(database, "a", T0, 150, Status.APPROVED)
    open_view(qtbot, view, service)
    dialog = CorrectionDialog(view.model.entry_at(0), view.model.status_name, view)
    qtbot.addWidget(dialog)
    offered = {dialog.status.itemData(index) for index in range(dialog.status.count())}
    assert Status.PAID in offered and not offered & {Status.PRESUMED_APPROVED, Status.PRESUMED_PAID}


@pytest.mark.parametrize(("platform_seconds", "shown"), [(600, True), (1700, False)])
def test_the_platform_s_time_is_shown_beside_the_timer_s_when_they_disagree(
    qtbot, database, view, service, clock, platform_seconds, shown
) -> None:
    """Prolific counted 10 minutes, the timer 30: the worker's evidence that the study took longer than paid for;
    a difference of a few minutes is not worth a line."""
    from surveydesk.ledger.attempts import AttemptIngest
    from surveydesk.platforms.registry import BUILT_IN

    keeper = Timekeeper(WorkLog(database), clock)
    clock.set_wall(T0 - timedelta(hours=2))
    keeper.clock_in()
    attempt = keeper.take(NewAttempt("prolific", "me", "x", "Study x", "Lab", Money(300, "GBP"), None))
    clock.advance(1800)
    keeper.finish(attempt.id, Outcome.SUBMITTED)
    keeper.clock_out()
    ledger = LedgerStore(database)
    AttemptIngest(database, ledger, BUILT_IN.shares_task_ids).ingest(T0)
    header = EntryHeader("prolific", "me", Kind.TASK, T0 - timedelta(hours=2), "GBP", task_id="x", title="Study x",
                         record_id="sub-x")  # fmt: skip
    ledger.record([Report(header, T0, Status.APPROVED, Money(300, "GBP"), platform_seconds=platform_seconds)],
                  Source.PLATFORM, T0)  # fmt: skip
    open_view(qtbot, view, service)
    with qtbot.waitSignal(service.events_loaded, timeout=5000):
        view.table.selectRow(0)
    text = view.events.toPlainText()
    assert ("your timer counted" in text) is shown
    assert not shown or "Prolific counted 0:10 (h:mm) for this task; your timer counted 0:30." in text
    assert "Approved" in view.events.toPlainText()


def test_the_history_tab_and_its_dialogs_reach_the_database_only_through_services() -> None:
    """They only ask and show: imports, exports and rate edits are the services' (HistoryService, LedgerFiles)."""
    import ast

    writers = {"Database", "RateStore", "import_submissions", "export_csv", "export_json", "yearly_summary"}
    for name in ("history_view.py", "history_dialogs.py"):
        source = ROOT / "surveydesk" / "ui" / name
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imports = [node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        imported = {alias.name for node in imports for alias in node.names}
        assert imported & writers == set(), name


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("-1.50", "An amount earned cannot be negative: -£1.50 was typed. Type it without the minus sign."),
        ("1000000", "£1,000,000.00 is more than any platform pays for one task: check the number of digits."),
    ],
)
def test_an_absurd_correction_is_refused_in_a_sentence_and_nothing_is_stored(
    qtbot, database, view, service, typed: str, said: str
) -> None:
    record(database, "a", T0, 150, Status.APPROVED)
    open_view(qtbot, view, service)
    dialog = CorrectionDialog(view.model.entry_at(0), view.model.status_name, view)
    qtbot.addWidget(dialog)
    dialog.amount.setText(typed)
    dialog._check_and_accept()
    assert dialog.result() != CorrectionDialog.DialogCode.Accepted
    assert dialog.message.text() == said
    assert [e.source for e in LedgerStore(database).events_of("prolific/me/task/a")] == [Source.PLATFORM]
