"""Reconciliation over real HTTP against the demo exchange: a year of history per platform, read once, kept."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import pytest

from surveydesk.core.errors import PlatformError
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.ledger import Kind, LedgerStore, Status
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.history import History
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store import Database
from tests.ledger_helpers import UNTHROTTLED, DemoTime, demo_readers, ledger_snapshot

PLATFORMS = ("prolific", "mturk", "bitlabs", "cpx", "toloka")
# Platforms whose record is a history; CPX's is an inbox of what is not yet paid (test_cpx_* below).
HISTORIES = ("prolific", "mturk", "bitlabs", "toloka")


@pytest.fixture
def exchange(ticks: ManualClock, time: DemoTime) -> Iterator[DemoExchange]:
    with DemoExchange(seed=3, clock=ticks, sites=UNTHROTTLED) as running:
        yield running


@pytest.fixture
def ledger(database: Database) -> LedgerStore:
    return LedgerStore(database)


@pytest.fixture
def reconciler(database: Database, ledger: LedgerStore, time: DemoTime) -> Reconciler:
    return Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), time)


def key(platform: str) -> AccountKey:
    return AccountKey(platform, "demo")


@pytest.mark.parametrize("platform", HISTORIES)
def test_a_first_sync_brings_the_whole_varied_history_the_platform_keeps(platform, exchange, time, ledger,
                                                                        reconciler):  # fmt: skip
    """A year of it; MTurk's last 45 days only, as its dashboard lists no more."""
    reader = demo_readers(exchange, time)[key(platform)]
    result = reconciler.run(reader)
    assert result is not None and result.batches >= 1
    entries = ledger.entries(key(platform))
    kept = 45 if platform == "mturk" else 365
    assert len(entries) > kept * 0.4
    oldest = min(entry.occurred_at for entry in entries)
    assert kept * 0.8 < (time.now() - oldest).days <= kept
    statuses = Counter(entry.status for entry in entries)
    assert statuses[Status.AWAITING_REVIEW] >= 3, statuses
    assert sum(statuses[status] for status in (Status.APPROVED, Status.PAID)) > kept * 0.25, statuses
    assert ledger.last_sync(key(platform)) == time.now()
    for entry in entries:
        assert entry.amount.currency in ("GBP", "USD") and type(entry.amount.minor) is int


@pytest.mark.parametrize("platform", PLATFORMS)
def test_syncing_again_changes_nothing(platform, exchange, time, database, reconciler):
    reader = demo_readers(exchange, time)[key(platform)]
    reconciler.run(reader)
    before = ledger_snapshot(database.connection())
    reconciler.run(reader)
    assert ledger_snapshot(database.connection()) == before


@pytest.mark.parametrize("platform", HISTORIES)
def test_pending_earnings_turn_approved_as_the_demo_clock_moves(
    platform, exchange, ticks, time, ledger, reconciler
):
    reader = demo_readers(exchange, time)[key(platform)]
    reconciler.run(reader)
    # What was submitted in the last hours is decided within minutes (older ones may be stalled for weeks).
    recent = time.now() - timedelta(days=1)
    waiting = {entry.id for entry in ledger.entries(key(platform))
               if entry.status is Status.AWAITING_REVIEW and entry.occurred_at > recent}  # fmt: skip
    assert waiting
    ticks.seconds += 15 * 60
    reconciler.run(reader)
    after = {entry.id: entry for entry in ledger.entries(key(platform))}
    decided = [after[entry_id].status for entry_id in waiting]
    assert Status.AWAITING_REVIEW not in decided
    assert {Status.APPROVED, Status.PAID} & set(decided), decided
    history = [event.status for event in ledger.events_of(sorted(waiting)[0]) if event.status is not None]
    assert Status.AWAITING_REVIEW in history and len(history) >= 2


def test_prolific_statuses_bonuses_and_partial_approvals(exchange, time, ledger, reconciler):
    reconciler.run(demo_readers(exchange, time)[key("prolific")])
    entries = ledger.entries(key("prolific"))
    statuses = Counter(entry.status for entry in entries if entry.kind is Kind.TASK)
    assert {Status.SCREENED_OUT, Status.RETURNED, Status.REJECTED} <= set(statuses)
    bonuses = [entry for entry in entries if entry.kind is Kind.BONUS]
    assert bonuses and all(entry.status is Status.APPROVED and entry.amount.minor > 0 for entry in bonuses)
    assert all(entry.record_id.endswith("/bonus/0") and entry.title.startswith("Bonus: ") for entry in bonuses)
    tasks = {entry.task_id: entry for entry in entries if entry.kind is Kind.TASK}
    assert all(bonus.task_id in tasks for bonus in bonuses)


