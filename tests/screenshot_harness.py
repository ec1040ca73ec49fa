"""Starts the real app on a virtual X screen, takes a screenshot of one view and checks it is not blank.

Run from the repository root, on a virtual screen, in the language to check:

    LANG=fr_FR.UTF-8 PYTHONPATH=. xvfb-run -a python tests/screenshot_harness.py main-window build/screenshots

Views: `tour` (every view and dialog in turn, see `Tour`), `main-window` (the demo's task list with a task
selected), `welcome` (a first start without accounts),
`history` (the demo's History tab once its earnings are in), `profile` (the profile editor, opened from the menu
as the worker opens it), `outlook` (the History tab's pending money and months in words), `goals` (the Wages tab
with its earnings goals, once a goal is set), `claims` (the History tab's money owed, a Toloka rejection chosen
when there is one), `restart` (the question asked at the start after SurveyDesk was killed while it timed a
task), `damaged` (the question asked at the start when the database is damaged).
The app is started through `surveydesk.app.main` as a worker starts it; the harness only adds a timer that waits
for the view to be ready, grabs the screen's pixels in the window's place (what the X server shows, not a
widget rendering itself) and quits. It prints one JSON line (file, size, colours, the menu bar's words) and exits
0, or prints why to stderr and exits 1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QAbstractItemModel, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyle,
    QStyleOptionFrame,
    QTabBar,
    QWidget,
)

import surveydesk.ui.application as application
from surveydesk.app import EXIT_REFUSED
from surveydesk.app import main as app_main
from surveydesk.core.model import Task
from surveydesk.paths import AppPaths
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store import Database
from surveydesk.store.backups import BACKUP_FOLDER_NAME, RollingBackups
from surveydesk.ui.accounts_dialog import AccountsDialog
from surveydesk.ui.claims_view import ClaimsPanel
from surveydesk.ui.first_run import WelcomePage
from surveydesk.ui.formatting import amount_text
from surveydesk.ui.history_dialogs import CorrectionDialog
from surveydesk.ui.history_view import HistoryView
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.money_outlook_view import GoalsBox, OutlookPanel
from surveydesk.ui.profile_editor import ProfileEditor
from surveydesk.ui.sign_in_window import SignInWindow
from surveydesk.ui.task_model import TaskRole
from surveydesk.ui.wages_panel import WagesPanel
from surveydesk.ui.web_engine import prepare_web_engine
from surveydesk.work.model import Outcome

READY_TIMEOUT_S = 90.0
SETTLE_MS = 500  # after the view is ready, for the X server to show its last repaint


def distinct_colours(image: QImage, step: int = 4) -> tuple[int, float]:
    """How many colours a grid of the image's pixels holds, and the share of the commonest one."""
    counts: dict[int, int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colour = image.pixel(x, y)
            counts[colour] = counts.get(colour, 0) + 1
    total = sum(counts.values())
    return len(counts), max(counts.values()) / total if total else 1.0


def _window() -> MainWindow | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


# The views that are a question asked at start, about what a previous run left: the grab is of the question.
QUESTIONS = ("restart", "damaged")
VIEWS = ("tour", "main-window", "welcome", "history", "profile", "outlook", "goals", "claims", *QUESTIONS)


def _question() -> QWidget | None:
    """The question box on screen, if there is one (the main window may not be: a damaged database's is asked
    before it)."""
    boxes = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QMessageBox)]
    return next((box for box in boxes if box.isVisible()), None)


def _prepare(view: str, scratch: Path) -> None:
    """What a question at start is about, left in the data folder as a worker's computer would leave it: a
    SurveyDesk killed while it timed a task, or a database damaged after its daily copy was made."""
    if view == "restart":
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.timing_child", "--data-dir", str(scratch)],
            stdout=subprocess.PIPE,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            text=True,
        )
        assert child.stdout is not None
        if child.stdout.readline().strip() != "timing":
            raise RuntimeError("the SurveyDesk to interrupt never started timing")
        child.kill()  # as a power cut would stop it
        child.communicate(timeout=60)
    elif view == "damaged":
        paths = AppPaths.under(scratch).create()
        with Database.open(paths.database) as database:
            RollingBackups(paths.data / BACKUP_FOLDER_NAME).make_daily(database, date.today() - timedelta(days=1))
        data = bytearray(paths.database.read_bytes())
        data[100:] = b"\xa5" * (len(data) - 100)  # everything after SQLite's header
        paths.database.write_bytes(bytes(data))


