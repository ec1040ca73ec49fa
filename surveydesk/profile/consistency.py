"""Warnings when a screener answer disagrees with the profile or with an earlier screener answer.

Platforms compare a participant's answers across screeners and reject those whose answers disagree, so the
worker hears about a contradiction before sending it, and decides: correct the answer, or the profile.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.profile.schema import Field, FieldType, Profile, Value, age_on, parse_date

AGE = "age"  # a screener's "How old are you?", checked against the date of birth


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str
    said_before: str  # the earlier answer, as the worker reads it
    said_now: str
    source: str  # "your profile", or where the earlier screener answer was given

    def describe(self, label: str) -> Sentence:
        return QT_TRANSLATE_NOOP(
            "Contradiction",
            "{0}: you answered “{1}”, but {2} says “{3}”. Platforms reject participants whose answers disagree.",
        ).filled(label, self.said_now, self.source, self.said_before)


def contradiction(field: Field, answer: Value, profile: Profile, today: date) -> Contradiction | None:
    """How the answer disagrees with the profile's answer to the same field; None when it agrees or the
    profile has none. A MULTI answer disagrees only where it leaves out or adds an option the profile names
    for the same question (a screener may offer fewer options than the profile)."""
    known = profile.get(field.id)
    if known is None or _same(field, known, answer):
        return None
    return Contradiction(
        field.id, field.describe(known), field.describe(answer), QT_TRANSLATE_NOOP("Contradiction", "your profile")
    )


def age_contradiction(age: int, profile: Profile, today: date) -> Contradiction | None:
    """A stated age against the profile's date of birth."""
    born_text = profile.get("birth_date")
    born = parse_date(born_text) if isinstance(born_text, str) else None
    if born is None or age_on(born, today) == age:
        return None
    return Contradiction(
        AGE, str(age_on(born, today)), str(age), QT_TRANSLATE_NOOP("Contradiction", "your date of birth")
    )


def earlier_contradiction(
    field: Field, answer: Value, earlier: Iterable[tuple[str, Value]]
) -> Contradiction | None:
    """The most recent earlier screener answer (where, what) to the same field that disagrees."""
    for where, value in reversed(list(earlier)):
        if not _same(field, value, answer):
            return Contradiction(
                field.id,
                field.describe(value),
                field.describe(answer),
                QT_TRANSLATE_NOOP("Contradiction", "your answer on {0}").filled(where),
            )
    return None


def _same(field: Field, known: Value, answer: Value) -> bool:
    if field.type is FieldType.MULTI and isinstance(known, tuple) and isinstance(answer, tuple):
        return set(known) == set(answer)
    if isinstance(known, str) and isinstance(answer, str):
        return known.casefold() == answer.casefold()
    return known == answer
