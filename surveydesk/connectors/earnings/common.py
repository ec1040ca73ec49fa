"""What every reconciliation reader shares: an answer's status as a typed error, and record fields read strictly.

A record the reader cannot read fails the whole run with `BadPayload` (the batches before it are kept): an
earnings log that silently skipped what it could not read would be wrong without saying so.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import requests

from surveydesk.connectors import fields
from surveydesk.connectors.http import excerpt
from surveydesk.core.errors import AuthExpired, BadPayload, RateLimited, Unavailable
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.sanitize import MAX_REWARD_MINOR, NAME_LIMIT, TITLE_LIMIT, clean_text

_WAIT_HEADER = re.compile(r"[0-9]{1,9}")
_PLAIN_ID = re.compile(r"[\x21-\x7e]{1,200}")  # printable ASCII without spaces, as every platform's ids are


def raise_for_status(
    response: requests.Response, platform: str, name: str, now: datetime, fallback_wait: timedelta
) -> None:
    """The typed error an answer's status means, if any: a login refused, a request to slow down (with the
    server's wait, else `fallback_wait`), a server in trouble, or any other refusal."""
    status = response.status_code
    if status in (401, 403):
        raise AuthExpired(platform, f"{name} refused the login; sign in again")
    if status == 429:
        header = response.headers.get("Retry-After", "").strip()
        wait = timedelta(seconds=int(header)) if _WAIT_HEADER.fullmatch(header) else fallback_wait
        raise RateLimited(
            platform, f"{name} asked us to slow down; syncing again in {wait.total_seconds():.0f} s", now + wait
        )
    if status >= 500:
        raise Unavailable(platform, f"{name} is having trouble (HTTP {status}); syncing again later")
    if not 200 <= status < 300:
        raise Unavailable(platform, f"{name} refused the request (HTTP {status})")


def identifier(value: object, platform: str, what: str) -> str:
    """An id from a record (a string or a whole number); anything else is an unreadable reply."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and _PLAIN_ID.fullmatch(value):
        return value
    raise BadPayload(platform, f"a record has no readable {what}: {excerpt(value)}")


def moment(value: object, platform: str, what: str) -> datetime:
    found = fields.moment(value)
    if found is None:
        raise BadPayload(platform, f"a record has no readable {what}: {excerpt(value)}")
    return found


def amount(value: object, currency: str, platform: str, unit: str = "major") -> Money:
    """An amount as platforms write it (a number, a decimal string, `{amount, currency}`), exactly, within
    what any task pays; negative amounts are allowed (reversals)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, dict)):
        raise BadPayload(platform, f"a record has an amount of the wrong type: {excerpt(value)}")
    try:
        money = Money.parse(value, currency, unit="minor" if unit == "minor" else "major")
    except MoneyError as error:
        raise BadPayload(platform, f"a record has an unreadable amount: {excerpt(str(error))}") from None
    if abs(money.minor) > MAX_REWARD_MINOR:
        raise BadPayload(platform, f"a record has an amount no task pays: {excerpt(value)}")
    return money


def title(value: object, fallback: str) -> str:
    text = value if isinstance(value, str) else ""
    return clean_text(text, TITLE_LIMIT) or fallback


def name(value: object) -> str:
    return clean_text(value, NAME_LIMIT) if isinstance(value, str) else ""


def listed(body: dict[str, Any], key: str, platform: str, missing: str) -> list[Any]:
    items = body.get(key)
    if not isinstance(items, list):
        raise BadPayload(platform, missing)
    return items
