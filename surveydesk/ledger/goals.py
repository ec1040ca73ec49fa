"""Earnings goals for the day, the week and the month, and how far the worker is from each.

A goal is an amount in one currency (the worker's), kept in the settings. Progress counts the money *earned*:
approved or paid, converted with the rates of its day (`ledger.history`); money under review is shown apart and
never counted towards a goal. The time still needed is the rest of the goal at today's true wage (what today's
shift paid per hour, searching and unpaid tasks included): a promise the worker's own day makes, not a rate a
platform advertises; there is none before anything was paid today, nor while today's shift is too short for its
wage to count (`work.wages.long_enough_to_count`: a task paid two seconds into the day is not a wage).

A goal reached is said once per period: the periods already said are kept in the settings, so a restart does
not say it again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from surveydesk.core.money import Money, MoneyError, normalise_currency
from surveydesk.ledger.attempts import WorkLogAsHistorySays
from surveydesk.ledger.history import APPROVED, PAID, PENDING, History, start_of, wage_series
from surveydesk.ledger.rates import Converter, RateStore
from surveydesk.store.database import Database
from surveydesk.store.settings import JsonValue, SettingsStore
from surveydesk.work.wages import long_enough_to_count

log = logging.getLogger(__name__)

GOAL_PERIODS = ("day", "week", "month")
GOALS_SETTING = "earnings_goals"
SAID_SETTING = "earnings_goals_said"


class GoalSettings:
    """The worker's goals in the settings; one that cannot be read counts as none, logged."""

    def __init__(self, settings: SettingsStore) -> None:
        self._settings = settings

    def goals(self) -> dict[str, Money]:
        stored: object = self._settings.get(GOALS_SETTING, None)
        goals: dict[str, Money] = {}
        if not isinstance(stored, dict):
            if stored is not None:
                log.warning("setting %r is not a table of goals; none is set", GOALS_SETTING)
            return goals
        for period in GOAL_PERIODS:
            value = stored.get(period)
            if value is None:
                continue
            try:
                goals[period] = _goal_of(value)
            except MoneyError as error:
                log.warning("the %s goal cannot be read (%s); it is left unset", period, error)
        return goals

    def set_goal(self, period: str, goal: Money | None) -> None:
        """Keep `goal` for `period`, exactly in minor units; None (or nothing) removes it."""
        if period not in GOAL_PERIODS:
            raise ValueError(f"no such goal period: {period!r}")
        kept: dict[str, JsonValue] = {
            name: {"minor": money.minor, "currency": money.currency} for name, money in self.goals().items()
        }
        if goal is None or goal.minor <= 0:
            kept.pop(period, None)
        else:
            kept[period] = {"minor": goal.minor, "currency": normalise_currency(goal.currency)}
        self._settings.set(GOALS_SETTING, kept)

    def newly_reached(self, progress: Sequence[GoalProgress]) -> list[GoalProgress]:
        """The goals reached in periods not said before; they are marked said, so each is said once."""
        stored: object = self._settings.get(SAID_SETTING, None)
        said: dict[str, JsonValue] = dict(stored) if isinstance(stored, dict) else {}
        new = [goal for goal in progress if goal.reached and said.get(goal.period) != goal.start.isoformat()]
        if new:
            said.update({goal.period: goal.start.isoformat() for goal in new})
            self._settings.set(SAID_SETTING, said)
        return new


def _goal_of(value: object) -> Money:
    if not isinstance(value, dict):
        raise MoneyError(f"not a money object: {value!r}")
    minor, currency = value.get("minor"), value.get("currency")
    if type(minor) is not int or minor <= 0 or not isinstance(currency, str):
        raise MoneyError(f"not a goal: {value!r}")
    return Money(minor, normalise_currency(currency))


@dataclass(frozen=True, slots=True)
class GoalProgress:
    """One goal in its running period: what was earned (approved, paid) and what is still under review."""

    period: str
    start: date  # the period's first local day
    goal: Money
    earned: Money
    pending: Money
    true_wage: Money | None  # today's, per hour, in the goal's currency; None before anything was paid today
    true_wage_seconds: float  # today's shift time, which the true wage divides by

    @property
    def reached(self) -> bool:
        return self.earned.minor >= self.goal.minor

    @property
    def remaining(self) -> Money:
        return Money(max(0, self.goal.minor - self.earned.minor), self.goal.currency)

    @property
    def minutes_more(self) -> int | None:
        """The time the rest would take at today's true wage, in whole minutes (rounded up); None without one, or
        with one measured over too short a time to count."""
        if self.true_wage is None or self.true_wage.minor <= 0 or not long_enough_to_count(self.true_wage_seconds):
            return None
        return -(-self.remaining.minor * 60 // self.true_wage.minor)


def progress(database: Database, goals: Mapping[str, Money], now: datetime, zone: tzinfo) -> list[GoalProgress]:
    """Each goal's progress in the day, week or month holding `now` in `zone` (the history's own zone, which
    dates its daily totals), read on the calling thread's connection."""
    today = now.astimezone(zone).date()
    history = History(database)
    result = []
    wages: dict[str, tuple[Money | None, float]] = {}
    for period in GOAL_PERIODS:
        goal = goals.get(period)
        if goal is None:
            continue
        start = start_of(today, period)
        totals = history.totals("day", goal.currency, since=start, until=today)
        earned = sum(day.by_group[group].amount.minor for day in totals.periods for group in (APPROVED, PAID))
        pending = sum(day.by_group[PENDING].amount.minor for day in totals.periods)
        if goal.currency not in wages:
            wages[goal.currency] = todays_true_wage(database, goal.currency, today, zone)
        result.append(
            GoalProgress(
                period, start, goal, Money(earned, goal.currency), Money(pending, goal.currency),
                *wages[goal.currency],
            )
        )  # fmt: skip
    return result


def todays_true_wage(database: Database, currency: str, today: date, zone: tzinfo) -> tuple[Money | None, float]:
    """What today's shift paid per hour so far, converted into `currency` (`ledger.history.wage_series`), and the
    shift seconds it divides by."""
    converter = Converter(RateStore(database).all(), currency)
    points = wage_series(WorkLogAsHistorySays(database), "day", zone, converter, today, today)
    point = next((p for p in points if p.start == today), None)
    if point is None or point.true_wage is None or point.true_wage.minor <= 0:
        return None, 0.0 if point is None else point.shift_seconds
    return point.true_wage, point.shift_seconds
