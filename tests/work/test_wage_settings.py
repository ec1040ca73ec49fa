"""The worker's country and minimum wage in the settings: money exactly, the country's figure by default."""

from __future__ import annotations

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
    settings.set_minimum_wage(Money.parse("11.88", "EUR"))
    (stored,) = (
        database.connection().execute("SELECT value FROM settings WHERE key = ?", (MINIMUM_WAGE,)).fetchone()
    )
    assert stored == '{"minor": 1188, "currency": "EUR"}'
    assert settings.minimum_wage() == Money(1188, "EUR")


def test_minimum_wage_defaults_to_the_countrys_statutory_figure(settings: WageSettings) -> None:
    assert settings.minimum_wage() == Money(1188, "EUR")
    settings.set_country("gb")
    assert settings.country() == "GB"
    assert settings.minimum_wage() == Money(1221, "GBP")


def test_a_cleared_minimum_wage_stays_cleared(settings: WageSettings) -> None:
    settings.set_minimum_wage(None)
    assert settings.minimum_wage() is None


def test_a_damaged_minimum_wage_falls_back_to_the_countrys(settings: WageSettings, database: Database) -> None:
    SettingsStore(database).set(MINIMUM_WAGE, {"minor": 11.88, "currency": "EUR"})
    assert settings.minimum_wage() == Money(1188, "EUR")


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
