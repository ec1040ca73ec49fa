"""A full disk loses no timed work: the timer counts on in memory, says so, and writes everything once there is
room again. The disk is a real one, a small tmpfs mounted in a private namespace (`unshare`), so SQLite meets the
system's own "no space left"."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from surveydesk.store.database import DiskFullError
from tests.locations import ROOT


def can_mount_a_small_disk(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{folder}'"], capture_output=True
    )
    return probe.returncode == 0


def test_a_full_disk_keeps_every_second_and_says_so(tmp_path: Path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if not can_mount_a_small_disk(disk):
        pytest.skip("this system lets no user mount a small disk in a private namespace")
    script = (
        f"mount -t tmpfs -o size=2m tmpfs '{disk}' && exec '{sys.executable}' -m tests.full_disk_child '{disk}'"
    )
    child = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert child.returncode == 0, child.stderr
    seen = json.loads(child.stdout.strip().splitlines()[-1])
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
