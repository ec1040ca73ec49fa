"""Builders for domain objects in tests: a task with sensible defaults, overridable field by field."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import keyring.backend
import keyring.errors

from surveydesk.core.model import AccountKey, MergeResult, Task
from surveydesk.core.money import Money

T0 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
ACCOUNT = AccountKey("prolific", "demo")


class FixedClock:
    """A clock that stands still until the test moves it: `advance` moves wall time and the stopwatch together,
    `set_wall` moves only the wall clock (as a worker setting the system clock would)."""

    def __init__(self, moment: datetime = T0) -> None:
        self.moment = moment
        self.ticks = 5000.0

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return self.ticks

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)
        self.ticks += seconds

    def set_wall(self, moment: datetime) -> None:
        self.moment = moment


def make_task(external_id: str, **fields: Any) -> Task:
    base = Task(
        platform=ACCOUNT.platform,
        account=ACCOUNT.account,
        external_id=external_id,
        title=f"Study {external_id}",
        reward=Money(150, "GBP"),
        first_seen=T0,
        last_seen=T0,
        requester_name="Oxford Behavioural Lab",
        estimated_minutes=10,
        places_left=20,
    )
    return replace(base, **fields)


def merge(new: Sequence[Task] = (), updated: Sequence[Task] = (), gone: Sequence[str] = ()) -> MergeResult:
    return MergeResult(
        account=ACCOUNT,
        new=tuple(new),
        updated=tuple(updated),
        gone=tuple((ACCOUNT.platform, ACCOUNT.account, external_id) for external_id in gone),
        seen_at=T0,
    )


class DictKeyring(keyring.backend.KeyringBackend):
    """A keyring held in a dict: keyring ships no in-memory backend."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError(username)
        del self.entries[(service, username)]
