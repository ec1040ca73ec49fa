"""The rule store: both rule sets survive a restart in a real SQLite file, and start out restricting nothing."""

from __future__ import annotations

from pathlib import Path

from surveydesk.core.money import Money
from surveydesk.feed import Rules, RuleStore
from surveydesk.feed.rule_store import LIST_RULES, NOTIFY_RULES
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore


def _store(database: Database) -> RuleStore:
    return RuleStore(SettingsStore(database))


def test_unsaved_rules_restrict_nothing(database: Database) -> None:
    store = _store(database)
    assert store.list_rules() == Rules()
    assert store.notify_rules() == Rules()
    assert not store.list_rules().restricts


def test_both_rule_sets_survive_a_restart_apart(tmp_path: Path) -> None:
    path = tmp_path / "rules.sqlite3"
    shown = Rules(min_reward=Money(50, "GBP"), exclude_words=("webcam",), platforms=frozenset({"prolific"}))
    notifying = Rules(min_reward_per_hour=Money(1_200, "USD"), min_places=3)
    with Database.open(path) as database:
        store = _store(database)
        store.save_list_rules(shown)
        store.save_notify_rules(notifying)
    with Database.open(path) as database:
        store = _store(database)
        assert store.list_rules() == shown
        assert store.notify_rules() == notifying


def test_saving_again_replaces_the_rules(database: Database) -> None:
    store = _store(database)
    store.save_list_rules(Rules(max_minutes=30))
    store.save_list_rules(Rules(max_minutes=15))
    assert store.list_rules() == Rules(max_minutes=15)
    assert store.notify_rules() == Rules()


def test_rules_are_stored_under_their_keys_with_money_in_minor_units(database: Database) -> None:
    settings = SettingsStore(database)
    RuleStore(settings).save_notify_rules(Rules(min_reward=Money(75, "EUR")))
    assert settings.get(NOTIFY_RULES, None)["min_reward"] == {"minor": 75, "currency": "EUR"}
    assert settings.get(LIST_RULES, None) is None


def test_unreadable_stored_rules_give_no_rules(database: Database) -> None:
    database.connection().execute("INSERT INTO settings (key, value) VALUES (?, ?)", (LIST_RULES, "{broken"))
    SettingsStore(database).set(NOTIFY_RULES, ["not", "rules"])
    store = _store(database)
    assert store.list_rules() == Rules()
    assert store.notify_rules() == Rules()
