"""Politeness: per-platform floors, back-off with jitter after errors, the server's hint after a rate limit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from surveydesk.core.errors import AuthExpired, RateLimited, Unavailable
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.politeness import RATE_LIMIT_BUFFER, Politeness
from surveydesk.platforms.registry import BUILT_IN
from tests.factories import T0


@pytest.mark.parametrize(
    ("platform", "floor", "default"),
    [("prolific", 20, 60), ("mturk", 2, 5), ("cpx", 120, 120), ("bitlabs", 60, 60), ("toloka", 30, 30)],
)
def test_each_platform_has_its_floor_and_default(platform: str, floor: int, default: int):
    cadence = BUILT_IN.cadence(platform)
    assert (cadence.floor, cadence.default) == (timedelta(seconds=floor), timedelta(seconds=default))


def test_the_worker_may_slow_down_but_not_go_below_the_floor():
    def interval(options: dict[str, str]) -> timedelta:
        account = Account(AccountKey("prolific", "me"), "me", "https://internal-api.prolific.com", options=options)
        return BUILT_IN.politeness_for(account).min_interval

    assert interval({}) == timedelta(seconds=60)
    assert interval({"interval": "300"}) == timedelta(seconds=300)
    assert interval({"interval": "5"}) == timedelta(seconds=20)
    assert interval({"interval": "soon"}) == timedelta(seconds=60)


def test_errors_back_off_doubling_with_jitter_up_to_the_cap():
    politeness = Politeness(timedelta(seconds=10), max_backoff=timedelta(seconds=70), jitter=lambda: 1.0)
    error = Unavailable("prolific", "down")
    waits = [(politeness.after_error(T0, error) - T0).total_seconds() for _ in range(4)]
    assert waits == [25.0, 50.0, 87.5, 87.5]  # 20, 40, 70, 70 s, each plus a quarter at most
    assert politeness.after_success(T0) == T0 + timedelta(seconds=10)
    assert politeness.failures == 0


def test_a_rate_limit_waits_for_the_hint_and_an_expired_login_for_the_cap():
    politeness = Politeness(timedelta(seconds=10), jitter=lambda: 0.0)
    limited = RateLimited("prolific", "slow down", retry_at=T0 + timedelta(seconds=263))
    assert politeness.after_error(T0, limited) == T0 + timedelta(seconds=263) + RATE_LIMIT_BUFFER
    assert politeness.after_error(T0, AuthExpired("prolific", "expired")) == T0 + timedelta(minutes=30)
