"""Prolific's participant API: the studies one participant can take now, as the desk's tasks, and reserving one."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import urljoin

import requests

from surveydesk.core.clock import Clock
from surveydesk.core.errors import (
    SLOW_DOWN_NOW,
    SLOWING_DOWN,
    AuthExpired,
    BadPayload,
)
from surveydesk.core.model import Account, AccountKey, Task
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.requirements import Requirements
from surveydesk.core.take import TakeRefused, TakeResult, check_owner
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.net.addresses import origin
from surveydesk.net.http import (
    get,
    json_object,
    json_value,
    path_part,
    post,
    web_url,
)
from surveydesk.net.quoting import excerpt
from surveydesk.net.shapes import LIST, NULL, NUMBER, OBJECT, STRING, Part, Shape, ShapeWatch, expect, list_of
from surveydesk.net.status import raise_for_status
from surveydesk.platforms import fields
from surveydesk.platforms.prolific import API, NOT_SIGNED_IN, STUDY_PAGES
from surveydesk.platforms.spec import SecretProvider

STUDIES_PATH: Final = "/api/v1/participant/studies/?sortBy=published_at&orderBy=asc"
RESERVE_PATH: Final = "/api/v1/submissions/reserve/"
# Who the signed-in participant is: the reserve call names her (platform-apis.md §8.2). The path is the researcher
# API's documented `users/me/`, on the participant API that shares its vocabulary: inferred, not documented.
ME_PATH: Final = "/api/v1/users/me/"
RESERVED_MINUTES: Final = 10  # how long Prolific holds a reserved place by default (its submission statuses)
LOGIN_EXPIRED: Final = QT_TRANSLATE_NOOP(
    "ProlificConnector", "Prolific says your sign-in has expired: sign in to Prolific again"
)
DEFAULT_STUDY_PAGE_BASE: Final = "https://app.prolific.com/studies/"
MAX_PAGES: Final = 20
FALLBACK_WAIT: Final = timedelta(seconds=300)  # what Prolific's own extensions wait when told no time
_WAIT_IN_DETAIL = re.compile(r"available in ([0-9]{1,9}) seconds")
_URL_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")
# The fields of a study its Task and peripherals are made of (`_task` and `_reward` read them): the id first,
# places left (`_PLACES_FIELDS`) last.
_PLACES_FIELDS: Final = ("total_available_places", "places_taken")
_OFFER_FIELDS: Final = (
    "id",
    "name",
    "study_reward",
    "reward",
    "researcher",
    "description",
    "estimated_completion_time",
    "maximum_allowed_time",
    "device_compatibility",
    "published_at",
    "peripheral_requirements",  # not in the Task: `peripherals_of` tells it
    *_PLACES_FIELDS,
)
_PERIPHERALS: Final = _OFFER_FIELDS.index("peripheral_requirements")
# What a page of studies is read for: the studies' offers and the link to the next page (the evidence of each
# field: docs/platforms.md).
MONEY: Final = Shape("ProlificMoney", amount=expect(NUMBER), currency=expect(STRING))  # minor units
# `href` is null on the last page (P2 types it as a pointer); without `_links`, no page would follow.
LINKS: Final = expect(
    OBJECT,
    shape=Shape(
        "ProlificLinks",
        next=expect(OBJECT, NULL, required=False, shape=Shape("ProlificLink", href=expect(STRING, NULL))),
    ),
)
_TEXTS: Final = expect(LIST, NULL, required=False, items=expect(STRING))
STUDY_SHAPE: Final = Shape(
    "ProlificStudy",
    id=expect(STRING),
    name=expect(STRING),
    study_reward=expect(OBJECT, shape=MONEY),
    reward=expect(NUMBER, OBJECT, NULL, required=False, shape=MONEY),  # the legacy form: bare pence, or Money
    researcher=expect(
        OBJECT, NULL, shape=Shape("ProlificResearcher", id=expect(STRING, NULL), name=expect(STRING, NULL))
    ),
    description=expect(STRING, NULL),
    estimated_completion_time=expect(NUMBER, NULL),
    maximum_allowed_time=expect(NUMBER, NULL),
    device_compatibility=_TEXTS,
    published_at=expect(STRING, NULL),
    peripheral_requirements=_TEXTS,
    total_available_places=expect(NUMBER),
    places_taken=expect(NUMBER),
)
STUDIES_PAGE: Final = Shape(
    "ProlificStudies",
    results=list_of(STUDY_SHAPE),
    _links=LINKS,
)  # an error reply's `error.detail` ("…available in 42 seconds") is read by `wait_in_detail`, unwatched
STUDIES_ENDPOINT: Final = f"GET {STUDIES_PATH}"


class ProlificConnector:
    """Lists the studies open to one Prolific participant.

    The bearer token is asked of `token_provider` at every poll and kept nowhere, so a new login takes effect
    at the next poll and the token never reaches disk, a log or an error message.
    """

    def __init__(
        self,
        account: AccountKey,
        base_url: str,
        token_provider: Callable[[], str | None],
        session: requests.Session,
        clock: Clock,
        study_page_base: str = DEFAULT_STUDY_PAGE_BASE,
    ) -> None:
        self._account = account
        self._studies_url = base_url.rstrip("/") + STUDIES_PATH
        self._reserve_url = base_url.rstrip("/") + RESERVE_PATH
        self._me_url = base_url.rstrip("/") + ME_PATH
        self._token_provider = token_provider
        self._session = session
        self._clock = clock
        self._study_page_base = study_page_base
        # Each study's offer as last received (the fields its Task is made of, but places), with the Task made
        # of it: most studies come back unchanged, and comparing a few fields costs a fraction of reading them.
        self._last_seen: dict[str, fields.Reading] = {}
        # The signed-in participant's id, asked once per token (a new sign-in may be another participant); the
        # token is known here only by its digest, so it is kept nowhere.
        self._participant: tuple[bytes, str] | None = None
        self._shapes = ShapeWatch()  # the app's, once `watch_shapes` gives it

    def watch_shapes(self, watch: ShapeWatch) -> None:
        """Report what replies did otherwise than their shapes to `watch` (the app's, shown to the worker)."""
        self._shapes = watch

    @property
    def account(self) -> AccountKey:
        return self._account

    def fetch_tasks(self) -> list[Task]:
        """Every page of open studies; one unreadable study fails the whole poll, so nothing is half-stored."""
        token = self._token()
        now = self._clock.now()
        seen: dict[str, fields.Reading] = {}
        url = self._studies_url
        for _ in range(MAX_PAGES):
            page = self._fetch_page(url, token, now)
            with self._shapes.watching(self._platform, Part.TASKS, STUDIES_ENDPOINT, page, STUDIES_PAGE):
                readings = fields.read_items(
                    _results(page, self._platform),
                    _OFFER_FIELDS,
                    len(_PLACES_FIELDS),
                    self._last_seen,
                    lambda study: self._read(study, now),
                    _with_places_read,
                )
                next_url = self._next_url(page, url)
            for study_id, reading in readings.items():
                seen.setdefault(study_id, reading)  # a study that moved to the next page meanwhile
            if next_url is None:
                self._last_seen = seen
                return [task for _, task in seen.values()]
            url = next_url
        too_long = QT_TRANSLATE_NOOP(
            "ProlificConnector", "Prolific's list of studies went on for more than {0} pages"
        )
        raise BadPayload(self._platform, too_long.filled(MAX_PAGES))

    def peripherals_of(self, task_id: str) -> tuple[str, ...]:
        """The study's `peripheral_requirements` (camera, microphone, audio, download…) as last fetched; none
        for a study not listed then."""
        reading = self._last_seen.get(task_id)
        return () if reading is None else _texts(reading[0][_PERIPHERALS])

    def requirements_of(self, task_id: str) -> Requirements:
        return Requirements(peripherals=self.peripherals_of(task_id))

    def take(self, task: Task) -> TakeResult:
        """Reserve a place in the study, on the worker's click, and give its page to open.

        The reserve call names the study and the participant, as public clients send it (platform-apis.md
        §8.2; JSON as the older clients send it, the web app's exact body is not public). A reserved place is
        held for a few minutes only, so the worker's browser should open the study at once.
        """
        check_owner(task, self._account)
        token = self._token()
        now = self._clock.now()
        headers = {"Authorization": f"Bearer {token}"}
        body = {"study_id": task.external_id, "participant_id": self._participant_id(token, now)}
        response = post(self._session, self._reserve_url, platform=self._platform, json=body, headers=headers)
        status = response.status_code
        if 400 <= status < 500 and status not in (401, 429):
            detail = _error_detail(response).replace(token, "…").strip()
            if detail:
                refusal = QT_TRANSLATE_NOOP("ProlificConnector", "Prolific did not reserve a place: {0}").filled(
                    excerpt(detail)
                )
            else:
                refusal = QT_TRANSLATE_NOOP(
                    "ProlificConnector", "Prolific did not reserve a place: no reason given (HTTP {0})"
                ).filled(status)
            raise TakeRefused(self._platform, refusal)
        self._raise_for_status(response, now, SLOW_DOWN_NOW)
        submission = json_object(response, self._platform)
        if not isinstance(submission.get("id"), str):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "ProlificConnector",
                    "Prolific's answer holds no reservation; look at the study in your browser",
                ),
            )
        study_page = self._study_page_base + path_part(task.external_id, self._platform)
        page = web_url(submission.get("study_url")) or study_page
        return TakeResult(
            opened_url=page,
            message=QT_TRANSLATE_NOOP("TakeResult", "Place reserved: you have {0} minutes to start.").filled(
                RESERVED_MINUTES
            ),
        )

    @property
    def _platform(self) -> str:
        return self._account.platform

    def _token(self) -> str:
        token = self._token_provider()
        if not token:
            raise AuthExpired(self._platform, NOT_SIGNED_IN)
        return token

    def _participant_id(self, token: str, now: datetime) -> str:
        """The signed-in participant's id (`id` of `users/me/`), asked once for each token."""
        digest = hashlib.sha256(token.encode()).digest()
        if self._participant is not None and self._participant[0] == digest:
            return self._participant[1]
        response = get(self._session, self._me_url, platform=self._platform,
                       headers={"Authorization": f"Bearer {token}"})  # fmt: skip
        self._raise_for_status(response, now, SLOW_DOWN_NOW)
        named = json_object(response, self._platform).get("id")
        if not isinstance(named, str) or len(named) > 64 or not _URL_SAFE_ID.fullmatch(named):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "ProlificConnector", "Prolific did not say who is signed in; look at the study in your browser"
                ),
            )
        self._participant = (digest, named)
        return named

    def _raise_for_status(self, response: requests.Response, now: datetime, slow: Sentence) -> None:
        """The typed error of a refusal, a request to slow down (in `slow`'s words: core/errors.py SLOWING_DOWN
        or SLOW_DOWN_NOW) or a server in trouble."""
        raise_for_status(
            response,
            self._platform,
            "Prolific",
            now,
            login_refused=LOGIN_EXPIRED,
            fallback_wait=FALLBACK_WAIT,
            slow=slow,
            wait_hint=wait_in_detail,
        )

    def _fetch_page(self, url: str, token: str, now: datetime) -> dict[str, Any]:
        response = get(self._session, url, platform=self._platform, headers={"Authorization": f"Bearer {token}"})
        self._raise_for_status(response, now, SLOWING_DOWN)
        return json_object(response, self._platform, STUDIES_PAGE.decoding)

    def _next_url(self, page: dict[str, Any], current: str) -> str | None:
        """The next page's address, which must be on the same server: the token goes nowhere else."""
        links = page.get("_links")
        following = links.get("next") if isinstance(links, dict) else None
        href = following.get("href") if isinstance(following, dict) else None
        if href is None or href == "":
            return None
        if not isinstance(href, str):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificConnector", "Prolific's link to the next page is not an address"),
            )
        url = urljoin(current, href)
        if origin(url) != origin(self._studies_url):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "ProlificConnector", "Prolific's link to the next page points to another server"
                ),
            )
        return url

    def _read(self, study: object, now: datetime) -> fields.Reading:
        """The study's offer with a Task read from it."""
        if not isinstance(study, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificConnector", "a study in Prolific's list is not an object"),
            )
        return tuple(map(study.get, _OFFER_FIELDS)), self._task(study, now)

    def _task(self, study: dict[str, Any], now: datetime) -> Task:
        study_id = study.get("id")
        if not isinstance(study_id, str) or not study_id:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("ProlificConnector", "a study in Prolific's list has no id")
            )
        name = study.get("name")
        if not isinstance(name, str):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificConnector", "study {0} has no name").filled(excerpt(study_id)),
            )
        researcher = study.get("researcher")
        if not isinstance(researcher, dict):
            researcher = {}
        return Task(
            platform=self._account.platform,
            account=self._account.account,
            external_id=study_id,
            title=name,
            reward=self._reward(study, study_id),
            first_seen=now,
            last_seen=now,
            description=fields.text(study.get("description")),
            requester_id=fields.text(researcher.get("id")),
            requester_name=fields.text(researcher.get("name")),
            estimated_minutes=fields.count(study.get("estimated_completion_time")),
            places_left=_places_left(study),
            time_allowed_minutes=fields.count(study.get("maximum_allowed_time")),
            url=self._study_page_base + path_part(study_id, self._platform),
            devices=_texts(study.get("device_compatibility")),
            published_at=fields.moment(study.get("published_at")),
        )

    def _reward(self, study: dict[str, Any], study_id: str) -> Money:
        """`study_reward` in minor units; older replies have `reward`, as bare pence or the same object."""
        value = study.get("study_reward")
        if value is None:
            value = study.get("reward")
        if isinstance(value, dict):
            currency = None
        elif isinstance(value, int) and not isinstance(value, bool):
            currency = "GBP"
        else:
            if value is None:
                problem = QT_TRANSLATE_NOOP("ProlificConnector", "study {0} has no reward").filled(
                    excerpt(study_id)
                )
            else:
                problem = QT_TRANSLATE_NOOP(
                    "ProlificConnector", "study {0} has a reward of the wrong type: {1}"
                ).filled(excerpt(study_id), excerpt(value))
            raise BadPayload(self._platform, problem)
        try:
            return Money.parse(value, currency, unit="minor")
        except MoneyError as exc:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificConnector", "study {0} has an unreadable reward: {1}").filled(
                    excerpt(study_id), excerpt(str(exc))
                ),
            ) from exc


