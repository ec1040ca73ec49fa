"""The completion code a study gives its worker at the end, read from what she pastes: the code itself, or the
completion link that carries it.

A Prolific study ends by sending her to `https://app.prolific.com/submissions/complete?cc=C1A2B3C4`: the `cc`
parameter is the study's completion code. Prolific's researcher help, "Recording participants as complete on
Prolific" (researcher-help.prolific.co/hc/en-gb/articles/360009223173): researchers redirect participants to the
study's Completion URL or give them its code, which "participants will visit this URL, or enter the code, to
prove that they have completed your study"; "If a participant completed the survey in time and submitted a
completion code, then they should be compensated" (help.prolific.ac, "Reviewing submissions"). So the code is
her evidence when a submission is rejected or never reviewed, and SurveyDesk keeps it with the attempt (the work
log) for her claims.

What she pastes is untrusted text: it is kept as plain text, without control or direction-changing characters,
and refused (never cut) when it is no code: longer than `CODE_LIMIT`, several words, or a link without one.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from surveydesk.core.sanitize import clean_text
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence

CODE_LIMIT = 64  # Prolific's codes are eight characters; survey walls' a few dozen at most
# The query parameters a completion link carries its code in: Prolific's `cc`.
_CODE_PARAMETERS = ("cc",)


class CompletionCodeError(ValueError):
    """What she pasted is no completion code; `sentence` says why, in words for her."""

    def __init__(self, sentence: Sentence) -> None:
        super().__init__(sentence)
        self.sentence = sentence


def read_completion_code(pasted: str) -> str | None:
    """The code in `pasted` (a code, or a completion link holding one); None when she pasted nothing."""
    text = clean_text(pasted, len(pasted) + 1)
    if not text:
        return None
    if "/" in text:  # a link, with or without its https:// (no code has a slash)
        return _code_of_link(text if "://" in text else "https://" + text)
    if " " in text:
        raise CompletionCodeError(
            QT_TRANSLATE_NOOP("CompletionCodeError", "A completion code is one word: paste the code alone.")
        )
    if len(text) > CODE_LIMIT:
        raise CompletionCodeError(
            QT_TRANSLATE_NOOP("CompletionCodeError", "A completion code has at most {0} characters.").filled(
                CODE_LIMIT
            )
        )
    return text


def _code_of_link(link: str) -> str:
    query = parse_qs(urlsplit(link).query)
    for name in _CODE_PARAMETERS:
        for value in query.get(name, []):
            code = read_completion_code(value) if "/" not in value else None
            if code:
                return code
    raise CompletionCodeError(
        QT_TRANSLATE_NOOP(
            "CompletionCodeError", "This link holds no completion code: paste the code the study showed."
        )
    )
