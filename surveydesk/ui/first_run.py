"""What a new worker sees: a welcome page while no account exists, and a task list that, when empty, says why
and what to do next."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from surveydesk.core.model import PollState
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.poller import Poller
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.text import plain_label


class WelcomePage(QWidget):
    """Says in two sentences what SurveyDesk does, and offers the demo or a first account."""

    demo_requested = Signal()
    add_account_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain_label(self)
        self.heading.setText(self.tr("Welcome to SurveyDesk"))
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = plain_label(self)
        self.explanation.setWordWrap(True)
        platforms = QLocale().createSeparatedList([spec.name for spec in BUILT_IN])
        self.explanation.setText(
            self.tr(
                "SurveyDesk gathers the paid tasks of {0} into one list and alerts you to the ones worth taking. "
                "It times your work, including the unpaid minutes around it, to show what you really earn per "
                "hour, and keeps an earnings log on this computer."
            ).format(platforms)
        )
        self.demo_button = QPushButton(self.tr("Try the &demo"), self)
        self.demo_button.setToolTip(
            self.tr("Opens SurveyDesk on a simulated market in a window of its own; your data is not touched")
        )
        self.demo_button.clicked.connect(self.demo_requested)
        self.add_button = QPushButton(self.tr("&Add an account…"), self)
        self.add_button.setToolTip(self.tr("Connect SurveyDesk to your account on a platform"))
        self.add_button.clicked.connect(self.add_account_requested)
        self.add_button.setDefault(True)
        self.status = plain_label(self)
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.heading)
        column.addWidget(self.explanation)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addStretch(2)
        centred = QHBoxLayout(self)
        centred.addStretch(1)
        centred.addLayout(column, 4)
        centred.addStretch(1)
        self.setFocusProxy(self.add_button)


class EmptyListHint(QObject):
    """A plain-text line over the task list while it shows nothing: why, and what to do about it."""

    def __init__(self, window: MainWindow, poller: Poller) -> None:
        super().__init__(window)
        self._window = window
        self._poller = poller
        viewport = window.table.viewport()
        self.label: QLabel = plain_label(viewport)
        self.label.setObjectName("emptyListHint")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.label.setMargin(24)
        viewport.installEventFilter(self)

        for signal in (
            window.proxy.rowsInserted,
            window.proxy.rowsRemoved,
            window.proxy.modelReset,
            window.proxy.layoutChanged,
            window.model.hidden_count_changed,
            window.search.textChanged,
            window.platform_filter.currentIndexChanged,
            window.show_hidden_action.toggled,
            window.pause_action.toggled,
            poller.status_changed,
            poller.account_removed,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self._window.table.viewport().rect())
        return False

    def text(self) -> str:
        """What the list should say now, or "" while it shows tasks."""
        window, proxy = self._window, self._window.proxy
        if proxy.rowCount():
            return ""
        total = window.model.rowCount()
        statuses = self._poller.statuses()
        if total:
            if window.search.text() or window.platform_filter.currentIndex() > 0:
                return self.tr(
                    "No task matches your search or platform filter. Clear the search box and choose "
                    "“All platforms” to see all {0} tasks."
                ).format(total)
            return self.tr(
                "All {0} tasks are outside your rules. Tasks ▸ Show hidden tasks shows them; "
                "Tasks ▸ Rules… changes what the list shows."
            ).format(total)
        if not statuses:
            return self.tr(
                "No platform account yet. Add one in Tasks ▸ Accounts…, or try the demo from the Welcome tab."
            )
        if self._poller.paused:
            return self.tr("Checking is paused. Tasks ▸ Pause checking starts it again.")
        if all(status.state is PollState.ERROR for status in statuses):
            return self.tr("None of your accounts could be checked: their status below says why.")
        if any(status.last_success is None for status in statuses):
            return self.tr("Waiting for the first check of your accounts…")
        return self.tr(
            "No open task right now. SurveyDesk checks again on its own and alerts you when new tasks appear."
        )

    def refresh(self, *_args: object) -> None:
        text = self.text()
        if self.label.text() != text:
            self.label.setText(text)
        self.label.setGeometry(self._window.table.viewport().rect())
        self.label.setVisible(bool(text))
