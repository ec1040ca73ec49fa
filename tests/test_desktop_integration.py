"""Desktop integration: the menu entry's keys, and start at login through an XDG autostart entry."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from surveydesk import APP_ID, APP_NAME
from surveydesk.autostart import Autostart, config_home, exec_value, launch_command
from surveydesk.menu_entry import MenuEntry, data_home, system_entry
from surveydesk.resource_files import PNG_SIZES, png_path
from tests.locations import ROOT

RESOURCES = ROOT / "resources"
VALIDATOR = shutil.which("desktop-file-validate")


def desktop_keys(path: Path) -> dict[str, str]:
    parser = configparser.RawConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def unescape_exec(value: str) -> list[str]:
    """What a desktop reads back from an Exec value: the string's escapes, then the spec's quoting rules (in
    double quotes a backslash escapes ", `, $ and itself), then %% as %."""
    line = value.replace("\\\\", "\\")
    arguments, current, quoted, index, started = [], "", False, 0, False
    while index < len(line):
        char = line[index]
        if quoted and char == "\\" and line[index + 1] in '"`$\\':
            current += line[index + 1]
            index += 1
        elif char == '"':
            quoted, started = not quoted, True
        elif char == " " and not quoted:
            if current or started:
                arguments.append(current)
            current, started = "", False
        else:
            current += char
        index += 1
    if current or started:
        arguments.append(current)
    return [argument.replace("%%", "%") for argument in arguments]


def test_the_menu_entry_names_the_app_its_command_and_its_icon():
    keys = desktop_keys(RESOURCES / f"{APP_ID}.desktop")
    assert keys["Type"] == "Application"
    assert keys["Name"] == APP_NAME
    assert keys["Exec"].split()[0] == "surveydesk"
    assert keys["Icon"] == APP_ID  # found in the hicolor theme, where the PNGs are laid out
    assert keys["StartupWMClass"] == APP_ID
    assert keys["Terminal"] == "false"
    assert keys["Categories"].endswith(";")
    assert "Comment[fr]" in keys
    assert (RESOURCES / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()


@pytest.mark.skipif(VALIDATOR is None, reason="desktop-file-validate not installed (.ci/system-packages has it)")
def test_the_menu_entry_passes_desktop_file_validate():
    result = subprocess.run([VALIDATOR, str(RESOURCES / f"{APP_ID}.desktop")], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_xdg_config_home_is_respected_and_a_relative_one_ignored(tmp_path: Path):
    assert config_home({"XDG_CONFIG_HOME": str(tmp_path), "HOME": "/home/x"}) == tmp_path
    assert config_home({"XDG_CONFIG_HOME": "relative/dir", "HOME": "/home/x"}) == Path("/home/x/.config")
    assert config_home({"HOME": "/home/x"}) == Path("/home/x/.config")


def test_enabling_writes_an_autostart_entry_that_starts_this_surveydesk(tmp_path: Path):
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(tmp_path)})
    assert not autostart.is_enabled()

    autostart.set_enabled(True)

    assert autostart.path == tmp_path / "autostart" / f"{APP_ID}.desktop"
    assert autostart.is_enabled()
    keys = desktop_keys(autostart.path)
    assert keys["Type"] == "Application"
    assert unescape_exec(keys["Exec"]) == [sys.executable, "-P", "-m", "surveydesk"]
    assert [p.name for p in autostart.path.parent.iterdir()] == [f"{APP_ID}.desktop"]  # no partial file left


def test_disabling_removes_the_entry_and_twice_is_harmless(tmp_path: Path):
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(tmp_path)})
    autostart.set_enabled(True)
    autostart.set_enabled(False)
    autostart.set_enabled(False)
    assert not autostart.path.exists()
    assert not autostart.is_enabled()


def test_an_entry_switched_off_by_the_desktop_counts_as_off(tmp_path: Path):
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(tmp_path)})
    autostart.set_enabled(True)
    autostart.path.write_text(autostart.path.read_text() + "Hidden=true\n", encoding="utf-8")
    assert not autostart.is_enabled()


def test_a_data_folder_with_spaces_quotes_and_percent_survives_the_exec_line(tmp_path: Path):
    awkward = tmp_path / 'my "data" $HOME 100% \\ here'
    command = launch_command(awkward)
    assert unescape_exec(exec_value(command)) == command


@pytest.mark.skipif(VALIDATOR is None, reason="desktop-file-validate not installed (.ci/system-packages has it)")
def test_the_written_autostart_entry_passes_desktop_file_validate(tmp_path: Path):
    autostart = Autostart(launch_command(tmp_path / "data dir"), {"XDG_CONFIG_HOME": str(tmp_path)})
    autostart.set_enabled(True)
    result = subprocess.run([VALIDATOR, str(autostart.path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_an_unwritable_config_folder_raises_for_the_caller_to_report(tmp_path: Path):
    blocker = tmp_path / "config"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(blocker)})
    with pytest.raises(OSError):
        autostart.set_enabled(True)


def test_the_menu_entry_installs_with_its_icons_in_the_theme_layout_and_goes_away_whole(tmp_path: Path):
    data = tmp_path / "share"
    entry = MenuEntry(launch_command(tmp_path / "my data"), {"XDG_DATA_HOME": str(data)})
    assert not entry.is_installed()

    entry.set_installed(True)

    assert entry.path == data / "applications" / f"{APP_ID}.desktop"
    keys = desktop_keys(entry.path)
    assert unescape_exec(keys["Exec"]) == launch_command(tmp_path / "my data")
    assert keys["Icon"] == APP_ID and keys["Name"] == APP_NAME
    for size in PNG_SIZES:
        installed = data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert installed.read_bytes() == (RESOURCES / png_path(size)).read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    if VALIDATOR is not None:
        result = subprocess.run([VALIDATOR, str(entry.path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout

    entry.set_installed(False)
    assert not entry.is_installed()
    assert [path for path in data.rglob("*") if path.is_file()] == []


def test_a_package_installed_entry_is_found_in_xdg_data_dirs(tmp_path: Path):
    system = tmp_path / "usr-share"
    assert system_entry({"XDG_DATA_DIRS": f"relative:{system}"}) is None
    (system / "applications").mkdir(parents=True)
    (system / "applications" / f"{APP_ID}.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    assert system_entry({"XDG_DATA_DIRS": f"relative:{system}"}) == system / "applications" / f"{APP_ID}.desktop"
    assert data_home({"HOME": "/home/x"}) == Path("/home/x/.local/share")


def test_the_desktop_entry_modules_load_no_qt():
    """They are pure Python, like the core: a command-line tool or a packager can use them without a display."""
    script = (
        "import sys, surveydesk.autostart, surveydesk.menu_entry, surveydesk.resource_files\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
