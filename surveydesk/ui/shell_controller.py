"""The window's shell around the task list: the welcome page on a first run, the empty list's hint, the
preferences, the keyboard (shortcuts, tab order) and Help ▸ Keyboard shortcuts. Built by the composition root."""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QMenu, QWidget

from surveydesk.autostart import Autostart, launch_command
from surveydesk.menu_entry import MenuEntry, system_entry
from surveydesk.services.demo_launcher import DemoLauncher, demo_command
from surveydesk.services.poller import Poller
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.first_run import EmptyListHint, WelcomePage
from surveydesk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class ShellController(QObject):
    """Adds what a new worker and a keyboard user need to the window, without the window knowing of it."""

    def __init__(
        self,
        window: MainWindow,
        poller: Poller,
        settings: SettingsStore,
        autostart: Autostart,
        demo_launcher: DemoLauncher,
        demo: bool = False,
        menu_entry: MenuEntry | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._autostart = autostart
        self._menu_entry = menu_entry
        self._demo = demo_launcher
        demo_launcher.setParent(self)
        demo_launcher.failed.connect(self._on_demo_failed)
        self.hint = EmptyListHint(window, poller)
        self.welcome: WelcomePage | None = None
        self._add_actions()
        if not demo and not poller.statuses():
            self._show_welcome()
            poller.status_changed.connect(self._close_welcome)
        self._set_tab_order()

    # --- menus and keys ----------------------------------------------------------------------------------------

    def _add_actions(self) -> None:
        window = self._window
        # File is the menu bar's first menu and Help its last, in every desktop's convention and in ours.
        menus = [menu for action in window.menuBar().actions() if isinstance(menu := action.menu(), QMenu)]
        file_menu, help_menu = menus[0], menus[-1]
        self.preferences_action = QAction(self.tr("&Preferences…"), window)
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.triggered.connect(self.open_preferences)
        first = file_menu.actions()[0]
        file_menu.insertAction(first, self.preferences_action)
        file_menu.insertSeparator(first)

        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        help_menu.insertAction(help_menu.actions()[0], self.shortcuts_action)

        # Not in a menu (their targets are in plain view), yet listed with the others from their tool tips.
        for text, keys, target in (
            (self.tr("Go to the search box"), "Ctrl+F", window.search),
            (self.tr("Go to the task list"), "Ctrl+L", window.table),
        ):
            action = QAction(text, window)
            action.setToolTip(text)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _checked=False, widget=target: self._focus(widget))
            window.addAction(action)

    def _focus(self, widget: QWidget) -> None:
        self._show_tasks_tab()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_tasks_tab(self) -> None:
        tabs = self._window.tabs
        for index in range(tabs.count()):
            page = tabs.widget(index)
            if page is not None and page.isAncestorOf(self._window.table):
                tabs.setCurrentIndex(index)

    def _set_tab_order(self) -> None:
        """Top to bottom as the window reads: the timer strip, the tabs, search, filter, list, details."""
        window = self._window
        chain: list[QWidget] = []
        if window.timer_strip is not None:
            controls = window.timer_strip.findChildren(QWidget)
            # A combo box's popup list is a window of its own, outside the chain.
            chain += [
                control
                for control in controls
                if isinstance(control, (QAbstractButton, QComboBox)) and control.window() is window
            ]
        chain += [window.tabs.tabBar(), window.search, window.platform_filter, window.table]
        details = window.details
        chain += [details.description, details.take_button, details.start_button, details.open_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- first run ---------------------------------------------------------------------------------------------

    def _show_welcome(self) -> None:
        self.welcome = WelcomePage(self._window.tabs)
        self.welcome.add_account_requested.connect(lambda: self._window.accounts_requested.emit(None))
        self.welcome.demo_requested.connect(self._on_demo_requested)
        self._window.tabs.insertTab(0, self.welcome, self.tr("Welcome"))
        self._window.tabs.setCurrentIndex(0)

    def _close_welcome(self, *_args: object) -> None:
        """The first account exists: the list takes the welcome page's place."""
        if self.welcome is None:
            return
        tabs = self._window.tabs
        tabs.removeTab(tabs.indexOf(self.welcome))
        self.welcome.setParent(None)
        self.welcome = None
        self._show_tasks_tab()

    def _on_demo_requested(self) -> None:
        if self.welcome is None:
            return
        if self._demo.start():
            self.welcome.status.setText(self.tr("The demo is starting in a window of its own."))
        else:
            self.welcome.status.setText(self.tr("The demo could not be started; see the log file."))

    def _on_demo_failed(self, last_words: str) -> None:
        log.warning("the demo stopped as it started: %s", last_words or "(it said nothing)")
        if self.welcome is not None:
            self.welcome.status.setText(
                self.tr(
                    "The demo stopped as soon as it started. Try again; if it stops again, the log file says why."
                )
            )

    # --- dialogs -----------------------------------------------------------------------------------------------

    def open_preferences(self) -> None:
        from surveydesk.ui.preferences_dialog import PreferencesDialog  # imported when first opened

        dialog = PreferencesDialog(self._settings, self._autostart, self._menu_entry, self._window)
        if dialog.exec() and dialog.language_changed:
            self._window.say(self.tr("The new language is used from the next start of SurveyDesk."))
        dialog.setParent(None)

    def open_shortcuts(self) -> None:
        from surveydesk.ui.shortcuts_dialog import ShortcutsDialog  # imported when first opened

        dialog = ShortcutsDialog(self._window)
        dialog.exec()
        dialog.setParent(None)


def add_shell(
    window: MainWindow, poller: Poller, settings: SettingsStore, data_dir: Path | None, demo: bool
) -> ShellController:
    """The welcome page, preferences, help and keyboard, with this copy of SurveyDesk's desktop entries: the
    autostart and menu entries start it with the same data folder; the demo starts apart from it."""
    this_copy = launch_command(data_dir)
    menu_entry = None if system_entry() else MenuEntry(this_copy)  # a package's own entry needs no second one
    demo_launcher = DemoLauncher(demo_command())
    return ShellController(window, poller, settings, Autostart(this_copy), demo_launcher, demo, menu_entry)
