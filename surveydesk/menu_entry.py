"""The applications menu entry for a SurveyDesk that no package manager installed (the bundle, a pip install):
the desktop entry in $XDG_DATA_HOME/applications and its icons in the hicolor theme under $XDG_DATA_HOME/icons,
where the desktop's menu and its icon lookup find them."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from surveydesk import APP_ID
from surveydesk.autostart import exec_value
from surveydesk.resource_files import APP_SVG, PNG_SIZES, png_path, resource

DESKTOP_FILE = f"{APP_ID}.desktop"


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share when it is unset or not an absolute path."""
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    home = environ.get("HOME")
    return (Path(home) if home else Path.home()) / ".local" / "share"


def system_entry(environ: Mapping[str, str] = os.environ) -> Path | None:
    """A desktop entry a package installed for everyone ($XDG_DATA_DIRS), which makes ours needless."""
    for folder in (environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share").split(":"):
        if folder and Path(folder).is_absolute() and (Path(folder) / "applications" / DESKTOP_FILE).is_file():
            return Path(folder) / "applications" / DESKTOP_FILE
    return None


def entry_for(command: Sequence[str]) -> str:
    """The packaged desktop entry, its Exec key pointing at this copy of SurveyDesk."""
    lines = resource(DESKTOP_FILE).read_text(encoding="utf-8").splitlines()
    exec_line = f"Exec={exec_value(command)}"
    return "\n".join(exec_line if line.startswith("Exec=") else line for line in lines) + "\n"


class MenuEntry:
    """Installs or removes the entry and its icons; every file it writes is one it can remove again."""

    def __init__(self, command: Sequence[str], environ: Mapping[str, str] = os.environ) -> None:
        self._command = list(command)
        root = data_home(environ)
        self.path = root / "applications" / DESKTOP_FILE
        # The theme's own layout: icons/hicolor/48x48/apps/surveydesk.png, icons/hicolor/scalable/apps/….svg
        self.icons = {root / png_path(size): png_path(size) for size in PNG_SIZES}
        self.icons[root / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"] = APP_SVG

    def is_installed(self) -> bool:
        return self.path.is_file()

    def set_installed(self, installed: bool) -> None:
        """Raises OSError when a folder cannot be written; the caller says so to the worker."""
        targets = [*self.icons, self.path]
        if not installed:
            for target in targets:
                target.unlink(missing_ok=True)
            return
        for target, source in self.icons.items():
            _write(target, resource(source).read_bytes())
        _write(self.path, entry_for(self._command).encode("utf-8"))  # last: the menu shows it with its icon


def _write(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(content)
    partial.replace(target)
