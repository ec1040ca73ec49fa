"""Two computers, one MTurk account: the platform's record and the worker's attempt of one HIT make one piece of
money on both, whichever computer reconciled and whichever held the attempt (through a real PouchDB Server)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from surveydesk.core.model import AccountKey
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.work.model import Attempt, NewAttempt, Outcome
from surveydesk.work.timekeeper import Timekeeper
from tests.ledger_helpers import UNTHROTTLED, DemoTime, demo_readers, loopback_session
from tests.sync_helpers import Computer, settle

MTURK = AccountKey("mturk", "demo")


@pytest.fixture
def exchange(ticks: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=3, clock=ticks, sites=UNTHROTTLED) as running:
        yield running


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Computer]:
    computer = Computer(tmp_path / "desktop")
    yield computer
    computer.close()


def _work_a_hit(computer: Computer, exchange: DemoExchange, ticks: ManualClock, time: DemoTime) -> Attempt:
    """Take a HIT of the demo on `computer`, submit it, and wait until MTurk has paid it."""
    account, secret = next((a, s) for a, s in demo_accounts(exchange, BUILT_IN) if a.key == MTURK)
    connector = BUILT_IN.build_connector(account, MemorySecrets({account.key: secret}), time, loopback_session)
    task = next(task for task in connector.fetch_tasks() if task.places_left)
    connector.take(task)
    keeper = Timekeeper(computer.work_log, time)
    attempt = keeper.take(NewAttempt.for_task(task))
    ticks.seconds += 5 * 60
    keeper.finish(attempt.id, Outcome.SUBMITTED)
    AttemptIngest(computer.db, computer.ledger, BUILT_IN.shares_task_ids).ingest(time.now())
    ticks.seconds += 60 * 60  # reviewed and paid
    return attempt


def _reconcile(computer: Computer, exchange: DemoExchange, time: DemoTime) -> None:
    reconciler = Reconciler(
        computer.ledger, AttemptIngest(computer.db, computer.ledger, BUILT_IN.shares_task_ids), time
    )
    assert reconciler.run(demo_readers(exchange, time)[MTURK]) is not None


def _money(computer: Computer) -> list[tuple[object, ...]]:
    """What the history counts: the daily totals, and every entry listed."""
    totals = computer.db.connection().execute(
        "SELECT day, platform, kind, status, currency, amount_minor, entries FROM ledger_day_totals "
        "WHERE entries ORDER BY day, platform, kind, status, currency"
    )
    return [*totals.fetchall(), *computer.history()]


def _entries_titled(computer: Computer, attempt: Attempt) -> list[str]:
    recent = attempt.started_at - timedelta(days=2)
    return [e.id for e in computer.ledger.entries(MTURK) if e.title == attempt.title and e.occurred_at >= recent]


def test_one_computer_reconciles_the_other_holds_the_attempt_and_both_count_the_hit_once(
    server, exchange, ticks, time, laptop, desktop
):
    attempt = _work_a_hit(laptop, exchange, ticks, time)  # the laptop never reconciles MTurk
    _reconcile(desktop, exchange, time)  # the desktop has no attempt when it reads the platform's record
    (hit,) = _entries_titled(desktop, attempt)
    assert "attempt-" not in hit

    settle(server, laptop, desktop, rounds=4)

    assert _money(laptop) == _money(desktop)
    assert _entries_titled(laptop, attempt) == _entries_titled(desktop, attempt) == [hit]  # one, not two
    entry = laptop.ledger.entry_of_attempt(attempt.id)
    assert entry is not None and entry.id == hit  # the laptop's attempt is counted under the platform's entry
    assert server.conflicts("log") == {}


def test_both_computers_reconcile_in_either_order_and_make_the_same_single_entry(
    server, exchange, ticks, time, laptop, desktop
):
    attempt = _work_a_hit(laptop, exchange, ticks, time)
    _reconcile(desktop, exchange, time)  # without the attempt: the platform's record on its own
    _reconcile(laptop, exchange, time)  # with it: the attempt links to the platform's record
    alone = _entries_titled(desktop, attempt)
    assert _entries_titled(laptop, attempt) == alone and len(alone) == 1

    settle(server, laptop, desktop, rounds=4)

    assert _money(laptop) == _money(desktop)
    assert laptop.events() == desktop.events()
    assert _entries_titled(desktop, attempt) == alone
    counted = [row for row in _money(desktop) if len(row) == 7 and row[1] == "mturk"]
    assert sum(int(row[6]) for row in counted) == len(desktop.ledger.entries(MTURK))  # no entry counted twice
    assert server.conflicts("log") == {}


def test_an_entrys_title_converges_to_the_platforms_whoever_saw_what_first(server, laptop, desktop):
    from surveydesk.ledger import Source, Status

    laptop.report("s1", Status.SUBMITTED, source=Source.LOCAL, title="Study as listed")  # the worker's attempt
    desktop.report("s1", Status.APPROVED, title="Study as recorded")  # the platform's record
    laptop.report("s2", Status.APPROVED, title="Old name")  # one report, read before and after a renaming:
    desktop.report("s2", Status.APPROVED, title="New name")  # one event, two descriptions

    settle(server, laptop, desktop, rounds=4)

    assert laptop.history() == desktop.history()
    titles = {entry.id: entry.title for entry in desktop.ledger.entries()}
    assert titles == {"prolific/me/task/s1": "Study as recorded", "prolific/me/task/s2": "New name"}
    assert server.conflicts("log") == {}
