"""Shifts, attempts and their stretches of time in SQLite; every change is written at once, in one transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.money import Money
from surveydesk.store.database import Database, chunked, question_marks
from surveydesk.work.model import Attempt, AttemptRecord, NewAttempt, Outcome, Shift, ShiftRecord, Stretch

_ATTEMPT_COLUMNS = """
    a.id, a.shift_id, a.platform, a.account, a.external_id, a.title, a.requester, a.reward_minor,
    a.reward_currency, a.time_limit_seconds, a.started_at, a.ended_at, a.outcome, a.paid_minor, a.paid_currency,
    coalesce((SELECT sum(s.seconds) FROM stretches AS s WHERE s.attempt_id = a.id AND s.seconds IS NOT NULL), 0),
    (SELECT s.started_at FROM stretches AS s WHERE s.attempt_id = a.id AND s.seconds IS NULL),
    a.estimated_minutes, a.completion_code
"""
_SHIFT_COLUMNS = """
    h.id, h.started_at, h.ended_at, h.automatic,
    coalesce((SELECT sum(s.seconds) FROM stretches AS s WHERE s.shift_id = h.id AND s.seconds IS NOT NULL), 0)
"""


@dataclass(frozen=True, slots=True)
class OpenStretch:
    """A stretch with no end yet, as stored: whose it is and its last sign of life."""

    id: int
    kind: str  # "shift" or "attempt"
    owner_id: int
    started_at: datetime
    alive_at: datetime
    alive_seconds: float


class WorkLog:
    """The tables behind the timer. The timekeeper decides; this only reads and writes rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # --- shifts ---------------------------------------------------------------------------------------------

    def open_shift(self) -> Shift | None:
        row = self._one(f"SELECT {_SHIFT_COLUMNS} FROM shifts AS h WHERE h.ended_at IS NULL ORDER BY h.id DESC")
        return None if row is None else _shift(row)

    def add_shift(self, started_at: datetime, automatic: bool) -> int:
        with self._db.transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO shifts (started_at, automatic) VALUES (?, ?)", (utc_iso(started_at), int(automatic))
            )
            return _row_id(cursor)

    def end_shift(self, shift_id: int, ended_at: datetime) -> None:
        with self._db.transaction() as connection:
            connection.execute("UPDATE shifts SET ended_at = ? WHERE id = ?", (utc_iso(ended_at), shift_id))

    def shifts_between(self, start: datetime, end: datetime) -> list[tuple[datetime, float]]:
        """Closed stretches of shifts that started in [start, end): (started_at, seconds) each."""
        rows = self._db.connection().execute(
            "SELECT started_at, seconds FROM stretches WHERE shift_id IS NOT NULL AND seconds IS NOT NULL "
            "AND started_at >= ? AND started_at < ? ORDER BY started_at",
            (utc_iso(start), utc_iso(end)),
        )
        return [(parse_utc_iso(started_at), seconds) for started_at, seconds in rows]

    # --- attempts -------------------------------------------------------------------------------------------

    def add_attempt(self, shift_id: int | None, new: NewAttempt, started_at: datetime) -> int:
        with self._db.transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO attempts (shift_id, platform, account, external_id, title, requester, reward_minor, "
                "reward_currency, time_limit_seconds, started_at, estimated_minutes) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    shift_id,
                    new.platform,
                    new.account,
                    new.external_id,
                    new.title,
                    new.requester,
                    new.reward.minor,
                    new.reward.currency,
                    new.time_limit_seconds,
                    utc_iso(started_at),
                    new.estimated_minutes,
                ),
            )
            attempt_id = _row_id(cursor)
            _event(connection, attempt_id, started_at, "taken")
            return attempt_id

    def end_attempt(
        self,
        attempt_id: int,
        outcome: Outcome,
        ended_at: datetime,
        paid: Money | None,
        completion_code: str | None = None,
    ) -> None:
        with self._db.transaction() as connection:
            connection.execute(
                "UPDATE attempts SET outcome = ?, ended_at = ?, paid_minor = ?, paid_currency = ?, "
                "completion_code = ? WHERE id = ?",
                (
                    outcome.value,
                    utc_iso(ended_at),
                    None if paid is None else paid.minor,
                    None if paid is None else paid.currency,
                    completion_code,
                    attempt_id,
                ),
            )
            _event(connection, attempt_id, ended_at, outcome.value)

    def attempt(self, attempt_id: int) -> Attempt:
        row = self._one(f"SELECT {_ATTEMPT_COLUMNS} FROM attempts AS a WHERE a.id = ?", (attempt_id,))
        if row is None:
            raise KeyError(f"no attempt {attempt_id}")
        return _attempt(row)

    def open_attempts(self) -> list[Attempt]:
        rows = self._db.connection().execute(
            f"SELECT {_ATTEMPT_COLUMNS} FROM attempts AS a WHERE a.outcome IS NULL ORDER BY a.id"
        )
        return [_attempt(row) for row in rows]

    def attempts_between(self, start: datetime, end: datetime) -> list[Attempt]:
        """Attempts taken in [start, end), oldest first."""
        rows = self._db.connection().execute(
            f"SELECT {_ATTEMPT_COLUMNS} FROM attempts AS a WHERE a.started_at >= ? AND a.started_at < ? "
            "ORDER BY a.started_at",
            (utc_iso(start), utc_iso(end)),
        )
        return [_attempt(row) for row in rows]

    def events(self, attempt_id: int) -> list[tuple[datetime, str]]:
        rows = self._db.connection().execute(
            "SELECT at, event FROM attempt_events WHERE attempt_id = ? ORDER BY id", (attempt_id,)
        )
        return [(parse_utc_iso(at), event) for at, event in rows]

    def record_event(self, attempt_id: int, at: datetime, event: str) -> None:
        with self._db.transaction() as connection:
            _event(connection, attempt_id, at, event)

    # --- stretches ------------------------------------------------------------------------------------------

    def open_stretch(self, kind: str, owner_id: int, started_at: datetime, event: str | None = None) -> int:
        """Start a stretch of a shift or an attempt; `event` is recorded with it in the attempt's history."""
        column = _owner_column(kind)
        with self._db.transaction() as connection:
            cursor = connection.execute(
                f"INSERT INTO stretches ({column}, started_at, alive_at) VALUES (?, ?, ?)",
                (owner_id, utc_iso(started_at), utc_iso(started_at)),
            )
            if event is not None:
                _event(connection, owner_id, started_at, event)
            return _row_id(cursor)

    def close_stretch(
        self, stretch_id: int, seconds: float, at: datetime, event: tuple[int, str] | None = None
    ) -> None:
        """End a stretch after `seconds` of it; `event` (attempt id, name) is recorded in the same transaction."""
        with self._db.transaction() as connection:
            connection.execute(
                "UPDATE stretches SET seconds = ?, alive_at = ?, alive_seconds = ? WHERE id = ?",
                (seconds, utc_iso(at), seconds, stretch_id),
            )
            if event is not None:
                _event(connection, event[0], at, event[1])

    def mark_alive(self, stretches: Iterable[tuple[int, float]], at: datetime) -> None:
        """Record that these open stretches had run so many seconds at `at`."""
        with self._db.transaction() as connection:
            connection.executemany(
                "UPDATE stretches SET alive_at = ?, alive_seconds = ? WHERE id = ? AND seconds IS NULL",
                [(utc_iso(at), seconds, stretch_id) for stretch_id, seconds in stretches],
            )

    def open_stretches(self) -> list[OpenStretch]:
        rows = self._db.connection().execute(
            "SELECT id, shift_id, attempt_id, started_at, alive_at, alive_seconds FROM stretches "
            "WHERE seconds IS NULL ORDER BY id"
        )
        return [
            OpenStretch(
                id=stretch_id,
                kind="shift" if shift_id is not None else "attempt",
                owner_id=shift_id if shift_id is not None else attempt_id,
                started_at=parse_utc_iso(started_at),
                alive_at=parse_utc_iso(alive_at),
                alive_seconds=alive_seconds,
            )
            for stretch_id, shift_id, attempt_id, started_at, alive_at, alive_seconds in rows
        ]

    # --- finished shifts and attempts as they travel between computers (replication) --------------------------

    def finished_sync_ids(self) -> tuple[list[str], list[str]]:
        """The sync ids of every finished shift and of every finished attempt: all that travels."""
        connection = self._db.connection()
        shifts = connection.execute("SELECT sync_id FROM shifts WHERE ended_at IS NOT NULL").fetchall()
        attempts = connection.execute("SELECT sync_id FROM attempts WHERE outcome IS NOT NULL").fetchall()
        return [sync_id for (sync_id,) in shifts], [sync_id for (sync_id,) in attempts]

    def shift_records(self, sync_ids: Sequence[str]) -> Iterator[ShiftRecord]:
        """The finished shifts among `sync_ids`, with their closed stretches."""
        for chunk in chunked(sync_ids):
            sql = (
                "SELECT id, sync_id, started_at, ended_at, automatic FROM shifts "
                f"WHERE sync_id IN ({question_marks(len(chunk))}) AND ended_at IS NOT NULL"
            )
            for shift_id, sync_id, started_at, ended_at, automatic in self._all(sql, chunk):
                yield ShiftRecord(
                    sync_id, started_at, ended_at, bool(automatic), self._stretches("shift", shift_id)
                )

    def attempt_records(self, sync_ids: Sequence[str]) -> Iterator[AttemptRecord]:
        """The finished attempts among `sync_ids`, each naming its shift by the shift's sync id."""
        for chunk in chunked(sync_ids):
            sql = (
                "SELECT a.id, a.sync_id, h.sync_id, a.platform, a.account, a.external_id, a.title, "
                "a.requester, a.reward_minor, a.reward_currency, a.time_limit_seconds, a.started_at, a.ended_at, "
                "a.outcome, a.paid_minor, a.paid_currency, a.estimated_minutes, a.completion_code "
                "FROM attempts AS a "
                "LEFT JOIN shifts AS h ON h.id = a.shift_id "
                f"WHERE a.sync_id IN ({question_marks(len(chunk))}) "
                "AND a.outcome IS NOT NULL AND a.ended_at IS NOT NULL"
            )
            for row in self._all(sql, chunk):
                (attempt_id, sync_id, shift, platform, account, external_id, title, requester, reward_minor,
                 reward_currency, limit, started_at, ended_at, outcome, paid_minor, paid_currency,
                 estimated, completion_code) = row  # fmt: skip
                yield AttemptRecord(
                    sync_id=sync_id,
                    shift=shift,
                    platform=platform,
                    account=account,
                    external_id=external_id,
                    title=title,
                    requester=requester,
                    reward=Money(reward_minor, reward_currency),
                    time_limit_seconds=limit,
                    started_at=started_at,
                    ended_at=ended_at,
                    outcome=Outcome(outcome),
                    paid=None if paid_minor is None else Money(paid_minor, paid_currency),
                    estimated_minutes=estimated,
                    stretches=self._stretches("attempt", attempt_id),
                    completion_code=completion_code,
                )

    def attempt_sync_ids(self, attempt_ids: Sequence[int]) -> dict[int, str]:
        """The sync ids of these attempts, by id."""
        found: dict[int, str] = {}
        for chunk in chunked(attempt_ids):
            found.update(
                self._db.connection().execute(
                    f"SELECT id, sync_id FROM attempts WHERE id IN ({question_marks(len(chunk))})", chunk
                )
            )
        return found

    def attempt_id(self, sync_id: str) -> int | None:
        row = self._one("SELECT id FROM attempts WHERE sync_id = ?", (sync_id,))
        return None if row is None else int(row[0])

    def shift_id(self, sync_id: str) -> int | None:
        row = self._one("SELECT id FROM shifts WHERE sync_id = ?", (sync_id,))
        return None if row is None else int(row[0])

    def put_shift(self, record: ShiftRecord) -> int:
        """Keep a shift finished on another computer as it is there (stretches included); returns its id here."""
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO shifts (sync_id, started_at, ended_at, automatic) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (sync_id) DO UPDATE SET started_at = excluded.started_at, "
                "ended_at = excluded.ended_at, automatic = excluded.automatic",
                (record.sync_id, record.started_at, record.ended_at, int(record.automatic)),
            )
            (shift_id,) = connection.execute(
                "SELECT id FROM shifts WHERE sync_id = ?", (record.sync_id,)
            ).fetchone()
            _replace_stretches(connection, "shift", shift_id, record.stretches)
            return int(shift_id)

    def put_attempt(self, record: AttemptRecord, shift_id: int | None) -> int:
        """Keep an attempt finished on another computer as it is there; `shift_id` is its shift here, when this
        computer has it (an attempt already in a shift keeps it otherwise). Returns the attempt's id here."""
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT INTO attempts (sync_id, shift_id, platform, account, external_id, title, requester, "
                "reward_minor, reward_currency, time_limit_seconds, started_at, ended_at, outcome, paid_minor, "
                "paid_currency, estimated_minutes, completion_code) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (sync_id) DO UPDATE SET shift_id = coalesce(excluded.shift_id, shift_id), "
                "platform = excluded.platform, account = excluded.account, external_id = excluded.external_id, "
                "title = excluded.title, requester = excluded.requester, reward_minor = excluded.reward_minor, "
                "reward_currency = excluded.reward_currency, time_limit_seconds = excluded.time_limit_seconds, "
                "started_at = excluded.started_at, ended_at = excluded.ended_at, outcome = excluded.outcome, "
                "paid_minor = excluded.paid_minor, paid_currency = excluded.paid_currency, "
                "estimated_minutes = excluded.estimated_minutes, completion_code = excluded.completion_code",
                (
                    record.sync_id,
                    shift_id,
                    record.platform,
                    record.account,
                    record.external_id,
                    record.title,
                    record.requester,
                    record.reward.minor,
                    record.reward.currency,
                    record.time_limit_seconds,
                    record.started_at,
                    record.ended_at,
                    record.outcome.value,
                    None if record.paid is None else record.paid.minor,
                    None if record.paid is None else record.paid.currency,
                    record.estimated_minutes,
                    record.completion_code,
                ),
            )
            (attempt_id,) = connection.execute(
                "SELECT id FROM attempts WHERE sync_id = ?", (record.sync_id,)
            ).fetchone()
            _replace_stretches(connection, "attempt", attempt_id, record.stretches)
            return int(attempt_id)

    def attach_to_shift(self, attempt_sync_ids: Sequence[str], shift_id: int) -> None:
        """Put these attempts, received before their shift, in it (attempts already in a shift stay there)."""
        with self._db.transaction() as connection:
            for chunk in chunked(attempt_sync_ids):
                connection.execute(
                    f"UPDATE attempts SET shift_id = ? WHERE shift_id IS NULL "
                    f"AND sync_id IN ({question_marks(len(chunk))})",
                    (shift_id, *chunk),
                )

    def _stretches(self, kind: str, owner_id: int) -> tuple[Stretch, ...]:
        rows = self._db.connection().execute(
            f"SELECT started_at, seconds FROM stretches WHERE {_owner_column(kind)} = ? AND seconds IS NOT NULL "
            "ORDER BY started_at, id",
            (owner_id,),
        )
        return tuple(Stretch(started_at, float(seconds)) for started_at, seconds in rows)

    def _all(self, sql: str, parameters: Sequence[object]) -> list[Any]:
        return self._db.connection().execute(sql, parameters).fetchall()

    def _one(self, sql: str, parameters: tuple[object, ...] = ()) -> Any:
        return self._db.connection().execute(sql, parameters).fetchone()


