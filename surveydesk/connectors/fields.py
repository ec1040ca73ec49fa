"""Readers of reply fields every connector shares: a field of the wrong type is unknown, never an error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Final

from surveydesk.core.clock import parse_utc_iso

NO_OPTIONS: Final[Mapping[str, str]] = MappingProxyType({})  # a read-only default for a connector's options


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
