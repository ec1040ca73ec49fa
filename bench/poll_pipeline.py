"""Benchmark: a full poll cycle of 1,000 Prolific studies against the raw cost of fetching and decoding them.

Raw = HTTP GET of the studies reply + `json.loads`. Full = what the app does each poll: fetch, parse into Tasks,
diff and store in SQLite, and update the Qt table model behind its sorting proxy. Both read the same reply in
each round (the demo market only moves when its clock does). Target: ratio = full / raw ≤ 1.5.

Run: `.venv/bin/python bench/poll_pipeline.py [--studies 1000] [--rounds 30]`
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication

from surveydesk.connectors.http import make_session
from surveydesk.connectors.prolific import ProlificConnector
from surveydesk.core.clock import SystemClock
from surveydesk.core.model import AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.store import Database, TaskStore
from surveydesk.ui.task_model import Column, TaskFilterProxy, TaskTableModel

ACCOUNT = AccountKey("prolific", "bench")
# Simulated seconds between rounds: like a real poll interval, so places fill and studies come and go.
SECONDS_PER_ROUND = 30.0


class ManualClock:
    """The exchange's market clock, moved by the benchmark between rounds."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> float:
        return self.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--studies", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    app = QCoreApplication(sys.argv[:1])
    market_clock = ManualClock()
    with (
        tempfile.TemporaryDirectory() as folder,
        DemoExchange(
            seed=1, clock=market_clock, initial_studies=args.studies, prolific_min_interval=0
        ) as exchange,
    ):
        raw_session = make_session("SurveyDesk-bench")
        url = f"{exchange.prolific_url}/api/v1/participant/studies/?sortBy=published_at&orderBy=asc"
        headers = {"Authorization": f"Bearer {DemoExchange.PROLIFIC_TOKEN}"}
        connector = ProlificConnector(
            account=ACCOUNT,
            base_url=exchange.prolific_url,
            token_provider=lambda: DemoExchange.PROLIFIC_TOKEN,
            session=make_session("SurveyDesk-bench"),
            clock=SystemClock(),
        )
        database = Database.open(Path(folder) / "bench.sqlite3")
        store = TaskStore(database)
        model = TaskTableModel(SystemClock().now)
        proxy = TaskFilterProxy()
        proxy.setSourceModel(model)
        proxy.sort(Column.AGE)

        def raw_cycle() -> int:
            reply = raw_session.get(url, headers=headers, timeout=(5, 20))
            return len(json.loads(reply.content)["results"])

        def full_cycle() -> int:
            tasks = connector.fetch_tasks()
            result = store.merge(ACCOUNT, tasks, SystemClock().now())
            model.apply(result)
            return result.total_changes

        started = time.perf_counter()
        listed = raw_cycle()
        first_changes = full_cycle()
        first_ms = (time.perf_counter() - started) * 1000
        raw_times, full_times, changes = [], [], []
        for _ in range(args.rounds):
            market_clock.seconds += SECONDS_PER_ROUND
            started = time.perf_counter()
            raw_cycle()
            raw_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            changes.append(full_cycle())
            full_times.append(time.perf_counter() - started)
        database.close()

    raw_ms = statistics.median(raw_times) * 1000
    full_ms = statistics.median(full_times) * 1000
    print(
        f"# {listed} studies listed; first cycle (raw + full, {first_changes} new rows) {first_ms:.1f} ms; "
        f"{args.rounds} rounds, median {statistics.median(changes):.0f} changed tasks per round, "
        f"{model.rowCount()} rows in the model at the end"
    )
    print(f"poll_pipeline raw_ms={raw_ms:.2f} full_ms={full_ms:.2f} ratio={full_ms / raw_ms:.2f}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
