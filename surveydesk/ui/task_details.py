"""The pane under the list that shows the selected task in full, as plain text, with a link to its page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from surveydesk.core.links import host_of, openable
from surveydesk.core.model import Task
from surveydesk.platforms.registry import platform_name
from surveydesk.ui.formatting import format_money, format_rate
from surveydesk.ui.links import offer_link
from surveydesk.ui.task_titles import task_title
from surveydesk.ui.text import local_time, plain_label

_HOST_SHOWN = 40  # characters of a link's host on the open button, so a long one cannot widen the window


class TaskDetails(QWidget):
    """Title, requester, pay, timing, fit and description of one task; empty when nothing is selected.

    The fit row says, in words, what the list's Fit column and greyed-out rows only hint at: requirements the
    worker's profile says they do not meet, a history of screen-outs, and the rule that hides the task.
    """

    start_requested = Signal(object)  # Task: the worker wants its time measured
    take_requested = Signal(object)  # Task: the worker wants it taken on its platform

    def __init__(self, can_time: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._task: Task | None = None
        self.title = plain_label(self)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.requester = plain_label(self)
        self.pay = plain_label(self)
        self.timing = plain_label(self)
        self.devices = plain_label(self)
        self.fit = plain_label(self)
        self.fit.setWordWrap(True)
        self.description = QPlainTextEdit(self)
        self.description.setAccessibleName(self.tr("Task description"))
        self.description.setReadOnly(True)
        self.description.setMaximumHeight(90)
        # Three lines at least, not the editor's own 70 px: what the details need not take, the list shows.
        self.description.setMinimumHeight(3 * self.description.fontMetrics().lineSpacing())
        self.description.setPlaceholderText(self.tr("The platform gives no description of this task."))
        self.open_button = QPushButton(self.tr("Open task page"), self)
        self.open_button.clicked.connect(self._open_page)
        self.start_button = QPushButton(self.tr("Start timer"), self)
        self.start_button.setToolTip(self.tr("Measure the time you spend on this task (Ctrl+Return)"))
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self._task))
        self.start_button.setVisible(can_time)
        self.take_button = QPushButton(self.tr("Take"), self)
        self.take_button.setToolTip(
            self.tr("Take this task on its platform, open it and start its timer (Ctrl+T)")
        )
        self.take_button.clicked.connect(lambda: self.take_requested.emit(self._task))

        form = QFormLayout()
        form.addRow(self.tr("Requester:"), self.requester)
        form.addRow(self.tr("Pay:"), self.pay)
        form.addRow(self.tr("Time:"), self.timing)
        form.addRow(self.tr("Devices:"), self.devices)
        form.addRow(self.tr("Fit:"), self.fit)
        self._form = form
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.description)
        layout.addLayout(buttons)
        self.show_task(None)

    @property
    def task(self) -> Task | None:
        return self._task

    def show_task(self, task: Task | None, fit: Sequence[str] = ()) -> None:
        """Show `task`, or nothing; `fit` are the reasons it may not suit the worker, in words."""
        self._task = task
        self.setEnabled(task is not None)
        self.fit.setText("\n".join(f"• {reason}" for reason in fit))
        self._form.setRowVisible(self.fit, bool(fit))
        if task is None:
            for label in (self.title, self.requester, self.pay, self.timing, self.devices):
                label.clear()
            self.title.setText(self.tr("Select a task to see its details."))
            self.description.clear()
            self.open_button.setEnabled(False)
            self.start_button.setEnabled(False)
            self.take_button.setEnabled(False)
            return
        self.title.setText(f"{task_title(task)}  ({platform_name(task.platform)})")
        self.requester.setText(task.requester_name or task.requester_id or self.tr("unknown"))
        rate = task.reward_per_hour
        self.pay.setText(format_money(task.reward) + (f"  ·  {format_rate(rate)}" if rate else ""))
        self.timing.setText(self._timing_text(task))
        self.devices.setText(", ".join(task.devices) or self.tr("any"))
        self.description.setPlainText(task.description)
        can_open = openable(task.url)
        self.open_button.setEnabled(can_open)
        host = host_of(task.url) if can_open else ""  # where the browser goes, whatever the link's text says
        if len(host) > _HOST_SHOWN:  # its end names the site: "…survey.example", not "long-prefix.…"
            host = "…" + host[-_HOST_SHOWN + 1 :]
        opens = self.tr("Open task page on {0}").format(host) if host else self.tr("Open task page")
        self.open_button.setText(opens)
        self.start_button.setEnabled(True)
        self.take_button.setEnabled(True)

    def _timing_text(self, task: Task) -> str:
        parts = []
        if task.estimated_minutes is not None:
            parts.append(self.tr("about {0} min").format(task.estimated_minutes))
        if task.time_allowed_minutes is not None:
            parts.append(self.tr("{0} min allowed").format(task.time_allowed_minutes))
        if task.places_left is not None:
            parts.append(self.tr("{0} places left").format(task.places_left))
        parts.append(self.tr("first seen {0}").format(local_time(task.first_seen)))
        return "  ·  ".join(parts)

    def _open_page(self) -> None:
        url = self._task.url if self._task is not None else ""
        if openable(url) and not QDesktopServices.openUrl(QUrl(url)):
            offer_link(url, self)
