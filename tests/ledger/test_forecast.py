"""The forecast of pending money, from generated histories whose delays are known."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from surveydesk.core.earnings import EntryHeader, Kind, Report, ReviewDeadline, Status
from surveydesk.core.money import Money
from surveydesk.ledger.forecast import ENOUGH, describe, pending_forecast, timelines
from surveydesk.ledger.model import Source
from surveydesk.ledger.rates import Rate, RateStore
from surveydesk.ledger.store import LedgerStore
from surveydesk.store import Database

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)  # a Monday
PARIS = ZoneInfo("Europe/Paris")
DAY = timedelta(days=1)


def submit(
    store: LedgerStore,
    platform: str,
    task: str,
    submitted: datetime,
    approved: datetime | None = None,
    minor: int = 100,
    currency: str = "EUR",
    requester: str = "",
    learnt: datetime = NOW,
) -> None:
    """One submission: awaiting review from `submitted`, approved (dated by the platform) at `approved`."""
    header = EntryHeader(platform, "me", Kind.TASK, submitted, currency, task_id=task, requester=requester)
    money = Money(minor, currency)
    reports = [Report(header, submitted, Status.AWAITING_REVIEW, money)]
    if approved is not None:
        reports.append(Report(header, approved, Status.APPROVED, money))
    store.record(reports, Source.PLATFORM, learnt)


def generated(store: LedgerStore, platform: str, count: int, delay: random.Random | timedelta, end: datetime,
              requester: str = "", prefix: str = "t") -> list[timedelta]:  # fmt: skip
    """`count` approved submissions, one every 8 hours up to `end`, each approved after a known delay."""
    delays = []
    for index in range(count):
        submitted = end - (count - index) * timedelta(hours=8)
        waited = delay if isinstance(delay, timedelta) else timedelta(hours=delay.uniform(24, 72))
        delays.append(waited)
        submit(store, platform, f"{prefix}{index}", submitted, submitted + waited, requester=requester)
    return delays


@pytest.fixture
def store(database: Database) -> LedgerStore:
    return LedgerStore(database)


def test_the_forecast_matches_the_delays_that_made_the_history(database: Database, store: LedgerStore) -> None:
    delays = generated(store, "walls", 40, random.Random(7), NOW - 20 * DAY)
    submit(store, "walls", "waiting", NOW - DAY, minor=250)
    known = describe(delays)

    result = pending_forecast(database, "EUR", NOW, UTC, {})

    assert result.total == Money(250, "EUR")
    [item] = result.expected
    assert item.likely == (NOW - DAY + known.median).date()
    assert item.latest == (NOW - DAY + known.high).date()
    assert not item.by_deadline and not item.late
    # The generating delays were uniform over 1 to 3 days: median 2 days, 90th percentile 2.8 days.
    assert abs(known.median - 2 * DAY) < timedelta(hours=8)
    assert abs(known.high - timedelta(hours=2.8 * 24)) < timedelta(hours=8)


def test_too_little_history_makes_no_forecast(database: Database, store: LedgerStore) -> None:
    generated(store, "walls", ENOUGH - 1, 2 * DAY, NOW - 20 * DAY)
    submit(store, "walls", "waiting", NOW - DAY, minor=250)

    result = pending_forecast(database, "EUR", NOW, UTC, {})

    assert result.expected == ()
    assert result.unforeseen == {"walls": Money(250, "EUR")}
    assert result.total == Money(250, "EUR")


def test_a_platform_that_changed_its_pace_is_followed(database: Database, store: LedgerStore) -> None:
    generated(store, "walls", 60, 10 * DAY, NOW - 60 * DAY, prefix="old")
    generated(store, "walls", 40, DAY, NOW - 2 * DAY, prefix="new")
    submit(store, "walls", "waiting", NOW, minor=250)

    [item] = pending_forecast(database, "EUR", NOW, UTC, {}).expected

    assert item.likely == (NOW + DAY).date()
    assert item.latest == (NOW + DAY).date()


def test_a_documented_deadline_bounds_the_forecast_and_stands_in_for_thin_history(
    database: Database, store: LedgerStore
) -> None:
    rule = {"studies": ReviewDeadline(timedelta(days=21), "the platform's help page")}
    generated(store, "studies", 20, 30 * DAY, NOW - 40 * DAY)  # this worker's requesters take 30 days
    submit(store, "studies", "waiting", NOW - 2 * DAY)
    submit(store, "other", "waiting-too", NOW - 2 * DAY, minor=300)

    result = pending_forecast(database, "EUR", NOW, UTC, rule)

    [item] = result.expected
    assert item.latest == (NOW + 19 * DAY).date() and item.by_deadline
    assert item.likely == item.latest
    assert result.unforeseen == {"other": Money(300, "EUR")}

    thin = pending_forecast(database, "EUR", NOW, UTC, {"other": rule["studies"]})
    deadline_only = next(i for i in thin.expected if i.platform == "other")
    assert deadline_only.likely is None and deadline_only.latest == (NOW + 19 * DAY).date()


def test_a_verdict_the_platform_does_not_date_is_timed_when_it_was_learnt(
    database: Database, store: LedgerStore
) -> None:
    """Prolific dates its verdicts with the completion time: a submission seen waiting, then seen approved,
    was approved by the time it was learnt; one read already approved tells nothing."""
    submitted = NOW - 10 * DAY
    header = EntryHeader("studies", "me", Kind.TASK, submitted, "EUR", task_id="seen")
    money = Money(100, "EUR")
    store.record([Report(header, submitted, Status.AWAITING_REVIEW, money)], Source.PLATFORM, submitted)
    store.record([Report(header, submitted, Status.APPROVED, money)], Source.PLATFORM, submitted + 3 * DAY)
    late_header = EntryHeader("studies", "me", Kind.TASK, submitted, "EUR", task_id="imported")
    store.record(
        [Report(late_header, submitted, Status.AWAITING_REVIEW, money),
         Report(late_header, submitted, Status.APPROVED, money)], Source.PLATFORM, NOW,
    )  # fmt: skip

    dated = {line.entry_id.rsplit("/", 1)[1]: line for line in timelines(database)}

    assert dated["seen"].approved_at == submitted + 3 * DAY
    assert dated["imported"].approved_at is None


def test_a_requester_with_enough_history_has_its_own_delays(database: Database, store: LedgerStore) -> None:
    generated(store, "studies", 30, 5 * DAY, NOW - 30 * DAY, requester="Slow Lab", prefix="slow")
    generated(store, "studies", 30, DAY, NOW - 30 * DAY, requester="Quick Lab", prefix="quick")
    submit(store, "studies", "slow-waiting", NOW, requester="Slow Lab")
    submit(store, "studies", "quick-waiting", NOW, requester="Quick Lab")

    result = pending_forecast(database, "EUR", NOW, UTC, {})

    likely = {item.entry_id.rsplit("/", 1)[1]: item.likely for item in result.expected}
    assert likely == {"slow-waiting": (NOW + 5 * DAY).date(), "quick-waiting": (NOW + DAY).date()}


def test_money_past_its_usual_delay_is_late_and_counted_this_week(database: Database, store: LedgerStore) -> None:
    generated(store, "walls", 20, DAY, NOW - 30 * DAY)
    submit(store, "walls", "stuck", NOW - 5 * DAY, minor=400)
    submit(store, "walls", "fresh", NOW + 6 * DAY, minor=150)

    result = pending_forecast(database, "EUR", NOW, UTC, {})

    assert result.late == Money(400, "EUR")
    assert result.by_week() == [(date(2026, 12, 7), Money(400, "EUR")), (date(2026, 12, 14), Money(150, "EUR"))]


def test_days_are_the_workers_own(database: Database, store: LedgerStore) -> None:
    generated(store, "walls", 20, timedelta(hours=12), NOW - 30 * DAY)
    submit(store, "walls", "evening", datetime(2026, 12, 7, 11, 30, tzinfo=UTC))

    in_utc = pending_forecast(database, "EUR", NOW, UTC, {}).expected[0]
    in_tokyo = pending_forecast(database, "EUR", NOW, ZoneInfo("Asia/Tokyo"), {}).expected[0]

    assert in_utc.likely == date(2026, 12, 7)  # 23:30 UTC
    assert in_tokyo.likely == date(2026, 12, 8)  # 08:30 the next morning in Tokyo


def test_amounts_are_converted_with_the_rate_of_their_day_and_never_guessed(
    database: Database, store: LedgerStore
) -> None:
    RateStore(database).add_published([Rate("USD", date(2026, 11, 1), Decimal("1.25"), "ecb")])
    generated(store, "walls", 20, DAY, NOW - 30 * DAY)
    submit(store, "walls", "dollars", NOW - DAY, minor=500, currency="USD")
    submit(store, "walls", "yen", NOW - DAY, minor=500, currency="JPY")

    result = pending_forecast(database, "EUR", NOW, PARIS, {})

    assert result.total == Money(400, "EUR")
    assert result.unconverted == ("JPY",)


def test_the_pending_total_is_rounded_once_as_the_history_totals_are(database: Database, store: LedgerStore):
    """Three cents of dollars at 1.5 dollars a euro are two euro cents; rounding each first made three (the
    History tab said "En attente 6,34 €" above "6,33 € en attente")."""
    RateStore(database).add_published([Rate("USD", date(2026, 11, 1), Decimal("1.5"), "ecb")])
    for task in ("a", "b", "c"):
        submit(store, "walls", task, NOW - DAY, minor=1, currency="USD")

    assert pending_forecast(database, "EUR", NOW, PARIS, {}).total == Money(2, "EUR")
