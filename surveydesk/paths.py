"""Where SurveyDesk keeps its files: one place wrapping appdirs, overridable with `--data-dir`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import appdirs

from surveydesk import APP_ID, APP_NAME

DATABASE_NAME = "surveydesk.sqlite3"


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
        for folder in (self.data, self.config, self.cache, self.log):
            folder.mkdir(parents=True, exist_ok=True)
        return self
