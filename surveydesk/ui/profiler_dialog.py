"""A platform's profiler questions during a take (BitLabs' click flow), answered from the worker's profile.

Each question is planned by surveydesk.profile.profiler: answered at once when the worker chose
"always" for its field, shown ready to send when they chose "ask", and put to the worker when the profile has no
answer they allow (their answer then goes into the profile, if they keep the box ticked). A different answer from
the profile's is named before it is sent. When the flow redirects, the survey opens as any take does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.errors import PlatformError, platform_outcome
from surveydesk.core.model import Task
from surveydesk.core.questions import ClickRefused, ClickStep, QuestionFlow
from surveydesk.profile.mappings import BitLabsMapping
from surveydesk.profile.profiler import Fill, Learned, Plan, learned_from, plan, warning_for
from surveydesk.profile.schema import Schema
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import ProfileStore, extra_field
from surveydesk.services.background import Background
from surveydesk.ui.profile_inputs import AnswerInput
from surveydesk.ui.text import plain_label, schema_text, translated

CHANNEL = "profiler question"
WARNING_STYLE = "color: #8a5a00;"
ERROR_STYLE = "color: #c0392b;"


class ProfilerDialog(QDialog):
    """Runs one click flow; `proceed` carries the survey's address once the profiler is done."""

    proceed = Signal(str)
    said = Signal(str)

    def __init__(
        self,
        clicks: QuestionFlow,
        task: Task,
        platform_name: str,
        schema: Schema,
        mapping: BitLabsMapping,
        store: ProfileStore,
        background: Background,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Before the survey: {0}'s questions").format(platform_name))
        self.resize(560, 460)
        self._clicks = clicks
        self._task = task
        self._platform = task.platform
        self._name = platform_name
        self._schema = schema
        self._mapping = mapping
        self._store = store
        self._background = background
        self._today = today
        self._click_id = ""
        self._plan: Plan | None = None
        self._warned = False
        self.input: AnswerInput | None = None

        self.progress = plain_label(self)
        self.question = plain_label(self)
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold;")
        self.source = plain_label(self)
        self.source.setWordWrap(True)
        self.input_holder = QVBoxLayout()
        self.warning = plain_label(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.error = plain_label(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.save_box = QCheckBox(self.tr("Save my answer to my profile"), self)
        self.always_box = QCheckBox(
            self.tr("From now on, send this answer to {0} without asking").format(platform_name), self
        )
        self.filled = QListWidget(self)
        self.filled.setMaximumHeight(110)
        self.filled.setAccessibleName(self.tr("Questions already answered from your profile"))
        self.send_button = QPushButton(self.tr("Send"), self)
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.skip_button = QPushButton(self.tr("Skip"), self)
        self.skip_button.clicked.connect(self.skip)
        self.leave_button = QPushButton(self.tr("Leave the survey"), self)
        self.leave_button.clicked.connect(self.leave)
        self.browser_button = QPushButton(self.tr("Open in the browser instead"), self)
        self.browser_button.clicked.connect(self._open_in_browser)
        self.browser_button.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.leave_button)
        buttons.addWidget(self.browser_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.question)
        layout.addWidget(self.source)
        layout.addLayout(self.input_holder, 1)
        layout.addWidget(self.save_box)
        layout.addWidget(self.always_box)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        filled_title = plain_label(self)
        filled_title.setText(self.tr("Answered from your profile without asking, as you chose:"))
        layout.addWidget(filled_title)
        layout.addWidget(self.filled)
        layout.addLayout(buttons)
        self._show_question(None)

    # --- the flow ----------------------------------------------------------------------------------------

    def start(self) -> None:
        self._wait(self.tr("Asking {0} for the survey's questions…").format(self._name))
        self._background.run(
            platform_outcome(lambda: self._clicks.start(self._task)), self._on_started, self._on_bug
        )

    def send(self) -> None:
        item, box = self._plan, self.input
        if item is None or box is None:
            return
        answers = box.answers()
        problem = item.question.problem(answers, self._today())
        if problem is not None:
            self._say_error(translated(problem))
            return
        profile = self._store.answers()
        learned = learned_from(item, answers, self._mapping, profile, self._platform)
        conflict = warning_for(item, learned, profile, self._today())
        if conflict is not None and not self._warned and item.schema_field is not None:
            self._warned = True
            self.warning.setText(translated(conflict.describe(schema_text(item.schema_field.label))))
            self.send_button.setText(self.tr("Send anyway"))
            return
        if self.save_box.isChecked() and learned is not None:
            self._keep(item, learned)
        if self.always_box.isChecked():
            self._store.set_permission(item.field, self._platform, Permission.ALWAYS)
        self._send(item, answers)

    def skip(self) -> None:
        self._step(lambda: self._clicks.skip(self._click_id), self.tr("Skipping…"))

    def leave(self) -> None:
        if not self._click_id:
            self.reject()
            return
        self._wait(self.tr("Leaving the survey…"))

        click_id = self._click_id
        self._background.run(
            platform_outcome(lambda: self._clicks.leave(click_id, "OTHER")), self._on_left, self._on_bug
        )

    # --- steps -------------------------------------------------------------------------------------------

    def _send(self, item: Plan, answers: list[str]) -> None:
        self._store.record_sent(self._platform, self._task.account, [item.field], CHANNEL)
        learned = learned_from(item, answers, self._mapping, self._store.answers(), self._platform)
        if item.schema_field is not None and learned is not None:
            self._store.record_screener_answer(self._platform, self._task.external_id, item.field, learned.value)
        self._step(lambda: self._clicks.answer(self._click_id, answers), self.tr("Sending your answer…"))

    def _step(self, call: Callable[[], ClickStep], waiting: str) -> None:
        self._wait(waiting)

        self._background.run(platform_outcome(call), self._on_step, self._on_bug)

    def _on_started(self, outcome: tuple[str, ClickStep] | PlatformError) -> None:
        if isinstance(outcome, PlatformError):
            self._on_step(outcome)
            return
        self._click_id, step = outcome
        self._on_step(step)

    def _on_step(self, outcome: ClickStep | PlatformError) -> None:
        if isinstance(outcome, ClickRefused) and self._plan is not None:
            self._show_question(self._plan)  # the same question again, with the platform's reason
            self._say_error(translated(outcome.message))
            return
        if isinstance(outcome, PlatformError):
            self._stuck(translated(outcome.message))
            return
        if outcome.question is None:
            self.said.emit(self.tr("{0}'s questions are done; the survey opens.").format(self._name))
            self.proceed.emit(outcome.redirect_url)
            self.accept()
            return
        if outcome.required:
            self.progress.setText(
                self.tr("Question {0} of {1}").format(
                    min((outcome.answered or 0) + 1, outcome.required), outcome.required
                )
            )
        fields = [field.id for field in self._schema.fields] + [extra_field(self._platform, outcome.question.id)]
        item = plan(
            outcome.question,
            self._schema,
            self._mapping,
            self._store.answers(),
            self._store.permissions(self._platform, fields),
            self._today(),
            self._platform,
        )
        if item.fill is Fill.FILL:
            chosen = [c.text for c in item.question.choices if c.code in item.answers] or list(item.answers)
            self.filled.addItem(f"{item.question.text} → {', '.join(chosen)}")
            self._plan = item
            self._send(item, list(item.answers))
            return
        self._show_question(item)

    def _on_left(self, outcome: PlatformError | None) -> None:
        if outcome is not None:
            self._stuck(translated(outcome.message))
            return
        self.said.emit(self.tr("You left the survey; nothing more was sent."))
        self.reject()

    def _on_bug(self, _error: Exception) -> None:
        self._stuck(self.tr("An error of ours; see the log file."))

    # --- what the worker sees ----------------------------------------------------------------------------

    def _show_question(self, item: Plan | None) -> None:
        self._plan = item
        self._warned = False
        self.warning.clear()
        self.error.clear()
        if self.input is not None:
            self.input.deleteLater()
            self.input = None
        self.send_button.setText(self.tr("Send"))
        ready = item is not None
        for widget in (self.send_button, self.save_box):
            widget.setEnabled(ready)
        self.skip_button.setEnabled(ready and item is not None and item.question.can_skip)
        self.leave_button.setEnabled(True)
        if item is None:
            self.question.setText("")
            self.source.setText("")
            self.save_box.hide()
            self.always_box.hide()
            return
        question = item.question
        self.question.setText(question.text)
        self.input = AnswerInput(
            question.type,
            [(choice.code, choice.text) for choice in question.choices],
            item.answers,
            question.example,
            self,
        )
        self.input.set_accessible_name(question.text)
        self.input_holder.addWidget(self.input)
        self.save_box.setVisible(True)
        self.save_box.setChecked(item.fill is Fill.ASK)
        self.always_box.setVisible(item.fill is Fill.CONFIRM)
        self.always_box.setChecked(False)
        if item.fill is Fill.CONFIRM:
            self.source.setText(self.tr("Filled in from your profile. Check it, then send."))
        elif item.schema_field is not None:
            self.source.setText(
                self.tr(
                    "Your profile has no answer you allow for “{0}”. What you answer can be saved to it."
                ).format(schema_text(item.schema_field.label))
            )
        else:
            self.source.setText(self.tr("This survey's own question. What you answer can be saved for next time."))

    def _wait(self, message: str) -> None:
        for widget in (self.send_button, self.skip_button, self.leave_button):
            widget.setEnabled(False)
        self.error.setText(message)
        self.error.setStyleSheet("")

    def _say_error(self, message: str) -> None:
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setText(message)

    def _stuck(self, message: str) -> None:
        """An error the flow cannot go on from: say it, and offer the platform's own pages in the browser."""
        self._show_question(None)
        self._say_error(message)
        self.browser_button.show()
        self.leave_button.setEnabled(bool(self._click_id))

    def _open_in_browser(self) -> None:
        self.proceed.emit(self._task.url)
        self.accept()

    def _keep(self, item: Plan, learned: Learned) -> None:
        """Save the worker's answer into the profile, if it is valid there too."""
        if item.schema_field is not None:
            if item.schema_field.validate(learned.value, self._today()) is not None:
                return
            self._store.set_answer(learned.field, learned.value)
            return
        self._store.set_answer(learned.field, learned.value, learned.label, learned.platform)
