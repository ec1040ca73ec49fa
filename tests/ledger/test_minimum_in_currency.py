"""The minimum wage of a day in the currency of a wage: France's SMIC against pounds and dollars, through the
History's dated rates, the rate's day named, a missing rate said; an old month judged by the SMIC of its time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QThreadPool

from surveydesk.core.money import Money
from surveydesk.ledger.minimum_in_currency import MinimumInCurrency, MinimumWages
from surveydesk.ledger.month_review import month_review
from surveydesk.ledger.rates import RateStore
from surveydesk.services.wage_reports import WageReports, WageSummary
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from surveydesk.work.wage_settings import WageSettings
from tests.factories import T0, FixedClock
from tests.ledger.test_month_review import work


@pytest.fixture(autouse=True)
def in_france(database: Database) -> None:
    WageSettings(SettingsStore(database)).set_country("FR")


def test_the_smic_in_pounds_with_the_rate_of_the_day(database: Database) -> None:
    rates = RateStore(database)
    rates.set_by_worker("GBP", date(2026, 12, 3), Decimal("0.85"))
    rates.set_by_worker("GBP", date(2026, 12, 4), Decimal("0.8467"))
    rates.set_by_worker("GBP", date(2026, 12, 9), Decimal("0.90"))  # later than the day: not used

    minimum = MinimumWages(database).on(date(2026, 12, 7), ["GBP", "EUR", "USD"])

    assert minimum.hourly == Money(952, "EUR")
    assert minimum.by_currency["GBP"] == MinimumInCurrency(
        Money(952, "EUR"),
        date(2026, 1, 1),
        "GBP",
        Money(806, "GBP"),
        date(2026, 12, 4),  # 952 × 0.8467 = 806.06
    )
    assert minimum.by_currency["EUR"].converted == Money(952, "EUR")
    assert not minimum.by_currency["EUR"].needs_rate
    no_rate = minimum.by_currency["USD"]
    assert no_rate.converted is None and no_rate.rate_day is None  # said, never guessed


def test_an_old_day_takes_the_smic_and_the_rate_of_its_time(database: Database) -> None:
    RateStore(database).set_by_worker("GBP", date(2024, 12, 2), Decimal("0.83"))
    RateStore(database).set_by_worker("GBP", date(2026, 12, 4), Decimal("0.8467"))

    minimum = MinimumWages(database).on(date(2024, 12, 2), ["GBP"])

    assert minimum.by_currency["GBP"].minimum == Money(940, "EUR")
    assert minimum.by_currency["GBP"].converted == Money(780, "GBP")  # 940 × 0.83 = 780.2
    assert minimum.by_currency["GBP"].rate_day == date(2024, 12, 2)


def test_a_month_is_held_against_the_minimum_of_its_time(database: Database) -> None:
    work(database, FixedClock(datetime(2024, 3, 10, 9, tzinfo=UTC)), paid_minutes=120, unpaid_minutes=60, pay=900)

    march_2024 = month_review(database, date(2024, 3, 1), "EUR", UTC)

    assert march_2024.minimum is not None and march_2024.minimum.minimum == Money(922, "EUR")
    assert march_2024.share_of_minimum() == 300 / 922  # €3.00/h true wage against the SMIC net of 2024


def test_a_month_in_pounds_without_a_rate_is_not_compared(database: Database) -> None:
    work(database, FixedClock(datetime(2026, 3, 10, 9, tzinfo=UTC)), paid_minutes=120, unpaid_minutes=60, pay=900)

    march = month_review(database, date(2026, 3, 1), "GBP", UTC)

    assert march.minimum is not None and march.minimum.converted is None
    assert march.share_of_minimum() is None


@pytest.fixture
def reports(qtbot, database: Database, pool: QThreadPool) -> Iterator[WageReports]:
    service = WageReports(WorkLog(database), pool, UTC, minimums=MinimumWages(database).on)
    yield service
    pool.waitForDone(10_000)


def test_the_wage_reports_bring_the_minimum_in_each_currency_earned(
    qtbot, database: Database, reports: WageReports
) -> None:
    RateStore(database).set_by_worker("GBP", T0.date() - timedelta(days=1), Decimal("0.8467"))
    clock = FixedClock()
    keeper = Timekeeper(WorkLog(database), clock)
    clock.set_wall(T0)
    keeper.clock_in()
    for external_id, reward in (("a", Money(150, "GBP")), ("b", Money(50, "USD"))):
        attempt = keeper.take(NewAttempt("prolific", "me", external_id, external_id, "Lab", reward, None))
        clock.advance(600)
        keeper.finish(attempt.id, Outcome.SUBMITTED)
    keeper.clock_out()

    with qtbot.waitSignal(reports.ready, timeout=10_000) as ready:
        reports.refresh(T0 + timedelta(hours=1))
    summary: WageSummary = ready.args[0]

    assert summary.minimum is not None and summary.minimum.day == T0.date()
    assert summary.minimum.by_currency["GBP"].converted == Money(806, "GBP")
    assert summary.minimum.by_currency["USD"].converted is None
