"""The real app on a real (virtual) X screen the size of our worker's laptop (1366×768), in English and in French:
screenshots of its views and dialogs under build/screenshots/, each checked to show something (many colours, no
single colour filling it), to fit the screen, to cut no text, and in French to show no English word of the app.

The rest of the suite runs offscreen; this runs tests/screenshot_harness.py under xvfb-run, as a worker's session
would start it (LANG set, nothing else of the caller's desktop): one process per language tours every view and
dialog in turn (see `Tour` there), and one more shows the welcome page of a first start.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import bare_environment
from tests.locations import ROOT

HARNESS = ROOT / "tests" / "screenshot_harness.py"
SCREENSHOTS = ROOT / "build" / "screenshots"
MISSING = [tool for tool in ("xvfb-run", "Xvfb", "xauth") if shutil.which(tool) is None]
LAPTOP = (1366, 768)  # our worker's screen
SCREEN = f"-screen 0 {LAPTOP[0]}x{LAPTOP[1]}x24 -nolisten tcp"
LANGUAGES = {"en": {"LANG": "en_GB.UTF-8", "LANGUAGE": "en"}, "fr": {"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}}
TS = ROOT / "resources" / "translations" / "surveydesk_fr.ts"
# English texts of the app a French screen rightly shows as they are.
WRITTEN_IN_ENGLISH_ON_PURPOSE = {
    "English",  # the Preferences' language chooser names each language in that language, as programs do
}


def take(view: str, tmp_path: Path, language: str = "fr") -> dict[str, Any]:
    environment = bare_environment(tmp_path, **LANGUAGES[language])
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", SCREEN, sys.executable, str(HARNESS), view, str(SCREENSHOTS)],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
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


def english_sources() -> set[str]:
    """The app's English texts that French words differently: what a French screen must never show."""
    sources = set()
    for message in ET.parse(TS).getroot().iter("message"):  # noqa: S314 - our own committed file
        source = plain(message.findtext("source", ""))
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        if any(plain(form) != source for form in forms):
            sources.add(source)
    return sources


def plain(text: str) -> str:
    """As the harness reads a text on screen: without the mnemonic's '&'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


@pytest.fixture(scope="module", params=sorted(LANGUAGES))
def tour(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One app per language, shown every view and dialog in turn (a few seconds each)."""
    report = take("tour", tmp_path_factory.mktemp(f"tour-{request.param}"), request.param)
    report["language"] = request.param
    return report


def shot(report: dict[str, Any], name: str) -> dict[str, Any]:
    return next(shot for shot in report["shots"] if shot["name"] == name)


@needs_x
def test_the_tour_shows_every_view_and_dialog(tour: dict[str, Any]):
    assert tour["platform"] == "xcb"
    names = [shot["name"] for shot in tour["shots"]]
    views = ["tasks", "timed", "timed-with-code", "closing-while-timed-QMessageBox", "wages", "wages-submitted"]
    views += [f"history-{chart}" for chart in range(6)]  # History's six views
    views += ["file-import-FileDialog", "file-export-FileDialog", "sign-in-SignInWindow"]
    views += ["smallest", "smallest-wages", "smallest-history"]  # the window as small as she can make it
    assert set(views) <= set(names), names
    assert len([name for name in names if name.startswith("dialog-")]) >= 9, names
    kinds = {shot["kind"] for shot in tour["shots"]}
    dialogs = {"SyncDialog", "PreferencesDialog", "AccountsDialog", "ProfileEditor", "RulesDialog", "AlertsDialog"}
    dialogs |= {"ManualTaskDialog", "ShortcutsDialog", "QMessageBox", "RatesDialog", "PointsValueDialog"}
    dialogs |= {"NoteDialog", "CorrectionDialog"}
    assert dialogs <= kinds, sorted(kinds)
    for each in tour["shots"]:
        assert Path(each["file"]).parent == SCREENSHOTS
        assert each["colours"] > 20, f"{each['file']} is nearly uniform: nothing was drawn"
        assert each["commonest_share"] < 0.95, each["file"]


@needs_x
def test_the_completion_code_field_shows_only_for_a_task_of_a_platform_that_gives_codes(tour: dict[str, Any]):
    """Prolific's studies end with a code she may keep (its spec says so); a task of another platform leaves the
    field out of the strip, which is then shorter."""
    placeholder = {"en": "Completion code", "fr": "Code de fin d’étude"}[tour["language"]]
    assert placeholder in shot(tour, "timed-with-code")["texts"]
    assert placeholder not in shot(tour, "timed")["texts"]


@needs_x
def test_no_window_is_larger_than_the_laptops_screen(tour: dict[str, Any]):
    assert all(each["screen"] == list(LAPTOP) for each in tour["shots"])
    assert {each["name"]: too_large(each) for each in tour["shots"] if too_large(each)} == {}


