"""Toloka's worker web app: the task groups one signed-in worker can take right now, as the desk's tasks."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any, Final

import requests

from surveydesk.core.clock import Clock
from surveydesk.core.errors import (
    AuthExpired,
    BadPayload,
)
from surveydesk.core.model import AccountKey, Task
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.take import TakeResult, check_owner
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.addresses import origin
from surveydesk.net.http import get, json_or_none, path_part
from surveydesk.net.quoting import excerpt
from surveydesk.net.shapes import BOOLEAN, NULL, NUMBER, OBJECT, STRING, Part, Shape, expect, list_of
from surveydesk.net.status import raise_for_status
from surveydesk.platforms import fields
from surveydesk.platforms.client import AccountClient

GROUPS_PATH: Final = "/api/i-v2/task-suite-pool-groups"
TASK_PAGE_PATH: Final = "/task/"  # the web app's page of one pool, where the worker takes its tasks
DEFAULT_CURRENCY: Final = "USD"  # Toloka pays in dollars; a reply naming another currency is believed
DEFAULT_LANGUAGE: Final = "EN"
FALLBACK_WAIT: Final = timedelta(seconds=60)
SIGNED_OUT: Final = QT_TRANSLATE_NOOP("TolokaConnector", "Toloka signed you out: sign in to Toloka again")
OPENED_IN_TOLOKA: Final = QT_TRANSLATE_NOOP("TakeResult", "Opened in Toloka: take the task there.")
SENT_AWAY: Final = QT_TRANSLATE_NOOP(
    "TolokaConnector",
    "Toloka sent SurveyDesk to another server, as it does once you are signed out: sign in to Toloka again",
)
# Cookies the web app keeps its CSRF token in, most likely first: the reference names the first; the others
# are the names the same frameworks use elsewhere, so a renamed cookie does not sign the worker out.
CSRF_COOKIES: Final = ("toloka-csrftoken", "xsrf-token", "csrf-token", "csrftoken")
# Where the count of tasks left may be, on the pool or on the group: the field's name is a guess. A second
# spelling, "availableTasksCount", was read too until a search of public code and docs found it in no Toloka
# client, fixture or page (docs/platforms.md): it is no longer read.
_PLACES_FIELDS: Final = ("availableTasks",)
_LIVE: Final = 2 * len(_PLACES_FIELDS)  # the values `_live_values` gives: each field on the pool, then the group
# What a list of task groups is read for: whether the worker may take a group (`_offered`), and the values of
# the group and of its first pool its Task is made of (`_offer`). Only the title, description, hiding, pools'
# ids and rewards are evidenced (docs/platforms.md): the rest may be absent without a change to report.
_COUNT: Final = expect(NUMBER, NULL, required=False)
_TEXT: Final = expect(STRING, OBJECT, NULL)  # a text, or its translations {"EN": …, "RU": …}
POOL_SHAPE: Final = Shape(
    "TolokaPool",
    id=expect(NUMBER, STRING),
    reward=expect(STRING, NUMBER),
    currency=expect(STRING, NULL, required=False),
    assignmentMaxDurationSeconds=_COUNT,
    startedAt=expect(STRING, NULL, required=False),
    **dict.fromkeys(_PLACES_FIELDS, _COUNT),
)
GROUP_SHAPE: Final = Shape(
    "TolokaGroup",
    title=_TEXT,
    description=_TEXT,
    currency=expect(STRING, NULL, required=False),
    **dict.fromkeys(_PLACES_FIELDS, _COUNT),
    requesterInfo=expect(
        OBJECT, NULL, required=False,
        shape=Shape(
            "TolokaRequester",
            id=expect(STRING, NUMBER, NULL, required=False),
            name=expect(STRING, OBJECT, NULL, required=False),
        ),
    ),
    projectStats=expect(
        OBJECT, NULL, required=False, shape=Shape("TolokaProjectStats", averageSubmitTimeSec=_COUNT)
    ),
    availability=expect(
        OBJECT, NULL, required=False,
        shape=Shape("TolokaAvailability", available=expect(BOOLEAN, NULL, required=False)),
    ),
    projectMetaInfo=expect(OBJECT, shape=Shape("TolokaProjectMeta", ignored=expect(BOOLEAN, NULL))),
    pools=list_of(POOL_SHAPE),
)  # fmt: skip
GROUPS_REPLY: Final = list_of(GROUP_SHAPE)  # a JSON list, not an object
GROUPS_ENDPOINT: Final = f"GET {GROUPS_PATH}"
_COOKIE_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_COOKIE_VALUE = re.compile(r"[\x20-\x3a\x3c-\x7e]*")  # printable ASCII but ";": what a header can carry
_URL_SAFE_ID = re.compile(r"[A-Za-z0-9_-]+")


class TolokaConnector(AccountClient):
    """Lists the task groups open to one Toloka worker, signed in by the cookies of their web app.

    The cookie string is asked of `secret_provider` at every poll and kept nowhere, so a fresh paste takes
    effect at the next poll and neither the session nor the CSRF token reaches disk, a log or a message.
    `options["language"]` picks which translation of a localized text to show (English by default).
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
        self._language = self._option("language").upper() or DEFAULT_LANGUAGE
        # Each group's offer as last received, with the Task made of it: most groups come back unchanged.
        self._last_seen: dict[str, fields.Reading] = {}

    def take(self, task: Task) -> TakeResult:
        """The pool's page in the web app, to open in the browser, where the worker takes the task.

        Nothing is sent: the web app's own take (`POST /api/assignments`) needs a `refUuid` that its task page
        hands out, and whether those worker endpoints are still live is unknown.
        """
        check_owner(task, self._account)
        return TakeResult(opened_url=self._task_page(task.external_id), message=OPENED_IN_TOLOKA)

    def fetch_tasks(self) -> list[Task]:
        """Every open task group; one unreadable group fails the whole poll, so nothing is half-stored."""
        headers = self._headers(self._secret_provider())
        now = self._clock.now()
        seen: dict[str, fields.Reading] = {}
        body = self._fetch_groups(headers, now)
        with self._shapes.watching(self._platform, Part.TASKS, GROUPS_ENDPOINT, body, GROUPS_REPLY):
            if not isinstance(body, list):
                raise BadPayload(
                    self._platform,
                    QT_TRANSLATE_NOOP("TolokaConnector", "Toloka's answer is not a list of task groups"),
                )
            for group in body:
                reading = self._read(group, now)
                if reading is not None:
                    seen.setdefault(reading[1].external_id, reading)
        self._last_seen = seen
        return [task for _, task in seen.values()]

    def _headers(self, secret: str | None) -> dict[str, str]:
        return login_headers(secret, self._platform)

    def _fetch_groups(self, headers: dict[str, str], now: datetime) -> object:
        """The reply, once it is neither a refusal nor an error of Toloka's."""
        response = get(self._session, self._base_url + GROUPS_PATH, platform=self._platform, headers=headers)
        if origin(response.url) != origin(self._base_url):
            raise AuthExpired(self._platform, SENT_AWAY)
        body = json_or_none(response, GROUPS_REPLY.decoding)
        if isinstance(body, dict) and body.get("code") == "ACCESS_DENIED":
            raise AuthExpired(self._platform, SIGNED_OUT)
        raise_for_status(
            response, self._platform, "Toloka", now, login_refused=SIGNED_OUT, fallback_wait=FALLBACK_WAIT
        )
        if body is None:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("TolokaConnector", "Toloka answered with something that is not JSON"),
            )
        if isinstance(body, dict) and isinstance(body.get("code"), str):
            code = excerpt(body["code"], hide=_login_values(headers))
            problem = QT_TRANSLATE_NOOP(
                "TolokaConnector", "Toloka answered with error {0} instead of a list of task groups"
            ).filled(code)
            raise BadPayload(self._platform, problem)
        return body

    def _read(self, group: object, now: datetime) -> fields.Reading | None:
        """The group's offer with its Task (the last one when the offer came back as before); None for a group
        the worker cannot take or has hidden."""
        if not isinstance(group, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("TolokaConnector", "a task group in Toloka's list is not an object"),
            )
        if not _offered(group):
            return None
        pool = self._pool(group)
        pool_id = self._pool_id(pool)
        offer = _offer(group, pool, pool_id)
        previous = self._last_seen.get(pool_id)
        if previous is not None:
            again = (
                previous if previous[0] == offer else fields.refreshed(previous, offer, _LIVE, _with_tasks_left)
            )
            if again is not None:
                return again
        return offer, self._task(group, pool, pool_id, now)

    def _pool(self, group: dict[str, Any]) -> dict[str, Any]:
        """The group's first pool, the one its card in the web app opens (as Toloka's own extensions read)."""
        pools = group.get("pools")
        pool = pools[0] if isinstance(pools, list) and pools else None
        if not isinstance(pool, dict):
            title = excerpt(self._localized(group.get("title")))
            no_pool = QT_TRANSLATE_NOOP("TolokaConnector", "task group {0} has no pool to take tasks from")
            raise BadPayload(self._platform, no_pool.filled(title))
        return pool

    def _pool_id(self, pool: dict[str, Any]) -> str:
        pool_id = pool.get("id")
        if isinstance(pool_id, int) and not isinstance(pool_id, bool):
            return str(pool_id)
        if isinstance(pool_id, str) and pool_id:
            return pool_id
        raise BadPayload(self._platform, QT_TRANSLATE_NOOP("TolokaConnector", "a pool in Toloka's list has no id"))

    def _task(self, group: dict[str, Any], pool: dict[str, Any], pool_id: str, now: datetime) -> Task:
        title = self._localized(group.get("title"))
        if not title:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("TolokaConnector", "task group {0} has no title").filled(excerpt(pool_id)),
            )
        requester = group.get("requesterInfo")
        if not isinstance(requester, dict):
            requester = {}
        stats = group.get("projectStats")
        if not isinstance(stats, dict):
            stats = {}
        return Task(
            platform=self._account.platform,
            account=self._account.account,
            external_id=pool_id,
            title=title,
            reward=self._reward(group, pool, pool_id),
            first_seen=now,
            last_seen=now,
            description=self._localized(group.get("description")),
            requester_id=_identifier(requester.get("id")),
            requester_name=self._localized(requester.get("name")),
            estimated_minutes=_minutes(stats.get("averageSubmitTimeSec")),
            places_left=_places_left(group, pool),
            time_allowed_minutes=_minutes(pool.get("assignmentMaxDurationSeconds")),
            url=self._task_page(pool_id),
            published_at=fields.moment(pool.get("startedAt")),
        )

    def _task_page(self, pool_id: str) -> str:
        return f"{self._base_url}{TASK_PAGE_PATH}{path_part(pool_id, self._platform)}"

    def _reward(self, group: dict[str, Any], pool: dict[str, Any], pool_id: str) -> Money:
        """The pool's reward per task suite, a decimal string of dollars ("0.05"); a bare number is read too."""
        value = pool.get("reward")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            if value is None:
                problem = QT_TRANSLATE_NOOP("TolokaConnector", "task group {0} has no reward").filled(
                    excerpt(pool_id)
                )
            else:
                problem = QT_TRANSLATE_NOOP(
                    "TolokaConnector", "task group {0} has a reward of the wrong type: {1}"
                ).filled(excerpt(pool_id), excerpt(value))
            raise BadPayload(self._platform, problem)
        currency = pool.get("currency") or group.get("currency") or DEFAULT_CURRENCY
        try:
            return Money.parse(value, currency)
        except MoneyError as exc:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("TolokaConnector", "task group {0} has an unreadable reward: {1}").filled(
                    excerpt(pool_id), excerpt(str(exc))
                ),
            ) from exc

    def _localized(self, value: object) -> str:
        """A text, or the worker's translation of one given as `{"EN": ..., "RU": ...}` (as requester names
        are), else English, else the first there is."""
        if isinstance(value, str):
            return value
        if not isinstance(value, dict):
            return ""
        texts = [
            text for text in (value.get(self._language), value.get(DEFAULT_LANGUAGE)) if isinstance(text, str)
        ]
        texts += [text for text in value.values() if isinstance(text, str)]
        return texts[0] if texts else ""


