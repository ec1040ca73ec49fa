"""A full disk loses no timed work: the timer counts on in memory, says so, and writes everything once there is
room again. The disk is a real one, a small tmpfs mounted in a private namespace (`unshare`), so SQLite meets the
system's own "no space left"."""

from __future__ import annotations

from pathlib import Path

from surveydesk.store.database import DiskFullError
from tests.small_disk import run_on_a_small_disk


def test_a_full_disk_keeps_every_second_and_says_so(tmp_path: Path):
    disk = tmp_path / "disk"
    seen = run_on_a_small_disk(disk, "tests.full_disk_child")
    words = DiskFullError(disk).message
    assert seen["unsaved_when_full"] is True
    assert seen["pause_when_full"] == words and seen["still_running"] is True  # a refused pause stops nothing
    assert seen["poll_when_full"] == words  # said as a full disk, not as "an internal error"
    assert seen["strip_says"] == [
        "Disk full",
        "The timer keeps counting, but the disk is full so nothing can be saved. Free some space: the time is "
        "saved as soon as it can be.",
    ]
    assert seen["strip_pause"] == words
    assert seen["unsaved_after"] is False and seen["strip_after"] is False
    assert seen["worked_seconds"] == 76  # 10 s, 30 s on the full disk, 36 s more: every second