def too_large(shot: dict[str, Any]) -> list[tuple[str, int, int]]:
    """The windows of a screenshot wider or taller than the laptop's screen."""
    return [
        (window["kind"], window["width"], window["height"])
        for window in shot["windows"]
        if window["width"] > LAPTOP[0] or window["height"] > LAPTOP[1]
    ]


# The narrowest she can make the main window, in either language: well under her 1,366 px screen, so it can share
# it with a study's page. French made it 1,236 px wide (the earnings sync line, unwrapped), English 893 px.
SMALLEST_WIDTH = 1000


@needs_x
def test_the_window_made_as_small_as_she_can_is_well_under_the_screen_s_width(tour: dict[str, Any]):
    smallest = {each["name"]: each["width"] for each in tour["shots"] if each["name"].startswith("smallest")}
    assert len(smallest) == 3 and max(smallest.values()) <= SMALLEST_WIDTH, (tour["language"], smallest)


@needs_x
def test_no_label_button_or_column_header_is_cut(tour: dict[str, Any]):
    cut = {each["name"]: each["cut"] for each in tour["shots"] if each["cut"]}
    assert cut == {}, f"in {tour['language']}"


@needs_x
def test_a_french_screen_shows_no_english_text_of_the_app(tour: dict[str, Any]):
    if tour["language"] != "fr":
        pytest.skip("the English screens are English")
    english = english_sources() - WRITTEN_IN_ENGLISH_ON_PURPOSE
    leftovers = {each["name"]: sorted(set(each["texts"]) & english) for each in tour["shots"]}
    assert {name: texts for name, texts in leftovers.items() if texts} == {}


@needs_x
def test_the_demos_task_list_in_french_on_a_real_screen(tour: dict[str, Any]):
    if tour["language"] != "fr":
        pytest.skip("checks the French words")
    tasks = shot(tour, "tasks")
    assert_not_blank({"platform": tour["platform"], **tasks})
    assert tasks["file"].endswith("tasks-fr_FR.png")
    assert tour["menus"] == ["&Fichier", "&Tâches", "T&ravail", "&Aide"]
    assert tour["tabs"][0] == "Tâches"
    assert "Historique" in tour["tabs"]


@needs_x
def test_the_demos_history_in_french_on_a_real_screen(tour: dict[str, Any]):
    if tour["language"] != "fr":
        pytest.skip("checks the French words")
    history = shot(tour, "history-0")
    assert_not_blank({"platform": tour["platform"], **history})
    assert any(text.startswith("Gagné ") for text in history["texts"]), history["texts"]


@needs_x
def test_the_profile_editor_in_french_on_a_real_screen(tour: dict[str, Any]):
    if tour["language"] != "fr":
        pytest.skip("checks the French words")
    profile = next(each for each in tour["shots"] if each["kind"] == "ProfileEditor")
    assert_not_blank({"platform": tour["platform"], **profile}, smallest=(600, 400))  # a dialog
    assert profile["title"] == "Votre profil"
    assert any(text.startswith("Votre profil est vide.") for text in profile["texts"]), profile["texts"]


@needs_x
@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_the_welcome_page_on_the_laptops_screen(tmp_path: Path, language: str):
    report = take("welcome", tmp_path, language)
    assert_not_blank(report)
    assert report["screen"] == list(LAPTOP)
    assert report["windows"] and too_large(report) == []
    assert report["cut"] == []
    if language == "fr":
        assert report["tabs"][0] == "Bienvenue"
        assert set(report["readable"]) & (english_sources() - WRITTEN_IN_ENGLISH_ON_PURPOSE) == set()


STOPPED_FR = "SurveyDesk s’est arrêté de façon inattendue"


@needs_x
@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize(
    ("view", "title"),
    [
        (
            "restart",
            {"en": "SurveyDesk stopped unexpectedly", "fr": "SurveyDesk s’est arrêté de façon inattendue"},
        ),
        ("damaged", {"en": "SurveyDesk's data is damaged", "fr": "Les données de SurveyDesk sont abîmées"}),
    ],
)
def test_the_questions_asked_at_the_start_on_the_laptops_screen(
    tmp_path: Path, language: str, view: str, title: dict[str, str]
):
    """After SurveyDesk was killed while it timed a task, and when its database is damaged (the copy of the day
    before offered in its place): the question is whole, fits the screen and speaks her language."""
    report = take(view, tmp_path, language)
    assert report["platform"] == "xcb" and report["screen"] == list(LAPTOP)
    assert Path(str(report["file"])).stat().st_size > 2_000 and int(report["colours"]) > 20
    assert report["title"] == title[language]
    assert report["windows"] and too_large(report) == []
    assert report["cut"] == []
    if language == "fr":
        assert set(report["readable"]) & (english_sources() - WRITTEN_IN_ENGLISH_ON_PURPOSE) == set()
