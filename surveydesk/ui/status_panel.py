"""One line per account under the task list: whether polling works, the error in words, and the next check."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from surveydesk.core.model import AccountKey, PlatformStatus, PollState
from surveydesk.ui.task_model import platform_name
from surveydesk.ui.text import local_time, plain_label

_STATE_COLOURS = {
    PollState.WAITING: "#8a8f94",
    PollState.POLLING: "#2f6f8f",
    PollState.OK: "#2e8540",
    PollState.ERROR: "#c0392b",
}


def describe(status: PlatformStatus) -> str:
    """The status line's words, e.g. '12 tasks · checked 14:02:10 · next check 14:02:40'."""
    parts: list[str] = []
    if status.state is PollState.ERROR:
        parts.append(status.message)
        if status.next_poll:
            parts.append(f"retrying at {local_time(status.next_poll)}")
        return " · ".join(parts)
    if status.state is PollState.POLLING:
        parts.append(status.message or "Checking…")
    elif status.last_success is None:
        parts.append(status.message or "Waiting for the first check")
    else:
        parts.append(f"{status.task_count} task{'s' if status.task_count != 1 else ''}")
        parts.append(f"checked {local_time(status.last_success)}")
    if status.next_poll and status.state is not PollState.POLLING:
        parts.append(f"next check {local_time(status.next_poll)}")
    return " · ".join(parts)


class StatusPanel(QWidget):
    """A grid with a coloured state mark, the account's name and its status line, one row per account."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(6, 2, 6, 2)
        self._grid.setColumnStretch(2, 1)
        self._rows: dict[AccountKey, tuple[QLabel, QLabel, QLabel]] = {}

    def update_status(self, status: PlatformStatus) -> None:
        labels = self._rows.get(status.account)
        if labels is None:
            labels = (plain_label(self), plain_label(self), plain_label(self))
            row = len(self._rows)
            for column, label in enumerate(labels):
                self._grid.addWidget(label, row, column)
            self._rows[status.account] = labels
        mark, name, line = labels
        mark.setText("●")
        mark.setStyleSheet(f"color: {_STATE_COLOURS[status.state]};")
        mark.setToolTip(status.state.value)
        name.setText(f"{platform_name(status.account.platform)} ({status.label})")
        line.setText(describe(status))

    def line_for(self, account: AccountKey) -> str:
        """The status words shown for an account (for tests and accessibility)."""
        return self._rows[account][2].text() if account in self._rows else ""
