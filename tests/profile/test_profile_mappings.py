"""The mapping tables: every mapped field and code exists in the schema, and values translate both ways."""

from __future__ import annotations

import pytest

from surveydesk.demo.bitlabs_profiler import QUESTIONS, UNMAPPED_QUESTION
from surveydesk.profile.mappings import (
    SchemaError,
    bitlabs_mapping_from,
    cpx_mapping_from,
    load_bitlabs_mapping,
    load_cpx_mapping,
)
from surveydesk.profile.schema import FieldType, load_schema

SCHEMA = load_schema()
BITLABS = load_bitlabs_mapping()
CPX = load_cpx_mapping()


def test_every_bitlabs_mapping_names_a_schema_field_and_its_option_codes() -> None:
    for question_id, mapped in BITLABS.questions.items():
        field = SCHEMA.field(mapped.field)
        assert field is not None, question_id
        codes = {option.code for option in field.options}
        assert set(mapped.codes) <= codes, question_id
        assert bool(mapped.codes) == (field.type in (FieldType.SINGLE, FieldType.MULTI)), question_id


def test_the_demo_profiler_is_mapped_except_its_own_survey_question() -> None:
    demo = {question.id: question for question in QUESTIONS}
    unmapped = set(demo) - set(BITLABS.questions)
    assert UNMAPPED_QUESTION in unmapped
    for question_id, mapped in BITLABS.questions.items():
        offered = {code for code, _ in demo[question_id].answers}
        assert set(mapped.codes.values()) <= offered, question_id


def test_bitlabs_values_translate_both_ways() -> None:
    gender = BITLABS.questions["a1f3c09e2b"]
    languages = BITLABS.questions["0a7b3c2d65"]
    assert gender.to_platform("female") == ("2",)
    assert gender.to_platform("non_binary") is None  # BitLabs offers no equivalent: never guessed
    assert gender.from_platform(["1"], SCHEMA.field("gender")) == "male"
    assert languages.to_platform(("en", "pl", "de")) == ("1", "2")
    assert languages.from_platform(["2", "1", "9"], SCHEMA.field("languages")) == ("en", "de")
    assert BITLABS.questions["b7d24e8f10"].to_platform("1990-04-17") == ("1990-04-17",)


def test_cpx_parameters_are_exactly_the_documented_ones() -> None:
    assert [param.param for param in CPX.params] == [
        "birthday_day", "birthday_month", "birthday_year", "gender", "user_country_code", "zip_code",
    ]  # fmt: skip
    profile = {"birth_date": "1990-04-07", "gender": "female", "country": "DE", "postal_code": "80331"}
    params, fields = CPX.params_for(profile, frozenset(CPX.fields))
    assert params == {
        "main_info": "true",
        "birthday_day": "7",
        "birthday_month": "4",
        "birthday_year": "1990",
        "gender": "f",
        "user_country_code": "DE",
        "zip_code": "80331",
    }
    assert fields == ("birth_date", "gender", "country", "postal_code")


def test_cpx_sends_only_allowed_fields_and_no_undocumented_gender() -> None:
    profile = {"birth_date": "1990-04-07", "gender": "non_binary", "postal_code": "80331"}
    params, fields = CPX.params_for(profile, frozenset({"gender", "postal_code"}))
    assert params == {"main_info": "true", "zip_code": "80331"}
    assert fields == ("postal_code",)
    assert CPX.params_for(profile, frozenset()) == ({}, ())


@pytest.mark.parametrize(
    ("reader", "raw"),
    [
        (bitlabs_mapping_from, {"questions": {"q": {"codes": {}}}}),
        (bitlabs_mapping_from, []),
        (cpx_mapping_from, {"params": [{"param": "x", "field": "birth_date", "part": "hour"}]}),
        (cpx_mapping_from, {}),
    ],
)
def test_a_broken_mapping_is_refused(reader, raw) -> None:
    with pytest.raises(SchemaError):
        reader(raw)
