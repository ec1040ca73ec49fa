"""The profile on disk (migration 7): answers, sharing choices, the log of what was sent, screener answers.

Everything stays in the local database; `export` gives it all as one JSON document and `delete_everything`
removes it with SQLite's secure delete, so the freed pages are overwritten rather than left readable.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from surveydesk.core.clock import Clock, parse_utc_iso, utc_iso
from surveydesk.profile.schema import Value
from surveydesk.profile.sharing import Permission, permission_of
from surveydesk.store.database import Database, chunked, question_marks

log = logging.getLogger(__name__)

EXPORT_FORMAT = "surveydesk-profile/1"
_DELETE_ALL = (
    "DELETE FROM profile_answers",
    "DELETE FROM profile_sharing",
    "DELETE FROM profile_disclosures",
    "DELETE FROM screener_answers",
)


@dataclass(frozen=True, slots=True)
class ExtraAnswer:
    """An answer to a platform's own question that no profile field covers, kept to answer it next time."""

    field: str  # "<platform>:<question id>"
    label: str  # the question's wording, as the platform asked it (untrusted text)
    platform: str
    value: Value


@dataclass(frozen=True, slots=True)
class Disclosure:
    """One field sent to one account by one channel: when first and last, and how many times."""

    platform: str
    account: str
    field: str
    channel: str
    first_at: datetime
    last_at: datetime
    times: int


@dataclass(frozen=True, slots=True)
class ScreenerAnswer:
    at: datetime
    platform: str
    task_id: str
    field: str
    value: Value


def extra_field(platform: str, question_id: str) -> str:
    return f"{platform}:{question_id}"


def never_by_default(_platform: str) -> Permission:
    return Permission.NEVER


@dataclass(frozen=True, slots=True)
class SharedAnswer:
    """One answer as it travels between computers (`value` its JSON text, `changed_at` when it was given,
    wherever that was), or its removal (`value` None)."""

    field: str
    value: str | None
    label: str
    platform: str
    changed_at: str