def _ready(view: str) -> Callable[[MainWindow], QWidget | None]:
    """For a view, what tells it is ready: the window to grab once it is, None until then."""

    def task_list(window: MainWindow) -> QWidget | None:
        if window.proxy.rowCount() == 0:
            return None
        if not window.table.selectionModel().hasSelection():
            window.table.selectRow(0)
        return window

    def welcome(window: MainWindow) -> QWidget | None:
        return window if isinstance(window.tabs.currentWidget(), WelcomePage) else None

    def history(window: MainWindow) -> QWidget | None:
        page = next(
            (
                window.tabs.widget(i)
                for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), HistoryView)
            ),
            None,
        )
        if not isinstance(page, HistoryView):
            return None
        if window.tabs.currentWidget() is not page:
            window.tabs.setCurrentWidget(page)
        # The demo's earnings arrive with its first reconciliation, after which the app re-reads the tab.
        return window if page.model.rowCount() > 0 else None

    asked: list[bool] = []

    def profile(window: MainWindow) -> QWidget | None:
        editors = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, ProfileEditor)]
        if not editors and not asked:
            asked.append(True)
            # As the menu does it; later, since the editor runs its own modal loop until it is closed.
            QTimer.singleShot(0, window.profile_requested.emit)
        return editors[0] if editors and editors[0].isVisible() else None

    def outlook(window: MainWindow) -> QWidget | None:
        if history(window) is None:
            return None
        page = window.tabs.currentWidget()
        assert isinstance(page, HistoryView)
        panel = next(page.views.widget(i) for i in range(page.views.count())
                     if isinstance(page.views.widget(i), OutlookPanel))  # fmt: skip
        page.views.setCurrentWidget(panel)
        return window if isinstance(panel, OutlookPanel) and panel.months.text() else None

    def goals(window: MainWindow) -> QWidget | None:
        box = window.findChild(GoalsBox)
        if box is None:
            return None
        if not box.inputs["day"].text():  # as the worker would: types her goals and saves them
            for period, amount in (("day", "10"), ("week", "50"), ("month", "200")):
                box.inputs[period].setText(amount)
            box.save()
        if not box.progress["day"].text():
            return None
        wages = box.parentWidget()
        if window.tabs.currentWidget() is not wages:
            window.tabs.setCurrentWidget(wages)
        return window

    def claims(window: MainWindow) -> QWidget | None:
        if history(window) is None:
            return None
        page = window.tabs.currentWidget()
        assert isinstance(page, HistoryView)
        panel = next(page.views.widget(i) for i in range(page.views.count())
                     if isinstance(page.views.widget(i), ClaimsPanel))  # fmt: skip
        assert isinstance(panel, ClaimsPanel)
        page.views.setCurrentWidget(panel)
        if panel.list.count() == 0:
            return None
        # A rejection on Toloka shows the platform's window to contest it, when the demo has one.
        rows = [panel.list.item(i).text() for i in range(panel.list.count())]
        toloka = [
            i for i, text in enumerate(rows) if "Toloka" in text and ("Rejected" in text or "Refusé" in text)
        ]
        panel.list.setCurrentRow(toloka[0] if toloka else 0)
        return window

    views = {"main-window": task_list, "welcome": welcome, "history": history, "profile": profile}
    return {**views, "outlook": outlook, "goals": goals, "claims": claims}[view]


def shoot(view: str, folder: Path, report: dict[str, object]) -> Callable[[], None]:
    """The timer's work: wait for the view, then grab it from the screen and quit."""
    started = time.monotonic()
    ready = None if view in QUESTIONS else _ready(view)
    state = {"ready_at": 0.0}

    def tick() -> None:
        app = QApplication.instance()
        window = _window()
        if time.monotonic() - started > READY_TIMEOUT_S:
            report["error"] = f"the {view} view was not ready within {READY_TIMEOUT_S:.0f} s"
            app.exit(1)
            return
        if ready is None:
            shown = _question()
        elif window is None:
            return
        else:
            shown = ready(window)
        if shown is None:
            return
        if not state["ready_at"]:
            state["ready_at"] = time.monotonic()
            shown.raise_()
            shown.activateWindow()
            return
        if (time.monotonic() - state["ready_at"]) * 1000 < SETTLE_MS:
            return
        frame = shown.frameGeometry()
        screen = shown.screen() or QGuiApplication.primaryScreen()
        image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).toImage()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{view}-{QLocale().name()}.png"  # the language the app chose, e.g. fr_FR
        image.save(str(target), "PNG")
        colours, commonest = distinct_colours(image)
        report.update(
            file=str(target),
            width=image.width(),
            height=image.height(),
            colours=colours,
            commonest_share=round(commonest, 3),
            menus=[] if window is None else [action.text() for action in window.menuBar().actions()],
            tabs=[] if window is None else [window.tabs.tabText(i) for i in range(window.tabs.count())],
            title=shown.windowTitle(),
            texts=[label.text() for label in shown.findChildren(QLabel) if label.isVisible() and label.text()],
            readable=visible_texts(shown),
            cut=cut_texts(shown),
            windows=top_windows(),
            screen=[screen.geometry().width(), screen.geometry().height()],
            platform=QGuiApplication.platformName(),
        )
        app.exit(0)

    return tick


