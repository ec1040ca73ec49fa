"""MTurk's worker site, read as JSON: the HIT groups one worker can find, their queue, and accepting a HIT."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, Final, NamedTuple
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import requests

from surveydesk.core.clock import Clock
from surveydesk.core.errors import (
    IN_TROUBLE_NOW,
    REFUSED,
    SLOW_DOWN_NOW,
    AuthExpired,
    BadPayload,
    PlatformError,
    RateLimited,
    Unavailable,
)
from surveydesk.core.model import AccountKey, Task
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.requirements import NO_REQUIREMENTS, Qualification, Requirements
from surveydesk.core.take import TakeRefused, TakeResult, check_owner
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.net.http import get, json_object, json_value, path_part
from surveydesk.net.quoting import excerpt
from surveydesk.net.shapes import BOOLEAN, LIST, NULL, NUMBER, OBJECT, STRING, Part, Shape, expect, list_of
from surveydesk.net.status import raise_for_status, retry_after
from surveydesk.platforms import fields
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.mturk.options import MIN_REWARD_OPTION, lowest_reward

SEARCH_PATH: Final = "/projects"
QUEUE_PATH: Final = "/tasks"
PAGE_SIZE: Final = 100  # the most MTurk's search gives in one page
# The 500 most recently updated projects: MTurk lists thousands of groups, and each page is a request that
# counts towards its page-request limit.
MAX_PAGES: Final = 5
FALLBACK_WAIT: Final = timedelta(seconds=60)  # MTurk documents no Retry-After; a minute is cautious
SIGN_IN_MARK: Final = b"openid.assoc_handle=amzn_mturk_worker"  # on Amazon's sign-in page, as clients check
NOT_SIGNED_IN: Final = QT_TRANSLATE_NOOP("MTurkConnector", "Not signed in to MTurk: sign in from Accounts")
SIGNED_OUT: Final = QT_TRANSLATE_NOOP("MTurkConnector", "MTurk signed you out: sign in to MTurk again")
UNSENDABLE_COOKIE: Final = QT_TRANSLATE_NOOP(
    "MTurkConnector", "SurveyDesk cannot use your saved MTurk sign-in: sign in to MTurk again"
)
ACCEPTED: Final = QT_TRANSLATE_NOOP("TakeResult", "HIT accepted: it is in your queue.")
# How worker-site clients accept a HIT: `format=json` makes a refusal a JSON `{"message": ...}`.
ACCEPT_PARAMS: Final[Mapping[str, str]] = MappingProxyType({"format": "json", "ref": "w_pl_prvw"})
MAX_REDIRECTS: Final = 5
# MTurk's refusals of an accept, as clients match them (in lower case, anywhere in the answer), in words.
_REFUSALS: Final = (
    (
        "there are no more of these hits available",
        QT_TRANSLATE_NOOP("MTurkConnector", "MTurk has no more of these HITs available"),
    ),
    (
        "you have accepted the maximum number",
        QT_TRANSLATE_NOOP("MTurkConnector", "Your MTurk queue is full: submit or return a HIT first"),
    ),
    (
        "cannot work on any more hits today",
        QT_TRANSLATE_NOOP("MTurkConnector", "You have reached MTurk's daily limit of HITs; try again tomorrow"),
    ),
    (
        "do not meet those qualifications",
        QT_TRANSLATE_NOOP("MTurkConnector", "You do not meet the qualification requirements of this HIT"),
    ),
    (
        "do not meet the qualification",
        QT_TRANSLATE_NOOP("MTurkConnector", "You do not meet the qualification requirements of this HIT"),
    ),
    (
        "address is not valid",
        QT_TRANSLATE_NOOP("MTurkConnector", "MTurk does not know this HIT group; it may have been taken down"),
    ),
    (
        "prevent you from working",
        QT_TRANSLATE_NOOP("MTurkConnector", "The requester does not let you work on their HITs"),
    ),
    (
        "please type the following characters",
        QT_TRANSLATE_NOOP("MTurkConnector", "MTurk asks you to solve a captcha: open MTurk in your browser"),
    ),
)
# MTurk's page-request errors (old and new wording), which a page may carry without a 429.
_PAGE_LIMIT_MARKS: Final = (
    "exceeded the maximum allowed page request rate",
    "exceeded the allowable page request rate",
    "excessive rate of page requests",
)
_COOKIE_TOO_LARGE: Final = "header or cookie too large"
_LONGEST_SECONDS: Final = 10**9  # far beyond any time a HIT allows
_URL_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")
_HEADER_SAFE = re.compile(r"[\x20-\x7e]+")  # what a Cookie header can carry; a pasted line break cannot


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One HIT the worker has accepted and not yet submitted: what the timer needs to time it."""

    assignment_id: str
    hit_set_id: str
    title: str
    requester_name: str
    reward: Money
    deadline: datetime | None
    time_left_seconds: int | None
    url: str


