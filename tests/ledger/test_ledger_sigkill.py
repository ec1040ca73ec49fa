"""Crash safety: a reconciling process killed (SIGKILL) at random moments, 50 times, loses and doubles nothing."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.store import Database
from tests.ledger_helpers import UNTHROTTLED, ledger_snapshot
from tests.locations import ROOT
from tests.reconcile_child import reconcile_all

KILLS = 50
CHAIN = 5  # kills in a row on one database, each run resuming where the killed one stopped


@pytest.fixture(scope="module")
def exchange() -> Iterator[DemoExchange]:
    # Two months of history keep each run short, so 50 kills take seconds; the year is tested elsewhere.
    with DemoExchange(seed=23, clock=ManualClock(), sites=UNTHROTTLED, history_days=60) as running:
        yield running


def _state(path: Path) -> tuple[object, ...]:
    with closing(sqlite3.connect(path)) as connection:
        cursors = connection.execute("SELECT * FROM reconcile_cursors ORDER BY 1, 2").fetchall()
        return (*ledger_snapshot(connection), cursors)


def _rerun(path: Path, copy: Path, base_url: str) -> tuple[object, ...]:
    """A complete run on a copy of the killed database (the copy keeps what the kill left, WAL included)."""
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(copy)) as target:
        source.backup(target)
    with Database.open(copy) as database:
        reconcile_all(database, base_url)
    return _state(copy)


def _kill_at_random(path: Path, base_url: str, rng: random.Random) -> int:
    """Start a reconciling process and kill it after a random number of stored batches; its return code."""
    with subprocess.Popen(
        [sys.executable, "-m", "tests.reconcile_child", str(path), base_url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        try:
            for _ in range(rng.randint(0, 40)):
                if child.stdout.readline() in ("", "done\n"):
                    break
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(30)
    return child.returncode


def test_a_reconciliation_killed_50_times_loses_and_doubles_nothing(exchange: DemoExchange, tmp_path: Path):
    expected_path = tmp_path / "expected.sqlite3"
    with Database.open(expected_path) as database:
        reconcile_all(database, exchange.base_url)
    expected = _state(expected_path)
    assert len(expected[0]) > 100  # five platforms' two months of history (MTurk's dashboard: 45 days of it)

    rng = random.Random(5)
    codes = []
    for kill in range(KILLS):
        path = tmp_path / f"chain-{kill // CHAIN}.sqlite3"
        if not path.exists():
            Database.open(path).close()
        codes.append(_kill_at_random(path, exchange.base_url, rng))
        with closing(sqlite3.connect(path)) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)], f"kill {kill}"
        assert _rerun(path, tmp_path / f"rerun-{kill}.sqlite3", exchange.base_url) == expected, f"kill {kill}"
    assert codes.count(-signal.SIGKILL) > KILLS // 2  # most were killed mid-run, not after finishing
