"""Time as an injectable dependency, so tests and the demo exchange can move it by hand."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class StopwatchClock(Clock, Protocol):
    """A clock that also measures durations.

    Durations come from `monotonic()`, which neither jumps when the system clock is set nor counts the time a
    suspended computer sleeps; wall time (`now()`) is only for the record.
    """

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; only differences mean anything."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


def utc_iso(moment: datetime) -> str:
    """The one text form of a time in the database: ISO 8601 in UTC with microseconds.

    A time without a zone is refused: guessing would store it shifted by the machine's offset.
    """
    if moment.tzinfo is None:
        raise ValueError(f"time without a zone: {moment.isoformat()}")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_utc_iso(text: str) -> datetime:
    """Read a time written by `utc_iso` (or any ISO 8601 text; a naive one is taken as UTC).

    Anything unreadable raises ValueError, including a time that exists only in another zone (year 1 ahead of
    UTC, year 9999 behind it), whose conversion would otherwise raise OverflowError.
    """
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError(f"{text!r} is outside the range of dates") from None
