"""The worker's rules for tasks: which ones the list shows and which ones notify, judged on every poll."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import TYPE_CHECKING

from surveydesk.core.model import Task
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.platforms.registry import platform_name

if TYPE_CHECKING:
    from surveydesk.store.settings import JsonValue

log = logging.getLogger(__name__)

# The devices platforms name in their device lists (Prolific's `device_compatibility`).
DEVICES = ("desktop", "mobile", "tablet")


class _Failure(Enum):
    """Which rule a task broke; `Rules.why_not` turns it into words only when someone asks."""

    PLATFORM = "platform"
    BLOCKED = "blocked"
    NOT_ALLOWED = "not allowed"
    REWARD = "reward"
    RATE = "rate"
    MINUTES = "minutes"
    PLACES = "places"
    DEVICES = "devices"
    EXCLUDED = "excluded"
    NOT_INCLUDED = "not included"


@dataclass(frozen=True, slots=True)
class Conversion:
    """What one minor unit of a currency is worth in minor units of another, by the rate of `day` (the History's
    dated rates, the latest on or before today)."""

    factor: Decimal
    day: date


@dataclass(frozen=True, slots=True)
class Rules:
    """One set of rules; a task must pass every rule that is set, and an unset rule lets everything through.

    A money rule is typed in one currency and applies to every task: a task paid in another currency is judged
    against the amount converted with `conversions` (the History's rates, keyed by (from, to) currency; the
    composition root's RuleStore fills them), and one whose currency has no rate passes the rule rather than
    being judged by a guess (the Rules dialog names those currencies).
    A rule that needs a figure the platform did not give (minutes, places, devices) lets the task through too,
    since nothing says the task breaks it.

    The fields are normalised when the rules are made (trimmed, blanks and repeats dropped, devices in lower
    case), so two rule sets that mean the same compare equal. `matches` runs for every new or changed task of
    every poll, so the case-folded forms it compares against are computed here once, into private fields
    that take no part in equality: a compiled form of the same rules, not more state.
    """

    min_reward: Money | None = None
    min_reward_per_hour: Money | None = None
    max_minutes: int | None = None
    min_places: int | None = None
    include_words: tuple[str, ...] = ()
    exclude_words: tuple[str, ...] = ()
    allowed_requesters: tuple[str, ...] = ()
    blocked_requesters: tuple[str, ...] = ()
    platforms: frozenset[str] = frozenset()
    devices: frozenset[str] = frozenset()
    # Hide the tasks the worker's profile says they cannot take. A task alone does not say that (it takes the
    # profile and the platform's requirements), so `matches` leaves it to the list, which marks every task
    # once with surveydesk.profile.marks and hides the ineligible ones when this is set.
    hide_ineligible: bool = False
    conversions: Mapping[tuple[str, str], Conversion] = field(default_factory=dict, compare=False)

    _include: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _exclude: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _allowed: frozenset[str] = field(init=False, repr=False, compare=False)
    _blocked: frozenset[str] = field(init=False, repr=False, compare=False)
    _reward_floors: dict[str, int] = field(init=False, repr=False, compare=False)
    _rate_bounds: dict[str, int] = field(init=False, repr=False, compare=False)
    _active: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        assign = object.__setattr__  # the dataclass is frozen; these are set once, before anyone sees it
        assign(self, "include_words", _unique_texts(self.include_words))
        assign(self, "exclude_words", _unique_texts(self.exclude_words))
        assign(self, "allowed_requesters", _unique_texts(self.allowed_requesters))
        assign(self, "blocked_requesters", _unique_texts(self.blocked_requesters))
        assign(self, "platforms", frozenset(_unique_texts(self.platforms)))
        assign(self, "devices", frozenset(device.casefold() for device in _unique_texts(self.devices)))
        assign(self, "_include", tuple(word.casefold() for word in self.include_words))
        assign(self, "_exclude", tuple(word.casefold() for word in self.exclude_words))
        assign(self, "_allowed", frozenset(name.casefold() for name in self.allowed_requesters))
        assign(self, "_blocked", frozenset(name.casefold() for name in self.blocked_requesters))
        # Each money rule's amount in every currency it can be judged in: its own, and those with a rate.
        reward_floors = self.floors_by_currency(self.min_reward)
        assign(self, "_reward_floors", {currency: money.minor for currency, money in reward_floors.items()})
        # Money.per_hour rounds half up: floor((120·reward + m) / 2m) ≥ M exactly when 120·reward ≥ m·(2M − 1),
        # so the rate rule compares integers without building a Money for every task.
        rate = self.min_reward_per_hour
        rate_floors = self.floors_by_currency(rate)
        assign(self, "_rate_bounds", {currency: 2 * money.minor - 1 for currency, money in rate_floors.items()})
        assign(
            self,
            "_active",
            self.min_reward is not None
            or rate is not None
            or self.max_minutes is not None
            or self.min_places is not None
            or bool(self.include_words or self.exclude_words or self.allowed_requesters)
            or bool(self.blocked_requesters or self.platforms or self.devices)
            or self.hide_ineligible,
        )

    def floors_by_currency(self, amount: Money | None) -> dict[str, Money]:
        """`amount` in its own currency and converted into each currency a conversion from it is known for,
        rounded half up to the minor unit; nothing when `amount` is None."""
        if amount is None:
            return {}
        floors = {amount.currency: amount}
        for (source, target), conversion in self.conversions.items():
            if source == amount.currency and target != source:
                exact = amount.minor * conversion.factor
                floors[target] = Money(int(exact.to_integral_value(rounding=ROUND_HALF_UP)), target)
        return floors

    def unjudged_currencies(self, currencies: Iterable[str]) -> list[str]:
        """Those of `currencies` a money rule that is set cannot be converted into: their tasks pass it."""
        rules = [money for money in (self.min_reward, self.min_reward_per_hour) if money is not None]
        return sorted({c for c in currencies for money in rules if c not in self.floors_by_currency(money)})

    @property
    def restricts(self) -> bool:
        """Whether any rule is set; without one every task passes, and a list can skip asking at all."""
        return self._active

    @property
    def reads_places(self) -> bool:
        """Whether a change of places left alone can change a task's verdict."""
        return self.min_places is not None

    def matches(self, task: Task) -> bool:
        """Whether the task passes every rule."""
        return not self._active or self._failure(task) is None

    def why_not(self, task: Task) -> str | None:
        """The first rule the task breaks, in words for a tooltip; None when it passes.

        The words name the worker's own rules and figures, never the task's title, requester or devices, so
        the text carries nothing a platform wrote.
        """
        failure = self._failure(task) if self._active else None
        return None if failure is None else self._describe(failure, task)

    def _failure(self, task: Task) -> _Failure | None:
        # Cheapest checks first; the word checks case-fold the title and description, so they come last.
        if self.platforms and task.platform not in self.platforms:
            return _Failure.PLATFORM
        if self._blocked or self._allowed:
            name = task.requester_name.strip().casefold()
            requester_id = task.requester_id.strip().casefold()
            if name in self._blocked or requester_id in self._blocked:
                return _Failure.BLOCKED
            if self._allowed and name not in self._allowed and requester_id not in self._allowed:
                return _Failure.NOT_ALLOWED
        reward = task.reward
        floor = self._reward_floors.get(reward.currency)
        if floor is not None and reward.minor < floor:
            return _Failure.REWARD
        bound = self._rate_bounds.get(reward.currency)
        minutes = task.estimated_minutes
        if bound is not None and minutes is not None and minutes > 0 and reward.minor * 120 < minutes * bound:
            return _Failure.RATE
        if self.max_minutes is not None and minutes is not None and minutes > self.max_minutes:
            return _Failure.MINUTES
        places = task.places_left
        if self.min_places is not None and places is not None and places < self.min_places:
            return _Failure.PLACES
        if self.devices and task.devices and not self._has_device_for(task):
            return _Failure.DEVICES
        if self._exclude or self._include:
            # Plain loops, not any(): a generator costs more here than the substring searches themselves.
            text = _searchable(task)
            for word in self._exclude:
                if word in text:
                    return _Failure.EXCLUDED
            if self._include:
                for word in self._include:
                    if word in text:
                        break
                else:
                    return _Failure.NOT_INCLUDED
        return None

    def _has_device_for(self, task: Task) -> bool:
        # Platforms write devices in lower case, so the exact set test settles nearly every task at C speed.
        if not self.devices.isdisjoint(task.devices):
            return True
        return any(device.strip().casefold() in self.devices for device in task.devices)

    def _describe(self, failure: _Failure, task: Task) -> Sentence:
        match failure:
            case _Failure.PLATFORM:
                return QT_TRANSLATE_NOOP("Rules", "is on {0}, not one of your platforms").filled(
                    platform_name(task.platform)
                )
            case _Failure.BLOCKED:
                return QT_TRANSLATE_NOOP("Rules", "its requester is on your blocked list")
            case _Failure.NOT_ALLOWED:
                return QT_TRANSLATE_NOOP("Rules", "its requester is not on your allowed list")
            case _Failure.REWARD:
                assert self.min_reward is not None  # a task fails only a rule that is set
                converted = self._converted(self.min_reward, task.reward.currency)
                if converted is not None:
                    return QT_TRANSLATE_NOOP(
                        "Rules", "pays {0}, under your minimum of {1} ({2} at the rate of {3})"
                    ).filled(task.reward, self.min_reward, *converted)
                return QT_TRANSLATE_NOOP("Rules", "pays {0}, under your minimum of {1}").filled(
                    task.reward, self.min_reward
                )
            case _Failure.RATE:
                assert self.min_reward_per_hour is not None
                converted = self._converted(self.min_reward_per_hour, task.reward.currency)
                if converted is not None:
                    return QT_TRANSLATE_NOOP(
                        "Rules", "pays {0} an hour, under your minimum of {1} an hour ({2} at the rate of {3})"
                    ).filled(task.reward_per_hour, self.min_reward_per_hour, *converted)
                return QT_TRANSLATE_NOOP("Rules", "pays {0} an hour, under your minimum of {1} an hour").filled(
                    task.reward_per_hour, self.min_reward_per_hour
                )
            case _Failure.MINUTES:
                minutes = (
                    QT_TRANSLATE_NOOP("Rules", "takes about 1 minute, over your maximum of {1}")
                    if task.estimated_minutes == 1
                    else QT_TRANSLATE_NOOP("Rules", "takes about {0} minutes, over your maximum of {1}")
                )
                return minutes.filled(task.estimated_minutes, self.max_minutes)
            case _Failure.PLACES:
                places = (
                    QT_TRANSLATE_NOOP("Rules", "has 1 place left, under your minimum of {1}")
                    if task.places_left == 1
                    else QT_TRANSLATE_NOOP("Rules", "has {0} places left, under your minimum of {1}")
                )
                return places.filled(task.places_left, self.min_places)
            case _Failure.DEVICES:
                return QT_TRANSLATE_NOOP("Rules", "needs a device you do not have (you have: {0})").filled(
                    ", ".join(sorted(self.devices))
                )
            case _Failure.EXCLUDED:
                text = _searchable(task)
                pairs = zip(self.exclude_words, self._exclude, strict=True)
                word = next(word for word, folded in pairs if folded in text)
                return QT_TRANSLATE_NOOP("Rules", "mentions “{0}”, one of your excluded words").filled(word)
            case _Failure.NOT_INCLUDED:
                return QT_TRANSLATE_NOOP("Rules", "mentions none of your words: {0}").filled(
                    ", ".join(self.include_words)
                )

    def _converted(self, amount: Money, currency: str) -> tuple[Money, date] | None:
        """`amount` in `currency` with the day of the rate used; None when no conversion was needed."""
        if amount.currency == currency:
            return None
        conversion = self.conversions[(amount.currency, currency)]
        return self.floors_by_currency(amount)[currency], conversion.day

    # --- storage ---------------------------------------------------------------------------------------------

    def to_json(self) -> dict[str, JsonValue]:
        """The rules as a settings value: money in minor units with its currency, never a float."""
        return {
            "min_reward": _money_json(self.min_reward),
            "min_reward_per_hour": _money_json(self.min_reward_per_hour),
            "max_minutes": self.max_minutes,
            "min_places": self.min_places,
            "include_words": list(self.include_words),
            "exclude_words": list(self.exclude_words),
            "allowed_requesters": list(self.allowed_requesters),
            "blocked_requesters": list(self.blocked_requesters),
            "platforms": _json_texts(sorted(self.platforms)),
            "devices": _json_texts(sorted(self.devices)),
            "hide_ineligible": self.hide_ineligible,
        }

    @classmethod
    def from_json(cls, value: object) -> Rules:
        """Rules read back from a settings value; never raises.

        A value that is not an object gives no rules at all, and a field that cannot be read is left unset
        (logged) while the others are kept: an unreadable rule then shows more tasks, never fewer. Keys this
        version does not know are ignored, so a newer version's rules still load.
        """
        if value is None:
            return cls()
        if not isinstance(value, dict):
            log.warning("rules are not a JSON object (%r); using none", value)
            return cls()
        return cls(
            min_reward=_money_of(value, "min_reward"),
            min_reward_per_hour=_money_of(value, "min_reward_per_hour"),
            max_minutes=_count_of(value, "max_minutes"),
            min_places=_count_of(value, "min_places"),
            include_words=_texts_of(value, "include_words"),
            exclude_words=_texts_of(value, "exclude_words"),
            allowed_requesters=_texts_of(value, "allowed_requesters"),
            blocked_requesters=_texts_of(value, "blocked_requesters"),
            platforms=frozenset(_texts_of(value, "platforms")),
            devices=frozenset(_texts_of(value, "devices")),
            hide_ineligible=value.get("hide_ineligible") is True,
        )


def _unique_texts(values: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, without blanks and without repeats that differ only in case, in the worker's order."""
    if isinstance(values, str):
        raise TypeError(f"expected a collection of texts, not the text {values!r}")
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        text = value.strip()
        folded = text.casefold()
        if text and folded not in seen:
            seen.add(folded)
            kept.append(text)
    return tuple(kept)


def _searchable(task: Task) -> str:
    """Where the word rules look: title and description, case-folded, apart so no word spans the two."""
    return f"{task.title}\n{task.description}".casefold()


def _money_json(money: Money | None) -> JsonValue:
    return None if money is None else {"minor": money.minor, "currency": money.currency}


def _json_texts(texts: list[str]) -> list[JsonValue]:
    return list(texts)


def _money_of(stored: dict[object, object], key: str) -> Money | None:
    raw = stored.get(key)
    if raw is None:
        return None
    if isinstance(raw, dict):
        minor, currency = raw.get("minor"), raw.get("currency")
        if type(minor) is int and isinstance(currency, str):
            try:
                return Money(minor, currency)
            except MoneyError:
                pass
    log.warning("rule %r is not a money object (%r); leaving it unset", key, raw)
    return None


def _count_of(stored: dict[object, object], key: str) -> int | None:
    raw = stored.get(key)
    if raw is None:
        return None
    if type(raw) is int and raw >= 0:
        return raw
    log.warning("rule %r is not a whole number of zero or more (%r); leaving it unset", key, raw)
    return None


def _texts_of(stored: dict[object, object], key: str) -> tuple[str, ...]:
    raw = stored.get(key)
    if raw is None:
        return ()
    if not isinstance(raw, list):
        log.warning("rule %r is not a list (%r); leaving it empty", key, raw)
        return ()
    return tuple(item for item in raw if isinstance(item, str))
