"""The completion code she pastes when she submits: the code itself or the completion link that carries it, kept
as plain text, and refused with a reason (never cut) when it is no code."""

from __future__ import annotations

import pytest

from surveydesk.work.completion_code import CODE_LIMIT, CompletionCodeError, read_completion_code


@pytest.mark.parametrize(
    ("pasted", "code"),
    [
        ("C1A2B3C4", "C1A2B3C4"),
        ("  C1A2B3C4\n", "C1A2B3C4"),  # as copied from a page, with its blanks
        ("https://app.prolific.com/submissions/complete?cc=C1A2B3C4", "C1A2B3C4"),  # Prolific's completion link
        ("app.prolific.com/submissions/complete?cc=XK9&extra=1", "XK9"),  # without its https://
        ("C1A\u202eB2", "C1AB2"),  # a direction override, which could disguise it, is dropped
        ("", None),
        ("   ", None),
    ],
)
def test_the_code_is_read_from_the_code_or_its_link(pasted: str, code: str | None) -> None:
    assert read_completion_code(pasted) == code


@pytest.mark.parametrize(
    ("pasted", "reason"),
    [
        (
            "https://app.prolific.com/studies",
            "This link holds no completion code: paste the code the study showed.",
        ),
        ("my code is C1A2B3C4", "A completion code is one word: paste the code alone."),
        ("X" * (CODE_LIMIT + 1), f"A completion code has at most {CODE_LIMIT} characters."),
    ],
)
def test_what_is_no_code_is_refused_with_a_reason(pasted: str, reason: str) -> None:
    with pytest.raises(CompletionCodeError) as refused:
        read_completion_code(pasted)
    assert refused.value.sentence == reason
