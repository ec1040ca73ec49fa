"""Taking a task in one click: the platform's take call on the pool, then its page opened and its timer started.

Only a worker's click starts this (a button, the tray menu, an alert): nothing here runs by itself.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from surveydesk.core.errors import PlatformError, platform_outcome
from surveydesk.core.links import openable
from surveydesk.core.model import Task
from surveydesk.core.take import TakeResult
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.background import Background
from surveydesk.services.poller import Poller
from surveydesk.ui.task_titles import task_title
from surveydesk.ui.text import translated
from surveydesk.ui.timer_strip import timer_request
from surveydesk.work.model import NewAttempt
from surveydesk.work.timekeeper import Timekeeper

# Runs between a platform's yes and the opening of the task: given the task, what the platform answered and
# `proceed` (to call with the address to open, or not at all when the worker gave up).
BeforeOpening = Callable[[Task, TakeResult, Callable[[str], None]], None]


class TakeFlow(QObject):
    """Runs one take at a time per task; says how it went through `said`."""

    said = Signal(str)  # what happened, in words
    taken = Signal(object)  # the Task, once the platform said yes
    not_taken = Signal(object, str)  # the Task, and why not in words
    attempt_started = Signal(int)  # the timer's attempt for it
    not_opened = Signal(str)  # the address of a taken task's page no web browser could be started for

    def __init__(
        self,
        poller: Poller,
        background: Background,
        timekeeper: Timekeeper | None,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_url = open_url
        self._poller = poller
        self._background = background
        self._timekeeper = timekeeper
        self._in_flight: set[tuple[str, str, str]] = set()
        self._before_opening: dict[str, BeforeOpening] = {}

    def set_before_opening(self, platform: str, step: BeforeOpening) -> None:
        """A step of the platform's own before its task opens (BitLabs' profiler questions)."""
        self._before_opening[platform] = step

    def take(self, task: Task) -> None:
        connector = self._poller.lazy_connector_of(task.account_key)  # built on the pool if no poll built it
        if connector is None:
            removed = self.tr("“{0}” can no longer be taken here: its account was removed.")
            self._refuse(task, removed.format(task_title(task)))
            return
        if task.key in self._in_flight:
            return
        self._in_flight.add(task.key)
        self.said.emit(self.tr("Taking “{0}”…").format(task_title(task)))

        self._background.run(
            platform_outcome(lambda: connector().take(task)),
            lambda outcome: self._done(task, outcome),
            lambda _bug: self._failed(task),
        )

    def _done(self, task: Task, outcome: TakeResult | PlatformError) -> None:
        self._in_flight.discard(task.key)
        if isinstance(outcome, PlatformError):
            reason = translated(outcome.message)
            self._refuse(task, self.tr("Could not take “{0}”: {1}").format(task_title(task), reason))
            return
        step = self._before_opening.get(task.platform)
        if step is None:
            self._open(task, outcome.opened_url, outcome.message)
        else:
            step(task, outcome, lambda address: self._open(task, address, outcome.message))

    def _open(self, task: Task, address: str, message: str) -> None:
        if not openable(address):  # the platform gave no address, or one that hides where it leads (core/links.py)
            self.said.emit(
                self.tr("“{0}” was not opened: its address is not one SurveyDesk trusts.").format(task_title(task))
            )
        elif self._open_url(QUrl(address)):
            self.said.emit(translated(message))  # the connector's words, a Sentence (core/translatable.py)
        else:  # no web browser started: the connector's "Opened in …" would not be true
            self.said.emit(
                self.tr("“{0}” is taken, but no web browser could be opened for it.").format(task_title(task))
            )
            self.not_opened.emit(address)
        self.taken.emit(task)
        keeper = self._timekeeper
        if keeper is not None:
            new = NewAttempt.for_task(task, BUILT_IN.is_survey_wall(task.platform))
            attempt = timer_request(lambda: keeper.take(new), self.said.emit)
            if attempt is not None:
                self.attempt_started.emit(attempt.id)

    def _failed(self, task: Task) -> None:
        self._in_flight.discard(task.key)
        self._refuse(
            task, self.tr("Could not take “{0}”: an error of ours; see the log file.").format(task_title(task))
        )

    def _refuse(self, task: Task, words: str) -> None:
        self.said.emit(words)
        self.not_taken.emit(task, words)
