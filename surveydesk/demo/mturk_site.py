"""The demo exchange's MTurk: the worker site's JSON search, queue and accept, its cookie sign-in and page limit.

Studies of the site's own market become HIT groups ("projects"). Shapes follow what worker-site clients read;
where nothing shows the real behaviour, the choice made here is a guess and says so.
"""

from __future__ import annotations

import base64
import hashlib
import html
import math
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Final
from urllib.parse import urlsplit

from surveydesk.core.money import Money
from surveydesk.demo.catalog import Study
from surveydesk.demo.market import Market
from surveydesk.demo.payroll import Payroll
from surveydesk.demo.sign_in_pages import CookieSession, read_cookies
from surveydesk.demo.statements import mturk_dashboard, mturk_status_details
from surveydesk.demo.wire import (
    HTML_TYPE,
    DemoSite,
    Request,
    Response,
    SiteContext,
    json_response,
    method_not_allowed,
)

MTURK_SESSION: Final = "demo-mturk-session"  # the demo worker's session token: a public demo credential
SESSION_COOKIE: Final = "session-token"
MTURK_COOKIE: Final = f"{SESSION_COOKIE}={MTURK_SESSION}"  # what the demo worker pastes
# A poll may read a few pages in a row; the limit holds the pace over time (a token bucket, as MTurk's
# page-request errors suggest; the real sizes are unknown).
BURST: Final = 5
DEFAULT_PAGE_SIZE: Final = 20  # a guess; clients always say
MAX_PAGE_SIZE: Final = 100
ACCEPTED_AFTER: Final = timedelta(minutes=1)  # how soon the demo worker grabs a HIT they will take
OPEN_FOR: Final = timedelta(days=7)  # a guess at `latest_expiration_time`
SEARCH_PATHS: Final = frozenset({"/", "/projects"})
QUEUE_PATH: Final = "/tasks"
DASHBOARD_PATH: Final = "/dashboard"
_STATUS_DETAILS = re.compile(r"/status_details/([0-9]{4}-[0-9]{2}-[0-9]{2})/?")
_PROJECT_PAGE = re.compile(r"/projects/(3[0-9A-Z]{29})/tasks(?:/(3[0-9A-Z]{29}))?/?")
_ACCEPT = re.compile(r"/projects/(3[0-9A-Z]{29})/tasks/accept_random(\.json)?/?")
# The reference's refusals of an accept, word for word where it quotes them.
NO_MORE_HITS: Final = "There are no more of these HITs available."
NOT_QUALIFIED: Final = "You do not meet those Qualifications required to accept this HIT."
_WHOLE = re.compile(r"[0-9]{1,9}")
_ID_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ID_WIDTH = 19  # base-36 digits of a 96-bit study id


@dataclass(frozen=True, slots=True)
class _Qualification:
    """A qualification a requester may ask for, with the demo worker's own value and whether it suffices.

    `action` is what it guards: "AcceptHit", or "PreviewHit", which also hides the project from a qualified
    search (how `filters[qualified]` treats the two is a guess).
    """

    type_id: str
    name: str
    description: str
    comparator: str
    values: tuple[str, ...]
    action: str
    met: bool
    integer_value: int | None = None
    country: str | None = None


