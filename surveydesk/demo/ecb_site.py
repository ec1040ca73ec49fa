"""The demo exchange's stand-in for the ECB's reference-rate feeds, so the demo's history has rates offline.

It serves `/stats/eurofxref/eurofxref-daily.xml`, `eurofxref-hist-90d.xml` and `eurofxref-hist.xml` in the
ECB's own layout and namespaces (newest day first, single-quoted attributes), for every working day from
4 January 1999 to the exchange's today.

DEMO RATES, NOT THE ECB'S: each currency's rate is its `_BASE` (roughly its level in 2025) times two slow,
fixed waves (a yearly one of ±4 % and a monthly one of ±1 %), rounded to the digits the ECB publishes it with.
They are plausible and the same on every run, and must never be taken for real ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from surveydesk.demo.wire import Request, Response, SiteContext

PLATFORM = "ecb"
XML_TYPE = "text/xml"
FIRST_DAY = date(1999, 1, 4)  # the euro's first day of trading, the full history's first day
NINETY_DAYS = timedelta(days=90)
# Demo base rates (units one euro buys) and the decimals the ECB gives each: made up, near 2025's levels.
_BASE: dict[str, tuple[str, int]] = {
    "USD": ("1.0850", 4),
    "JPY": ("162.50", 2),
    "GBP": ("0.85200", 5),
    "CHF": ("0.9450", 4),
    "SEK": ("11.2500", 4),
    "PLN": ("4.2800", 4),
    "CAD": ("1.5100", 4),
    "AUD": ("1.6600", 4),
    "INR": ("92.1500", 4),
    "BRL": ("6.0800", 4),
}
_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" '
    'xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n'
    "\t<gesmes:subject>Reference rates</gesmes:subject>\n"
    "\t<gesmes:Sender>\n\t\t<gesmes:name>European Central Bank</gesmes:name>\n\t</gesmes:Sender>\n"
    "\t<Cube>\n"
)
_TAIL = "\t</Cube>\n</gesmes:Envelope>\n"


def demo_rate(currency: str, day: date) -> Decimal:
    """The demo's rate of `currency` on `day` (see the module's note: a made-up, repeatable curve)."""
    base, digits = _BASE[currency]
    n = (day - FIRST_DAY).days
    phase = sum(map(ord, currency)) / 10
    wave = 1 + 0.04 * math.sin(2 * math.pi * n / 365.25 + phase) + 0.01 * math.sin(2 * math.pi * n / 29 + phase)
    return (Decimal(base) * Decimal(repr(wave))).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_EVEN)


def working_days(first: date, last: date) -> list[date]:
    """Monday to Friday from `first` to `last`, newest first, as the feeds list them."""
    days = []
    day = last
    while day >= first:
        if day.weekday() < 5:
            days.append(day)
        day -= timedelta(days=1)
    return days


def feed_document(days: list[date]) -> bytes:
    """An eurofxref document of `days` (newest first) with every demo currency."""
    lines = [_HEAD]
    for day in days:
        lines.append(f"\t\t<Cube time='{day.isoformat()}'>\n")
        lines += [f"\t\t\t<Cube currency='{code}' rate='{demo_rate(code, day)}'/>\n" for code in _BASE]
        lines.append("\t\t</Cube>\n")
    lines.append(_TAIL)
    return "".join(lines).encode("utf-8")


class EcbSite:
    """The feeds, dated by the exchange's clock: its today is the epoch's day plus the time it has run."""

    def __init__(self, epoch: datetime, clock: Callable[[], float]) -> None:
        self._epoch = epoch
        self._clock = clock
        self._started = clock()

    @property
    def platform(self) -> str:
        return PLATFORM

    def today(self) -> date:
        return (self._epoch + timedelta(seconds=self._clock() - self._started)).astimezone(UTC).date()

    def handle(self, request: Request) -> Response:
        if request.method != "GET":
            return Response(405, b"", XML_TYPE, (("Allow", "GET"),))
        today = self.today()
        name = request.path.removeprefix("/stats/eurofxref/")
        if name == "eurofxref-daily.xml":
            days = working_days(today - timedelta(days=6), today)[:1]
        elif name == "eurofxref-hist-90d.xml":
            days = working_days(today - NINETY_DAYS, today)
        elif name == "eurofxref-hist.xml":
            days = working_days(FIRST_DAY, today)
        else:
            return Response(404, b"<html><body>Not found</body></html>", "text/html")
        return Response(200, feed_document(days), XML_TYPE)


def ecb_site(context: SiteContext) -> EcbSite:
    return EcbSite(context.epoch, context.clock)
