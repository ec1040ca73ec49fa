"""Where the worker's rules live: two settings values, so they survive restarts with the rest of the settings."""

from __future__ import annotations

from surveydesk.feed.rules import Rules
from surveydesk.store.settings import SettingsStore

LIST_RULES = "rules.list"
NOTIFY_RULES = "rules.notify"


class RuleStore:
    """The rules for the list and the rules for notifications; until saved, neither restricts anything.

    Read from the settings table on every call rather than cached: they are read when the app starts and
    after the worker saves them, and a cache would be one more copy to keep true.
    """

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def list_rules(self) -> Rules:
        """What the task list shows."""
        return Rules.from_json(self._settings.get(LIST_RULES, None))

    def notify_rules(self) -> Rules:
        """Which new tasks notify the worker."""
        return Rules.from_json(self._settings.get(NOTIFY_RULES, None))

    def save_list_rules(self, rules: Rules) -> None:
        self._settings.set(LIST_RULES, rules.to_json())

    def save_notify_rules(self, rules: Rules) -> None:
        self._settings.set(NOTIFY_RULES, rules.to_json())
