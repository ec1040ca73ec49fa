"""The worker's rules: each passes and fails the right tasks and says why, money per currency, JSON both ways."""

from __future__ import annotations

import json
import logging
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from surveydesk.core.model import Task
from surveydesk.core.money import Money
from surveydesk.feed import Rules
from surveydesk.feed.rules import Conversion
from tests.factories import make_task

GBP = "GBP"

# (case id, rules, task fields, why_not text or None when the task passes). make_task's defaults: prolific,
# £1.50, 10 minutes (so £9.00 an hour), 20 places left, "Oxford Behavioural Lab", no devices, no description.
CASES: list[tuple[str, Rules, dict[str, Any], str | None]] = [
    ("no rules pass everything", Rules(), {}, None),
    ("reward at the minimum passes", Rules(min_reward=Money(150, GBP)), {}, None),
    (
        "reward under the minimum fails",
        Rules(min_reward=Money(50, GBP)),
        {"reward": Money(40, GBP)},
        "pays £0.40, under your minimum of £0.50",
    ),
    ("reward in another currency passes", Rules(min_reward=Money(50, GBP)), {"reward": Money(1, "USD")}, None),
    ("rate at the minimum passes", Rules(min_reward_per_hour=Money(900, GBP)), {}, None),
    (
        "rate under the minimum fails",
        Rules(min_reward_per_hour=Money(901, GBP)),
        {},
        "pays £9.00 an hour, under your minimum of £9.01 an hour",
    ),
    (
        "rate in another currency passes",
        Rules(min_reward_per_hour=Money(900, "EUR")),
        {"reward": Money(1, GBP)},
        None,
    ),
    (
        "rate with unknown minutes passes",
        Rules(min_reward_per_hour=Money(900, GBP)),
        {"reward": Money(1, GBP), "estimated_minutes": None},
        None,
    ),
    ("minutes at the maximum pass", Rules(max_minutes=10), {}, None),
    ("minutes over the maximum fail", Rules(max_minutes=9), {}, "takes about 10 minutes, over your maximum of 9"),
    ("unknown minutes pass a maximum", Rules(max_minutes=1), {"estimated_minutes": None}, None),
    ("places at the minimum pass", Rules(min_places=20), {}, None),
    (
        "places under the minimum fail",
        Rules(min_places=5),
        {"places_left": 1},
        "has 1 place left, under your minimum of 5",
    ),
    ("unknown places pass a minimum", Rules(min_places=5), {"places_left": None}, None),
    (
        "an included word in the title passes",
        Rules(include_words=("HABITS", "diary")),
        {"title": "Daily habits"},
        None,
    ),
    (
        "an included word in the description passes",
        Rules(include_words=("diary",)),
        {"description": "Keep a DIARY for a week"},
        None,
    ),
    (
        "no included word fails",
        Rules(include_words=("diary", "habits")),
        {"title": "Image labelling"},
        "mentions none of your words: diary, habits",
    ),
    (
        "an excluded word fails, named as the worker wrote it",
        Rules(exclude_words=("Webcam",)),
        {"description": "Needs a WEBCAM"},
        "mentions “Webcam”, one of your excluded words",
    ),
    ("no excluded word passes", Rules(exclude_words=("webcam",)), {"title": "Survey"}, None),
    (
        "words do not span title and description",
        Rules(exclude_words=("survey needs",)),
        {"title": "Survey", "description": "needs nothing"},
        None,
    ),
    ("an allowed requester by name passes", Rules(allowed_requesters=("oxford behavioural lab",)), {}, None),
    (
        "an allowed requester by id passes",
        Rules(allowed_requesters=("R-17",)),
        {"requester_id": "r-17", "requester_name": "Someone"},
        None,
    ),
    (
        "a requester not allowed fails",
        Rules(allowed_requesters=("Vision Lab",)),
        {},
        "its requester is not on your allowed list",
    ),
    (
        "a task without a requester fails an allow list",
        Rules(allowed_requesters=("Vision Lab",)),
        {"requester_name": "", "requester_id": ""},
        "its requester is not on your allowed list",
    ),
    (
        "a blocked requester by name fails",
        Rules(blocked_requesters=("OXFORD Behavioural Lab",)),
        {},
        "its requester is on your blocked list",
    ),
    (
        "a blocked requester by id fails",
        Rules(blocked_requesters=("r-17",)),
        {"requester_id": "R-17"},
        "its requester is on your blocked list",
    ),
    ("a requester not blocked passes", Rules(blocked_requesters=("Spam Co",)), {}, None),
    ("a chosen platform passes", Rules(platforms=frozenset({"prolific", "mturk"})), {}, None),
    (
        "another platform fails",
        Rules(platforms=frozenset({"mturk"})),
        {},
        "is on Prolific, not one of your platforms",
    ),
    (
        "a device the worker has passes",
        Rules(devices=frozenset({"desktop"})),
        {"devices": ("mobile", "Desktop")},
        None,
    ),
    (
        "only devices the worker lacks fail",
        Rules(devices=frozenset({"desktop", "tablet"})),
        {"devices": ("mobile",)},
        "needs a device you do not have (you have: desktop, tablet)",
    ),
    ("a task naming no device passes", Rules(devices=frozenset({"desktop"})), {"devices": ()}, None),
    (
        "the first broken rule is the one named",
        Rules(platforms=frozenset({"mturk"}), min_reward=Money(500, GBP)),
        {},
        "is on Prolific, not one of your platforms",
    ),
]


