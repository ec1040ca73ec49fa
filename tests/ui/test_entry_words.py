"""Words an earnings reader writes where the platform gives none ("Bonus: …", BitLabs' claim form) are stored in
English, as written, and shown in the worker's language; the platform's own words and the worker's notes are
shown as they are."""

from __future__ import annotations

import pytest

from surveydesk.platforms.registry import BUILT_IN
from surveydesk.ui.task_titles import entry_title, shown_note, shown_title

FORM = "https://support.bitlabs.example/claim?survey_id=1"


@pytest.mark.parametrize(
    ("platform", "stored", "in_french"),
    [
        ("bitlabs", "BitLabs survey · Lifestyle", "Enquête BitLabs · Lifestyle"),
        ("bitlabs", "BitLabs survey", "Enquête BitLabs"),
        ("bitlabs", "Taken back: BitLabs survey · Lifestyle", "Repris\xa0: Enquête BitLabs · Lifestyle"),
        ("cpx", "CPX screen-out", "Enquête CPX non qualifiée"),
        ("cpx", "CPX survey", "Enquête CPX"),
        ("cpx", "CPX bonus", "Bonus CPX"),
        ("prolific", "Bonus: Memory &amp;amp; attention", "Bonus\xa0: Memory &amp; attention"),  # decoded once
        ("toloka", "Bonus: Label the photos", "Bonus\xa0: Label the photos"),
        ("mturk", "Bonuses of 2026-12-01", "Bonus du 2026-12-01"),
        ("prolific", "Memory and attention", "Memory and attention"),  # the platform's own words
        ("manual", "Bonus: my own entry", "Bonus: my own entry"),  # no platform's reader wrote it
    ],
)
def test_a_reader_s_words_are_shown_in_french(french, platform: str, stored: str, in_french: str) -> None:
    assert entry_title(platform, stored) == in_french


def test_the_claim_form_note_is_shown_in_french_and_her_own_notes_as_they_are(french) -> None:
    note = f"BitLabs' form to claim a missing reward: {FORM}"
    assert shown_note("bitlabs", note) == f"Formulaire BitLabs pour réclamer une récompense manquante\xa0: {FORM}"
    assert shown_note("bitlabs", "asked support on Monday") == "asked support on Monday"


def test_in_english_the_stored_words_are_shown_as_they_are() -> None:
    assert (
        shown_title("bitlabs", "Taken back: BitLabs survey · Lifestyle")
        == "Taken back: BitLabs survey · Lifestyle"
    )
    assert shown_note("bitlabs", f"BitLabs' form to claim a missing reward: {FORM}").endswith(FORM)


def test_every_reader_word_has_at_most_one_place_for_the_platform_s_words() -> None:
    for spec in BUILT_IN:
        for words in spec.entry_words:
            assert words.template.count("{") == words.template.count("{0}") <= 1, (spec.platform, words)


def test_a_task_s_own_title_is_never_read_as_a_reader_s_words(french) -> None:
    """A study its researcher called "Bonus: …" is listed as it is called."""
    assert shown_title("prolific", "Bonus: extra questions") == "Bonus: extra questions"
