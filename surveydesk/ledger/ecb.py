"""The ECB's euro foreign exchange reference rates (eurofxref), read from its XML feeds.

A feed holds one `<Cube time='YYYY-MM-DD'>` per working day, each holding `<Cube currency='USD' rate='1.1225'/>`
per currency: how many units one euro buys. Three documents share that layout: the daily one (today's rates),
the last 90 days, and every working day since 4 January 1999 (several MB, so it gets a bigger size cap and is
read as it is parsed, keeping only the currencies and days asked for). Rates are read as exact decimal text.
The reply is untrusted: a document type or entity declaration is refused before parsing, as is anything that is
not that layout (a missing day, a rate that is not a positive number, a currency code that is not three
letters, one currency twice on one day).

Fetching goes through the connectors' HTTP layer (timeouts, a size cap, TLS always verified) and must run on
the thread pool; `surveydesk.services.history_service` decides when, politely.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Collection
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from surveydesk.core.errors import BadPayload, RateLimited, Unavailable
from surveydesk.ledger.rates import ECB, Rate, RateError, parse_rate

if TYPE_CHECKING:
    import requests

ECB_BASE_URL = "https://www.ecb.europa.eu/stats/eurofxref/"
SOURCE = "ECB"
FALLBACK_WAIT = timedelta(hours=1)  # after a 429 or 503 that names no wait
# The full history was about 7 MB in 2025 and grows by some 250 days a year; a reply past this is not it.
FULL_HISTORY_MAX_BYTES = 48 * 1024 * 1024
FULL_HISTORY_DEADLINE = 300.0  # seconds to read it whole: its several MB on a slow line
# The 90-day document covers 90 calendar days back from its newest day; a day this recent certainly has a rate
# dated on or before it in it (a long holiday weekend and a not-yet-published today included).
NINETY_DAYS_REACH = timedelta(days=80)
_NAMESPACE = "{http://www.ecb.int/vocabulary/2002-08-01/eurofxref}"
_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_CODE = re.compile(r"^[A-Z]{3}$")
_SLICE = 256 * 1024


class Feed(StrEnum):
    """The ECB's documents, by their file name under `ECB_BASE_URL`."""

    DAILY = "eurofxref-daily.xml"
    NINETY_DAYS = "eurofxref-hist-90d.xml"
    FULL = "eurofxref-hist.xml"


def feed_for(oldest_uncovered: date | None, today: date) -> Feed:
    """The smallest document that holds a rate for `oldest_uncovered` (the oldest day with entries that no rate
    covers): the daily feed when there is none, the 90 days when it is recent enough, else the full history."""
    if oldest_uncovered is None:
        return Feed.DAILY
    return Feed.NINETY_DAYS if today - oldest_uncovered <= NINETY_DAYS_REACH else Feed.FULL


def parse_feed(body: bytes, currencies: Collection[str] | None = None, since: date | None = None) -> list[Rate]:
    """The rates of an eurofxref document, of `currencies` only (all when None) and of days from `since` on;
    `BadPayload` for anything that is not such a document, wherever in it the fault lies.

    The document is parsed as a stream and each day is dropped once read, so the full history (some 200,000
    rates) never becomes a tree in memory.
    """
    if _DECLARATIONS.search(body):
        raise BadPayload(SOURCE, "the exchange-rate feed declares a document type; it was refused")
    parser: ElementTree.XMLPullParser[ElementTree.Element] = ElementTree.XMLPullParser(events=("end",))
    rates: list[Rate] = []
    days = 0
    try:
        for offset in range(0, max(len(body), 1), _SLICE):
            parser.feed(body[offset : offset + _SLICE])  # declarations were refused above: no entity expands
            for event in parser.read_events():
                element = event[-1] if isinstance(event, tuple) else None  # ("end", element) when parsing
                if not isinstance(element, ElementTree.Element):
                    continue
                if element.tag == f"{_NAMESPACE}Cube" and "time" in element.attrib:
                    days += 1
                    rates += _day_rates(element, currencies, since)
                    element.clear()
        parser.close()
    except ElementTree.ParseError:
        raise BadPayload(SOURCE, "the exchange-rate feed is not readable XML") from None
    if not days:
        raise BadPayload(SOURCE, "the exchange-rate feed names no day")
    return rates


def _day_rates(
    day_cube: ElementTree.Element, currencies: Collection[str] | None, since: date | None
) -> list[Rate]:
    """One day's rates, checked in full even when none of them is kept."""
    try:
        day = date.fromisoformat(day_cube.attrib["time"])
    except ValueError:
        raise BadPayload(SOURCE, "the exchange-rate feed names a day that is not a date") from None
    seen: set[str] = set()
    rates = []
    for cube in day_cube.iter(f"{_NAMESPACE}Cube"):
        if cube is day_cube:
            continue
        currency, text = cube.attrib.get("currency", ""), cube.attrib.get("rate", "")
        if not _CODE.match(currency) or currency in seen or currency == "EUR":
            raise BadPayload(SOURCE, f"the exchange-rate feed lists a strange currency ({currency[:8]!r})")
        try:
            per_euro = parse_rate(text)
        except RateError:
            raise BadPayload(SOURCE, f"the exchange-rate feed gives {currency} a rate that is no number") from None
        seen.add(currency)
        if (currencies is None or currency in currencies) and (since is None or day >= since):
            rates.append(Rate(currency, day, per_euro, ECB))
    if not seen:
        raise BadPayload(SOURCE, f"the exchange-rate feed has no rates for {day.isoformat()}")
    return rates


def fetch_rates(
    session: requests.Session,
    now: datetime,
    url: str = ECB_BASE_URL + Feed.DAILY,
    currencies: Collection[str] | None = None,
    since: date | None = None,
) -> list[Rate]:
    """Download and read a feed (blocking: call it on the pool); typed errors say what went wrong.

    `now` is the injected clock's time, from which a wait the ECB asks for is counted."""
    # With requests, at the first fetch: the core is built with this module's address, before any fetch.
    from surveydesk.net.http import MAX_BODY_BYTES, get
    from surveydesk.net.status import retry_after

    full = url.endswith(Feed.FULL)
    response = get(
        session,
        url,
        platform=SOURCE,
        headers={"Accept": "application/xml, text/xml"},
        max_bytes=FULL_HISTORY_MAX_BYTES if full else MAX_BODY_BYTES,
        deadline=FULL_HISTORY_DEADLINE if full else None,
    )
    if response.status_code in (429, 503):
        retry_at = now + (retry_after(response, now) or FALLBACK_WAIT)
        raise RateLimited(SOURCE, "the ECB asks us to come back later", retry_at)
    if response.status_code != 200:
        raise Unavailable(SOURCE, f"the ECB answered with HTTP {response.status_code}")
    return parse_feed(response.content, currencies, since)
