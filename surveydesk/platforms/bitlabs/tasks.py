"""BitLabs' client survey API: the surveys a BitLabs app offers one of its users, as the desk's tasks."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, Final

import requests

from surveydesk.core.clock import Clock
from surveydesk.core.errors import (
    NO_REASON,
    REPORTED,
    AuthExpired,
    BadPayload,
    Unavailable,
)
from surveydesk.core.model import AccountKey, Task
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.points import PointsError, PointsValue, parse_points
from surveydesk.core.take import TakeResult, check_owner
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import get, json_object, json_or_none, web_url
from surveydesk.net.quoting import excerpt, without_secrets
from surveydesk.net.shapes import BOOLEAN, NULL, NUMBER, OBJECT, STRING, Part, Shape, expect, list_of
from surveydesk.net.status import raise_for_status
from surveydesk.platforms import fields
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.walls import (
    MINUTES,
    SEPARATOR,
    START_BONUS,
    SURVEY,
    PricedInPoints,
    points_part,
    read_minutes,
    read_survey_id,
)

SURVEYS_PATH: Final = "/v2/client/surveys"
FALLBACK_WAIT: Final = timedelta(seconds=60)  # BitLabs names no limit; a minute is the desk's own cadence for it
_KINDS: Final = {"survey": SURVEY, "start_bonus": START_BONUS}
# The fields of a survey its Task is made of (`_task`, `_title` and `_reward` read them), the id first.
_OFFER_FIELDS: Final = ("id", "type", "category", "loi", "value", "cpi", "click_url")
# Why BitLabs closes a survey (or the whole list) to the user, as its SDK's RestrictionReason names it.
RESTRICTION: Final = expect(
    OBJECT, STRING, NULL, required=False,
    shape=Shape(
        "BitLabsRestriction",
        not_verified=expect(BOOLEAN, NULL, required=False),
        using_vpn=expect(BOOLEAN, NULL, required=False),
        banned_until=expect(STRING, NULL, required=False),
        unsupported_country=expect(STRING, NULL, required=False),
        reason=expect(STRING, NULL, required=False),
    ),
)  # fmt: skip
# What a reply is read for: its status and error, the surveys' offers and the reasons some are closed to the user.
SURVEY_SHAPE: Final = Shape(
    "BitLabsSurvey",
    id=expect(STRING, NUMBER),
    type=expect(STRING, known=_KINDS),
    category=expect(OBJECT, NULL, required=False, shape=Shape("BitLabsCategory", name=expect(STRING, NULL))),
    loi=expect(NUMBER, STRING),
    value=expect(STRING, NUMBER),
    cpi=expect(STRING, NUMBER),
    click_url=expect(STRING),
    restriction_reason=RESTRICTION,
)
SURVEYS_REPLY: Final = Shape(
    "BitLabsReply",
    status=expect(STRING, required=False, known=("success", "error")),
    error=expect(OBJECT, STRING, NULL, required=False),
    data=expect(
        OBJECT, NULL, shape=Shape("BitLabsData", restriction_reason=RESTRICTION, surveys=list_of(SURVEY_SHAPE))
    ),
)
SURVEYS_ENDPOINT: Final = f"GET {SURVEYS_PATH}"
SURVEY_OPENED: Final = QT_TRANSLATE_NOOP("TakeResult", "Survey opened in your browser.")
# What the worker can do when the account's link is missing or refused: paste the link again.
CONNECT_AGAIN: Final = QT_TRANSLATE_NOOP(
    "BitLabsConnector", "BitLabs is not fully connected: connect it again with your survey wall link"
)
REFUSED: Final = QT_TRANSLATE_NOOP(
    "BitLabsConnector", "BitLabs did not accept your survey wall link: connect it again with a fresh copy of it"
)


class BitLabsConnector(AccountClient, PricedInPoints):
    """Lists the surveys open to one user of a BitLabs app, restricted ones included.

    The app token is asked of `secret_provider` at every poll and kept nowhere, like Prolific's token. `options`
    holds what is not secret: `user_id` (required; BitLabs lists surveys per user of the app).

    Each survey carries two amounts: `cpi`, the USD price the app is paid, and `value`, the same survey in the
    app's own unit, often points ("172" for a cpi of "1.72"), which is what the user is credited. No reply says
    what that unit is worth, so the reward is `cpi` in USD until the worker says what her site's points are
    worth (`value_points`); then it is `value` at that worth. The points themselves are in the title either way
    ("Survey · Lifestyle · 7 min · 172 points"): they are what her rewards site shows.

    Surveys the user may not take are listed too, with BitLabs' `restriction_reason`, so the worker sees why;
    `restriction_of` tells it for each task of the last poll.
    """

    def __init__(
        self,
        account: AccountKey,
        base_url: str,
        secret_provider: Callable[[], str | None],
        session: requests.Session,
        clock: Clock,
        options: Mapping[str, str] = fields.NO_OPTIONS,
    ) -> None:
        super().__init__(account, base_url, secret_provider, session, clock, options)
        self._surveys_url = self._base_url + SURVEYS_PATH
        self._user_id = self._option("user_id")
        self._worth: PointsValue | None = None  # the worth of points the last poll's rewards were read at
        # Each survey as last received, with its Task: most come back unchanged from one poll to the next.
        self._last_seen: dict[str, fields.Reading] = {}
        self._restrictions: dict[str, str] = {}  # of single surveys
        self._everyone: str | None = None  # BitLabs' reason for the whole list

    def restriction_of(self, task_id: str) -> str | None:
        """Why the worker may not take this survey, in words, as of the last successful poll; None if they may."""
        if task_id not in self._last_seen:
            return None
        return self._restrictions.get(task_id) or self._everyone

    def take(self, task: Task) -> TakeResult:
        """The survey's click URL, to open in the browser: the click itself is the way in, so nothing is sent.

        BitLabs asks its qualification questions, if any, on the pages the click URL leads to.
        """
        check_owner(task, self._account)
        if not task.url:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("BitLabsConnector", "BitLabs gave no web link for this survey")
            )
        return TakeResult(opened_url=task.url, message=SURVEY_OPENED)

    def fetch_tasks(self) -> list[Task]:
        """Every listed survey; one unreadable survey fails the whole poll, so nothing is half-stored."""
        token = self._secret_provider()
        if not token or not self._user_id:
            raise AuthExpired(self._platform, CONNECT_AGAIN)
        now = self._clock.now()
        worth = self._points_values().in_force(now.date())
        if worth != self._worth:  # every reward changes: none of the last poll's tasks can be given back
            self._last_seen, self._worth = {}, worth
        body = self._fetch(token, now)
        with self._watching(Part.TASKS, SURVEYS_ENDPOINT, body, SURVEYS_REPLY):
            return self._tasks(self._data(body), now)

    def _tasks(self, data: dict[str, Any], now: datetime) -> list[Task]:
        surveys = data.get("surveys")
        if not isinstance(surveys, list):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("BitLabsConnector", "BitLabs' answer has no list of surveys")
            )
        seen = fields.read_items(
            surveys, _OFFER_FIELDS, 0, self._last_seen, lambda survey: self._read(survey, now)
        )
        self._last_seen, self._everyone = seen, _restriction_text(data.get("restriction_reason"))
        self._restrictions = {}
        for survey in surveys:  # all objects: `_read` refused anything else
            reason = survey.get("restriction_reason")
            if reason:  # a few surveys at most
                survey_id, text = read_survey_id(survey.get("id")), _restriction_text(reason)
                if survey_id is not None and text:
                    self._restrictions.setdefault(survey_id, text)
        return [task for _, task in seen.values()]

    def _fetch(self, token: str, now: datetime) -> dict[str, Any]:
        headers = {"X-Api-Token": token, "X-User-Id": self._user_id}
        response = get(self._session, self._surveys_url, platform=self._platform, headers=headers)
        if response.status_code == 406:
            # BitLabs' refusal of this user (a VPN, a ban, an unknown user id): only its reason helps.
            reason = without_secrets(error_text(json_or_none(response)), (token,))
            refusal = (
                QT_TRANSLATE_NOOP("BitLabsConnector", "BitLabs will not list surveys for this user: {0}").filled(
                    excerpt(reason)
                )
                if reason
                else QT_TRANSLATE_NOOP(
                    "BitLabsConnector", "BitLabs will not list surveys for this user: no reason given (HTTP 406)"
                )
            )
            raise Unavailable(self._platform, refusal)
        raise_for_status(
            response,
            self._platform,
            "BitLabs",
            now,
            login_refused=REFUSED,
            fallback_wait=FALLBACK_WAIT,
        )
        body = json_object(response, self._platform, SURVEYS_REPLY.decoding)
        if body.get("status") == "error":
            reason = without_secrets(error_text(body), (token,))
            raise Unavailable(self._platform, REPORTED.filled("BitLabs", excerpt(reason) if reason else NO_REASON))
        return body

    def _data(self, body: dict[str, Any]) -> dict[str, Any]:
        data = body.get("data")
        if not isinstance(data, dict):
            raise BadPayload(self._platform, QT_TRANSLATE_NOOP("BitLabsConnector", "BitLabs' answer has no data"))
        return data

    def _read(self, survey: object, now: datetime) -> fields.Reading:
        """The survey's offer with a Task read from it."""
        if not isinstance(survey, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("BitLabsConnector", "a survey in BitLabs' list is not an object")
            )
        return tuple(map(survey.get, _OFFER_FIELDS)), self._task(survey, now)

    def _task(self, survey: dict[str, Any], now: datetime) -> Task:
        survey_id = read_survey_id(survey.get("id"))
        if survey_id is None:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("BitLabsConnector", "a survey in BitLabs' list has no id")
            )
        minutes = read_minutes(survey.get("loi"))
        return Task(
            platform=self._account.platform,
            account=self._account.account,
            external_id=survey_id,
            title=_title(survey, minutes, points_part(survey.get("value"))),
            reward=self._reward(survey, survey_id),
            first_seen=now,
            last_seen=now,
            estimated_minutes=minutes,
            url=web_url(survey.get("click_url")),
        )

    def _reward(self, survey: dict[str, Any], survey_id: str) -> Money:
        field = "cpi" if self._worth is None else "value"
        amount = survey.get(field)
        if isinstance(amount, bool) or not isinstance(amount, str | int | float):
            if amount is None:
                problem = QT_TRANSLATE_NOOP("BitLabsConnector", "survey {0} has no {1}").filled(
                    excerpt(survey_id), field
                )
            else:
                problem = QT_TRANSLATE_NOOP(
                    "BitLabsConnector", "survey {0} has a {1} of the wrong type: {2}"
                ).filled(excerpt(survey_id), field, excerpt(amount))
            raise BadPayload(self._platform, problem)
        try:
            if self._worth is None:
                return Money.parse(amount, "USD")
            return self._worth.money(parse_points(amount))
        except (MoneyError, PointsError) as exc:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("BitLabsConnector", "survey {0} has an unreadable {1}: {2}").filled(
                    excerpt(survey_id), field, excerpt(str(exc))
                ),
            ) from exc