# The fields of a project its Task and requirements are made of (`_task`, `_reward`, `_requirements` read
# them): the id first, places left last.
_PLACES_FIELD: Final = "assignable_hits_count"
_OFFER_FIELDS: Final = (
    "hit_set_id",
    "title",
    "monetary_reward",
    "description",
    "requester_id",
    "requester_name",
    "assignment_duration_in_seconds",
    "project_tasks_url",
    "creation_time",
    "project_requirements",
    "hit_requirements",
    "caller_meets_requirements",
    _PLACES_FIELD,
)
# What a search page and the queue are read for (the evidence of each field: docs/platforms.md).
# A float of dollars; `amount` and `currency` are read when MTurk's own names are absent.
MONEY: Final = Shape(
    "MTurkMoney",
    amount_in_dollars=expect(NUMBER, STRING),
    currency_code=expect(STRING, NULL, required=False),
    amount=expect(NUMBER, STRING, NULL, required=False),
    currency=expect(STRING, NULL, required=False),
)
REQUIREMENT_SHAPE: Final = Shape(
    "MTurkRequirement",
    qualification_type_id=expect(STRING),
    comparator=expect(STRING, NULL),
    qualification_values=expect(LIST, NULL, required=False),  # numbers as text, or locales
    caller_meets_requirement=expect(BOOLEAN, NULL, required=False),
    qualification_type=expect(
        OBJECT, NULL, required=False, shape=Shape("MTurkQualificationType", name=expect(STRING, NULL))
    ),
)
PROJECT_SHAPE: Final = Shape(
    "MTurkProject",
    hit_set_id=expect(STRING),
    title=expect(STRING),
    monetary_reward=expect(OBJECT, shape=MONEY),
    description=expect(STRING, NULL),
    requester_id=expect(STRING, NULL),
    requester_name=expect(STRING, NULL),
    assignment_duration_in_seconds=expect(NUMBER, NULL),
    project_tasks_url=expect(STRING, NULL, required=False),
    creation_time=expect(STRING, NULL),
    project_requirements=list_of(REQUIREMENT_SHAPE, required=False, null=True),
    hit_requirements=expect(LIST, NULL, required=False),  # the queue's name of them, read as they come
    caller_meets_requirements=expect(BOOLEAN, NULL),
    assignable_hits_count=expect(NUMBER, NULL),
)
SEARCH_PAGE: Final = Shape(
    "MTurkSearchPage",
    num_results=expect(NUMBER),
    total_num_results=expect(NUMBER),
    results=list_of(PROJECT_SHAPE),
)
SEARCH_ENDPOINT: Final = f"GET {SEARCH_PATH}?format=json"
QUEUE_SHAPE: Final = Shape(
    "MTurkQueue",
    tasks=list_of(
        Shape(
            "MTurkQueueItem",
            assignment_id=expect(STRING),
            project=expect(
                OBJECT,
                shape=Shape(
                    "MTurkQueuedProject",
                    hit_set_id=expect(STRING),
                    title=expect(STRING),
                    requester_name=expect(STRING, NULL, required=False),
                    monetary_reward=expect(OBJECT, shape=MONEY),
                ),
            ),
            deadline=expect(STRING, NULL, required=False),
            time_to_deadline_in_seconds=expect(NUMBER, NULL, required=False),
            task_url=expect(STRING, NULL, required=False),
        )
    ),
)
QUEUE_ENDPOINT: Final = f"GET {QUEUE_PATH}?format=json"


class _Reading(NamedTuple):
    """A project as last received (its offer: the values its Task and requirements are made of), with what
    was made of it."""

    offer: tuple[object, ...]
    task: Task
    requirements: tuple[Qualification, ...]


