"""The platforms' gate: one request at a time, a rest after each, the server's wait, and turns taken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from surveydesk.core.errors import RateLimited, Unavailable
from surveydesk.core.platform_gate import TAKE_TURNS, PlatformGate
from surveydesk.core.politeness import RATE_LIMIT_BUFFER

MTURK = "mturk"


def test_the_gate_lets_one_request_in_and_rests_the_platform_after_it() -> None:
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    gate = PlatformGate(lambda platform: timedelta(seconds=2 if platform == "mturk" else 20))
    poller, reconciliation = object(), object()
    gate.enter("mturk", poller)
    assert gate.busy("mturk") and not gate.busy("prolific")
    with pytest.raises(RuntimeError):
        gate.enter("mturk", reconciliation)
    gate.leave("mturk", now)
    assert not gate.busy("mturk") and gate.free_from("mturk") == now + timedelta(seconds=2)
    gate.enter("mturk", poller)
    gate.leave("mturk", now, RateLimited("mturk", "slow down", now + timedelta(seconds=30)))
    assert gate.free_from("mturk") == now + timedelta(seconds=30) + RATE_LIMIT_BUFFER
    gate.enter("prolific", poller)
    gate.leave("prolific", now, Unavailable("prolific", "in trouble", retry_at=now + timedelta(seconds=5)))
    assert gate.free_from("prolific") == now + timedelta(seconds=20)  # its rest is longer than the wait


def test_callers_take_turns_when_both_are_due_as_the_platform_s_rest_ends() -> None:
    """The poll due as MTurk's rest ended won every time, and a first reconciliation never read a page."""
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    gate = PlatformGate(lambda _platform: timedelta(seconds=1))
    poller, reconciliation = object(), object()
    gate.enter(MTURK, poller)
    gate.when_left(MTURK, reconciliation, lambda: None)  # the page found the poll in flight
    gate.leave(MTURK, now)
    rested = now + timedelta(seconds=1)
    assert gate.ready_at(MTURK, reconciliation, now) == rested
    assert gate.ready_at(MTURK, poller, now) == rested + TAKE_TURNS  # the page goes first
    gate.enter(MTURK, reconciliation)
    gate.leave(MTURK, rested)
    assert gate.ready_at(MTURK, poller, rested) == rested + timedelta(seconds=1)  # and then the poll
    assert gate.ready_at(MTURK, reconciliation, rested) == rested + timedelta(seconds=1) + TAKE_TURNS
