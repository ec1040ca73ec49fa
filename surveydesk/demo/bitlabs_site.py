"""The demo exchange's BitLabs: the v2 survey list, its token and user-id headers, throttling and click pages."""

from __future__ import annotations

import hashlib
import html
import itertools
import math
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Final

from surveydesk.core.money import Money
from surveydesk.demo.bitlabs_profiler import BitLabsProfiler
from surveydesk.demo.catalog import Study
from surveydesk.demo.market import Market
from surveydesk.demo.payroll import Payroll
from surveydesk.demo.statements import bitlabs_history
from surveydesk.demo.wire import (
    HTML_TYPE,
    DemoSite,
    Request,
    Response,
    SiteContext,
    json_response,
    method_not_allowed,
)

BITLABS_TOKEN: Final = "demo-bitlabs-token"  # noqa: S105 - a public demo credential, on purpose
BITLABS_USER_ID: Final = "demo-user"
SURVEYS_PATH: Final = "/v2/client/surveys"
CLICKS_PATH: Final = "/v2/client/clicks"
HISTORY_PATH: Final = "/v1/client/user/history"
# The demo app credits its users in US dollars, this share of its price, as `value`; `cpi` is the whole price.
USER_SHARE_PERCENT: Final = 60
_IDS: Final = uuid.UUID("5b1a6f0e-0d1c-4c55-9a43-6b1e0c2f7a10")  # namespace of the demo's survey ids
# Category (display name, internal name) by the kind of study behind the survey.
_CATEGORIES: Final = {
    "survey": ("Lifestyle", "Lifestyle"),
    "decision_making_task": ("Finance", "Finance"),
    "annotation": ("Media & entertainment", "Media"),
    "interview": ("Society", "Society"),
    "writing_task": ("Education", "Education"),
}
# One survey in six is listed with a reason the user may not take it, as BitLabs lists such surveys.
_RESTRICTIONS: Final[tuple[dict[str, object], ...]] = (
    {"reason": "This survey is for new panel members only"},
    {"unsupported_country": "GB"},
    {"not_verified": True},
)
_CLOSED_PAGE: Final = b"<!doctype html><title>Not found</title><p>This survey has closed.</p>"


def bitlabs_site(context: SiteContext, min_interval: float = 2.0) -> BitLabsSite:
    """The factory the exchange builds BitLabs from, on a market of its own."""
    payroll = context.payroll(2, lambda study, seed: (_survey_id(study), str(int(seed[:10], 16) * 2)))
    site = BitLabsSite(context.market(2), BITLABS_TOKEN, BITLABS_USER_ID, min_interval, context.clock)
    site.payroll = payroll
    return site


class BitLabsSite:
    """Speaks BitLabs' v2 client API over a market, for one app token and one user of that app."""

    platform = "bitlabs"

    def __init__(
        self, market: Market, token: str, user_id: str, min_interval: float, clock: Callable[[], float]
    ) -> None:
        self._market = market
        self._token = token
        self._user_id = user_id
        self._min_interval = min_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._last_accepted: float | None = None
        # Numbers the replies' trace ids, so the same requests get the same replies; its `next` is atomic.
        self._replies = itertools.count(1)
        self.payroll: Payroll | None = None  # the user's survey history; without one, none is served
        self.profiler = BitLabsProfiler(self._is_open, lambda: datetime.now(UTC).date())

    def handle(self, request: Request) -> Response:
        if request.path.startswith(CLICKS_PATH + "/"):
            return self._click_flow(request)
        if request.method != "GET":
            return method_not_allowed("GET")
        if request.path == SURVEYS_PATH:
            return self._surveys(request)
        if request.path == CLICKS_PATH:
            return self._click_page(request.query.get("i", ""))
        if request.path == HISTORY_PATH and self.payroll is not None:
            return self._history(request, self.payroll)
        return self._error(404, "404 Not Found", "not found")

    def _surveys(self, request: Request) -> Response:
        if request.headers.get("x-api-token", "") != self._token:
            return self._error(401, "401 Unauthorized", "invalid api token")
        user_id = request.headers.get("x-user-id", "")
        if user_id != self._user_id:
            # The docs' own 406 body, without the rest of the envelope.
            problem = "unknown user" if user_id else "missing user id"
            return json_response(406, {"error": {"details": {"http": "406 Not Acceptable", "msg": problem}}})
        with self._lock:
            now = self._clock()
            last = self._last_accepted
            if last is not None and now - last < self._min_interval:
                wait = str(max(1, math.ceil(last + self._min_interval - now)))
                return self._error(429, "429 Too Many Requests", "too many requests", (("Retry-After", wait),))
            self._last_accepted = now
        _, studies = self._market.snapshot()
        surveys = [_survey(request.site_url, study) for study in studies]
        data = {"restriction_reason": None, "surveys": surveys}
        return json_response(200, {"data": data, "error": None, "status": "success", "trace_id": self._trace_id()})

    def _history(self, request: Request, payroll: Payroll) -> Response:
        """The user's survey history (unthrottled: reconciliation is rare), with the same login as the list."""
        if request.headers.get("x-api-token", "") != self._token:
            return self._error(401, "401 Unauthorized", "invalid api token")
        if request.headers.get("x-user-id", "") != self._user_id:
            return json_response(
                406, {"error": {"details": {"http": "406 Not Acceptable", "msg": "unknown user"}}}
            )
        return json_response(200, {**bitlabs_history(payroll), "trace_id": self._trace_id()})

    def _error(self, status: int, http: str, message: str, headers: tuple[tuple[str, str], ...] = ()) -> Response:
        """BitLabs' envelope around an error: `error.details` says what went wrong, `data` is null."""
        error = {"details": {"http": http, "msg": message}}
        body = {"data": None, "error": error, "status": "error", "trace_id": self._trace_id()}
        return json_response(status, body, headers)

    def _trace_id(self) -> str:
        number = next(self._replies)
        return hashlib.blake2b(number.to_bytes(8, "big"), digest_size=8).hexdigest()

    def _click_flow(self, request: Request) -> Response:
        """The profiler before a survey (bitlabs_profiler.py), behind the same token and user id as the list."""
        if request.headers.get("x-api-token", "") != self._token:
            return self._error(401, "401 Unauthorized", "invalid api token")
        if request.headers.get("x-user-id", "") != self._user_id:
            return self._error(406, "406 Not Acceptable", "unknown user")
        return self.profiler.handle(request, request.path.removeprefix(CLICKS_PATH + "/"))

    def _is_open(self, survey_id: str) -> bool:
        _, studies = self._market.snapshot()
        return any(_survey_id(study) == survey_id for study in studies)

    def _click_page(self, survey_id: str) -> Response:
        _, studies = self._market.snapshot()
        study = next((study for study in studies if _survey_id(study) == survey_id), None)
        if study is None:
            return Response(404, _CLOSED_PAGE, HTML_TYPE)
        if self.payroll is not None:  # opening the click link is taking the survey
            self.payroll.take(study, survey_id, str(int(study.id[:10], 16) * 2))
        return Response(200, _page(study), HTML_TYPE)