def _plain(text: str) -> str:
    """A text as the worker reads it: without the mnemonic's '&' ('&&' is a real one)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def cut_texts(root: QWidget) -> list[str]:
    """The labels, buttons, grey placeholders and column headers under `root` shown narrower than their text needs,
    and the wrapping labels shown shorter than their lines need at their width (their last lines clipped)."""
    cut = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            if isinstance(widget, QLabel) and widget.wordWrap():
                needed, shown = widget.heightForWidth(widget.width()), widget.height()
                if needed > shown:
                    cut.append(f"wrapped label {_plain(widget.text())!r}: needs {needed} px high, has {shown}")
                continue
            needed, shown = widget.sizeHint().width(), widget.width()
            if needed > shown:
                cut.append(f"{type(widget).__name__} {_plain(widget.text())!r}: needs {needed} px, has {shown}")
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            needed, shown = widget.fontMetrics().horizontalAdvance(widget.placeholderText()), _text_room(widget)
            if needed > shown:
                cut.append(f"placeholder {widget.placeholderText()!r}: needs {needed} px, has {shown}")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            for section in range(widget.count()):
                if widget.isSectionHidden(section):
                    continue
                text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
                needed, shown = widget.sectionSizeFromContents(section).width(), widget.sectionSize(section)
                if text and needed > shown:
                    cut.append(f"column {text!r}: needs {needed} px, has {shown}")
    return cut


def _cells(model: QAbstractItemModel) -> list[str]:
    """The texts of a list's or table's first rows: the app's words there among the platforms' data."""
    texts = []
    for row in range(min(model.rowCount(), 30)):
        column = 0
        while (cell := model.index(row, column)).isValid():
            texts.append(str(cell.data() or ""))
            column += 1
    return texts


def top_windows() -> list[dict[str, object]]:
    """The windows on screen, with their frame's size (what must fit the screen)."""
    return [
        {"kind": type(widget).__name__, "title": widget.windowTitle(), "width": widget.frameGeometry().width(),
         "height": widget.frameGeometry().height()}
        for widget in QApplication.topLevelWidgets()
        if widget.isVisible() and widget.isWindow() and not isinstance(widget, QMenu)
    ]  # fmt: skip


def _text_room(line: QLineEdit) -> int:
    """The width a line edit gives its text: its contents less its margins (Qt's own 2 px on each side)."""
    option = QStyleOptionFrame()
    line.initStyleOption(option)
    contents = line.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, line)
    margins = line.textMargins()
    return contents.width() - margins.left() - margins.right() - 2 * 2


def visible_texts(root: QWidget) -> list[str]:
    """Every text the worker can read in `root`: titles, labels, buttons, tabs, headers, placeholders, choices,
    charts' titles and legends, and the cells of lists and tables."""
    texts = [root.windowTitle()]
    if isinstance(root, MainWindow):
        texts += [action.text() for action in root.menuBar().actions()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit) and not widget.text():
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QChartView):
            chart = widget.chart()
            texts += [chart.title(), *(axis.titleText() for axis in chart.axes())]
            texts += [series.name() for series in chart.series()]
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal:
            model = widget.model()
            texts += [str(model.headerData(i, Qt.Orientation.Horizontal) or "") for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) and widget.model():
            texts += _cells(widget.model())
    return sorted({_plain(text) for text in texts if text and _plain(text)})


def _dialog_actions(window: MainWindow) -> list[QAction]:
    """The menus' entries that open a window: those whose text ends with '…', and the Help menu's (the keyboard
    shortcuts, the About box)."""
    found: list[QAction] = []

    def walk(menu: QMenu, is_help: bool) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), is_help)
            elif action.isEnabled() and not action.isSeparator() and (is_help or action.text().endswith("…")):
                found.append(action)

    menus = [action.menu() for action in window.menuBar().actions() if action.menu() is not None]
    for menu in menus:
        walk(menu, is_help=menu is menus[-1])
    return found