def login_headers(secret: str | None, platform: str) -> dict[str, str]:
    """The cookies as the web app sends them, with the CSRF token they carry as its header."""
    if not secret or not secret.strip():
        raise AuthExpired(
            platform,
            QT_TRANSLATE_NOOP("TolokaConnector", "Not signed in to Toloka: sign in from Accounts"),
        )
    cookies = _cookies(secret)
    if cookies is None:
        raise AuthExpired(
            platform,
            QT_TRANSLATE_NOOP(
                "TolokaConnector", "SurveyDesk cannot read your saved Toloka sign-in: sign in to Toloka again"
            ),
        )
    headers = {
        "Cookie": "; ".join(f"{name}={value}" for name, value in cookies),
        "X-Requested-With": "XMLHttpRequest",
    }
    token = _csrf_token(cookies)
    if token:
        headers["X-CSRF-Token"] = token
    return headers


def _cookies(secret: str) -> list[tuple[str, str]] | None:
    """The name=value pairs of a pasted cookie string (a leading `Cookie:` is allowed); None when any part
    is not a cookie, since sending half of what the worker meant would only fail later and less clearly."""
    text = secret.strip()
    if text[:7].lower() == "cookie:":
        text = text[7:]
    cookies = []
    for piece in text.split(";"):
        if not piece.strip():
            continue  # the empty piece after a trailing ";"
        name, equals, value = piece.strip().partition("=")
        if not equals or not _COOKIE_NAME.fullmatch(name.strip()) or not _COOKIE_VALUE.fullmatch(value):
            return None
        cookies.append((name.strip(), value.strip()))
    return cookies or None


