"""Ties the feed together in the window: the worker's rules over the list, alerts for new matches (in the tray
when the desktop has one, in the window when not), and one-click take from the list, the tray or an alert."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon

from surveydesk.core.clock import Clock
from surveydesk.core.model import MergeResult, PlatformStatus, Task
from surveydesk.core.translatable import Sentence
from surveydesk.feed.alerts import DEFAULT_PER_MINUTE, Alert, Alerts, AlertSettings
from surveydesk.feed.health import DESKTOP, PHONE, PHONE_FAILING, POLLING, SOUND, AlertHealth, why_silent
from surveydesk.feed.rule_store import Conversions, RuleStore
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.background import Background
from surveydesk.services.desktop_notifications import DesktopNotifications
from surveydesk.services.idle import SessionIdle
from surveydesk.services.phone_alerts import PhoneAlerts
from surveydesk.services.phone_replies import ReplyStream
from surveydesk.services.poller import Poller
from surveydesk.store.database import DiskFullError
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.alert_sound import AlertSound
from surveydesk.ui.alert_text import task_alert
from surveydesk.ui.links import offer_link
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.phone_feed import PhoneFeed
from surveydesk.ui.take_flow import TakeFlow
from surveydesk.ui.text import translated
from surveydesk.ui.tray import Tray
from surveydesk.work.timekeeper import Timekeeper
from surveydesk.work.wage_settings import WageSettings

if TYPE_CHECKING:
    from surveydesk.ui.alerts_dialog import AlertsDialog

log = logging.getLogger(__name__)

TOLD_ABOUT_TRAY = "tray.told"
# How often the feed checks that alerts can still come (a platform checked lately).
_HEALTH_CHECK_MS = 30_000


def alert_settings(settings: SettingsStore) -> AlertSettings:
    """The worker's alert settings; a stored value that cannot be read falls back to the default."""

    def clock_time(key: str) -> time | None:
        text = settings.get(key, "")
        try:
            return time.fromisoformat(text) if isinstance(text, str) and text else None
        except ValueError:
            return None

    per_minute = settings.get("alerts.per_minute", DEFAULT_PER_MINUTE)
    return AlertSettings(
        per_minute=per_minute if isinstance(per_minute, int) and per_minute >= 0 else DEFAULT_PER_MINUTE,
        quiet_from=clock_time("alerts.quiet_from"),
        quiet_until=clock_time("alerts.quiet_until"),
        sound=settings.get("alerts.sound", False) is True,
    )


