"""The task table: each poll merged into what is stored, cheaply enough to run on every poll of every account."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.model import AccountKey, MergeResult, Task
from surveydesk.core.money import Money
from surveydesk.store.database import Database

# external_id -> (offer fingerprint, first_seen) of every task of one account that is not gone.
_Present = dict[str, tuple[tuple[object, ...], datetime]]

# `first_seen` is written only when the row is inserted, which happens only for a brand-new task, so every
# upserted row passes `seen_at` for it; a returning or updated task keeps the first_seen already stored.
_UPSERT = """
    INSERT INTO tasks (
        platform, account, external_id, title, description, requester_id, requester_name,
        reward_minor, reward_currency, estimated_minutes, places_left, time_allowed_minutes,
        url, devices, published_at, first_seen, last_seen, gone_at
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
    ON CONFLICT (platform, account, external_id) DO UPDATE SET
        title = excluded.title,
        description = excluded.description,
        requester_id = excluded.requester_id,
        requester_name = excluded.requester_name,
        reward_minor = excluded.reward_minor,
        reward_currency = excluded.reward_currency,
        estimated_minutes = excluded.estimated_minutes,
        places_left = excluded.places_left,
        time_allowed_minutes = excluded.time_allowed_minutes,
        url = excluded.url,
        devices = excluded.devices,
        published_at = excluded.published_at,
        last_seen = excluded.last_seen,
        gone_at = NULL
"""
_MARK_GONE = """
    UPDATE tasks SET gone_at = ? WHERE platform = ? AND account = ? AND external_id = ? AND gone_at IS NULL
"""
_TOUCH_PRESENT = "UPDATE tasks SET last_seen = ? WHERE platform = ? AND account = ? AND gone_at IS NULL"
_COUNT_PRESENT = "SELECT count(*) FROM tasks WHERE platform = ? AND account = ? AND gone_at IS NULL"
_FIRST_SEEN = "SELECT first_seen FROM tasks WHERE platform = ? AND account = ? AND external_id = ?"
_PRESENT_OF_ACCOUNT = """
    SELECT platform, account, external_id, title, description, requester_id, requester_name,
           reward_minor, reward_currency, estimated_minutes, places_left, time_allowed_minutes,
           url, devices, published_at, first_seen, last_seen
    FROM tasks WHERE platform = ? AND account = ? AND gone_at IS NULL
    ORDER BY first_seen, external_id
"""
_PRESENT_OF_ALL = """
    SELECT platform, account, external_id, title, description, requester_id, requester_name,
           reward_minor, reward_currency, estimated_minutes, places_left, time_allowed_minutes,
           url, devices, published_at, first_seen, last_seen
    FROM tasks WHERE gone_at IS NULL
    ORDER BY first_seen, platform, account, external_id
"""


class TaskStore:
    """Stored tasks of every account, merged poll by poll.

    Merging runs on the polling workers, once per poll, so it must cost next to nothing when nothing changed.
    A per-account cache of what is present (fingerprint and first_seen per task) lets a merge find changes
    without reading the table, and write only what changed plus one `UPDATE` for every `last_seen`.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()  # guards `_present`; merges of different accounts run concurrently
        self._present: dict[AccountKey, _Present] = {}

    def merge(self, account: AccountKey, tasks: Sequence[Task], seen_at: datetime) -> MergeResult:
        """Store what `account` offers as of `seen_at` and say what appeared, changed and disappeared.

        A task that was never stored, or had gone and came back, is new; a present one whose offer changed is
        updated; a present one missing from `tasks` is gone. A task keeps the `first_seen` it was first stored
        with, however often it changes, goes or returns. If `tasks` repeats an id, the last one wins.
        Merges of one account must not run concurrently; merges of different accounts may.
        """
        if seen_at.tzinfo is None:
            raise ValueError(f"seen_at must be timezone-aware, not {seen_at!r}")
        seen_at = seen_at.astimezone(UTC)
        seen_text = utc_iso(seen_at)
        latest = _latest_by_id(account, tasks)
        present: _Present = {}
        new: list[Task] = []
        updated: list[Task] = []
        with self._db.transaction() as connection:
            known = self._known(account)
            for external_id, task in latest.items():
                fingerprint = task.offer_fingerprint()
                entry = known.get(external_id)
                if entry is None:
                    row = connection.execute(_FIRST_SEEN, (*_account_params(account), external_id)).fetchone()
                    first_seen = seen_at if row is None else parse_utc_iso(row[0])
                    new.append(replace(task, first_seen=first_seen, last_seen=seen_at))
                else:
                    first_seen = entry[1]
                    if entry[0] != fingerprint:
                        updated.append(replace(task, first_seen=first_seen, last_seen=seen_at))
                present[external_id] = (fingerprint, first_seen)
            gone = [external_id for external_id in known if external_id not in latest]
            connection.executemany(_UPSERT, [_row(task, seen_text) for task in (*new, *updated)])
            connection.executemany(
                _MARK_GONE, [(seen_text, *_account_params(account), external_id) for external_id in gone]
            )
            connection.execute(_TOUCH_PRESENT, (seen_text, *_account_params(account)))
        with self._lock:
            self._present[account] = present
        return MergeResult(
            account=account,
            new=tuple(new),
            updated=tuple(updated),
            gone=tuple((account.platform, account.account, external_id) for external_id in gone),
            seen_at=seen_at,
        )

    def current_tasks(self, account: AccountKey | None = None) -> list[Task]:
        """The tasks not gone, of one account or of all, oldest `first_seen` first."""
        connection = self._db.connection()
        if account is None:
            rows = connection.execute(_PRESENT_OF_ALL)
        else:
            rows = connection.execute(_PRESENT_OF_ACCOUNT, _account_params(account))
        return [_task_from_row(row) for row in rows]

    def _known(self, account: AccountKey) -> _Present:
        """The account's present tasks: cached, or read from the table inside the caller's transaction.

        The count of present rows is checked on every merge (an index-only count): rows deleted behind the
        cache's back, by `AccountStore.remove` or another process, would otherwise never be written again.
        """
        with self._lock:
            cached = self._present.get(account)
        connection = self._db.connection()
        if cached is not None:
            (count,) = connection.execute(_COUNT_PRESENT, _account_params(account)).fetchone()
            if count == len(cached):
                return cached
        return {
            task.external_id: (task.offer_fingerprint(), task.first_seen) for task in self.current_tasks(account)
        }


def _account_params(account: AccountKey) -> tuple[str, str]:
    return (account.platform, account.account)


def _latest_by_id(account: AccountKey, tasks: Sequence[Task]) -> dict[str, Task]:
    """The tasks by external id, the last of any repeated id winning; refuses tasks of another account."""
    latest: dict[str, Task] = {}
    for task in tasks:
        if task.platform != account.platform or task.account != account.account:
            raise ValueError(f"task {'/'.join(task.key)} does not belong to account {account}")
        latest[task.external_id] = task
    return latest


def _row(task: Task, seen_text: str) -> tuple[object, ...]:
    return (
        task.platform,
        task.account,
        task.external_id,
        task.title,
        task.description,
        task.requester_id,
        task.requester_name,
        task.reward.minor,
        task.reward.currency,
        task.estimated_minutes,
        task.places_left,
        task.time_allowed_minutes,
        task.url,
        ",".join(task.devices),
        None if task.published_at is None else utc_iso(task.published_at),
        seen_text,
        seen_text,
    )


def _task_from_row(row: Any) -> Task:
    (
        platform,
        account,
        external_id,
        title,
        description,
        requester_id,
        requester_name,
        reward_minor,
        reward_currency,
        estimated_minutes,
        places_left,
        time_allowed_minutes,
        url,
        devices,
        published_at,
        first_seen,
        last_seen,
    ) = row
    return Task(
        platform=platform,
        account=account,
        external_id=external_id,
        title=title,
        reward=Money(reward_minor, reward_currency),
        first_seen=parse_utc_iso(first_seen),
        last_seen=parse_utc_iso(last_seen),
        description=description,
        requester_id=requester_id,
        requester_name=requester_name,
        estimated_minutes=estimated_minutes,
        places_left=places_left,
        time_allowed_minutes=time_allowed_minutes,
        url=url,
        devices=tuple(devices.split(",")) if devices else (),
        published_at=None if published_at is None else parse_utc_iso(published_at),
    )
