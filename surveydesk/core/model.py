"""The domain model shared by connectors, the store, the poller and the UI."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import TypeVar, dataclass_transform

from surveydesk.core.money import Money


@dataclass(frozen=True, slots=True)
class AccountKey:
    """Which account of which platform a task or a status belongs to."""

    platform: str
    account: str

    def __str__(self) -> str:
        return f"{self.platform}/{self.account}"


@dataclass(frozen=True, slots=True)
class Account:
    """One worker account on one platform; its secret lives in the keyring under `key`.

    `options` are the platform's settings that are not secret (a BitLabs user id, a CPX app id, a currency).
    """

    key: AccountKey
    label: str
    base_url: str
    enabled: bool = True
    options: Mapping[str, str] = field(default_factory=dict)


_Value = TypeVar("_Value")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def _hot_value(cls: type[_Value]) -> type[_Value]:
    """A frozen dataclass to the type checker, built without the frozen guard at run time.

    A frozen dataclass's `__init__` sets every field through `object.__setattr__`, which makes it 8× slower to
    build (1.1 µs against 0.13 µs for a Task). Tasks are built and copied for most studies of every poll, so
    the class that is made and copied in bulk drops the guard; the type checker still refuses any assignment
    to a field, and the rest of the code treats the objects as immutable, which they must stay: one Task is
    shared by the polling threads and the GUI thread. With the guard, bench/poll_pipeline.py's 1,000-study ratio
    went from 1.20 to 1.40 (medians of 5 interleaved runs; the 5 × 200 one moved within its noise).
    """
    return dataclass(slots=True, unsafe_hash=True)(cls)


@_hot_value
class Task:
    """A paid task offered to the worker by one platform, as last seen."""

    platform: str
    account: str
    external_id: str
    title: str
    reward: Money
    first_seen: datetime
    last_seen: datetime
    description: str = ""
    requester_id: str = ""
    requester_name: str = ""
    estimated_minutes: int | None = None
    places_left: int | None = None
    time_allowed_minutes: int | None = None
    url: str = ""
    devices: tuple[str, ...] = field(default=())
    published_at: datetime | None = None
    # `offer_fingerprint`, made once and handed on to copies of the same offer (`_copy`): a change of places
    # alone, most of a poll, is then told the same offer by the checker, the store and the task list by the
    # identity of one tuple, not by building and comparing two at each (five builds per task changed): with the
    # builds, bench/poll_pipeline.py's 5 × 200 ratio was 1.53 against 1.46 (medians of 4 interleaved runs). The
    # one field set after a task is made: a cache of what the others hold, never compared, hashed or shown.
    _fingerprint: tuple[object, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def account_key(self) -> AccountKey:
        return AccountKey(self.platform, self.account)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.platform, self.account, self.external_id)

    @property
    def reward_per_hour(self) -> Money | None:
        return self.reward.per_hour(self.estimated_minutes)

    def seen(self, first_seen: datetime, last_seen: datetime) -> Task:
        """The same offer with the store's seen-times."""
        return self._copy(first_seen, last_seen, self.places_left)

    def with_places_left(self, places_left: int | None) -> Task:
        """The same offer after some places were taken (the change a poll sees most)."""
        return self._copy(self.first_seen, self.last_seen, places_left)

    def _copy(self, first_seen: datetime, last_seen: datetime, places_left: int | None) -> Task:
        # Written out because `dataclasses.replace` is 4× slower and this runs for most tasks of every poll: with
        # it, bench/poll_pipeline.py's 1,000-study ratio went from 1.23 to 1.57 (medians of 5 interleaved runs).
        copy = Task(
            self.platform,
            self.account,
            self.external_id,
            self.title,
            self.reward,
            first_seen,
            last_seen,
            self.description,
            self.requester_id,
            self.requester_name,
            self.estimated_minutes,
            places_left,
            self.time_allowed_minutes,
            self.url,
            self.devices,
            self.published_at,
        )
        object.__setattr__(copy, "_fingerprint", self._fingerprint)
        return copy

    def offer_fingerprint(self) -> tuple[object, ...]:
        """What the platform offers, to tell when it changed; seen-times are ours, and places left is a live
        figure that changes on nearly every poll, so both are left out."""
        fingerprint = self._fingerprint
        if fingerprint is None:  # two threads may both make it: equal tuples, either one kept
            fingerprint = self._offer()
            object.__setattr__(self, "_fingerprint", fingerprint)
        return fingerprint

    def _offer(self) -> tuple[object, ...]:
        return (
            self.title,
            self.reward,
            self.description,
            self.requester_id,
            self.requester_name,
            self.estimated_minutes,
            self.time_allowed_minutes,
            self.url,
            self.devices,
            self.published_at,
        )

    def same_offer(self, other: Task) -> bool:
        """Whether the other task offers the same (places left and seen-times aside)."""
        mine, theirs = self.offer_fingerprint(), other.offer_fingerprint()
        return mine is theirs or mine == theirs


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What one poll changed for one account: tasks that appeared, changed, and disappeared."""

    account: AccountKey
    new: tuple[Task, ...]
    updated: tuple[Task, ...]
    gone: tuple[tuple[str, str, str], ...]
    seen_at: datetime

    @property
    def total_changes(self) -> int:
        return len(self.new) + len(self.updated) + len(self.gone)


class PollState(Enum):
    WAITING = "waiting"
    POLLING = "polling"
    OK = "ok"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class PlatformStatus:
    """What the worker sees about one account's polling: how it went and when it runs next."""

    account: AccountKey
    label: str
    state: PollState
    message: str = ""
    error_kind: str = ""
    last_success: datetime | None = None
    next_poll: datetime | None = None
    task_count: int = 0
