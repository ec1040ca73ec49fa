"""BitLabs' click flow: the profiler questions a survey asks before it starts, answered one by one.

A survey's `click_url` names a session (`s`) and an impression (`i`), not a click. The click is created the
documented way, `POST /v2/client/clicks?s=<session>&i=<impression>`, which answers `{"data": {"id": <click
id>}}` (platform-apis.md §8.2, BitLabs' `createClickV2`). Then `GET /v2/client/clicks/{click id}` says what
comes next: a question (`answer_question`) or the survey itself (`redirect`). `POST` to the same address sends
exactly one of `answer_question` (answers are always strings: option codes, or one raw value), `skip_question`
or `leave_survey` (§3.1). What such a POST returns is not documented: this reads the next step from it when it
holds one, and asks with a GET when it does not.

Requests go to the account's own API address with its `X-Api-Token` and `X-User-Id`, never to the host a
survey's link names, so the token cannot be sent anywhere the worker did not set up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Final
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

from surveydesk.core.errors import (
    IN_TROUBLE_NOW,
    SLOW_DOWN_NOW,
    AuthExpired,
    BadPayload,
)
from surveydesk.core.model import Task
from surveydesk.core.questions import Choice, ClickRefused, ClickStep, Question
from surveydesk.core.sanitize import clean_text
from surveydesk.core.take import check_owner
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import get, json_object, json_or_none, post, web_url
from surveydesk.net.quoting import excerpt, without_secrets
from surveydesk.net.shapes import BOOLEAN, LIST, NULL, NUMBER, OBJECT, STRING, Part, Shape, expect
from surveydesk.net.status import raise_for_status
from surveydesk.platforms import fields
from surveydesk.platforms.bitlabs.tasks import CONNECT_AGAIN, REFUSED, error_text
from surveydesk.platforms.client import AccountClient

CLICKS_PATH: Final = "/v2/client/clicks"
TYPES: Final = frozenset({"TEXT", "SINGLE", "MULTI", "NUMBER", "DATE"})
LEAVE_REASONS: Final = ("OTHER", "TECHNICAL", "SENSITIVE", "TOO_LONG", "UNINTERESTING")
FALLBACK_WAIT: Final = timedelta(seconds=60)
MAX_OPTIONS: Final = 500
_CLICK_ID = re.compile(r"[A-Za-z0-9_-]{1,100}")
_TEXT_LIMIT = 1000
# What the click flow is read for: the new click's id; then a question to answer, or where the survey goes on.
CREATED: Final = Shape("BitLabsNewClick", data=expect(OBJECT, shape=Shape("BitLabsClick", id=expect(STRING))))
QUESTION_SHAPE: Final = Shape(
    "BitLabsQuestion",
    id=expect(STRING),
    type=expect(STRING, known=TYPES),
    localized_text=expect(STRING),
    answers=expect(
        LIST, NULL, required=False,
        items=expect(OBJECT, shape=Shape("BitLabsAnswer", code=expect(STRING), localized_text=expect(STRING))),
    ),
    can_skip=expect(BOOLEAN, NULL, required=False),
    example=expect(STRING, NULL, required=False),
    validation_info=expect(
        OBJECT, NULL, required=False,
        shape=Shape(
            "BitLabsValidation",
            min=expect(NUMBER, NULL, required=False),
            max=expect(NUMBER, NULL, required=False),
            regex=expect(STRING, NULL, required=False),
        ),
    ),
)  # fmt: skip
STEP_SHAPE: Final = Shape(
    "BitLabsStep",
    data=expect(
        OBJECT,
        shape=Shape(
            "BitLabsStepData",
            answer_question=expect(
                OBJECT, NULL, required=False,
                shape=Shape("BitLabsAsked", question=expect(OBJECT, shape=QUESTION_SHAPE)),
            ),
            redirect=expect(
                OBJECT, NULL, required=False,
                shape=Shape("BitLabsRedirect", url=expect(STRING), type=expect(STRING, NULL, required=False)),
            ),
            answered_questions=expect(NUMBER, NULL, required=False),
            required_questions=expect(NUMBER, NULL, required=False),
        ),
    ),
)  # fmt: skip
CREATE_ENDPOINT: Final = f"POST {CLICKS_PATH}?s=&i="
STEP_ENDPOINT: Final = f"GET {CLICKS_PATH}/{{click id}}"


def impression_of(click_url: str) -> dict[str, str] | None:
    """The session `s` and impression `i` of a survey's click URL, as the query that creates its click; None
    when either is missing, doubled or unfit for an address."""
    try:
        values = parse_qs(urlsplit(click_url).query)
    except ValueError:
        return None
    found = {key: values.get(key, []) for key in ("s", "i")}
    if any(len(given) != 1 or not _CLICK_ID.fullmatch(given[0]) for given in found.values()):
        return None
    return {key: given[0] for key, given in found.items()}


class BitLabsClicks(AccountClient):
    """Runs one BitLabs account's click flows; built like its connector, with the same secret provider."""

    def start(self, task: Task) -> tuple[str, ClickStep]:
        """A new click on the survey, and the first step of its flow."""
        click_id = self.create(task)
        return click_id, self.step(click_id)

    def create(self, task: Task) -> str:
        """The id of a click BitLabs creates for the survey's impression (not the impression's own id)."""
        check_owner(task, self._account)
        impression = impression_of(task.url)
        if impression is None:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "BitLabsClicks", "this survey's link is not one SurveyDesk can follow; open it in your browser"
                ),
            )
        headers = self._headers()
        address = f"{self._base_url}{CLICKS_PATH}?{urlencode(impression)}"
        response = post(self._session, address, platform=self._platform, headers=headers)
        body = self._body(response, headers["X-Api-Token"], CREATED)
        with self._watching(Part.TAKE, CREATE_ENDPOINT, body, CREATED):
            data = body.get("data")
            click_id = data.get("id") if isinstance(data, dict) else None
            if not isinstance(click_id, str) or not _CLICK_ID.fullmatch(click_id):
                raise BadPayload(
                    self._platform, QT_TRANSLATE_NOOP("BitLabsClicks", "BitLabs did not say which click it opened")
                )
        return click_id

    def step(self, click_id: str) -> ClickStep:
        headers = self._headers()
        response = get(self._session, self._url(click_id), platform=self._platform, headers=headers)
        body = self._body(response, headers["X-Api-Token"], STEP_SHAPE)
        with self._watching(Part.TAKE, STEP_ENDPOINT, body, STEP_SHAPE):
            return self._step(body.get("data"))

    def answer(self, click_id: str, answers: Sequence[str]) -> ClickStep:
        return self._post(click_id, {"answer_question": {"answers": [str(answer) for answer in answers]}})

    def skip(self, click_id: str) -> ClickStep:
        return self._post(click_id, {"skip_question": True})

    def leave(self, click_id: str, reason: str = "OTHER") -> None:
        if reason not in LEAVE_REASONS:
            raise ValueError(f"BitLabs knows no leave reason {reason!r}")
        headers = self._headers()
        response = post(
            self._session, self._url(click_id), platform=self._platform, json={"leave_survey": {"reason": reason}},
            headers=headers,
        )  # fmt: skip
        self._body(response, headers["X-Api-Token"], STEP_SHAPE)

    def _url(self, click_id: str) -> str:
        if not _CLICK_ID.fullmatch(click_id):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("BitLabsClicks", "the click id holds characters no address can carry"),
            )
        return f"{self._base_url}{CLICKS_PATH}/{click_id}"

    def _headers(self) -> dict[str, str]:
        token = self._secret_provider()
        if not token or not self._option("user_id"):
            raise AuthExpired(self._platform, CONNECT_AGAIN)
        return {"X-Api-Token": token, "X-User-Id": self._option("user_id")}

    def _post(self, click_id: str, body: dict[str, object]) -> ClickStep:
        headers = self._headers()
        response = post(self._session, self._url(click_id), platform=self._platform, json=body, headers=headers)
        data = self._body(response, headers["X-Api-Token"], STEP_SHAPE).get("data")
        if isinstance(data, dict) and ("answer_question" in data or "redirect" in data):
            return self._step(data)
        return self.step(click_id)

    def _body(self, response: requests.Response, token: str, shape: Shape) -> dict[str, Any]:
        """The reply, read through `shape`; every refusal becomes a typed error with BitLabs' reason, minus the
        token."""
        status = response.status_code
        if 400 <= status < 500 and status not in (401, 403, 429):
            reason = without_secrets(error_text(json_or_none(response)), (token,)) or f"HTTP {status}"
            raise ClickRefused(
                self._platform, QT_TRANSLATE_NOOP("BitLabsClicks", "BitLabs refused: {0}").filled(excerpt(reason))
            )
        raise_for_status(
            response,
            self._platform,
            "BitLabs",
            self._clock.now(),
            login_refused=REFUSED,
            fallback_wait=FALLBACK_WAIT,
            slow=SLOW_DOWN_NOW,
            trouble=IN_TROUBLE_NOW,
        )
        return json_object(response, self._platform, shape.decoding)

    def _step(self, data: object) -> ClickStep:
        if not isinstance(data, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("BitLabsClicks", "BitLabs' answer holds no next step")
            )
        answered, required = (
            fields.count(data.get("answered_questions")),
            fields.count(data.get("required_questions")),
        )
        asked = data.get("answer_question")
        if isinstance(asked, dict) and asked.get("question") is not None:
            return ClickStep(self._question(asked.get("question")), answered=answered, required=required)
        redirect = data.get("redirect")
        url = web_url(redirect.get("url")) if isinstance(redirect, dict) else ""
        if not url:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "BitLabsClicks", "BitLabs sent neither a question nor a web address to go on to"
                ),
            )
        kind = fields.text(redirect.get("type")) if isinstance(redirect, dict) else ""
        return ClickStep(None, url, clean_text(kind, 40), answered, required)

    def _question(self, raw: object) -> Question:
        if not isinstance(raw, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("BitLabsClicks", "a profiler question is not an object")
            )
        question_id, kind = raw.get("id"), raw.get("type")
        if not isinstance(question_id, str) or not _CLICK_ID.fullmatch(question_id):
            unreadable = QT_TRANSLATE_NOOP("BitLabsClicks", "a profiler question has an unreadable id: {0}")
            raise BadPayload(self._platform, unreadable.filled(excerpt(question_id)))
        if kind not in TYPES:
            unknown = QT_TRANSLATE_NOOP("BitLabsClicks", "a profiler question has an unknown type: {0}")
            raise BadPayload(self._platform, unknown.filled(excerpt(kind)))
        text = raw.get("localized_text")
        if not isinstance(text, str) or not text.strip():
            raise BadPayload(self._platform, QT_TRANSLATE_NOOP("BitLabsClicks", "a profiler question has no text"))
        validation = raw.get("validation_info")
        rules: dict[str, Any] = validation if isinstance(validation, dict) else {}
        regex = rules.get("regex")
        return Question(
            id=question_id,
            type=str(kind),
            text=clean_text(text, _TEXT_LIMIT, one_line=False),
            choices=self._choices(raw.get("answers"), str(kind)),
            can_skip=raw.get("can_skip") is True,
            minimum=_whole(rules.get("min")),
            maximum=_whole(rules.get("max")),
            regex=regex if isinstance(regex, str) and regex and len(regex) <= _TEXT_LIMIT else None,
            example=clean_text(raw["example"], 200) if isinstance(raw.get("example"), str) else "",
        )

    def _choices(self, raw: object, kind: str) -> tuple[Choice, ...]:
        if kind not in ("SINGLE", "MULTI"):
            return ()
        if not isinstance(raw, list) or not raw or len(raw) > MAX_OPTIONS:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("BitLabsClicks", "a profiler question offers no readable answers"),
            )
        choices: list[Choice] = []
        for item in raw:
            code = item.get("code") if isinstance(item, dict) else None
            text = item.get("localized_text") if isinstance(item, dict) else None
            if not isinstance(code, str) or not code or not isinstance(text, str):
                raise BadPayload(
                    self._platform,
                    QT_TRANSLATE_NOOP("BitLabsClicks", "an answer of a profiler question is unreadable"),
                )
            choices.append(Choice(clean_text(code, 100), clean_text(text, _TEXT_LIMIT)))
        return tuple(choices)


def _whole(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        return None
    return int(value) if abs(value) < 10**12 else None
