"""An exception nothing caught — in a slot, in a thread — is written to the log with its traceback and told to the
worker once, in words, with where the log file is; never only to a stderr that a desktop install does not have."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from surveydesk.ui.crash_report import CrashReporter


@pytest.fixture
def reporter(qapp, tmp_path: Path) -> Iterator[CrashReporter]:
    installed = CrashReporter(tmp_path / "surveydesk.log")
    installed.install()
    yield installed
    installed.uninstall()
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QMessageBox):
            dialog.close()


class Button(QObject):
    clicked = Signal()


@pytest.mark.qt_no_exception_capture  # pytest-qt's own hook would take the error before ours
def test_an_error_in_a_slot_is_logged_and_told_with_the_logs_place(
    qtbot, reporter: CrashReporter, tmp_path: Path, caplog
) -> None:
    def broken_slot() -> None:
        raise ValueError("a bug of ours")

    button = Button()
    button.clicked.connect(broken_slot)
    with caplog.at_level(logging.CRITICAL), qtbot.waitSignal(reporter.told, timeout=5_000) as told:
        QTimer.singleShot(0, button.clicked.emit)
    assert str(tmp_path / "surveydesk.log") in told.args[0] and "went wrong" in told.args[0]
    (record,) = [record for record in caplog.records if record.levelno == logging.CRITICAL]
    assert record.exc_info is not None and record.exc_info[1].args == ("a bug of ours",)
    (dialog,) = [widget for widget in QApplication.topLevelWidgets() if isinstance(widget, QMessageBox)]
    assert dialog.isVisible() and dialog.text() == told.args[0]


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_thread_is_told_on_the_gui_thread(qtbot, reporter: CrashReporter, caplog) -> None:
    shown_on: list[threading.Thread] = []
    reporter.told.connect(lambda _text: shown_on.append(threading.current_thread()))

    def broken_work() -> None:
        raise RuntimeError("a bug in a thread")

    with caplog.at_level(logging.CRITICAL), qtbot.waitSignal(reporter.told, timeout=5_000):
        worker = threading.Thread(target=broken_work, name="worker")
        worker.start()
        worker.join()
    assert shown_on == [threading.main_thread()]
    assert any("worker" in record.getMessage() and record.exc_info for record in caplog.records)


@pytest.mark.qt_no_exception_capture
def test_an_error_that_repeats_is_logged_each_time_and_told_once(qtbot, reporter: CrashReporter, caplog) -> None:
    told: list[str] = []
    reporter.told.connect(told.append)
    with caplog.at_level(logging.CRITICAL):
        for attempt in range(3):
            try:
                raise ValueError(f"repeat {attempt}")
            except ValueError:
                sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: len(told) == 1, timeout=5_000)
        QApplication.processEvents()  # the other two queued reports are delivered, and dropped: the dialog is open
    assert len(told) == 1
    assert len([record for record in caplog.records if record.levelno == logging.CRITICAL]) == 3


def test_uninstall_puts_the_previous_hooks_back(qapp, tmp_path: Path) -> None:
    before, thread_before = sys.excepthook, threading.excepthook
    reporter = CrashReporter(tmp_path / "surveydesk.log")
    reporter.install()
    assert sys.excepthook != before and threading.excepthook != thread_before
    reporter.uninstall()
    assert sys.excepthook == before and threading.excepthook == thread_before
