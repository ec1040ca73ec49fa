"""MTurk's account setting, read where it is declared (the spec) and where it is used (the connector's search).

Apart from tasks.py so that start-up checks an account's settings without importing its connector (and requests).
"""

from __future__ import annotations

from typing import Final

from surveydesk.core.money import Money, MoneyError
from surveydesk.net.quoting import excerpt

MIN_REWARD_OPTION: Final = "min_reward"  # the account option: lowest reward to list, in dollars ("0.50")


def lowest_reward(wanted: str) -> Money | None:
    """The lowest reward the worker set, in dollars; None when she set none. `ValueError`, in words, for a value
    that is no amount of dollars."""
    wanted = wanted.strip()
    if not wanted:
        return None
    try:
        floor = Money.parse(wanted, "USD")
    except MoneyError:
        floor = None
    if floor is None or floor.minor < 0:
        raise ValueError(f"{MIN_REWARD_OPTION} must be an amount in dollars such as 0.50, not {excerpt(wanted)}")
    return floor
