"""The demo exchange's Toloka: the worker web app's task groups, its cookie-and-CSRF sign-in and throttling.

Field names follow what public Toloka clients read; the count of tasks left (`availableTasks`) and the
requester's id are guesses, as the reference marks them.
"""

from __future__ import annotations

import html
import math
import re
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Final

from surveydesk.core.money import Money
from surveydesk.demo.catalog import Study
from surveydesk.demo.market import Market
from surveydesk.demo.payroll import Payroll
from surveydesk.demo.sign_in_pages import CookieSession, read_cookies
from surveydesk.demo.statements import TOLOKA_MAX_PAGE_SIZE, toloka_income_log, toloka_withdrawals
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

TOLOKA_SESSION: Final = "demo-toloka-session"
TOLOKA_CSRF: Final = "demo-toloka-csrf"
# What the worker pastes: the web app's cookies, the CSRF token among them (in the cookie the reference names).
TOLOKA_COOKIE: Final = f"toloka-session={TOLOKA_SESSION}; toloka-csrftoken={TOLOKA_CSRF}"

GROUPS_PATH: Final = "/api/i-v2/task-suite-pool-groups"
WITHDRAWALS_PATH: Final = "/api/users/current/worker/transactions"
INCOME_PATH: Final = "/api/worker/finance/income-log"
MARKET_OFFSET: Final = 4
_TASK_PAGE = re.compile(r"/task/([0-9]{1,15})/?")


def toloka_site(context: SiteContext, min_interval: float = 2.0) -> TolokaSite:
    """The factory the exchange builds the Toloka site with, on a market of its own."""
    site = TolokaSite(context.market(MARKET_OFFSET), min_interval, context.clock)
    site.payroll = context.payroll(
        MARKET_OFFSET, lambda study, seed: (str(pool_id(study)), str(int(seed[:10], 16)))
    )
    return site


class TolokaSite:
    """Speaks the worker web app's task list over the market, for one worker signed in by cookie."""

    platform = "toloka"

    def __init__(self, market: Market, min_interval: float, clock: Callable[[], float]) -> None:
        self._market = market
        self._min_interval = min_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._last_accepted: float | None = None
        self._cache_version = -1
        self._cache = b""
        self._studies_by_pool: dict[int, str] = {}  # for the task pages of pools listed so far
        self.payroll: Payroll | None = None  # the worker's earnings and withdrawals; without one, none are served
        # What the demo's sign-in page renews; at first, the cookies of the demo's pasted line.
        self.session = CookieSession({"toloka-session": TOLOKA_SESSION, "toloka-csrftoken": TOLOKA_CSRF})

    def handle(self, request: Request) -> Response:
        if request.method != "GET":
            return method_not_allowed("GET")
        if request.path == GROUPS_PATH:
            return self._groups(request)
        if request.path in (WITHDRAWALS_PATH, INCOME_PATH) and self.payroll is not None:
            return self._earnings(request, self.payroll)
        page = _TASK_PAGE.fullmatch(request.path)
        if page:
            return self._task_page(int(page[1]))
        return json_response(404, {"code": "NOT_FOUND", "message": "Not found."})

    def _signed_in(self, request: Request) -> bool:
        """The session's cookies, and the CSRF header repeating the cookie's token, as the app checks."""
        cookies = read_cookies(request.headers.get("cookie", ""))
        return self.session.accepts(cookies) and request.headers.get("x-csrf-token") == cookies["toloka-csrftoken"]

    def _earnings(self, request: Request, payroll: Payroll) -> Response:
        """The worker's income log (a page of days) or withdrawal log (a Spring page), newest first
        (unthrottled: synced rarely)."""
        if not self._signed_in(request):
            return json_response(403, {"code": "ACCESS_DENIED", "message": "Access denied."})
        query = request.query
        page, size = query.get("page", "0"), query.get("size", "20")
        number = int(page) if page.isdigit() and int(page) < 1_000_000 else 0
        count = min(int(size), TOLOKA_MAX_PAGE_SIZE) if size.isdigit() and int(size) > 0 else 20
        if request.path == INCOME_PATH:
            return json_response(200, toloka_income_log(payroll, number, count))
        return json_response(200, toloka_withdrawals(payroll, number, count))

    def _groups(self, request: Request) -> Response:
        if not self._signed_in(request):
            return json_response(403, {"code": "ACCESS_DENIED", "message": "Access denied."})
        with self._lock:
            now = self._clock()
            last = self._last_accepted
            if last is not None and now - last < self._min_interval:
                wait = str(max(1, math.ceil(last + self._min_interval - now)))
                return json_response(
                    429, {"code": "TOO_MANY_REQUESTS", "message": "Too many requests."}, (("Retry-After", wait),)
                )
            self._last_accepted = now
            return Response(200, self._group_list())

    def _group_list(self) -> bytes:
        """The encoded list, encoded again only when the market has changed."""
        version, studies = self._market.snapshot()
        if version != self._cache_version:
            self._studies_by_pool.update((pool_id(study), study.id) for study in studies)
            self._cache_version, self._cache = version, encode_json([_group(study) for study in studies])
        return self._cache

    def _task_page(self, pool: int) -> Response:
        with self._lock:
            study_id = self._studies_by_pool.get(pool)
        found = None if study_id is None else self._market.find(study_id)
        if found is None:
            return Response(404, b"<!doctype html><title>Not found</title><p>No such task.</p>", HTML_TYPE)
        if self.payroll is not None and found[1]:  # the worker opens the pool's page to take its tasks
            self.payroll.take(found[0], str(pool), str(int(found[0].id[:10], 16)))
        return Response(200, _page(*found), HTML_TYPE)


