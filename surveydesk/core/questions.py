"""A platform's profiler questions, asked before a survey opens, and the flow that asks them one by one.

Survey walls (BitLabs' click flow) ask the worker about herself before they open a survey. The profile answers
what it can (profile/profiler.py); the rest is asked in a dialog. A platform that asks such questions says so in
its `PlatformSpec.profiler`, and its client follows `QuestionFlow`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from surveydesk.core.errors import PlatformError
from surveydesk.core.model import Task
from surveydesk.core.translatable import QT_TRANSLATE_NOOP

_NUMBER = re.compile(r"-?[0-9]{1,12}")


class ClickRefused(PlatformError):
    """The platform refused an answer or a step (a failed validation, a closed survey): its reason, in words."""

    kind = "refused"


@dataclass(frozen=True, slots=True)
class Choice:
    code: str
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    """One profiler question; its texts are the platform's, shown as plain text only.

    `minimum`/`maximum` are the platform's validation (BitLabs' `validation_info`): a length for TEXT, a value for
    NUMBER, an age for DATE, a count of chosen answers for SINGLE and MULTI.
    """

    id: str
    type: str
    text: str
    choices: tuple[Choice, ...]
    can_skip: bool
    minimum: int | None = None
    maximum: int | None = None
    regex: str | None = None
    example: str = ""

    def problem(self, answers: Sequence[str], today: date) -> str | None:
        """Why the platform would refuse these answers, checked here first; None when they pass."""
        if not answers:
            return QT_TRANSLATE_NOOP("Question", "Give an answer, or skip the question if it may be skipped.")
        if self.type in ("SINGLE", "MULTI"):
            return self._choice_problem(answers)
        if len(answers) != 1:
            return QT_TRANSLATE_NOOP("Question", "This question takes one answer.")
        (answer,) = answers
        if self.type == "NUMBER":
            return self._number_problem(answer)
        if self.type == "DATE":
            return self._date_problem(answer, today)
        return self._text_problem(answer)

    def _choice_problem(self, answers: Sequence[str]) -> str | None:
        codes = {choice.code for choice in self.choices}
        if any(answer not in codes for answer in answers) or len(set(answers)) != len(answers):
            return QT_TRANSLATE_NOOP("Field", "Choose among the answers offered.")
        most = 1 if self.type == "SINGLE" else self.maximum
        least = self.minimum if self.minimum is not None else 1
        if len(answers) < least:
            return QT_TRANSLATE_NOOP("Field", "Choose at least {0}.").filled(least)
        if most is not None and len(answers) > most:
            return QT_TRANSLATE_NOOP("Field", "Choose at most {0}.").filled(most)
        return None

    def _number_problem(self, answer: str) -> str | None:
        if not _NUMBER.fullmatch(answer):
            return QT_TRANSLATE_NOOP("Field", "Enter a whole number.")
        if self.minimum is not None and int(answer) < self.minimum:
            return QT_TRANSLATE_NOOP("Field", "Enter {0} or more.").filled(self.minimum)
        if self.maximum is not None and int(answer) > self.maximum:
            return QT_TRANSLATE_NOOP("Field", "Enter {0} or less.").filled(self.maximum)
        return None

    def _date_problem(self, answer: str, today: date) -> str | None:
        try:
            born = date.fromisoformat(answer) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", answer) else None
        except ValueError:
            born = None
        if born is None or born > today:
            return QT_TRANSLATE_NOOP("Question", "Enter a past date as year-month-day, e.g. 1990-04-17.")
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        if self.minimum is not None and age < self.minimum:
            return QT_TRANSLATE_NOOP("Question", "The survey asks for an age of at least {0}.").filled(
                self.minimum
            )
        if self.maximum is not None and age > self.maximum:
            return QT_TRANSLATE_NOOP("Question", "The survey asks for an age of at most {0}.").filled(self.maximum)
        return None

    def _text_problem(self, answer: str) -> str | None:
        if self.minimum is not None and len(answer) < self.minimum:
            return QT_TRANSLATE_NOOP("Field", "Enter at least {0} characters.").filled(self.minimum)
        if self.maximum is not None and len(answer) > self.maximum:
            return QT_TRANSLATE_NOOP("Field", "Enter at most {0} characters.").filled(self.maximum)
        if self.regex is not None:
            try:
                matches = re.fullmatch(self.regex, answer) is not None
            except re.error:
                return None  # a pattern Python cannot read: the platform will judge the answer itself
            if not matches:
                return QT_TRANSLATE_NOOP("Question", "This answer is not in the form the survey asks for.")
        return None


@dataclass(frozen=True, slots=True)
class ClickStep:
    """What the click flow asks next: a question, or the address of the survey once it is done."""

    question: Question | None
    redirect_url: str = ""
    redirect_type: str = ""
    answered: int | None = None
    required: int | None = None


class QuestionFlow(Protocol):
    """One account's flow of questions before its surveys: started on a taken task, then each question
    answered, skipped or the survey left; `ClickRefused` (or another PlatformError) when the platform says no."""

    def start(self, task: Task) -> tuple[str, ClickStep]:
        """The flow's id, and its first step."""
        ...

    def answer(self, flow_id: str, answers: Sequence[str]) -> ClickStep: ...

    def skip(self, flow_id: str) -> ClickStep: ...

    def leave(self, flow_id: str, reason: str = "OTHER") -> None: ...
