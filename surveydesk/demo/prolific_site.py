"""The demo exchange's Prolific: the participant studies API, its bearer auth and throttling, and study pages."""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Final
from urllib.parse import urlencode

from surveydesk.core.money import Money
from surveydesk.demo.catalog import Study
from surveydesk.demo.market import Market
from surveydesk.demo.payroll import Payroll
from surveydesk.demo.statements import prolific_submissions
from surveydesk.demo.wire import (
    HTML_TYPE,
    DemoSite,
    Request,
    Response,
    SiteContext,
    encode_json,
    json_response,
    method_not_allowed,
)

STUDIES_PATH = "/api/v1/participant/studies/"
RESERVE_PATH = "/api/v1/submissions/reserve/"
SUBMISSIONS_PATH = "/api/v1/participant/submissions/"
ME_PATH = "/api/v1/users/me/"  # who is signed in (the researcher API's documented path; inferred here)
# The demo participant's id, as study links carry it (`PROLIFIC_PID`); Prolific's ids are 24 hex digits.
PARTICIPANT_ID = "5f0e1d2c3b4a59687766aabb"
_STUDY_PAGE = re.compile(r"/studies/([0-9a-f]{24})/?")


PROLIFIC_TOKEN: Final = "demo-prolific-token"  # noqa: S105 - a public demo credential, on purpose


def prolific_site(context: SiteContext, min_interval: float = 2.0) -> ProlificSite:
    """The factory the exchange builds Prolific from, on the first market."""
    payroll = context.payroll(0, lambda study, seed: (study.id, seed))
    return ProlificSite(context.market(0), PROLIFIC_TOKEN, min_interval, context.clock, payroll)


class ProlificSite:
    """Speaks Prolific's participant API over the shared market, for one participant's bearer token."""

    platform = "prolific"

    def __init__(
        self,
        market: Market,
        token: str,
        min_interval: float,
        clock: Callable[[], float],
        payroll: Payroll | None = None,
    ) -> None:
        self._market = market
        self._payroll = payroll  # the participant's submissions; without one the site lists studies only
        self._token = token
        self._min_interval = min_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._last_accepted: dict[str, float] = {}
        self._cache_version = -1
        self._cache: dict[str, bytes] = {}  # encoded study lists by query string, for `_cache_version`
        self._reserved: set[str] = set()  # the studies the participant has a place in
        # Access tokens of the demo's sign-in (sign_in_pages.ProlificAuthSite), beside the fixed demo token.
        self.also_accepts: Callable[[str], bool] = lambda _token: False

    def handle(self, request: Request) -> Response:
        if request.path == RESERVE_PATH:
            return self._reserve(request) if request.method == "POST" else method_not_allowed("POST")
        if request.method != "GET":
            return method_not_allowed("GET")
        if request.path == STUDIES_PATH:
            return self._studies(request)
        if request.path == ME_PATH:
            return self._refuse_login(request) or json_response(200, {"id": PARTICIPANT_ID, "status": "OK"})
        if request.path == SUBMISSIONS_PATH and self._payroll is not None:
            return self._submissions(request, self._payroll)
        page = _STUDY_PAGE.fullmatch(request.path)
        if page:
            return self._study_page(page[1])
        return _error(404, "Not found", "Not found.", 140)

    def _studies(self, request: Request) -> Response:
        refusal = self._refuse_login(request)
        if refusal is not None:
            return refusal
        with self._lock:
            now = self._clock()
            last = self._last_accepted.get(self._token)
            if last is not None and now - last < self._min_interval:
                wait = str(max(1, math.ceil(last + self._min_interval - now)))
                return json_response(
                    429,
                    {"error": {"detail": f"Request was throttled. Expected available in {wait} seconds."}},
                    (("Retry-After", wait),),
                )
            self._last_accepted[self._token] = now
            return Response(200, self._study_list(request))

    def _refuse_login(self, request: Request) -> Response | None:
        """A 401 unless the request carries the participant's bearer token; None when it does."""
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not token:
            return _error(401, "Not authenticated", "Authentication credentials were not provided.", 100)
        if token != self._token and not self.also_accepts(token):
            return _error(401, "Authentication failed", "Invalid token.", 101)
        return None

    def _reserve(self, request: Request) -> Response:
        """A place in the study the body names, for the participant it names (as public clients send them), as
        a RESERVED submission."""
        refusal = self._refuse_login(request)
        if refusal is not None:
            return refusal
        study_id, participant_id = _named(request.body, "study_id"), _named(request.body, "participant_id")
        if study_id is None:
            return _error(400, "Bad request", "study_id: this field is required.", 400)
        if participant_id is None:
            return _error(400, "Bad request", "participant_id: this field is required.", 400)
        if participant_id != PARTICIPANT_ID:
            return _error(403, "Forbidden", "You do not have permission to perform this action.", 403)
        with self._lock:
            if study_id in self._reserved:
                return _error(400, "Bad request", "You have already taken part in this study.", 400)
            study = self._market.take_place(study_id)
            if study is None:
                if self._market.find(study_id) is None:
                    return _error(404, "Not found", "Not found.", 140)
                return _error(400, "Bad request", "This study is full.", 400)
            self._reserved.add(study_id)
        submission = _submission(request.site_url, study)
        if self._payroll is not None:
            self._payroll.take(study, study.id, str(submission["id"]))
        return json_response(201, submission)

    def _submissions(self, request: Request, payroll: Payroll) -> Response:
        """The participant's submissions, newest first, `page` by page (unthrottled: reconciliation is rare)."""
        refusal = self._refuse_login(request)
        if refusal is not None:
            return refusal
        page = request.query.get("page", "1")
        number = int(page) if page.isdigit() and 0 < int(page) < 1_000_000 else 1
        return json_response(200, prolific_submissions(payroll, number, f"{request.site_url}{SUBMISSIONS_PATH}"))

    def _study_list(self, request: Request) -> bytes:
        """The encoded list for this query, encoded again only when the market has changed."""
        version, studies = self._market.snapshot()
        if version != self._cache_version:
            self._cache_version, self._cache = version, {}
        body = self._cache.get(request.query_string)
        if body is None:
            body = self._cache[request.query_string] = _encode_list(request, studies)
        return body

    def _study_page(self, study_id: str) -> Response:
        found = self._market.find(study_id)
        if found is None:
            return Response(404, b"<!doctype html><title>Not found</title><p>No such study.</p>", HTML_TYPE)
        return Response(200, _page(*found), HTML_TYPE)


