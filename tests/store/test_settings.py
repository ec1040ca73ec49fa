"""The settings store: JSON values round-trip through a real SQLite file, defaults when unset or unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore


@pytest.fixture
def settings(database: Database) -> SettingsStore:
    return SettingsStore(database)


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
