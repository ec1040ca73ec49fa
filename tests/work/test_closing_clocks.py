"""Closing with room on the disk leaves nothing for the next start to say (the full disk has its test in
tests/store/test_full_disk.py)."""

from __future__ import annotations

from pathlib import Path

from surveydesk.store import Database
from surveydesk.work.closing_clocks import MARK_NAME, ClosingClocks
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import FixedClock
from tests.ui.test_timer_strip import SHORT


def test_a_close_with_room_stops_the_clocks_and_leaves_no_reminder(tmp_path: Path):
    clock = FixedClock()
    with Database.open(tmp_path / "surveydesk.sqlite3") as database:
        keeper = Timekeeper(WorkLog(database), clock)
        attempt = keeper.take(SHORT)
        clock.advance(12)
        closing = ClosingClocks(keeper, tmp_path)
        assert closing.stop() is True
        assert not keeper.is_working(attempt.id) and not (tmp_path / MARK_NAME).exists()
        assert closing.closed_on_a_full_disk() is False
        assert WorkLog(database).attempt(attempt.id).worked_seconds == 12
