"""A task entered by hand, for a platform with no API: it is timed like any other and counted in the earnings
log, where the worker records what the platform paid, since no platform will report it."""

from __future__ import annotations

import re

import pytest

from surveydesk.core.earnings import Status
from surveydesk.core.money import Money
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.history import History
from surveydesk.ledger.store import LedgerStore
from surveydesk.platforms.registry import BUILT_IN, platform_name
from surveydesk.store import Database
from surveydesk.ui.manual_task_dialog import manual_attempt
from surveydesk.work.model import Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.factories import FixedClock


def test_a_task_entered_by_hand_is_timed_and_counted_in_the_earnings_log(database: Database) -> None:
    clock = FixedClock()
    keeper = Timekeeper(WorkLog(database), clock)
    keeper.clock_in()
    clock.advance(120)  # looking for the task: unpaid time
    attempt = keeper.take(manual_attempt("Clickworker", "Tag 20 photos", "0,45", "EUR", 10, estimated_minutes=6))
    clock.advance(8 * 60)
    keeper.finish(attempt.id, Outcome.SUBMITTED)
    keeper.clock_out()

    ledger = LedgerStore(database)
    ingest = AttemptIngest(database, ledger, BUILT_IN.shares_task_ids)
    ingest.ingest(clock.now())
    (entry,) = ledger.entries()
    assert (entry.platform, entry.account, entry.title, entry.amount, entry.status) == (
        "clickworker",
        "manual",
        "Tag 20 photos",
        Money(45, "EUR"),
        Status.SUBMITTED,
    )
    assert platform_name(entry.platform) == "Clickworker"
    history = History(database)
    pending = history.totals("day", "EUR")
    assert (pending.by_group["pending"].amount, pending.by_group["paid"].amount) == (
        Money(45, "EUR"),
        Money(0, "EUR"),
    )

    clock.advance(3 * 86400)
    ledger.correct(entry.id, clock.now(), status=Status.PAID)  # the worker saw the money arrive
    ingest.ingest(clock.now())  # the attempt is not counted twice, nor its status taken back
    (paid,) = ledger.entries()
    assert (paid.id, paid.status, paid.earned) == (entry.id, Status.PAID, Money(45, "EUR"))
    totals = history.totals("day", "EUR")
    assert (totals.by_group["paid"].amount, totals.by_platform["clickworker"].amount) == (
        Money(45, "EUR"),
        Money(45, "EUR"),
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("99999999999999", "€99,999,999,999,999.00 is more than any platform pays for one task: check the number"),
        ("-0,45", "An amount earned cannot be negative: -€0.45 was typed."),
    ],
)
def test_an_absurd_reward_typed_by_hand_is_refused_in_a_sentence(qapp, typed: str, said: str) -> None:
    """A reward of 99,999,999,999,999 was accepted and showed €57,913,934,183,488,870.40/h on the Wages tab."""
    with pytest.raises(ValueError, match=re.escape(said)):
        manual_attempt("Clickworker", "Tag 20 photos", typed, "EUR", 10)
