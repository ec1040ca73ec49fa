"""What rates the ledger needs and which ECB document is due: coverage, once per day, once per gap."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from surveydesk.ledger.ecb import Feed
from surveydesk.ledger.rate_plan import RateNeeds, UpdateRecord, due_feed, last_publication, rate_needs
from surveydesk.ledger.rates import ECB, Rate, RateStore
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.work.wage_settings import WageSettings
from tests.history_data import add_entry

NOW = datetime(2026, 10, 5, 12, tzinfo=UTC)  # a Monday, before the day's rates


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def test_every_day_with_entries_in_another_currency_needs_a_recent_rate(database: Database) -> None:
    add_entry(database, "a", at(date(2026, 7, 1)), 150, "GBP")
    add_entry(database, "b", at(date(2026, 10, 1)), 200, "USD")
    add_entry(database, "c", at(date(2026, 6, 1)), 300, "EUR")  # the worker's own currency needs nothing
    needs = rate_needs(database, "EUR")
    assert needs.currencies == {"GBP", "USD"}
    assert needs.oldest_uncovered == date(2026, 7, 1)
    assert needs.since() == date(2026, 6, 24)
    store = RateStore(database)
    store.add_published([Rate("GBP", date(2026, 6, 30), Decimal("0.85"), ECB)])
    assert rate_needs(database, "EUR").oldest_uncovered == date(2026, 10, 1)  # USD has no rate at all
    store.add_published([Rate("USD", date(2026, 9, 30), Decimal("1.1"), ECB)])
    assert rate_needs(database, "EUR").oldest_uncovered is None
    add_entry(database, "d", at(date(2026, 8, 20)), 100, "GBP")  # 51 days after the only GBP rate: stale
    assert rate_needs(database, "EUR").oldest_uncovered == date(2026, 8, 20)


def test_a_worker_in_another_currency_than_the_euro_needs_its_rates_too(database: Database) -> None:
    add_entry(database, "a", at(date(2026, 9, 1)), 150, "EUR")
    RateStore(database).set_by_worker("GBP", date(2026, 5, 1), Decimal("0.86"))
    needs = rate_needs(database, "GBP")
    assert needs.currencies == {"GBP"}
    assert needs.oldest_uncovered == date(2026, 9, 1)  # the worker's GBP rate is four months old
    assert rate_needs(database, "EUR") == RateNeeds(frozenset(), None)


def test_her_currency_and_her_minimum_wages_need_rates_only_beside_another_currency(database: Database) -> None:
    """The English demo: she counts in pounds, her minimum wage is in pounds; nothing is fetched before her first
    dollars arrive (a fetch of pounds alone would start the wait and leave the dollars unconverted), then both."""
    wages = WageSettings(SettingsStore(database))
    wages.set_country("GB")
    assert rate_needs(database, "GBP") == RateNeeds(frozenset(), None)
    add_entry(database, "pounds", at(date(2026, 10, 1)), 150, "GBP")
    assert rate_needs(database, "GBP") == RateNeeds(frozenset(), None)  # one currency: nothing to convert
    add_entry(database, "dollars", at(date(2026, 10, 2)), 185, "USD")
    assert rate_needs(database, "GBP") == RateNeeds(frozenset({"GBP", "USD"}), date(2026, 10, 2))
    # Counting in euros with a minimum wage in pounds: the dollars are held against pounds, the pounds converted.
    assert rate_needs(database, "EUR") == RateNeeds(frozenset({"GBP", "USD"}), date(2026, 10, 1))


def test_the_ecb_publishes_on_working_days_at_four() -> None:
    assert last_publication(datetime(2026, 10, 5, 12, tzinfo=UTC)) == datetime(2026, 10, 2, 14, 30, tzinfo=UTC)
    assert last_publication(datetime(2026, 10, 5, 15, tzinfo=UTC)) == datetime(2026, 10, 5, 14, 30, tzinfo=UTC)
    assert last_publication(datetime(2026, 11, 30, 16, tzinfo=UTC)) == datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
    assert last_publication(datetime(2026, 10, 4, 23, tzinfo=UTC)) == datetime(2026, 10, 2, 14, 30, tzinfo=UTC)


def test_a_gap_is_fetched_once_by_the_smallest_document_and_again_only_when_asked() -> None:
    recent, old = RateNeeds(frozenset({"GBP"}), date(2026, 9, 1)), RateNeeds(frozenset({"GBP"}), date(2025, 1, 1))
    assert due_feed(recent, UpdateRecord(), NOW) is Feed.NINETY_DAYS
    assert due_feed(old, UpdateRecord(), NOW) is Feed.FULL
    fetched = UpdateRecord().after(Feed.FULL, old, NOW)
    assert fetched.history_for == date(2025, 1, 1)
    assert due_feed(old, fetched, NOW + timedelta(hours=1)) is None  # the full history did not cover it
    assert due_feed(old, fetched, NOW + timedelta(hours=1), asked=True) is Feed.FULL
    more = RateNeeds(frozenset({"GBP", "USD"}), date(2025, 1, 1))  # a currency the last fetch did not keep
    assert due_feed(more, fetched, NOW + timedelta(hours=1)) is Feed.FULL


def test_the_daily_rates_are_fetched_once_per_publication() -> None:
    needs = RateNeeds(frozenset({"GBP"}), None)
    assert due_feed(needs, UpdateRecord(), NOW) is Feed.DAILY
    record = UpdateRecord(at=NOW)
    assert due_feed(needs, record, NOW + timedelta(hours=2)) is None  # 14:00 UTC: not published yet
    assert due_feed(needs, record, NOW + timedelta(hours=3)) is Feed.DAILY  # 15:00 UTC is 17:00 in Frankfurt
    assert due_feed(needs, UpdateRecord(at=NOW + timedelta(hours=3)), NOW + timedelta(days=1)) is None
    assert due_feed(RateNeeds(frozenset(), None), UpdateRecord(), NOW) is None  # nothing needs a rate


def test_the_record_survives_in_the_settings_and_a_damaged_one_is_forgotten(database: Database) -> None:
    settings = SettingsStore(database)
    assert UpdateRecord.load(settings) == UpdateRecord()
    record = UpdateRecord(NOW, date(2026, 9, 1), frozenset({"GBP", "USD"}))
    record.save(settings)
    assert UpdateRecord.load(settings) == record
    settings.set("exchange_rates_updated", {"at": "yesterday", "history_for": 3})
    assert UpdateRecord.load(settings) == UpdateRecord()
