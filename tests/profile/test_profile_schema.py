"""The profile schema as data: every field loads with its type and validation, and answers are judged by it."""

from __future__ import annotations

from datetime import date

import pytest

from surveydesk.profile.schema import FieldType, SchemaError, load_schema, schema_from

TODAY = date(2026, 11, 30)
SCHEMA = load_schema()


def field(name: str):
    found = SCHEMA.field(name)
    assert found is not None, name
    return found


def test_the_schema_holds_every_field_the_issue_names_in_groups_with_a_reason() -> None:
    names = {item.id for item in SCHEMA.fields}
    assert {
        "birth_date", "gender", "country", "region", "postal_code", "languages", "education", "employment",
        "occupation", "industry", "household_income", "household_size", "children", "marital_status",
        "devices", "peripherals",
    } <= names  # fmt: skip
    assert {item.type for item in SCHEMA.fields} == set(FieldType)
    assert all(group.why and group.title and group.fields for group in SCHEMA.groups)
    assert {option.code for option in field("peripherals").options} >= {"webcam", "microphone"}


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("birth_date", "1990-04-17", None),
        ("birth_date", "17/04/1990", "year-month-day"),
        ("birth_date", "1990-02-30", "year-month-day"),
        ("birth_date", "2027-01-01", "future"),
        ("birth_date", "2015-01-01", "younger than 16"),
        ("birth_date", "1900-01-01", "older than 110"),
        ("gender", "female", None),
        ("gender", "robot", "Choose one"),
        ("country", "GB", None),
        ("country", "GBR", "at most 2"),
        ("country", "G1", "does not look right"),
        ("postal_code", "SW1A 1AA", None),
        ("postal_code", "<script>", "does not look right"),
        ("household_size", "3", None),
        ("household_size", "0", "1 or more"),
        ("household_size", "three", "whole number"),
        ("children", "16", "15 or less"),
        ("languages", ("en", "de"), None),
        ("languages", ("en", "xx"), "Choose among"),
        ("languages", "en", "wrong form"),
        ("devices", ("desktop", "mobile", "tablet"), None),
        ("occupation", "x", "at least 2"),
        ("occupation", "nurse" * 50, "under 200"),
    ],
)
def test_validation_follows_each_type(name: str, value, problem: str | None) -> None:
    found = field(name).validate(value, TODAY)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_answers_are_cleaned_to_one_form() -> None:
    assert field("country").clean("  gb ") == "GB"
    assert field("postal_code").clean("sw1a   1aa") == "SW1A 1AA"
    assert field("languages").clean(["de", " en", "de", ""]) == ("en", "de")  # the schema's order, once each
    assert field("languages").clean([]) is None
    assert field("region").clean("   ") is None


def test_completeness_counts_schema_fields_only() -> None:
    answered, total = SCHEMA.completeness({"gender": "male", "country": "GB", "bitlabs:q1": "1"})
    assert (answered, total) == (2, len(SCHEMA.fields))


@pytest.mark.parametrize(
    "broken",
    [
        {"version": 1, "groups": [], "fields": [{"id": "a", "type": "TEXT", "label": "A"}]},  # not in a group
        {"version": 1, "groups": [{"id": "g", "title": "G", "why": "w", "fields": ["a"]}],
         "fields": [{"id": "a", "type": "SINGLE", "label": "A"}]},  # SINGLE without options
        {"version": 1, "groups": [{"id": "g", "title": "G", "why": "w", "fields": ["a"]}],
         "fields": [{"id": "a", "type": "COLOUR", "label": "A"}]},
    ],
)  # fmt: skip
def test_a_broken_schema_is_refused_with_a_reason(broken) -> None:
    with pytest.raises(SchemaError):
        schema_from(broken)


def test_the_schema_files_are_installed_as_package_data() -> None:
    from importlib import resources

    folder = resources.files("surveydesk.resources").joinpath("profile")
    assert {"schema.json", "bitlabs.json", "cpx.json", "eligibility.json"} <= {
        item.name for item in folder.iterdir()
    }
