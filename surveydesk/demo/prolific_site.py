"""The demo exchange's Prolific: the participant studies API, its bearer auth and throttling, and study pages."""

from __future__ import annotations

import html
import math
import re
import threading
from collections.abc import Callable
from datetime import datetime

from surveydesk.core.money import Money
from surveydesk.demo.catalog import Study
from surveydesk.demo.market import Market
from surveydesk.demo.wire import HTML_TYPE, Request, Response, encode_json, json_response

STUDIES_PATH = "/api/v1/participant/studies/"
_STUDY_PAGE = re.compile(r"/studies/([0-9a-f]{24})/?")


class ProlificSite:
    """Speaks Prolific's participant API over the shared market, for one participant's bearer token."""

    platform = "prolific"

    def __init__(self, market: Market, token: str, min_interval: float, clock: Callable[[], float]) -> None:
        self._market = market
        self._token = token
        self._min_interval = min_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._last_accepted: dict[str, float] = {}
        self._cache_version = -1
        self._cache: dict[str, bytes] = {}  # encoded study lists by query string, for `_cache_version`

    def handle(self, request: Request) -> Response:
        if request.path == STUDIES_PATH:
            return self._studies(request)
        page = _STUDY_PAGE.fullmatch(request.path)
        if page:
            return self._study_page(page[1])
        return _error(404, "Not found", "Not found.", 140)

    def _studies(self, request: Request) -> Response:
        token = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not token:
            return _error(401, "Not authenticated", "Authentication credentials were not provided.", 100)
        if token != self._token:
            return _error(401, "Authentication failed", "Invalid token.", 101)
        with self._lock:
            now = self._clock()
            last = self._last_accepted.get(token)
            if last is not None and now - last < self._min_interval:
                wait = str(max(1, math.ceil(last + self._min_interval - now)))
                return json_response(
                    429,
                    {"error": {"detail": f"Request was throttled. Expected available in {wait} seconds."}},
                    (("Retry-After", wait),),
                )
            self._last_accepted[token] = now
            return Response(200, self._study_list(request))

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
