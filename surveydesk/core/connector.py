"""The protocol every platform connector follows, so the poller treats all platforms alike."""

from __future__ import annotations

from typing import Protocol

from surveydesk.core.model import AccountKey, Task
from surveydesk.core.take import TakeResult


class Connector(Protocol):
    """Fetches what one account on one platform currently offers, and takes a task when the worker clicks.

    Implementations raise only `surveydesk.core.errors.PlatformError` subclasses for anything the platform
    does; every other exception is a bug.
    """

    @property
    def account(self) -> AccountKey: ...

    def fetch_tasks(self) -> list[Task]:
        """Every task currently available to the account.

        Seen-times on the returned tasks are provisional (a connector may hand back the same Task object for
        an offer that did not change); the store gives each task its real `first_seen` and `last_seen`.
        """
        ...

    def take(self, task: Task) -> TakeResult:
        """Take `task` for the worker (reserve it, accept it, or just give its page): only ever on their click."""
        ...
