"""How often one account may be asked for tasks: a minimum interval, back-off after errors, the server's hint."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from surveydesk.core.errors import AuthExpired, PlatformError, RateLimited, Unavailable

# Added to a server's "come back in N seconds", as prolific-pulse does, so we never arrive a moment early.
RATE_LIMIT_BUFFER = timedelta(seconds=5)
# Up to this share is added at random to a back-off, so many clients failing at once do not return at once.
JITTER_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Cadence:
    """How often a platform may be polled: a floor the worker cannot go below, and the default interval."""

    floor: timedelta
    default: timedelta

    def interval(self, wanted: timedelta | None) -> timedelta:
        """The worker's interval if they set one, never below the floor."""
        return self.default if wanted is None else max(self.floor, wanted)


# A platform's own cadence is in its spec (surveydesk/platforms/<platform>/); this is for any other.
DEFAULT_CADENCE = Cadence(timedelta(seconds=60), timedelta(seconds=60))


@dataclass(slots=True)
class Politeness:
    """Decides when the next request to one account may go out; one object per account, so tests build fresh ones.

    After a success the next poll waits `min_interval`. After an error it waits twice as long for each error in a
    row, up to `max_backoff`, plus a random share of up to `JITTER_SHARE`; a rate limit waits at least until the
    server's `retry_at`; an expired login waits `max_backoff`, since asking again cannot help until the worker
    signs in (which calls `reset`).
    """

    min_interval: timedelta
    max_backoff: timedelta = timedelta(minutes=30)
    jitter: Callable[[], float] = random.random  # 0..1; tests pass a fixed one
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
        backoff = min(self.min_interval * (1 << doublings), self.max_backoff)
        backed_off = now + backoff * (1 + JITTER_SHARE * self.jitter())
        if isinstance(error, Unavailable) and error.retry_at is not None:  # a 503 that names its wait
            return max(backed_off, error.retry_at + RATE_LIMIT_BUFFER)
        return backed_off

    def reset(self) -> None:
        self.failures = 0