def test_mturk_dashboard_bonuses_are_exact_cents(exchange, time, ledger, reconciler):
    reconciler.run(demo_readers(exchange, time)[key("mturk")])
    bonuses = [entry for entry in ledger.entries(key("mturk")) if entry.kind is Kind.BONUS]
    assert bonuses
    assert all(entry.record_id.startswith("bonus-") and entry.amount.minor % 5 == 0 for entry in bonuses)
    hits = [entry for entry in ledger.entries(key("mturk")) if entry.kind is Kind.TASK]
    assert all(entry.record_id and entry.task_id != entry.record_id for entry in hits)


def test_mturk_reads_a_day_of_more_than_one_page(exchange, time, ledger, reconciler):
    day = "2025-03-20"
    dashboard = {
        "daily_hit_statistics_overview": [{"date": f"{day}T00:00:00-07:00", "submitted": 25, "bonus_rewards": 1.1}]
    }

    def hit(number: int) -> dict[str, object]:
        return {
            "assignment_id": f"A{number:03d}",
            "hit_id": f"H{number:03d}",
            "state": "Pending",
            "title": "Tag",
            "requester_name": "Req",
            "reward": {"currency_code": "USD", "amount_in_dollars": 0.07},
        }

    pages = [
        {"page_number": 1, "num_results": 20, "total_num_results": 25, "results": [hit(n) for n in range(20)]},
        {"page_number": 2, "num_results": 5, "total_num_results": 25, "results": [hit(n) for n in range(20, 25)]},
    ]
    for body in (dashboard, *pages):
        exchange.inject_fault("mturk", 200, json.dumps(body).encode())
    reconciler.run(demo_readers(exchange, time)[key("mturk")])
    entries = ledger.entries(key("mturk"))
    hits = [entry for entry in entries if entry.kind is Kind.TASK]
    assert len(hits) == 25 and {entry.amount for entry in hits} == {Money(7, "USD")}
    (bonus,) = [entry for entry in entries if entry.kind is Kind.BONUS]
    assert bonus.amount == Money(110, "USD")
    assert json.loads(ledger.cursor(key("mturk"))) == {"settled": ""}  # pending HITs: nothing settled yet


def test_bitlabs_reconciled_surveys_are_reversed_and_negative_amounts_are_reversals(
    exchange, time, ledger, reconciler
):
    events = [
        {
            "type": "COMPLETE",
            "survey_id": 42,
            "tx_id": 7,
            "user_value": "150",
            "created_at": "2025-03-01T10:00:00Z",
            "reconciled": True,
            "callback_delay_seconds": 60,
        },
        {
            "type": "COMPLETE",
            "survey_id": 43,
            "tx_id": 8,
            "user_value": "80",
            "created_at": "2025-03-02T10:00:00Z",
            "reconciled": False,
            "callback_delay_seconds": 0,
        },
        {
            "type": "COMPLETE",
            "survey_id": 44,
            "tx_id": 9,
            "user_value": "-80",
            "created_at": "2025-03-03T10:00:00Z",
            "reconciled": False,
        },
    ]
    exchange.inject_fault("bitlabs", 200, json.dumps({"data": events, "status": "success"}).encode())
    reconciler.run(demo_readers(exchange, time)[key("bitlabs")])
    entries = {entry.id: entry for entry in ledger.entries(key("bitlabs"))}
    assert entries["bitlabs/demo/task/42"].status is Status.REVERSED
    assert entries["bitlabs/demo/task/42"].earned == Money(0, "USD")
    assert entries["bitlabs/demo/task/43"].status is Status.APPROVED
    reversal = entries["bitlabs/demo/reversal/9"]
    assert (reversal.kind, reversal.status, reversal.earned) == (Kind.REVERSAL, Status.REVERSED, Money(-80, "USD"))