def _csrf_token(cookies: list[tuple[str, str]]) -> str:
    values = {name.lower(): value for name, value in cookies}
    return next((values[name] for name in CSRF_COOKIES if values.get(name)), "")


def _offered(group: dict[str, Any]) -> bool:
    """False for a group the web app lists but would not give tasks from, or one the worker chose to hide."""
    availability = group.get("availability")
    if isinstance(availability, dict) and availability.get("available") is False:
        return False
    meta = group.get("projectMetaInfo")
    return not (isinstance(meta, dict) and meta.get("ignored") is True)


def _places_left(group: dict[str, Any], pool: dict[str, Any]) -> int | None:
    return _places_from(_live_values(group, pool))


def _live_values(group: dict[str, Any], pool: dict[str, Any]) -> tuple[object, ...]:
    """Where the count of tasks left may be, most likely first (`_LIVE` values)."""
    return (*map(pool.get, _PLACES_FIELDS), *map(group.get, _PLACES_FIELDS))


def _places_from(counts: tuple[object, ...]) -> int | None:
    for count in counts:
        if type(count) is int:  # bool is not one here
            return max(0, count)
    return None


def _with_tasks_left(offer: tuple[object, ...], last: fields.Reading) -> fields.Reading:
    """The last reading with the count of tasks left in `offer` (its last `_LIVE` values)."""
    return offer, last[1].with_places_left(_places_from(offer[-_LIVE:]))


