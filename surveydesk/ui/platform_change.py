"""When a platform changed what SurveyDesk reads: a line under the accounts saying so once, in words, and
Help ▸ Report a platform change…, the report as plain text to copy into an issue (paths and kinds of value
only, never a value of a reply: see net/shapes.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from surveydesk import __version__
from surveydesk.net.shapes import NO_REPORT, ShapeWatch
from surveydesk.services.platform_changes import PlatformChanges
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.text import plain_label, translated

_INDENT = "    "


def report_text(watch: ShapeWatch) -> str:
    """The report as the worker copies it: SurveyDesk's version, then each endpoint and how its reply differs."""
    lines = watch.lines()
    if not lines:
        return translated(NO_REPORT)
    heading = QCoreApplication.translate(
        "PlatformChangeDialog", "SurveyDesk {0}: replies that differ from what SurveyDesk reads"
    ).format(__version__)
    return "\n".join([heading, *(_INDENT * depth + translated(line) for depth, line in lines)])


class PlatformChangeDialog(QDialog):
    """The report, read-only, with a button that copies it."""

    def __init__(self, watch: ShapeWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report a platform change"))
        self.resize(620, 380)  # fits a 1366x768 screen with room around it
        # With nothing changed, the words above the report must not say that a platform changed.
        changed = bool(watch.lines())
        self.intro = plain_label(self)
        self.intro.setWordWrap(True)
        self.intro.setText(
            self.tr(
                "A platform's answers no longer look the way SurveyDesk expects. Copy this report into a new "
                "issue for SurveyDesk's makers, so they can mend it. It names only the places that changed, "
                "never your data, your earnings or your login."
            )
            if changed
            else self.tr(
                "When a platform's answers stop looking the way SurveyDesk expects, this report names the places "
                "that changed, for you to copy to SurveyDesk's makers. There is nothing to send now."
            )
        )
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setPlainText(report_text(watch))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("&Copy the report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        self.copy_button.setEnabled(changed)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


class PlatformChangeNotice(QFrame):
    """The worker's words for the latest change, under the accounts' lines, until she closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet("PlatformChangeNotice { background: #fff4d6; border-radius: 3px; }")
        self.label = plain_label(self)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #5c4400;")
        self.report_button = QPushButton(self.tr("See the report…"), self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.report_button)
        layout.addWidget(close)
        self.hide()

    def tell(self, sentence: str) -> None:
        self.label.setText(translated(sentence))
        self.show()


class PlatformChangeReporting(QObject):
    """Help ▸ Report a platform change… and the notice, wired to `changes` (built by the composition root);
    the window keeps it."""

    def __init__(self, window: MainWindow, changes: PlatformChanges) -> None:
        super().__init__(window)
        self._window = window
        self._watch = changes.watch
        self.notice = PlatformChangeNotice(window)
        window.add_status_widget(self.notice)
        self.notice.report_button.clicked.connect(self.open_report)
        changes.told.connect(self.notice.tell)
        self.action = QAction(self.tr("&Report a platform change…"), window)
        self.action.triggered.connect(self.open_report)
        # The Help menu is the menu bar's last, in every desktop's convention and in ours.
        menus = [menu for action in window.menuBar().actions() if isinstance(menu := action.menu(), QMenu)]
        help_menu = menus[-1]
        help_menu.insertAction(help_menu.actions()[-1], self.action)
        self.dialog: PlatformChangeDialog | None = None

    def open_report(self) -> None:
        self.dialog = PlatformChangeDialog(self._watch, self._window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.open()

    def _forget(self) -> None:
        self.dialog = None
