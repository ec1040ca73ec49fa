"""One line per account under the task list: whether polling works, the error in words, the next check, and when
its earnings last synced."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from surveydesk.core.model import AccountKey, PlatformStatus, PollState
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.registry import platform_name
from surveydesk.services.reconciliation import SyncStatus
from surveydesk.ui.formatting import format_number
from surveydesk.ui.sync_panel import describe_sync
from surveydesk.ui.text import local_time, plain_label, translated

_STATE_COLOURS = {
    PollState.WAITING: "#8a8f94",
    PollState.POLLING: "#2f6f8f",
    PollState.OK: "#2e8540",
    PollState.ERROR: "#c0392b",
}


# What each kind of trouble is called on the status line, before the platform's own words.
_TROUBLE = {
    "auth": QT_TRANSLATE_NOOP("StatusPanel", "Signed out"),
    "rate-limited": QT_TRANSLATE_NOOP("StatusPanel", "Asked to slow down"),
    "unavailable": QT_TRANSLATE_NOOP("StatusPanel", "Cannot reach it"),
    "bad-payload": QT_TRANSLATE_NOOP("StatusPanel", "Unreadable reply"),
}
# What the coloured mark means, for its tooltip and for screen readers, which cannot see its colour.
_STATE_NAMES = {
    PollState.WAITING: QT_TRANSLATE_NOOP("StatusPanel", "Waiting"),
    PollState.POLLING: QT_TRANSLATE_NOOP("StatusPanel", "Checking"),
    PollState.OK: QT_TRANSLATE_NOOP("StatusPanel", "Working"),
    PollState.ERROR: QT_TRANSLATE_NOOP("StatusPanel", "Problem"),
}
# A platform asking to slow down is its ordinary pacing, not a problem: an amber mark, not the red of trouble.
_PACED_COLOUR = "#b7791f"
_PACED_NAME = QT_TRANSLATE_NOOP("StatusPanel", "Paced: the platform asked to wait a little")


def _mark(status: PlatformStatus) -> tuple[str, str]:
    """The state mark's colour and its name (for the tooltip and screen readers)."""
    if status.state is PollState.ERROR and status.error_kind == "rate-limited":
        return _PACED_COLOUR, translate("StatusPanel", _PACED_NAME)
    return _STATE_COLOURS[status.state], translate("StatusPanel", _STATE_NAMES[status.state])


translate = QCoreApplication.translate


def describe(status: PlatformStatus) -> str:
    """The status line's words, e.g. '12 tasks · checked 14:02:10 · next check 14:02:40'."""
    parts: list[str] = []
    if status.state is PollState.ERROR:
        trouble = translate("StatusPanel", _TROUBLE.get(status.error_kind, _STATE_NAMES[PollState.ERROR]))
        parts.append(translate("StatusPanel", "{0}: {1}").format(trouble, translated(status.message)))
        if status.next_poll:
            when = (
                translate("StatusPanel", "until {0}")
                if status.error_kind == "rate-limited"
                else translate("StatusPanel", "retrying at {0}")
            )
            parts.append(when.format(local_time(status.next_poll)))
        return " · ".join(parts)
    if status.state is PollState.POLLING:
        parts.append(status.message or translate("StatusPanel", "Checking…"))
    elif status.last_success is None:
        parts.append(status.message or translate("StatusPanel", "Waiting for the first check"))
    else:
        count = status.task_count
        parts.append(
            translate("StatusPanel", "1 task")
            if count == 1
            else translate("StatusPanel", "{0} tasks").format(format_number(count))
        )
        parts.append(translate("StatusPanel", "checked {0}").format(local_time(status.last_success)))
    if status.next_poll and status.state is not PollState.POLLING:
        parts.append(translate("StatusPanel", "next check {0}").format(local_time(status.next_poll)))
    return " · ".join(parts)


def _set_if_changed(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


class _Row(QWidget):
    def __init__(self, key: AccountKey, panel: StatusPanel) -> None:
        super().__init__(panel)
        self.mark, self.name, self.line = plain_label(self), plain_label(self), plain_label(self)
        self.earnings = plain_label(self)
        self.reconnect = QPushButton(self.tr("Sign in again…"), self)
        self.reconnect.clicked.connect(lambda: panel.reconnect_requested.emit(key))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.mark)
        layout.addWidget(self.name)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.earnings)
        layout.addWidget(self.reconnect)


class StatusPanel(QWidget):
    """One row per account: a coloured state mark, the account's name, its status line, and "Sign in again…"
    when the platform signed the worker out."""

    reconnect_requested = Signal(object)  # AccountKey

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(2)
        self._rows: dict[AccountKey, _Row] = {}

    def update_status(self, status: PlatformStatus) -> None:
        row = self._row(status.account)
        # Each change re-lays the panel out on the GUI thread: only what differs is set.
        _set_if_changed(row.mark, "●")
        colour, state = _mark(status)
        style = f"color: {colour};"
        if row.mark.styleSheet() != style:
            row.mark.setStyleSheet(style)
            row.mark.setToolTip(state)
            row.mark.setAccessibleName(state)
        _set_if_changed(row.name, f"{platform_name(status.account.platform)} ({status.label})")
        _set_if_changed(row.line, describe(status))
        reconnect = status.state is PollState.ERROR and status.error_kind == "auth"
        if row.reconnect.isHidden() == reconnect:
            row.reconnect.setVisible(reconnect)

    def update_sync(self, status: SyncStatus, today: date) -> None:
        """The account's earnings sync, at the end of its line ("earnings synced 14:02:10")."""
        row = self._row(status.account)
        if not row.name.text():
            row.name.setText(f"{platform_name(status.account.platform)} ({status.label})")
        _set_if_changed(row.earnings, self.tr("Earnings: {0}").format(describe_sync(status, today)))

    def _row(self, account: AccountKey) -> _Row:
        row = self._rows.get(account)
        if row is None:
            row = self._rows[account] = _Row(account, self)
            self._layout.addWidget(row)
        return row

    def remove(self, account: AccountKey) -> None:
        row = self._rows.pop(account, None)
        if row is not None:
            self._layout.removeWidget(row)
            row.hide()
            row.setParent(None)  # Python frees it now; see Poller.remove_account for why not deleteLater()

    def earnings_line_for(self, account: AccountKey) -> str:
        return self._rows[account].earnings.text() if account in self._rows else ""

    def line_for(self, account: AccountKey) -> str:
        """The status words shown for an account (for tests and accessibility)."""
        return self._rows[account].line.text() if account in self._rows else ""

    def mark_for(self, account: AccountKey) -> tuple[str, str]:
        """The state mark's style and its name as the tooltip says it (for tests and accessibility)."""
        row = self._rows.get(account)
        return ("", "") if row is None else (row.mark.styleSheet(), row.mark.toolTip())

    def can_reconnect(self, account: AccountKey) -> bool:
        return account in self._rows and not self._rows[account].reconnect.isHidden()