class FeedController(QObject):
    """Owns the tray, the alerts (their sound too) and the take flow of one window; built by the composition
    root."""

    desktop_tested = Signal(str)  # how a test alert on this computer's screen went, in words
    sound_tested = Signal(str)  # how the test sound went, in words

    def __init__(
        self,
        window: MainWindow,
        poller: Poller,
        timekeeper: Timekeeper | None,
        background: Background,
        settings: SettingsStore,
        clock: Clock,
        icon: QIcon,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        phone: PhoneAlerts | None = None,
        idle: SessionIdle | None = None,
        conversions: Conversions | None = None,
        notifications: DesktopNotifications | None = None,
    ) -> None:
        """`conversions` (feed.rule_store.RatesToday): the exchange rates that let a money rule in one currency
        judge tasks paid in another."""
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._rules = RuleStore(settings, conversions)
        self._notify_rules = self._rules.notify_rules()
        self.alerts = Alerts(matches=self._notifies, now=clock.now, settings=alert_settings(settings))
        self.tray = Tray(icon, self.newest_matches, lambda: poller.paused, self, notifications)
        self.take_flow = TakeFlow(poller, background, timekeeper, open_url, self)
        self.health = AlertHealth()
        self.sound = AlertSound(self)
        self.sound.played.connect(self._on_sound_played)
        self.sound.failed.connect(self._on_sound_failed)
        self._desktop_test: Alert | None = None  # the test alert whose answer the alerts dialog waits for
        self._sound_test = False
        self._poller = poller
        self._clock = clock
        self._polling_since = clock.now()
        self._health_check = QTimer(self)
        self._health_check.timeout.connect(self.check_alerts_coming)
        self._health_check.start(_HEALTH_CHECK_MS)
        self.phone: PhoneFeed | None = None
        if notifications is not None:
            notifications.delivered.connect(self._on_desktop_delivered)
            notifications.failed.connect(self._on_desktop_failed)
        if phone is not None:
            replies = ReplyStream(parent=self)
            self.phone = PhoneFeed(phone, idle, self.take_flow, replies, settings, clock, self)
            phone.delivered.connect(lambda channel: self._worked(f"{PHONE}:{channel}"))
            phone.failed.connect(
                lambda channel, problem: self._failed(f"{PHONE}:{channel}", PHONE_FAILING.filled(problem))
            )
        window.proxy.set_rules(self._rules.list_rules())

        poller.tasks_changed.connect(self._on_changes)
        poller.signed_out.connect(self._on_signed_out)
        window.take_requested.connect(self.take)
        window.rules_requested.connect(self.edit_rules)
        window.alerts_requested.connect(self.edit_alerts)
        window.looked_at.connect(self._on_looked_at)
        window.hidden_to_tray.connect(self._on_hidden_to_tray)
        self.tray.take_requested.connect(self.take)
        self.tray.open_requested.connect(window.bring_forward)
        self.tray.pause_requested.connect(window.pause_action.setChecked)
        self.tray.quit_requested.connect(window.quit_for_real)
        self.take_flow.said.connect(window.say)
        self.take_flow.not_opened.connect(lambda address: offer_link(address, window))
        if window.timer_strip is not None:
            self.take_flow.attempt_started.connect(window.timer_strip.show_attempt)
            window.timer_strip.warned.connect(self._on_time_warning)
        if window.work_menu is not None:
            self.tray.offer_work_menu(window.work_menu)
        window.keep_running_in_tray = self.tray.available
        if not self.tray.can_alert:
            window.say(self.tr("This desktop has no system tray: new-task alerts are shown in this window."))

    def take(self, task: Task | None) -> None:
        """Only ever called from a click: the list's Take, a tray menu entry, an alert."""
        if isinstance(task, Task):
            self.take_flow.take(task)

    def newest_matches(self) -> list[Task]:
        """What the tray menu offers: the tasks in the list that pass the notification rules, newest first."""
        matching = [task for task in self._window.model.task_list.tasks() if self._notifies(task)]
        return sorted(matching, key=lambda task: task.first_seen, reverse=True)

    def edit_rules(self) -> None:
        from surveydesk.ui.rules_dialog import RulesDialog  # the dialogs are imported when first opened

        currencies = {task.reward.currency for task in self._window.model.task_list.tasks()}
        platforms = [(spec.platform, spec.name) for spec in BUILT_IN]
        currency = WageSettings(self._settings).currency()
        dialog = RulesDialog(self._rules, platforms, self._window, currencies, currency)
        dialog.rules_changed.connect(self._on_rules_changed)
        dialog.exec()
        dialog.setParent(None)  # freed with the last reference, not by a deleteLater that could outlive it

    def edit_alerts(self) -> None:
        dialog = self.alerts_dialog()
        dialog.exec()
        dialog.setParent(None)

    def alerts_dialog(self) -> AlertsDialog:
        """The alert settings, with a test for each way of alerting that says in words how it went."""
        from surveydesk.ui.alerts_dialog import AlertsDialog
        from surveydesk.ui.phone_alerts_section import PhoneAlertsSection

        section = None
        if self.phone is not None:
            phone = self.phone.phone
            section = PhoneAlertsSection(self._settings, self.phone.chosen, phone.secrets, phone)
        dialog = AlertsDialog(self._settings, self.alerts.settings, self._window, section)
        dialog.changed.connect(self._on_alert_settings)
        dialog.test_requested.connect(self.send_test_alert)
        dialog.sound_test_requested.connect(self.play_test_sound)
        self.desktop_tested.connect(dialog.show_desktop_test)
        self.sound_tested.connect(dialog.show_sound_test)
        return dialog

    def send_test_alert(self) -> None:
        """What a new task's alert looks like on this computer's screen; `desktop_tested` says whether it got
        there: the desktop's notification service answered, or where it was shown without one."""
        words = self.tr("A test alert: new tasks will be announced like this.")
        alert = Alert(self.tr("SurveyDesk"), words, (), sound=False)
        self._desktop_test = alert
        self.announce(alert)
        if self.tray.can_notify:
            return  # said when the notification service answers
        if self.tray.can_alert:
            self.desktop_tested.emit(
                self.tr("The test alert was handed to the system tray: it should be on your screen now.")
            )
        else:
            self.desktop_tested.emit(
                self.tr("This desktop has no notification area: alerts are shown at the bottom of this window.")
            )

    def play_test_sound(self) -> None:
        """The alerts' sound; `sound_tested` says whether a sound device played it."""
        self._sound_test = True
        self.sound.play()

    def _on_desktop_delivered(self, alert: Alert) -> None:
        self._worked(DESKTOP)
        if alert is self._desktop_test:
            self._desktop_test = None
            self.desktop_tested.emit(self.tr("The desktop's notification service showed the test alert."))

    def _on_desktop_failed(self, problem: Sentence, alert: Alert | None) -> None:
        self._failed(DESKTOP, problem)
        if alert is self._desktop_test and alert is not None:
            self._desktop_test = None
            self.desktop_tested.emit(translated(problem))

    def _on_sound_played(self) -> None:
        self._worked(SOUND)
        if self._sound_test:
            self._sound_test = False
            self.sound_tested.emit(self.tr("The sound played: you should have heard it."))

    def _on_sound_failed(self, problem: Sentence) -> None:
        self._failed(SOUND, problem)
        if self._sound_test:
            self._sound_test = False
            self.sound_tested.emit(translated(problem))

    def reload_settings(self) -> None:
        """The rules and alert settings as stored now: another of the worker's computers may have changed them."""
        self._on_rules_changed()
        self.alerts.settings = alert_settings(self._settings)
        if self.phone is not None:
            self.phone.reload()

    def _on_alert_settings(self, settings: AlertSettings) -> None:
        self.alerts.settings = settings
        if self.phone is not None:
            self.phone.reload()

    def _notifies(self, task: Task) -> bool:
        return self._notify_rules.matches(task)

    def _on_rules_changed(self) -> None:
        self._window.proxy.set_rules(self._rules.list_rules())
        self._notify_rules = self._rules.notify_rules()

    def reload_rules(self) -> None:
        """The rules read again: the exchange rates their money is converted with changed."""
        self._on_rules_changed()

    def _on_changes(self, result: MergeResult) -> None:
        tasks = self.alerts.tasks_to_alert(result)
        if tasks:
            alert = task_alert(tasks, self.alerts.settings.sound)
            self.announce(alert)
            if self.phone is not None:
                self.phone.alert(alert)
        if self.phone is not None:
            self.phone.on_changes(result)
        self.tray.set_unseen(self.alerts.unseen)

    def check_alerts_coming(self) -> None:
        """Says "No alerts are coming" when no platform was checked for three of its cadences, and why."""
        silent = why_silent(self._poller.cadences(), self._poller.paused, self._clock.now(), self._polling_since)
        if silent is None:
            self._worked(POLLING)
        else:
            self._failed(POLLING, silent)

    def _failed(self, channel: str, problem: Sentence) -> None:
        """Said at once in the tray, unless it is the desktop's alerts that fail; then the tooltip and the status
        bar say it."""
        if self.health.failed(channel, problem) and channel != DESKTOP and self.tray.can_alert:
            self.tray.show_alert(Alert(self.tr("Alerts are failing"), translated(problem), (), sound=False))
        self._show_health()

    def _worked(self, channel: str) -> None:
        if self.health.worked(channel):
            self._show_health()

    def _show_health(self) -> None:
        problems = [translated(problem) for problem in self.health.problems.values()]
        self.tray.set_problems(problems)
        self._window.show_alert_problems(problems)

    def announce(self, alert: Alert) -> None:
        """An alert in the tray, or in the window when the desktop has no tray (new tasks, a goal reached)."""
        if self.tray.can_alert:
            self.tray.show_alert(alert)
        else:
            self._window.show_alert(alert.title, alert.body)
        if alert.sound:
            self.sound.play()

    def _on_signed_out(self, status: PlatformStatus) -> None:
        """A platform signed the worker out: said once, in the tray (the window when there is none); the
        account's status line keeps saying it, with its "Sign in again" button."""
        title = self.tr("Signed out of {0}").format(BUILT_IN.name(status.account.platform))
        self.announce(Alert(title, translated(status.message), (), sound=False))

    def _on_time_warning(self, message: str) -> None:
        """A time limit warning also goes to the tray: the worker is usually in the survey's browser tab."""
        if self.tray.can_alert:
            self.announce(Alert(self.tr("Time limit"), message, (), sound=True))

    def _on_looked_at(self) -> None:
        self.alerts.seen()
        self.tray.set_unseen(0)

    def _on_hidden_to_tray(self) -> None:
        if self._settings.get(TOLD_ABOUT_TRAY, False) is not True:
            try:
                self._settings.set(TOLD_ABOUT_TRAY, True)
            except DiskFullError:  # still said: on a full disk it is said again next time, which harms nothing
                log.warning("the disk is full: that the worker was told about the tray is not saved")
            told = Alert(
                self.tr("SurveyDesk is still running"),
                self.tr("It keeps checking for tasks in the tray. Quit it from the tray's menu."),
                (),
                sound=False,
            )
            self.tray.show_alert(told)