@pytest.mark.parametrize(("rules", "fields", "reason"), [case[1:] for case in CASES], ids=[c[0] for c in CASES])
def test_each_rule_passes_fails_and_says_why(rules: Rules, fields: dict[str, Any], reason: str | None) -> None:
    task = make_task("t", **fields)
    assert rules.why_not(task) == reason
    assert rules.matches(task) is (reason is None)


def test_the_rate_rule_agrees_with_the_rate_the_list_shows() -> None:
    """The rule compares integers instead of building a Money per task; it must judge the rounded rate shown."""
    for minutes in (1, 3, 7, 10, 45):
        for reward in range(60):
            task = make_task("t", reward=Money(reward, GBP), estimated_minutes=minutes)
            shown = task.reward_per_hour
            assert shown is not None
            for minimum in (shown.minor - 1, shown.minor, shown.minor + 1):
                passes = Rules(min_reward_per_hour=Money(minimum, GBP)).matches(task)
                assert passes is (shown.minor >= minimum), (reward, minutes, minimum)


def test_rules_are_normalised_so_equal_rules_compare_equal() -> None:
    messy = Rules(
        include_words=(" survey ", "", "Survey", "diary"),
        allowed_requesters=("Lab A\t", "lab a"),
        platforms=frozenset({" prolific", ""}),
        devices=frozenset({"Desktop "}),
    )
    assert messy == Rules(
        include_words=("survey", "diary"),
        allowed_requesters=("Lab A",),
        platforms=frozenset({"prolific"}),
        devices=frozenset({"desktop"}),
    )
    assert not Rules(include_words=(" ", "")).restricts
    assert Rules(min_places=1).restricts


def test_a_single_text_is_not_taken_for_a_list_of_letters() -> None:
    with pytest.raises(TypeError):
        Rules(include_words="survey")  # type: ignore[arg-type]


def _every_rule() -> Rules:
    return Rules(
        min_reward=Money(50, GBP),
        min_reward_per_hour=Money(1_200, "EUR"),
        max_minutes=30,
        min_places=2,
        include_words=("survey", "Diary"),
        exclude_words=("webcam",),
        allowed_requesters=("Lab A",),
        blocked_requesters=("Spam Co", "r-9"),
        platforms=frozenset({"prolific", "mturk"}),
        devices=frozenset({"desktop"}),
    )


def test_json_round_trip_keeps_every_rule_and_money_in_minor_units() -> None:
    rules = _every_rule()
    stored = json.loads(json.dumps(rules.to_json()))
    assert stored["min_reward"] == {"minor": 50, "currency": "GBP"}
    assert stored["platforms"] == ["mturk", "prolific"]
    assert Rules.from_json(stored) == rules
    assert Rules.from_json(Rules().to_json()) == Rules()


def test_unknown_keys_are_ignored() -> None:
    stored = {**_every_rule().to_json(), "max_weekly_hours": 20}
    assert Rules.from_json(stored) == _every_rule()


def test_never_set_gives_no_rules_silently(caplog: pytest.LogCaptureFixture) -> None:
    assert Rules.from_json(None) == Rules()
    assert not caplog.records


