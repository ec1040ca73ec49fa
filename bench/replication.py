"""Benchmark: replicating the earnings log through a real CouchDB-compatible server (PouchDB Server, in memory).

- push_per_s: a log of 100,000 ledger entries (one event each, as a platform reports them) sent to an empty
  server database by a full exchange (`Replicator.run`: pull, push, and the pull after it that sees the echo),
  in entries per second. Target ≥ 5,000.
- bare_per_s: beside it, the server's own `_bulk_docs` fed the same documents (as the exchange left them on the
  server, read back with `_all_docs`) by a bare client into another empty database: batches of the replicator's
  size, `new_edits: false`, one `requests` POST each with nothing else (no `_revs_diff`, no checkpoint, no
  pull); ratio = bare_per_s / push_per_s, what the exchange costs beyond the server's own writing.
- incremental_ms: then one change (the worker's note on an entry) synced, the whole exchange, in milliseconds.
  Target ≤ 500.
- a `#` line: an empty second computer receiving all of it (pull_per_s), for information.

The server runs on 127.0.0.1 as the tests run it (tests/couch_server.py installs it with npm the first time).

Run: `.venv/bin/python bench/replication.py [--entries 100000]`
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from surveydesk.core.money import Money  # noqa: E402
from surveydesk.ledger import EntryHeader, Kind, LedgerStore, Report, Source, Status  # noqa: E402
from surveydesk.store import Database  # noqa: E402
from surveydesk.sync.replicator import BATCH_SIZE  # noqa: E402
from surveydesk.sync.target import SyncTarget, open_replicator  # noqa: E402
from tests.couch_server import ADMIN, ADMIN_PASSWORD, CouchServer  # noqa: E402

T0 = datetime(2026, 1, 1, tzinfo=UTC)


class _Clock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def _fill(db: Database, entries: int) -> None:
    ledger = LedgerStore(db)
    statuses = (Status.AWAITING_REVIEW, Status.APPROVED, Status.PAID)
    batch = 5000
    for start in range(0, entries, batch):
        reports = [
            Report(
                EntryHeader(
                    "prolific",
                    "me",
                    Kind.TASK,
                    T0 + timedelta(minutes=number),
                    "GBP",
                    task_id=f"study-{number:07d}",
                    title=f"A study about habits, number {number}",
                    requester="Oxford Behavioural Lab",
                ),
                T0 + timedelta(minutes=number, hours=1),
                statuses[number % 3],
                Money(50 + number % 400, "GBP"),
            )
            for number in range(start, min(start + batch, entries))
        ]
        ledger.record(reports, Source.PLATFORM, T0)


def bare_bulk_docs(server: CouchServer, source: str, target: str) -> float:
    """Seconds the server's `_bulk_docs` takes for the documents of `source`, posted into `target` by a bare
    client in batches of the replicator's size."""
    reply = server.admin.get(f"{server.url}/{source}/_all_docs", params={"include_docs": "true"}, timeout=300)
    reply.raise_for_status()
    documents = [row["doc"] for row in reply.json()["rows"]]
    server.create_database(target)
    session = requests.Session()
    session.auth = (ADMIN, ADMIN_PASSWORD)
    session.trust_env = False
    started = time.perf_counter()
    for start in range(0, len(documents), BATCH_SIZE):
        batch = documents[start : start + BATCH_SIZE]
        posted = session.post(
            f"{server.url}/{target}/_bulk_docs", json={"docs": batch, "new_edits": False}, timeout=300
        )
        posted.raise_for_status()
    seconds = time.perf_counter() - started
    session.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--incremental-rounds", type=int, default=9)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="surveydesk-bench-") as folder:
        server = CouchServer(Path(folder) / "couch").start()
        try:
            server.create_database("log")
            target = SyncTarget(server.url, "log", ADMIN)
            clock = _Clock()
            db = Database.open(Path(folder) / "first.sqlite3")
            _fill(db, args.entries)

            started = time.perf_counter()
            with open_replicator(db, target, ADMIN_PASSWORD, clock) as replicator:
                report = replicator.run()
            push_seconds = time.perf_counter() - started
            assert report.sent == args.entries, report
            bare_seconds = bare_bulk_docs(server, "log", "bare")

            ledger = LedgerStore(db)
            timings = []
            for round_number in range(args.incremental_rounds):
                ledger.add_note(f"prolific/me/task/study-{round_number:07d}", f"note {round_number}", clock.now())
                started = time.perf_counter()
                with open_replicator(db, target, ADMIN_PASSWORD, clock) as replicator:
                    report = replicator.run()
                timings.append((time.perf_counter() - started) * 1000)
                assert report.sent == 1, report
            db.close()

            second = Database.open(Path(folder) / "second.sqlite3")
            started = time.perf_counter()
            with open_replicator(second, target, ADMIN_PASSWORD, clock) as replicator:
                received = replicator.run().received
            pull_seconds = time.perf_counter() - started
            second.close()
        finally:
            server.stop()

    push_per_s, bare_per_s = args.entries / push_seconds, args.entries / bare_seconds
    print(
        f"replication push_per_s={push_per_s:.0f} bare_per_s={bare_per_s:.0f} ratio={bare_per_s / push_per_s:.2f} "
        f"incremental_ms={statistics.median(timings):.0f}"
    )
    print(
        f"# {args.entries:,} entries pushed in {push_seconds:.1f} s; incremental sync of one change: median of "
        f"{len(timings)} {statistics.median(timings):.0f} ms, worst {max(timings):.0f} ms; an empty computer "
        f"received {received:,} documents in {pull_seconds:.1f} s (pull_per_s={received / pull_seconds:.0f})"
    )


if __name__ == "__main__":
    main()
