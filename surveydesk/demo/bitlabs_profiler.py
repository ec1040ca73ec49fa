"""The demo exchange's BitLabs click flow: profiler questions before a survey, answered, skipped or left.

A realistic profiler: the standard questions (gender, date of birth, postal code, employment, children, then
the age of the youngest child only for a worker who has children, languages, household income, education)
and one question of the survey's own that no profile covers. Answers are checked against each question's
`validation_info` as BitLabs documents it; a refused answer gets a 400 with BitLabs' error envelope
[G: the status BitLabs uses for a refused answer is not documented]. When every question is answered or
skipped, `redirect` names the survey page. Real BitLabs remembers a user's answers across surveys; the demo
asks on every click, so the worker sees the flow each time.

`received` keeps every answer the flow was sent, so tests can check at the server what left the desk.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final

from surveydesk.demo.wire import Request, Response, json_response, method_not_allowed


@dataclass(frozen=True, slots=True)
class DemoQuestion:
    id: str
    type: str
    text: str
    answers: tuple[tuple[str, str], ...] = ()
    can_skip: bool = False
    minimum: int | None = None
    maximum: int | None = None
    regex: str | None = None
    example: str = ""
    # Asked only when this holds for the answers so far (BitLabs' skip logic); None: always asked.
    only_if: Callable[[dict[str, list[str]]], bool] | None = None

    def wire(self) -> dict[str, object]:
        """The question object as BitLabs' click flow sends it."""
        validation = {"min": self.minimum, "max": self.maximum, "regex": self.regex or ""}
        return {
            "id": self.id,
            "language": "en",
            "type": self.type,
            "localized_text": self.text,
            "answers": [{"code": code, "localized_text": text} for code, text in self.answers],
            "can_skip": self.can_skip,
            "is_duplicate": False,
            "example": self.example,
            "validation_info": validation,
        }


def _has_children(answers: dict[str, list[str]]) -> bool:
    given = answers.get(CHILDREN, [])
    return bool(given) and given[0].isdigit() and int(given[0]) > 0


CHILDREN: Final = "e5c8f7a943"
UNMAPPED_QUESTION: Final = "7d3f1b9e2c"  # the survey's own question: no profile field covers it
YOUNGEST_CHILD: Final = "5b6a2c8d4f"
QUESTIONS: Final = (
    DemoQuestion("a1f3c09e2b", "SINGLE", "What is your gender?", (("1", "Male"), ("2", "Female"))),
    DemoQuestion(
        "b7d24e8f10", "DATE", "What is your date of birth?", minimum=18, maximum=99, example="1990-12-31"
    ),
    DemoQuestion(
        "c39e5a7d21", "TEXT", "What is your postal code?", minimum=3, maximum=10,
        regex="^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$", example="80331",
    ),
    DemoQuestion(
        "d4a1b6c832", "SINGLE", "What is your current employment status?",
        (("1", "Employed full-time"), ("2", "Employed part-time"), ("3", "Self-employed"), ("4", "Student"),
         ("5", "Unemployed"), ("6", "Homemaker"), ("7", "Retired"), ("8", "Unable to work")),
    ),
    DemoQuestion(CHILDREN, "NUMBER", "How many children under 18 live in your household?", minimum=0, maximum=15),
    DemoQuestion(
        YOUNGEST_CHILD, "NUMBER", "How old is your youngest child?", minimum=0, maximum=17, can_skip=True,
        only_if=_has_children,
    ),
    DemoQuestion(
        "0a7b3c2d65", "MULTI", "Which of these languages do you speak fluently?",
        (("1", "English"), ("2", "German"), ("3", "French"), ("4", "Spanish"), ("5", "Italian")),
        minimum=1, maximum=5,
    ),
    DemoQuestion(
        "f6e9d0b154", "SINGLE", "What is your household's yearly income before tax?",
        (("1", "Under 15,000"), ("2", "15,000 to 29,999"), ("3", "30,000 to 49,999"), ("4", "50,000 to 74,999"),
         ("5", "75,000 to 99,999"), ("6", "100,000 to 149,999"), ("7", "150,000 or more"),
         ("8", "Prefer not to say")),
        can_skip=True,
    ),
    DemoQuestion(
        "9c2e7d4a18", "SINGLE", "What is the highest level of education you have completed?",
        (("1", "No formal qualification"), ("2", "Secondary school"), ("3", "Vocational training"),
         ("4", "Bachelor's degree"), ("5", "Master's degree"), ("6", "Doctorate")),
    ),
    DemoQuestion(
        UNMAPPED_QUESTION, "MULTI", "Which of these streaming services have you used in the past month?",
        (("1", "Netflix"), ("2", "Disney+"), ("3", "Prime Video"), ("4", "None of these")),
        can_skip=True, minimum=1, maximum=3,
    ),
)  # fmt: skip
_ACTIONS: Final = ("answer_question", "skip_question", "leave_survey")


@dataclass
class _Click:
    id: str
    survey_id: str
    answers: dict[str, list[str]] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    left: bool = False

    def next_question(self) -> DemoQuestion | None:
        for question in QUESTIONS:
            if question.id in self.answers or question.id in self.skipped:
                continue
            if question.only_if is None or question.only_if(self.answers):
                return question
        return None


