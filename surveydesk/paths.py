"""Where SurveyDesk keeps its files: one place wrapping appdirs, overridable with `--data-dir`."""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

import appdirs

from surveydesk import APP_ID, APP_NAME
from surveydesk.core.translatable import QT_TRANSLATE_NOOP

DATABASE_NAME = "surveydesk.sqlite3"

# Why a folder or file cannot be used, by the system's error number, in words a worker can act on (in her language
# when the window shows them).
_WHY = {
    errno.EACCES: QT_TRANSLATE_NOOP("UnusableFolderError", "SurveyDesk is not allowed to write there"),
    errno.EPERM: QT_TRANSLATE_NOOP("UnusableFolderError", "SurveyDesk is not allowed to write there"),
    errno.EROFS: QT_TRANSLATE_NOOP("UnusableFolderError", "the disk it is on can only be read"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("UnusableFolderError", "the disk it is on is full"),
    errno.EDQUOT: QT_TRANSLATE_NOOP("UnusableFolderError", "your share of the disk it is on is full"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("UnusableFolderError", "a file stands where a folder should be"),
    errno.EEXIST: QT_TRANSLATE_NOOP("UnusableFolderError", "a file stands where a folder should be"),
    errno.EISDIR: QT_TRANSLATE_NOOP("UnusableFolderError", "a folder stands where SurveyDesk's file should be"),
    errno.ENOENT: QT_TRANSLATE_NOOP("UnusableFolderError", "it does not exist and could not be made"),
    errno.EIO: QT_TRANSLATE_NOOP("UnusableFolderError", "its disk could not be read or written"),
}


def why(error: OSError) -> str:
    """The reason an operation on a folder failed, in words (the system's own for a rare one)."""
    return _WHY.get(error.errno or 0, error.strerror or type(error).__name__)


class UnusableFolderError(Exception):
    """A folder SurveyDesk must write to cannot be used: start-up stops and says which folder and why."""

    def __init__(self, folder: Path, reason: str) -> None:
        super().__init__(
            f"cannot use the folder {folder}: {reason}. Check that the folder is yours and that its "
            "disk is connected, writable and not full, then start SurveyDesk again."
        )
        self.folder = folder
        self.reason = reason


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The four folders the app writes to; the database lives in `data`, the rotating log in `log`."""

    data: Path
    config: Path
    cache: Path
    log: Path

    @classmethod
    def for_user(cls) -> AppPaths:
        """The platform's usual per-user folders (XDG on Linux, AppData on Windows, Library on macOS)."""
        return cls(
            data=Path(appdirs.user_data_dir(APP_ID, APP_NAME)),
            config=Path(appdirs.user_config_dir(APP_ID, APP_NAME)),
            cache=Path(appdirs.user_cache_dir(APP_ID, APP_NAME)),
            log=Path(appdirs.user_log_dir(APP_ID, APP_NAME)),
        )

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder: what `--data-dir`, the demo and the tests use."""
        root = root.expanduser().resolve()
        return cls(data=root / "data", config=root / "config", cache=root / "cache", log=root / "log")

    @property
    def database(self) -> Path:
        return self.data / DATABASE_NAME

    def create(self) -> AppPaths:
        """Make the four folders; one that cannot be made raises `UnusableFolderError`, saying which and why."""
        for folder in (self.data, self.config, self.cache, self.log):
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise UnusableFolderError(folder, why(error)) from error
        return self
