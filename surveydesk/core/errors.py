"""Typed platform errors: the environment's fault, shown calmly next to the platform that caused it.

Anything that is not one of these is a bug of ours and is logged with a traceback instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Final, TypeVar

from surveydesk.core.translatable import QT_TRANSLATE_NOOP

# What every connector says alike, {0} being the platform's name: the worker reads them in the status line.
# SLOWING_DOWN gives the pause a platform asked for; the next try, a little later to be polite, is shown beside it.
SLOWING_DOWN: Final = QT_TRANSLATE_NOOP("PlatformError", "{0} asked us to slow down for {1} s")
SLOW_DOWN_NOW: Final = QT_TRANSLATE_NOOP("PlatformError", "{0} asked us to slow down; try again in {1} s")
IN_TROUBLE: Final = QT_TRANSLATE_NOOP("PlatformError", "{0} is having trouble (HTTP {1}); trying again later")
IN_TROUBLE_NOW: Final = QT_TRANSLATE_NOOP("PlatformError", "{0} is having trouble (HTTP {1}); try again later")
REFUSED: Final = QT_TRANSLATE_NOOP("PlatformError", "{0} refused the request (HTTP {1})")
REPORTED: Final = QT_TRANSLATE_NOOP("PlatformError", "{0} reported an error: {1}")
NO_REASON: Final = QT_TRANSLATE_NOOP("PlatformError", "no reason given")  # fills REPORTED's {1}


class PlatformError(Exception):
    """Something a platform did (or did not do) that the worker should hear about in words.

    `message` is kept as given: a connector's Sentence (core/translatable.py) reaches the UI whole, to be shown
    in the worker's language."""

    kind = "error"

    def __init__(self, platform: str, message: str) -> None:
        super().__init__(f"{platform}: {message}")
        self.platform = platform
        self.message = message


T = TypeVar("T")


def platform_outcome(work: Callable[[], T]) -> Callable[[], T | PlatformError]:
    """`work` that hands back a platform's trouble as its outcome instead of raising it: for work run in the
    background (services/background.py), whose continuation shows either in words, while any other exception
    still goes to its `failed`, logged as the bug it is."""

    def outcome() -> T | PlatformError:
        try:
            return work()
        except PlatformError as error:
            return error

    return outcome


class AuthExpired(PlatformError):
    """The login is missing, wrong or expired; the worker must sign in again."""

    kind = "auth"


class RateLimited(PlatformError):
    """The platform asked us to slow down; polling resumes at `retry_at` (UTC)."""

    kind = "rate-limited"

    def __init__(self, platform: str, message: str, retry_at: datetime) -> None:
        super().__init__(platform, message)
        self.retry_at = retry_at


class Unavailable(PlatformError):
    """The platform could not be reached or answered with a server error; worth retrying later, not before
    `retry_at` (UTC) when the server named a time."""

    kind = "unavailable"

    def __init__(self, platform: str, message: str, retry_at: datetime | None = None) -> None:
        super().__init__(platform, message)
        self.retry_at = retry_at


class Unreachable(Unavailable):
    """No answer at all (no connection, or none in time): with every platform at once, the computer is offline."""


class BadPayload(PlatformError):
    """The platform answered with something we cannot read; nothing of it is stored."""

    kind = "bad-payload"
