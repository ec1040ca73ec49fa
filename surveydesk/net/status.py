"""An answer's HTTP status as one of the typed platform errors, and the one reader of `Retry-After`.

Every platform's task connector and earnings reader, and the exchange-rate fetcher, read statuses here, so a
401, a 429 with its wait, a 503 with its wait or a 5xx means the same whoever asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Final

import requests

from surveydesk.core.errors import IN_TROUBLE, REFUSED, SLOWING_DOWN, AuthExpired, RateLimited, Unavailable
from surveydesk.core.translatable import Sentence

LONGEST_WAIT: Final = timedelta(days=1)  # a longer wait is a server's mistake; a day is still polite
SHORTEST_WAIT: Final = timedelta(seconds=1)  # "slow down" with a wait of nothing (0, a date gone by) still waits
_SECONDS: Final = re.compile(r"[0-9]{1,9}")

WaitHint = Callable[[requests.Response], timedelta | None]


def retry_after(response: requests.Response, now: datetime) -> timedelta | None:
    """How long the server asked us to wait, from its `Retry-After` (seconds, or an HTTP date); None when it
    names no wait or one that cannot be read. A date in the past means no wait; a wait past a day is a day."""
    text = response.headers.get("Retry-After", "").strip()
    if not text:
        return None
    if _SECONDS.fullmatch(text):
        return min(timedelta(seconds=int(text)), LONGEST_WAIT)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # RFC 9110 dates are GMT
        moment = moment.replace(tzinfo=UTC)
    return min(max(moment - now, timedelta(0)), LONGEST_WAIT)


def raise_for_status(
    response: requests.Response,
    platform: str,
    name: str,
    now: datetime,
    *,
    login_refused: Sentence,
    fallback_wait: timedelta,
    slow: Sentence = SLOWING_DOWN,
    trouble: Sentence = IN_TROUBLE,
    wait_hint: WaitHint | None = None,
) -> None:
    """Nothing for a 2xx answer; otherwise the typed error its status means.

    401 and 403: the login was refused (`login_refused`, in words). 429: slow down for the wait the platform
    asked for (`wait_hint`, a platform's own way of saying it, then `Retry-After`, else `fallback_wait`), in
    `slow`'s words ({0} the platform's `name`, {1} seconds). 5xx: the platform is in trouble (`trouble`), and
    a `Retry-After` beside it is honoured. Anything else is a refusal no other error explains.
    """
    status = response.status_code
    if 200 <= status < 300:
        return
    if status in (401, 403):
        raise AuthExpired(platform, login_refused)
    if status == 429:
        hinted = wait_hint(response) if wait_hint is not None else None
        named = hinted if hinted is not None else retry_after(response, now)
        wait = fallback_wait if named is None else max(named, SHORTEST_WAIT)
        raise RateLimited(platform, slow.filled(name, round(wait.total_seconds())), now + wait)
    if status >= 500:
        named = retry_after(response, now)
        raise Unavailable(platform, trouble.filled(name, status), retry_at=None if named is None else now + named)
    raise Unavailable(platform, REFUSED.filled(name, status))
