"""Accessibility and the keyboard: every control of the window and its dialogs has a name a screen reader can
say, the keys move through the window in reading order, and Help ▸ Keyboard shortcuts lists every shortcut."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from surveydesk.autostart import Autostart, launch_command
from surveydesk.core.clock import SystemClock
from surveydesk.core.money import Money
from surveydesk.feed.alerts import AlertSettings
from surveydesk.feed.rule_store import RuleStore
from surveydesk.ledger.history import EntryRow
from surveydesk.ledger.points import PointsValueStore
from surveydesk.menu_entry import MenuEntry
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.web_session import SignIns
from surveydesk.profile.schema import load_schema
from surveydesk.profile.store import ProfileStore
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.services.demo_launcher import DemoLauncher
from surveydesk.services.history_service import HistoryService
from surveydesk.services.long_job import LongJob
from surveydesk.services.sync_service import SyncService
from surveydesk.store import AccountStore
from surveydesk.store.settings import SettingsStore
from surveydesk.sync.target import SyncSettings
from surveydesk.ui.accounts_dialog import AccountsDialog
from surveydesk.ui.alerts_dialog import AlertsDialog
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.formatting import format_time
from surveydesk.ui.history_dialogs import CorrectionDialog, NoteDialog, RatesDialog
from surveydesk.ui.history_view import HistoryView
from surveydesk.ui.icons import tray_icon
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.manual_task_dialog import ManualTaskDialog
from surveydesk.ui.points_dialog import PointsValueDialog
from surveydesk.ui.preferences_dialog import PreferencesDialog
from surveydesk.ui.profile_editor import ProfileEditor
from surveydesk.ui.rules_dialog import RulesDialog
from surveydesk.ui.shell_controller import ShellController
from surveydesk.ui.shortcuts_dialog import ShortcutsDialog, shortcut_entries
from surveydesk.ui.sign_in_process import SignInApart
from surveydesk.ui.sync_dialog import SyncDialog
from surveydesk.ui.wages_panel import WagesPanel
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from surveydesk.work.wage_settings import WageSettings
from tests.conftest import DEMO, add_demo_account
from tests.factories import HANDED_OVER, PROLIFIC_ME, ledger_files
from tests.menu_checks import repeated_mnemonics
from tests.windows import attached_window

INTERACTIVE = (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSlider,
    QTabBar,
)


def _inside_another_control(widget: QWidget, root: QWidget) -> bool:
    """The line edit of a spin box, a table's header, a line edit's clear button: named by their owner."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        if isinstance(parent, INTERACTIVE):
            return True
        parent = parent.parentWidget()
    return False


def _is_qt_internal(widget: QWidget) -> bool:
    """Qt's own helpers (a menu bar's overflow button…), which Qt names itself."""
    return widget.objectName().startswith("qt_")


def _name(widget: QWidget, buddies: dict[int, str]) -> str:
    """What a screen reader announces: the accessible name, else the label that is the control's buddy, else a
    button's or a tab's own words."""
    if widget.accessibleName():
        return widget.accessibleName()
    if buddies.get(id(widget)):
        return buddies[id(widget)]
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QTabBar):
        texts = [widget.tabText(i) for i in range(widget.count())]
        return ", ".join(texts) if texts and all(texts) else ""
    return ""


def unnamed_controls(root: QWidget) -> list[str]:
    widgets = [root, *root.findChildren(QWidget)]
    buddies: dict[int, str] = {}
    for label in (w for w in widgets if isinstance(w, QLabel)):
        if label.buddy() is not None and label.text().replace("&", "").strip():
            buddies[id(label.buddy())] = label.text()
    missing = []
    for widget in widgets:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar) or _is_qt_internal(widget):
            continue
        if _inside_another_control(widget, root):
            continue
        if not _name(widget, buddies):
            missing.append(_describe(widget))
    return missing