@pytest.mark.parametrize("stored", ["rules", 42, [1, 2], True, 1.5])
def test_a_value_that_is_not_an_object_gives_no_rules(stored: object, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert Rules.from_json(stored) == Rules()
    assert caplog.records


@pytest.mark.parametrize(
    ("key", "corrupt"),
    [
        ("min_reward", 0.5),
        ("min_reward", {"minor": 0.5, "currency": "GBP"}),
        ("min_reward", {"minor": 50, "currency": "pounds"}),
        ("min_reward", {"minor": True, "currency": "GBP"}),
        ("min_reward_per_hour", "9.00"),
        ("max_minutes", "30"),
        ("max_minutes", -5),
        ("max_minutes", True),
        ("min_places", 2.5),
        ("include_words", "survey"),
        ("blocked_requesters", {"Spam Co": True}),
        ("platforms", "prolific"),
        ("devices", 3),
    ],
)
def test_a_corrupt_field_is_left_unset_and_the_others_kept(key: str, corrupt: object) -> None:
    stored = {**_every_rule().to_json(), key: corrupt}
    rules = Rules.from_json(stored)
    assert getattr(rules, key) == getattr(Rules(), key)
    others = {name: value for name, value in stored.items() if name != key}
    assert {name: rules.to_json()[name] for name in others} == others


def test_texts_that_are_not_strings_are_dropped_from_a_list() -> None:
    rules = Rules.from_json({"exclude_words": ["webcam", 7, None, {"x": 1}, "download"]})
    assert rules.exclude_words == ("webcam", "download")


def test_the_reason_never_repeats_what_the_platform_wrote() -> None:
    """Tooltips show the reason; it names the worker's own rules only, never a title, requester or device."""
    hostile = "<img src=x onerror=alert(1)>"
    task: Task = make_task(
        "t", title=hostile, requester_name=hostile, requester_id=hostile, devices=(hostile,), description=hostile
    )
    rules = [
        Rules(allowed_requesters=("Lab A",)),
        Rules(blocked_requesters=(hostile,)),
        Rules(devices=frozenset({"desktop"})),
        Rules(include_words=("survey",)),
    ]
    for rule in rules:
        reason = rule.why_not(task)
        assert reason is not None
        assert "<img" not in reason


def test_a_minimum_in_euros_judges_a_task_in_dollars_through_the_rate_of_the_day() -> None:
    """One minimum in her currency applies to every task: a $0.40 task is under €0.50 at 1.08 dollars a euro."""
    rate = Conversion(Decimal("1.08"), date(2026, 12, 4))
    rules = Rules(min_reward=Money(50, "EUR"), conversions={("EUR", "USD"): rate})
    assert not rules.matches(make_task("t", reward=Money(40, "USD")))
    assert rules.matches(make_task("t", reward=Money(54, "USD")))  # 50 × 1.08 = 54: at the minimum
    assert rules.why_not(make_task("t", reward=Money(40, "USD"))) == (
        "pays $0.40, under your minimum of €0.50 ($0.54 at the rate of 2026-12-04)"
    )
    assert rules.matches(make_task("t", reward=Money(1, "JPY")))  # no rate for yen: said, never guessed


def test_a_minimum_rate_in_euros_judges_a_task_in_pounds() -> None:
    rules = Rules(
        min_reward_per_hour=Money(900, "EUR"),
        conversions={("EUR", "GBP"): Conversion(Decimal("0.85"), date(2026, 12, 4))},
    )
    # £1.50 for 12 minutes is £7.50/h, under €9.00 = £7.65/h; £1.60 is £8.00/h, over it.
    assert not rules.matches(make_task("t", reward=Money(150, "GBP"), estimated_minutes=12))
    assert rules.matches(make_task("t", reward=Money(160, "GBP"), estimated_minutes=12))


def test_the_rules_read_today_s_rates_from_the_history(database) -> None:
    from surveydesk.feed.rule_store import RatesToday, RuleStore
    from surveydesk.ledger.rates import RateStore
    from surveydesk.store.settings import SettingsStore

    rates = RateStore(database)
    rates.set_by_worker("USD", date(2026, 12, 3), Decimal("1.05"))
    rates.set_by_worker("USD", date(2026, 12, 4), Decimal("1.08"))
    rates.set_by_worker("USD", date(2026, 12, 9), Decimal("2"))  # after today: not used
    rates.set_by_worker("GBP", date(2026, 12, 4), Decimal("0.85"))
    store = RuleStore(SettingsStore(database), RatesToday(database, lambda: date(2026, 12, 7)))
    store.save_list_rules(Rules(min_reward=Money(50, "EUR")))

    rules = store.list_rules()

    assert rules.conversions[("EUR", "USD")] == Conversion(Decimal("1.08"), date(2026, 12, 4))
    assert not rules.matches(make_task("t", reward=Money(53, "USD")))
    assert rules.matches(make_task("t", reward=Money(43, "GBP")))  # 50 × 0.85 = 42.5 → 43
    assert store.unconverted("EUR", ["USD", "GBP", "JPY", "EUR"]) == ["JPY"]


def test_a_converted_minimum_is_said_in_french(french) -> None:
    from surveydesk.ui.text import translated

    rate = Conversion(Decimal("1.08"), date(2026, 12, 4))
    rules = Rules(min_reward=Money(50, "EUR"), conversions={("EUR", "USD"): rate})
    reason = rules.why_not(make_task("t", reward=Money(40, "USD")))
    assert reason is not None
    assert translated(reason) == (
        "paie 0,40\u00a0$, sous votre minimum de 0,50\u00a0€ (0,54\u00a0$ au taux du 04/12/2026)"
    )