def _results(page: dict[str, Any], platform: str) -> list[Any]:
    results = page.get("results")
    if not isinstance(results, list):
        raise BadPayload(
            platform, QT_TRANSLATE_NOOP("ProlificConnector", "Prolific's answer has no list of studies")
        )
    return results


def wait_in_detail(response: requests.Response) -> timedelta | None:
    """The wait Prolific names in its error text ("…available in 42 seconds"), which it says before any
    Retry-After; None when it names none."""
    found = _WAIT_IN_DETAIL.search(_error_detail(response))
    return timedelta(seconds=int(found[1])) if found else None


def _error_detail(response: requests.Response) -> str:
    try:
        body = json_value(response)
    except (ValueError, RecursionError):
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    detail = error.get("detail") if isinstance(error, dict) else None
    return detail if isinstance(detail, str) else ""


def _texts(value: object) -> tuple[str, ...]:
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


def _with_places_read(offer: tuple[object, ...], last: fields.Reading) -> fields.Reading:
    """The last reading with the places in `offer` (its last values, `_PLACES_FIELDS`)."""
    return offer, last[1].with_places_left(_places_from(*offer[-len(_PLACES_FIELDS) :]))


def _places_left(study: dict[str, Any]) -> int | None:
    return _places_from(*map(study.get, _PLACES_FIELDS))


def _places_from(total: object, taken: object) -> int | None:
    if type(total) is not int:  # json gives exact ints; bool is not one
        return None
    return max(0, total - taken) if type(taken) is int else max(0, total)


def connector_for(
    account: Account, secret: SecretProvider, session: requests.Session, clock: Clock
) -> ProlificConnector:
    """The account's connector (`PlatformSpec.connector`). Studies open on Prolific's web app; on any other server
    (the demo's), under that server's `/studies/`."""
    official = account.base_url.rstrip("/") == API
    pages = STUDY_PAGES if official else account.base_url.rstrip("/") + "/studies/"
    return ProlificConnector(account.key, account.base_url, secret, session, clock, study_page_base=pages)
