"""The timer strip: always in view, it shows the shift, the attempt being worked on, its countdown and outcomes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QBoxLayout, QComboBox, QFrame, QHBoxLayout, QLineEdit, QPushButton, QWidget

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.store import DiskFullError
from surveydesk.ui.formatting import format_money, format_rate
from surveydesk.ui.task_titles import shown_title
from surveydesk.ui.text import plain_label, plain_tooltip, translated
from surveydesk.work.completion_code import CompletionCodeError, read_completion_code
from surveydesk.work.model import Attempt, Outcome
from surveydesk.work.timekeeper import LimitWarning, Timekeeper, TimerError, limit_warnings
from surveydesk.work.wages import long_enough_to_count, task_wage

_TICK_MS = 1000
_PASTED_LIMIT = 2000  # room for a pasted completion link; the code in it is checked on submitting
_T = TypeVar("_T")
_WARNING_COLOURS = {LimitWarning.EIGHTY_PERCENT: "#b36b00", LimitWarning.TWO_MINUTES: "#c0392b"}

# Marked for translation here, translated where shown (in the strip's context, also by the Work menu).
OUTCOME_LABELS = {
    Outcome.SUBMITTED: QT_TRANSLATE_NOOP("TimerStrip", "Submitted"),
    Outcome.RETURNED: QT_TRANSLATE_NOOP("TimerStrip", "Returned"),
    Outcome.SCREENED_OUT: QT_TRANSLATE_NOOP("TimerStrip", "Screened out"),
    Outcome.TIMED_OUT: QT_TRANSLATE_NOOP("TimerStrip", "Timed out"),
    Outcome.ABANDONED: QT_TRANSLATE_NOOP("TimerStrip", "Abandoned"),
}


def format_clock(seconds: float) -> str:
    """Elapsed or remaining time as h:mm:ss (or m:ss under an hour); negative means overdue."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}" if hours else f"{sign}{minutes}:{secs:02d}"


def timer_request(action: Callable[[], _T], say: Callable[[str], None]) -> _T | None:
    """Run a request of the timer; one it refuses, or a full disk refuses, is said in words instead of raised
    (and nothing of it was written)."""
    try:
        return action()
    except TimerError as error:
        say(translated(error.args[0]))  # a Sentence of the timekeeper's
    except DiskFullError as error:
        say(translated(error.message))
    return None