def _type_an_absurd_correction(dialog: CorrectionDialog) -> None:
    """A million typed as a task's amount and saved: the dialog refuses it in a sentence, and stays open."""
    dialog.amount.setText(amount_text("1000000"))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save is not None
    save.click()


class Tour:
    """Walks through the main window's views and every dialog, one after the other, in one app.

    Each step waits until its view is ready (returning the top-level window to grab), then the tour lets the
    X server show it, grabs it from the screen, records what the checks need and closes what the step opened.
    Dialogs come first, while no task is timed (some would ask about it); then a task is timed, the question
    asked on quitting while it is timed is shown (and cancelled), and the tabs and History's views are shown with
    the timer strip above them."""

    def __init__(self, folder: Path, report: dict[str, object]) -> None:
        self.folder, self.report = folder, report
        self.shots: list[dict[str, object]] = []
        self.steps: list[tuple[str, Callable[[MainWindow], QWidget | None]]] = [("tasks", _ready("main-window"))]
        self.index, self.ready_at, self.step_started = 0, 0.0, time.monotonic()
        self.planned_dialogs = self.timing_started = False

    def _plan_dialogs(self, window: MainWindow) -> None:
        for number, action in enumerate(_dialog_actions(window)):
            self.steps.append((f"dialog-{number:02d}", self._dialog(lambda action=action: action.trigger())))
        page = _history_page(window)
        buttons = {"rates": page.rates_button, "points": page.points_button}
        buttons |= {"note": page.note_button, "correct": page.correct_button}  # these two on a chosen entry
        for name, button in buttons.items():
            on_entry = name in ("note", "correct")
            self.steps.append(
                (f"history-{name}", self._entry_dialog(button) if on_entry else self._dialog(button.click))
            )
        self.steps.append(("timed", self._timing(gives_codes=False)))  # no code field: the strip at its shortest
        self.steps.append(
            ("timed-with-code", self._timing(gives_codes=True))
        )  # a Prolific study's, with its field
        self.steps.append(("closing-while-timed", self._dialog(window.quit_for_real)))  # answered with Cancel
        self.steps.append(("wages", self._tab(WagesPanel)))
        self.steps.append(("wages-submitted", self._submitted_wages))
        for chart in range(page.views.count()):
            self.steps.append((f"history-{chart}", self._chart(chart)))
        self.steps.append(("file-import", self._dialog(page.import_button.click)))
        export_csv = page.export_button.menu().actions()[0]
        self.steps.append(("file-export", self._dialog(export_csv.trigger)))
        self.steps.append(("sign-in", self._sign_in()))
        # The Accounts dialog once the sign-in window is closed and gone (closing both at once is no click).
        self.steps.append(("after-sign-in", self._still_open(AccountsDialog)))
        self.steps.append(("smallest", self._smallest(0)))
        self.steps.append(("smallest-wages", self._smallest(window.tabs.indexOf(self._page(window, WagesPanel)))))
        self.steps.append(("smallest-history", self._smallest(window.tabs.indexOf(page))))

    def _entry_dialog(self, button: QAbstractButton) -> Callable[[MainWindow], QWidget | None]:
        """The dialog `button` opens on the History's first entry, chosen and clicked in one go: a refresh of the
        list between the two (a sync ending) would clear the choice, and the click would open nothing."""

        def open_it() -> bool:
            window = _window()
            if window is None:
                return False
            page = _history_page(window)
            window.tabs.setCurrentWidget(page)
            if page.model.rowCount() == 0:
                return False
            page.table.selectRow(0)
            if not button.isEnabled():
                return False
            button.click()
            return True

        return self._dialog(open_it)

    def _dialog(self, open_it: Callable[[], bool | None]) -> Callable[[MainWindow], QWidget | None]:
        """`open_it` opens the dialog (or returns False when it cannot yet: it is tried again on the next tick)."""
        opened: list[bool] = []

        def open_or_retry() -> None:
            if open_it() is False:
                opened.clear()

        def step(window: MainWindow) -> QWidget | None:
            if not opened:
                if QApplication.activeModalWidget() is not None:
                    return None  # the last step's dialog is still closing
                opened.append(True)
                QTimer.singleShot(0, open_or_retry)  # later: the dialog runs its own modal loop until closed
                return None
            shown = [
                widget
                for widget in QApplication.topLevelWidgets()
                if widget.isVisible() and widget.isWindow() and not isinstance(widget, (MainWindow, QMenu))
            ]
            if shown and isinstance(shown[0], CorrectionDialog) and not shown[0].message.text():
                _type_an_absurd_correction(shown[0])  # the refusal's sentence must fit too
                return None
            if shown and isinstance(shown[0], QInputDialog):
                shown[0].accept()  # which account a history file is of: the first, to reach the file dialog
                return None
            return shown[0] if shown else None

        return step

    def _timing(self, gives_codes: bool) -> Callable[[MainWindow], QWidget | None]:
        """A listed task timed in the strip: one of a platform that gives completion codes (the strip then offers
        its field), or of one that does not; the earlier step's task stays open, paused, in the strip's list."""
        started: list[bool] = []

        def wanted(platform: str) -> bool:
            return BUILT_IN.gives_completion_codes(platform) == gives_codes

        def step(window: MainWindow) -> QWidget | None:
            window.tabs.setCurrentIndex(0)
            strip = window.timer_strip
            if strip is None or QApplication.activeModalWidget() is not None:
                return None
            attempt = strip.current_attempt()
            if attempt is not None and wanted(attempt.platform):
                return window
            if not started:
                listed = (window.proxy.index(row, 0).data(TaskRole) for row in range(window.proxy.rowCount()))
                task = next((task for task in listed if isinstance(task, Task) and wanted(task.platform)), None)
                if task is not None:
                    started.append(True)
                    window.start_timer_on(task)
            return None

        return step

    def _submitted_wages(self, window: MainWindow) -> QWidget | None:
        """The Wages tab once the timed task was submitted: its wages held against the minimum wage."""
        strip = window.timer_strip
        page = next(
            window.tabs.widget(i)
            for i in range(window.tabs.count())
            if isinstance(window.tabs.widget(i), WagesPanel)
        )
        window.tabs.setCurrentWidget(page)
        if strip is not None and strip.current_attempt() is not None:
            strip.finish(Outcome.SUBMITTED)  # one a tick, until none of the tasks timed is left open
            return None
        assert isinstance(page, WagesPanel)
        return window if page.platforms.rowCount() > 0 else None

    def _sign_in(self) -> Callable[[MainWindow], QWidget | None]:
        """The sign-in window of the first platform signed in to on a web page, over the Accounts dialog, once its
        page (the demo site's sign-in form) is loaded. SurveyDesk opens it in a sign-in process of its own, whose
        windows the harness cannot grab: the harness opens the same window itself, for its picture only."""
        loaded: list[bool] = []
        asked: list[bool] = []
        opened: list[SignInWindow] = []

        def step(window: MainWindow) -> QWidget | None:
            dialogs = [
                w for w in QApplication.topLevelWidgets() if isinstance(w, AccountsDialog) and w.isVisible()
            ]
            if not dialogs:
                if not asked and QApplication.activeModalWidget() is None:
                    asked.append(True)  # as the menu does it; later, since the dialog runs its own modal loop
                    QTimer.singleShot(0, lambda: window.accounts_requested.emit(None))
                return None
            if not opened:
                dialog = dialogs[0]
                platform, web = next(iter(dialog._sign_ins.web.items()))
                signing = SignInWindow(web.session_watch(), dialog._registry.name(platform), dialog)
                signing.page.loadFinished.connect(loaded.append)
                opened.append(signing)
                signing.open()
                return None
            signing = opened[0]
            return signing if signing.isVisible() and any(loaded) else None

        return step

    @staticmethod
    def _still_open(kind: type) -> Callable[[MainWindow], QWidget | None]:
        def step(window: MainWindow) -> QWidget | None:
            open_now = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
            return open_now[0] if open_now and QApplication.activeModalWidget() is open_now[0] else None

        return step

    def _smallest(self, tab: int) -> Callable[[MainWindow], QWidget | None]:
        """The window made as small as she can make it (its minimum size, which a window manager keeps to), on
        the tab `tab`."""

        def step(window: MainWindow) -> QWidget | None:
            window.tabs.setCurrentIndex(tab)
            if window.size() != window.minimumSize():
                window.resize(1, 1)  # Qt keeps it to its minimum size, as a window manager does
                return None
            return window

        return step

    @staticmethod
    def _page(window: MainWindow, kind: type) -> QWidget:
        return next(
            window.tabs.widget(i) for i in range(window.tabs.count()) if isinstance(window.tabs.widget(i), kind)
        )

    def _tab(self, kind: type) -> Callable[[MainWindow], QWidget | None]:
        def step(window: MainWindow) -> QWidget | None:
            page = next(
                window.tabs.widget(i)
                for i in range(window.tabs.count())
                if isinstance(window.tabs.widget(i), kind)
            )
            window.tabs.setCurrentWidget(page)
            return window

        return step

    def _chart(self, chart: int) -> Callable[[MainWindow], QWidget | None]:
        def step(window: MainWindow) -> QWidget | None:
            page = _history_page(window)
            window.tabs.setCurrentWidget(page)
            page.views.setCurrentIndex(chart)
            return window if page.model.rowCount() > 0 else None

        return step

    def _record(self, name: str, shown: QWidget) -> None:
        screen = shown.screen() or QGuiApplication.primaryScreen()
        frame = shown.frameGeometry()
        image = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).toImage()
        self.folder.mkdir(parents=True, exist_ok=True)
        if shown is not _window():  # a dialog: named after its kind too, to find its picture
            name = f"{name}-{type(shown).__name__}"
        target = self.folder / f"{name}-{QLocale().name()}.png"
        image.save(str(target), "PNG")
        colours, commonest = distinct_colours(image)
        available = screen.geometry()
        self.shots.append(
            {
                "name": name,
                "file": str(target),
                "width": image.width(),
                "height": image.height(),
                "kind": type(shown).__name__,
                "title": shown.windowTitle(),
                "screen": [available.width(), available.height()],
                "windows": top_windows(),
                "colours": colours,
                "commonest_share": round(commonest, 3),
                "cut": cut_texts(shown),
                "texts": visible_texts(shown),
            }
        )

    def tick(self) -> None:
        app = QApplication.instance()
        window = _window()
        if time.monotonic() - self.step_started > READY_TIMEOUT_S:
            self.report["error"] = (
                f"the tour's {self.steps[self.index][0]} was not ready in {READY_TIMEOUT_S:.0f} s"
            )
            app.exit(1)
            return
        if window is None:
            return
        name, ready = self.steps[self.index]
        shown = ready(window)
        if shown is None:
            return
        if not self.ready_at:
            self.ready_at = time.monotonic()
            shown.raise_()
            shown.activateWindow()
            return
        if (time.monotonic() - self.ready_at) * 1000 < SETTLE_MS:
            return
        self._record(name, shown)
        if not self.planned_dialogs:
            self.planned_dialogs = True
            self._plan_dialogs(window)
        if shown is not window:
            shown.close()
        self.index, self.ready_at, self.step_started = self.index + 1, 0.0, time.monotonic()
        if self.index == len(self.steps):
            self.report.update(
                shots=self.shots,
                platform=QGuiApplication.platformName(),
                locale=QLocale().name(),
                menus=[action.text() for action in window.menuBar().actions()],
                tabs=[window.tabs.tabText(i) for i in range(window.tabs.count())],
            )
            app.exit(0)


