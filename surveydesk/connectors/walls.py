"""What the survey walls (BitLabs, CPX Research) send alike: survey ids as strings or numbers, lengths of
interview as strings or numbers, and no titles (so the connectors compose one from what is known)."""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Final

MAX_MINUTES: Final = 24 * 60  # a longer length of interview is a mistake, not a survey


def read_survey_id(value: object) -> str | None:
    """A survey id: a string (a UUID or digits), or a number in older APIs and some clients."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def read_minutes(value: object) -> int | None:
    """The length of interview (`loi`) in whole minutes, rounded up: a 5.3-minute survey takes 6 minutes of
    the worker's time. Walls send it as a string ("6") or a number alike."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return math.ceil(number) if number.is_finite() and 0 < number <= MAX_MINUTES else None
