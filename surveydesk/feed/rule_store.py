"""Where the worker's rules live: two settings values, so they survive restarts with the rest of the settings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date

from surveydesk.feed.rules import Conversion, Rules
from surveydesk.ledger.rates import EURO, Converter, RateStore
from surveydesk.store.database import Database
from surveydesk.store.settings import SettingsStore

# From the currencies of the money rules, what their amounts are worth in every other currency with a rate.
Conversions = Callable[[Iterable[str]], Mapping[tuple[str, str], Conversion]]

LIST_RULES = "rules.list"
NOTIFY_RULES = "rules.notify"


class RuleStore:
    """The rules for the list and the rules for notifications; until saved, neither restricts anything.

    Read from the settings table on every call rather than cached: they are read when the app starts and
    after the worker saves them, and a cache would be one more copy to keep true.
    """

    def __init__(self, settings: SettingsStore, conversions: Conversions | None = None) -> None:
        """`conversions` (`RatesToday`): how a money rule applies to tasks in other currencies; without it, a
        money rule judges only the tasks paid in its own currency."""
        self._settings = settings
        self._conversions = conversions

    def list_rules(self) -> Rules:
        """What the task list shows."""
        return self._converting(Rules.from_json(self._settings.get(LIST_RULES, None)))

    def notify_rules(self) -> Rules:
        """Which new tasks notify the worker."""
        return self._converting(Rules.from_json(self._settings.get(NOTIFY_RULES, None)))

    def _converting(self, rules: Rules) -> Rules:
        sources = {money.currency for money in (rules.min_reward, rules.min_reward_per_hour) if money is not None}
        if self._conversions is None or not sources:
            return rules
        return replace(rules, conversions=self._conversions(sources))

    def unconverted(self, source: str, currencies: Iterable[str]) -> list[str]:
        """Those of `currencies` an amount in `source` cannot be converted into (no rate yet), sorted."""
        others = sorted({currency for currency in currencies if currency != source})
        if not others:
            return []
        known = {} if self._conversions is None else self._conversions([source])
        return [currency for currency in others if (source, currency) not in known]

    def save_list_rules(self, rules: Rules) -> None:
        self._settings.set(LIST_RULES, rules.to_json())

    def save_notify_rules(self, rules: Rules) -> None:
        self._settings.set(NOTIFY_RULES, rules.to_json())


class RatesToday:
    """The History's exchange rates in force today, as the money rules' conversions: the latest rate of each
    currency dated on or before today (never one guessed from another day); a currency with none is left out,
    and its tasks pass the money rules."""

    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        self._rates = RateStore(database)
        self._today = today

    def __call__(self, sources: Iterable[str]) -> dict[tuple[str, str], Conversion]:
        day = self._today()
        rates = self._rates.in_force(day)
        known = {rate.currency for rate in rates} | {EURO}
        conversions = {}
        for target in sorted(known):
            converter = Converter(rates, target)
            for source in sources:
                factor = None if source == target else converter.factor(source, day.isoformat())
                if factor is not None:
                    conversions[(source, target)] = Conversion(
                        factor, converter.conversion_day(source, day) or day
                    )
        return conversions
