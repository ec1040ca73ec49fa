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


def test_quitting_on_a_full_disk_says_so_and_the_next_start_says_it_again(tmp_path: Path):
    """Quitting on a full disk was only a warning in a log that could not be written: the worker's Quit now says
    it in a box, a logout or SIGTERM leaves it for the next start, whose question says why it asks."""
    seen = run_on_a_small_disk(tmp_path / "disk", "tests.full_disk_quit_child")
    (_timed, (title, text)) = seen["quit_said"]
    assert title == "The disk is full"
    assert text == (
        "The disk is full, so SurveyDesk could not save the time it was counting as it quits. Nothing is lost: "
        "the next time you start SurveyDesk, it asks whether the time since its last save was work. Free some "
        "space before then."
    )
    assert seen["window_closed"] is True and seen["still_running"] is True  # nothing written, nothing stopped
    assert seen["marked_by_quit"] is True
    assert seen["signal_exit"] == 0 and seen["marked_by_signal"] is True  # SIGTERM: quit cleanly, said next time
    assert seen["mark_left"] is False  # said once
    said = seen["next_start_said"]
    assert [title for title, _text in said] == ["SurveyDesk closed on a full disk"] * 2  # the shift, the task
    assert all(
        text.startswith(
            "The disk was full when SurveyDesk closed, so it could not save the time it was counting. "
            "Nothing is lost.\n\nSurveyDesk stopped while timing "
        )
        for _title, text in said
    )
    assert seen["worked_seconds"] == 60  # 10 s saved, 30 s before the quit and 20 s closed, counted as she said
