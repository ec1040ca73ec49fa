"""Benchmark: the earnings history at scale (1,000,000 ledger entries over ten years).

Generates entries over ten years on five platforms in three currencies (GBP, USD, EUR), with monthly exchange
rates and the worker's zone set to Europe/Berlin, all written through the real schema (so the triggers keep the
daily totals as they would in the app). Then measures:

- open_ms: opening the history as the view does (`open_history`): totals per month by platform and status in
  the worker's currency (EUR) with every amount converted at its day's rate, the chart series, and the table's
  first page with its count; the median of 5 runs (target ≤ 100 ms).
- bare_ms: beside it, the bare SQL of the same totals, page and count: the rows the statements `open_history`
  runs would read from SQLite before any Python of the app's (the monthly totals the triggers keep, which one
  rate a month converts whole here, the page's 200 entries, the count), fetched whole; the median of 5 runs.
  ratio = open_ms / bare_ms: what the app's Python costs beyond reading them.
- export_s: the CSV export of every entry (target ≤ 5 s); bare_export_s: beside it, a bare Python loop over
  a cursor of the same rows and columns writing them with `csv.writer` (no guard against formulas, amounts in
  minor units); export_ratio = export_s / bare_export_s.
- rss_mb: the process's peak resident memory over the whole run, generation included (target ≤ 300 MB).

Run: `.venv/bin/python bench/history_scale.py [--entries 1000000] [--keep DIR]`
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from surveydesk.core.clock import utc_iso
from surveydesk.ledger.export import CSV_COLUMNS, export_csv
from surveydesk.ledger.history import History, open_history
from surveydesk.ledger.model import attempt_of
from surveydesk.ledger.rates import Rate, RateStore
from surveydesk.ledger.zone import apply_zone
from surveydesk.store import Database

PLATFORMS = (("prolific", "GBP"), ("mturk", "USD"), ("toloka", "USD"), ("bitlabs", "EUR"), ("cpx", "EUR"))
YEARS = 10
START = datetime(2016, 12, 1, tzinfo=UTC)
BATCH = 50_000


def _statuses(age_days: float, rng: random.Random) -> str:
    """Old entries are paid (or were declined); recent ones are still pending or approved."""
    roll = rng.random()
    if roll < 0.08:
        return rng.choice(("rejected", "returned", "screened_out"))
    if age_days < 7:
        return "awaiting_review" if roll < 0.6 else "approved"
    if age_days < 30:
        return "approved" if roll < 0.5 else "paid"
    return "paid"


def _entries(count: int, seed: int) -> Iterator[tuple[object, ...]]:
    rng = random.Random(seed)
    span = YEARS * 365 * 86400
    now = START + timedelta(seconds=span)
    for index in range(count):
        moment = START + timedelta(seconds=span * index / count + rng.random() * 60)
        platform, currency = PLATFORMS[rng.randrange(len(PLATFORMS))]
        status = _statuses((now - moment).total_seconds() / 86400, rng)
        occurred = utc_iso(moment)
        yield (
            f"{platform}/me/task/{index}",
            platform,
            "me",
            "task",
            f"study-{index % 50_000}",
            f"submission-{index}",
            f"Study number {index % 997} about =memory and attention",
            f"Lab {index % 211}",
            occurred,
            occurred[:10],
            status,
            occurred,
            rng.randrange(10, 1500),
            currency,
            "",
        )


def generate(database: Database, count: int, seed: int = 6) -> None:
    apply_zone(database, ZoneInfo("Europe/Berlin"))
    rates = []
    month = date(2016, 12, 1)
    rng = random.Random(seed)
    while month <= date(2027, 1, 1):
        rates.append(Rate("USD", month, Decimal(f"{1.05 + rng.random() * 0.2:.4f}"), "ecb"))
        rates.append(Rate("GBP", month, Decimal(f"{0.83 + rng.random() * 0.08:.4f}"), "ecb"))
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    RateStore(database).add_published(rates)
    rows = _entries(count, seed)
    while True:
        batch = [row for _, row in zip(range(BATCH), rows, strict=False)]
        if not batch:
            break
        with database.transaction() as connection:
            connection.executemany(
                "INSERT INTO ledger_entries (id, platform, account, kind, task_id, record_id, title, requester, "
                "occurred_at, day, status, status_at, amount_minor, currency, note) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch,
            )


def bare_open(database: Database) -> int:
    """The rows of the same totals, first page and count as `open_history` reads, with no Python of the app's."""
    connection = database.connection()
    totals = connection.execute(
        "SELECT month, platform, kind, status, currency, amount_minor, entries FROM ledger_month_totals "
        "WHERE entries AND kind <> 'payout'"
    ).fetchall()
    page = connection.execute(
        "SELECT id, platform, account, kind, title, requester, occurred_at, status, amount_minor, currency, note "
        "FROM ledger_entries WHERE linked_to = '' ORDER BY occurred_at DESC, id DESC LIMIT 200 OFFSET 0"
    ).fetchall()
    (count,) = connection.execute(
        "SELECT COALESCE(SUM(entries), 0) FROM ledger_month_totals WHERE entries"
    ).fetchone()
    return len(totals) + len(page) + int(count)