def _encode_list(request: Request, studies: tuple[Study, ...]) -> bytes:
    query = request.query
    ordered = sorted(studies, key=lambda study: study.published_at, reverse=query.get("orderBy") == "desc")
    here = f"{request.site_url}{STUDIES_PATH}"
    if request.query_string:
        here = f"{here}?{request.query_string}"
    return encode_json(
        {
            "results": [_study(study) for study in ordered],
            "_links": {
                "self": {"href": here, "title": "Current"},
                "next": {"href": None, "title": "Next"},
                "previous": {"href": None, "title": "Previous"},
                "last": {"href": here, "title": "Last"},
            },
            "meta": {"count": len(ordered)},
        }
    )


def _study(study: Study) -> dict[str, object]:
    return {
        "id": study.id,
        "name": study.title,
        "study_type": "SINGLE",
        "date_created": _iso(study.created_at),
        "published_at": _iso(study.published_at),
        "total_available_places": study.total_places,
        "places_taken": study.places_taken,
        "submissions_config": {"max_submissions_per_participant": study.max_per_participant},
        "study_reward": _money(study.reward),
        "study_average_reward_per_hour": _money(study.reward_per_hour),
        "researcher": {
            "id": study.researcher.id,
            "name": study.researcher.name,
            "country": study.researcher.country,
        },
        "description": study.description,
        "estimated_completion_time": study.minutes,
        "device_compatibility": list(study.devices),
        "peripheral_requirements": list(study.peripherals),
        "maximum_allowed_time": study.max_minutes,
        "average_completion_time_in_seconds": study.average_seconds,
        "is_confidential": study.confidential,
        "is_ongoing_study": study.ongoing,
        "submission_started_at": None,
        "pii": {"enabled": study.collects_pii},
        "is_custom_screening": study.custom_screening,
        "study_labels": list(study.labels),
        "ai_inferred_study_labels": list(study.inferred_labels),
        "previous_submission_count": 0,
    }


def _named(body: bytes, name: str) -> str | None:
    """The field `name` of a JSON body, if it is a non-empty string."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return None
    value = payload.get(name) if isinstance(payload, dict) else None
    return value if isinstance(value, str) and value else None


def _submission(site_url: str, study: Study) -> dict[str, object]:
    """A just-reserved submission in the shape of the reference's submission object."""
    submission_id = hashlib.sha256(f"submission:{PARTICIPANT_ID}:{study.id}".encode()).hexdigest()[:24]
    query = urlencode({"PROLIFIC_PID": PARTICIPANT_ID, "STUDY_ID": study.id, "SESSION_ID": submission_id})
    return {
        "id": submission_id,
        "status": "RESERVED",
        "participant_id": PARTICIPANT_ID,
        "study_id": study.id,
        "study": {
            "id": study.id,
            "name": study.title,
            "estimated_completion_time": study.minutes,
            "is_trial_study": False,
            "researcher": {
                "id": study.researcher.id,
                "name": study.researcher.name,
                "country": study.researcher.country,
                "institution": {"name": None, "logo": None, "link": ""},
            },
        },
        # The demo runs no survey: the study's own page stands in for the researcher's survey.
        "study_url": f"{site_url}/studies/{study.id}?{query}",
        "started_at": None,
        "completed_at": None,
        "returned_at": None,
        "submission_reward": _money(study.reward),
        "submission_bonuses": [],
        "is_trial_study": False,
    }


def _money(money: Money) -> dict[str, object]:
    return {"amount": money.minor, "currency": money.currency}


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _error(status: int, title: str, detail: str, code: int) -> Response:
    """Prolific's generic (legacy) error body."""
    return json_response(
        status,
        {
            "error": {
                "additional_information": "/api/v1/errors/",
                "detail": detail,
                "error_code": code,
                "status": status,
                "title": title,
            }
        },
    )


def _page(study: Study, is_open: bool) -> bytes:
    """A small page about the study, every platform-supplied text escaped."""
    title = html.escape(study.title)
    state = f"{study.places_left} of {study.total_places} places left" if is_open else "This study has closed."
    return (
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{title} · Prolific (demo)</title></head><body>\n'
        f"<h1>{title}</h1>\n"
        f"<p>By {html.escape(study.researcher.name)} · {html.escape(study.reward.format())}"
        f" for about {study.minutes} minutes · {state}</p>\n"
        f"<p>{html.escape(study.description)}</p>\n"
        "<p><small>SurveyDesk demo exchange: no real study runs here.</small></p>\n"
        "</body></html>\n"
    ).encode()


DEMO: Final = DemoSite(prolific_site, PROLIFIC_TOKEN)
