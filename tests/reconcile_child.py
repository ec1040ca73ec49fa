"""A process that reconciles every demo account of a running exchange into a database, saying "batch" after each
batch it stores, until done: the SIGKILL test kills it at random moments. Run as
`python -m tests.reconcile_child DB_PATH EXCHANGE_URL`."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from surveydesk.core.points import PointsValues
from surveydesk.demo.accounts import demo_accounts, demo_points_values
from surveydesk.demo.exchange import SIMULATED_EPOCH
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.walls import share_points_values
from surveydesk.secrets import MemorySecrets
from surveydesk.store import Database
from tests.ledger_helpers import loopback_session

PLATFORMS = ("prolific", "mturk", "bitlabs", "cpx", "toloka")


class FrozenTime:
    """The demo's simulated time while the test's manual clock stands still."""

    def now(self) -> datetime:
        return SIMULATED_EPOCH


class RemoteExchange:
    """A running exchange known by its address only (all `demo_accounts` asks of it)."""

    platforms = PLATFORMS

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url

    def url_of(self, platform: str) -> str:
        return f"{self.base_url}/{platform}"


def reconcile_all(database: Database, base_url: str, progress=lambda: False) -> None:
    ledger = LedgerStore(database)
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), FrozenTime())
    secrets = MemorySecrets()
    exchange = RemoteExchange(base_url)
    worth = demo_points_values(exchange, BUILT_IN)  # type: ignore[arg-type]
    for account, secret in demo_accounts(exchange, BUILT_IN):  # type: ignore[arg-type]
        secrets.set(account.key, secret)
        reader = BUILT_IN.build_reader(account, secrets, FrozenTime(), loopback_session)
        assert reader is not None
        # The walls' points count as the demo worker says they are worth, as the app has them count.
        values = PointsValues([worth[account.key]] if account.key in worth else [])
        share_points_values(reader, lambda values=values: values)
        reconciler.run(reader, stop=progress)


def _said() -> bool:
    print("batch", flush=True)
    return False


if __name__ == "__main__":
    with Database.open(Path(sys.argv[1])) as opened:
        reconcile_all(opened, sys.argv[2], _said)
    print("done", flush=True)
