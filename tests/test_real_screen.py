"""The real app on a real (virtual) X screen, in French: screenshots of its views under build/screenshots/, each
checked to show something (many colours, no single colour filling it) in the worker's language.

The rest of the suite runs offscreen; this runs tests/screenshot_harness.py under xvfb-run, once per view, as a
French worker's session would start it (LANG=fr_FR.UTF-8, nothing else of the caller's desktop).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import bare_environment

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "tests" / "screenshot_harness.py"
SCREENSHOTS = ROOT / "build" / "screenshots"
MISSING = [tool for tool in ("xvfb-run", "Xvfb", "xauth") if shutil.which(tool) is None]
SCREEN = "-screen 0 1600x1000x24 -nolisten tcp"


def take(view: str, tmp_path: Path) -> dict[str, object]:
    environment = bare_environment(tmp_path, LANG="fr_FR.UTF-8", LANGUAGE="fr")
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", SCREEN, sys.executable, str(HARNESS), view, str(SCREENSHOTS)],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def assert_not_blank(report: dict[str, object], smallest: tuple[int, int] = (800, 500)) -> None:
    assert report["platform"] == "xcb"
    assert Path(str(report["file"])).parent == SCREENSHOTS
    assert Path(str(report["file"])).stat().st_size > 10_000
    assert int(report["width"]) >= smallest[0] and int(report["height"]) >= smallest[1]
    assert int(report["colours"]) > 50, "the screenshot is nearly uniform: nothing was drawn"
    assert float(report["commonest_share"]) < 0.9


needs_x = pytest.mark.skipif(
    bool(MISSING) and os.environ.get("CI") != "true",
    reason=f"needs {', '.join(MISSING)} (installed by .ci/system-packages); CI runs it",
)


@needs_x
def test_the_demos_task_list_in_french_on_a_real_screen(tmp_path: Path):
    report = take("main-window", tmp_path)
    assert_not_blank(report)
    assert report["file"].endswith("main-window-fr_FR.png")
    assert report["menus"] == ["&Fichier", "&Tâches", "T&ravail", "&Aide"]
    assert report["tabs"][0] == "Tâches"


@needs_x
def test_the_welcome_page_in_french_on_a_real_screen(tmp_path: Path):
    report = take("welcome", tmp_path)
    assert_not_blank(report)
    assert report["tabs"][0] == "Bienvenue"


@needs_x
def test_the_demos_history_in_french_on_a_real_screen(tmp_path: Path):
    report = take("history", tmp_path)
    assert_not_blank(report)
    assert report["file"].endswith("history-fr_FR.png")
    assert "Historique" in report["tabs"]
    assert any(text.startswith("Gagné ") for text in report["texts"]), report["texts"]


@needs_x
def test_the_profile_editor_in_french_on_a_real_screen(tmp_path: Path):
    report = take("profile", tmp_path)
    assert_not_blank(report, smallest=(600, 400))  # a dialog, smaller than the window
    assert report["file"].endswith("profile-fr_FR.png")
    assert report["title"] == "Votre profil"
    assert any(text.startswith("Votre profil est vide.") for text in report["texts"]), report["texts"]
