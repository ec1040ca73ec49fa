"""Runs on a small tmpfs at argv[1] (tests/test_logging_setup.py): SurveyDesk's log file and window as the app
wires them, the disk filled while it runs, a record logged from a pool thread, the disk freed; prints what the
window said and what the file holds as one JSON line."""

from __future__ import annotations

import json
import logging
import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QThread, QThreadPool
from PySide6.QtWidgets import QApplication

from surveydesk.composition import _say_when_the_log_stops
from surveydesk.logging_setup import LOG_FILE_NAME, configure_logging
from surveydesk.paths import why
from surveydesk.services.poller import Poller
from surveydesk.store import Database, TaskStore
from tests.factories import FixedClock
from tests.small_disk import fill, wait_for
from tests.windows import attached_window

log = logging.getLogger("surveydesk.test")


def main(folder: Path) -> dict[str, object]:
    seen: dict[str, object] = {}
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    (folder / "log").mkdir()
    handler = configure_logging(folder / "log", why)
    pool = QThreadPool()
    with Database.open(folder / "surveydesk.sqlite3") as database:
        never_started = Poller(TaskStore(database), FixedClock(), pool, floor_of=lambda _: timedelta())
        window = attached_window(never_started, FixedClock().now)
        _say_when_the_log_stops(handler, window)
        window.show()
        log.info("written while there is room")
        filler = fill(folder)
        status = window.statusBar()
        messages: list[str] = []
        status.messageChanged.connect(messages.append)
        pool.start(lambda: log.info("x" * 20_000))  # more than the file's buffer: its write meets the full disk
        (said,) = wait_for(status.messageChanged, lambda text: bool(text))
        seen["said_on_the_gui_thread"] = QThread.currentThread() is app.thread()
        seen["window_said"] = said
        pool.waitForDone(10_000)
        log.info("still full")  # said once: the status bar is not told again
        app.processEvents()  # what the relay queued, if it did
        seen["times_said"] = sum(1 for text in messages if text)
        filler.unlink()  # space comes back: the file is written again
        log.info("written once there is room again")
        logging.getLogger().removeHandler(handler)
        handler.close()
        window.close()
    seen["file"] = (folder / "log" / LOG_FILE_NAME).read_text(encoding="utf-8")
    return seen


if __name__ == "__main__":
    application = QApplication(["surveydesk"])
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
