"""The feed's alerts on the worker's phone: each alert the desktop shows goes there too when she wants it (away
long enough, if she asked), an alert about one task with a "Take" button; a tap comes back on the reply topic
and takes the task as her click in the window would, and the phone is told how it went."""

from __future__ import annotations

import logging
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QObject

from surveydesk.core.clock import Clock
from surveydesk.core.model import MergeResult, Task
from surveydesk.feed.alerts import Alert
from surveydesk.feed.phone import PhoneMessage, PhoneSettings, load_phone_settings
from surveydesk.feed.phone_take import TakeNonces
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.idle import SessionIdle
from surveydesk.services.phone_alerts import PhoneAlerts, PhoneTargets
from surveydesk.services.phone_replies import ReplyStream
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.take_flow import TakeFlow
from surveydesk.ui.task_titles import task_title

log = logging.getLogger(__name__)


class PhoneFeed(QObject):
    """Built by the feed controller when the composition root gives it a phone."""

    def __init__(
        self,
        phone: PhoneAlerts,
        idle: SessionIdle | None,
        take_flow: TakeFlow,
        replies: ReplyStream,
        settings: SettingsStore,
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.phone = phone
        self.replies = replies
        self._idle = idle
        self._take_flow = take_flow
        self._settings = settings
        self._clock = clock
        self._nonces = TakeNonces()
        self._tapped: set[tuple[str, str, str]] = set()  # tasks being taken from the phone, to answer there
        self.chosen = load_phone_settings(settings)
        replies.message.connect(self._on_tap)
        take_flow.taken.connect(self._on_taken)
        take_flow.not_taken.connect(self._on_not_taken)
        self.reload()

    def reload(self) -> None:
        """The choices and targets as saved now: listens for taps while phone alerts are on."""
        self.chosen = load_phone_settings(self._settings)
        if self.chosen.enabled:
            self.phone.load_targets(self._listen)
        else:
            self.replies.listen(None, None)

    def _listen(self, targets: PhoneTargets | str) -> None:
        if isinstance(targets, str) or targets.topic is None or targets.reply_topic is None:
            self.replies.listen(None, None)
            return
        self.replies.listen(targets.server.stream_url(targets.reply_topic), targets.access_key)

    def alert(self, alert: Alert) -> None:
        """The desktop's alert, on the phone when she wants it there now."""
        chosen = self.chosen
        if not chosen.enabled:
            return
        nonce = None
        if len(alert.tasks) == 1 and not BUILT_IN.is_survey_wall(alert.tasks[0].platform):
            nonce = self._nonces.issue(alert.tasks[0], self._clock.now())
        message = PhoneMessage(alert.title, alert.body, take_nonce=nonce)
        if not chosen.only_when_away:
            self.phone.send(message)
        elif self._idle is not None:
            self._idle.ask(lambda idle: self._send_if_away(chosen, idle, message))

    def _send_if_away(self, chosen: PhoneSettings, idle: timedelta, message: PhoneMessage) -> None:
        if chosen.wants(idle):
            self.phone.send(message)

    def on_changes(self, result: MergeResult) -> None:
        """Tasks that left the list can no longer be taken from an old alert."""
        self._nonces.forget_tasks(result.gone)

    def _on_tap(self, text: str) -> None:
        task = self._nonces.redeem(text, self._clock.now())
        if task is None:
            log.info("a message on the reply topic took nothing: not a nonce issued here, or used already")
            return
        self._tapped.add(task.key)
        self._take_flow.take(task)

    def _on_taken(self, task: Task) -> None:
        if task.key in self._tapped:
            self._tapped.discard(task.key)
            title = QCoreApplication.translate("PhoneFeed", "Taken")
            body = QCoreApplication.translate("PhoneFeed", "“{0}” is yours: it is open on your computer.")
            self.phone.send(PhoneMessage(title, body.format(task_title(task)), tags=("white_check_mark",)))

    def _on_not_taken(self, task: Task, words: str) -> None:
        if task.key in self._tapped:
            self._tapped.discard(task.key)
            title = QCoreApplication.translate("PhoneFeed", "Not taken")
            self.phone.send(PhoneMessage(title, words, tags=("x",)))
