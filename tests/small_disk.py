"""A real small disk for the full-disk tests: a tmpfs mounted in a private mount namespace (`unshare -rm`), where
a child process runs a scenario and prints what it saw as its last line, one JSON object. SQLite and the log there
meet the system's own "no space left", as on the worker's full disk."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer, SignalInstance

from tests.locations import ROOT


def can_mount_a_small_disk(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", f"mount -t tmpfs -o size=64k tmpfs '{folder}'"], capture_output=True
    )
    return probe.returncode == 0


def run_on_a_small_disk(disk: Path, child: str, *args: str, size: str = "2m") -> dict[str, object]:
    """Run `python -m <child> <disk> <args…>` with a `size` tmpfs mounted at `disk` (skips the test where no user
    may mount one), and return the JSON object it printed last; the child's failure fails the test."""
    disk.mkdir(exist_ok=True)
    if not can_mount_a_small_disk(disk):
        pytest.skip("this system lets no user mount a small disk in a private namespace")
    quoted = " ".join(f"'{arg}'" for arg in args)
    mount = f"mount -t tmpfs -o size={size} tmpfs '{disk}'"
    script = f"{mount} && exec '{sys.executable}' -m {child} '{disk}' {quoted}"
    process = subprocess.run(
        ["unshare", "-rm", "sh", "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert process.returncode == 0, process.stderr
    seen = json.loads(process.stdout.strip().splitlines()[-1])
    assert isinstance(seen, dict)
    seen["stderr"] = process.stderr
    return seen


def fill(folder: Path) -> Path:
    """A file that takes every byte left on the disk (in the child). Unbuffered: a buffered file that met the end
    of the disk half-way through a write would try the rest again, and fail, as it closes."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as file:
        try:
            while True:
                file.write(b"\0" * 65536)
                file.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC, error
    return filler


def wait_for(signal: SignalInstance, accept: Callable[..., bool] = lambda *_args: True, ms: int = 30_000) -> tuple:
    """In the child, which has no qtbot: run the event loop until `signal` is emitted with arguments `accept`
    takes, and return them; fail after `ms`."""
    loop = QEventLoop()
    heard: list[tuple] = []

    def hear(*args: object) -> None:
        if not heard and accept(*args):
            heard.append(args)
            loop.quit()

    signal.connect(hear)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    signal.disconnect(hear)
    assert heard, f"no awaited signal within {ms} ms"
    return heard[0]