def _describe(widget: QWidget) -> str:
    """Where a control is, as code names it: "TaskDetails.description (QPlainTextEdit)"."""
    owner = widget.parentWidget()
    while owner is not None:
        for attribute, value in vars(owner).items():
            if value is widget:
                return f"{type(owner).__name__}.{attribute} ({type(widget).__name__})"
        owner = owner.parentWidget()
    return f"{type(widget).__name__} {widget.objectName()}".strip()


@pytest.fixture
def full_window(qtbot, poller, exchange, database, pool, tmp_path: Path) -> Iterator[MainWindow]:
    """The window as the app builds it: timer strip, wages tab, feed, shell, and a signed-out account's row."""
    settings = SettingsStore(database)
    keeper = Timekeeper(WorkLog(database), SystemClock())
    add_demo_account(poller, exchange, token="wrong")
    window = attached_window(poller, SystemClock().now, timekeeper=keeper)
    qtbot.addWidget(window)
    window.add_page(WagesPanel(WageSettings(settings), window), "Wages")
    FeedController(window, poller, keeper, Background(pool, window), settings, SystemClock(), tray_icon())
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(tmp_path)})
    window.shell = ShellController(window, poller, settings, autostart, DemoLauncher(HANDED_OVER))
    window.show()
    yield window


def test_the_check_finds_an_unnamed_control(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    QLineEdit(root)
    named = QLineEdit(root)
    named.setAccessibleName("Named")
    label = QLabel("&Title:", root)
    label.setBuddy(QLineEdit(root))
    assert unnamed_controls(root) == ["QLineEdit"]


def test_every_control_of_the_main_window_has_a_name(full_window, qtbot, poller):
    poller.start()
    qtbot.waitUntil(lambda: full_window.status_panel.can_reconnect(DEMO), timeout=10_000)  # its button too
    assert unnamed_controls(full_window) == []


def test_every_control_of_the_welcome_page_has_a_name(qtbot, poller, database, tmp_path: Path):
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(tmp_path)})
    shell = ShellController(window, poller, SettingsStore(database), autostart, DemoLauncher(HANDED_OVER))
    assert shell.welcome is not None
    assert unnamed_controls(window) == []


def test_every_control_of_the_dialogs_has_a_name(full_window, qtbot, database, pool, tmp_path: Path):
    settings = SettingsStore(database)
    environ = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    dialogs = [
        AccountsDialog(
            AccountStore(database),
            MemorySecrets(),
            SystemClock(),
            Background(pool),
            BUILT_IN,
            sign_ins=SignIns(),
            signed_in=MemorySecrets(),
            sign_in_apart=SignInApart("en", hand_back=True),
            parent=full_window,
        ),
        RulesDialog(RuleStore(settings), [(spec.platform, spec.name) for spec in BUILT_IN], full_window),
        AlertsDialog(settings, AlertSettings(), full_window),
        ManualTaskDialog(parent=full_window),
        PreferencesDialog(
            settings, Autostart(launch_command(), environ), MenuEntry(launch_command(), environ), full_window
        ),
        ShortcutsDialog(full_window),
    ]
    missing = [name for dialog in dialogs for name in unnamed_controls(dialog)]
    assert missing == []


