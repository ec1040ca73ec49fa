"""The task table: each poll merged into what is stored, cheaply enough to run on every poll of every account."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.model import AccountKey, MergeResult, Task
from surveydesk.core.money import Money
from surveydesk.store.database import Database

# What the store holds of one present task: the task as last merged, its offer fingerprint, and first_seen.
# Connectors hand back the very same object for an offer that did not change, so most of a poll is told
# unchanged by identity alone.
_Entry = tuple[Task, tuple[object, ...], datetime]

_INSERT = """
    INSERT INTO tasks (
        platform, account, external_id, title, description, requester_id, requester_name, reward_minor,
        reward_currency, estimated_minutes, places_left, time_allowed_minutes, url, devices, published_at,
        first_seen, last_seen, gone_at
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
"""
# A changed offer is rewritten, first_seen kept. `gone_at` is left out of the SET on purpose: naming an
# indexed column makes SQLite rewrite the index entry of every row, which doubles the cost of a busy poll.
_UPDATE = """
    UPDATE tasks SET title = ?, description = ?, requester_id = ?, requester_name = ?, reward_minor = ?,
        reward_currency = ?, estimated_minutes = ?, places_left = ?, time_allowed_minutes = ?, url = ?,
        devices = ?, published_at = ?, last_seen = ?
    WHERE platform = ? AND account = ? AND external_id = ?
"""
_REVIVE = "UPDATE tasks SET gone_at = NULL WHERE platform = ? AND account = ? AND external_id = ?"
_MARK_GONE = """
    UPDATE tasks SET gone_at = ?, last_seen = ?
    WHERE platform = ? AND account = ? AND external_id = ? AND gone_at IS NULL
"""
_RECORD_POLL = """
    INSERT INTO account_polls (platform, account, last_poll) VALUES (?, ?, ?)
    ON CONFLICT (platform, account) DO UPDATE SET last_poll = excluded.last_poll
"""
_LAST_POLL = "SELECT last_poll FROM account_polls WHERE platform = ? AND account = ?"
_COUNT_PRESENT = "SELECT count(*) FROM tasks WHERE platform = ? AND account = ? AND gone_at IS NULL"
# A present task was last seen at its account's last poll (or when its row was last written, if later).
_PRESENT = """
    SELECT t.platform, t.account, t.external_id, t.title, t.description, t.requester_id, t.requester_name,
           t.reward_minor, t.reward_currency, t.estimated_minutes, t.places_left, t.time_allowed_minutes,
           t.url, t.devices, t.published_at, t.first_seen, max(t.last_seen, coalesce(p.last_poll, ''))
    FROM tasks AS t LEFT JOIN account_polls AS p ON p.platform = t.platform AND p.account = t.account
    WHERE t.gone_at IS NULL {account_filter}
    ORDER BY t.first_seen, t.platform, t.account, t.external_id
"""
_PRESENT_OF_ALL = _PRESENT.format(account_filter="")
_PRESENT_OF_ACCOUNT = _PRESENT.format(account_filter="AND t.platform = ? AND t.account = ?")
_OWNER = attrgetter("platform", "account")
_EXTERNAL_ID = attrgetter("external_id")
# SQLite allows 999 parameters in a statement on older builds; two are the account.
_LOOKUP_CHUNK = 900


@dataclass(slots=True)
class _AccountState:
    """The cache of one account: its present tasks and when it was last polled."""

    present: dict[str, _Entry] = field(default_factory=dict)
    last_poll: datetime | None = None


class TaskStore:
    """Stored tasks of every account, merged poll by poll.

    Merging runs on the polling workers, once per poll, so its cost must follow what changed, not how many
    tasks there are. A per-account cache of what is present lets a merge find changes without reading the
    table. What a worker would miss after a restart is written: new tasks, changed offers, tasks gone and
    back. Places left change on nearly every poll of a busy platform and are stale within seconds anyway,
    so a change of places alone is reported to the UI but written only with the next change of the offer;
    "seen again" is one row per account (`account_polls`), not a rewrite of every task.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()  # guards `_accounts`; merges of different accounts run concurrently
        self._accounts: dict[AccountKey, _AccountState] = {}

    def merge(self, account: AccountKey, tasks: Sequence[Task], seen_at: datetime) -> MergeResult:
        """Store what `account` offers as of `seen_at` and say what appeared, changed and disappeared.

        A task that was never stored, or had gone and came back, is new; a present one whose offer or places
        left changed is updated; a present one missing from `tasks` is gone. A task keeps the `first_seen` it
        was first stored with, however often it changes, goes or returns. If `tasks` repeats an id, the last
        one wins. Merges of one account must not run concurrently; merges of different accounts may.
        """
        if seen_at.tzinfo is None:
            raise ValueError(f"seen_at must be timezone-aware, not {seen_at!r}")
        seen_at = seen_at.astimezone(UTC)
        seen_text = utc_iso(seen_at)
        latest = _latest_by_id(account, tasks)
        keys = _account_params(account)
        new: list[Task] = []
        updated: list[Task] = []
        with self._db.transaction() as connection:
            before = self._state(account, connection)
            known = before.present
            returning = _first_seen_of(connection, account, [i for i in latest if i not in known])
            inserts: list[tuple[object, ...]] = []
            updates: list[tuple[object, ...]] = []
            after = _AccountState(known.copy(), seen_at)  # then changed below: most of a poll is unchanged
            present = after.present
            for external_id, task in latest.items():
                entry = known.get(external_id)
                if entry is not None and entry[0] is task:
                    continue
                if entry is None:
                    first_seen = returning.get(external_id, seen_at)
                    new.append(task.seen(first_seen, seen_at))
                    if external_id in returning:
                        updates.append(_update_row(task, seen_text))
                    else:
                        inserts.append(_insert_row(task, seen_text))
                    present[external_id] = (task, task.offer_fingerprint(), first_seen)
                else:
                    last, offer, first_seen = entry
                    fingerprint = task.offer_fingerprint()
                    if fingerprint != offer:
                        updated.append(task.seen(first_seen, seen_at))
                        updates.append(_update_row(task, seen_text))
                    elif last.places_left != task.places_left:
                        updated.append(task.seen(first_seen, seen_at))
                    present[external_id] = (task, fingerprint, first_seen)
            gone = [external_id for external_id in known if external_id not in latest]
            for external_id in gone:
                del present[external_id]
            last_seen_of_gone = seen_text if before.last_poll is None else utc_iso(before.last_poll)
            connection.executemany(_INSERT, inserts)
            connection.executemany(_UPDATE, updates)
            connection.executemany(_REVIVE, [(*keys, external_id) for external_id in returning])
            connection.executemany(
                _MARK_GONE, [(seen_text, last_seen_of_gone, *keys, external_id) for external_id in gone]
            )
            connection.execute(_RECORD_POLL, (*keys, seen_text))
        with self._lock:
            self._accounts[account] = after
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

    def _state(self, account: AccountKey, connection: sqlite3.Connection) -> _AccountState:
        """The account's cache, or one read from the tables inside the caller's transaction.

        The count of present rows is checked on every merge (an index-only count): rows deleted behind the
        cache's back, by `AccountStore.remove` or another process, would otherwise never be written again.
        """
        keys = _account_params(account)
        with self._lock:
            cached = self._accounts.get(account)
        if cached is not None:
            (count,) = connection.execute(_COUNT_PRESENT, keys).fetchone()
            if count == len(cached.present):
                return cached
        last_poll = connection.execute(_LAST_POLL, keys).fetchone()
        return _AccountState(
            present={
                task.external_id: (task, task.offer_fingerprint(), task.first_seen)
                for task in self.current_tasks(account)
            },
            last_poll=None if last_poll is None else parse_utc_iso(last_poll[0]),
        )


def _account_params(account: AccountKey) -> tuple[str, str]:
    return (account.platform, account.account)


def _latest_by_id(account: AccountKey, tasks: Sequence[Task]) -> dict[str, Task]:
    """The tasks by external id, the last of any repeated id winning; refuses tasks of another account."""
    owners = set(map(_OWNER, tasks))  # made in C, as the dict below: no Python step per task
    owners.discard((account.platform, account.account))
    if owners:
        stranger = next(task for task in tasks if _OWNER(task) in owners)
        raise ValueError(f"task {'/'.join(stranger.key)} does not belong to account {account}")
    return dict(zip(map(_EXTERNAL_ID, tasks), tasks, strict=True))


def _first_seen_of(
    connection: sqlite3.Connection, account: AccountKey, external_ids: Sequence[str]
) -> dict[str, datetime]:
    """When each of these tasks was first stored, for those stored before (tasks that went and came back)."""
    found: dict[str, datetime] = {}
    for start in range(0, len(external_ids), _LOOKUP_CHUNK):
        chunk = external_ids[start : start + _LOOKUP_CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT external_id, first_seen FROM tasks WHERE platform = ? AND account = ? "
            f"AND external_id IN ({marks})",
            (*_account_params(account), *chunk),
        )
        found.update((external_id, parse_utc_iso(first_seen)) for external_id, first_seen in rows)
    return found


def _offer(task: Task) -> tuple[object, ...]:
    return (
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
    )


def _insert_row(task: Task, seen_text: str) -> tuple[object, ...]:
    return (task.platform, task.account, task.external_id, *_offer(task), seen_text, seen_text)


def _update_row(task: Task, seen_text: str) -> tuple[object, ...]:
    return (*_offer(task), seen_text, task.platform, task.account, task.external_id)


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