class ProfileStore:
    """Reads and writes at once, on the calling thread's connection; safe from the pool as from the GUI."""

    def __init__(
        self, db: Database, clock: Clock, default_permission: Callable[[str], Permission] = never_by_default
    ) -> None:
        """`default_permission`: a platform's choice for a field the worker chose nothing for (the registry's)."""
        self._db = db
        self._clock = clock
        self._default_permission = default_permission

    # --- answers -----------------------------------------------------------------------------------------

    def answers(self) -> dict[str, Value]:
        """Every answer, profile fields and platform questions alike, by field id; an answer that cannot be
        read (written by hand, or by a newer version in a form this one does not know) is left out, logged."""
        rows = self._db.connection().execute("SELECT field, value FROM profile_answers").fetchall()
        read = ((field, _readable(field, text)) for field, text in rows)
        return {field: value for field, value in read if value is not None}

    def extra_answers(self) -> list[ExtraAnswer]:
        rows = self._db.connection().execute(
            "SELECT field, label, platform, value FROM profile_answers WHERE platform != '' ORDER BY field"
        )
        read = ((field, label, platform, _readable(field, text)) for field, label, platform, text in rows)
        return [
            ExtraAnswer(field, label, platform, value)
            for field, label, platform, value in read
            if value is not None
        ]

    def set_answer(self, field: str, value: Value | None, label: str = "", platform: str = "") -> None:
        """Keep the answer (validated by the caller against the schema); None removes it."""
        with self._db.transaction() as connection:
            if value is None:
                connection.execute("DELETE FROM profile_answers WHERE field = ?", (field,))
                return
            connection.execute(
                "INSERT INTO profile_answers (field, value, label, platform, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (field) DO UPDATE SET value = excluded.value, label = excluded.label, "
                "platform = excluded.platform, updated_at = excluded.updated_at",
                (field, _json(value), label, platform, utc_iso(self._clock.now())),
            )

    def set_answers(self, answers: Mapping[str, Value | None]) -> None:
        for field, value in answers.items():
            self.set_answer(field, value)

    # --- sharing -----------------------------------------------------------------------------------------

    def permission(self, field: str, platform: str) -> Permission:
        row = (
            self._db.connection()
            .execute("SELECT permission FROM profile_sharing WHERE field = ? AND platform = ?", (field, platform))
            .fetchone()
        )
        return permission_of(None if row is None else row[0], self._default_permission(platform))

    def permissions(self, platform: str, fields: Iterable[str]) -> dict[str, Permission]:
        rows = dict(
            self._db.connection().execute(
                "SELECT field, permission FROM profile_sharing WHERE platform = ?", (platform,)
            )
        )
        default = self._default_permission(platform)
        return {field: permission_of(rows.get(field), default) for field in fields}

    def set_permission(self, field: str, platform: str, permission: Permission) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO profile_sharing (field, platform, permission) VALUES (?, ?, ?) "
                "ON CONFLICT (field, platform) DO UPDATE SET permission = excluded.permission",
                (field, platform, permission.value),
            )

    # --- what was sent where -----------------------------------------------------------------------------

    def record_sent(self, platform: str, account: str, fields: Iterable[str], channel: str) -> None:
        """Log that these fields were sent to the account; called just before the request goes out."""
        now = utc_iso(self._clock.now())
        with self._db.transaction() as connection:
            connection.executemany(
                "INSERT INTO profile_disclosures (platform, account, field, channel, first_at, last_at, times) "
                "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT (platform, account, field, channel) "
                "DO UPDATE SET last_at = excluded.last_at, times = times + 1",
                [(platform, account, field, channel, now, now) for field in fields],
            )

    def disclosures(self) -> list[Disclosure]:
        rows = self._db.connection().execute(
            "SELECT platform, account, field, channel, first_at, last_at, times FROM profile_disclosures "
            "ORDER BY last_at DESC, platform, field"
        )
        return [
            Disclosure(platform, account, field, channel, parse_utc_iso(first), parse_utc_iso(last), times)
            for platform, account, field, channel, first, last, times in rows
        ]

    # --- screener answers --------------------------------------------------------------------------------

    def record_screener_answer(self, platform: str, task_id: str, field: str, value: Value) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO screener_answers (at, platform, task_id, field, value) VALUES (?, ?, ?, ?, ?)",
                (utc_iso(self._clock.now()), platform, task_id, field, _json(value)),
            )

    def screener_answers(self, field: str | None = None) -> list[ScreenerAnswer]:
        sql = "SELECT at, platform, task_id, field, value FROM screener_answers"
        rows = self._db.connection().execute(
            sql + (" WHERE field = ? ORDER BY at" if field else " ORDER BY at"), (field,) if field else ()
        )
        read = ((at, p, task, f, _readable(f, text)) for at, p, task, f, text in rows)
        return [
            ScreenerAnswer(parse_utc_iso(at), p, task, f, value)
            for at, p, task, f, value in read
            if value is not None
        ]

    # --- the whole profile -------------------------------------------------------------------------------

    def export(self, schema_version: int) -> dict[str, Any]:
        """Everything kept for the profile, as one JSON-ready document."""
        extras = {extra.field for extra in self.extra_answers()}
        sharing = self._db.connection().execute(
            "SELECT field, platform, permission FROM profile_sharing ORDER BY field, platform"
        )
        return {
            "format": EXPORT_FORMAT,
            "schema_version": schema_version,
            "exported_at": utc_iso(self._clock.now()),
            "answers": {
                field: _plain(value) for field, value in sorted(self.answers().items()) if field not in extras
            },
            "platform_questions": [
                {"field": e.field, "platform": e.platform, "question": e.label, "answer": _plain(e.value)}
                for e in self.extra_answers()
            ],
            "sharing": [{"field": f, "platform": p, "permission": permission} for f, p, permission in sharing],
            "sent": [
                {
                    "platform": d.platform,
                    "account": d.account,
                    "field": d.field,
                    "channel": d.channel,
                    "first": utc_iso(d.first_at),
                    "last": utc_iso(d.last_at),
                    "times": d.times,
                }
                for d in self.disclosures()
            ],
            "screener_answers": [
                {
                    "at": utc_iso(s.at),
                    "platform": s.platform,
                    "task": s.task_id,
                    "field": s.field,
                    "answer": _plain(s.value),
                }
                for s in self.screener_answers()
            ],
        }

    def delete_everything(self) -> None:
        """The worker's "delete my profile": answers, choices, the sent log and screener answers, for good."""
        connection = self._db.connection()
        connection.execute("PRAGMA secure_delete = ON")
        with self._db.transaction() as writing:
            for statement in _DELETE_ALL:
                writing.execute(statement)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class SharedAnswers:
    """The answers as replication reads and writes them: JSON text as stored, times as given on whichever
    computer gave them. Needs no clock, unlike the worker's own edits through `ProfileStore`."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def exist(self) -> bool:
        """The tables come with the profile's migration; a database opened without it has no profile."""
        row = (
            self._db.connection()
            .execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'profile_answers'")
            .fetchone()
        )
        return row is not None

    def fields(self) -> set[str]:
        return {field for (field,) in self._db.connection().execute("SELECT field FROM profile_answers")}

    def changed_since(self, since: str) -> list[tuple[str, str]]:
        """(field, updated_at) of the answers given after `since` (UTC ISO text; "" for all)."""
        return (
            self._db.connection()
            .execute("SELECT field, updated_at FROM profile_answers WHERE updated_at > ?", (since,))
            .fetchall()
        )

    def read(self, fields: Sequence[str]) -> list[SharedAnswer]:
        """The answers among `fields` that are here."""
        found: list[SharedAnswer] = []
        for chunk in chunked(fields):
            rows = self._db.connection().execute(
                "SELECT field, value, label, platform, updated_at FROM profile_answers "
                f"WHERE field IN ({question_marks(len(chunk))})",
                chunk,
            )
            found += (SharedAnswer(*row) for row in rows)
        return found

    def put(self, answer: SharedAnswer) -> None:
        """Keep an answer given on another computer as it was given there, or remove it."""
        with self._db.transaction() as connection:
            if answer.value is None:
                connection.execute("DELETE FROM profile_answers WHERE field = ?", (answer.field,))
                return
            connection.execute(
                "INSERT INTO profile_answers (field, value, label, platform, updated_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (field) DO UPDATE SET value = excluded.value, label = excluded.label, "
                "platform = excluded.platform, updated_at = excluded.updated_at",
                (answer.field, answer.value, answer.label, answer.platform, answer.changed_at),
            )


def _json(value: Value) -> str:
    return json.dumps(list(value) if isinstance(value, tuple) else value, ensure_ascii=False)


def _readable(field: str, text: str) -> Value | None:
    """An answer as stored (a JSON string, or a list of strings for MULTI); None, logged, for anything else:
    a row written by hand or by a newer version in a form this one does not know is left out, not fatal."""
    try:
        loaded = json.loads(text)
    except ValueError:
        loaded = None
    if isinstance(loaded, list) and all(isinstance(item, str) for item in loaded):
        return tuple(loaded)
    if isinstance(loaded, str):
        return loaded
    log.warning("a stored answer to %r cannot be read; leaving it out", field)
    return None


def _plain(value: Value) -> str | list[str]:
    return list(value) if isinstance(value, tuple) else value