def _history_page(window: MainWindow) -> HistoryView:
    return next(
        window.tabs.widget(i) for i in range(window.tabs.count()) if isinstance(window.tabs.widget(i), HistoryView)
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in VIEWS:
        print(__doc__, file=sys.stderr)
        return 1
    view, folder = argv[0], Path(argv[1]).resolve()
    report: dict[str, object] = {"view": view}
    original = application.create_application

    def create_and_watch(*arguments: Any) -> QApplication:
        app = original(*arguments)
        timer = QTimer(app)
        # The tour is kept by the closure: a connected bound method alone would not keep its object alive.
        tick = Tour(folder, report).tick if view == "tour" else shoot(view, folder, report)
        timer.timeout.connect(lambda: tick())
        timer.start(100)
        return app

    application.create_application = create_and_watch
    prepare_web_engine()  # the tour shows the sign-in window here; SurveyDesk shows it in a process of its own
    with tempfile.TemporaryDirectory(prefix="surveydesk-screens-") as scratch:
        _prepare(view, Path(scratch))
        arguments = [] if view in ("welcome", *QUESTIONS) else ["--demo", "--seed", "3"]
        code = app_main([*arguments, "--data-dir", scratch])
    if view == "damaged" and code == EXIT_REFUSED:  # the worker did not put the copy back: nothing was opened
        code = 0
    if code != 0 or "error" in report:
        print(f"screenshot harness: {report.get('error', f'the app exited with {code}')}", file=sys.stderr)
        return 1
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