def bare_export(database: Database, target: Path) -> int:
    """The export's rows and columns written by a bare loop over the cursor (what Python's csv module costs)."""
    bare = {"amount": "e.amount_minor", "completion_code": "a.completion_code"}  # her attempt's, as the export's
    columns = ", ".join(bare.get(name, f"e.{name}") for name in CSV_COLUMNS)
    cursor = database.connection().execute(
        f"SELECT {columns} FROM ledger_entries AS e LEFT JOIN attempts AS a ON a.id = {attempt_of('e')} "  # noqa: S608
        "WHERE e.linked_to = '' ORDER BY e.occurred_at, e.id"
    )
    written = 0
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        while batch := cursor.fetchmany(2000):
            writer.writerows(batch)
            written += len(batch)
    return written


def median_ms(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="build the database in DIR and leave it there")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="history-scale-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "history.sqlite3"
        path.unlink(missing_ok=True)
        with Database.open(path) as database:
            began = time.perf_counter()
            generate(database, args.entries)
            print(f"# generated {args.entries} entries in {time.perf_counter() - began:.1f} s", file=sys.stderr)
            history = History(database)
            snapshot = open_history(history, "month", "EUR")
            assert snapshot.totals.entries == args.entries, snapshot.totals.entries
            assert not snapshot.totals.missing, snapshot.totals.missing
            open_ms = median_ms(lambda: open_history(history, "month", "EUR"))
            bare_ms = median_ms(lambda: bare_open(database))
            bare_export(database, folder / "bare.csv")  # once untimed: both timed passes find the pages cached
            began, began_cpu = time.perf_counter(), time.process_time()
            written = export_csv(database, folder / "ledger.csv")
            export_s, export_cpu_s = time.perf_counter() - began, time.process_time() - began_cpu
            assert written == args.entries
            began, began_cpu = time.perf_counter(), time.process_time()
            written = bare_export(database, folder / "bare.csv")
            bare_export_s, bare_export_cpu_s = time.perf_counter() - began, time.process_time() - began_cpu
            assert written == args.entries
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"history_scale open_ms={open_ms:.0f} bare_ms={bare_ms:.0f} ratio={open_ms / bare_ms:.2f} "
        f"export_s={export_s:.1f} bare_export_s={bare_export_s:.1f} export_ratio={export_s / bare_export_s:.2f} "
        f"rss_mb={rss_mb:.0f}"
    )
    print(  # the export's CPU time varies less than its wall time on a machine others are using
        f"# export_cpu_s={export_cpu_s:.1f} bare_export_cpu_s={bare_export_cpu_s:.1f} "
        f"cpu_ratio={export_cpu_s / bare_export_cpu_s:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