_APPROVAL = ("000000000000000000L0", "HIT Approval Rate (%) for all Requesters' HITs", "Approved HITs, in %.")
_LOCATION = ("00000000000000000071", "Location", "Where you live.")
_APPROVAL_95 = _Qualification(*_APPROVAL, "GreaterThanOrEqualTo", ("95",), "AcceptHit", met=True, integer_value=98)
_APPROVAL_99 = _Qualification(
    *_APPROVAL, "GreaterThanOrEqualTo", ("99",), "AcceptHit", met=False, integer_value=98
)
_APPROVED_1000 = _Qualification(
    "00000000000000000040", "Total approved HITs", "Approved HITs, in all.", "GreaterThan", ("1000",),
    "AcceptHit", met=True, integer_value=4820,
)  # fmt: skip
_IN_THE_US = _Qualification(*_LOCATION, "EqualTo", ("US",), "AcceptHit", met=True, country="US")
_IN_GB_OR_IE = _Qualification(*_LOCATION, "In", ("GB", "IE"), "PreviewHit", met=False, country="US")
_MASTERS = _Qualification(
    "2F1QJWKUDD8XADTFD2Q0G6UTO95ALH", "Masters", "Workers who have shown excellence across many HITs.",
    "Exists", (), "AcceptHit", met=False,
)  # fmt: skip
# What a project asks for, chosen by its id: most the demo worker meets; some they may see but not accept;
# one in ten they may not even preview.
_PROFILES: tuple[tuple[_Qualification, ...], ...] = (
    (_APPROVAL_95, _IN_THE_US),
    (_APPROVAL_95, _IN_THE_US),
    (_APPROVAL_95, _APPROVED_1000),
    (_APPROVAL_95, _IN_THE_US, _APPROVED_1000),
    (_IN_THE_US,),
    (),
    (_APPROVAL_95,),
    (_APPROVAL_95, _MASTERS),
    (_APPROVAL_99, _IN_THE_US),
    (_APPROVAL_95, _IN_GB_OR_IE),
)
_SIGN_IN_PAGE = (
    b"<!doctype html>\n<html><head><title>Amazon Sign-In</title></head><body>\n"
    b'<form name="signIn" method="post" action="https://www.amazon.com/ap/signin?'
    b'openid.assoc_handle=amzn_mturk_worker&amp;openid.mode=checkid_setup">\n'
    b"<h1>Sign in</h1><p>SurveyDesk demo exchange: paste the demo cookie instead.</p></form>\n</body></html>\n"
)
_HTML_ONLY_PAGE = (
    b"<!doctype html>\n<title>Amazon Mechanical Turk (demo)</title>\n"
    b"<p>This demo serves the worker site as JSON only: add format=json.</p>\n"
)
_NOT_FOUND_PAGE = b"<!doctype html>\n<title>Page not found</title>\n<p>Looking for something?</p>\n"


@dataclass(frozen=True, slots=True)
class _Accepted:
    """A HIT the demo worker accepted through the site; `serial` tells apart HITs of the same project."""

    study_id: str
    accepted_at: datetime
    deadline: datetime
    serial: int


def mturk_site(context: SiteContext, min_interval: float = 2.0, burst: int = BURST) -> MTurkSite:
    """The site as the exchange builds it, over a market of its own (offset 1), for the demo worker."""
    payroll = context.payroll(
        1, lambda _study, seed: ("3" + _code("task", seed, 29), "3" + _code("assignment", seed, 29))
    )
    return MTurkSite(context.market(1), MTURK_SESSION, context.clock, context.epoch, min_interval, burst, payroll)


