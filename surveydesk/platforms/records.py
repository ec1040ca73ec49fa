"""What every reconciliation reader shares: an answer's status as a typed error, and record fields read strictly.

A record the reader cannot read fails the whole run with `BadPayload` (the batches before it are kept): an
earnings log that silently skipped what it could not read would be wrong without saying so.

An amount is the exception. One that cannot be true (beyond what the platform pays as that kind of record,
negative where none can be, in a unit that is no currency, unreadable) is one record's trouble, not the reply's:
`amount` raises `AmountSetAside`, and `read_records` leaves that record out of the log, notes it on the reply's
`Reading` (a shape report names the field and what was wrong, never the value; the worker is told how many
records wait and why), and reads the rest. Each platform states its `Bounds`; the next sync reads the record
again, and books it once the platform sends an amount that can be.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final, TypeVar

from surveydesk.core.earnings import Kind
from surveydesk.core.errors import BadPayload
from surveydesk.core.money import Money, MoneyError, minor_exponent, normalise_currency
from surveydesk.core.sanitize import NAME_LIMIT, TITLE_LIMIT, clean_text
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.net.quoting import excerpt
from surveydesk.net.shapes import Change, Difference, Reading
from surveydesk.platforms import fields

if TYPE_CHECKING:
    import requests

    from surveydesk.net import status

Item = TypeVar("Item")
Made = TypeVar("Made")

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
    from surveydesk.net import status  # with requests: the walls read Bounds from here before the first frame

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


@dataclass(frozen=True, slots=True)
class Bounds:
    """The most one record of each kind can move on a platform, in major units of a currency like the dollar
    (a hundred times as many of a currency without minor units, such as the yen). A task's reward and a bonus
    are never negative, a reversal never positive; an adjustment and a payout (whose sign no platform is sure
    to write the same way) may be either. A kind given no most (0) has no amount that can be."""

    task: int
    bonus: int
    reversal: int = 0
    adjustment: int = 0
    payout: int = 0

    def refusal(self, money: Money, kind: Kind) -> Change | None:
        """Why `money` cannot be one `kind` of record here, if it cannot."""
        most, signs = {
            Kind.TASK: (self.task, (0, 1)),
            Kind.BONUS: (self.bonus, (0, 1)),
            Kind.REVERSAL: (self.reversal, (-1, 0)),
            Kind.ADJUSTMENT: (self.adjustment, (-1, 1)),
            Kind.PAYOUT: (self.payout, (-1, 1)),
        }[kind]
        if money.minor < 0 and signs[0] == 0:
            return Change.NEGATIVE
        scale = most * 10 ** max(minor_exponent(money.currency), 2)
        return None if signs[0] * scale <= money.minor <= signs[1] * scale else Change.BEYOND_BOUNDS


class AmountSetAside(Exception):
    """An amount no record of its kind can have: its record is set aside (`read_records`), never booked. It
    carries the field and what was wrong, never the value."""

    def __init__(self, difference: Difference) -> None:
        super().__init__(difference.words)
        self.difference = difference


def amount(
    value: object, currency: str, platform: str, *, path: str, kind: Kind, bounds: Bounds, unit: str = "major"
) -> Money:
    """An amount as platforms write it (a number, a decimal string, `{amount, currency}`), exactly, as one
    `kind` of record of a platform of these `bounds`. A value of a kind no amount is written as ends the read
    (`BadPayload`: the reply changed shape, which its shape report says); one that cannot be true raises
    `AmountSetAside`, naming `path` (the field's, or the object's whose `amount` and `currency` it holds)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, dict)):
        raise BadPayload(
            platform,
            QT_TRANSLATE_NOOP("AccountClient", "a record has an amount of the wrong type: {0}").filled(
                excerpt(value)
            ),
        )
    number_path = path
    if isinstance(value, dict):
        if "amount" not in value:
            without = QT_TRANSLATE_NOOP("AccountClient", "a record has an amount without a number")
            raise BadPayload(platform, without)
        number_path = f"{path}.amount"
        named = value.get("currency")
        if named:
            try:
                normalise_currency(named)
            except MoneyError:
                raise AmountSetAside(Difference(f"{path}.currency", Change.UNKNOWN_UNIT)) from None
    try:
        money = Money.parse(value, currency, unit="minor" if unit == "minor" else "major")
    except MoneyError:
        raise AmountSetAside(Difference(number_path, Change.UNREADABLE_AMOUNT)) from None
    return bounded(money, kind, bounds, number_path)


def bounded(money: Money, kind: Kind, bounds: Bounds, path: str) -> Money:
    """`money`, if one `kind` of record can move it within `bounds`; else `AmountSetAside` naming `path`."""
    refusal = bounds.refusal(money, kind)
    if refusal is not None:
        raise AmountSetAside(Difference(path, refusal))
    return money


def unreadable_amount(path: str) -> AmountSetAside:
    """What a reader raises for an amount it reads its own way (a wall's points) and cannot read."""
    return AmountSetAside(Difference(path, Change.UNREADABLE_AMOUNT))


def read_records(
    reading: Reading, items: Iterable[Item], read: Callable[[Item], Iterable[Made]], key: Callable[[Item], object]
) -> tuple[list[Made], int]:
    """What `read` makes of each item, and how many items were set aside: an item whose amount cannot be true
    (`AmountSetAside`) is left out and noted on `reading` under its `key` (the record's id, in memory only;
    the item itself where it names none), so the worker learns how many records wait, and the watch forgets one
    once a later reply has it whole. Every other error ends the read as it would."""
    made: list[Made] = []
    set_aside = 0
    for item in items:
        try:
            made.extend(read(item))
        except AmountSetAside as aside:
            reading.put_aside(aside.difference, _record_key(key(item), item))
            set_aside += 1
        else:
            reading.read_whole(_record_key(key(item), item))
    return made, set_aside


def field_key(*names: str) -> Callable[[object], object]:
    """A record's key for `read_records`: the first of its fields `names` it has (None if none)."""

    def key(item: object) -> object:
        if isinstance(item, dict):
            for name in names:
                if item.get(name) is not None:
                    return item[name]
        return None

    return key


def _record_key(named: object, item: object) -> str:
    if isinstance(named, str | int) and not isinstance(named, bool):
        return f"{type(named).__name__}:{named}"
    whole = json.dumps(item, sort_keys=True, default=repr, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return "whole:" + hashlib.sha256(whole).hexdigest()


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
