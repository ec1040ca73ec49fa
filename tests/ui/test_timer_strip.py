"""The timer strip and the Work actions of the main window, driven as a worker would, on a fake clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from surveydesk.core.money import Money
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store import Database
from surveydesk.ui.manual_task_dialog import manual_attempt
from surveydesk.ui.timer_strip import TimerStrip, format_clock
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import FixedClock, make_task
from tests.windows import attached_window

SHORT = NewAttempt("prolific", "demo", "s1", "A five-minute survey", "Lab", Money(100, "GBP"), 300)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def log(tmp_path: Path) -> Iterator[WorkLog]:
    with Database.open(tmp_path / "timer.sqlite3") as db:
        yield WorkLog(db)


@pytest.fixture
def keeper(log: WorkLog, clock: FixedClock) -> Timekeeper:
    return Timekeeper(log, clock)


@pytest.fixture
def strip(qtbot, keeper: Timekeeper) -> TimerStrip:
    widget = TimerStrip(keeper, gives_completion_codes=BUILT_IN.gives_completion_codes)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(
    ("seconds", "text"), [(0, "0:00"), (65, "1:05"), (3725, "1:02:05"), (-30, "-0:30"), (59.9, "0:59")]
)
def test_clock_text(seconds: float, text: str):
    assert format_clock(seconds) == text


def test_an_idle_strip_says_what_to_do(strip: TimerStrip):
    assert strip.shift_label.text() == "Not clocked in"
    assert strip.clock_button.text() == "Clock in"
    assert "No task in progress" in strip.elapsed_label.text()
    assert not strip.pause_button.isEnabled()


def test_clocking_in_and_out(qtbot, strip: TimerStrip, keeper: Timekeeper, clock: FixedClock):
    with qtbot.waitSignal(strip.changed):
        strip.clock_button.click()
    clock.advance(90)
    strip.refresh()
    assert strip.shift_label.text() == "Shift 1:30"
    strip.clock_button.click()
    assert keeper.shift is None and strip.shift_label.text() == "Not clocked in"


def test_a_taken_task_is_timed_paused_and_submitted(qtbot, strip, keeper, log, clock):
    attempt = keeper.take(SHORT)
    strip.show_attempt(attempt.id)
    assert strip.attempts.currentText() == "A five-minute survey"
    clock.advance(65)
    strip.refresh()
    assert strip.elapsed_label.text() == "worked 1:05"
    assert strip.countdown_label.text() == "3:55 left"
    assert strip.wage_label.text() == "£1.00 · £55.38/h so far"  # 100p in 65 s

    strip.pause_button.click()
    assert strip.pause_button.text() == "Resume"
    clock.advance(100)
    strip.pause_button.click()
    assert strip.pause_button.text() == "Pause"

    with qtbot.waitSignal(strip.changed):
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert keeper.open_attempts() == []
    done = log.attempt(attempt.id)
    assert (done.outcome, done.worked_seconds, done.paid) == (Outcome.SUBMITTED, 65, Money(100, "GBP"))
    assert "No task in progress" in strip.elapsed_label.text()


def test_the_completion_code_she_pastes_is_kept_with_the_submission(qtbot, strip, keeper, log, clock):
    """Pasted as Prolific's completion link, the code is read from it and kept with the attempt; the field is
    cleared for the next task, and a task submitted without one keeps none."""
    assert not strip.code_field.isVisibleTo(strip)  # no task: nothing to give a code to
    attempt = keeper.take(SHORT)
    strip.show_attempt(attempt.id)
    assert strip.code_field.isVisibleTo(strip) and strip.code_field.placeholderText() == "Completion code"
    strip.code_field.setText("https://app.prolific.com/submissions/complete?cc=C1A2B3C4")
    with qtbot.waitSignal(strip.changed):
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert log.attempt(attempt.id).completion_code == "C1A2B3C4"
    assert strip.code_field.text() == ""
    other = keeper.take(SHORT)
    strip.show_attempt(other.id)
    with qtbot.waitSignal(strip.changed):
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert log.attempt(other.id).completion_code is None


def test_the_code_field_shows_only_for_a_task_of_a_platform_that_gives_codes(qtbot, strip, keeper, log):
    """Prolific's studies end with a completion code (its spec says so, with evidence); an MTurk HIT or a task
    entered by hand does not offer the field, and a code typed for another task is not kept with it."""
    study = keeper.take(SHORT)
    hit = keeper.take(NewAttempt("mturk", "me", "h1", "Tag images", "Lab", Money(50, "USD"), 600))
    strip.show_attempt(hit.id)
    assert not strip.code_field.isVisibleTo(strip)
    strip.show_attempt(study.id)
    assert strip.code_field.isVisibleTo(strip)
    strip.code_field.setText("C1A2B3C4")
    strip.show_attempt(hit.id)
    with qtbot.waitSignal(strip.changed):
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert log.attempt(hit.id).completion_code is None
    by_hand = keeper.take(manual_attempt("Clickworker", "A survey by hand", "0,80", "EUR", 15))
    strip.show_attempt(by_hand.id)
    assert not strip.code_field.isVisibleTo(strip)
    strip.show_attempt(study.id)
    with qtbot.waitSignal(strip.changed):
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert log.attempt(study.id).completion_code == "C1A2B3C4"


def test_a_paste_that_is_no_code_is_said_and_nothing_is_ended(qtbot, strip, keeper, log):
    attempt = keeper.take(SHORT)
    strip.show_attempt(attempt.id)
    strip.code_field.setText("https://app.prolific.com/studies")
    with qtbot.waitSignal(strip.failed) as failed:
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert failed.args == ["This link holds no completion code: paste the code the study showed."]
    assert log.attempt(attempt.id).is_open  # still timed, her paste kept to correct
    assert strip.code_field.text() == "https://app.prolific.com/studies"


def test_a_paste_that_is_no_code_is_said_in_french(french, qtbot, strip, keeper):
    strip.show_attempt(keeper.take(SHORT).id)
    assert strip.code_field.placeholderText() == "Code de fin d’étude"
    strip.code_field.setText("mon code est C1A2B3C4")
    with qtbot.waitSignal(strip.failed) as failed:
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert failed.args == ["Un code de fin d’étude est un seul mot\u00a0: collez le code seul."]


def test_countdown_warns_once_at_each_step(qtbot, strip, keeper, clock):
    strip.show_attempt(keeper.take(SHORT).id)
    clock.advance(181)
    with qtbot.waitSignal(strip.warned) as warned:
        strip.refresh()
    assert warned.args == ["2 minutes left for “A five-minute survey”."]
    assert "color: #c0392b" in strip.countdown_label.styleSheet()
    messages: list[str] = []
    strip.warned.connect(messages.append)
    strip.refresh()
    assert messages == []
    clock.advance(60)  # 241 s: 80 % of 300 s as well
    strip.refresh()
    assert messages == ["80% of the time allowed for “A five-minute survey” has gone."]
    clock.advance(100)
    strip.refresh()
    assert (
        messages[-1] == "Time is up for “A five-minute survey”." and strip.countdown_label.text() == "-0:41 left"
    )


def test_a_refused_request_is_said_not_raised(qtbot, log, clock):
    first_run = Timekeeper(log, clock)
    attempt = first_run.take(SHORT)
    second_run = Timekeeper(log, clock)  # the first one "crashed": its stretches are interruptions now
    strip = TimerStrip(second_run)
    qtbot.addWidget(strip)
    strip.show_attempt(attempt.id)
    with qtbot.waitSignal(strip.failed) as failed:
        strip.outcome_buttons[Outcome.SUBMITTED].click()
    assert "closed counts as work" in failed.args[0]


def test_the_details_pane_starts_the_timer_on_a_listed_task(qtbot, poller, keeper):
    window = attached_window(poller, FixedClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    task = make_task("t1", title="Listed study", time_allowed_minutes=30)
    window.model.task_list.reset([task])
    window.table.selectionModel().select(
        window.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    window.details.start_button.click()
    (attempt,) = keeper.open_attempts()
    assert (attempt.title, attempt.time_limit_seconds, attempt.external_id) == ("Listed study", 1800, "t1")
    assert window.timer_strip.attempts.currentText() == "Listed study"
    assert {action.text() for action in window.menuBar().actions()} >= {"&Work"}


def test_manual_attempts_are_checked_before_they_start():
    attempt = manual_attempt("Clickworker", "Tag 20 photos", "0,45", "EUR", 10)
    assert (attempt.platform, attempt.reward, attempt.time_limit_seconds) == ("clickworker", Money(45, "EUR"), 600)
    assert manual_attempt("Wirk", "Survey", "", "EUR", 0).time_limit_seconds is None
    for bad, words in [
        (("", "t", "1", "EUR", 0), "platform"),
        (("Wirk", " ", "1", "EUR", 0), "title"),
        (("Wirk", "t", "abc", "EUR", 0), "not an amount"),
        (("Wirk", "t", "1", "EURO", 0), "not an amount"),
        (("Wirk", "t", "-1", "EUR", 0), "negative"),
    ]:
        with pytest.raises(ValueError, match=words):
            manual_attempt(*bad)


def test_the_strip_shows_what_the_task_promised_beside_what_it_pays_so_far(strip, keeper, clock):
    attempt = keeper.take(manual_attempt("Clickworker", "Tag photos", "1.20", "EUR", 0, estimated_minutes=6))
    strip.show_attempt(attempt.id)
    clock.advance(720)
    strip.refresh()
    assert strip.wage_label.text() == "€1.20 · promised €12.00/h · €6.00/h so far"
    assert attempt.estimated_minutes == 6 and attempt.platform == "clickworker"


def test_no_hourly_rate_is_shown_from_a_few_seconds_of_work(strip, keeper, clock):
    strip.show_attempt(keeper.take(SHORT).id)
    clock.advance(5)
    strip.refresh()
    assert strip.wage_label.text() == "£1.00"


def test_a_timed_task_in_french_keeps_the_window_on_a_1366_px_screen(qtbot, poller, keeper, clock, french):
    """Starting a task used to widen the window past the screen (1595 px in French), cutting off the outcome
    buttons: the strip now puts them on a row of their own."""
    window = attached_window(poller, FixedClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    window.resize(1366, 700)
    window.show()
    attempt = keeper.take(
        NewAttempt(
            "prolific", "demo", "s1", "A long survey about daily habits " * 3, "Lab", Money(1250, "GBP"), 3600, 20
        )
    )
    window.timer_strip.show_attempt(attempt.id)
    clock.advance(120)
    window.timer_strip.refresh()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    assert window.width() <= 1366 and window.minimumSizeHint().width() <= 1366
    for button in [window.timer_strip.pause_button, *window.timer_strip.outcome_buttons.values()]:
        assert button.isVisible() and button.width() >= button.sizeHint().width(), button.text()
        right_edge = button.mapTo(window, button.rect().topRight()).x()
        assert right_edge < window.width(), button.text()


def test_a_survey_wall_s_task_is_named_in_french_in_the_strip(qtbot, strip, keeper, clock, french):
    """The strip showed "Survey · Society · 29 min", the words its connector stores in English."""
    wall = NewAttempt("bitlabs", "demo", "w1", "Survey · Society · 29 min", "", Money(222, "USD"), 300)
    strip.show_attempt(keeper.take(wall).id)
    assert strip.attempts.currentText() == "Enquête · Society · 29 min"
    with qtbot.waitSignal(strip.warned) as warned:
        clock.advance(250)
        strip.refresh()
    assert "Enquête · Society · 29 min" in warned.args[0]


def test_a_wide_window_keeps_the_strip_on_one_row(qtbot, poller, keeper):
    window = attached_window(poller, FixedClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    window.resize(2400, 700)
    window.show()
    window.timer_strip.show_attempt(keeper.take(SHORT).id)
    qtbot.waitUntil(lambda: window.timer_strip.width() > 2000)
    assert not window.timer_strip.wrapped


def _as_the_worker(qtbot, close: Callable[[], object], answer: QMessageBox.ButtonRole | None = None) -> list[str]:
    """Run `close` as the worker's click does, from inside the running application's event loop, and click the
    button with the role `answer` on the question it opens; what the questions said."""
    asked: list[str] = []
    loop = QEventLoop()

    def answer_the_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        qtbot.mouseClick(next(b for b in box.buttons() if box.buttonRole(b) == answer), Qt.MouseButton.LeftButton)

    def click() -> None:
        if answer is not None:
            QTimer.singleShot(0, answer_the_question)
        close()
        loop.quit()

    QTimer.singleShot(0, click)
    loop.exec()
    return asked


def test_closing_without_a_tray_while_a_task_is_timed_asks_and_can_keep_running_minimised(qtbot, poller, keeper):
    """The window's ✕ used to quit at once, stopping the timer of the task being done."""
    window = attached_window(poller, FixedClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    window.show()
    attempt = keeper.take(SHORT)
    window.timer_strip.show_attempt(attempt.id)
    asked = _as_the_worker(qtbot, window.close, QMessageBox.ButtonRole.AcceptRole)  # the ✕ of the title bar
    assert asked == ["“A five-minute survey” is being timed. Quitting SurveyDesk pauses its timer and your shift "
                     "until the next start."]  # fmt: skip
    assert window.isVisible() and window.isMinimized()
    assert keeper.is_working(attempt.id)
    assert _as_the_worker(qtbot, window.quit_for_real, QMessageBox.ButtonRole.RejectRole)  # File ▸ Quit, Cancel
    assert window.isVisible()
    assert _as_the_worker(qtbot, window.quit_for_real, QMessageBox.ButtonRole.DestructiveRole)
    assert not window.isVisible()


def test_the_app_closing_its_window_after_the_event_loop_asks_nothing(qtbot, poller, keeper):
    window = attached_window(poller, FixedClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    window.show()
    window.timer_strip.show_attempt(keeper.take(SHORT).id)
    assert window.close() and not window.isVisible()


def test_closing_with_no_task_timed_quits_without_asking(qtbot, poller, keeper):
    window = attached_window(poller, FixedClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    window.show()
    assert _as_the_worker(qtbot, window.close) == []
    assert not window.isVisible()


def interruption_question(window_parts, gap_seconds: int) -> str:
    """The question the window asks at the restart after a run that "crashed" right after a take."""
    poller, log, clock = window_parts
    Timekeeper(log, clock).take(SHORT)
    item = next(each for each in Timekeeper(log, clock).interruptions() if each.kind == "attempt")
    window = attached_window(poller, clock.now, timekeeper=Timekeeper(log, clock))
    question = window.interruption_question(item, item.last_alive + timedelta(seconds=gap_seconds))
    window.deleteLater()
    return question


@pytest.mark.parametrize(
    ("gap_seconds", "words"),
    [
        (20, "Count the time since then (less than a minute) as work?"),
        (75, "Count the minute since then as work?"),
        (1800, "Count the 30 minutes since then as work?"),
    ],
)
def test_the_restart_question_says_the_gap_in_words(poller, log, clock, gap_seconds, words):
    question = interruption_question((poller, log, clock), gap_seconds)
    assert question.startswith("SurveyDesk stopped while timing “A five-minute survey”")
    assert question.endswith(words)


@pytest.mark.parametrize(
    ("gap_seconds", "words"),
    [(20, "(moins d’une minute)"), (75, "la minute écoulée"), (1800, "les 30 minutes écoulées")],
)
def test_the_restart_question_says_the_gap_in_french(poller, log, clock, french, gap_seconds, words):
    question = interruption_question((poller, log, clock), gap_seconds)
    assert question.startswith("SurveyDesk s’est arrêté pendant qu’il chronométrait") and words in question


def test_the_strip_saying_the_disk_is_full_still_fits_a_small_laptop_in_french(qtbot, keeper, french):
    strip = TimerStrip(keeper)
    qtbot.addWidget(strip)
    strip.show_attempt(keeper.take(SHORT).id)
    strip.unsaved_label.show()
    strip.wage_label.hide()  # as `refresh` does while the disk is full (tests/store/test_full_disk.py)
    assert strip.minimumSizeHint().width() <= 1366 - 40  # the window's frame and margins


def test_the_nearest_goal_shows_in_the_strip_and_still_fits_a_small_laptop_in_french(qtbot, keeper, french):
    strip = TimerStrip(keeper)
    qtbot.addWidget(strip)
    strip.show_attempt(keeper.take(SHORT).id)
    assert strip.goal_label.isHidden()  # no goal set
    whole = "6,20\u00a0€ sur 10,00\u00a0€ aujourd’hui\u00a0; au vrai salaire du jour, encore environ 46 minutes"
    strip.show_goal("6,20\u00a0€ sur 10,00\u00a0€ aujourd’hui", whole)
    assert not strip.goal_label.isHidden() and strip.goal_label.text().startswith("6,20")
    assert whole in strip.goal_label.toolTip()
    assert strip.minimumSizeHint().width() <= 1366 - 40
    strip.show_goal("", "")
    assert strip.goal_label.isHidden()
