"""The worker's country and minimum wage in the settings: money exactly, the country's figure by default."""

from __future__ import annotations

from datetime import date

import pytest

from surveydesk.core.money import Money
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.work.wage_settings import MINIMUM_WAGE, WageSettings


@pytest.fixture
def settings(database: Database) -> WageSettings:
    return WageSettings(SettingsStore(database))


@pytest.fixture(autouse=True)
def french_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MONETARY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def test_minimum_wage_is_stored_in_minor_units_never_as_a_float(
    settings: WageSettings, database: Database
) -> None:
    settings.set_minimum_wage(Money.parse("11.88", "EUR"), date(2026, 12, 7))
    (stored,) = (
        database.connection().execute("SELECT value FROM settings WHERE key = ?", (MINIMUM_WAGE,)).fetchone()
    )
    assert stored == '{"rates": [{"since": "2026-12-07", "minor": 1188, "currency": "EUR"}]}'
    assert settings.minimum_wage() == Money(1188, "EUR")


def test_her_own_figure_applies_from_its_day_and_earlier_days_keep_the_rates_of_their_time(
    settings: WageSettings,
) -> None:
    settings.set_minimum_wage(Money(1000, "EUR"), date(2026, 6, 1))
    settings.set_minimum_wage(Money(1100, "EUR"), date(2026, 9, 1))
    settings.set_minimum_wage(Money(1050, "EUR"), date(2026, 9, 1))  # the same day: replaced

    def on(day: date) -> Money | None:
        rate = settings.minimum_on(day)
        return None if rate is None else rate.hourly

    assert on(date(2024, 11, 1)) == Money(940, "EUR")  # the SMIC net of its time
    assert on(date(2026, 5, 31)) == Money(952, "EUR")
    assert on(date(2026, 6, 1)) == Money(1000, "EUR")
    assert on(date(2026, 12, 7)) == Money(1050, "EUR")
    settings.set_minimum_wage(None, date(2026, 12, 7))
    assert on(date(2026, 12, 7)) is None and on(date(2026, 7, 1)) == Money(1000, "EUR")


def test_a_figure_kept_before_minimums_were_dated_applies_to_every_day(
    settings: WageSettings, database: Database
) -> None:
    SettingsStore(database).set(MINIMUM_WAGE, {"minor": 1188, "currency": "EUR"})
    rate = settings.minimum_on(date(2020, 1, 1))
    assert rate is not None and rate.hourly == Money(1188, "EUR")


def test_minimum_wage_defaults_to_the_countrys_statutory_figure(settings: WageSettings) -> None:
    assert settings.minimum_wage() == Money(952, "EUR")  # France's net SMIC
    settings.set_country("gb")
    assert settings.country() == "GB"
    assert settings.minimum_wage() == Money(1271, "GBP")


def test_a_cleared_minimum_wage_stays_cleared(settings: WageSettings) -> None:
    settings.set_minimum_wage(None, date(2026, 12, 7))
    assert settings.minimum_wage() is None


def test_a_damaged_minimum_wage_falls_back_to_the_countrys(settings: WageSettings, database: Database) -> None:
    SettingsStore(database).set(MINIMUM_WAGE, {"minor": 11.88, "currency": "EUR"})
    assert settings.minimum_wage() == Money(952, "EUR")


def test_country_defaults_to_the_locale_and_refuses_non_codes(
    settings: WageSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.country() == "FR"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert settings.country() == "DE"
    with pytest.raises(ValueError, match="country code"):
        settings.set_country("France")
    settings.set_country("IE")
    assert settings.country() == "IE"
