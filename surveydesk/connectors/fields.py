"""Readers of reply fields every connector shares: a field of the wrong type is unknown, never an error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Final

from surveydesk.core.clock import parse_utc_iso
from surveydesk.core.model import Task

NO_OPTIONS: Final[Mapping[str, str]] = MappingProxyType({})  # a read-only default for a connector's options

# An item of a list as a connector last read it: its offer (the reply's values its Task is made of, places left
# apart, id first) and the Task made of them.
Reading = tuple[tuple[object, ...], Task]


def text(value: object) -> str:
    return value if isinstance(value, str) else ""


def count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def moment(value: object) -> datetime | None:
    """A time from a platform, in UTC; one without a zone is taken as UTC, an unreadable one as unknown."""
    if not isinstance(value, str):
        return None
    try:
        return parse_utc_iso(value)
    except ValueError:  # parse_utc_iso turns out-of-range dates into ValueError too
        return None


def reread(previous: Reading | None, offer: tuple[object, ...], places_left: int | None) -> Reading | None:
    """The last reading of an item whose offer came back unchanged, its places brought up to date; None when
    the item is new or its offer changed, and must be read again.

    Most of a poll comes back unchanged, or with only places taken. Comparing the few values a Task is made of
    costs a fraction of reading them again, and less than comparing whole items: the last poll's items lie cold
    in memory, and holding only these values keeps less of them there.
    """
    if previous is None or previous[0] != offer:
        return None
    task = previous[1]
    return previous if places_left == task.places_left else (offer, task.with_places_left(places_left))