def _survey_id(study: Study) -> str:
    """The UUID the demo's BitLabs lists a study under, the same at every poll."""
    return str(uuid.uuid5(_IDS, study.id))


def _survey(site_url: str, study: Study) -> dict[str, object]:
    survey_id = _survey_id(study)
    digits = int(study.id[-6:], 16)  # stable per study, so a survey's details do not change between polls
    name, internal = _CATEGORIES.get(study.labels[0] if study.labels else "", ("Other", "Other"))
    return {
        "id": survey_id,
        "type": "survey",
        "click_url": f"{site_url}{CLICKS_PATH}?i={survey_id}&s={uuid.uuid5(_IDS, survey_id)}",
        "cpi": _decimal(study.reward.minor),
        "value": _decimal((study.reward.minor * USER_SHARE_PERCENT + 50) // 100),
        # Mostly whole minutes, as in the docs' list; some with a fraction, as in its click details.
        "loi": study.minutes if digits % 3 else study.minutes - 0.5,
        "country": study.researcher.country,
        "language": "en",
        "rating": 1 + digits % 5,
        "cr": round(0.2 + digits % 61 / 100, 2),
        "category": {
            "name": name,
            "icon_name": "shapes",
            "icon_url": f"{site_url}/categories/{internal.lower()}.svg",
            "name_internal": internal,
        },
        "tags": ["pii"] if study.collects_pii else [],
        "restriction_reason": _restriction(digits),
    }


def _restriction(digits: int) -> dict[str, object] | None:
    """BitLabs' restriction object, every field present as its SDK reads them, for one survey in six."""
    if digits % 6:
        return None
    reason: dict[str, object] = {
        "not_verified": False,
        "using_vpn": False,
        "banned_until": None,
        "reason": None,
        "unsupported_country": None,
    }
    reason.update(_RESTRICTIONS[digits // 6 % len(_RESTRICTIONS)])
    return reason


def _decimal(cents: int) -> str:
    """US cents as BitLabs writes an amount: a plain decimal string such as "1.72"."""
    return str(Money(cents, "USD").as_decimal())


def _page(study: Study) -> bytes:
    """The page a survey's click URL opens: the demo runs no real survey, so it says so."""
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8"><title>Survey · BitLabs (demo)</title></head><body>\n'
        f"<h1>A survey of about {study.minutes} minutes</h1>\n"
        f"<p>{html.escape(study.description)}</p>\n"
        "<p><small>SurveyDesk demo exchange: no real survey runs here.</small></p>\n"
        "</body></html>\n"
    ).encode()


DEMO: Final = DemoSite(bitlabs_site, BITLABS_TOKEN, {"user_id": BITLABS_USER_ID, "currency": "USD"})
