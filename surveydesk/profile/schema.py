"""The profile's schema, read from `resources/profile/schema.json`, and the validation of each answer.

Question types are BitLabs' profiler types, so a profile answer and a platform's question speak alike:
TEXT (min/max length, a regular expression), NUMBER (min/max value), DATE (an ISO date, with a min/max age),
SINGLE (one option code) and MULTI (option codes, with a min/max count). Every field may stay empty.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from importlib import resources
from typing import Any, TypeAlias

from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence

# One answer: option codes for MULTI, one string for every other type (numbers and dates as text, as BitLabs
# sends them). An empty answer is never stored: a field without an answer is simply absent.
Value: TypeAlias = "str | tuple[str, ...]"
Profile: TypeAlias = Mapping[str, Value]

_MAX_TEXT = 200  # no field of a profile needs more; a longer one is a paste gone wrong


class FieldType(StrEnum):
    TEXT = "TEXT"
    SINGLE = "SINGLE"
    MULTI = "MULTI"
    NUMBER = "NUMBER"
    DATE = "DATE"


class SchemaError(ValueError):
    """The schema file is not what this version can read: a packaging mistake, never the worker's."""


@dataclass(frozen=True, slots=True)
class Option:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class Field:
    """One question of the profile. `minimum`/`maximum` mean what BitLabs' `validation_info` means for the
    type; for DATE they are ages in years."""

    id: str
    type: FieldType
    label: str
    hint: str = ""
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    regex: str | None = None
    upper_case: bool = False
    _codes: frozenset[str] = field(default=frozenset(), repr=False, compare=False)

    def label_of(self, code: str) -> str:
        """The option's label, or the code itself for a code the schema does not know."""
        return next((option.label for option in self.options if option.code == code), code)

    def describe(self, value: Value) -> str:
        """An answer as the worker reads it: option labels instead of codes."""
        if isinstance(value, tuple):
            # A list of the options' labels, each translated when shown (the joining template has no translation).
            template = ", ".join(f"{{{index}}}" for index in range(len(value)))
            return Sentence("Schema", template, tuple(Sentence("Schema", self.label_of(code)) for code in value))
        return Sentence("Schema", self.label_of(value)) if self.type is FieldType.SINGLE else value

    def clean(self, raw: str | tuple[str, ...] | list[str] | None) -> Value | None:
        """The canonical form of an answer (trimmed, codes in schema order, upper case where the field
        wants it); None for an empty answer. Validity is `validate`'s business."""
        if raw is None:
            return None
        if self.type is FieldType.MULTI:
            chosen = {code.strip() for code in ([raw] if isinstance(raw, str) else raw) if code.strip()}
            ordered = [option.code for option in self.options if option.code in chosen]
            ordered += sorted(chosen - set(ordered))
            return tuple(ordered) or None
        text = raw if isinstance(raw, str) else " ".join(raw)
        text = " ".join(text.split())
        if self.upper_case:
            text = text.upper()
        return text or None

    def validate(self, value: Value, today: date) -> str | None:
        """Why the answer is not acceptable, in words for the worker; None when it is."""
        if isinstance(value, tuple) != (self.type is FieldType.MULTI):
            return QT_TRANSLATE_NOOP("Field", "This answer has the wrong form.")
        if isinstance(value, tuple):
            return self._validate_choices(value)
        match self.type:
            case FieldType.SINGLE:
                return (
                    None
                    if value in self._codes
                    else QT_TRANSLATE_NOOP("Field", "Choose one of the answers offered.")
                )
            case FieldType.NUMBER:
                return self._validate_number(value)
            case FieldType.DATE:
                return self._validate_date(value, today)
            case _:
                return self._validate_text(value)

    def _validate_choices(self, codes: tuple[str, ...]) -> str | None:
        if any(code not in self._codes for code in codes):
            return QT_TRANSLATE_NOOP("Field", "Choose among the answers offered.")
        if self.minimum is not None and len(codes) < self.minimum:
            return QT_TRANSLATE_NOOP("Field", "Choose at least {0}.").filled(self.minimum)
        if self.maximum is not None and len(codes) > self.maximum:
            return QT_TRANSLATE_NOOP("Field", "Choose at most {0}.").filled(self.maximum)
        return None

    def _validate_number(self, text: str) -> str | None:
        if not re.fullmatch(r"-?[0-9]{1,9}", text):
            return QT_TRANSLATE_NOOP("Field", "Enter a whole number.")
        number = int(text)
        if self.minimum is not None and number < self.minimum:
            return QT_TRANSLATE_NOOP("Field", "Enter {0} or more.").filled(self.minimum)
        if self.maximum is not None and number > self.maximum:
            return QT_TRANSLATE_NOOP("Field", "Enter {0} or less.").filled(self.maximum)
        return None

    def _validate_date(self, text: str, today: date) -> str | None:
        born = parse_date(text)
        if born is None:
            return QT_TRANSLATE_NOOP("Field", "Enter a date as year-month-day, e.g. 1990-04-17.")
        if born > today:
            return QT_TRANSLATE_NOOP("Field", "This date is in the future.")
        age = age_on(born, today)
        if self.minimum is not None and age < self.minimum:
            return QT_TRANSLATE_NOOP("Field", "This makes you younger than {0}.").filled(self.minimum)
        if self.maximum is not None and age > self.maximum:
            return QT_TRANSLATE_NOOP("Field", "This makes you older than {0}.").filled(self.maximum)
        return None

    def _validate_text(self, text: str) -> str | None:
        if len(text) > _MAX_TEXT:
            return QT_TRANSLATE_NOOP("Field", "Keep it under {0} characters.").filled(_MAX_TEXT)
        if self.minimum is not None and len(text) < self.minimum:
            return QT_TRANSLATE_NOOP("Field", "Enter at least {0} characters.").filled(self.minimum)
        if self.maximum is not None and len(text) > self.maximum:
            return QT_TRANSLATE_NOOP("Field", "Enter at most {0} characters.").filled(self.maximum)
        if self.regex is not None and not re.fullmatch(self.regex, text):
            if not self.hint:
                return QT_TRANSLATE_NOOP("Field", "This does not look right.")
            # The hint is the schema's own text, translated like every label of it (profile/schema_words.py).
            return QT_TRANSLATE_NOOP("Field", "This does not look right ({0}).").filled(
                Sentence("Schema", self.hint)
            )
        return None


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    title: str
    why: str
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Schema:
    version: int
    groups: tuple[Group, ...]

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(item for group in self.groups for item in group.fields)

    def field(self, field_id: str) -> Field | None:
        return next((item for item in self.fields if item.id == field_id), None)

    def completeness(self, profile: Profile) -> tuple[int, int]:
        """(answered, total) over the schema's fields; answers to fields the schema lacks do not count."""
        fields = self.fields
        return sum(item.id in profile for item in fields), len(fields)


