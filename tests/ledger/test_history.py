"""The history's queries: totals per period, platform and status group in the worker's currency, and pages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from surveydesk.core.money import Money
from surveydesk.ledger.history import EntryFilter, Figure, History, earnings_series, open_history, start_of
from surveydesk.ledger.rates import Converter, Rate, RateStore
from surveydesk.ledger.zone import apply_zone
from surveydesk.store import Database
from surveydesk.store.migrations import MIGRATIONS
from tests.history_data import add_entry, set_status


def at(day: str, hour: int = 12, minute: int = 0) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, minute=minute, tzinfo=UTC)


@pytest.fixture
def history(database: Database) -> History:
    return History(database)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("day", {date(2026, 3, 2): 100, date(2026, 3, 4): 250, date(2026, 4, 1): 1000, date(2027, 1, 5): 7}),
        ("week", {date(2026, 3, 2): 350, date(2026, 3, 30): 1000, date(2027, 1, 4): 7}),
        ("month", {date(2026, 3, 1): 350, date(2026, 4, 1): 1000, date(2027, 1, 1): 7}),
        ("year", {date(2026, 1, 1): 1350, date(2027, 1, 1): 7}),
    ],
)
def test_totals_add_up_per_period(database: Database, history: History, period: str, expected: dict) -> None:
    add_entry(database, "a", at("2026-03-02"), 100)
    add_entry(database, "b", at("2026-03-04"), 200)
    add_entry(database, "c", at("2026-03-04"), 50, status="approved")
    add_entry(database, "d", at("2026-04-01"), 1000, status="awaiting_review")
    add_entry(database, "e", at("2027-01-05"), 7, status="submitted")
    totals = history.totals(period, "GBP")
    assert {p.start: p.earned().minor for p in totals.periods} == expected
    assert totals.entries == 5


@pytest.mark.parametrize(
    ("status", "group"),
    [
        ("submitted", "pending"),
        ("awaiting_review", "pending"),
        ("in_progress", "pending"),
        ("approved", "approved"),
        ("paid", "paid"),
        ("rejected", "declined"),
        ("returned", "declined"),
        ("screened_out", "declined"),
        ("reversed", "declined"),
    ],
)
def test_each_status_counts_in_its_group(database: Database, history: History, status: str, group: str) -> None:
    add_entry(database, "a", at("2026-03-02"), 120, status=status)
    totals = history.totals("month", "GBP")
    assert totals.by_group[group].amount == Money(120, "GBP")
    assert sum(figure.entries for figure in totals.by_group.values()) == 1
    earned_by_platform = {name: figure.amount.minor for name, figure in totals.by_platform.items()}
    assert earned_by_platform == ({} if group == "declined" else {"prolific": 120})


def test_totals_by_platform_leave_declined_amounts_out(database: Database, history: History) -> None:
    add_entry(database, "a", at("2026-03-02"), 100, platform="prolific")
    add_entry(database, "b", at("2026-03-02"), 300, platform="mturk", currency="GBP")
    add_entry(database, "c", at("2026-03-02"), 900, platform="mturk", status="rejected")
    totals = history.totals("month", "GBP")
    assert {name: figure.amount.minor for name, figure in totals.by_platform.items()} == {
        "mturk": 300,
        "prolific": 100,
    }
    assert totals.by_group["declined"].amount.minor == 900


def test_the_daily_totals_follow_status_changes_and_deletions(database: Database, history: History) -> None:
    add_entry(database, "a", at("2026-03-02"), 100, status="awaiting_review")
    add_entry(database, "b", at("2026-03-02"), 40, status="awaiting_review")
    set_status(database, "a", "approved")
    totals = history.totals("day", "GBP")
    assert totals.by_group["pending"].amount.minor == 40
    assert totals.by_group["approved"].amount.minor == 100
    with database.transaction() as connection:
        connection.execute("DELETE FROM ledger_entries WHERE id = 'b'")
    totals = history.totals("day", "GBP")
    assert totals.by_group["pending"].entries == 0
    assert totals.entries == 1


def test_amounts_convert_with_the_rate_in_force_on_their_day(database: Database, history: History) -> None:
    rates = RateStore(database)
    rates.set_by_worker("USD", date(2026, 1, 1), Decimal("1.25"))
    rates.set_by_worker("GBP", date(2026, 1, 1), Decimal("0.8"))
    rates.set_by_worker("USD", date(2026, 2, 1), Decimal("1.6"))
    add_entry(database, "jan", at("2026-01-15"), 1000, currency="USD")  # 10 USD / 1.25 × 0.8 = 6.40 GBP
    add_entry(database, "feb", at("2026-02-15"), 1000, currency="USD")  # 10 USD / 1.6 × 0.8 = 5.00 GBP
    add_entry(database, "eur", at("2026-02-15"), 100, currency="EUR")  # 1 EUR × 0.8 = 0.80 GBP
    totals = history.totals("month", "GBP")
    assert [p.earned().minor for p in totals.periods] == [640, 580]
    assert not totals.missing


def test_an_amount_older_than_every_rate_is_reported_not_guessed(database: Database, history: History) -> None:
    RateStore(database).set_by_worker("USD", date(2026, 2, 1), Decimal("1.25"))
    add_entry(database, "old", at("2026-01-15"), 1000, currency="USD")
    add_entry(database, "new", at("2026-02-15"), 500, currency="USD")
    add_entry(database, "eur", at("2026-01-15"), 300, currency="EUR")
    totals = history.totals("year", "EUR")
    assert totals.by_group["paid"].amount == Money(700, "EUR")  # 3.00 EUR + 5 USD / 1.25
    (missing,) = totals.missing
    assert (missing.currency, missing.minor, missing.entries, missing.first_day) == (
        "USD",
        1000,
        1,
        date(2026, 1, 15),
    )


def test_conversion_rounds_once_per_figure_half_up() -> None:
    converter = Converter([Rate("USD", date(2026, 1, 1), Decimal("3"), "worker")], "EUR")
    # 1 cent at 3 USD per euro is a third of a cent: rounded, each is 0; summed first, three make 1.
    assert converter.exact(Money(1, "USD"), date(2026, 1, 2)) == Decimal(1) / 3
    assert converter.factor("JPY", "2026-01-02") is None


def test_conversion_follows_minor_units_of_both_currencies() -> None:
    converter = Converter([Rate("JPY", date(2026, 1, 1), Decimal("160"), "ecb")], "EUR")
    assert converter.exact(Money(1600, "JPY"), date(2026, 1, 1)) == Decimal(1000)  # ¥1600 = €10.00


def test_local_days_follow_the_worker_zone_across_summer_time(database: Database, history: History) -> None:
    # 23:30 UTC is the next day in Berlin (UTC+1 in winter, +2 in summer); 22:30 UTC only in summer.
    add_entry(database, "winter", at("2026-01-10", 23, 30), 100)
    add_entry(database, "summer", at("2026-07-10", 22, 30), 200)
    add_entry(database, "noon", at("2026-07-10", 12, 0), 5)
    utc_days = {p.start: p.earned().minor for p in history.totals("day", "GBP").periods}
    assert utc_days == {date(2026, 1, 10): 100, date(2026, 7, 10): 205}
    assert apply_zone(database, ZoneInfo("Europe/Berlin"))
    berlin_days = {p.start: p.earned().minor for p in history.totals("day", "GBP").periods}
    assert berlin_days == {date(2026, 1, 11): 100, date(2026, 7, 11): 200, date(2026, 7, 10): 5}
    add_entry(database, "later", at("2026-12-31", 23, 30), 1)  # kept by the trigger in Berlin's days
    years = {p.start: p.earned().minor for p in history.totals("year", "GBP").periods}
    assert years == {date(2026, 1, 1): 305, date(2027, 1, 1): 1}
    assert not apply_zone(database, ZoneInfo("Europe/Berlin"))  # already so: nothing rebuilt


def test_a_zone_west_of_utc_moves_early_hours_to_the_day_before(database: Database, history: History) -> None:
    apply_zone(database, ZoneInfo("America/New_York"))
    add_entry(database, "a", at("2026-03-01", 3, 0), 100)  # 22:00 on 28 February in New York
    assert [p.start for p in history.totals("month", "GBP").periods] == [date(2026, 2, 1)]


def test_weeks_start_on_monday() -> None:
    assert start_of(date(2026, 3, 8), "week") == date(2026, 3, 2)  # a Sunday
    assert start_of(date(2026, 3, 2), "week") == date(2026, 3, 2)


def test_pages_sort_and_do_not_overlap(database: Database, history: History) -> None:
    for index in range(25):
        add_entry(database, f"e{index:02d}", at("2026-03-01") + timedelta(hours=index), 100 + index % 7)
    first = history.page(EntryFilter(), limit=10)
    second = history.page(EntryFilter(), offset=10, limit=10)
    third = history.page(EntryFilter(), offset=20, limit=10)
    ids = [row.id for row in first + second + third]
    assert ids == [f"e{index:02d}" for index in reversed(range(25))]
    by_amount = history.page(EntryFilter(), sort="amount", descending=False, limit=25)
    assert [row.amount.minor for row in by_amount] == sorted(row.amount.minor for row in by_amount)


def test_pages_filter_by_platform_group_words_and_time(database: Database, history: History) -> None:
    add_entry(database, "a", at("2026-03-01"), 100, title="Memory 100% game", platform="prolific")
    add_entry(database, "b", at("2026-03-02"), 100, title="Memory game", platform="mturk")
    add_entry(database, "c", at("2026-03-03"), 100, title="Vision study", status="rejected")
    add_entry(database, "d", at("2025-03-03"), 100, title="Old", note="asked for a bonus")

    def ids(where: EntryFilter) -> list[str]:
        return sorted(row.id for row in history.page(where))

    assert ids(EntryFilter(text="memory")) == ["a", "b"]
    assert ids(EntryFilter(text="100%")) == ["a"]  # % is a character, not a wildcard
    assert ids(EntryFilter(text="_")) == []
    assert ids(EntryFilter(platform="mturk")) == ["b"]
    assert ids(EntryFilter(group="declined")) == ["c"]
    assert ids(EntryFilter(text="bonus")) == ["d"]
    assert ids(EntryFilter(since=at("2026-01-01", 0), until=at("2027-01-01", 0))) == ["a", "b", "c"]
    assert history.count(EntryFilter(group="paid")) == 3
    assert history.count(EntryFilter(text="memory")) == 2
    assert history.count(EntryFilter(since=at("2026-01-01", 0))) == 3


def test_opening_gives_totals_chart_series_and_first_page(database: Database, history: History) -> None:
    add_entry(database, "a", at("2026-03-01"), 100, platform="prolific")
    add_entry(database, "b", at("2026-04-02"), 300, platform="mturk", status="approved")
    snapshot = open_history(history, "month", "GBP")
    assert snapshot.entries == 2
    assert [row.id for row in snapshot.first_page] == ["b", "a"]
    series = snapshot.earnings
    assert series.starts == [date(2026, 3, 1), date(2026, 4, 1)]
    assert series.by_platform == {"mturk": [0, 300], "prolific": [100, 0]}
    assert series.unpaid_share == [0.0, 1.0]
    assert earnings_series(snapshot.totals) == series


def test_a_reversal_entry_takes_paid_money_back(database: Database, history: History) -> None:
    add_entry(database, "task", at("2026-03-02"), 500, status="paid")
    add_entry(database, "back", at("2026-03-05"), -500, status="reversed", kind="reversal")
    add_entry(database, "gone", at("2026-03-06"), 70, status="reversed", kind="task")
    totals = history.totals("month", "GBP")
    assert totals.by_group["paid"] == Figure(Money(0, "GBP"), 2)
    assert totals.by_group["declined"] == Figure(Money(70, "GBP"), 1)
    assert sorted(row.id for row in history.page(EntryFilter(group="paid"))) == ["back", "task"]
    assert [row.id for row in history.page(EntryFilter(group="declined"))] == ["gone"]
    assert history.count(EntryFilter(group="paid")) == 2


def test_the_daily_totals_are_built_for_a_ledger_that_existed_before_them(tmp_path) -> None:
    path = tmp_path / "older.sqlite3"
    with Database.open(path, MIGRATIONS[:5]) as older:
        add_entry(older, "a", at("2026-03-02"), 100)
        add_entry(older, "b", at("2026-03-02"), 50, status="approved", platform="mturk")
    with Database.open(path) as upgraded:
        totals = History(upgraded).totals("day", "GBP")
        assert totals.by_group["paid"] == Figure(Money(100, "GBP"), 1)
        assert totals.by_platform["mturk"] == Figure(Money(50, "GBP"), 1)


def test_a_period_sums_each_day_at_its_own_rates_when_both_change_within_it(
    database: Database, history: History
) -> None:
    """SQLite sums the days that share both rates in force: a change of either splits them."""
    rates = RateStore(database)
    rates.set_by_worker("USD", date(2026, 1, 1), Decimal("1.25"))
    rates.set_by_worker("GBP", date(2026, 1, 1), Decimal("0.8"))
    rates.set_by_worker("USD", date(2026, 1, 10), Decimal("1.6"))
    rates.set_by_worker("GBP", date(2026, 1, 20), Decimal("0.9"))
    add_entry(database, "a", at("2026-01-05"), 1000, currency="USD")  # 10 / 1.25 × 0.8 = 6.40
    add_entry(database, "b", at("2026-01-06"), 1000, currency="USD")  # 6.40
    add_entry(database, "c", at("2026-01-15"), 1000, currency="USD")  # 10 / 1.6 × 0.8 = 5.00
    add_entry(database, "d", at("2026-01-25"), 1000, currency="USD")  # 10 / 1.6 × 0.9 = 5.625
    add_entry(database, "e", at("2026-01-25"), 100, currency="EUR")  # 1 × 0.9 = 0.90
    add_entry(database, "f", at("2026-01-06"), 100, currency="GBP")  # 1.00
    totals = history.totals("month", "GBP")
    assert [p.earned().minor for p in totals.periods] == [2533]  # 25.325 GBP, rounded once, half up
    assert totals.by_platform["prolific"].entries == 6


@pytest.mark.parametrize("period", ["day", "week", "month", "year"])
def test_every_day_falls_in_the_period_start_of_gives(database: Database, history: History, period: str) -> None:
    first = date(2026, 12, 20)  # weeks, months and a year end on every day of the week
    days = [first + timedelta(days=number) for number in range(50)]
    for number, day in enumerate(days):
        add_entry(database, f"e{number}", at(day.isoformat()), 1)
    totals = history.totals(period, "GBP")
    expected: dict[date, int] = {}
    for day in days:
        expected[start_of(day, period)] = expected.get(start_of(day, period), 0) + 1
    assert {p.start: p.earned().minor for p in totals.periods} == expected


def _month_totals(database: Database) -> dict[tuple[str, str, str], tuple[int, int]]:
    rows = database.connection().execute(
        "SELECT month, status, currency, amount_minor, entries FROM ledger_month_totals WHERE entries"
    )
    return {(month, status, currency): (minor, entries) for month, status, currency, minor, entries in rows}


def _day_totals_by_month(database: Database) -> dict[tuple[str, str, str], tuple[int, int]]:
    rows = database.connection().execute(
        "SELECT substr(day, 1, 7) || '-01' AS month, status, currency, sum(amount_minor), sum(entries) "
        "FROM ledger_day_totals GROUP BY month, status, currency HAVING sum(entries)"
    )
    return {(month, status, currency): (minor, entries) for month, status, currency, minor, entries in rows}


def test_the_monthly_totals_follow_the_daily_ones_through_changes_deletions_and_a_new_zone(
    database: Database,
) -> None:
    add_entry(database, "a", at("2026-02-28", 23, 30), 100, status="awaiting_review")
    add_entry(database, "b", at("2026-03-04"), 40, currency="USD")
    add_entry(database, "c", at("2026-03-31", 23, 30), 7)
    set_status(database, "a", "approved")
    with database.transaction() as connection:
        connection.execute("DELETE FROM ledger_entries WHERE id = 'b'")
    assert _month_totals(database) == {
        ("2026-02-01", "approved", "GBP"): (100, 1),
        ("2026-03-01", "paid", "GBP"): (7, 1),
    }
    assert apply_zone(database, ZoneInfo("Europe/Berlin"))  # 23:30 UTC on the last of a month is the next month
    assert _month_totals(database) == {
        ("2026-03-01", "approved", "GBP"): (100, 1),
        ("2026-04-01", "paid", "GBP"): (7, 1),
    }
    assert _month_totals(database) == _day_totals_by_month(database)


def test_migration_17_builds_the_monthly_totals_of_a_ledger_that_existed_before_them(tmp_path) -> None:
    path = tmp_path / "older.sqlite3"
    with Database.open(path, MIGRATIONS[:16]) as older:
        add_entry(older, "a", at("2026-03-02"), 100)
        add_entry(older, "b", at("2026-03-20"), 50)
        add_entry(older, "c", at("2026-04-02"), 5, status="approved")
    with Database.open(path) as upgraded:
        assert _month_totals(upgraded) == {
            ("2026-03-01", "paid", "GBP"): (150, 2),
            ("2026-04-01", "approved", "GBP"): (5, 1),
        }
        add_entry(upgraded, "d", at("2026-04-03"), 1, status="approved")  # kept from now on by the triggers
        assert _month_totals(upgraded)["2026-04-01", "approved", "GBP"] == (6, 2)


def test_one_factor_holds_only_where_no_rate_of_either_currency_changes() -> None:
    converter = Converter(
        [
            Rate("USD", date(2026, 1, 1), Decimal("1.25"), "ecb"),
            Rate("GBP", date(2026, 1, 1), Decimal("0.8"), "ecb"),
            Rate("GBP", date(2026, 2, 10), Decimal("0.9"), "ecb"),
        ],
        "GBP",
    )
    january, february = (date(2026, 1, 1), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 2, 28))
    assert converter.one_factor("USD", *january)
    assert not converter.one_factor("USD", *february)  # the target's rate changes on the 10th
    assert not converter.one_factor("EUR", *february)
    assert converter.one_factor("GBP", *february)  # the target's own currency needs no rate
    assert not converter.one_factor("CHF", *january)  # no rate at all: left to the daily totals, which say so


@pytest.mark.parametrize("period", ["month", "year"])
def test_months_read_whole_and_months_read_by_day_add_up_alike(
    database: Database, history: History, period: str
) -> None:
    """A month one rate converts throughout comes from the monthly totals; one whose rate changes in it (or that
    has no rate at first) from the daily ones: together they give what converting every day would."""
    rates = RateStore(database)
    rates.set_by_worker("USD", date(2026, 1, 1), Decimal("1.25"))
    rates.set_by_worker("USD", date(2026, 2, 15), Decimal("1.6"))
    rates.set_by_worker("CHF", date(2026, 2, 10), Decimal("0.9"))
    add_entry(database, "jan", at("2026-01-15"), 1000, currency="USD")  # 8.00 EUR, one rate all January
    add_entry(database, "feb-1", at("2026-02-05"), 1000, currency="USD")  # 8.00 EUR
    add_entry(database, "feb-2", at("2026-02-20"), 1000, currency="USD")  # 6.25 EUR
    add_entry(database, "eur", at("2026-02-20"), 100, currency="EUR", platform="cpx")  # 1.00 EUR
    add_entry(database, "chf-old", at("2026-02-05"), 900, currency="CHF")  # before any CHF rate: not converted
    add_entry(database, "chf", at("2026-02-25"), 900, currency="CHF")  # 10.00 EUR
    totals = history.totals(period, "EUR")
    by_day = history.totals("day", "EUR")
    assert sum(p.earned().minor for p in totals.periods) == sum(p.earned().minor for p in by_day.periods) == 3325
    assert totals.by_platform["cpx"] == Figure(Money(100, "EUR"), 1)
    (missing,) = totals.missing
    assert (missing.currency, missing.minor, missing.first_day) == ("CHF", 900, date(2026, 2, 5))
    assert history.totals(period, "EUR", since=date(2026, 2, 1), until=date(2026, 2, 28)).entries == 5
    assert history.count(EntryFilter()) == 6
