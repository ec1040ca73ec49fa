"""The earnings sync at a glance: online or not, "Sync earnings now", and when each account last synced."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from surveydesk.core.model import AccountKey
from surveydesk.services.reconciliation import SyncState, SyncStatus
from surveydesk.ui.task_model import platform_name
from surveydesk.ui.text import local_time, plain_label


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncPanel", text)


def describe_sync(status: SyncStatus, today: date) -> str:
    """An account's sync line, e.g. "last synced 14:02:10 · next 14:17:10", or what went wrong, in words; a
    sync before `today` (the worker's local date) is shown with its date."""
    if status.state is SyncState.SYNCING:
        parts = [_tr("Syncing earnings…")]
    elif status.state in (SyncState.ERROR, SyncState.OFFLINE):
        parts = [status.message]
    elif status.last_sync is None:
        parts = [status.message or _tr("Not synced yet")]
    else:
        parts = []
    if status.last_sync is not None:
        local = status.last_sync.astimezone()
        when = local_time(status.last_sync) if local.date() == today else local.strftime("%Y-%m-%d %H:%M")
        parts.append(_tr("last synced {0}").format(when))
    if status.next_sync is not None and status.state not in (SyncState.SYNCING, SyncState.OFFLINE):
        parts.append(_tr("next {0}").format(local_time(status.next_sync)))
    return " · ".join(part for part in parts if part)


class SyncPanel(QWidget):
    """A header line (network, the sync button) and one line per account."""

    sync_requested = Signal()

    def __init__(self, online: bool, now: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._now = now
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(2)
        header = QHBoxLayout()
        self.network = plain_label(self)
        self.sync_button = QPushButton(self.tr("Sync earnings now"), self)
        self.sync_button.clicked.connect(self.sync_requested)
        self.sync_action = QAction(self.tr("S&ync earnings now"), self)  # for a menu
        self.sync_action.triggered.connect(self.sync_requested)
        header.addWidget(self.network, 1)
        header.addWidget(self.sync_button)
        layout.addLayout(header)
        self._layout = layout
        self._lines: dict[AccountKey, QLabel] = {}
        self.set_online(online)

    def set_online(self, online: bool) -> None:
        self.network.setText(
            self.tr("Earnings: online") if online else self.tr("Earnings: offline — your history is still here")
        )

    def update_status(self, status: SyncStatus) -> None:
        line = self._lines.get(status.account)
        if line is None:
            line = self._lines[status.account] = plain_label(self)
            self._layout.addWidget(line)
        today = self._now().astimezone().date()
        text = f"{platform_name(status.account.platform)} ({status.label}): {describe_sync(status, today)}"
        if line.text() != text:
            line.setText(text)

    def line_for(self, account: AccountKey) -> str:
        """The words shown for an account (for tests and accessibility)."""
        line = self._lines.get(account)
        return "" if line is None else line.text()