def parse_date(text: str) -> date | None:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def age_on(born: date, today: date) -> int:
    """Whole years from `born` to `today`, as a birthday counts them."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def load_resource(name: str) -> Any:
    """A JSON file of `surveydesk.resources/profile/`, read through importlib so it works installed too."""
    text = resources.files("surveydesk.resources").joinpath("profile", name).read_text(encoding="utf-8")
    return json.loads(text)


def load_schema() -> Schema:
    return schema_from(load_resource("schema.json"))


def schema_from(raw: Any) -> Schema:
    """The schema from its JSON form; any mistake in it is a `SchemaError` naming where."""
    try:
        fields = {item["id"]: _field(item) for item in raw["fields"]}
        groups = tuple(
            Group(group["id"], group["title"], group["why"], tuple(fields[name] for name in group["fields"]))
            for group in raw["groups"]
        )
        version = int(raw["version"])
    except (KeyError, TypeError, ValueError) as error:
        raise SchemaError(f"the profile schema cannot be read: {error!r}") from error
    grouped = [item.id for group in groups for item in group.fields]
    if sorted(grouped) != sorted(fields) or len(set(grouped)) != len(grouped):
        raise SchemaError("every profile field must be in exactly one group")
    return Schema(version, groups)


def _field(raw: Mapping[str, Any]) -> Field:
    kind = FieldType(raw["type"])
    options = tuple(Option(str(option["code"]), str(option["label"])) for option in raw.get("options", ()))
    if (kind in (FieldType.SINGLE, FieldType.MULTI)) != bool(options):
        raise SchemaError(f"field {raw['id']!r}: only SINGLE and MULTI questions have options")
    rules = raw.get("validation", {})
    regex = rules.get("regex")
    if regex is not None:
        re.compile(regex)
    minimum = rules.get("min_age", rules.get("min"))
    maximum = rules.get("max_age", rules.get("max"))
    return Field(
        id=str(raw["id"]),
        type=kind,
        label=str(raw["label"]),
        hint=str(raw.get("hint", "")),
        options=options,
        minimum=None if minimum is None else int(minimum),
        maximum=None if maximum is None else int(maximum),
        regex=regex,
        upper_case=bool(raw.get("upper_case", False)),
        _codes=frozenset(option.code for option in options),
    )
