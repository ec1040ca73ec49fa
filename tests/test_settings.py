"""The settings store: JSON values round-trip through a real SQLite file, money exactly, defaults when unset."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveydesk.core.money import Money
from surveydesk.store import Database
from surveydesk.store.settings import MINIMUM_WAGE, SettingsStore


@pytest.fixture
def settings(database: Database) -> SettingsStore:
    return SettingsStore(database)


@pytest.fixture(autouse=True)
def french_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MONETARY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


def test_values_round_trip_through_the_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.sqlite3"
    with Database.open(path) as database:
        SettingsStore(database).set("columns", {"shown": ["title", "reward"], "width": 120, "dense": True})
        SettingsStore(database).set("columns", {"shown": ["title"], "width": 80, "dense": False})
    with Database.open(path) as database:
        assert SettingsStore(database).get("columns", None) == {"shown": ["title"], "width": 80, "dense": False}


def test_unset_key_gives_the_default(settings: SettingsStore) -> None:
    assert settings.get("nothing here", 42) == 42


def test_unreadable_value_gives_the_default(settings: SettingsStore, database: Database) -> None:
    database.connection().execute("INSERT INTO settings (key, value) VALUES ('broken', '{not json')")
    assert settings.get("broken", "fallback") == "fallback"


def test_minimum_wage_is_stored_in_minor_units_never_as_a_float(
    settings: SettingsStore, database: Database
) -> None:
    settings.set_minimum_wage(Money.parse("11.88", "EUR"))
    (stored,) = (
        database.connection().execute("SELECT value FROM settings WHERE key = ?", (MINIMUM_WAGE,)).fetchone()
    )
    assert stored == '{"minor": 1188, "currency": "EUR"}'
    assert settings.minimum_wage() == Money(1188, "EUR")


def test_minimum_wage_defaults_to_the_countrys_statutory_figure(settings: SettingsStore) -> None:
    assert settings.minimum_wage() == Money(1188, "EUR")
    settings.set_country("gb")
    assert settings.country() == "GB"
    assert settings.minimum_wage() == Money(1221, "GBP")


def test_a_cleared_minimum_wage_stays_cleared(settings: SettingsStore) -> None:
    settings.set_minimum_wage(None)
    assert settings.minimum_wage() is None


def test_a_damaged_minimum_wage_falls_back_to_the_countrys(settings: SettingsStore) -> None:
    settings.set(MINIMUM_WAGE, {"minor": 11.88, "currency": "EUR"})
    assert settings.minimum_wage() == Money(1188, "EUR")


def test_country_defaults_to_the_locale_and_refuses_non_codes(
    settings: SettingsStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert settings.country() == "FR"
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert settings.country() == "DE"
    with pytest.raises(ValueError, match="country code"):
        settings.set_country("France")
    settings.set_country("IE")
    assert settings.country() == "IE"
