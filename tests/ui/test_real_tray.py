"""The tray's alert for a new demo task, through a real QSystemTrayIcon, as a notification server receives it.

The rest of the suite runs offscreen, where Qt has no tray. This one test runs tests/tray_harness.py in a private
D-Bus session (dbus-run-session) on a virtual X screen (xvfb-run), with a fake desktop on that bus: a
StatusNotifierWatcher, so Qt finds a tray, and a notification server that records each Notify call
(tests/fake_desktop_bus.py). The harness prints what the server received; this test checks it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import bare_environment
from tests.locations import ROOT

HARNESS = ROOT / "tests" / "tray_harness.py"
NEEDED = ("dbus-run-session", "xvfb-run", "Xvfb", "xauth")
MISSING = [tool for tool in NEEDED if shutil.which(tool) is None]
# A 24-bit screen: xvfb-run's default is 8 bits deep, which Qt's xcb platform handles poorly.
SCREEN = "-screen 0 1280x1024x24 -nolisten tcp"


@pytest.mark.skipif(
    bool(MISSING) and os.environ.get("CI") != "true",
    reason=f"needs {', '.join(MISSING)} (installed by .ci/system-packages); CI runs it",
)
def test_a_new_demo_task_is_announced_on_the_session_bus_with_its_title_and_reward(tmp_path: Path):
    environment = bare_environment(tmp_path)
    result = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", SCREEN, sys.executable, str(HARNESS)],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    received = json.loads(result.stdout.strip().splitlines()[-1])

    assert received["app_name"] == "SurveyDesk"
    assert re.fullmatch(r"New task|\d+ new tasks", received["summary"])
    assert received["summary"] == received["alert_title"]
    assert re.fullmatch(r"[£$€]\d+\.\d\d", received["task_reward"])
    assert f"{received['task_title']} — {received['task_reward']}" in received["body"]
    assert received["tray_items"], "the tray icon never registered with the StatusNotifierWatcher"
