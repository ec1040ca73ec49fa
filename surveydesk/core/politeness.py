"""How often one account may be asked for tasks: a minimum interval, back-off after errors, the server's hint."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from surveydesk.core.errors import AuthExpired, PlatformError, RateLimited

# Added to a server's "come back in N seconds", as prolific-pulse does, so we never arrive a moment early.
RATE_LIMIT_BUFFER = timedelta(seconds=5)


@dataclass(slots=True)
class Politeness:
    """Decides when the next request to one account may go out; one object per account, so tests build fresh ones.

    After a success the next poll waits `min_interval`. After an error it waits twice as long for each error in a
    row, up to `max_backoff`; a rate limit waits at least until the server's `retry_at`; an expired login waits
    `max_backoff`, since asking again cannot help until the worker signs in (which calls `reset`).
    """

    min_interval: timedelta
    max_backoff: timedelta = timedelta(minutes=30)
    failures: int = field(default=0, init=False)

    def after_success(self, now: datetime) -> datetime:
        self.failures = 0
        return now + self.min_interval

    def after_error(self, now: datetime, error: PlatformError) -> datetime:
        self.failures += 1
        if isinstance(error, AuthExpired):
            return now + self.max_backoff
        if isinstance(error, RateLimited):
            return max(error.retry_at + RATE_LIMIT_BUFFER, now + self.min_interval)
        doublings = min(self.failures, 16)  # enough to pass any max_backoff, small enough never to overflow
        return now + min(self.min_interval * (1 << doublings), self.max_backoff)

    def reset(self) -> None:
        self.failures = 0
