"""The ECB's euro foreign exchange reference rates (eurofxref), read from its daily XML feed.

The feed is one `<Cube time='YYYY-MM-DD'>` holding `<Cube currency='USD' rate='1.1225'/>` per currency: how
many units one euro buys. Rates are read as exact decimal text. The reply is untrusted: a document type or
entity declaration is refused before parsing, as is anything that is not that layout (a missing day, a rate
that is not a positive number, a currency code that is not three letters, one currency twice on one day).

Fetching goes through the connectors' HTTP layer (timeouts, a size cap, TLS always verified) and must run on
the thread pool; the history asks for it only when the worker does, at most every ten minutes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from datetime import date, datetime, timedelta

import requests

from surveydesk.connectors.http import get
from surveydesk.core.errors import BadPayload, RateLimited, Unavailable
from surveydesk.ledger.rates import ECB, Rate, RateError, RateStore, parse_rate

ECB_DAILY_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
SOURCE = "ECB"
FALLBACK_WAIT = timedelta(hours=1)  # after a 429 or 503 that names no wait
_NAMESPACE = "{http://www.ecb.int/vocabulary/2002-08-01/eurofxref}"
_DECLARATIONS = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_CODE = re.compile(r"^[A-Z]{3}$")
_SECONDS = re.compile(r"[0-9]{1,9}")


def parse_feed(body: bytes) -> list[Rate]:
    """Every rate of every day in an eurofxref document; `BadPayload` for anything else."""
    if _DECLARATIONS.search(body):
        raise BadPayload(SOURCE, "the exchange-rate feed declares a document type; it was refused")
    try:
        root = ElementTree.fromstring(body)  # noqa: S314 - declarations refused above, so no entity expands
    except ElementTree.ParseError:
        raise BadPayload(SOURCE, "the exchange-rate feed is not readable XML") from None
    rates: list[Rate] = []
    days = [cube for cube in root.iter(f"{_NAMESPACE}Cube") if "time" in cube.attrib]
    if not days:
        raise BadPayload(SOURCE, "the exchange-rate feed names no day")
    for day_cube in days:
        try:
            day = date.fromisoformat(day_cube.attrib["time"])
        except ValueError:
            raise BadPayload(SOURCE, "the exchange-rate feed names a day that is not a date") from None
        seen: set[str] = set()
        for cube in day_cube.iter(f"{_NAMESPACE}Cube"):
            if cube is day_cube:
                continue
            currency, text = cube.attrib.get("currency", ""), cube.attrib.get("rate", "")
            if not _CODE.match(currency) or currency in seen or currency == "EUR":
                raise BadPayload(SOURCE, f"the exchange-rate feed lists a strange currency ({currency[:8]!r})")
            try:
                per_euro = parse_rate(text)
            except RateError:
                raise BadPayload(
                    SOURCE, f"the exchange-rate feed gives {currency} a rate that is no number"
                ) from None
            seen.add(currency)
            rates.append(Rate(currency, day, per_euro, ECB))
        if not seen:
            raise BadPayload(SOURCE, f"the exchange-rate feed has no rates for {day.isoformat()}")
    return rates


def fetch_rates(session: requests.Session, now: datetime, url: str = ECB_DAILY_URL) -> list[Rate]:
    """Download and read the daily feed (blocking: call it on the pool); typed errors say what went wrong.

    `now` is the injected clock's time, from which a wait the ECB asks for is counted."""
    response = get(session, url, platform=SOURCE, headers={"Accept": "application/xml, text/xml"})
    if response.status_code in (429, 503):
        header = response.headers.get("Retry-After", "").strip()
        wait = timedelta(seconds=min(int(header), 86_400)) if _SECONDS.fullmatch(header) else FALLBACK_WAIT
        retry_at = now + wait
        raise RateLimited(SOURCE, "the ECB asks us to come back later", retry_at)
    if response.status_code != 200:
        raise Unavailable(SOURCE, f"the ECB answered with HTTP {response.status_code}")
    return parse_feed(response.content)


def update_rates(session: requests.Session, store: RateStore, now: datetime, url: str = ECB_DAILY_URL) -> int:
    """Fetch the feed and keep its rates (the worker's own stay); returns how many were new or changed."""
    return store.add_published(fetch_rates(session, now, url))