class MTurkConnector(AccountClient):
    """Lists the HIT groups one MTurk worker is qualified for, newest updates first, and their queue.

    MTurk has no API for workers: this reads the worker site's own JSON, signed in with the session cookie the
    worker pasted. The cookie is asked of `secret_provider` at every request and kept nowhere, so a fresh
    login takes effect at once and the cookie never reaches disk, a log or an error message.
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
        self._origin = _origin(urlsplit(self._base_url))
        self._filters = _filters(options)
        # Most projects come back unchanged from one poll to the next; comparing dicts beats reading them.
        self._last_seen: dict[str, _Reading] = {}

    def fetch_tasks(self) -> list[Task]:
        """Up to `MAX_PAGES` pages of projects; one unreadable project fails the whole poll.

        Projects whose requirements the worker does not all meet are listed too when MTurk sends them (it may
        let a worker preview what they cannot accept); `requirements_of` tells the worker what is missing.
        Projects past the last page read are not listed: with the newest updates first, they are the stalest.
        """
        cookie = self._cookie()
        now = self._clock.now()
        seen: dict[str, _Reading] = {}
        for number in range(1, MAX_PAGES + 1):
            params = {"format": "json", "page_size": str(PAGE_SIZE), "page_number": str(number)}
            page = self._get(SEARCH_PATH, cookie, now, {**params, **self._filters}, SEARCH_PAGE.decoding)
            with self._watching(Part.TASKS, SEARCH_ENDPOINT, page, SEARCH_PAGE):
                results = _listed(
                    page,
                    "results",
                    self._platform,
                    QT_TRANSLATE_NOOP("MTurkConnector", "MTurk's answer has no list of projects"),
                )
                readings = fields.read_items(
                    results,
                    _OFFER_FIELDS,
                    1,
                    self._last_seen,
                    lambda project: self._read(project, now),
                    _with_hits_read,
                )
            for hit_set_id, reading in readings.items():
                seen.setdefault(hit_set_id, reading)  # a project that moved pages meanwhile
            if not _more_pages(page, len(results), number):
                break
        self._last_seen = seen
        return [reading.task for reading in seen.values()]

    def take(self, task: Task) -> TakeResult:
        """Accept one HIT of the project, on the worker's click, and give the accepted HIT's page to open.

        MTurk accepts by redirecting to the HIT's page, whose address carries `assignment_id=`. Redirects are
        followed here, cookie and all, on MTurk's own server only (requests would drop the cookie on any
        redirect, and the accepted HIT would look like a lost session). The HIT's page is not loaded: the
        worker's browser loads it, and every page counts towards MTurk's page-request limit.
        """
        check_owner(task, self._account)
        cookie = self._cookie()
        now = self._clock.now()
        url = f"{self._project_url(task.external_id)}/accept_random"
        params: Mapping[str, str] | None = ACCEPT_PARAMS
        for _ in range(MAX_REDIRECTS + 1):
            response = get(
                self._session,
                url,
                platform=self._platform,
                headers={"Cookie": cookie},
                params=params,
                allow_redirects=False,
            )
            if not response.is_redirect:
                raise self._refusal(response, now)
            url, params = urljoin(response.url, response.headers["Location"]), None
            target = urlsplit(url)
            if _origin(target) != self._origin or "/ap/signin" in target.path:
                raise AuthExpired(self._platform, SIGNED_OUT)
            if "assignment_id=" in target.query:
                return TakeResult(opened_url=url, message=ACCEPTED)
        raise BadPayload(
            self._platform,
            QT_TRANSLATE_NOOP(
                "MTurkConnector", "MTurk kept sending us from page to page; look at the HIT in your browser"
            ),
        )

    def requirements_of(self, task_id: str) -> Requirements:
        """What the project asked of the worker when last fetched; nothing for a project not listed then."""
        reading = self._last_seen.get(task_id)
        return NO_REQUIREMENTS if reading is None else Requirements(qualifications=reading.requirements)

    def fetch_queue(self) -> list[QueueItem]:
        """The HITs the worker has accepted, each with its deadline; one unreadable entry fails the lot."""
        cookie = self._cookie()
        page = self._get(QUEUE_PATH, cookie, self._clock.now(), {"format": "json"}, QUEUE_SHAPE.decoding)
        with self._watching(Part.TASKS, QUEUE_ENDPOINT, page, QUEUE_SHAPE):
            entries = _listed(
                page, "tasks", self._platform, QT_TRANSLATE_NOOP("MTurkConnector", "MTurk's answer has no queue")
            )
            return [self._queue_item(entry) for entry in entries]

    def _cookie(self) -> str:
        return session_cookie(self._secret_provider, self._platform)

    def _get(
        self, path: str, cookie: str, now: datetime, params: Mapping[str, str], shape: object = Any
    ) -> dict[str, Any]:
        """The page as a JSON object (what `shape` keeps of it), after every sign of a lost session or a
        refusal became its error.

        A signed-out worker is redirected to Amazon's sign-in page (requests drops the Cookie header on any
        redirect, so the cookie goes nowhere else), which answers 200 with HTML.
        """
        response = get(
            self._session,
            self._base_url + path,
            platform=self._platform,
            headers={"Cookie": cookie},
            params=params,
        )
        final = urlsplit(response.url)
        if "/ap/signin" in final.path or _origin(final) != self._origin:
            raise AuthExpired(self._platform, SIGNED_OUT)
        raise_for_status(
            response, self._platform, "MTurk", now, login_refused=SIGNED_OUT, fallback_wait=FALLBACK_WAIT
        )
        try:
            return json_object(response, self._platform, shape)
        except BadPayload:
            # Only a page that is not JSON can be the sign-in page: a requester's text inside JSON cannot.
            if SIGN_IN_MARK in response.content:
                raise AuthExpired(self._platform, SIGNED_OUT) from None
            raise

    def _refusal(self, response: requests.Response, now: datetime) -> PlatformError:
        """Why MTurk gave no HIT, as the error to raise: MTurk's own reason when it is a known one."""
        status = response.status_code
        text = response.content.decode("utf-8", "replace").lower()
        if status in (401, 403) or SIGN_IN_MARK in response.content:
            return AuthExpired(self._platform, SIGNED_OUT)
        if status == 429 or any(mark in text for mark in _PAGE_LIMIT_MARKS):
            wait = retry_after(response, now) or FALLBACK_WAIT
            message = SLOW_DOWN_NOW.filled("MTurk", round(wait.total_seconds()))
            return RateLimited(self._platform, message, retry_at=now + wait)
        if _COOKIE_TOO_LARGE in text:
            return AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP("MTurkConnector", "MTurk refused your saved sign-in: sign in to MTurk again"),
            )
        for mark, words in _REFUSALS:
            if mark in text:
                return TakeRefused(self._platform, words)
        if status >= 500:
            named = retry_after(response, now)
            return Unavailable(
                self._platform, IN_TROUBLE_NOW.filled("MTurk", status), None if named is None else now + named
            )
        if status not in (200, 422):  # the statuses of MTurk's refusals
            return Unavailable(self._platform, REFUSED.filled("MTurk", status))
        said = _message(response)
        if said:
            return TakeRefused(
                self._platform,
                QT_TRANSLATE_NOOP("MTurkConnector", "MTurk did not give you the HIT: {0}").filled(excerpt(said)),
            )
        return TakeRefused(
            self._platform,
            QT_TRANSLATE_NOOP(
                "MTurkConnector", "MTurk did not confirm the HIT; look at your queue in your browser"
            ),
        )

    def _read(self, project: object, now: datetime) -> _Reading:
        """The project read anew."""
        if not isinstance(project, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("MTurkConnector", "a project in MTurk's list is not an object")
            )
        offer = tuple(map(project.get, _OFFER_FIELDS))
        return _Reading(offer, self._task(project, now), _requirements(project))

    def _task(self, project: dict[str, Any], now: datetime) -> Task:
        hit_set_id = project.get("hit_set_id")
        if not isinstance(hit_set_id, str) or not hit_set_id:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("MTurkConnector", "a project in MTurk's list has no id")
            )
        subject = QT_TRANSLATE_NOOP("MTurkConnector", "project {0}").filled(excerpt(hit_set_id))
        title = project.get("title")
        if not isinstance(title, str):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("MTurkConnector", "{0} has no title").filled(subject)
            )
        return Task(
            platform=self._account.platform,
            account=self._account.account,
            external_id=hit_set_id,
            title=title,
            reward=self._reward(project, subject),
            first_seen=now,
            last_seen=now,
            description=fields.text(project.get("description")),
            requester_id=fields.text(project.get("requester_id")),
            requester_name=fields.text(project.get("requester_name")),
            places_left=_places_left(project),
            # The time MTurk allows, not an estimate of the work: MTurk gives none.
            time_allowed_minutes=_minutes(project.get("assignment_duration_in_seconds")),
            url=self._page_url(project.get("project_tasks_url")) or self._project_url(hit_set_id),
            published_at=fields.moment(project.get("creation_time")),
        )

    def _queue_item(self, entry: object) -> QueueItem:
        if not isinstance(entry, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("MTurkConnector", "an entry in MTurk's queue is not an object")
            )
        assignment_id = entry.get("assignment_id")
        if not isinstance(assignment_id, str) or not assignment_id:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("MTurkConnector", "an entry in MTurk's queue has no assignment id"),
            )
        subject = QT_TRANSLATE_NOOP("MTurkConnector", "assignment {0}").filled(excerpt(assignment_id))
        project = entry.get("project")
        hit_set_id = project.get("hit_set_id") if isinstance(project, dict) else None
        if not isinstance(project, dict) or not isinstance(hit_set_id, str) or not hit_set_id:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("MTurkConnector", "{0} has no project").filled(subject)
            )
        title = project.get("title")
        if not isinstance(title, str):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("MTurkConnector", "{0} has no title").filled(subject)
            )
        left = fields.count(entry.get("time_to_deadline_in_seconds"))
        return QueueItem(
            assignment_id=assignment_id,
            hit_set_id=hit_set_id,
            title=title,
            requester_name=fields.text(project.get("requester_name")),
            reward=self._reward(project, subject),
            deadline=fields.moment(entry.get("deadline")),
            time_left_seconds=None if left is None else max(0, left),
            url=self._page_url(entry.get("task_url")) or self._project_url(hit_set_id),
        )

    def _reward(self, holder: dict[str, Any], subject: str) -> Money:
        """`monetary_reward.amount_in_dollars`, a float such as 0.07, read exactly; `amount` also serves."""
        reward = holder.get("monetary_reward")
        if not isinstance(reward, dict):
            if reward is None:
                problem = QT_TRANSLATE_NOOP("MTurkConnector", "{0} has no reward").filled(subject)
            else:
                problem = QT_TRANSLATE_NOOP("MTurkConnector", "{0} has a reward of the wrong type: {1}").filled(
                    subject, excerpt(reward)
                )
            raise BadPayload(self._platform, problem)
        amount = reward.get("amount_in_dollars")
        if amount is None:
            amount = reward.get("amount")
        if isinstance(amount, bool) or not isinstance(amount, (int, float, str)):
            without = QT_TRANSLATE_NOOP("MTurkConnector", "{0} has a reward without an amount: {1}")
            raise BadPayload(self._platform, without.filled(subject, excerpt(amount)))
        currency = reward.get("currency_code") or reward.get("currency") or "USD"
        try:
            return Money.parse(amount, currency)
        except MoneyError as exc:
            unreadable = QT_TRANSLATE_NOOP("MTurkConnector", "{0} has an unreadable reward: {1}")
            raise BadPayload(self._platform, unreadable.filled(subject, excerpt(str(exc)))) from exc

    def _page_url(self, value: object) -> str | None:
        """The worker-site page a JSON link names, absolute and without `.json`; None for a link elsewhere."""
        if not isinstance(value, str) or not value:
            return None
        try:
            parts = urlsplit(value)
        except ValueError:  # e.g. "http://[not-an-ip]/"
            return None
        page = urlunsplit(parts._replace(path=parts.path.removesuffix(".json")))
        if parts.scheme or parts.netloc:
            return page if _origin(parts) == self._origin else None
        return f"{self._base_url}/{page.lstrip('/')}"

    def _project_url(self, hit_set_id: str) -> str:
        return f"{self._base_url}/projects/{path_part(hit_set_id, self._platform)}/tasks"