class BitLabsProfiler:
    """Serves `/v2/client/clicks/{id}` for the demo BitLabs; `survey_of` gives the survey a click id was created
    for while that survey is still open (None otherwise). The redirect at the end names the survey's page by
    its click (`/survey?clk=`), as BitLabs' survey pages carry the click id."""

    def __init__(self, survey_of: Callable[[str], str | None], today: Callable[[], date]) -> None:
        self._survey_of = survey_of
        self._today = today
        self._lock = threading.Lock()
        self._clicks: dict[str, _Click] = {}
        self.received: list[tuple[str, str, tuple[str, ...]]] = []  # (click id, question id, answers)

    def handle(self, request: Request, click_id: str) -> Response:
        if request.method not in ("GET", "POST"):
            return method_not_allowed("GET, POST")
        survey_id = self._survey_of(click_id) if re.fullmatch(r"[A-Za-z0-9_-]{1,100}", click_id) else None
        if survey_id is None:
            return _error(404, "404 Not Found", "click not found")
        with self._lock:
            click = self._clicks.setdefault(click_id, _Click(click_id, survey_id))
            if click.left:
                return _error(410, "410 Gone", "the user left this survey")
            if request.method == "POST":
                reply = self._update(click, request.body)
                if reply is not None:
                    return reply
            return json_response(200, {"data": self._next(request.site_url, click), "status": "success"})

    def _update(self, click: _Click, body: bytes) -> Response | None:
        """Apply one POST; a reply when it ends the exchange here (a refusal, a leave), None to go on."""
        try:
            update = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return _error(400, "400 Bad Request", "the body is not JSON")
        actions = [key for key in _ACTIONS if key in update] if isinstance(update, dict) else []
        if len(actions) != 1:
            return _error(
                400, "400 Bad Request", "send exactly one of answer_question, skip_question, leave_survey"
            )
        question = click.next_question()
        action = actions[0]
        if action == "leave_survey":
            reason = update["leave_survey"].get("reason") if isinstance(update["leave_survey"], dict) else None
            if reason not in ("OTHER", "TECHNICAL", "SENSITIVE", "TOO_LONG", "UNINTERESTING"):
                return _error(400, "400 Bad Request", "unknown leave reason")
            click.left = True
            return json_response(200, {"data": None, "error": None, "status": "success"})
        if question is None:
            return _error(409, "409 Conflict", "no question is open")
        if action == "skip_question":
            if not question.can_skip:
                return _error(400, "400 Bad Request", "this question cannot be skipped")
            click.skipped.add(question.id)
            return None
        answers = update["answer_question"].get("answers") if isinstance(update["answer_question"], dict) else None
        if not isinstance(answers, list) or not all(isinstance(answer, str) for answer in answers):
            return _error(400, "400 Bad Request", "answers must be a list of strings")
        problem = _problem(question, answers, self._today())
        if problem is not None:
            return _error(400, "400 Bad Request", problem)
        click.answers[question.id] = answers
        self.received.append((click.id, question.id, tuple(answers)))
        return None

    def _next(self, site_url: str, click: _Click) -> dict[str, Any]:
        required = [
            question for question in QUESTIONS if question.only_if is None or question.only_if(click.answers)
        ]
        done = sum(question.id in click.answers or question.id in click.skipped for question in required)
        data: dict[str, Any] = {
            "answered_questions": done,
            "required_questions": len(required),
            "click_type": "survey",
        }
        question = click.next_question()
        if question is not None:
            data["answer_question"] = {"question": question.wire()}
        else:
            data["redirect"] = {"url": f"{site_url}/survey?clk={click.id}", "type": "survey"}
        return data


def _problem(question: DemoQuestion, answers: list[str], today: date) -> str | None:
    """BitLabs' validation of one answer, by the question's type and `validation_info`."""
    if not answers:
        return "at least one answer is required"
    if question.type in ("SINGLE", "MULTI"):
        codes = {code for code, _ in question.answers}
        most = 1 if question.type == "SINGLE" else (question.maximum or len(codes))
        if any(answer not in codes for answer in answers) or len(set(answers)) != len(answers):
            return "unknown answer code"
        return None if 1 <= len(answers) <= most else f"choose between 1 and {most} answers"
    if len(answers) != 1:
        return "only MULTI questions take several answers"
    value = answers[0]
    if question.type == "NUMBER":
        if not re.fullmatch(r"-?[0-9]{1,9}", value):
            return "not a number"
        number = int(value)
        low, high = question.minimum, question.maximum
        return (
            None if (low is None or number >= low) and (high is None or number <= high) else "number out of range"
        )
    if question.type == "DATE":
        try:
            born = date.fromisoformat(value)
        except ValueError:
            return "not a date (YYYY-MM-DD)"
        age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        low, high = question.minimum, question.maximum
        return None if (low is None or age >= low) and (high is None or age <= high) else "age out of range"
    if question.minimum is not None and len(value) < question.minimum:
        return "answer too short"
    if question.maximum is not None and len(value) > question.maximum:
        return "answer too long"
    if question.regex and not re.fullmatch(question.regex, value):
        return "answer does not match the expected format"
    return None


def _error(status: int, http: str, message: str) -> Response:
    return json_response(
        status, {"data": None, "error": {"details": {"http": http, "msg": message}}, "status": "error"}
    )
