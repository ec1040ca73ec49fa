"""What every reconciliation reader shares: an answer's status as a typed error, and record fields read strictly.

A record the reader cannot read fails the whole run with `BadPayload` (the batches before it are kept): an
earnings log that silently skipped what it could not read would be wrong without saying so.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any, Final

import requests

from surveydesk.core.errors import BadPayload
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.sanitize import MAX_REWARD_MINOR, NAME_LIMIT, TITLE_LIMIT, clean_text
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.net import status
from surveydesk.net.http import excerpt
from surveydesk.platforms import fields

_PLAIN_ID = re.compile(r"[\x21-\x7e]{1,200}")  # printable ASCII without spaces, as every platform's ids are


# The fields the readers name when a record lacks one, in words the worker's language has too.
_FIELD_WORDS: Final = {
    "transaction id": QT_TRANSLATE_NOOP("AccountClient", "transaction id"),
    "time": QT_TRANSLATE_NOOP("AccountClient", "time"),
    "survey id": QT_TRANSLATE_NOOP("AccountClient", "survey id"),
    "assignment id": QT_TRANSLATE_NOOP("AccountClient", "assignment id"),
    "HIT id": QT_TRANSLATE_NOOP("AccountClient", "HIT id"),
    "datetime": QT_TRANSLATE_NOOP("AccountClient", "datetime"),
    "end date": QT_TRANSLATE_NOOP("AccountClient", "end date"),
    "id": QT_TRANSLATE_NOOP("AccountClient", "id"),
    "payout time": QT_TRANSLATE_NOOP("AccountClient", "payout time"),
    "start date": QT_TRANSLATE_NOOP("AccountClient", "start date"),
    "study id": QT_TRANSLATE_NOOP("AccountClient", "study id"),
    "submission id": QT_TRANSLATE_NOOP("AccountClient", "submission id"),
}


def raise_for_status(
    response: requests.Response,
    platform: str,
    name: str,
    now: datetime,
    fallback_wait: timedelta,
    login_refused: Sentence | None = None,
    wait_hint: status.WaitHint | None = None,
) -> None:
    """The typed error an answer's status means, if any (net/status.py), in an earnings sync's words; a
    platform whose connector words a refused login its own way passes those words."""
    status.raise_for_status(
        response,
        platform,
        name,
        now,
        login_refused=login_refused
        or QT_TRANSLATE_NOOP("AccountClient", "{0} refused the login; sign in again").filled(name),
        fallback_wait=fallback_wait,
        trouble=QT_TRANSLATE_NOOP("AccountClient", "{0} is having trouble (HTTP {1}); syncing again later"),
        wait_hint=wait_hint,
    )


def identifier(value: object, platform: str, what: str) -> str:
    """An id from a record (a string or a whole number); anything else is an unreadable reply."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and _PLAIN_ID.fullmatch(value):
        return value
    raise BadPayload(platform, _unreadable(what, value))


def moment(value: object, platform: str, what: str) -> datetime:
    found = fields.moment(value)
    if found is None:
        raise BadPayload(platform, _unreadable(what, value))
    return found


def amount(value: object, currency: str, platform: str, unit: str = "major") -> Money:
    """An amount as platforms write it (a number, a decimal string, `{amount, currency}`), exactly, within
    what any task pays; negative amounts are allowed (reversals)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, dict)):
        raise BadPayload(
            platform,
            QT_TRANSLATE_NOOP("AccountClient", "a record has an amount of the wrong type: {0}").filled(
                excerpt(value)
            ),
        )
    try:
        money = Money.parse(value, currency, unit="minor" if unit == "minor" else "major")
    except MoneyError as error:
        unreadable = QT_TRANSLATE_NOOP("AccountClient", "a record has an unreadable amount: {0}")
        raise BadPayload(platform, unreadable.filled(excerpt(str(error)))) from None
    if abs(money.minor) > MAX_REWARD_MINOR:
        raise BadPayload(
            platform,
            QT_TRANSLATE_NOOP("AccountClient", "a record has an amount no task pays: {0}").filled(excerpt(value)),
        )
    return money


def _unreadable(what: str, value: object) -> Sentence:
    return QT_TRANSLATE_NOOP("AccountClient", "a record has no readable {0}: {1}").filled(
        _FIELD_WORDS.get(what, what), excerpt(value)
    )


def title(value: object, fallback: str) -> str:
    text = value if isinstance(value, str) else ""
    return clean_text(text, TITLE_LIMIT) or fallback


def name(value: object) -> str:
    return clean_text(value, NAME_LIMIT) if isinstance(value, str) else ""


def listed(body: dict[str, Any], key: str, platform: str, missing: Sentence) -> list[Any]:
    items = body.get(key)
    if not isinstance(items, list):
        raise BadPayload(platform, missing)
    return items
