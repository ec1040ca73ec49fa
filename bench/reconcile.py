"""Benchmark: reconciling a year of earnings on all five platforms of the demo exchange, first and again.

A first sync reads each demo account's whole year (Prolific's submission pages, MTurk's dashboard and every day's
status details, BitLabs' history, CPX's transactions, Toloka's transaction pages) into a fresh ledger; a resync
reads what a later run reads (Prolific whole again, the rest down to their settled cursors) and adds nothing.
The demo sites' rate limits are off, so the figures are the desk's own work plus loopback HTTP.

Run: `.venv/bin/python bench/reconcile.py [--rounds 5]`; prints
`reconcile first_sync_ms=… resync_ms=… entries=… events=…` (medians).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

import requests

from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts
from surveydesk.demo.bitlabs_site import bitlabs_site
from surveydesk.demo.cpx_site import cpx_site
from surveydesk.demo.exchange import SIMULATED_EPOCH
from surveydesk.demo.mturk_site import mturk_site
from surveydesk.demo.prolific_site import ProlificSite
from surveydesk.demo.toloka_site import toloka_site
from surveydesk.demo.wire import Site, SiteContext
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.net.http import make_session
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.store import Database


class _DemoTime:
    """The demo's simulated time, which stands still here: every round reads the same earnings."""

    def now(self) -> datetime:
        return SIMULATED_EPOCH


def _prolific(context: SiteContext) -> Site:
    payroll = context.payroll(0, lambda study, seed: (study.id, seed))
    return ProlificSite(context.market(0), DemoExchange.PROLIFIC_TOKEN, 0, context.clock, payroll)


SITES = [
    _prolific,
    lambda context: mturk_site(context, min_interval=0),
    lambda context: bitlabs_site(context, min_interval=0),
    lambda context: cpx_site(context, min_interval=0),
    lambda context: toloka_site(context, min_interval=0),
]


def _session() -> requests.Session:
    session = make_session()
    session.trust_env = False
    return session


def _round(exchange: DemoExchange, folder: Path, number: int) -> tuple[float, float, int, int]:
    """One fresh ledger: (first sync seconds, resync seconds, entries, events)."""
    with Database.open(folder / f"round-{number}.sqlite3") as database:
        ledger = LedgerStore(database)
        clock = _DemoTime()
        reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), clock)
        secrets = MemorySecrets()
        readers = []
        for account, secret in demo_accounts(exchange, BUILT_IN):
            secrets.set(account.key, secret)
            reader = BUILT_IN.build_reader(account, secrets, clock, _session)
            assert reader is not None
            readers.append(reader)
        timings = []
        for _ in range(2):
            started = time.perf_counter()
            for reader in readers:
                reconciler.run(reader)
            timings.append(time.perf_counter() - started)
        connection = database.connection()
        (entries,) = connection.execute("SELECT count(*) FROM ledger_entries").fetchone()
        (events,) = connection.execute("SELECT count(*) FROM ledger_events").fetchone()
        return timings[0], timings[1], entries, events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with (
        DemoExchange(seed=3, clock=ManualClock(), sites=SITES) as exchange,
        tempfile.TemporaryDirectory() as folder,
    ):
        rounds = [_round(exchange, Path(folder), number) for number in range(args.rounds)]
    first = statistics.median(r[0] for r in rounds) * 1000
    again = statistics.median(r[1] for r in rounds) * 1000
    entries, events = rounds[-1][2], rounds[-1][3]
    print(f"reconcile first_sync_ms={first:.0f} resync_ms={again:.0f} entries={entries} events={events}")
    print(f"# a year on 5 platforms; per entry: first {first / entries:.3f} ms, resync {again / entries:.3f} ms")


if __name__ == "__main__":
    main()
