"""The earnings sync at a glance: online or not, "Sync earnings now", and a first reconciliation's progress with
its Cancel button (SyncPanel); each account's sync in words (`describe_sync`, shown at the end of its status
line)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from surveydesk.core.model import AccountKey
from surveydesk.services.reconciliation import SyncProgress, SyncState, SyncStatus
from surveydesk.ui.formatting import format_date_time, format_number
from surveydesk.ui.text import local_time, plain_label, translated


def describe_sync(status: SyncStatus, today: date) -> str:
    """An account's sync in a few words, e.g. "synced 14:02:10", "syncing…", or what went wrong and when it is
    tried again; a sync before `today` (the worker's local date) is shown with its date."""
    if status.state is SyncState.SYNCING:
        parts = [QCoreApplication.translate("SyncPanel", "syncing…")]
    elif status.error_kind == "rate-limited" and status.next_sync is not None:  # pacing, not trouble
        parts = [
            QCoreApplication.translate("SyncPanel", "the platform paces us; going on at {0}").format(
                local_time(status.next_sync)
            )
        ]
    elif status.state in (SyncState.ERROR, SyncState.OFFLINE) or status.error_kind:
        parts = [translated(status.message)]
        if status.next_sync is not None:
            parts.append(
                QCoreApplication.translate("SyncPanel", "again at {0}").format(local_time(status.next_sync))
            )
    elif status.last_sync is None:
        parts = [status.message or QCoreApplication.translate("SyncPanel", "not synced yet")]
    else:
        parts = []
    if status.last_sync is not None:
        local = status.last_sync.astimezone()
        when = local_time(status.last_sync) if local.date() == today else format_date_time(local)
        parts.append(QCoreApplication.translate("SyncPanel", "synced {0}").format(when))
    return " · ".join(part for part in parts if part)


class SyncPanel(QWidget):
    """One line: whether the desk is online for the earnings sync, and the button (also an action for a menu)
    that syncs every account now; while an account's first reconciliation runs, its count of records and pages,
    a busy bar and Cancel (`cancel_requested` with each running account's key)."""

    sync_requested = Signal()
    cancel_requested = Signal(object)  # AccountKey

    def __init__(self, online: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 2)
        self.network = plain_label(self)
        self.sync_button = QPushButton(self.tr("Sync earnings now"), self)
        self.sync_button.clicked.connect(self.sync_requested)
        self.sync_action = QAction(self.tr("S&ync earnings now"), self)
        self.sync_action.triggered.connect(self.sync_requested)
        self._first_syncs: dict[AccountKey, SyncProgress] = {}
        self.progress_text = plain_label(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 0)  # how long a history is, no platform says: a busy bar beside the count
        self.progress_bar.setMaximumWidth(120)
        self.progress_bar.setAccessibleName(self.tr("First sync of earnings"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setToolTip(self.tr("Stop after the page being read; what was read is kept"))
        self.cancel_button.clicked.connect(self._cancel)
        # Both lines wrap rather than set the window's smallest width: in French, unwrapped, they kept it at
        # 1,236 px, and a worker could not make it narrower than most of her laptop's screen.
        for line in (self.network, self.progress_text):
            line.setWordWrap(True)
        layout.addWidget(self.network, 1)
        layout.addWidget(self.progress_text, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.sync_button)
        self.set_online(online)
        self._show_progress()

    def set_online(self, online: bool) -> None:
        self.network.setText(
            self.tr("Online: earnings sync with the platforms")
            if online
            else self.tr("Offline: your earnings history is all here; it syncs when the network is back")
        )

    def set_progress(self, progress: SyncProgress) -> None:
        """A first reconciliation's count (connected to `ReconciliationService.first_sync_progress`)."""
        if progress.running:
            self._first_syncs[progress.account] = progress
        else:
            self._first_syncs.pop(progress.account, None)
        self._show_progress()

    def _show_progress(self) -> None:
        running = bool(self._first_syncs)
        for widget in (self.progress_text, self.progress_bar, self.cancel_button):
            widget.setVisible(running)
        self.cancel_button.setEnabled(running)
        each = [
            self.tr("First sync of {0}: {1} records, {2} pages").format(
                progress.label, format_number(progress.records), format_number(progress.pages)
            )
            for progress in self._first_syncs.values()
        ]
        # Several accounts' first syncs run at once (their pages paced): one line for all, each in the tooltip,
        # so that the line never widens the window past her screen.
        self.progress_text.setText(
            each[0]
            if len(each) == 1
            else self.tr("First sync of {0} accounts: {1} records, {2} pages").format(
                format_number(len(each)),
                format_number(sum(progress.records for progress in self._first_syncs.values())),
                format_number(sum(progress.pages for progress in self._first_syncs.values())),
            )
            if each
            else ""
        )
        self.progress_text.setToolTip("\n".join(each))

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)  # once: the runs stop after their page, then say so
        for key in list(self._first_syncs):
            self.cancel_requested.emit(key)
