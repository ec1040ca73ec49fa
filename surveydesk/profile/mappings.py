"""The platform mapping tables (`resources/profile/bitlabs.json`, `cpx.json`): which profile field answers
which platform question or parameter, and how option codes translate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from surveydesk.profile.schema import Field, FieldType, Profile, SchemaError, Value, load_resource, parse_date


@dataclass(frozen=True, slots=True)
class QuestionMapping:
    """One platform question answered by one profile field; `codes` maps profile option codes to the
    platform's answer codes (empty for TEXT, NUMBER and DATE, whose value goes as it is)."""

    field: str
    codes: Mapping[str, str]

    def to_platform(self, value: Value) -> tuple[str, ...] | None:
        """The platform's answers for a profile answer; None when the platform offers no equivalent."""
        if isinstance(value, tuple):
            mapped = tuple(self.codes[code] for code in value if code in self.codes)
            return mapped or None
        if self.codes:
            return (self.codes[value],) if value in self.codes else None
        return (value,)

    def from_platform(self, answers: Sequence[str], field: Field) -> Value | None:
        """The profile answer for what the worker answered the platform; None when it has no equivalent."""
        if field.type is FieldType.MULTI:
            back = {platform: profile for profile, platform in self.codes.items()}
            return field.clean([back[answer] for answer in answers if answer in back])
        if len(answers) != 1:
            return None
        if field.type is FieldType.SINGLE:
            back = {platform: profile for profile, platform in self.codes.items()}
            return back.get(answers[0])
        return field.clean(answers[0])


@dataclass(frozen=True, slots=True)
class BitLabsMapping:
    questions: Mapping[str, QuestionMapping]

    def of(self, question_id: str) -> QuestionMapping | None:
        return self.questions.get(question_id)


@dataclass(frozen=True, slots=True)
class CpxParam:
    param: str
    field: str
    part: str = ""  # "day", "month" or "year" of a date field
    codes: Mapping[str, str] | None = None

    def value(self, answer: Value) -> str | None:
        if isinstance(answer, tuple):
            return None
        if self.part:
            born = parse_date(answer)
            return None if born is None else str(getattr(born, self.part))
        if self.codes is not None:
            return self.codes.get(answer)
        return answer


@dataclass(frozen=True, slots=True)
class CpxMapping:
    params: tuple[CpxParam, ...]
    with_any: Mapping[str, str]

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(param.field for param in self.params))

    def params_for(self, profile: Profile, allowed: frozenset[str]) -> tuple[dict[str, str], tuple[str, ...]]:
        """CPX's parameters for the allowed fields the profile answers, and the fields they carry."""
        sent: dict[str, str] = {}
        used: list[str] = []
        for param in self.params:
            answer = profile.get(param.field)
            if param.field not in allowed or answer is None:
                continue
            value = param.value(answer)
            if value is not None:
                sent[param.param] = value
                if param.field not in used:
                    used.append(param.field)
        if sent:
            sent = {**self.with_any, **sent}
        return sent, tuple(used)


def load_bitlabs_mapping() -> BitLabsMapping:
    return bitlabs_mapping_from(load_resource("bitlabs.json"))


def bitlabs_mapping_from(raw: Any) -> BitLabsMapping:
    try:
        questions = {
            str(question_id): QuestionMapping(str(entry["field"]), _codes(entry.get("codes", {})))
            for question_id, entry in raw["questions"].items()
        }
    except (KeyError, TypeError, AttributeError) as error:
        raise SchemaError(f"the BitLabs mapping cannot be read: {error!r}") from error
    return BitLabsMapping(questions)


def load_cpx_mapping() -> CpxMapping:
    return cpx_mapping_from(load_resource("cpx.json"))


def cpx_mapping_from(raw: Any) -> CpxMapping:
    try:
        params = tuple(
            CpxParam(
                str(entry["param"]),
                str(entry["field"]),
                str(entry.get("part", "")),
                _codes(entry["codes"]) if "codes" in entry else None,
            )
            for entry in raw["params"]
        )
        with_any = _codes(raw.get("with_any", {}))
    except (KeyError, TypeError, AttributeError) as error:
        raise SchemaError(f"the CPX mapping cannot be read: {error!r}") from error
    if any(param.part not in ("", "day", "month", "year") for param in params):
        raise SchemaError("a CPX parameter takes the day, month or year of a date, nothing else")
    return CpxMapping(params, with_any)


def _codes(raw: Mapping[str, Any]) -> dict[str, str]:
    return {str(key): str(value) for key, value in raw.items()}
