"""Prolific's participant API: the studies one participant can take right now, as the desk's tasks."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import quote, urljoin, urlsplit

import requests

from surveydesk.connectors.http import excerpt, get, json_object
from surveydesk.core.clock import Clock, parse_utc_iso
from surveydesk.core.errors import AuthExpired, BadPayload, RateLimited, Unavailable
from surveydesk.core.model import AccountKey, Task
from surveydesk.core.money import Money, MoneyError

STUDIES_PATH: Final = "/api/v1/participant/studies/?sortBy=published_at&orderBy=asc"
DEFAULT_STUDY_PAGE_BASE: Final = "https://app.prolific.com/studies/"
MAX_PAGES: Final = 20
FALLBACK_WAIT: Final = timedelta(seconds=300)  # what Prolific's own extensions wait when told no time
_WAIT_IN_DETAIL = re.compile(r"available in ([0-9]{1,9}) seconds")
_WAIT_HEADER = re.compile(r"[0-9]{1,9}")
_URL_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")


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
        self._token_provider = token_provider
        self._session = session
        self._clock = clock
        self._study_page_base = study_page_base
        # Each study as last received, with the Task made of it: most studies come back unchanged, and
        # comparing two dicts costs a fraction of reading one again.
        self._last_seen: dict[str, tuple[dict[str, Any], Task]] = {}

    @property
    def account(self) -> AccountKey:
        return self._account

    def fetch_tasks(self) -> list[Task]:
        """Every page of open studies; one unreadable study fails the whole poll, so nothing is half-stored."""
        token = self._token_provider()
        if not token:
            raise AuthExpired(self._platform, "Not signed in to Prolific: add your access token")
        now = self._clock.now()
        seen: dict[str, tuple[dict[str, Any], Task]] = {}
        url = self._studies_url
        for _ in range(MAX_PAGES):
            page = self._fetch_page(url, token, now)
            for study in _results(page, self._platform):
                reading = self._read(study, now)
                seen.setdefault(reading[1].external_id, reading)  # a study that moved to the next page meanwhile
            next_url = self._next_url(page, url)
            if next_url is None:
                self._last_seen = seen
                return [task for _, task in seen.values()]
            url = next_url
        raise BadPayload(self._platform, f"Prolific's list of studies went on for more than {MAX_PAGES} pages")

    @property
    def _platform(self) -> str:
        return self._account.platform

    def _fetch_page(self, url: str, token: str, now: datetime) -> dict[str, Any]:
        response = get(self._session, url, platform=self._platform, headers={"Authorization": f"Bearer {token}"})
        status = response.status_code
        if status in (401, 403):
            raise AuthExpired(self._platform, "Prolific says the login has expired; sign in again")
        if status == 429:
            wait = _retry_wait(response)
            message = f"Prolific asked us to slow down; checking again in {wait.total_seconds():.0f} s"
            raise RateLimited(self._platform, message, retry_at=now + wait)
        if status >= 500:
            raise Unavailable(self._platform, f"Prolific is having trouble (HTTP {status}); trying again later")
        if not 200 <= status < 300:
            raise Unavailable(self._platform, f"Prolific refused the request (HTTP {status})")
        return json_object(response, self._platform)

    def _next_url(self, page: dict[str, Any], current: str) -> str | None:
        """The next page's address, which must be on the same server: the token goes nowhere else."""
        links = page.get("_links")
        following = links.get("next") if isinstance(links, dict) else None
        href = following.get("href") if isinstance(following, dict) else None
        if href is None or href == "":
            return None
        if not isinstance(href, str):
            raise BadPayload(self._platform, "Prolific's link to the next page is not an address")
        url = urljoin(current, href)
        if _origin(url) != _origin(self._studies_url):
            raise BadPayload(self._platform, "Prolific's link to the next page points to another server")
        return url

    def _read(self, study: object, now: datetime) -> tuple[dict[str, Any], Task]:
        """The study with its Task, reusing the last Task when the study came back exactly as before."""
        if not isinstance(study, dict):
            raise BadPayload(self._platform, "a study in Prolific's list is not an object")
        study_id = study.get("id")
        previous = self._last_seen.get(study_id) if isinstance(study_id, str) else None
        if previous is not None:
            if previous[0] == study:
                return previous
            if _without_places(previous[0]) == _without_places(study):
                # Only places were taken, the most common change by far: no need to read the rest again.
                return study, previous[1].with_places_left(_places_left(study))
        return study, self._task(study, now)

    def _task(self, study: dict[str, Any], now: datetime) -> Task:
        study_id = study.get("id")
        if not isinstance(study_id, str) or not study_id:
            raise BadPayload(self._platform, "a study in Prolific's list has no id")
        name = study.get("name")
        if not isinstance(name, str):
            raise BadPayload(self._platform, f"study {excerpt(study_id)} has no name")
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
            description=_text(study.get("description")),
            requester_id=_text(researcher.get("id")),
            requester_name=_text(researcher.get("name")),
            estimated_minutes=_count(study.get("estimated_completion_time")),
            places_left=_places_left(study),
            time_allowed_minutes=_count(study.get("maximum_allowed_time")),
            url=self._study_page_base + _url_path_part(study_id),
            devices=_texts(study.get("device_compatibility")),
            published_at=_moment(study.get("published_at")),
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
            problem = "no reward" if value is None else f"a reward of the wrong type: {excerpt(value)}"
            raise BadPayload(self._platform, f"study {excerpt(study_id)} has {problem}")
        try:
            return Money.parse(value, currency, unit="minor")
        except MoneyError as exc:
            raise BadPayload(
                self._platform, f"study {excerpt(study_id)} has an unreadable reward: {excerpt(str(exc))}"
            ) from exc


def _results(page: dict[str, Any], platform: str) -> list[Any]:
    results = page.get("results")
    if not isinstance(results, list):
        raise BadPayload(platform, "Prolific's answer has no list of studies")
    return results


def _retry_wait(response: requests.Response) -> timedelta:
    """How long Prolific wants us to wait: its error text first, then Retry-After, then a cautious default."""
    found = _WAIT_IN_DETAIL.search(_error_detail(response))
    if found:
        return timedelta(seconds=int(found[1]))
    header = response.headers.get("Retry-After", "").strip()
    if _WAIT_HEADER.fullmatch(header):
        return timedelta(seconds=int(header))
    return FALLBACK_WAIT


def _error_detail(response: requests.Response) -> str:
    try:
        body = response.json()
    except (ValueError, RecursionError):
        return ""
    error = body.get("error") if isinstance(body, dict) else None
    detail = error.get("detail") if isinstance(error, dict) else None
    return detail if isinstance(detail, str) else ""


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _url_path_part(study_id: str) -> str:
    """The id as one URL path segment; real ids are hex, so the costly quoting is for odd ones only."""
    return study_id if _URL_SAFE_ID.fullmatch(study_id) else quote(study_id, safe="")


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _texts(value: object) -> tuple[str, ...]:
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _without_places(study: dict[str, Any]) -> dict[str, Any]:
    return {**study, "places_taken": None, "total_available_places": None}


def _places_left(study: dict[str, Any]) -> int | None:
    total = _count(study.get("total_available_places"))
    return None if total is None else max(0, total - (_count(study.get("places_taken")) or 0))


def _moment(value: object) -> datetime | None:
    """A time from Prolific, in UTC; one without a zone is taken as UTC, an unreadable one as unknown."""
    if not isinstance(value, str):
        return None
    try:
        return parse_utc_iso(value)
    except ValueError:
        return None
