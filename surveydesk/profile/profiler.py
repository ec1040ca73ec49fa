"""Deciding, question by question, how a platform's profiler question is answered from the profile.

Three outcomes: `FILL` (the worker chose "always": sent without asking), `CONFIRM` (the profile has an answer
and the worker chose "ask": it is shown ready to send) and `ASK` (no answer the worker allows: the question
is put to the worker, whose answer then goes into the profile). Only the worker's own answers are ever sent:
a question the profile does not answer is never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from surveydesk.core.questions import Question
from surveydesk.profile.consistency import Contradiction, contradiction
from surveydesk.profile.mappings import BitLabsMapping
from surveydesk.profile.schema import Field, Profile, Schema, Value
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import extra_field


class Fill(Enum):
    FILL = "fill"
    CONFIRM = "confirm"
    ASK = "ask"


@dataclass(frozen=True, slots=True)
class Plan:
    """What to do with one question: `answers` are the platform codes or value proposed from the profile
    (empty for ASK); `field` is the profile field the answer belongs to (a platform field for a question no
    schema field covers)."""

    question: Question
    fill: Fill
    field: str
    answers: tuple[str, ...] = ()
    schema_field: Field | None = None


@dataclass(frozen=True, slots=True)
class Learned:
    """A worker's answer to keep in the profile."""

    field: str
    value: Value
    label: str = ""  # the question's wording, for a platform question no schema field covers
    platform: str = ""


def plan(
    question: Question,
    schema: Schema,
    mapping: BitLabsMapping,
    profile: Profile,
    permissions: Mapping[str, Permission],
    today: date,
    platform: str,
) -> Plan:
    """How to answer this question; `permissions` holds the worker's choice for each field id involved."""
    mapped = mapping.of(question.id)
    schema_field = None if mapped is None else schema.field(mapped.field)
    if mapped is None or schema_field is None:
        field_id = extra_field(platform, question.id)
        stored = profile.get(field_id)
        proposal = None if stored is None else (stored if isinstance(stored, tuple) else (stored,))
    else:
        field_id = schema_field.id
        stored = profile.get(field_id)
        proposal = None if stored is None else mapped.to_platform(stored)
    permission = permissions.get(field_id, Permission.ASK)
    if proposal is None or permission is Permission.NEVER or question.problem(proposal, today) is not None:
        return Plan(question, Fill.ASK, field_id, (), schema_field)
    fill = Fill.FILL if permission is Permission.ALWAYS else Fill.CONFIRM
    return Plan(question, fill, field_id, proposal, schema_field)


def learned_from(
    item: Plan, answers: Sequence[str], mapping: BitLabsMapping, profile: Profile, platform: str
) -> Learned | None:
    """What the worker's answer adds to the profile; None when it has no profile equivalent (an option the
    profile does not know). A MULTI answer replaces only the options the question offered: languages the
    question did not list stay in the profile."""
    question = item.question
    if item.schema_field is None:
        value: Value = tuple(answers) if question.type == "MULTI" else answers[0]
        return Learned(item.field, value, question.text, platform)
    mapped = mapping.of(question.id)
    found = None if mapped is None else mapped.from_platform(answers, item.schema_field)
    if found is None or not isinstance(found, tuple):
        return None if found is None else Learned(item.field, found)
    known = profile.get(item.field)
    kept = [code for code in known if code not in _offered(item, mapping)] if isinstance(known, tuple) else []
    merged = item.schema_field.clean([*kept, *found])
    return None if merged is None else Learned(item.field, merged)


def warning_for(item: Plan, learned: Learned | None, profile: Profile, today: date) -> Contradiction | None:
    """A contradiction between the worker's answer and the profile's, for a schema field. A MULTI answer is
    compared after `learned_from` merged it, so only the options the question offered can disagree."""
    if item.schema_field is None or learned is None:
        return None
    return contradiction(item.schema_field, learned.value, profile, today)


def _offered(item: Plan, mapping: BitLabsMapping) -> frozenset[str]:
    """The profile option codes the question offered an answer for."""
    mapped = mapping.of(item.question.id)
    platform_codes = {choice.code for choice in item.question.choices}
    codes = {} if mapped is None else mapped.codes
    return frozenset(profile for profile, platform in codes.items() if platform in platform_codes)
