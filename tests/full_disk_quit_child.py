"""Runs on a small tmpfs at argv[1] (tests/store/test_full_disk.py): times a task, fills the disk, then quits as
the worker does (File ▸ Quit) and as a logout does (SIGTERM), frees the disk, starts again, and prints what each
said as one JSON line."""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from surveydesk.services.poller import Poller
from surveydesk.store import Database, TaskStore
from surveydesk.ui.application import quit_cleanly_when_asked
from surveydesk.ui.main_window import MainWindow
from surveydesk.work.closing_clocks import MARK_NAME, ClosingClocks
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import FixedClock
from tests.small_disk import fill
from tests.ui.test_timer_strip import SHORT
from tests.windows import attached_window


class BoxAnswerer:
    """Answers the message boxes a step opens, in order, each with the button of the role given; `said` keeps
    (title, text) of each. It looks again at every turn of the event loop that runs the boxes."""

    def __init__(self, *roles: QMessageBox.ButtonRole) -> None:
        self._roles = list(roles)
        self.said: list[tuple[str, str]] = []
        self._answered: list[QMessageBox] = []
        QTimer.singleShot(0, self._look)

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box not in self._answered and box.isVisible():
            self._answered.append(box)
            self.said.append((box.windowTitle(), box.text()))
            role = self._roles.pop(0)
            next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        if self._roles:
            QTimer.singleShot(10, self._look)


def as_the_worker(click: Callable[[], object]) -> None:
    """Run `click` inside the running event loop, as the worker's click is (so the window may ask her)."""
    loop = QEventLoop()

    def run() -> None:
        click()
        loop.quit()

    QTimer.singleShot(0, run)
    loop.exec()


def a_window(database: Database, keeper: Timekeeper, closing: ClosingClocks) -> MainWindow:
    """The window as the app builds it, with a poller that is never started."""
    never_started = QThreadPool.globalInstance()
    poller = Poller(TaskStore(database), FixedClock(), never_started, floor_of=lambda _: timedelta())
    return attached_window(poller, FixedClock().now, timekeeper=keeper, stop_clocks=closing.stop)


def main(folder: Path) -> dict[str, object]:
    seen: dict[str, object] = {}
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    clock = FixedClock()
    database = Database.open(folder / "surveydesk.sqlite3")
    keeper = Timekeeper(WorkLog(database), clock)
    closing = ClosingClocks(keeper, folder)
    window = a_window(database, keeper, closing)
    window.show()
    attempt = keeper.take(SHORT)
    window.timer_strip.show_attempt(attempt.id)
    clock.advance(10)
    keeper.keep_alive()
    filler = fill(folder)
    clock.advance(30)

    # File ▸ Quit, from inside the event loop as her click is: the timed task's question, then the full disk.
    answers = BoxAnswerer(QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.AcceptRole)
    as_the_worker(window.quit_for_real)
    seen["quit_said"] = answers.said
    seen["window_closed"] = not window.isVisible()
    seen["still_running"] = keeper.is_working(attempt.id)  # nothing written, so the clock runs on in memory
    seen["marked_by_quit"] = closing.closed_on_a_full_disk()  # read (and forgotten) as the next start would

    # A logout or shutdown: SIGTERM, no one to ask. The event loop ends; the next start is to say it.
    stop_signals = quit_cleanly_when_asked(app, closing.stop)
    QTimer.singleShot(0, lambda: os.kill(os.getpid(), signal.SIGTERM))
    QTimer.singleShot(30_000, lambda: app.exit(1))
    seen["signal_exit"] = app.exec()
    stop_signals.close()
    seen["marked_by_signal"] = (folder / MARK_NAME).exists()
    database.close()

    filler.unlink()  # space comes back, and SurveyDesk starts again 20 s later
    clock.advance(20)
    with Database.open(folder / "surveydesk.sqlite3") as reopened:
        next_keeper = Timekeeper(WorkLog(reopened), clock)
        next_closing = ClosingClocks(next_keeper, folder)
        found = next_closing.closed_on_a_full_disk()
        seen["mark_left"] = (folder / MARK_NAME).exists()
        next_window = a_window(reopened, next_keeper, next_closing)
        answers = BoxAnswerer(QMessageBox.ButtonRole.YesRole, QMessageBox.ButtonRole.YesRole)  # shift, task
        next_window.ask_about_interruptions(found)
        seen["next_start_said"] = answers.said
        seen["worked_seconds"] = next_keeper.worked_seconds(WorkLog(reopened).attempt(attempt.id))
        next_keeper.suspend()
        next_window.close()
    return seen


if __name__ == "__main__":
    application = QApplication(["surveydesk"])
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