def _filters(options: Mapping[str, str]) -> dict[str, str]:
    """The search's fixed order and filters, with the worker's lowest reward if they set one."""
    filters = {"sort": "updated_desc", "filters[qualified]": "true"}
    floor = lowest_reward(options.get(MIN_REWARD_OPTION, ""))
    if floor is not None:
        filters["filters[min_reward]"] = str(floor.as_decimal())
    return filters


def _listed(page: dict[str, Any], key: str, platform: str, missing: Sentence) -> list[Any]:
    items = page.get(key)
    if not isinstance(items, list):
        raise BadPayload(platform, missing)
    return items


def _more_pages(page: dict[str, Any], read: int, number: int) -> bool:
    """Whether a page follows: this one was full, and the total (when given) goes beyond it."""
    count = fields.count(page.get("num_results"))
    if read == 0 or (read if count is None else count) < PAGE_SIZE:
        return False
    total = fields.count(page.get("total_num_results"))
    return total is None or number * PAGE_SIZE < total


def _requirements(project: dict[str, Any]) -> tuple[Qualification, ...]:
    """The project's qualifications; search results call them `project_requirements`, the queue
    `hit_requirements`. One MTurk does not describe is left out rather than failing the poll."""
    listed = project.get("project_requirements", project.get("hit_requirements"))
    if not isinstance(listed, list):
        return ()
    meets_all = project.get("caller_meets_requirements") is True
    found = (_requirement(item, meets_all) for item in listed)
    return tuple(requirement for requirement in found if requirement is not None)


