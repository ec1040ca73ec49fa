"""Consistency warnings: a screener answer that disagrees with the profile or an earlier answer is named."""

from __future__ import annotations

from datetime import date

from surveydesk.profile.consistency import age_contradiction, contradiction, earlier_contradiction
from surveydesk.profile.schema import load_schema

TODAY = date(2026, 11, 30)
SCHEMA = load_schema()
PROFILE = {"gender": "female", "birth_date": "1990-12-01", "languages": ("en", "de"), "postal_code": "SW1A 1AA"}


def test_an_answer_that_agrees_is_no_warning() -> None:
    assert contradiction(SCHEMA.field("gender"), "female", PROFILE, TODAY) is None
    assert contradiction(SCHEMA.field("postal_code"), "sw1a 1aa", PROFILE, TODAY) is None  # case aside
    assert contradiction(SCHEMA.field("languages"), ("de", "en"), PROFILE, TODAY) is None
    assert contradiction(SCHEMA.field("occupation"), "nurse", PROFILE, TODAY) is None  # the profile is silent


def test_a_contradiction_is_named_in_the_worker_s_words() -> None:
    found = contradiction(SCHEMA.field("gender"), "male", PROFILE, TODAY)
    assert found is not None
    assert found.describe("Gender") == (
        "Gender: you answered “Male”, but your profile says “Female”. "
        "Platforms reject participants whose answers disagree."
    )


def test_a_stated_age_is_checked_against_the_date_of_birth() -> None:
    assert age_contradiction(35, PROFILE, TODAY) is None
    found = age_contradiction(36, PROFILE, TODAY)
    assert found is not None and (found.said_before, found.said_now) == ("35", "36")
    assert age_contradiction(99, {}, TODAY) is None


def test_an_earlier_screener_answer_that_disagrees_is_found() -> None:
    employment = SCHEMA.field("employment")
    earlier = [("prolific", "student"), ("mturk", "part_time")]
    found = earlier_contradiction(employment, "full_time", earlier)
    assert (
        found is not None and found.source == "your answer on mturk" and found.said_before == "Employed part-time"
    )
    assert earlier_contradiction(employment, "part_time", [("mturk", "part_time")]) is None