def _offer(group: dict[str, Any], pool: dict[str, Any], pool_id: str) -> tuple[object, ...]:
    """The values of a group (and its first pool) that its Task is made of, what `_task` and `_reward` read:
    the pool's id first, the counts of tasks left (`_LIVE` values) last."""
    requester = group.get("requesterInfo")
    stats = group.get("projectStats")
    return (
        pool_id,
        group.get("title"),
        group.get("description"),
        group.get("currency"),
        requester.get("id") if isinstance(requester, dict) else None,
        requester.get("name") if isinstance(requester, dict) else None,
        stats.get("averageSubmitTimeSec") if isinstance(stats, dict) else None,
        pool.get("reward"),
        pool.get("currency"),
        pool.get("assignmentMaxDurationSeconds"),
        pool.get("startedAt"),
        *_live_values(group, pool),
    )


def _minutes(seconds: object) -> int | None:
    """Whole minutes, rounded half up and at least one, of a positive count of seconds."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 < seconds < 10**9:
        return None
    return max(1, int((seconds + 30) // 60))


def _identifier(value: object) -> str:
    if isinstance(value, bool):
        return ""
    return str(value) if isinstance(value, (str, int)) else ""


def _login_values(headers: Mapping[str, str]) -> list[str]:
    """Every piece of the login a server could echo back: the headers sent and each cookie's value."""
    cookie = headers.get("Cookie", "")
    values = [part.split("=", 1)[1].strip() for part in cookie.split(";") if "=" in part]
    return [*headers.values(), *values]