def _requirement(item: object, meets_all: bool) -> Qualification | None:
    if not isinstance(item, dict):
        return None
    kind = item.get("qualification_type")
    name = kind.get("name") if isinstance(kind, dict) else None
    if not isinstance(name, str) or not name:
        name = item.get("qualification_type_id")
    if not isinstance(name, str) or not name:
        return None
    met = item.get("caller_meets_requirement")
    if not isinstance(met, bool):
        met = True if meets_all else None  # a worker who meets them all meets each one
    values = item.get("qualification_values")
    texts = tuple(_value_text(value) for value in values) if isinstance(values, list) else ()
    return Qualification(name, fields.text(item.get("comparator")), tuple(text for text in texts if text), met)


def _value_text(value: object) -> str:
    """A qualification value as text: "95", or a locale, which may come as {"country", "subdivision"}."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        country, subdivision = fields.text(value.get("country")), fields.text(value.get("subdivision"))
        return f"{country}-{subdivision}" if country and subdivision else country
    return ""


def _message(response: requests.Response) -> str:
    """The `message` of a JSON answer, as MTurk words a refusal; empty for any other answer."""
    try:
        body = json_value(response)
    except (ValueError, RecursionError):
        return ""
    message = body.get("message") if isinstance(body, dict) else None
    return message.strip() if isinstance(message, str) else ""


def _origin(parts: SplitResult) -> tuple[str, str]:
    return parts.scheme.lower(), parts.netloc.lower()


def session_cookie(secret_provider: Callable[[], str | None], platform: str) -> str:
    """The worker's pasted session cookie, asked for at each use; `AuthExpired` when there is none, or when it
    holds what a Cookie header cannot carry."""
    cookie = (secret_provider() or "").strip()
    if not cookie:
        raise AuthExpired(platform, NOT_SIGNED_IN)
    if not _HEADER_SAFE.fullmatch(cookie):
        raise AuthExpired(platform, UNSENDABLE_COOKIE)
    return cookie


def _minutes(seconds: object) -> int | None:
    """Whole minutes, rounded up: a HIT that allows 90 s must not look like one that allows a minute."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
        return None
    if isinstance(seconds, int) and abs(seconds) > _LONGEST_SECONDS:
        return None  # an int too large even to turn into a float
    if not math.isfinite(seconds):
        return None
    return math.ceil(seconds / 60) if seconds >= 0 else None


def _with_hits_read(offer: tuple[object, ...], last: _Reading) -> _Reading:
    """The last reading with the HITs left in `offer` (its last value): HITs taken or added, the most common
    change."""
    return _Reading(offer, last.task.with_places_left(_places_from(offer[-1])), last.requirements)


def _places_left(project: dict[str, Any]) -> int | None:
    return _places_from(project.get(_PLACES_FIELD))


def _places_from(hits: object) -> int | None:
    return max(0, hits) if type(hits) is int else None  # json gives exact ints; bool is not one
