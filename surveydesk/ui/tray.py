"""The tray icon: alerts for new matching tasks, and a menu rebuilt each time it opens to take one in a click."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from surveydesk import APP_NAME
from surveydesk.core.model import Task
from surveydesk.feed.alerts import Alert
from surveydesk.services.desktop_notifications import DesktopNotifications
from surveydesk.ui.alert_text import describe_task
from surveydesk.ui.formatting import format_number

# How many of the newest matching tasks the tray menu offers to take.
MENU_TASKS = 5
_ALERT_MS = 10_000


class Tray(QObject):
    """Owns the QSystemTrayIcon when the desktop has a tray; otherwise `available` is False. Alerts go to the
    desktop's notification server when there is one (`notifications`, which never waits for it), else through
    the tray icon; with neither (`can_alert` False) the window shows them itself. The feed plays their sound."""

    open_requested = Signal()
    take_requested = Signal(object)  # Task
    pause_requested = Signal(bool)
    quit_requested = Signal()

    def __init__(
        self,
        icon: QIcon,
        newest_matches: Callable[[], Sequence[Task]],
        is_paused: Callable[[], bool],
        parent: QObject | None = None,
        notifications: DesktopNotifications | None = None,
    ) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self._notifications = notifications
        if notifications is not None:
            notifications.take_requested.connect(self.take_requested)
            notifications.open_requested.connect(self.open_requested)
        self._newest = newest_matches
        self._is_paused = is_paused
        self._last_alert: Alert | None = None
        self._unseen = 0
        self._problems: list[str] = []
        self._goals: list[str] = []
        self._work_menu: QMenu | None = None
        self._icon = QSystemTrayIcon(icon, self)
        self._menu = QMenu()
        self._menu.aboutToShow.connect(self.rebuild_menu)
        self._icon.setContextMenu(self._menu)
        self._icon.activated.connect(self._on_activated)
        self._icon.messageClicked.connect(self._on_message_clicked)
        self.set_unseen(0)
        self.rebuild_menu()
        if self.available:
            self._icon.show()

    @property
    def menu(self) -> QMenu:
        return self._menu

    @property
    def icon(self) -> QSystemTrayIcon:
        return self._icon

    @property
    def can_alert(self) -> bool:
        return self._notifications is not None or self.available

    @property
    def can_notify(self) -> bool:
        """Alerts go to the desktop's notification service, which says whether it showed each one."""
        return self._notifications is not None

    def show_alert(self, alert: Alert) -> None:
        self._last_alert = alert
        if self._notifications is not None:
            self._notifications.notify(alert, self.tr("Take"))
        elif self.available:
            # No notification server on a session bus (Windows, macOS): Qt's own, which may wait for it on Linux.
            self._icon.showMessage(alert.title, alert.body, QSystemTrayIcon.MessageIcon.Information, _ALERT_MS)

    def offer_work_menu(self, menu: QMenu) -> None:
        """The timer's actions (pause, outcomes, clock in/out) as a submenu of the tray's."""
        self._work_menu = menu
        self.rebuild_menu()

    def set_unseen(self, count: int) -> None:
        self._unseen = count
        self._update_tooltip()

    def set_problems(self, problems: list[str]) -> None:
        """What keeps alerts from reaching the worker, in words: said in the tooltip until it is put right."""
        self._problems = problems
        self._update_tooltip()

    def set_goals(self, lines: list[str]) -> None:
        """The earnings goals' progress in words, one line each, said in the tooltip under the tasks."""
        self._goals = lines
        self._update_tooltip()

    def _update_tooltip(self) -> None:
        count = self._unseen
        if not count:
            tip = APP_NAME
        elif count == 1:
            tip = self.tr("SurveyDesk — 1 new matching task")
        else:
            tip = self.tr("SurveyDesk — {0} new matching tasks").format(format_number(count))
        self._icon.setToolTip("\n".join([tip, *self._goals, *self._problems]))

    def tooltip(self) -> str:
        return self._icon.toolTip()

    def rebuild_menu(self) -> None:
        """Rebuilt on every opening, so it lists the tasks open now, not those of when it was made."""
        self._menu.clear()
        tasks = list(self._newest())[:MENU_TASKS]
        if tasks:
            for task in tasks:
                # "&" marks a shortcut letter in a menu: a title's own "&" must stay a character.
                label = describe_task(task).replace("&", "&&")
                action = QAction(self.tr("Take: {0}").format(label), self._menu)
                action.triggered.connect(lambda _checked=False, chosen=task: self.take_requested.emit(chosen))
                self._menu.addAction(action)
        else:
            empty = QAction(self.tr("No matching task right now"), self._menu)
            empty.setEnabled(False)
            self._menu.addAction(empty)
        self._menu.addSeparator()
        if self._work_menu is not None:
            self._menu.addMenu(self._work_menu)
        paused = self._is_paused()
        pause = QAction(self.tr("Resume checking") if paused else self.tr("Pause checking"), self._menu)
        pause.triggered.connect(lambda: self.pause_requested.emit(not paused))
        self._menu.addAction(pause)
        show = QAction(self.tr("Open SurveyDesk"), self._menu)
        show.triggered.connect(self.open_requested)
        self._menu.addAction(show)
        quit_action = QAction(self.tr("Quit"), self._menu)
        quit_action.triggered.connect(self.quit_requested)
        self._menu.addAction(quit_action)

    def hide(self) -> None:
        self._icon.hide()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def _on_message_clicked(self) -> None:
        """A click on an alert about one task takes it; on a grouped alert, it opens the list."""
        alert = self._last_alert
        if alert is not None and len(alert.tasks) == 1:
            self.take_requested.emit(alert.tasks[0])
        else:
            self.open_requested.emit()