def test_cpx_books_its_inbox_and_what_leaves_it_is_paid(exchange, ticks, time, ledger, reconciler):
    reader = demo_readers(exchange, time)[key("cpx")]
    reconciler.run(reader)
    unpaid = {entry.id: entry for entry in ledger.entries(key("cpx"))}
    assert unpaid and all(entry.amount.currency == "USD" for entry in unpaid.values())  # coins, a cent each
    assert all(entry.status is not Status.PAID for entry in unpaid.values())
    ticks.seconds += 2 * 86400  # the demo's rewards site settles daily: the inbox empties of what it paid
    reconciler.run(reader)
    after = {entry.id: entry for entry in ledger.entries(key("cpx"))}
    approved = [entry_id for entry_id, entry in unpaid.items() if entry.status is Status.APPROVED]
    became = Counter(after[entry_id].status for entry_id in approved)
    assert became[Status.PAID] > 0 and Status.REVERSED not in became, became


def test_toloka_earnings_come_from_the_income_log_and_withdrawals_are_payouts(exchange, time, ledger, reconciler,
                                                                              database):  # fmt: skip
    """Money sent to the wallet is a payout: nothing taken back, nothing earned, in no total of the History."""
    reconciler.run(demo_readers(exchange, time)[key("toloka")])
    entries = ledger.entries(key("toloka"))
    payouts = [entry for entry in entries if entry.kind is Kind.PAYOUT]
    assert not any(entry.kind is Kind.REVERSAL or entry.amount.minor < 0 for entry in entries)
    assert len(payouts) >= 11 and all(entry.amount.minor > 0 for entry in payouts)
    assert all(entry.earned.minor == entry.pending.minor == 0 for entry in payouts)
    assert {entry.status for entry in payouts} <= {Status.PAID, Status.SUBMITTED}
    tasks = [entry for entry in entries if entry.kind is Kind.TASK]
    assert {Status.APPROVED, Status.AWAITING_REVIEW, Status.REJECTED} <= {entry.status for entry in tasks}
    assert all(entry.requester.startswith("pool ") for entry in tasks)
    counted = sum(entry.earned.minor + entry.pending.minor for entry in entries)
    assert History(database).totals("year", "USD").by_platform["toloka"].amount.minor == counted


def test_a_cut_off_sync_keeps_the_batches_before_it_and_resumes_after_them(exchange, time, ledger, reconciler):
    reader = demo_readers(exchange, time)[key("toloka")]
    stored = []  # the withdrawals' one page, then two pages of income
    assert reconciler.run(reader, stop=lambda: len(stored.append(1) or stored) >= 3) is None
    assert json.loads(ledger.cursor(key("toloka")))["income"]["page"] == 2
    kept = len(ledger.entries(key("toloka")))
    assert kept >= 20 and ledger.last_sync(key("toloka")) is None
    exchange.inject_fault("toloka", 503, b"{}")
    with pytest.raises(PlatformError):
        reconciler.run(reader)
    assert len(ledger.entries(key("toloka"))) == kept
    result = reconciler.run(reader)
    assert result is not None and len(ledger.entries(key("toloka"))) > 200
    assert ledger.last_sync(key("toloka")) == time.now()


def test_a_demo_take_becomes_a_submission_in_the_attempts_entry(
    exchange, ticks, time, database, ledger, reconciler
):
    from surveydesk.demo.accounts import demo_accounts
    from surveydesk.platforms.registry import BUILT_IN
    from surveydesk.secrets import MemorySecrets
    from surveydesk.work.model import NewAttempt, Outcome
    from surveydesk.work.store import WorkLog
    from surveydesk.work.timekeeper import Timekeeper
    from tests.ledger_helpers import loopback_session

    keeper = Timekeeper(WorkLog(database), time)
    readers = demo_readers(exchange, time)
    taken = {}
    for account, secret in demo_accounts(exchange, BUILT_IN):
        if account.key.platform not in ("prolific", "mturk"):
            continue
        connector = BUILT_IN.build_connector(account, MemorySecrets({account.key: secret}), time, loopback_session)
        task = next(task for task in connector.fetch_tasks() if task.places_left)
        connector.take(task)
        taken[account.key.platform] = keeper.take(NewAttempt.for_task(task))
    ticks.seconds += 5 * 60
    for attempt in taken.values():
        keeper.finish(attempt.id, Outcome.SUBMITTED)
    ticks.seconds += 60 * 60  # submitted, reviewed and paid
    for platform in taken:
        reconciler.run(readers[key(platform)])
    for platform, attempt in taken.items():
        entry = ledger.entry_of_attempt(attempt.id)
        assert entry is not None, platform
        assert entry.status in (Status.APPROVED, Status.PAID), (platform, entry)
        assert entry.record_id, platform  # the platform's own record met the worker's attempt
        recent = [
            e for e in ledger.entries(key(platform)) if e.occurred_at >= attempt.started_at - timedelta(days=1)
        ]
        assert [e.title for e in recent].count(attempt.title) == 1, platform