class TimerStrip(QFrame):
    """Drives the timekeeper from the GUI thread; every button is also an action in the Work menu."""

    changed = Signal()  # an attempt or the shift changed state: wages are worth recomputing
    warned = Signal(str)  # a time-limit warning, in words, for the status bar and (later) the tray
    failed = Signal(str)  # a request the timer refused, in words

    def __init__(
        self,
        timekeeper: Timekeeper,
        parent: QWidget | None = None,
        gives_completion_codes: Callable[[str], bool] = lambda _platform: False,
    ) -> None:
        """`gives_completion_codes` says whether a platform's tasks end with a completion code (the registry's
        word, from its spec): the code field shows only for a task of such a platform."""
        super().__init__(parent)
        self._keeper = timekeeper
        self._gives_codes = gives_completion_codes
        self._warned: dict[int, set[LimitWarning]] = {}
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.shift_label = plain_label(self)
        self.clock_button = QPushButton(self)
        self.clock_button.clicked.connect(self.toggle_shift)
        self.attempts = QComboBox(self)
        self.attempts.setAccessibleName(self.tr("Task being timed"))
        self.attempts.setMinimumContentsLength(28)
        self.attempts.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.attempts.activated.connect(self._on_attempt_chosen)
        self.elapsed_label = plain_label(self)
        self.countdown_label = plain_label(self)
        self.wage_label = plain_label(self)
        self.unsaved_label = plain_label(self)  # in the wage's place while a full disk keeps the clocks in memory
        self.unsaved_label.setText(self.tr("Disk full"))  # short: the strip fits 1366 px in French too
        self.unsaved_label.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.unsaved_label.setToolTip(
            self.tr(
                "The timer keeps counting, but the disk is full so nothing can be saved. Free some space: "
                "the time is saved as soon as it can be."
            )
        )
        self.unsaved_label.hide()
        # The nearest goal's progress (composition.py); its whole line as tooltip.
        self.goal_label = plain_label(self)
        self.goal_label.hide()
        self.pause_button = QPushButton(self)
        self.pause_button.clicked.connect(self.toggle_pause)
        # Optional: the code a study shows at its end (or its completion link), kept with the attempt as her
        # evidence for a claim (surveydesk.work.completion_code); plain text, checked when she submits. Shown
        # only for a task of a platform that gives codes, so the strip stays short for the others.
        self.code_field = QLineEdit(self)
        self.code_field.setPlaceholderText(self.tr("Completion code"))
        self.code_field.setAccessibleName(self.tr("Completion code (optional)"))
        self.code_field.setToolTip(
            plain_tooltip(
                self.tr(
                    "Optional: paste the code the study showed at its end, or its completion link. SurveyDesk "
                    "keeps it with the task, as evidence if you ever need to claim the money."
                )
            )
        )
        self.code_field.setMaxLength(_PASTED_LIMIT)
        room = self.code_field.fontMetrics().horizontalAdvance(self.code_field.placeholderText() + "  ")
        self.code_field.setMinimumWidth(room + 2 * 6)
        self.code_field.setMaximumWidth(room * 2)
        self.outcome_buttons: dict[Outcome, QPushButton] = {}
        # Two rows of controls side by side, or one above the other when the window is too narrow for both
        # (a 1366 px laptop in French): the strip reflows instead of widening the window past the screen.
        self._clocks = QWidget(self)
        clocks = QHBoxLayout(self._clocks)
        clocks.setContentsMargins(0, 0, 0, 0)
        for widget in (self.shift_label, self.clock_button, self.attempts, self.elapsed_label):
            clocks.addWidget(widget)
        clocks.addWidget(self.countdown_label)
        clocks.addWidget(self.wage_label)
        clocks.addWidget(self.unsaved_label)
        clocks.addWidget(self.goal_label)
        clocks.addStretch(1)
        self._actions = QWidget(self)
        actions = QHBoxLayout(self._actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addStretch(1)
        actions.addWidget(self.code_field)
        actions.addWidget(self.pause_button)
        for outcome, label in OUTCOME_LABELS.items():
            button = QPushButton(self.tr(label), self)
            button.clicked.connect(lambda _checked=False, chosen=outcome: self.finish(chosen))
            self.outcome_buttons[outcome] = button
            actions.addWidget(button)
        self._rows = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._rows.setContentsMargins(6, 3, 6, 3)
        self._rows.addWidget(self._clocks, 1)
        self._rows.addWidget(self._actions)

        self._tick = QTimer(self)
        self._tick.setInterval(_TICK_MS)
        self._tick.timeout.connect(self.refresh)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        # The clocks only need redrawing while someone can see them; the time itself is kept by the timekeeper.
        self._tick.start()
        self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._tick.stop()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider row: the strip wraps rather than make the window wider than the screen."""
        margins = self._rows.contentsMargins()
        rows = max(self._clocks.minimumSizeHint().width(), self._actions.minimumSizeHint().width())
        return QSize(rows + margins.left() + margins.right(), super().minimumSizeHint().height())

    def show_goal(self, progress: str, whole: str) -> None:
        """A goal's progress in a few words (`progress`), the whole sentence (`whole`) on hovering; "" hides it."""
        self.goal_label.setText(progress)
        self.goal_label.setToolTip(plain_tooltip(whole))
        self.goal_label.setVisible(bool(progress))
        self._reflow()

    @property
    def wrapped(self) -> bool:
        """Whether the outcome buttons are on a row of their own, under the clocks."""
        return self._rows.direction() == QBoxLayout.Direction.TopToBottom

    def _reflow(self) -> None:
        margins = self._rows.contentsMargins()
        one_row = (
            self._clocks.sizeHint().width()
            + self._rows.spacing()
            + self._actions.sizeHint().width()
            + margins.left()
            + margins.right()
        )
        wrap = self.width() < one_row
        if wrap != self.wrapped:
            direction = QBoxLayout.Direction.TopToBottom if wrap else QBoxLayout.Direction.LeftToRight
            self._rows.setDirection(direction)
            self.updateGeometry()

    # --- what the buttons and the Work menu do ---------------------------------------------------------------

    def toggle_shift(self) -> None:
        if self._keeper.shift is not None and self._keeper.shift_running:
            self._act(self._keeper.clock_out)
        else:
            self._act(self._keeper.clock_in)
        self._after_change()

    def toggle_pause(self) -> None:
        attempt = self.current_attempt()
        if attempt is None:
            return
        if self._keeper.is_working(attempt.id):
            self._act(lambda: self._keeper.pause(attempt.id))
        else:
            self._act(lambda: self._keeper.resume(attempt.id))
        self._after_change(select=attempt.id)

    def finish(self, outcome: Outcome) -> None:
        attempt = self.current_attempt()
        if attempt is None:
            return
        try:
            code = read_completion_code(self.code_field.text()) if self._takes_code(attempt) else None
        except CompletionCodeError as error:  # said, and her paste kept to correct: nothing is ended
            self.failed.emit(translated(error.sentence))
            self.code_field.setFocus()
            return
        if self._act(lambda: self._keeper.finish(attempt.id, outcome, completion_code=code)):
            self._warned.pop(attempt.id, None)
            if self._takes_code(attempt):  # else it was not shown: it waits for the task it was typed for
                self.code_field.clear()
        self._after_change()

    def show_attempt(self, attempt_id: int) -> None:
        """Bring an attempt (one just taken) into the strip."""
        self._after_change(select=attempt_id)

    def current_attempt(self) -> Attempt | None:
        attempt_id = self.attempts.currentData()
        if not isinstance(attempt_id, int):
            return None
        return next((a for a in self._keeper.open_attempts() if a.id == attempt_id), None)

    # --- display ---------------------------------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        """Refill the list of open attempts, keeping (or moving to) the one shown."""
        keep = select if select is not None else self.attempts.currentData()
        open_attempts = self._keeper.open_attempts()
        working = next((a.id for a in open_attempts if self._keeper.is_working(a.id)), None)
        self.attempts.blockSignals(True)
        self.attempts.clear()
        for attempt in open_attempts:
            self.attempts.addItem(shown_title(attempt.platform, attempt.title), attempt.id)
        wanted = keep if keep in [a.id for a in open_attempts] else working
        index = self.attempts.findData(wanted) if wanted is not None else self.attempts.count() - 1
        self.attempts.setCurrentIndex(max(index, 0) if self.attempts.count() else -1)
        self.attempts.blockSignals(False)
        self.attempts.setVisible(bool(open_attempts))
        self.refresh()

    def refresh(self) -> None:
        """Update the clocks; called every second."""
        if self._keeper.unsaved != self.unsaved_label.isVisibleTo(self):
            self.unsaved_label.setVisible(self._keeper.unsaved)
            self.wage_label.setVisible(not self._keeper.unsaved)  # its place: the strip fits a small laptop
            if self._keeper.unsaved:
                self.failed.emit(self.unsaved_label.toolTip())
        shift = self._keeper.shift
        if shift is None:
            self.shift_label.setText(self.tr("Not clocked in"))
            self.clock_button.setText(self.tr("Clock in"))
        else:
            state = "" if self._keeper.shift_running else self.tr(" (paused)")
            self.shift_label.setText(
                self.tr("Shift {0}{1}").format(format_clock(self._keeper.shift_seconds()), state)
            )
            self.clock_button.setText(
                self.tr("Clock out") if self._keeper.shift_running else self.tr("Resume shift")
            )
        attempt = self.current_attempt()
        has_attempt = attempt is not None
        for button in (self.pause_button, *self.outcome_buttons.values()):
            button.setEnabled(has_attempt)
        self.code_field.setVisible(self._takes_code(attempt))
        if attempt is None:
            self.elapsed_label.setText(self.tr("No task in progress: start one from the list or by hand."))
            self.countdown_label.clear()
            self.wage_label.clear()
            self.pause_button.setText(self.tr("Pause"))
            self._reflow()
            return
        working = self._keeper.is_working(attempt.id)
        self.pause_button.setText(self.tr("Pause") if working else self.tr("Resume"))
        seconds = self._keeper.worked_seconds(attempt)
        self.elapsed_label.setText(self.tr("worked {0}").format(format_clock(seconds)))
        # An hourly rate from a few seconds of work is noise (thousands an hour); it is shown from a minute on.
        rate = task_wage(attempt, seconds) if long_enough_to_count(seconds) else None
        expected = attempt.expected_wage
        promised = self.tr(" · promised {0}").format(format_rate(expected)) if expected is not None else ""
        per_hour = self.tr(" · {0} so far").format(format_rate(rate)) if rate is not None else ""
        self.wage_label.setText(format_money(attempt.reward) + promised + per_hour)
        self._show_countdown(attempt)
        self._reflow()  # the texts changed width, the strip did not

    def _takes_code(self, attempt: Attempt | None) -> bool:
        return attempt is not None and self._gives_codes(attempt.platform)

    def _show_countdown(self, attempt: Attempt) -> None:
        remaining = self._keeper.remaining_seconds(attempt)
        if remaining is None:
            self.countdown_label.clear()
            return
        reached = limit_warnings(attempt.time_limit_seconds, self._keeper.seconds_since_taken(attempt))
        urgent_first = (LimitWarning.TWO_MINUTES, LimitWarning.EIGHTY_PERCENT)
        colour = next((_WARNING_COLOURS[w] for w in urgent_first if w in reached), "")
        self.countdown_label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        self.countdown_label.setText(self.tr("{0} left").format(format_clock(remaining)))
        for warning in sorted(reached - self._warned.setdefault(attempt.id, set())):
            self._warned[attempt.id].add(warning)
            self.warned.emit(self._warning_text(attempt, warning))

    def _warning_text(self, attempt: Attempt, warning: LimitWarning) -> str:
        title = shown_title(attempt.platform, attempt.title)
        if warning is LimitWarning.EXPIRED:
            return self.tr("Time is up for “{0}”.").format(title)
        if warning is LimitWarning.TWO_MINUTES:
            return self.tr("2 minutes left for “{0}”.").format(title)
        return self.tr("80% of the time allowed for “{0}” has gone.").format(title)

    # --- plumbing --------------------------------------------------------------------------------------------

    def _on_attempt_chosen(self, _index: int) -> None:
        self.refresh()

    def _act(self, action: Callable[[], object]) -> bool:
        """Run a timer request; a refusal is said to the worker instead of raised."""
        return timer_request(lambda: action() or True, self.failed.emit) is not None

    def _after_change(self, select: int | None = None) -> None:
        self.reload(select)
        self.changed.emit()