def _owner_column(kind: str) -> str:
    if kind not in ("shift", "attempt"):
        raise ValueError(f"a stretch belongs to a shift or an attempt, not {kind!r}")
    return f"{kind}_id"


def _replace_stretches(
    connection: sqlite3.Connection, kind: str, owner_id: int, stretches: Iterable[Stretch]
) -> None:
    column = _owner_column(kind)
    connection.execute(f"DELETE FROM stretches WHERE {column} = ?", (owner_id,))
    connection.executemany(
        f"INSERT INTO stretches ({column}, started_at, seconds, alive_at, alive_seconds) VALUES (?, ?, ?, ?, ?)",
        [
            (owner_id, stretch.started_at, stretch.seconds, stretch.started_at, stretch.seconds)
            for stretch in stretches
        ],
    )


def _row_id(cursor: sqlite3.Cursor) -> int:
    row_id = cursor.lastrowid
    if row_id is None:
        raise RuntimeError("SQLite gave no id for the new row")
    return row_id


def _event(connection: sqlite3.Connection, attempt_id: int, at: datetime, event: str) -> None:
    connection.execute(
        "INSERT INTO attempt_events (attempt_id, at, event) VALUES (?, ?, ?)", (attempt_id, utc_iso(at), event)
    )


def _shift(row: Any) -> Shift:
    shift_id, started_at, ended_at, automatic, seconds = row
    return Shift(
        id=shift_id,
        started_at=parse_utc_iso(started_at),
        ended_at=None if ended_at is None else parse_utc_iso(ended_at),
        seconds=seconds,
        automatic=bool(automatic),
    )


def _attempt(row: Any) -> Attempt:
    (
        attempt_id,
        shift_id,
        platform,
        account,
        external_id,
        title,
        requester,
        reward_minor,
        reward_currency,
        time_limit_seconds,
        started_at,
        ended_at,
        outcome,
        paid_minor,
        paid_currency,
        worked_seconds,
        working_since,
        estimated_minutes,
        completion_code,
    ) = row
    return Attempt(
        id=attempt_id,
        shift_id=shift_id,
        platform=platform,
        account=account,
        external_id=external_id,
        title=title,
        requester=requester,
        reward=Money(reward_minor, reward_currency),
        time_limit_seconds=time_limit_seconds,
        started_at=parse_utc_iso(started_at),
        worked_seconds=worked_seconds,
        working_since=None if working_since is None else parse_utc_iso(working_since),
        ended_at=None if ended_at is None else parse_utc_iso(ended_at),
        outcome=None if outcome is None else Outcome(outcome),
        paid=None if paid_minor is None else Money(paid_minor, paid_currency),
        estimated_minutes=estimated_minutes,
        completion_code=completion_code,
    )