def test_a_prolific_cursor_keeps_only_the_next_pages_query(exchange, time):
    first = next(iter(demo_readers(exchange, time)[key("prolific")].read("")))
    assert first.cursor == "page=2" and not first.done  # it outlives a change of the server's address


def test_a_cut_off_mturk_run_goes_on_after_the_last_day_it_read(exchange, time, ledger, reconciler, database):
    reader = demo_readers(exchange, time)[key("mturk")]
    stored: list[int] = []
    assert reconciler.run(reader, stop=lambda: len(stored.append(1) or stored) >= 6) is None  # bonuses + 5 days
    position = json.loads(ledger.cursor(key("mturk")))
    assert position["after"] >= position["settled"]
    days = len({entry.occurred_at for entry in ledger.entries(key("mturk")) if entry.kind is Kind.TASK})
    assert days == 5
    result = reconciler.run(reader)
    assert result is not None
    all_days = len({entry.occurred_at for entry in ledger.entries(key("mturk")) if entry.kind is Kind.TASK})
    assert result.batches == 1 + all_days - 5  # the bonuses again, then only the days not read yet
    assert "after" not in json.loads(ledger.cursor(key("mturk")))


def test_surveys_and_pools_opened_in_the_demo_become_earnings(exchange, ticks, time, ledger, reconciler):
    from surveydesk.demo.accounts import demo_accounts
    from surveydesk.platforms.registry import BUILT_IN
    from surveydesk.secrets import MemorySecrets
    from tests.ledger_helpers import loopback_session

    opened = {}
    session = loopback_session()
    for account, secret in demo_accounts(exchange, BUILT_IN):
        if account.key.platform in ("bitlabs", "cpx", "toloka"):
            connector = BUILT_IN.build_connector(
                account, MemorySecrets({account.key: secret}), time, loopback_session
            )
            task = connector.fetch_tasks()[0]
            assert (
                session.get(connector.take(task).opened_url, timeout=5).status_code == 200
            )  # the worker opens it
            opened[account.key.platform] = task
    ticks.seconds += 2 * 60 * 60
    readers = demo_readers(exchange, time)
    for platform in opened:
        reconciler.run(readers[key(platform)])
        since = time.now() - (timedelta(days=1) if platform == "toloka" else timedelta(hours=3))  # by the day
        found = [entry for entry in ledger.entries(key(platform)) if entry.occurred_at > since]
        assert found, platform
        assert any(entry.status in (Status.APPROVED, Status.PAID) for entry in found), (platform, found)
    assert ledger.entry(f"bitlabs/demo/task/{opened['bitlabs'].external_id}") is not None
    assert ledger.entry(f"cpx/demo/task/{opened['cpx'].external_id}") is not None


def test_mturk_hits_left_under_way_past_its_45_days_are_presumed_settled(
    exchange, ticks, time, ledger, reconciler
):
    """A HIT awaiting review when its day leaves MTurk's dashboard is never reported again: it is presumed
    approved (MTurk approves on its own), marked as presumed, and the rest of the history stays as read."""
    reader = demo_readers(exchange, time)[key("mturk")]
    reconciler.run(reader)
    waiting = {entry.id for entry in ledger.entries(key("mturk")) if entry.status is Status.AWAITING_REVIEW}
    settled = {entry.id: entry.status for entry in ledger.entries(key("mturk")) if entry.status is Status.PAID}
    assert waiting and settled

    ticks.seconds += 50 * 24 * 3600  # the demo worker comes back after 50 days away
    reconciler.run(reader)

    after = {entry.id: entry for entry in ledger.entries(key("mturk"))}
    assert {after[entry].status for entry in waiting} == {Status.PRESUMED_APPROVED}
    assert all(after[entry].status is Status.PAID for entry in settled)
    assert not any(
        entry.status in (Status.AWAITING_REVIEW, Status.APPROVED)
        for entry in after.values()
        if (time.now() - entry.occurred_at).days > 45
    )
