"""Help ▸ Keyboard shortcuts: every shortcut of the window, read from its actions and shortcuts themselves, so the
list cannot drift from what the keys really do."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from surveydesk.ui.text import cell_text


def _label(text: str) -> str:
    """A menu text as read: the "&" marking a mnemonic dropped, a doubled "&&" kept as one."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").strip()


def _menu_paths(window: QWidget) -> dict[QAction, str]:
    """Each menu action's place, e.g. "Tasks ▸ Check now", so the list says where to find it."""
    paths: dict[QAction, str] = {}

    def walk(actions: list[QAction], prefix: str) -> None:
        for action in actions:
            name = f"{prefix} ▸ {_label(action.text())}" if prefix else _label(action.text())
            menu = action.menu()
            if isinstance(menu, QMenu):
                walk(menu.actions(), name)
            elif not action.isSeparator():
                paths.setdefault(action, name)

    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar):
        walk(menu_bar().actions(), "")
    return paths


def shortcut_entries(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, the keys) for every QAction and QShortcut of the window that has keys, in menu order."""
    paths = _menu_paths(window)
    entries: dict[str, str] = {}
    actions = list(paths) + [action for action in window.findChildren(QAction) if action not in paths]
    for action in actions:
        keys = action.shortcuts()
        if keys:
            what = paths.get(action) or _label(action.toolTip() or action.text())
            entries.setdefault(what, _keys_text(keys))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.key().isEmpty():
            what = shortcut.whatsThis() or shortcut.objectName()
            entries.setdefault(what, _keys_text([shortcut.key()]))
    return list(entries.items())


def _keys_text(keys: list[QKeySequence]) -> str:
    return ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)


class ShortcutsDialog(QDialog):
    """A two-column table: what, and which keys."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 480)
        entries = shortcut_entries(window)
        self.table = QTableWidget(len(entries), 2, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for row, (what, keys) in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, Qt.Orientation.Horizontal, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def entries(self) -> list[tuple[str, str]]:
        return [
            (cell_text(self.table, row, 0), cell_text(self.table, row, 1)) for row in range(self.table.rowCount())
        ]
