"""Taking a task on the worker's click: what came of it, and the platform's "no" as an error of its own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from surveydesk.core.errors import PlatformError
from surveydesk.core.model import AccountKey, Task


@dataclass(frozen=True, slots=True)
class TakeResult:
    """A task taken: the page the worker's browser should open next, and what happened, in words."""

    opened_url: str  # the page to open in the browser
    message: str  # what happened, in words


class TakeRefused(PlatformError):
    """The platform said no to this task (full, already taken, not qualified, none left), with its reason.

    Unlike the other platform errors it says nothing about the account: the next poll goes ahead as planned.
    """

    kind = "refused"


@runtime_checkable
class Taker(Protocol):
    """Takes one task of its account, and only ever because the worker clicked to take it: polling never does.

    `take` sends at most what the platform needs to give the worker the task (a reservation, an accept) and
    raises only `PlatformError` subclasses: `AuthExpired`, `RateLimited`, `Unavailable`, `BadPayload` or
    `TakeRefused`. It blocks on the network, so it belongs on a worker thread, as polls do.
    """

    def take(self, task: Task) -> TakeResult: ...


def check_owner(task: Task, account: AccountKey) -> None:
    """Refuse a task of another account: taking it with this account's login would go to the wrong place."""
    if task.account_key != account:
        raise ValueError(f"a task of {task.account_key} cannot be taken with the account {account}")
