"""A private D-Bus session bus for one test: a dbus-daemon of its own, listening in the test's folder, so nothing
of the desktop the suite runs on (its notification server, its tray) takes part, and nothing is left running."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DBUS_DAEMON = shutil.which("dbus-daemon")


@contextmanager
def private_session_bus(folder: Path) -> Iterator[str]:
    """Starts a session dbus-daemon on a socket in `folder`; yields its address; stops it on leaving."""
    if DBUS_DAEMON is None:
        raise RuntimeError("dbus-daemon is not installed (.ci/system-packages installs it)")
    socket = folder / "session-bus"
    daemon = subprocess.Popen(
        [DBUS_DAEMON, "--session", "--nofork", "--nopidfile", f"--address=unix:path={socket}", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # it complains it may not raise its file limit, harmlessly
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()  # printed once it listens
        if not address:
            raise RuntimeError(f"dbus-daemon did not start (exit code {daemon.wait()})")
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=5)
        if daemon.stdout is not None:
            daemon.stdout.close()


def environment_on(address: str) -> dict[str, str]:
    """This process's environment with `address` as the session bus, for a child that must use it."""
    return {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