class MTurkSite:
    """Speaks the worker site's JSON for one worker signed in with a session cookie.

    Pages are limited per session: `burst` requests in a row, then one per `min_interval` seconds; a request
    beyond that gets a 429 with an empty body. A request without the session cookie gets Amazon's sign-in
    page, with status 200, which is what a client sees after following the redirect to it.
    """

    platform = "mturk"

    def __init__(
        self,
        market: Market,
        session_token: str,
        clock: Callable[[], float],
        epoch: datetime,
        min_interval: float = 2.0,
        burst: int = BURST,
        payroll: Payroll | None = None,
    ) -> None:
        if burst < 1:
            raise ValueError(f"a burst must allow at least one request, not {burst}")
        self._market = market
        self.session = CookieSession({SESSION_COOKIE: session_token})  # what the demo's sign-in page renews
        self._clock = clock
        self._epoch = epoch
        self._started = clock()  # simulated time starts here, as the market's does
        self._min_interval = min_interval
        self._burst = burst
        self._lock = threading.Lock()
        self._credit = burst * min_interval
        self._refilled = self._started
        self._accepted: list[_Accepted] = []
        self._payroll = payroll  # the worker's submitted HITs and earnings; without one, no dashboard

    def handle(self, request: Request) -> Response:
        if request.method != "GET":
            return method_not_allowed("GET")
        page = _PROJECT_PAGE.fullmatch(request.path)
        if page:
            if page[2] and "assignment_id" in request.query:
                return self._task_page(page[1])
            return self._project_page(page[1])
        accept = _ACCEPT.fullmatch(request.path)
        details = _STATUS_DETAILS.fullmatch(request.path)
        earnings = self._payroll is not None and (bool(details) or request.path == DASHBOARD_PATH)
        if request.path not in SEARCH_PATHS and request.path != QUEUE_PATH and not accept and not earnings:
            return Response(404, _NOT_FOUND_PAGE, HTML_TYPE)
        if not self.session.accepts(read_cookies(request.headers.get("cookie", ""))):
            return Response(200, _SIGN_IN_PAGE, HTML_TYPE)
        refusal = self._throttle()
        if refusal is not None:
            return refusal
        query = request.query
        if accept:
            return self._accept(request, accept[1], as_json=bool(accept[2]) or query.get("format") == "json")
        if query.get("format") != "json":
            return Response(200, _HTML_ONLY_PAGE, HTML_TYPE)
        if request.path == QUEUE_PATH:
            return json_response(200, self._queue())
        if earnings and self._payroll is not None:
            if details:
                number = _whole(query.get("page_number"), 1, 1_000_000)
                return json_response(200, mturk_status_details(self._payroll, details[1], number))
            return json_response(200, mturk_dashboard(self._payroll))
        return json_response(200, self._search(query))

    def _throttle(self) -> Response | None:
        """A 429 when the session has used up its requests, else None (and one request fewer left).

        The session's credit is kept in seconds of waiting, up to `burst` requests' worth; each request costs
        `min_interval` of it, so the wait it names is exact.
        """
        with self._lock:
            now = self._clock()
            self._credit = min(self._burst * self._min_interval, self._credit + now - self._refilled)
            self._refilled = now
            if self._credit < self._min_interval:
                wait = max(1, math.ceil(self._min_interval - self._credit))
                return Response(429, b"", HTML_TYPE, (("Retry-After", str(wait)),))
            self._credit -= self._min_interval
            return None

    def _search(self, query: Mapping[str, str]) -> dict[str, object]:
        _, studies = self._market.snapshot()
        qualified = query.get("filters[qualified]") == "true"
        floor = _dollars(query.get("filters[min_reward]", ""))
        found = [
            study
            for study in studies
            if (not qualified or _can_preview(study)) and (floor is None or study.reward.minor >= floor * 100)
        ]
        key, newest_first = _SORTS.get(query.get("sort", ""), _SORTS["updated_desc"])
        found.sort(key=key, reverse=newest_first)
        size = _whole(query.get("page_size"), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
        number = _whole(query.get("page_number"), 1, 1_000_000)
        page = found[(number - 1) * size : number * size]
        return {
            "page_number": number,
            "num_results": len(page),
            "total_num_results": len(found),
            "results": [_search_result(study) for study in page],
        }

    def _queue(self) -> dict[str, object]:
        """The HITs the demo worker accepted, each until its deadline: some of those they qualify for, as if
        taken on the site, then the ones taken through `accept_random`."""
        now = self._now()
        _, studies = self._market.snapshot()
        tasks = []
        for study in studies:
            accepted = study.published_at + ACCEPTED_AFTER
            deadline = accepted + timedelta(minutes=study.max_minutes)
            if _taken_by_the_worker(study) and accepted <= now < deadline:
                tasks.append(_queue_entry(study, accepted, deadline, now, serial=0))
        with self._lock:
            self._accepted = taken = [hit for hit in self._accepted if now < hit.deadline]
        for hit in taken:
            found = self._market.find(hit.study_id)
            if found is not None:
                tasks.append(_queue_entry(found[0], hit.accepted_at, hit.deadline, now, hit.serial))
        return {"tasks": tasks}

    def _accept(self, request: Request, hit_set_id: str, as_json: bool) -> Response:
        """One HIT of the project for the demo worker: a redirect to its page, or the reason there is none.

        Refusals come as `{"message": ...}` (HTTP 422) when JSON was asked for, as the reference shows, and as
        a page holding the same words otherwise.
        """
        found = self._market.find(_study_id(hit_set_id))
        if found is not None and not all(qualification.met for qualification in _profile(found[0])):
            return _refusal(NOT_QUALIFIED, as_json)
        study = None if found is None else self._market.take_place(found[0].id)
        if study is None:
            return _refusal(NO_MORE_HITS, as_json)
        now = self._now()
        with self._lock:
            serial = 1 + sum(hit.study_id == study.id for hit in self._accepted)
            deadline = now + timedelta(minutes=study.max_minutes)
            self._accepted.append(_Accepted(study.id, now, deadline, serial))
        task_id, assignment_id = _hit_ids(study, serial)
        if self._payroll is not None:
            self._payroll.take(study, task_id, assignment_id)
        location = f"{urlsplit(request.site_url).path}/projects/{hit_set_id}/tasks/{task_id}"
        return Response(302, b"", HTML_TYPE, (("Location", f"{location}?assignment_id={assignment_id}"),))

    def _now(self) -> datetime:
        return self._epoch + timedelta(seconds=self._clock() - self._started)

    def _project_page(self, hit_set_id: str) -> Response:
        found = self._market.find(_study_id(hit_set_id))
        if found is None:
            return Response(404, _NOT_FOUND_PAGE, HTML_TYPE)
        return Response(200, _page(*found), HTML_TYPE)

    def _task_page(self, hit_set_id: str) -> Response:
        """The page of an accepted HIT, where the worker does the work; the demo has no work to show."""
        found = self._market.find(_study_id(hit_set_id))
        if found is None:
            return Response(404, _NOT_FOUND_PAGE, HTML_TYPE)
        return Response(200, _hit_page(found[0]), HTML_TYPE)


_SORTS: dict[str, tuple[Callable[[Study], float], bool]] = {
    "updated_desc": (lambda study: study.published_at.timestamp(), True),
    "updated_asc": (lambda study: study.published_at.timestamp(), False),
    "reward_desc": (lambda study: study.reward.minor, True),
    "reward_asc": (lambda study: study.reward.minor, False),
    "num_hits_desc": (lambda study: study.places_left, True),
    "num_hits_asc": (lambda study: study.places_left, False),
}


def _search_result(study: Study) -> dict[str, object]:
    hit_set_id, requester_id = _hit_set_id(study), _requester_id(study)
    return {
        **_project(study),
        "requester_url": f"/requesters/{requester_id}/projects.json",
        "project_tasks_url": f"/projects/{hit_set_id}/tasks.json",
        "accept_project_task_url": f"/projects/{hit_set_id}/tasks/accept_random.json?ref=w_pl_prvw",
        "project_requirements": [_requirement(qualification) for qualification in _profile(study)],
        "requesterInfo": {
            "activityLevel": ("High", "Medium", "Low")[int(study.researcher.id, 16) % 3],
            "taskApprovalRate": f"{97 + int(study.researcher.id, 16) % 4}%",
            "taskReviewTime": "less than a day",
        },
    }


def _queue_entry(
    study: Study, accepted: datetime, deadline: datetime, now: datetime, serial: int
) -> dict[str, object]:
    hit_set_id = _hit_set_id(study)
    task_id, assignment_id = _hit_ids(study, serial)
    task_url = f"/projects/{hit_set_id}/tasks/{task_id}?assignment_id={assignment_id}"
    external = f"https://example.org/demo-hit?assignmentId={assignment_id}"
    return {
        "task_id": task_id,
        "assignment_id": assignment_id,
        "accepted_at": _iso(accepted),
        "deadline": _iso(deadline),
        "time_to_deadline_in_seconds": int((deadline - now).total_seconds()),
        "state": "Assigned",
        "question": {
            "value": external,
            "type": "ExternalURL",
            "attributes": {"FrameSourceAttribute": external, "FrameHeight": "0"},
        },
        "project": {
            **_project(study),
            "requester_url": f"/requesters/{_requester_id(study)}/projects",
            "hit_requirements": [_requirement(qualification) for qualification in _profile(study)],
        },
        "expired_task_action_url": task_url,
        "task_url": task_url,
    }


def _project(study: Study) -> dict[str, object]:
    """What search results and queue entries both say of a project."""
    requirements = _profile(study)
    return {
        "hit_set_id": _hit_set_id(study),
        "requester_id": _requester_id(study),
        "requester_name": study.researcher.name,
        "title": study.title,
        "description": study.description,
        "assignment_duration_in_seconds": study.max_minutes * 60,
        "creation_time": _iso(study.published_at),
        "assignable_hits_count": study.places_left,
        "latest_expiration_time": _iso(study.published_at + OPEN_FOR),
        "caller_meets_requirements": all(qualification.met for qualification in requirements),
        "caller_meets_preview_requirements": _can_preview(study),
        "last_updated_time": _iso(study.published_at),
        # The study's amount in minor units, whatever its currency, as US cents: MTurk pays in dollars.
        "monetary_reward": {"currency_code": "USD", "amount_in_dollars": study.reward.minor / 100},
    }


def _requirement(qualification: _Qualification) -> dict[str, object]:
    return {
        "qualification_type_id": qualification.type_id,
        "comparator": qualification.comparator,
        "qualification_values": list(qualification.values),
        "worker_action": qualification.action,
        "caller_meets_requirement": qualification.met,
        "caller_qualification_value": {
            "integer_value": qualification.integer_value,
            "locale_value": {"country": qualification.country, "subdivision": None},
        },
        "qualification_request_url": "",
        "qualification_type": {
            "qualification_type_id": qualification.type_id,
            "name": qualification.name,
            "description": qualification.description,
            "keywords": "",
            "has_test": False,
            "is_requestable": False,
            "visibility": True,
        },
    }


def _profile(study: Study) -> tuple[_Qualification, ...]:
    return _PROFILES[int(study.id, 16) % len(_PROFILES)]


def _can_preview(study: Study) -> bool:
    return all(qualification.met for qualification in _profile(study) if qualification.action == "PreviewHit")


def _taken_by_the_worker(study: Study) -> bool:
    """About one in four of the projects the demo worker may accept sits in their queue for a while."""
    return all(qualification.met for qualification in _profile(study)) and int(study.id, 16) // 10 % 4 == 0


def _hit_set_id(study: Study) -> str:
    """A 30-character id in MTurk's alphabet ending in the study's id (in base 36), so its page finds it again."""
    number = int(study.id, 16)
    digits = ""
    while number:
        number, digit = divmod(number, 36)
        digits = _ID_DIGITS[digit] + digits
    return "3" + _code("group", study.id, 10) + digits.rjust(_ID_WIDTH, "0")


def _study_id(hit_set_id: str) -> str:
    """The market's id of the study behind a project: the inverse of `_hit_set_id`."""
    return f"{int(hit_set_id[-_ID_WIDTH:], 36):024x}"


def _hit_ids(study: Study, serial: int) -> tuple[str, str]:
    """A HIT's task and assignment ids: the same for the same study and serial (0 for a HIT in the made-up
    part of the queue, 1, 2... for those accepted through the site)."""
    source = study.id if serial == 0 else f"{study.id}/{serial}"
    return "3" + _code("task", source, 29), "3" + _code("assignment", source, 29)


def _refusal(message: str, as_json: bool) -> Response:
    if as_json:
        return json_response(422, {"message": message})
    page = f'<!doctype html>\n<title>Amazon Mechanical Turk (demo)</title>\n<p class="error">{message}</p>\n'
    return Response(200, page.encode(), HTML_TYPE)


def _requester_id(study: Study) -> str:
    return "A" + _code("requester", study.researcher.id, 13)


def _code(kind: str, source: str, length: int) -> str:
    """Stable id-like text made from `source`, in capitals and digits as MTurk's ids are."""
    return base64.b32encode(hashlib.sha256(f"{kind}:{source}".encode()).digest()).decode()[:length]


def _dollars(text: str) -> Decimal | None:
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def _whole(text: str | None, default: int, largest: int) -> int:
    """A positive whole number from the query, kept to `largest`; anything else is the default."""
    if text is None or not _WHOLE.fullmatch(text) or int(text) == 0:
        return default
    return min(int(text), largest)


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _page(study: Study, is_open: bool) -> bytes:
    """A small preview page of the project, every platform-supplied text escaped."""
    title = html.escape(study.title)
    state = f"{study.places_left} HITs available" if is_open else "There are no more of these HITs available."
    return (
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{title} · Amazon Mechanical Turk (demo)</title>'
        "</head><body>\n"
        f"<h1>{title}</h1>\n"
        f"<p>Requester: {html.escape(study.researcher.name)} · Reward: {Money(study.reward.minor, 'USD')}"
        f" · Time allotted: {study.max_minutes} min · {state}</p>\n"
        f"<p>{html.escape(study.description)}</p>\n"
        "<p><small>SurveyDesk demo exchange: no real HIT runs here.</small></p>\n"
        "</body></html>\n"
    ).encode()


def _hit_page(study: Study) -> bytes:
    """A small page of an accepted HIT, every platform-supplied text escaped."""
    title = html.escape(study.title)
    return (
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{title} · Amazon Mechanical Turk (demo)</title>'
        "</head><body>\n"
        f"<h1>{title}</h1>\n"
        f"<p>HIT accepted · Reward: {Money(study.reward.minor, 'USD')}"
        f" · Time allotted: {study.max_minutes} min</p>\n"
        "<p><small>SurveyDesk demo exchange: no real HIT runs here; nothing needs submitting.</small></p>\n"
        "</body></html>\n"
    ).encode()


DEMO: Final = DemoSite(mturk_site, MTURK_COOKIE)
