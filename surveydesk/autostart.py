"""Start at login, as the XDG autostart spec has it: a desktop entry in $XDG_CONFIG_HOME/autostart/.

The entry itself is the setting: the preferences' checkbox shows whether it is there, so removing it from the
desktop's own "startup applications" tool is seen too. Only the file SurveyDesk wrote is ever removed.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from surveydesk import APP_ID, APP_NAME

# Characters the Desktop Entry spec reserves in an Exec argument: such an argument is put in double quotes.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes these four are escaped with a backslash.
_ESCAPED_IN_QUOTES = {'"', "`", "$", "\\"}


def config_home(environ: Mapping[str, str] = os.environ) -> Path:
    """$XDG_CONFIG_HOME, or ~/.config when it is unset or not an absolute path (the spec says to ignore it)."""
    value = environ.get("XDG_CONFIG_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    home = environ.get("HOME")
    return (Path(home) if home else Path.home()) / ".config"


def launch_command(data_dir: Path | None = None) -> list[str]:
    """How this SurveyDesk is started again: the bundle's executable, or this Python running the installed package
    (`-P`: never a `surveydesk` folder in the working directory, such as the project's sources, which lack the
    built resources)."""
    frozen = bool(getattr(sys, "frozen", False))
    command = [sys.executable] if frozen else [sys.executable, "-P", "-m", "surveydesk"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir.resolve())]
    return command


def exec_value(command: Sequence[str]) -> str:
    """The command as an Exec key's value: quoted per argument as the spec says, then escaped as a string."""

    def argument(text: str) -> str:
        text = text.replace("%", "%%")  # % starts a field code
        if not text or _RESERVED & set(text):
            text = '"' + "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in text) + '"'
        return text

    line = " ".join(argument(part) for part in command)
    # A desktop entry's string values escape the backslash itself once more.
    return line.replace("\\", "\\\\")


def _entry(command: Sequence[str]) -> str:
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            "Comment=Tasks from several platforms, the true hourly wage and an offline earnings log",
            f"Exec={exec_value(command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


class Autostart:
    """Writes or removes SurveyDesk's autostart entry."""

    def __init__(self, command: Sequence[str], environ: Mapping[str, str] = os.environ) -> None:
        self._command = list(command)
        self.path = config_home(environ) / "autostart" / f"{APP_ID}.desktop"

    def is_enabled(self) -> bool:
        """Whether the desktop will start SurveyDesk at login: our entry is there and not switched off."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):  # absent, unreadable, or a file where a folder should be
            return False
        keys = {line.partition("=")[0].strip(): line.partition("=")[2].strip() for line in text.splitlines()}
        return keys.get("Hidden", "false") != "true" and keys.get("X-GNOME-Autostart-enabled", "true") != "false"

    def set_enabled(self, enabled: bool) -> None:
        """Write the entry (replacing one left by an older install, whose command may be stale) or remove it.

        Raises OSError when the folder cannot be written; the caller says so to the worker.
        """
        if not enabled:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".desktop.partial")
        partial.write_text(_entry(self._command), encoding="utf-8")
        partial.replace(self.path)  # never a half-written entry for the session manager to read