def error_text(body: object) -> str:
    """BitLabs' reason from `{"error": {"details": {"http", "msg"}}}`, or from a plainer error's message."""
    error = body.get("error") if isinstance(body, dict) else None
    details = error.get("details") if isinstance(error, dict) else None
    for holder, key in ((details, "msg"), (error, "message")):
        text = holder.get(key) if isinstance(holder, dict) else None
        if isinstance(text, str) and text.strip():
            return text.strip()
    return error.strip() if isinstance(error, str) else ""


def _restriction_text(reason: object) -> str | None:
    """A `restriction_reason` in words, checked in the order BitLabs' SDK explains it; None if there is none."""
    if isinstance(reason, str):
        return excerpt(reason.strip()) if reason.strip() else None
    if not reason:
        return None
    if not isinstance(reason, dict):
        return "BitLabs restricts this survey without saying why"
    banned, country, text = reason.get("banned_until"), reason.get("unsupported_country"), reason.get("reason")
    if reason.get("not_verified") is True:
        return "the app's publisher account is not verified yet"
    if reason.get("using_vpn") is True:
        return "BitLabs detected a VPN"
    if isinstance(banned, str) and banned:
        return f"the user is banned until {excerpt(banned)}"
    if isinstance(country, str) and country:
        return f"surveys are not offered in {excerpt(country)}"
    if isinstance(text, str) and text.strip():
        return excerpt(text.strip())
    return None if not any(reason.values()) else "BitLabs restricts this survey without saying why"


def _title(survey: dict[str, Any], minutes: int | None, points: str) -> str:
    """Survey walls name no survey, so the title says what is known: "Survey · Food & drink · 12 min · 172
    points"."""
    kind = survey.get("type")
    parts = [_KINDS.get(kind, kind.replace("_", " ").capitalize()) if isinstance(kind, str) and kind else SURVEY]
    category = survey.get("category")
    name = category.get("name") if isinstance(category, dict) else None
    if isinstance(name, str) and name.strip():
        parts.append(name.strip())
    if minutes is not None:
        parts.append(MINUTES.filled(minutes))
    return SEPARATOR.join([*parts, points] if points else parts)
