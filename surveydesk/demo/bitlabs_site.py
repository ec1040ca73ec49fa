"""The demo exchange's BitLabs: the v2 survey list, its token and user-id headers, throttling, clicks created
from a survey's impression (`POST /v2/client/clicks?s=&i=`, or the GET's redirect) and the survey pages."""

from __future__ import annotations

import hashlib
import html
import itertools
import math
import threading
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Final

from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue
from surveydesk.demo.bitlabs_profiler import BitLabsProfiler
from surveydesk.demo.catalog import Study
from surveydesk.demo.market import Market
from surveydesk.demo.payroll import Payroll, Stage, Submission
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
SURVEY_PAGE_PATH: Final = "/survey"  # where a click leads, naming the click as `clk`
# The demo's rewards site credits its members in points, one per US cent of this share of a survey's price:
# `value` and the history's `user_value` are those points, `cpi` the whole price in dollars.
USER_SHARE_PERCENT: Final = 60
# Without a scheme, as in BitLabs' docs.
SUPPORT_FORM: Final = "support.bitlabs.link/bitburst/survey/contact?user_id={0}&survey_id={1}"
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
        self._clicks: dict[str, str] = {}  # click id -> the survey it was created for
        self._click_numbers = itertools.count(1)
        self.payroll: Payroll | None = None  # the user's survey history; without one, none is served
        self.profiler = BitLabsProfiler(self._open_survey_of, lambda: datetime.now(UTC).date())

    def handle(self, request: Request) -> Response:
        if request.path.startswith(CLICKS_PATH + "/"):
            return self._click_flow(request)
        if request.path == CLICKS_PATH:
            return self._new_click(request)
        if request.method != "GET":
            return method_not_allowed("GET")
        if request.path == SURVEYS_PATH:
            return self._surveys(request)
        if request.path == SURVEY_PAGE_PATH:
            return self._click_page(self._open_survey_of(request.query.get("clk", "")))
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
        kind = request.query.get("filter", "")
        events = history(payroll, self._user_id) if kind in ("", "surveys") else []
        if kind == "":  # unfiltered, the history holds other kinds of entries too
            events.insert(0, _offer_event())
        return json_response(
            200, {"data": events, "error": None, "status": "success", "trace_id": self._trace_id()}
        )

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

    def _new_click(self, request: Request) -> Response:
        """A click on a listed survey's impression: `POST` (the API, behind the login) answers its id; `GET` (the
        link opened in a browser) answers a 307 to the survey page carrying it, as BitLabs does."""
        if request.method not in ("GET", "POST"):
            return method_not_allowed("GET, POST")
        if request.method == "POST" and request.headers.get("x-api-token", "") != self._token:
            return self._error(401, "401 Unauthorized", "invalid api token")
        impression, session = request.query.get("i", ""), request.query.get("s", "")
        _, studies = self._market.snapshot()
        study = next((study for study in studies if _impression(_survey_id(study)) == (impression, session)), None)
        if study is None:
            return self._error(404, "404 Not Found", "impression not found")
        click_id = uuid.uuid5(_IDS, f"click {next(self._click_numbers)}").hex
        with self._lock:
            self._clicks[click_id] = _survey_id(study)
        if request.method == "GET":
            page = f"{request.site_url}{SURVEY_PAGE_PATH}?clk={click_id}"
            return Response(307, b"", HTML_TYPE, (("Location", page),))
        return json_response(200, {"data": {"id": click_id}, "error": None, "status": "success"})

    def _open_survey_of(self, click_id: str) -> str | None:
        """The survey a click was created for, while it is still listed."""
        with self._lock:
            survey_id = self._clicks.get(click_id)
        _, studies = self._market.snapshot()
        return survey_id if any(_survey_id(study) == survey_id for study in studies) else None

    def _click_page(self, survey_id: str | None) -> Response:
        _, studies = self._market.snapshot()
        study = next((study for study in studies if _survey_id(study) == survey_id), None)
        if study is None or survey_id is None:
            return Response(404, _CLOSED_PAGE, HTML_TYPE)
        if self.payroll is not None:  # opening the click link is taking the survey
            self.payroll.take(study, survey_id, str(int(study.id[:10], 16) * 2))
        return Response(200, _page(study), HTML_TYPE)


