"""The demo worker's year gives her every kind of claim the Claims view lists, as the platforms' records say it
once read into her ledger: a rejection, a submission unreviewed for weeks, a screen-out after many minutes of work
(Prolific's `time_taken`) and a study that took far longer than its estimate (Prolific's own estimate)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.payroll import DECIDED_WITHIN, PAID_AFTER_APPROVAL
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.claims import ClaimKind, find
from surveydesk.ledger.forecast import timelines
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store import Database
from tests.ledger_helpers import UNTHROTTLED, DemoTime, demo_readers


@pytest.fixture(params=[3, 8])
def exchange(request: pytest.FixtureRequest, ticks: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=request.param, clock=ticks, sites=UNTHROTTLED) as running:
        yield running


def test_the_demo_s_year_holds_every_kind_of_claim(
    exchange, ticks: ManualClock, time: DemoTime, database: Database
):
    ledger = LedgerStore(database)
    reconciler = Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), time)
    ticks.seconds += (DECIDED_WITHIN[1] + PAID_AFTER_APPROVAL).total_seconds()  # the last hours' work decided
    for reader in demo_readers(exchange, time).values():
        assert reconciler.run(reader) is not None
    claims = find(database, timelines(database), BUILT_IN.review_deadlines(), time.now())
    by_kind = {kind: [entry for entry, found in claims.items() if found is kind] for kind in ClaimKind}
    assert all(by_kind.values()), {kind: len(entries) for kind, entries in by_kind.items()}
    prolific = {kind for entry, kind in claims.items() if entry.startswith("prolific/")}
    assert {ClaimKind.UNPAID_TIME, ClaimKind.OVERRUN, ClaimKind.REJECTED} <= prolific
