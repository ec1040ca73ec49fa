"""The main window: the live task list with search and platform filter, task details, per-account status."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelection, QSize, QThread, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from surveydesk import APP_NAME, __version__
from surveydesk.ui.text import local_time, plain_label, plain_question, plain_tooltip, plain_warning, translated

# The window's frame is painted before the core exists (app.py): what only `attach` and the methods that run after
# it use (the list's model, the task's details, the accounts' lines, the timer) is imported there, since those
# modules import the platforms' registry and, with it, most of SurveyDesk (bench/startup.py). Nor does the frame
# touch Qt's namespace (`QtCore.Qt`: 93 enumerations made the first time it is read, 15–30 ms) or a widget
# class's enumerations: its table and search bar are set up further by `attach`.
if TYPE_CHECKING:
    from surveydesk.core.model import MergeResult, PlatformStatus, Task
    from surveydesk.feed.task_list import TaskList
    from surveydesk.services.poller import Poller
    from surveydesk.ui.status_panel import StatusPanel
    from surveydesk.ui.task_details import TaskDetails
    from surveydesk.ui.task_model import TaskFilterProxy, TaskTableModel
    from surveydesk.ui.timer_strip import TimerStrip
    from surveydesk.work.model import Interruption
    from surveydesk.work.timekeeper import Timekeeper

# The age column only needs to move on about once a minute; more often would redraw for nothing.
_AGE_REFRESH_MS = 30_000

_MORE_THAN_ANY_SCREEN = 10_000  # pixels


class MainWindow(QMainWindow):
    """Shows what the poller finds; the poller and the clock are passed in by the composition root."""

    accounts_requested = Signal(object)  # AccountKey | None: the worker wants the accounts dialog
    take_requested = Signal(object)  # Task: the worker clicked to take it
    rules_requested = Signal()  # the worker wants to edit the rules
    alerts_requested = Signal()  # the worker wants to edit the alert settings
    profile_requested = Signal()  # the worker wants to edit their profile
    looked_at = Signal()  # the window became the active one: the worker has seen the list
    hidden_to_tray = Signal()  # closed while a tray keeps SurveyDesk running
    sync_requested = Signal()  # the worker wants the sync settings

    model: TaskTableModel
    proxy: TaskFilterProxy
    details: TaskDetails
    status_panel: StatusPanel
    timer_strip: TimerStrip | None

    def __init__(self, demo: bool = False) -> None:
        """The window's frame: its title, size, menus and the Tasks tab's search bar and list, built with nothing
        of the core, so that it is on the screen while the core is built (app.py); `attach` brings the rest."""
        super().__init__()
        self._timekeeper: Timekeeper | None = None
        self._stop_clocks: Callable[[], bool] | None = None
        self.setWindowTitle(self.tr("{0} — demo").format(APP_NAME) if demo else APP_NAME)
        self.resize(_first_size())

        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Tasks"))

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles and requesters"))
        self.search.setAccessibleName(self.tr("Search tasks"))
        self.platform_filter = QComboBox(self)
        self.platform_filter.addItem(self.tr("All platforms"), None)
        self.platform_filter.setAccessibleName(self.tr("Platform"))
        self.keep_running_in_tray = False
        self._quitting = False
        self.work_menu: QMenu | None = None  # the timer's actions, also offered in the tray
        self._sync_state: QLabel | None = None
        self.tabs = QTabWidget(self)
        self._demo = demo
        self._build_layout()
        self._build_menus()

    def attach(
        self,
        poller: Poller,
        now: Callable[[], datetime],
        notices: Sequence[str] = (),
        timekeeper: Timekeeper | None = None,
        tasks: TaskList | None = None,
        stop_clocks: Callable[[], bool] | None = None,
        gives_completion_codes: Callable[[str], bool] = lambda _platform: False,
    ) -> None:
        """Shows what the poller finds, once the core exists: the list's model, the task's details, the accounts'
        lines, the timer and its menu, and the core's notices. `tasks` is the task list to show (the model makes
        one when none is given); `stop_clocks` stops the running clocks when the worker quits and says whether
        that was saved (the timekeeper's `suspend` when none is given); `gives_completion_codes` says which
        platforms' tasks the timer strip offers a completion code field for (the registry's word)."""
        from surveydesk.ui.status_panel import StatusPanel
        from surveydesk.ui.task_details import TaskDetails
        from surveydesk.ui.timer_strip import TimerStrip

        self._timekeeper = timekeeper
        self._stop_clocks = stop_clocks or (timekeeper.suspend if timekeeper is not None else None)
        self.count_label = plain_label(self)
        self._toolbar.addWidget(self.count_label)
        self.alert_problems = plain_label(self)  # what keeps alerts from coming, until it is put right
        self.statusBar().addPermanentWidget(self.alert_problems)
        self.alert_problems.hide()
        self._set_up_list(now, tasks)

        self.details = TaskDetails(can_time=timekeeper is not None, parent=self)
        self.details.start_requested.connect(self.start_timer_on)
        self.details.take_requested.connect(self.take_requested)
        splitter = QSplitter(QtCore.Qt.Orientation.Vertical, self)
        self._tasks_layout.replaceWidget(self.table, splitter)
        self._tasks_layout.setStretchFactor(splitter, 1)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        # The details start as small as they can be and the list takes the rest; she drags the handle for more.
        # `setSizes` shares the height by these weights, and no widget gets less than its minimum.
        splitter.setSizes([_MORE_THAN_ANY_SCREEN, self.details.minimumSizeHint().height()])
        self.status_panel = StatusPanel(self)
        self._tasks_layout.addWidget(self.status_panel)
        self.timer_strip = None if timekeeper is None else TimerStrip(timekeeper, self, gives_completion_codes)
        if self._demo:
            notices = [
                self.tr(
                    "Demo mode: these tasks come from SurveyDesk's built-in demo exchange. "
                    "Nothing here is real and your own data is not touched."
                ),
                *notices,
            ]
        for index, notice in enumerate(notices):  # above the timer and the tabs
            self._central_layout.insertWidget(index, self._banner(notice))
        if self.timer_strip is not None:
            self._central_layout.insertWidget(self._central_layout.indexOf(self.tabs), self.timer_strip)
            self.timer_strip.warned.connect(self._say)
            self.timer_strip.failed.connect(self._say)
            self._build_work_menu(self.timer_strip)
        self._give_shortcuts()
        self.check_now_action.triggered.connect(partial(self._check_now, poller))
        self.take_action.triggered.connect(self._take_selection)
        self.show_hidden_action.toggled.connect(self._on_show_hidden)
        self.pause_action.toggled.connect(poller.set_paused)
        self.proxy.set_show_hidden(self.show_hidden_action.isChecked())
        poller.set_paused(self.pause_action.isChecked())

        # Age changes with the clock alone and never changes the order, so only the visible cells are
        # repainted: announcing every row to the model would re-sort the whole list every half minute.
        self._age_timer = QTimer(self)
        self._age_timer.timeout.connect(self.table.viewport().update)
        self._age_timer.start(_AGE_REFRESH_MS)

        for status in poller.statuses():
            self._on_status(status)
        poller.snapshot_loaded.connect(self._on_snapshot)
        poller.tasks_changed.connect(self._on_tasks_changed)
        poller.status_changed.connect(self._on_status)
        poller.account_removed.connect(self.status_panel.remove)
        self.status_panel.reconnect_requested.connect(self.accounts_requested)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.model.hidden_count_changed.connect(self._update_count)
        self._update_count()

    def _set_up_list(self, now: Callable[[], datetime], tasks: TaskList | None) -> None:
        """The list's model behind its filter, its columns and selection, and the search bar and platform filter
        that drive it."""
        from surveydesk.ui.task_model import Column, TaskFilterProxy, TaskRole, TaskTableModel

        self.model = TaskTableModel(now, self, tasks)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.AGE, QtCore.Qt.SortOrder.AscendingOrder)  # youngest first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        # One line of text and a little air: the style's 30 px showed four or five tasks on a 1366×768 screen.
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        chosen = {Column.PLATFORM: 90, Column.REQUESTER: 190, Column.REWARD: 80}
        for column in range(self.proxy.columnCount()):
            if column != Column.TITLE:  # never narrower than its header, sort arrow included, in any language
                wanted = chosen.get(Column(column), header.defaultSectionSize())
                self.table.setColumnWidth(column, max(wanted, header.sectionSizeHint(column)))
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.doubleClicked.connect(lambda index: self.take_requested.emit(index.data(TaskRole)))
        self.search.setClearButtonEnabled(True)  # its icon read from the theme: 4 ms the frame need not wait for
        self.search.textChanged.connect(self.proxy.set_search_text)
        self.proxy.set_search_text(self.search.text())  # what she typed while the core was built
        self.platform_filter.currentIndexChanged.connect(self._on_platform_filter)

    def _build_layout(self) -> None:
        toolbar = self._toolbar = QHBoxLayout()
        toolbar.addWidget(self.search, 1)
        toolbar.addWidget(self.platform_filter)

        tasks_page = QWidget(self.tabs)
        tasks_layout = QVBoxLayout(tasks_page)
        tasks_layout.addLayout(toolbar)
        tasks_layout.addWidget(self.table, 1)  # in a splitter with the task's details, once attached
        self._tasks_layout = tasks_layout
        self.tabs.addTab(tasks_page, self.tr("Tasks"))

        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self._central_layout = layout
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def _banner(self, notice: str) -> QLabel:
        banner = plain_label(self)
        banner.setText(translated(notice))  # the keyring's notice is a Sentence of secrets.py
        banner.setWordWrap(True)
        banner.setStyleSheet("background: #fff4d6; color: #5c4400; padding: 4px; border-radius: 3px;")
        return banner

    def add_status_widget(self, widget: QWidget) -> None:
        """Another status area under the accounts' lines (the earnings sync)."""
        self._tasks_layout.addWidget(widget)

    def add_page(self, page: QWidget, title: str) -> None:
        """Another tab beside the task list (the wages, later the history)."""
        self.tabs.addTab(page, title)

    def _build_menus(self) -> None:
        """The menus; their keyboard shortcuts come with `attach` (`_give_shortcuts`)."""
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        sync_action = QAction(self.tr("S&ync between computers…"), self)
        sync_action.triggered.connect(self.sync_requested)
        file_menu.addAction(sync_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.triggered.connect(self.quit_for_real)
        self._quit_action = quit_action
        file_menu.addAction(quit_action)

        tasks_menu = self.tasks_menu = self.menuBar().addMenu(self.tr("&Tasks"))
        accounts_action = QAction(self.tr("&Accounts…"), self)
        accounts_action.triggered.connect(lambda: self.accounts_requested.emit(None))
        tasks_menu.addAction(accounts_action)
        profile_action = QAction(self.tr("Pro&file…"), self)
        profile_action.triggered.connect(self.profile_requested)
        tasks_menu.addAction(profile_action)
        tasks_menu.addSeparator()
        self.check_now_action = QAction(self.tr("&Check now"), self)
        tasks_menu.addAction(self.check_now_action)
        self.take_action = QAction(self.tr("&Take the selected task"), self)
        tasks_menu.addAction(self.take_action)
        tasks_menu.addSeparator()
        self.rules_action = QAction(self.tr("&Rules…"), self)
        self.rules_action.triggered.connect(self.rules_requested)
        tasks_menu.addAction(self.rules_action)
        alerts_action = QAction(self.tr("A&lerts…"), self)
        alerts_action.triggered.connect(self.alerts_requested)
        tasks_menu.addAction(alerts_action)
        self.show_hidden_action = QAction(self.tr("&Show hidden tasks"), self)
        self.show_hidden_action.setCheckable(True)
        tasks_menu.addAction(self.show_hidden_action)
        self.pause_action = QAction(self.tr("&Pause checking"), self)
        self.pause_action.setCheckable(True)
        tasks_menu.addAction(self.pause_action)

        help_menu = self._help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About SurveyDesk"), self)
        about_action.triggered.connect(self._show_about)
        help_menu.addAction(about_action)

    def _give_shortcuts(self) -> None:
        """The menus' keyboard shortcuts, given once the frame is painted: `setShortcut` reads Qt's namespace (its
        overloads name `Qt.Key`), which the frame does not touch."""
        self._quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.check_now_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.take_action.setShortcut(QKeySequence("Ctrl+T"))

    def _build_work_menu(self, strip: TimerStrip) -> None:
        """The timer's menu, before Help."""
        from surveydesk.ui.timer_strip import OUTCOME_LABELS
        from surveydesk.work.model import Outcome

        menu = QMenu(self.tr("&Work"), self)
        self.menuBar().insertMenu(self._help_menu.menuAction(), menu)
        self.work_menu = menu
        entries: list[tuple[str, str, Callable[[], None]]] = [
            (self.tr("Clock &in / out"), "Ctrl+I", strip.toggle_shift),
            (self.tr("&Start timer on the selected task"), "Ctrl+Return", self._start_timer_on_selection),
            (self.tr("Start a task by &hand…"), "Ctrl+N", self.start_manual_task),
            (self.tr("&Pause / resume"), "F6", strip.toggle_pause),
        ]
        shortcuts = {
            Outcome.SUBMITTED: "F8",
            Outcome.SCREENED_OUT: "F9",
            Outcome.RETURNED: "Shift+F8",
            Outcome.TIMED_OUT: "Shift+F9",
            Outcome.ABANDONED: "Ctrl+F9",
        }
        for outcome, label in OUTCOME_LABELS.items():
            entries.append(
                (
                    self.tr("End as: {0}").format(QCoreApplication.translate("TimerStrip", label)),
                    shortcuts[outcome],
                    partial(strip.finish, outcome),
                )
            )
        for index, (text, keys, slot) in enumerate(entries):
            if index in (2, 4):
                menu.addSeparator()
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)

    def start_timer_on(self, task: Task) -> None:
        """Start timing a listed task (taking it on the platform is the worker's own click there)."""
        from surveydesk.platforms.registry import BUILT_IN
        from surveydesk.ui.timer_strip import timer_request
        from surveydesk.work.model import NewAttempt

        if self._timekeeper is None or self.timer_strip is None:
            return
        keeper = self._timekeeper
        new = NewAttempt.for_task(task, BUILT_IN.is_survey_wall(task.platform))
        attempt = timer_request(lambda: keeper.take(new), self._say)
        if attempt is not None:
            self.timer_strip.show_attempt(attempt.id)

    def start_manual_task(self) -> None:
        if self._timekeeper is None or self.timer_strip is None:
            return
        from surveydesk.ui.manual_task_dialog import ManualTaskDialog  # not needed by the first frame
        from surveydesk.ui.timer_strip import timer_request

        dialog = ManualTaskDialog(parent=self)
        if dialog.exec() and (new := dialog.attempt) is not None:
            keeper = self._timekeeper
            attempt = timer_request(lambda: keeper.take(new), self._say)
            if attempt is not None:
                self.timer_strip.show_attempt(attempt.id)

    def ask_about_interruptions(self, closed_on_a_full_disk: bool = False) -> None:
        """After a crash, or a close the full disk kept from saving: ask, for each thing that was running, whether
        the time SurveyDesk missed was work."""
        if self._timekeeper is None:
            return
        for item in self._timekeeper.interruptions():
            question = self.interruption_question(item, datetime.now(UTC))
            if closed_on_a_full_disk:
                title = self.tr("SurveyDesk closed on a full disk")
                question = (
                    self.tr(
                        "The disk was full when SurveyDesk closed, so it could not save the time it was counting. "
                        "Nothing is lost."
                    )
                    + "\n\n"
                    + question
                )
            else:
                title = self.tr("SurveyDesk stopped unexpectedly")
            box = plain_question(self, title, question)
            box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            box.setDefaultButton(QMessageBox.StandardButton.No)
            self._timekeeper.resolve(item, count_gap=box.exec() == QMessageBox.StandardButton.Yes)
        if self.timer_strip is not None:
            self.timer_strip.reload()

    def interruption_question(self, item: Interruption, now: datetime) -> str:
        """What SurveyDesk was timing when it stopped, and whether the time since its last sign of life was work;
        a gap under a minute is said as such, never as "0 minutes"."""
        from surveydesk.ui.formatting import format_number

        gap_minutes = max(0, int((now - item.last_alive).total_seconds() // 60))
        if gap_minutes == 0:
            question = self.tr("Count the time since then (less than a minute) as work?")
        elif gap_minutes == 1:
            question = self.tr("Count the minute since then as work?")
        else:
            question = self.tr("Count the {0} minutes since then as work?").format(format_number(gap_minutes))
        return (
            self.tr("SurveyDesk stopped while timing {0} (last seen running at {1}).").format(
                self.tr("your shift") if item.kind == "shift" else self.tr("“{0}”").format(item.title),
                local_time(item.last_alive),
            )
            + "\n\n"
            + question
        )

    def _check_now(self, poller: Poller) -> None:
        """Check every account now, or as soon as its platform allows, and say which."""
        later = poller.poll_all_now()
        if later is None:
            self._say(self.tr("Checking every account now."))
        else:
            waiting = self.tr("Accounts checked moments ago wait as their platform asks; all are checked by {0}.")
            self._say(waiting.format(local_time(later)))

    def _take_selection(self) -> None:
        task = self.selected_task()
        if task is not None:
            self.take_requested.emit(task)

    def show_sync_state(self, text: str) -> None:
        """The sync state in words, kept in a corner of the status bar (and whole in its tooltip, should the
        window be too narrow for it)."""
        if self._sync_state is None:
            self._sync_state = plain_label(self)
            self.statusBar().addPermanentWidget(self._sync_state)
        self._sync_state.setText(text)
        self._sync_state.setToolTip(plain_tooltip(text))

    def show_alert_problems(self, problems: list[str]) -> None:
        """What keeps alerts from reaching the worker, kept in the status bar until it is put right."""
        self.alert_problems.setText(problems[0] if problems else "")
        self.alert_problems.setToolTip(plain_tooltip(" ".join(problems)))
        self.alert_problems.setVisible(bool(problems))

    def say(self, message: str) -> None:
        """A message in the status bar, for things that happened (a take, a warning)."""
        self._say(message)

    def show_alert(self, title: str, body: str) -> None:
        """An alert shown in the window itself, when the desktop has no tray to show it; one with no body (a goal
        reached) is its title alone."""
        lines = body.splitlines()
        self._say(self.tr("{0}: {1}").format(title, lines[0]) if lines else title)
        QApplication.alert(self)

    def bring_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit_for_real(self) -> None:
        """Quit even with a tray (the tray's Quit, File ▸ Quit)."""
        self._quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # While the event loop runs, a close is the worker's (the window's ✕, Alt+F4, Quit) and may be asked
        # about; once it has ended, the app is quitting and closes its window without a question nobody answers.
        by_the_worker = QThread.currentThread().loopLevel() > 0
        if self.keep_running_in_tray and not self._quitting:
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        self._quitting = False
        timed = self._task_being_timed() if by_the_worker else None
        if timed is not None:
            choice = self._ask_before_quitting(timed)
            if choice != QMessageBox.ButtonRole.DestructiveRole:
                event.ignore()
                if choice == QMessageBox.ButtonRole.AcceptRole:
                    self.showMinimized()
                return
        if by_the_worker and self._stop_clocks is not None and not self._stop_clocks():
            self._say_the_clocks_were_not_saved()
        super().closeEvent(event)

    def _say_the_clocks_were_not_saved(self) -> None:
        """The worker quits on a full disk: the clocks could not be stopped in the work log. Said before quitting,
        with what happens next, so she does not take the next start's question for a crash."""
        plain_warning(
            self,
            self.tr("The disk is full"),
            self.tr(
                "The disk is full, so SurveyDesk could not save the time it was counting as it quits. Nothing is "
                "lost: the next time you start SurveyDesk, it asks whether the time since its last save was work. "
                "Free some space before then."
            ),
        ).exec()

    def _task_being_timed(self) -> str | None:
        """The title of the task whose time is running now, if any."""
        from surveydesk.ui.task_titles import shown_title

        if self._timekeeper is None:
            return None
        keeper = self._timekeeper
        return next(
            (shown_title(a.platform, a.title) for a in keeper.open_attempts() if keeper.is_working(a.id)), None
        )

    def _ask_before_quitting(self, title: str) -> QMessageBox.ButtonRole:
        """Quitting stops the timer: the worker chooses between that, keeping SurveyDesk running minimised
        (where the timer goes on) and not closing at all."""
        box = plain_question(
            self,
            self.tr("A task is being timed"),
            self.tr(
                "“{0}” is being timed. Quitting SurveyDesk pauses its timer and your shift until the next start."
            ).format(title),
        )
        keep = box.addButton(self.tr("Keep running minimised"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.looked_at.emit()
        super().changeEvent(event)

    def _start_timer_on_selection(self) -> None:
        task = self.selected_task()
        if task is not None:
            self.start_timer_on(task)

    def _say(self, message: str) -> None:
        self.statusBar().showMessage(message, 15_000)

    def _show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About SurveyDesk"))
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "SurveyDesk {0}\n\nTasks from several platforms in one list, the true hourly wage with unpaid "
                "time counted, and an earnings log that works offline."
            ).format(__version__)
        )
        box.exec()

    def selected_task(self) -> Task | None:
        from surveydesk.core.model import Task
        from surveydesk.ui.task_model import TaskRole

        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        task = rows[0].data(TaskRole)
        return task if isinstance(task, Task) else None

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        task = self.selected_task()
        self.details.show_task(task, [] if task is None else self.model.fit_reasons(task))

    def _on_snapshot(self, tasks: list[Task]) -> None:
        self.model.task_list.reset(tasks)
        self._add_platform_filters(task.platform for task in tasks)

    def _on_tasks_changed(self, result: MergeResult) -> None:
        self.model.task_list.apply(result)
        self._add_platform_filters(task.platform for task in result.new)
        if self.details.task is not None:
            self._show_selected()

    def _on_status(self, status: PlatformStatus) -> None:
        self.status_panel.update_status(status)
        self._add_platform_filters([status.account.platform])

    def _add_platform_filters(self, platforms: Iterable[str]) -> None:
        from surveydesk.platforms.registry import platform_name

        known = {self.platform_filter.itemData(i) for i in range(self.platform_filter.count())}
        for platform in sorted(set(platforms) - known):
            self.platform_filter.addItem(platform_name(platform), platform)

    def _on_platform_filter(self, index: int) -> None:
        data = self.platform_filter.itemData(index)
        self.proxy.set_platform(data if isinstance(data, str) else None)

    def _update_count(self, *_args: object) -> None:
        from surveydesk.ui.formatting import format_number

        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = (
            self.tr("{0} tasks").format(format_number(total))
            if shown == total
            else self.tr("{0} of {1} tasks").format(format_number(shown), format_number(total))
        )
        hidden = self.proxy.hidden_count()
        if hidden and self.show_hidden_action.isChecked():
            text += self.tr(" ({0} outside your rules, shown)").format(format_number(hidden))
        elif hidden:
            text += self.tr(" ({0} hidden by your rules)").format(format_number(hidden))
        self.count_label.setText(text)

    def _on_show_hidden(self, shown: bool) -> None:
        self.proxy.set_show_hidden(shown)
        self._update_count()


def _first_size() -> QSize:
    """Room for the list, its details and every account's line, within nine tenths of the screen."""
    wanted = QSize(1280, 860)
    # Qt gives no screen while none is connected, which PySide6's type for primaryScreen() leaves out.
    screen = cast("QScreen | None", QGuiApplication.primaryScreen())
    if screen is None:
        return wanted
    room = screen.availableGeometry().size() * 0.9
    return wanted.boundedTo(room)
