"""Benchmark: a full poll cycle of 1,000 Prolific studies against the raw cost of fetching and decoding them.

Raw = HTTP GET of the studies reply + `json.loads`. Full = what the app does each poll: fetch, parse into Tasks,
diff and store in SQLite, and update the Qt table model behind its sorting proxy. Both read the same reply in
each round. Target: ratio = full / raw ≤ 1.5.

How much of the list changes between two polls decides the cost, so two markets are measured:
- realistic (the `poll_pipeline` line): polls 30 s apart, as the app polls Prolific, in a market where studies
  take 20 minutes to 3 hours to fill (market speed 0.05);
- busy (a `#` line): the demo's lively market (speed 1), where nearly every study changes between two polls.

Run: `.venv/bin/python bench/poll_pipeline.py [--studies 1000] [--rounds 30]`
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from surveydesk.connectors.http import make_session
from surveydesk.connectors.prolific import ProlificConnector
from surveydesk.core.clock import SystemClock
from surveydesk.core.model import AccountKey
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.store import Database, TaskStore
from surveydesk.ui.task_model import Column, TaskFilterProxy, TaskTableModel

ACCOUNT = AccountKey("prolific", "bench")
SECONDS_BETWEEN_POLLS = 30.0  # the app's interval for Prolific
REALISTIC_SPEED = 0.05
BUSY_SPEED = 1.0


@dataclass(frozen=True)
class Figures:
    raw_ms: float
    full_ms: float
    changes_per_round: float
    first_cycle_ms: float
    rows: int

    @property
    def ratio(self) -> float:
        return self.full_ms / self.raw_ms


def measure(studies: int, rounds: int, speed: float) -> Figures:
    """Alternate raw and full cycles over the same replies, round after round, and take the medians."""
    market_clock = ManualClock(0.0)
    with (
        tempfile.TemporaryDirectory() as folder,
        DemoExchange(
            seed=1, clock=market_clock, initial_studies=studies, prolific_min_interval=0, market_speed=speed
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

        raw_cycle()
        started = time.perf_counter()
        full_cycle()
        first_cycle_ms = (time.perf_counter() - started) * 1000
        raw_times: list[float] = []
        full_times: list[float] = []
        changes: list[int] = []
        for round_number in range(rounds):
            market_clock.seconds += SECONDS_BETWEEN_POLLS
            # An untimed request lets the exchange move its market and encode the reply once, so both timed
            # requests below are served the same cached bytes and time only the client side.
            raw_cycle()
            started = time.perf_counter()
            if round_number % 2:
                raw_cycle()
                middle = time.perf_counter()
                changes.append(full_cycle())
                raw_times.append(middle - started)
                full_times.append(time.perf_counter() - middle)
            else:
                changes.append(full_cycle())
                middle = time.perf_counter()
                raw_cycle()
                full_times.append(middle - started)
                raw_times.append(time.perf_counter() - middle)
        database.close()
    return Figures(
        raw_ms=statistics.median(raw_times) * 1000,
        full_ms=statistics.median(full_times) * 1000,
        changes_per_round=statistics.median(changes),
        first_cycle_ms=first_cycle_ms,
        rows=model.rowCount(),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--studies", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    app = QCoreApplication(sys.argv[:1])
    busy = measure(args.studies, args.rounds, BUSY_SPEED)
    realistic = measure(args.studies, args.rounds, REALISTIC_SPEED)
    for name, figures in (("realistic", realistic), ("busy", busy)):
        print(
            f"# {name} market: {figures.rows} studies listed at the end, median {figures.changes_per_round:.0f} "
            f"new, changed or gone per poll; first poll into an empty store {figures.first_cycle_ms:.0f} ms; "
            f"raw_ms={figures.raw_ms:.2f} full_ms={figures.full_ms:.2f} ratio={figures.ratio:.2f}"
        )
    print(
        f"poll_pipeline raw_ms={realistic.raw_ms:.2f} full_ms={realistic.full_ms:.2f} ratio={realistic.ratio:.2f}"
    )
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
