"""Runs inside a private mount namespace (tests/store/test_full_disk.py) on a small tmpfs at argv[1]: times a task,
fills the disk, keeps timing and polling on it, frees it, and prints what happened as one JSON line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from surveydesk.core.model import AccountKey
from surveydesk.store import Database, DiskFullError, TaskStore
from surveydesk.ui.timer_strip import TimerStrip
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import FixedClock, make_task
from tests.small_disk import fill
from tests.ui.test_timer_strip import SHORT


def main(folder: Path) -> dict[str, object]:
    seen: dict[str, object] = {}
    clock = FixedClock()
    database = Database.open(folder / "surveydesk.sqlite3")
    keeper = Timekeeper(WorkLog(database), clock)
    attempt = keeper.take(SHORT)
    strip = TimerStrip(keeper)
    strip.show_attempt(attempt.id)
    told: list[str] = []
    strip.failed.connect(told.append)
    clock.advance(10)
    keeper.keep_alive()
    filler = fill(folder)
    clock.advance(30)
    keeper.keep_alive()  # no room: the clocks run on in memory
    seen["unsaved_when_full"] = keeper.unsaved
    strip.refresh()
    seen["strip_says"] = [strip.unsaved_label.text(), *told] if strip.unsaved_label.isVisibleTo(strip) else []
    strip.toggle_pause()  # the worker presses Pause: the disk refuses it, in words
    seen["strip_pause"] = told[-1]
    try:
        keeper.pause(attempt.id)
        seen["pause_when_full"] = "saved"
    except DiskFullError as error:
        seen["pause_when_full"] = error.message
    seen["still_running"] = keeper.is_working(attempt.id)
    tasks = [make_task(f"study-{n}", description="x" * 2000) for n in range(200)]
    try:
        TaskStore(database).merge(AccountKey("prolific", "demo"), tasks, clock.now())
        seen["poll_when_full"] = "saved"
    except DiskFullError as error:
        seen["poll_when_full"] = error.message
    clock.advance(36)
    keeper.keep_alive()
    filler.unlink()  # space comes back
    keeper.keep_alive()
    seen["unsaved_after"] = keeper.unsaved
    strip.refresh()
    seen["strip_after"] = strip.unsaved_label.isVisibleTo(strip)
    keeper.suspend()
    database.close()
    with Database.open(folder / "surveydesk.sqlite3") as reopened:
        (stored,) = WorkLog(reopened).open_attempts()
        seen["worked_seconds"] = stored.worked_seconds
    return seen


if __name__ == "__main__":
    application = QApplication(["surveydesk"])
    print(json.dumps(main(Path(sys.argv[1]))), flush=True)