def _survey_id(study: Study) -> str:
    """The UUID the demo's BitLabs lists a study under, the same at every poll."""
    return str(uuid.uuid5(_IDS, study.id))


def _impression(survey_id: str) -> tuple[str, str]:
    """The impression (`i`) and session (`s`) ids of a survey's click URL: neither is the survey's or a click's."""
    return str(uuid.uuid5(_IDS, "impression " + survey_id)), str(uuid.uuid5(_IDS, survey_id))


def _survey(site_url: str, study: Study) -> dict[str, object]:
    survey_id = _survey_id(study)
    impression, session = _impression(survey_id)
    digits = int(study.id[-6:], 16)  # stable per study, so a survey's details do not change between polls
    name, internal = _CATEGORIES.get(study.labels[0] if study.labels else "", ("Other", "Other"))
    return {
        "id": survey_id,
        "type": "survey",
        "click_url": f"{site_url}{CLICKS_PATH}?i={impression}&s={session}",
        "cpi": _decimal(study.reward.minor),
        "value": user_points(study.reward),
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


def user_points(price: Money) -> str:
    """What the demo's rewards site credits for a survey of this price (in cents, read as US cents): points."""
    return str((price.minor * USER_SHARE_PERCENT + 50) // 100)


def history(payroll: Payroll, user_id: str) -> list[dict[str, object]]:
    """`GET /v1/client/user/history?filter=surveys`: an OPEN event per survey, then how it ended. A COMPLETE's
    reward is credited `callback_delay_seconds` after it (the review); a reversed one is `reconciled`."""
    now, submissions = payroll.history()
    events: list[dict[str, object]] = []
    for submission in submissions:
        stage = submission.stage(now)
        tx = int(submission.record_id)
        if stage is not Stage.ACTIVE:
            kind, points = _end(submission, stage)
            delay = (
                int((submission.decided_at - submission.submitted_at).total_seconds()) if kind == "COMPLETE" else 0
            )
            end = _event(submission, user_id, kind, tx + 1, points, submission.submitted_at, delay, stage)
            events.append(end)
        events.append(_event(submission, user_id, "OPEN", tx, "0", submission.started_at, 0, stage))
    return events


def _end(submission: Submission, stage: Stage) -> tuple[str, str]:
    if submission.outcome.name in ("APPROVED", "PARTIALLY_APPROVED"):
        return "COMPLETE", user_points(submission.reward)
    if stage is Stage.SCREENED_OUT:
        return "SCREENOUT", user_points(submission.reward)
    return "LEAVE", "0"


def _event(
    submission: Submission, user_id: str, kind: str, tx: int, points: str, at: datetime, delay: int, stage: Stage
) -> dict[str, object]:
    return {
        "type": kind,
        "survey_id": submission.task_id,
        "tx_id": tx,
        "details": {
            "category": {"name": "Lifestyle", "icon_url": "", "name_internal": "Lifestyle"},
            "network": {"name": "Demo panel", "icon_url": ""},
        },
        "user_value": points,
        "rating": 4,
        "created_at": at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "duration": str(int((submission.submitted_at - submission.started_at).total_seconds())),
        "reconciled": kind == "COMPLETE" and stage is Stage.REVERSED,
        "callback_delay_seconds": delay,
        "support_form_url": SUPPORT_FORM.format(user_id, submission.task_id),
    }


def _offer_event() -> dict[str, object]:
    """An entry of another kind than a survey (an offer), which only an unfiltered history holds [G: its shape]."""
    return {"type": "OFFER_COMPLETE", "offer_id": 7, "tx_id": 1, "user_value": "500",
            "created_at": "2025-01-01T00:00:00.000000Z"}  # fmt: skip


# The demo worker's rewards site counts 100 points to the dollar, and her account says so from long before the
# demo's history begins.
DEMO: Final = DemoSite(
    bitlabs_site,
    BITLABS_TOKEN,
    {"user_id": BITLABS_USER_ID},
    PointsValue(date(2000, 1, 1), Decimal(100), Money(100, "USD")),
)
