"""Benchmark: reading the ECB's full history (every working day since 1999) for the currencies a ledger uses.

Builds a document the size of the real `eurofxref-hist.xml` (about 7,000 working days of 32 currencies, in the
feed's layout), then measures:

- size_mb: the document's size (the HTTP cap for it is `FULL_HISTORY_MAX_BYTES`, 48 MiB).
- parse_s: `parse_feed` keeping 3 currencies from ten years back, as an update for an old ledger does; the
  median of 3 runs (target ≤ 3 s: it runs on the pool, once per gap).
- peak_mb: the most memory the parse allocated beyond the document itself, by tracemalloc (target ≤ 20 MB:
  the document is read as a stream, never as a tree).
- demo_s: fetching and reading the demo exchange's full history over loopback (target ≤ 2 s: the demo's
  History tab shows converted totals within seconds of opening).

Run: `.venv/bin/python bench/ecb_history.py`
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from datetime import UTC, date, datetime

from surveydesk.demo import DemoExchange
from surveydesk.demo.ecb_site import FIRST_DAY, working_days
from surveydesk.ledger.ecb import Feed, fetch_rates, parse_feed
from surveydesk.net.http import make_session

CURRENCIES = [
    "USD",
    "JPY",
    "CZK",
    "DKK",
    "GBP",
    "HUF",
    "PLN",
    "RON",
    "SEK",
    "CHF",
    "ISK",
    "NOK",
    "TRY",
    "AUD",
    "BRL",
    "CAD",
    "CNY",
    "HKD",
    "IDR",
    "ILS",
    "INR",
    "KRW",
    "MXN",
    "MYR",
    "NZD",
    "PHP",
    "SGD",
    "THB",
    "ZAR",
    "BGN",
    "HRK",
    "RUB",
]
KEPT = {"GBP", "USD", "CHF"}
SINCE = date(2016, 1, 1)


def full_history(last: date) -> bytes:
    """A document of the real full history's shape and size; the rates are placeholders."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"'
        ' xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">\n\t<Cube>\n'
    ]
    for index, day in enumerate(working_days(FIRST_DAY, last)):
        lines.append(f'\t\t<Cube time="{day.isoformat()}">\n')
        lines += [f'\t\t\t<Cube currency="{code}" rate="{1 + index % 997 / 1000:.4f}"/>\n' for code in CURRENCIES]
        lines.append("\t\t</Cube>\n")
    lines.append("\t</Cube>\n</gesmes:Envelope>\n")
    return "".join(lines).encode()


def main() -> None:
    body = full_history(date(2026, 11, 30))
    print(f"size_mb={len(body) / 1_000_000:.1f}")
    times = []
    for _ in range(3):
        started = time.perf_counter()
        rates = parse_feed(body, KEPT, SINCE)
        times.append(time.perf_counter() - started)
    print(f"parse_s={statistics.median(times):.2f} kept={len(rates)} (target ≤ 3 s)")
    tracemalloc.start()
    parse_feed(body, KEPT, SINCE)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak_mb={peak / 1_000_000:.1f} (target ≤ 20 MB)")
    with DemoExchange(seed=1) as exchange, make_session() as session:
        session.trust_env = False
        started = time.perf_counter()
        demo = fetch_rates(session, datetime.now(UTC), exchange.ecb_url + Feed.FULL, KEPT)
        print(f"demo_s={time.perf_counter() - started:.2f} kept={len(demo)} (target ≤ 2 s)")


if __name__ == "__main__":
    main()
