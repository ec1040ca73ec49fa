"""What the main window's first frame does not need is not loaded before it (bench/startup.py): Qt WebEngine
(about 80 ms) comes with the sign-in window, the application being prepared for it without loading it; Apprise
(about 80 ms) with the first phone alert."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import bare_environment

STARTS_WITHOUT_WEB_ENGINE = """
import sys
from surveydesk.ui.application import create_application
import surveydesk.app, surveydesk.ui.main_window
app = create_application(["surveydesk"])
assert not [name for name in sys.modules if "WebEngine" in name or "apprise" in name], sorted(sys.modules)
from PySide6.QtWebEngineCore import QWebEngineProfile
profile = QWebEngineProfile()  # off the record, as the sign-in window's
assert profile.isOffTheRecord()
from surveydesk.services.phone_alerts import unknown_addresses
assert unknown_addresses(["ntfys://example.org/topic", "nowhere"]) == ["nowhere"]
print("ok")
"""


def test_the_web_engine_and_apprise_are_loaded_after_the_application_starts(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-c", STARTS_WITHOUT_WEB_ENGINE],
        env=bare_environment(tmp_path, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