def test_every_control_of_the_history_profile_and_sync_windows_has_a_name(
    full_window, qtbot, database, pool, tmp_path: Path
):
    """The History tab (empty, then with an entry) and its dialogs, the profile editor, the sync dialog."""
    settings = SettingsStore(database)
    clock = SystemClock()
    service = HistoryService(database, pool, clock, UTC, time_text=format_time)
    history = HistoryView(
        service,
        LongJob(pool),
        ledger_files(database),
        PointsValueStore(database),
        settings,
        clock,
        lambda: [PROLIFIC_ME],
        full_window,
    )
    full_window.add_page(history, "History")
    with qtbot.waitSignal(service.loaded, timeout=10_000):
        history.refresh()
    entry = EntryRow(
        "prolific/me/task/t1", "prolific", "me", "task", "Study", "Lab", clock.now(), "paid", Money(150, "GBP"), ""
    )
    sync_service = SyncService(
        database, SyncSettings(settings), MemorySecrets(), clock, Background(pool), time_text=format_time
    )
    windows = [
        full_window,
        NoteDialog(entry, full_window),
        CorrectionDialog(entry, history.model.status_name, full_window),
        RatesDialog(service, parent=full_window),
        PointsValueDialog(PointsValueStore(database), lambda: [], full_window),
        ProfileEditor(
            ProfileStore(database, clock),
            load_schema(),
            {"cpx": replace(BUILT_IN.sharing()["cpx"], fields=lambda: frozenset({"gender"}))},
            date.today,
        ),
        SyncDialog(SyncSettings(settings), MemorySecrets(), sync_service, clock, Background(pool), full_window),
    ]
    for window in windows[1:]:
        qtbot.addWidget(window)
    try:
        missing = [name for window in windows for name in unnamed_controls(window)]
        assert missing == [], "\n".join(missing)
    finally:
        sync_service.stop()
        pool.waitForDone(10_000)


def test_the_shortcuts_dialog_lists_every_shortcut_of_the_window(full_window):
    listed = dict(ShortcutsDialog(full_window).entries())
    every = {
        key.toString(QKeySequence.SequenceFormat.NativeText)
        for action in full_window.findChildren(QAction)
        for key in action.shortcuts()
    }
    assert every, "the window has shortcuts"
    assert every == {keys for text in listed.values() for keys in text.split(", ")}
    assert listed["Tasks ▸ Take the selected task"] == "Ctrl+T"
    assert listed["Work ▸ Pause / resume"] == "F6"
    assert listed["Help ▸ Keyboard shortcuts"] == QKeySequence(QKeySequence.StandardKey.HelpContents).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert listed["Go to the search box"] == "Ctrl+F"
    assert listed["File ▸ Preferences"] == "Ctrl+,"


def test_a_new_shortcut_is_listed_without_editing_the_dialog(full_window):
    extra = QAction("Export the log", full_window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+E"))
    full_window.addAction(extra)
    assert ("Export the log", "Ctrl+Shift+E") in shortcut_entries(full_window)


def test_ctrl_f_goes_to_the_search_box_and_ctrl_l_to_the_list(full_window, qtbot):
    full_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is full_window)
    full_window.tabs.setCurrentIndex(full_window.tabs.count() - 1)  # another tab: the shortcut comes back
    qtbot.keyClick(full_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert full_window.search.hasFocus()
    qtbot.keyClick(full_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert full_window.table.hasFocus()


def test_tab_moves_in_reading_order_from_the_search_box(full_window, qtbot):
    full_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is full_window)
    full_window.search.setFocus()
    order = [full_window.search]
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [full_window.search, full_window.platform_filter, full_window.table]


def test_no_two_commands_share_a_shortcut(full_window):
    keys = [
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in full_window.findChildren(QAction)
        for key in action.shortcuts()
    ]
    assert len(keys) == len(set(keys)), sorted(key for key in keys if keys.count(key) > 1)


def test_no_two_entries_of_a_menu_share_a_mnemonic_letter(full_window):
    assert repeated_mnemonics(full_window) == []


def test_a_qshortcut_is_listed_by_what_it_does(full_window):
    shortcut = QShortcut(QKeySequence("Ctrl+Shift+K"), full_window)
    shortcut.setWhatsThis("Keep the list as it is")
    assert ("Keep the list as it is", "Ctrl+Shift+K") in shortcut_entries(full_window)


def test_the_mnemonic_check_sees_a_letter_used_twice(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    menu.addAction("&Save")
    menu.addAction("&Send")
    menu.addAction("Fish && &chips")
    assert repeated_mnemonics(window) == [["&Save", "&Send", "Fish && &chips"]]
