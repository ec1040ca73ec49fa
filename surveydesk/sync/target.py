"""Where the worker's log is replicated: a server, a database on it and a user, kept in this computer's settings.

The password is never here: it lives in the keyring under `SyncTarget.secret_key`. The target and the choices
about it are this computer's own (settings under "sync.", which never travel).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final
from urllib.parse import urlsplit

from surveydesk.core.clock import Clock, parse_utc_iso, utc_iso
from surveydesk.core.model import AccountKey
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.store.database import Database
from surveydesk.store.settings import JsonValue, SettingsStore
from surveydesk.sync.couch import CouchDatabase, SyncError, make_session
from surveydesk.sync.local import LocalReplica
from surveydesk.sync.replicator import BATCH_SIZE, Replicator

TARGET_KEY: Final = "sync.target"
PROFILE_KEY: Final = "sync.include_profile"
LAST_SUCCESS_KEY: Final = "sync.last_success"
KEYRING_PLATFORM: Final = "sync"  # the keyring entry is "sync/<user>@<server>"
# CouchDB's rule for database names.
_DATABASE_NAME = re.compile(r"^[a-z][a-z0-9_$()+/-]{0,237}$")


class TargetError(ValueError):
    """A target that cannot be used, in words the worker can act on (a Sentence, shown translated)."""

    def __init__(self, message: Sentence) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class SyncTarget:
    server_url: str
    database: str
    user: str

    def check(self) -> None:
        """TargetError unless the address and database name are usable (and hold no password)."""
        try:
            parts = urlsplit(self.server_url)
        except ValueError:
            raise TargetError(
                QT_TRANSLATE_NOOP("SyncTarget", "The server address is not a web address.")
            ) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TargetError(
                QT_TRANSLATE_NOOP(
                    "SyncTarget", "The server address must start with https:// (or http:// on your own network)."
                )
            )
        if parts.username or parts.password:
            raise TargetError(
                QT_TRANSLATE_NOOP(
                    "SyncTarget", "Leave the user name and password out of the address; use their own fields."
                )
            )
        if parts.query or parts.fragment:
            raise TargetError(
                QT_TRANSLATE_NOOP("SyncTarget", "The server address cannot have a query (?…) or a fragment (#…).")
            )
        if not _DATABASE_NAME.match(self.database):
            raise TargetError(
                QT_TRANSLATE_NOOP(
                    "SyncTarget",
                    "A database name starts with a lower-case letter and holds only lower-case letters, digits "
                    "and _ $ ( ) + - /.",
                )
            )

    @property
    def key(self) -> str:
        """How checkpoints name this target: the address and the database (the user may change)."""
        return f"{self.server_url.rstrip('/')}/{self.database}"

    @property
    def secret_key(self) -> AccountKey:
        return AccountKey(KEYRING_PLATFORM, f"{self.user}@{urlsplit(self.server_url).netloc}")

    def to_json(self) -> JsonValue:
        return {"server_url": self.server_url, "database": self.database, "user": self.user}

    @classmethod
    def from_json(cls, value: object) -> SyncTarget | None:
        if not isinstance(value, dict):
            return None
        fields = [value.get(name) for name in ("server_url", "database", "user")]
        if not all(isinstance(field, str) for field in fields):
            return None
        return cls(*fields)  # type: ignore[arg-type]


class SyncSettings:
    """The sync target and choices of this computer, in the settings table."""

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def target(self) -> SyncTarget | None:
        return SyncTarget.from_json(self._settings.get(TARGET_KEY, None))

    def set_target(self, target: SyncTarget | None) -> None:
        if target is not None:
            target.check()
        self._settings.set(TARGET_KEY, None if target is None else target.to_json())

    def include_profile(self) -> bool:
        return self._settings.get(PROFILE_KEY, False) is True

    def set_include_profile(self, include: bool) -> None:
        self._settings.set(PROFILE_KEY, include)

    def last_success(self) -> datetime | None:
        stored = self._settings.get(LAST_SUCCESS_KEY, None)
        try:
            return parse_utc_iso(stored) if isinstance(stored, str) else None
        except ValueError:
            return None

    def set_last_success(self, moment: datetime) -> None:
        self._settings.set(LAST_SUCCESS_KEY, utc_iso(moment))


def describe_connection(target: SyncTarget, password: str, clock: Clock) -> Sentence:
    """Reach the target once, as "Test" in the settings does: what is there, or what went wrong, in words."""
    remote = CouchDatabase(make_session(), target.server_url, target.database, target.user, password, clock.now)
    try:
        info = remote.info()
    except SyncError as error:
        return QT_TRANSLATE_NOOP("SyncTarget", "Not connected: {0}.").filled(error.message)
    finally:
        remote.close()
    count = info.get("doc_count")
    if isinstance(count, int) and not isinstance(count, bool):
        return QT_TRANSLATE_NOOP("SyncTarget", "Connected to {0}. It holds {1} records.").filled(
            remote.name, count
        )
    return QT_TRANSLATE_NOOP("SyncTarget", "Connected to {0}.").filled(remote.name)


def open_replicator(
    db: Database,
    target: SyncTarget,
    password: str,
    clock: Clock,
    *,
    include_profile: bool = False,
    batch_size: int = BATCH_SIZE,
    should_stop: Callable[[], bool] = lambda: False,
) -> Replicator:
    """A replicator between `db` and the target, on an HTTP session of its own: use it in a `with` block."""
    remote = CouchDatabase(make_session(), target.server_url, target.database, target.user, password, clock.now)
    return Replicator(
        LocalReplica(db, include_profile),
        remote,
        target.key,
        clock,
        batch_size=batch_size,
        should_stop=should_stop,
    )
