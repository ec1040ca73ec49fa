"""CPX Research's survey API: the surveys a CPX app offers one of its users, as the desk's tasks."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

import requests

from surveydesk.core.clock import Clock
from surveydesk.core.errors import (
    NO_REASON,
    REPORTED,
    AuthExpired,
    BadPayload,
    RateLimited,
    Unavailable,
)
from surveydesk.core.model import AccountKey, Task
from surveydesk.core.money import Money, MoneyError, normalise_currency
from surveydesk.core.points import PointsError, PointsValue, parse_points
from surveydesk.core.sanitize import clean_text
from surveydesk.core.take import TakeResult, check_owner
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import get, json_object, web_url
from surveydesk.net.quoting import excerpt, without_secrets
from surveydesk.net.shapes import NULL, NUMBER, OBJECT, STRING, Part, Shape, expect, list_of
from surveydesk.net.status import raise_for_status
from surveydesk.platforms import fields
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.walls import (
    MINUTES,
    NEEDS_QUALIFICATION,
    SEPARATOR,
    SURVEY,
    TOP_SURVEY,
    PricedInPoints,
    points_part,
    read_minutes,
    read_survey_id,
)

SURVEYS_PATH: Final = "/api/get-surveys.php"
# CPX: "Please refresh survey list all 120 seconds and cache information not longer than 120 seconds".
REFRESH_FLOOR: Final = timedelta(seconds=120)
SURVEY_LIMIT: Final = 50  # the docs' example asks for 12; a worker comparing surveys wants a longer list
_TYPES: Final = {"need_qualification": NEEDS_QUALIFICATION}
# The fields of a survey its Task is made of (`_task`, `_title` and `_reward` read them), the id first; the
# account's currency is part of the offer too.
_OFFER_FIELDS: Final = ("id", "type", "top", "loi", "payout", "payout_publisher_usd", "href_new", "href")
# The reason of an error answer: `message` in CPX's web answers, `error_message` in its Flutter SDK.
ERROR_FIELDS: Final = ("message", "error_message", "error")
# What an answer is read for: its status, an error's reason, the surveys' offers and the name of its points.
SURVEY_SHAPE: Final = Shape(
    "CPXSurvey",
    id=expect(STRING, NUMBER),
    type=expect(STRING, NULL, required=False),  # "need_qualification", or nothing; shown as it comes
    top=expect(NUMBER, STRING, required=False),
    loi=expect(STRING, NUMBER),
    payout=expect(STRING, NUMBER),
    payout_publisher_usd=expect(STRING, NUMBER, required=False),
    href_new=expect(STRING, required=False),
    href=expect(STRING),
)
TEXT_SHAPE: Final = expect(
    OBJECT, NULL, required=False,
    shape=Shape(
        "CPXText",
        currency_name_singular=expect(STRING, NULL, required=False),
        currency_name_plural=expect(STRING, NULL, required=False),
    ),
)  # fmt: skip
ANSWER: Final = Shape(
    "CPXAnswer",
    status=expect(STRING, known=("success", "error")),
    **dict.fromkeys(ERROR_FIELDS, expect(STRING, NULL, required=False)),
    surveys=list_of(SURVEY_SHAPE),
    text=TEXT_SHAPE,
)
SURVEYS_ENDPOINT: Final = f"GET {SURVEYS_PATH}?output_method=api"
SURVEY_OPENED: Final = QT_TRANSLATE_NOOP("TakeResult", "Survey opened in your browser.")
# What the worker can do when the account's link is missing or refused: paste the link again.
CONNECT_AGAIN: Final = QT_TRANSLATE_NOOP(
    "CPXConnector", "CPX Research is not fully connected: connect it again with your survey wall link"
)
REFUSED: Final = QT_TRANSLATE_NOOP(
    "CPXConnector", "CPX Research did not accept your survey wall link: connect it again with a fresh copy of it"
)


_SIGNATURE: Final = re.compile(r"[0-9a-fA-F]{32}")


def secure_hash(ext_user_id: str, secret: str | None) -> str | None:
    """CPX's proof that the request comes from the app, `md5(ext_user_id + "-" + the app's key)`; None when the
    account has none (a wall link without a signature: the rewards site asks CPX for none).

    A wall link carries the signature ready-made (platform-apis.md §8.1), and that is what a linked account
    keeps: 32 hex digits, sent as they are. Only an account set up before links, which kept the app's key
    itself, has it hashed here. md5 is CPX's choice, not ours; it protects nothing stored.
    """
    if not secret:
        return None
    if _SIGNATURE.fullmatch(secret):
        return secret.lower()
    return hashlib.md5(f"{ext_user_id}-{secret}".encode(), usedforsecurity=False).hexdigest()


def signed(params: dict[str, str], secret: str | None) -> tuple[dict[str, str], tuple[str, ...]]:
    """`params` with the account's `secure_hash` when it has one, and the texts no message may show."""
    signature = secure_hash(params["ext_user_id"], secret)
    if signature is None:
        return params, ()
    return {**params, "secure_hash": signature}, (secret or "", signature)


@dataclass(frozen=True, slots=True)
class _Pricing:
    """What one poll reads payouts in: points at the worker's `worth`, points CPX names (`points`) without one,
    or money of the account's `currency`."""

    currency: str
    worth: PointsValue | None
    points: str


def points_unit(body: dict[str, Any]) -> str:
    """The name CPX gives the rewards site's unit when it is points, not a currency ("Coins"); "" otherwise.

    The SDK's replies carry it in `text.currency_name_plural` (and `_singular`) [E CPX SDK models]."""
    text = body.get("text")
    names = (
        [text.get(key) for key in ("currency_name_plural", "currency_name_singular")]
        if isinstance(text, dict)
        else []
    )
    name = next((name.strip() for name in names if isinstance(name, str) and name.strip()), "")
    try:
        normalise_currency(name)
    except MoneyError:
        return clean_text(name, 40)
    return ""


class CPXConnector(AccountClient, PricedInPoints):
    """Lists the surveys a CPX Research app offers one of its users.

    The secret is the wall link's signature (`secure_hash`), asked of `secret_provider` at every poll and kept
    nowhere; a link without one leaves no secret, and CPX is asked without it. It goes to CPX only in the query
    string, so no URL of this connector may reach a message or a log (`http.get` names only the server).
    `options` holds what is not secret: `app_id` and `ext_user_id` (both required) and `currency`, the ISO 4217
    code the app pays its users in (USD unless set).

    The reward is `payout`: the docs define it as the user's payout in the publisher's currency, which is the
    worker's pay. A payout finer than the currency's minor unit is refused like any unreadable amount, not
    rounded: it means the account's currency is not the one the app pays in, which the worker should hear about
    rather than see hidden. Many rewards sites pay in points ("1010" with `currency_name_plural` "Coins",
    platform-apis.md §8.2): once the worker said what her points are worth (`value_points`), the payout is those
    points at that worth; until then, when CPX names points, the reward is `payout_publisher_usd` (what the app
    is paid, as BitLabs' `cpi`: more than the worker gets, about double in the docs' example, but in a known
    currency) and the points are in the title, never read as dollars.

    CPX allows one refresh every 120 s. The connector keeps to it by itself: asked again sooner than that after
    a successful poll, it raises `RateLimited` without sending anything.
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
        self._last_success: datetime | None = None
        # Each survey as last received, with its Task: most come back unchanged from one poll to the next.
        self._last_seen: dict[str, fields.Reading] = {}
        self._profile_params: Callable[[], Mapping[str, str]] = dict

    def share_profile(self, profile_params: Callable[[], Mapping[str, str]]) -> None:
        """Send these profile parameters (`birthday_day`, `gender`, `zip_code`…) with every survey request.

        The callable is asked at each poll and gives only the fields the worker allowed for CPX; it may
        never override the request's own parameters.
        """
        self._profile_params = profile_params

    def take(self, task: Task) -> TakeResult:
        """The survey's link, to open in the browser: following it is how a CPX survey starts, so nothing is
        sent, and the 120 s refresh rule is not touched."""
        check_owner(task, self._account)
        if not task.url:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("CPXConnector", "CPX Research gave no web link for this survey")
            )
        return TakeResult(opened_url=task.url, message=SURVEY_OPENED)

    def fetch_tasks(self) -> list[Task]:
        """Every listed survey; one unreadable survey fails the whole poll, so nothing is half-stored.

        Missing account settings are `AuthExpired`: like a missing login, only the worker can mend them.
        """
        now = self._clock.now()
        self._keep_to_the_floor(now)
        app_id = self._option("app_id")
        user_id = self._option("ext_user_id")
        if not app_id or not user_id:
            raise AuthExpired(self._platform, CONNECT_AGAIN)
        currency = self._currency()
        worth = self._points_values().in_force(now.date())
        asked = {"app_id": app_id, "ext_user_id": user_id, "output_method": "api", "limit": str(SURVEY_LIMIT)}
        params, secrets = signed(asked, self._secret_provider())
        params = {**self._profile_params(), **params}
        body = self._fetch(params, now)
        refuse_error(body, self._platform, secrets)
        with self._watching(Part.TASKS, SURVEYS_ENDPOINT, body, ANSWER):
            pricing = _Pricing(currency, worth, points_unit(body) or ("points" if worth else ""))
            seen: dict[str, fields.Reading] = {}
            for survey in self._surveys(body):
                reading = self._read(survey, now, pricing)
                seen.setdefault(reading[1].external_id, reading)
        self._last_seen, self._last_success = seen, now
        return [task for _, task in seen.values()]

    def _keep_to_the_floor(self, now: datetime) -> None:
        last = self._last_success
        if last is None:
            return
        if now < last:
            # The wall clock was set back: how long ago the last refresh was is unknown, so count from now.
            self._last_success = last = now
        retry_at = last + REFRESH_FLOOR
        if now < retry_at:
            wait = math.ceil((retry_at - now).total_seconds())
            message = QT_TRANSLATE_NOOP(
                "CPXConnector", "CPX Research allows one refresh every 120 s; checking again in {0} s"
            ).filled(wait)
            raise RateLimited(self._platform, message, retry_at=retry_at)

    def _currency(self) -> str:
        chosen = self._options.get("currency", "USD")
        try:
            return normalise_currency(chosen)
        except MoneyError:
            message = QT_TRANSLATE_NOOP(
                "CPXConnector", 'the account\'s currency "{0}" is not an ISO 4217 code such as USD'
            ).filled(excerpt(chosen))
            raise AuthExpired(self._platform, message) from None

    def _fetch(self, params: dict[str, str], now: datetime) -> dict[str, Any]:
        response = get(self._session, self._surveys_url, platform=self._platform, params=params)
        raise_for_status(
            response,
            self._platform,
            "CPX Research",
            now,
            login_refused=REFUSED,
            fallback_wait=REFRESH_FLOOR,
        )
        return json_object(response, self._platform, ANSWER.decoding)

    def _surveys(self, body: dict[str, Any]) -> list[Any]:
        """The surveys of a `status: success` answer."""
        status = body.get("status")
        if status != "success":
            unknown = QT_TRANSLATE_NOOP("CPXConnector", "CPX Research answered with an unknown status: {0}")
            raise BadPayload(self._platform, unknown.filled(excerpt(status)))
        surveys = body.get("surveys")
        if not isinstance(surveys, list):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("CPXConnector", "CPX Research's answer has no list of surveys")
            )
        return surveys

    def _read(self, survey: object, now: datetime, pricing: _Pricing) -> fields.Reading:
        """The survey's offer with its Task, reusing the last Task when the offer came back as before."""
        if not isinstance(survey, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("CPXConnector", "a survey in CPX Research's list is not an object"),
            )
        offer = (*map(survey.get, _OFFER_FIELDS), pricing)
        previous = self._last_seen.get(read_survey_id(offer[0]) or "")
        if previous is not None and previous[0] == offer:
            return previous
        return offer, self._task(survey, now, pricing)

    def _task(self, survey: dict[str, Any], now: datetime, pricing: _Pricing) -> Task:
        survey_id = read_survey_id(survey.get("id"))
        if survey_id is None:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("CPXConnector", "a survey in CPX Research's list has no id")
            )
        minutes = read_minutes(survey.get("loi"))
        return Task(
            platform=self._account.platform,
            account=self._account.account,
            external_id=survey_id,
            title=_title(survey, minutes, pricing.points),
            reward=self._reward(survey, survey_id, pricing),
            first_seen=now,
            last_seen=now,
            estimated_minutes=minutes,
            url=web_url(survey.get("href_new")) or web_url(survey.get("href")),
        )

    def _reward(self, survey: dict[str, Any], survey_id: str, pricing: _Pricing) -> Money:
        field = "payout_publisher_usd" if pricing.points and pricing.worth is None else "payout"
        payout = survey.get(field)
        if isinstance(payout, bool) or not isinstance(payout, str | int | float):
            if payout is None:
                problem = QT_TRANSLATE_NOOP("CPXConnector", "survey {0} has no payout").filled(excerpt(survey_id))
            else:
                problem = QT_TRANSLATE_NOOP(
                    "CPXConnector", "survey {0} has a payout of the wrong type: {1}"
                ).filled(excerpt(survey_id), excerpt(payout))
            raise BadPayload(self._platform, problem)
        try:
            if pricing.worth is not None:
                return pricing.worth.money(parse_points(payout))
            return Money.parse(payout, "USD" if pricing.points else pricing.currency)
        except (MoneyError, PointsError) as exc:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "CPXConnector",
                    "survey {0} has an unreadable payout: {1}; is the account's currency the one the app pays in?",
                ).filled(excerpt(survey_id), excerpt(str(exc))),
            ) from exc


def refuse_error(body: dict[str, Any], platform: str, secrets: tuple[str, ...]) -> None:
    """CPX reports errors with HTTP 200 and `status: error`: `Unavailable` with its reason, minus `secrets`."""
    if body.get("status") == "error":
        reason = without_secrets(error_text(body), secrets)
        raise Unavailable(platform, REPORTED.filled("CPX Research", excerpt(reason) if reason else NO_REASON))


def error_text(body: dict[str, Any]) -> str:
    """The reason of an error answer (`ERROR_FIELDS`)."""
    for key in ERROR_FIELDS:
        text = body.get(key)
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


def _title(survey: dict[str, Any], minutes: int | None, points: str) -> str:
    """Survey walls name no survey, so the title says what is known: "Survey · needs qualification · 6 min", and
    the payout in the site's points when they are points ("· 1010 Coins")."""
    parts: list[str] = [TOP_SURVEY if survey.get("top") in (1, "1") else SURVEY]
    kind = survey.get("type")
    if isinstance(kind, str) and kind.strip():
        parts.append(_TYPES.get(kind.strip(), kind.strip().replace("_", " ")))
    if minutes is not None:
        parts.append(MINUTES.filled(minutes))
    shown = points_part(survey.get("payout"), points) if points else ""
    return SEPARATOR.join([*parts, shown] if shown else parts)