def pool_id(study: Study) -> int:
    """A number for the study's pool, as Toloka's pool ids are: the last 40 bits of its id, safe in JavaScript."""
    return int(study.id[-10:], 16)


def _group(study: Study) -> dict[str, object]:
    return {
        "projectId": int(study.id[:8], 16),
        "title": study.title,
        "description": study.description,
        "projectMetaInfo": {"ignored": False},
        "availability": {"available": True},
        "trainingDetails": {"training": False},
        "hasInstructions": True,
        "requesterInfo": {
            "id": study.researcher.id,
            "name": {"EN": study.researcher.name},
            "trusted": study.researcher.country in {"GB", "US"},
        },
        "projectStats": {"averageSubmitTimeSec": study.average_seconds},
        "pools": [
            {
                "id": pool_id(study),
                "reward": _dollars(study.reward),
                "activeAssignments": None,
                "assignmentMaxDurationSeconds": study.max_minutes * 60,
                "startedAt": _naive_utc(study.published_at),
                "availableTasks": study.places_left,
            }
        ],
    }


def _dollars(reward: Money) -> str:
    """The study's reward in Toloka's form: its minor units as cents, a decimal string such as "1.50"."""
    return str(Money(reward.minor, "USD").as_decimal())


def _naive_utc(moment: datetime) -> str:
    """Toloka's times: UTC without a zone, to the millisecond."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"


def _page(study: Study, is_open: bool) -> bytes:
    """A small page about the task, every platform-supplied text escaped."""
    title = html.escape(study.title)
    state = f"{study.places_left} tasks left" if is_open else "These tasks are finished."
    return (
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{title} · Toloka (demo)</title></head><body>\n'
        f"<h1>{title}</h1>\n"
        f"<p>By {html.escape(study.researcher.name)} · {html.escape(_dollars(study.reward))} USD · {state}</p>\n"
        f"<p>{html.escape(study.description)}</p>\n"
        "<p><small>SurveyDesk demo exchange: no real task runs here.</small></p>\n"
        "</body></html>\n"
    ).encode()


DEMO: Final = DemoSite(toloka_site, TOLOKA_COOKIE)
