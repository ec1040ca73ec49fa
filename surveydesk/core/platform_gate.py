"""The one rule every request to a platform obeys, whoever sends it (its poller, its earnings reconciliation):
one request at a time, a rest between two, and none before the wait the server asked for.

Polling and reconciliation each paced themselves, so together they asked twice as often as either, and the
demo's MTurk (a token bucket of one request per 2 s, as the real site limits) refused the first reconciliation
again and again. The gate is used on the GUI thread only: a caller asks it before handing a request to the pool
(`busy`, `free_from`), enters it, and leaves it when the answer is back, so no pool thread ever waits for it. A
caller that found it busy asks to be woken when it is left (`when_left`), and callers take turns: one that sent
the last request lets another that waits go first (`ready_at`), or a poll due at the very moment the platform's
rest ends would win every time and a reconciliation would never read its first page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final

from surveydesk.core.errors import PlatformError, RateLimited, Unavailable
from surveydesk.core.politeness import RATE_LIMIT_BUFFER

_LONG_AGO: Final = datetime.min.replace(tzinfo=UTC)
# How long the caller that sent the last request stands back while another waits for its turn.
TAKE_TURNS: Final = timedelta(milliseconds=500)


def no_rest(_platform: str) -> timedelta:
    return timedelta(0)


@dataclass(slots=True)
class _Lane:
    busy: bool = False
    free_from: datetime = _LONG_AGO
    waiting: list[Callable[[], None]] = field(default_factory=list)
    last: object = None  # who sent the last request
    wanting: set[int] = field(default_factory=set)  # id() of the callers that wait for their turn


class PlatformGate:
    """Per platform: whether a request is in flight, and when the next may go (`rest_of(platform)` after the
    last answer, and never before a 429's or a 503's `Retry-After` plus `RATE_LIMIT_BUFFER`)."""

    def __init__(self, rest_of: Callable[[str], timedelta] = no_rest) -> None:
        self._rest_of = rest_of
        self._lanes: dict[str, _Lane] = {}

    def busy(self, platform: str) -> bool:
        """A request to the platform is in flight: whoever else wants one looks again a little later."""
        return self._lane(platform).busy

    def free_from(self, platform: str) -> datetime:
        """The earliest moment the next request to the platform may go (long ago when nothing holds it back)."""
        return self._lane(platform).free_from

    def ready_at(self, platform: str, caller: object, now: datetime) -> datetime:
        """When `caller` may send its next request: once the platform rested and its server's wait is over, and
        `TAKE_TURNS` later if `caller` sent the last request while another waits. A moment after `now` counts
        `caller` as waiting for its turn."""
        lane = self._lane(platform)
        moment = lane.free_from
        if lane.last is caller and lane.wanting - {id(caller)}:
            moment += TAKE_TURNS
        if moment > now:
            lane.wanting.add(id(caller))
        return moment

    def enter(self, platform: str, caller: object) -> None:
        """`caller` hands a request to the platform to the pool now; its answer must `leave`."""
        lane = self._lane(platform)
        if lane.busy:
            raise RuntimeError(f"a request to {platform} is already in flight")
        lane.busy, lane.last = True, caller
        lane.wanting.discard(id(caller))

    def when_left(self, platform: str, caller: object, wake: Callable[[], None]) -> None:
        """Call `wake` once, when the request in flight to the platform is answered (a caller that found the
        gate busy, and now waits for its turn: `wake` should only start its timer, since the gate calls it from
        inside `leave`)."""
        lane = self._lane(platform)
        lane.waiting.append(wake)
        lane.wanting.add(id(caller))

    def leave(self, platform: str, now: datetime, error: PlatformError | None = None) -> None:
        """The answer came back at `now` (or the request failed with `error`): the platform rests, and waits
        as long as its server asked; whoever waited for it is woken."""
        lane = self._lane(platform)
        lane.busy = False
        lane.free_from = now + self._rest_of(platform)
        retry_at = error.retry_at if isinstance(error, (RateLimited, Unavailable)) else None
        if retry_at is not None:
            lane.free_from = max(lane.free_from, retry_at + RATE_LIMIT_BUFFER)
        waiting, lane.waiting = lane.waiting, []
        for wake in waiting:
            wake()

    def _lane(self, platform: str) -> _Lane:
        return self._lanes.setdefault(platform, _Lane())
