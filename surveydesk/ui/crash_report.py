"""The outer edge of errors: an exception nothing caught (in a slot, a paint, a thread) is written to the log
with its traceback and told to the worker in words, with where the log is (as Vorta's `__main__` does).

An app installed with a desktop entry has no terminal: without these hooks such an exception would go to a
stderr nobody reads, and the worker would see a button that silently did nothing.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class CrashReporter(QObject):
    """Installed once by the composition root; `uninstall()` puts the previous hooks back.

    The hooks may run on any thread: the dialog is asked for by a signal, so it is always shown on the GUI
    thread. One dialog at a time: an error that repeats (a paint event, say) is logged each time but told once.
    """

    _caught = Signal()
    told = Signal(str)  # the text shown to the worker, for tests and for the log's reader

    def __init__(self, log_file: Path, parent_window: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._log_file = log_file
        self._parent_window = parent_window
        self._dialog: QMessageBox | None = None
        self._previous_hook: ExceptHook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._caught.connect(self._tell, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _on_exception(
        self, kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):  # Ctrl+C in a terminal: the default behaviour
            self._previous_hook(kind, error, traceback)
            return
        log.critical("an error nothing caught", exc_info=(kind, error, traceback))
        self._caught.emit()

    def _on_thread_exception(self, arguments: threading.ExceptHookArgs) -> None:
        if arguments.exc_value is None:
            return
        thread = arguments.thread.name if arguments.thread is not None else "?"
        log.critical(
            "an error nothing caught in thread %s",
            thread,
            exc_info=(arguments.exc_type, arguments.exc_value, arguments.exc_traceback),
        )
        self._caught.emit()

    @Slot()
    def _tell(self) -> None:
        if self._dialog is not None and self._dialog.isVisible():
            return
        text = self.tr(
            "Something went wrong inside SurveyDesk. What you have saved is safe, and SurveyDesk goes on.\n\n"
            "If what you were doing did not finish, please try it again. If this comes back, the details are "
            "in this file, which you can send to us with a few words about what you were doing:\n{0}"
        ).format(self._log_file)
        dialog = QMessageBox(QMessageBox.Icon.Warning, self.tr("SurveyDesk"), text, parent=self._parent_window())
        dialog.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._forget_dialog)
        self._dialog = dialog
        dialog.open()
        self.told.emit(text)

    @Slot()
    def _forget_dialog(self) -> None:
        self._dialog = None
