"""Hostile replies for every connector: each ends in a typed error or in clean tasks, never in a crash.

Each platform's connector is pointed at a loopback server (`tests/hostile_server.py`) that answers what the
test scripts: every kind of refusal, garbage, bodies too big, cut off or never sent, and valid-looking replies
with one field made hostile at a time (a wrong type, a missing field, an absurd number, a hostile text). The
poll runs as the poller runs it, `checked_tasks(platform, connector.fetch_tasks())`, and its outcome must be a
`PlatformError` (of the exact class where one is obvious) or tasks fit to store and show. Anything else
raised is a bug in the connector or in the last check, and fails the test with its traceback.

Every message must keep the account's secret out, and every request must carry it only where the platform
expects it. At the end, the real `Poller` shows that one platform's hostile replies neither stop the others
nor lose what was stored before.
"""

from __future__ import annotations

import base64
import copy
import gzip
import json
import os
import re
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, Inexact, Overflow, Underflow
from functools import cache
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

import msgspec
import pytest
import requests

from surveydesk.core.clock import SystemClock
from surveydesk.core.connector import Connector
from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError, RateLimited, Unavailable
from surveydesk.core.model import Account, AccountKey, PollState, Task
from surveydesk.core.politeness import Politeness
from surveydesk.core.sanitize import (
    DESCRIPTION_LIMIT,
    MAX_COUNT,
    MAX_REWARD_MINOR,
    NAME_LIMIT,
    TITLE_LIMIT,
    URL_LIMIT,
    checked_tasks,
)
from surveydesk.net import http
from surveydesk.net.http import USER_AGENT, make_session
from surveydesk.platforms.cpx.tasks import secure_hash
from surveydesk.platforms.registry import BUILT_IN
from tests.conftest import DEMO, add_demo_account
from tests.factories import FixedClock
from tests.hostile_server import JSON, Action, HostileServer, Reply, Reset, Stall, Stream, Trickle
from tests.locations import ROOT

NOW: Final = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
SHORT_TIMEOUT: Final = (1.0, 1.0)  # seconds to connect, seconds between bytes: a stalled reply fails fast
SHORT_DEADLINE: Final = 2.0  # seconds for a whole exchange: a trickled reply fails fast too
HTML: Final = (("Content-Type", "text/html; charset=utf-8"),)
JSON_UTF8: Final = (("Content-Type", "application/json; charset=utf-8"),)
# Plausible values for the platforms' account settings; every required one must be here.
OPTION_VALUES: Final = {
    "user_id": "worker-4711",
    "app_id": "1234",
    "ext_user_id": "worker-4711",
    "currency": "USD",
    "language": "EN",
    "min_reward": "0.10",
}

Path_ = tuple[str | int, ...]


# --------------------------------------------------------------------------------------------------------------
# A session that gives up fast


class ShortTimeoutSession(requests.Session):
    """A connector's session whose every request gives up after `SHORT_TIMEOUT`, whatever the caller asks."""

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs["timeout"] = SHORT_TIMEOUT
        return super().request(method, url, *args, **kwargs)


def short_session() -> ShortTimeoutSession:
    """`make_session()`'s headers and adapters (retries, a deadline) on a session that gives up fast; loopback."""
    made = make_session(USER_AGENT, deadline=SHORT_DEADLINE)
    session = ShortTimeoutSession()
    session.headers, session.auth = made.headers, made.auth
    for prefix, adapter in made.adapters.items():
        session.mount(prefix, adapter)
    session.trust_env = False
    return session


# --------------------------------------------------------------------------------------------------------------
# JSON with parts no `json.dumps` writes


@dataclass(frozen=True, slots=True)
class Raw:
    """JSON text put into a body as it is: NaN, a 5,000-digit number, invalid UTF-8, a lone surrogate."""

    text: bytes


def encode(body: object) -> bytes:
    """The body as UTF-8 JSON, each `Raw` part written verbatim."""
    raws: list[bytes] = []

    def placeholders(value: object) -> object:
        if isinstance(value, Raw):
            raws.append(value.text)
            return f"@@RAW{len(raws) - 1}@@"
        if isinstance(value, dict):
            return {key: placeholders(child) for key, child in value.items()}
        if isinstance(value, list):
            return [placeholders(child) for child in value]
        return value

    text = json.dumps(placeholders(body), ensure_ascii=False).encode()
    for number, raw in enumerate(raws):
        text = text.replace(f'"@@RAW{number}@@"'.encode(), raw)
    return text


def nodes(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, object]]:
    """Every field and list entry below `value`, depth first, with its path."""
    children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in children:
        yield (*path, key), child
        yield from nodes(child, (*path, key))


def put(body: object, path: Path_, value: object) -> Any:
    """A deep copy of `body` with `value` at `path`."""
    changed = copy.deepcopy(body)
    holder: Any = changed
    for key in path[:-1]:
        holder = holder[key]
    holder[path[-1]] = value
    return changed


def drop(body: object, path: Path_) -> Any:
    """A deep copy of `body` without the field at `path`."""
    changed = copy.deepcopy(body)
    holder: Any = changed
    for key in path[:-1]:
        holder = holder[key]
    del holder[path[-1]]
    return changed


def get(body: object, path: Path_) -> Any:
    value: Any = body
    for key in path:
        value = value[key]
    return value


def label(path: Path_) -> str:
    """`pools[0].reward` for ("pools", 0, "reward")."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else f".{key}"
    return text.lstrip(".")


# --------------------------------------------------------------------------------------------------------------
# The platforms: an account with a canary secret, and a valid reply to make hostile one field at a time


@dataclass(frozen=True)
class Sample:
    """One platform as the tests see it.

    `body` is a valid reply holding one item, taken from the demo exchange's replies (themselves modelled on the
    platform's); `items` is where its list of items is; the other paths are of fields inside an item.
    `routes` says, for each piece of the secret, which request headers may carry it ("target" for the URL).
    """

    platform: str
    secret: str
    routes: Mapping[str, frozenset[str]]
    body: Any
    items: Path_
    id_field: Path_
    reward: Path_
    reward_unit: str  # "major" or "minor"
    currency: str
    texts: tuple[Path_, ...]  # fields whose text reaches the worker's screen
    urls: tuple[Path_, ...] = ()
    dates: tuple[Path_, ...] = ()

    @property
    def item(self) -> dict[str, Any]:
        item: dict[str, Any] = get(self.body, (*self.items, 0))
        return item

    @property
    def item_id(self) -> str:
        return str(get(self.item, self.id_field))

    def at(self, path: Path_) -> Path_:
        """The path in the body of a field of the item."""
        return (*self.items, 0, *path)

    def with_field(self, path: Path_, value: object) -> Any:
        return put(self.body, self.at(path), value)

    def with_items(self, items: list[Any]) -> Any:
        return put(self.body, self.items, items) if self.items else items

    def name_of(self, path: Path_) -> str:
        """A body path as a test id: relative to the item inside it, else `reply.<path>`."""
        inside = (*self.items, 0)
        if path[: len(inside)] == inside:
            return label(path[len(inside) :]) or "item"
        return "reply." + label(path)

    @property
    def options(self) -> dict[str, str]:
        spec = BUILT_IN.spec(self.platform)
        options = {option.key: OPTION_VALUES.get(option.key, option.default) for option in spec.options}
        assert all(options[option.key] for option in spec.options if option.required)
        return options

    def account(self, base_url: str) -> Account:
        return Account(AccountKey(self.platform, "hostile"), "Hostile", base_url, options=self.options)


PROLIFIC_STUDY: Final = {
    "id": "ac0ae4e2f729b4c8420b0ebe",
    "name": "Phone habits in the UK",
    "study_type": "SINGLE",
    "date_created": "2025-03-24T13:17:14.917414Z",
    "published_at": "2025-03-25T08:54:01.754122Z",
    "total_available_places": 50,
    "places_taken": 32,
    "submissions_config": {"max_submissions_per_participant": 1},
    "study_reward": {"amount": 259, "currency": "GBP"},
    "study_average_reward_per_hour": {"amount": 1036, "currency": "GBP"},
    "researcher": {"id": "b804d8209841811779061596", "name": "Équipe Perception, Université de Lorvain"},
    "description": "You will write two short texts of about 150 words each. Please write in your own words.",
    "estimated_completion_time": 15,
    "device_compatibility": ["desktop", "tablet"],
    "peripheral_requirements": [],
    "maximum_allowed_time": 45,
    "average_completion_time_in_seconds": 630,
    "is_confidential": False,
    "is_ongoing_study": False,
    "submission_started_at": None,
    "study_labels": ["writing_task"],
    "previous_submission_count": 0,
}
PROLIFIC_REPLY: Final = {
    "results": [PROLIFIC_STUDY],
    "_links": {
        "self": {"href": "https://internal-api.prolific.com/api/v1/participant/studies/", "title": "Current"},
        "next": {"href": None, "title": "Next"},
        "previous": {"href": None, "title": "Previous"},
    },
    "meta": {"count": 1},
}
MTURK_PROJECT: Final = {
    "hit_set_id": "3DYSZKHHDFN59OPBXTZSL4EKR7IDEL",
    "requester_id": "A2Z6XEUMSFTEEA",
    "requester_name": "Prof. Daniel Okafor",
    "title": "Judge short video clips about cooking at home",
    "description": "You will see 20 items and rate each of them on a simple scale.",
    "assignment_duration_in_seconds": 1260,
    "creation_time": "2025-03-25T08:59:45.459Z",
    "assignable_hits_count": 46,
    "latest_expiration_time": "2025-04-01T08:59:45.459Z",
    "caller_meets_requirements": True,
    "last_updated_time": "2025-03-25T08:59:45.459Z",
    "monetary_reward": {"currency_code": "USD", "amount_in_dollars": 1.65},
    "requester_url": "/requesters/A2Z6XEUMSFTEEA/projects.json",
    "project_tasks_url": "/projects/3DYSZKHHDFN59OPBXTZSL4EKR7IDEL/tasks.json",
    "project_requirements": [
        {
            "qualification_type_id": "00000000000000000071",
            "comparator": "EqualTo",
            "qualification_values": [{"country": "US", "subdivision": None}],
            "caller_meets_requirement": True,
            "qualification_type": {"qualification_type_id": "00000000000000000071", "name": "Location"},
        }
    ],
}
MTURK_REPLY: Final = {"page_number": 1, "num_results": 1, "total_num_results": 1, "results": [MTURK_PROJECT]}
BITLABS_SURVEY: Final = {
    "id": "426cd64a-e3ac-57a9-a0bf-330e12b7bfee",
    "type": "survey",
    "click_url": "https://api.bitlabs.ai/v2/client/clicks?i=426cd64a&s=1977491a",
    "cpi": "3.70",
    "value": "222",  # the rewards site's points; the reward is `cpi` until the worker gives their worth
    "loi": 28.5,
    "country": "GB",
    "rating": 2,
    "cr": 0.75,
    "category": {"name": "Society", "icon_url": "https://api.bitlabs.ai/categories/society.svg"},
    "tags": ["pii"],
    "restriction_reason": {"not_verified": False, "using_vpn": False, "banned_until": None, "reason": None},
}
BITLABS_REPLY: Final = {
    "data": {"restriction_reason": None, "surveys": [BITLABS_SURVEY]},
    "error": None,
    "status": "success",
    "trace_id": "5f0c2b7a",
}
CPX_SURVEY: Final = {
    "id": "3570952058",
    "loi": 14,
    "payout": "1.85",
    "conversion_rate": "50.00",
    "score": "15.8600",
    "statistics_rating_count": "26",
    "type": "need_qualification",
    "top": 0,
    "details": 0,
    "payout_publisher_usd": "3.70",
    "href": "https://live-api.cpx-research.com/click?k=3570952058&subid_1=&subid_2=",
    "href_new": "https://live-api.cpx-research.com/click-new?k=3570952058",
}
CPX_REPLY: Final = {
    "status": "success",
    "count_available_surveys": 12,
    "count_returned_surveys": 1,
    "surveys": [CPX_SURVEY],
}
TOLOKA_GROUP: Final = {
    "projectId": 1552984408,
    "title": "Investment decisions in 40 rounds",
    "description": "You will make a series of choices; some of them may earn you a small bonus.",
    "projectMetaInfo": {"ignored": False},
    "availability": {"available": True},
    "hasInstructions": True,
    "requesterInfo": {"id": "2e44158bae97ba94d0eda82f", "name": {"EN": "Cognitive Ageing Lab"}, "trusted": False},
    "projectStats": {"averageSubmitTimeSec": 431},
    "pools": [
        {
            "id": 210124580743,
            "reward": "1.20",
            "activeAssignments": None,
            "assignmentMaxDurationSeconds": 1440,
            "startedAt": "2025-03-25T08:57:29.864",
            "availableTasks": 213,
        }
    ],
}

CPX_USER: Final = OPTION_VALUES["ext_user_id"]

SAMPLES: Final = (
    Sample(
        "prolific",
        secret="CANARY-prolific-SECRET",
        routes={"CANARY-prolific-SECRET": frozenset({"authorization"})},
        body=PROLIFIC_REPLY,
        items=("results",),
        id_field=("id",),
        reward=("study_reward", "amount"),
        reward_unit="minor",
        currency="GBP",
        texts=(
            ("name",),
            ("description",),
            ("researcher", "name"),
            ("researcher", "id"),
            ("id",),
            ("device_compatibility", 0),
        ),
        dates=(("published_at",),),
    ),
    Sample(
        "mturk",
        secret="session-token=CANARY-mturk-SECRET",
        routes={"CANARY-mturk-SECRET": frozenset({"cookie"})},
        body=MTURK_REPLY,
        items=("results",),
        id_field=("hit_set_id",),
        reward=("monetary_reward", "amount_in_dollars"),
        reward_unit="major",
        currency="USD",
        texts=(("title",), ("description",), ("requester_name",), ("requester_id",), ("hit_set_id",)),
        urls=(("project_tasks_url",),),
        dates=(("creation_time",),),
    ),
    Sample(
        "bitlabs",
        secret="CANARY-bitlabs-SECRET",
        routes={"CANARY-bitlabs-SECRET": frozenset({"x-api-token"})},
        body=BITLABS_REPLY,
        items=("data", "surveys"),
        id_field=("id",),
        reward=("cpi",),
        reward_unit="major",
        currency="USD",
        texts=(("type",), ("category", "name"), ("id",)),
        urls=(("click_url",),),
    ),
    Sample(
        "cpx",
        secret="CANARY-cpx-SECRET",
        # The key itself never leaves the desk; only its hash goes to CPX, in the query string.
        routes={
            "CANARY-cpx-SECRET": frozenset(),
            secure_hash(CPX_USER, "CANARY-cpx-SECRET"): frozenset({"target"}),
        },
        body=CPX_REPLY,
        items=("surveys",),
        id_field=("id",),
        reward=("payout",),
        reward_unit="major",
        currency="USD",
        texts=(("type",), ("id",)),
        urls=(("href",), ("href_new",)),
    ),
    Sample(
        "toloka",
        secret="toloka-csrftoken=CANARY-toloka-CSRF; session_id=CANARY-toloka-SECRET",
        routes={
            "CANARY-toloka-SECRET": frozenset({"cookie"}),
            "CANARY-toloka-CSRF": frozenset({"cookie", "x-csrf-token"}),
        },
        body=[TOLOKA_GROUP],
        items=(),
        id_field=("pools", 0, "id"),
        reward=("pools", 0, "reward"),
        reward_unit="major",
        currency="USD",
        texts=(
            ("title",),
            ("description",),
            ("requesterInfo", "name", "EN"),
            ("requesterInfo", "id"),
            ("pools", 0, "id"),
        ),
        dates=(("pools", 0, "startedAt"),),
    ),
)
SAMPLE_OF: Final = {sample.platform: sample for sample in SAMPLES}


def test_every_platform_has_a_sample() -> None:
    assert set(SAMPLE_OF) == {spec.platform for spec in BUILT_IN}


# --------------------------------------------------------------------------------------------------------------
# Polling once, and judging the outcome


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


ConnectorMaker = Callable[..., Connector]


@pytest.fixture
def connect() -> Iterator[ConnectorMaker]:
    """Builds a fresh connector of a sample's platform (CPX refreshes once in 120 s) on a fast-failing session."""
    sessions: list[requests.Session] = []

    def build(sample: Sample, base_url: str, clock: FixedClock | None = None) -> Connector:
        session = short_session()
        sessions.append(session)
        spec = BUILT_IN.spec(sample.platform)
        return spec.connector(sample.account(base_url), lambda: sample.secret, session, clock or FixedClock(NOW))

    yield build
    for session in sessions:
        session.close()


def poll(connector: Connector) -> list[Task] | PlatformError:
    """One poll as the poller makes it: a platform's trouble is returned; anything else raised is a bug."""
    try:
        return checked_tasks(connector.account.platform, connector.fetch_tasks())
    except PlatformError as error:
        return error


# Characters no shown text may keep: C0 controls but tab and newline, DEL, C1 controls, every Bidi_Control
# character (ALM, LRM, RLM, the embeddings, overrides and isolates) and the BOM.
UNSAFE: Final = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
LINE_BREAKS: Final = re.compile("[\n\r\t\x0b\x0c\x85\u2028\u2029]")
SURROGATES: Final = re.compile("[\ud800-\udfff]")  # half a UTF-16 pair: SQLite cannot store it


def assert_clean_text(what: str, text: str, limit: int | None, *, one_line: bool = True) -> None:
    assert isinstance(text, str), f"{what} is a {type(text).__name__}"
    assert not UNSAFE.search(text), f"{what} keeps a control or bidi character: {text[:80]!r}"
    assert not (one_line and LINE_BREAKS.search(text)), f"{what} keeps a line break: {text[:80]!r}"
    if limit is not None:
        assert len(text) <= limit, f"{what} has {len(text)} characters, more than {limit}"
    assert not SURROGATES.search(text), (
        f"{what} holds a lone surrogate, which no UTF-8 store can keep: {text[:80]!r}"
    )


def assert_count(what: str, count: object) -> None:
    assert count is None or (type(count) is int and 0 <= count <= MAX_COUNT), f"{what} is {count!r}"


def assert_clean(sample: Sample, tasks: list[Task]) -> None:
    """Tasks fit to store and show: this platform's, one per id, clean texts, exact money, sane numbers."""
    ids = [task.external_id for task in tasks]
    assert len(ids) == len(set(ids)), f"ids repeat: {ids}"
    for task in tasks:
        assert isinstance(task, Task)
        assert (task.platform, task.account) == (sample.platform, "hostile")
        assert task.external_id, "a task without an id"
        assert_clean_text("the id", task.external_id, NAME_LIMIT)
        assert_clean_text("the title", task.title, TITLE_LIMIT)
        assert_clean_text("the requester's name", task.requester_name, NAME_LIMIT)
        assert_clean_text("the requester's id", task.requester_id, NAME_LIMIT)
        assert_clean_text("the description", task.description, DESCRIPTION_LIMIT, one_line=False)
        for device in task.devices:
            assert_clean_text("a device", device, None)
        assert_clean_text("the link", task.url, URL_LIMIT)
        if task.url:
            parts = urlsplit(task.url)
            assert parts.scheme in ("http", "https") and parts.netloc, f"the link {task.url[:80]!r}"
            assert not re.search(r"\s", task.url), f"the link {task.url[:80]!r} holds blanks"
        assert type(task.reward.minor) is int
        assert 0 <= task.reward.minor <= MAX_REWARD_MINOR, f"the reward is {task.reward.minor} minor units"
        assert re.fullmatch("[A-Z]{3}", task.reward.currency), f"the currency is {task.reward.currency!r}"
        assert_count("the estimated minutes", task.estimated_minutes)
        assert_count("the places left", task.places_left)
        assert_count("the minutes allowed", task.time_allowed_minutes)
        assert task.first_seen == task.last_seen == NOW
        if task.published_at is not None:
            assert task.published_at.utcoffset() == timedelta(0), f"published at {task.published_at!r}"


def assert_calm(sample: Sample, error: PlatformError) -> None:
    """A typed error of this platform, in words, without any piece of the secret."""
    assert error.platform == sample.platform
    assert error.message.strip()
    for piece in (sample.secret, *sample.routes):
        assert piece not in str(error), f"the message shows a secret: {error}"
        assert piece not in error.message


def assert_secrets_went_only_where_expected(sample: Sample, server: HostileServer) -> None:
    for request in server.requests:
        for piece, allowed in sample.routes.items():
            if "target" not in allowed:
                assert piece not in request.target, f"a secret went in the URL {request.target[:80]!r}"
            for name, value in request.headers.items():
                assert piece not in value or name in allowed, f"a secret went in the {name!r} header"


# --------------------------------------------------------------------------------------------------------------
# The hostile replies


ANY: Final = "typed error or clean tasks"
TASKS: Final = "clean tasks"


@dataclass(frozen=True)
class Case:
    """Replies to script, and what the poll must end in: an exact error class, `TASKS`, or `ANY`.

    `money` is the exact reward the sample's item must have when the poll gives tasks (None: it must not)."""

    name: str
    replies: tuple[Action, ...]
    expected: type[PlatformError] | str = ANY
    retry_after: timedelta | None = None  # for RateLimited: exactly this long after NOW
    money: tuple[int, str] | bool | None = False  # False: not a reward case
    unique: bool = False  # several items share one id: exactly one task must come of them


def reply(body: object, headers: tuple[tuple[str, str], ...] = JSON) -> Reply:
    return Reply(200, encode(body), headers)


SIGN_IN_PAGE: Final = (
    b"<!doctype html><html><head><title>Amazon Sign-In</title></head><body>"
    b'<form name="signIn" method="post" action="https://www.amazon.com/ap/signin?'
    b'openid.assoc_handle=amzn_mturk_worker&amp;openid.mode=checkid_setup">'
    b'<input type="email" name="email"><input type="password" name="password"></form></body></html>'
)
THROTTLED: Final = b'{"error": {"detail": "Request was throttled. Expected available in 90 seconds."}}'


@cache
def gzip_bomb() -> bytes:
    """50 MB of zeros, gzipped to some 50 kB."""
    return gzip.compress(b"\0" * (50 * 1024 * 1024), compresslevel=9)


def transport_cases(sample: Sample) -> list[Case]:
    """What any server may do to any request: refusals, garbage, too much, too little, nothing at all."""
    valid = reply(sample.body)
    platform = sample.platform
    return [
        Case("malformed-json", (Reply(200, b'{"results": [{"id": "abc", "name": '),), BadPayload),
        # A sign-in page in place of the data: the platform signed the worker out (net/status.py).
        Case("html-login-page-200", (Reply(200, SIGN_IN_PAGE, HTML),), AuthExpired),
        Case("empty-body", (Reply(200, b""),), BadPayload),
        Case("http-204-no-content", (Reply(204, b"", (), length=False),), BadPayload),
        Case("json-null", (Reply(200, b"null"),), BadPayload),
        Case("json-string", (Reply(200, b'"ok"'),), BadPayload),
        Case("json-number", (Reply(200, b"42"),), BadPayload),
        Case("json-empty-object", (Reply(200, b"{}"),), BadPayload),
        Case("json-empty-array", (Reply(200, b"[]"),), TASKS if platform == "toloka" else BadPayload),
        Case("deep-nesting", (Reply(200, b"[" * 100_000),), BadPayload),
        Case("http-401", (Reply(401, b'{"detail": "Invalid token."}'),), AuthExpired),
        Case("http-403", (Reply(403, b"<html>Forbidden</html>", HTML),), AuthExpired),
        Case("http-404", (Reply(404, b"<html>Not found</html>", HTML),), Unavailable),
        Case(
            "http-429-with-hint",
            (Reply(429, THROTTLED, (*JSON, ("Retry-After", "90"))),),
            RateLimited,
            retry_after=timedelta(seconds=90),
        ),
        Case("http-429-without-hint", (Reply(429, b""),), RateLimited),
        Case(
            "http-429-with-a-date-as-hint",
            (Reply(429, b"", (("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"),)),),
            RateLimited,
        ),
        Case("http-429-with-a-negative-hint", (Reply(429, b"", (("Retry-After", "-30"),)),), RateLimited),
        Case("http-500", (Reply(500, b"<html>Internal Server Error</html>", HTML),), Unavailable),
        Case("http-502", (Reply(502, b"<html>Bad Gateway</html>", HTML),), Unavailable),
        Case("http-503", (Reply(503, b'{"detail": "maintenance"}', (*JSON, ("Retry-After", "60"))),), Unavailable),
        Case("http-999", (Reply(999, b"{}"),), Unavailable),
        Case("no-answer", (Stall(),), Unavailable),
        Case("trickled-answer", (Trickle(valid),), Unavailable),  # each byte in time, the whole never
        Case("50mb-body", (Stream(),), BadPayload),
        Case("50mb-body-without-length", (Stream(declared=False),), BadPayload),
        Case("gzip-bomb", (Reply(200, gzip_bomb(), (*JSON, ("Content-Encoding", "gzip"))),), BadPayload),
        Case("reset-half-way", (Reset(valid),), Unavailable),
        Case("reset-before-any-reply", (Reset(at_once=True),), Unavailable),
        Case("redirect-loop", (Reply(302, b"", (("Location", "/loop"),)),), Unavailable),
    ]


WRONG_TYPES: Final[dict[str, object]] = {
    "null": None,
    "bool": True,
    "number": 7,
    "string": "x",
    "list": ["x"],
    "object": {"x": 1},
}


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "list" if isinstance(value, list) else "object"


def shape_cases(sample: Sample) -> list[Case]:
    """Every field of the reply (the item's and the envelope's) given each wrong type, and taken away."""
    cases = []
    for path, value in nodes(sample.body):
        name = sample.name_of(path)
        for kind, wrong in WRONG_TYPES.items():
            if kind != kind_of(value):
                cases.append(Case(f"{kind}-for-{name}", (reply(put(sample.body, path, wrong)),)))
        if isinstance(path[-1], str):
            cases.append(Case(f"missing-{name}", (reply(drop(sample.body, path)),)))
    return cases


# Amounts as the reply writes them, with their value in the reply's unit (None: not a number at all).
REWARDS: Final[dict[str, tuple[bytes, Decimal | None]]] = {
    "negative": (b"-1", Decimal(-1)),
    "negative-string": (b'"-2.50"', Decimal("-2.50")),
    "negative-zero": (b"-0.0", Decimal(0)),
    "huge": (b"1e12", Decimal("1e12")),
    "huge-integer": (b"1" + b"0" * 30, Decimal("1e30")),
    "5000-digit": (b"9" * 5000, Decimal("9" * 5000)),
    "nan": (b"NaN", None),
    "nan-string": (b'"NaN"', None),
    "signalling-nan-string": (b'"sNaN"', None),
    "infinity": (b"Infinity", None),
    "minus-infinity-string": (b'"-Infinity"', None),
    "exponent": (b"1e1", Decimal(10)),
    "exponent-string": (b'"2.5E+1"', Decimal(25)),
    "exponent-fraction": (b'"5e-2"', Decimal("0.05")),
    "exponent-too-fine": (b'"1e-5"', Decimal("1e-5")),
    "exponent-tiny": (b'"1e-999999999"', Decimal("1e-999999999")),
    "hex-string": (b'"0x10"', None),
    "thousands-separator": (b'"1,000.00"', None),
    "currency-symbol": (b'"$1.00"', None),
}
# Amounts whose exact integer would take hours to compute or more memory than there is: polled in a child
# process with a deadline (below), so a hang fails its own test instead of freezing the whole run.
ABSURD_REWARDS: Final[dict[str, bytes]] = {
    "exponent-overflow": b'"1e999999999"',
    "exponent-huge": b'"1e999990"',
}


def exact_money(sample: Sample, amount: Decimal | None) -> tuple[int, str] | None:
    """The reward the amount must become, in minor units; None when it must be refused."""
    if amount is None or amount.adjusted() > 50:
        return None
    # Exact arithmetic: no rounding, and exponents as far as Decimal goes (1e-999999999 is not zero).
    exact = Context(prec=10_000, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[Inexact, Overflow, Underflow])
    minor = amount if sample.reward_unit == "minor" else amount.scaleb(2, context=exact)
    if minor != minor.to_integral_value(context=exact) or not 0 <= minor <= MAX_REWARD_MINOR:
        return None
    return int(minor), sample.currency


def reward_cases(sample: Sample) -> list[Case]:
    return [
        Case(
            f"{name}-reward",
            (reply(sample.with_field(sample.reward, Raw(raw))),),
            money=exact_money(sample, amount),
        )
        for name, (raw, amount) in REWARDS.items()
    ]


NUMBERS: Final[dict[str, bytes]] = {
    "negative": b"-1",
    "huge": b"1" + b"0" * 400,
    "nan": b"NaN",
    "infinity": b"Infinity",
    "exponent": b"1e3",
}


def number_cases(sample: Sample) -> list[Case]:
    """Every number of the reply but the reward (which has cases of its own) made absurd."""
    reward = sample.at(sample.reward)
    cases = []
    for path, value in nodes(sample.body):
        if kind_of(value) == "number" and path != reward:
            for kind, raw in NUMBERS.items():
                cases.append(
                    Case(f"{kind}-number-in-{sample.name_of(path)}", (reply(put(sample.body, path, Raw(raw))),))
                )
    return cases


TEXTS: Final[dict[str, object]] = {
    "html-js": '<script>alert(document.cookie)</script><img src=x onerror="alert(1)"><b>Survey</b>',
    "csv-formula": "=cmd|' /C calc'!A0",
    "csv-formula-hyperlink": '@SUM(1+1)*cmd|" /C calc"!A0;=HYPERLINK("http://127.0.0.1/x","click")',
    "rtl-override": "Survey \u202eexe.pdf\u202c about \u2067isolated\u2069 and \u202bembedded\u202c text",
    "rtl-marks": "\u200fSurvey\u200e with \u061cmarks\u200f",
    "control-characters": "Survey\x00\x07\x1b[31m red\r\n\tnext\x7f\x85\x9b\u2028\u2029\ufeffend",
    "10000-characters": "A" * 10_000,
    "10000-emoji": "\U0001f600" * 10_000,
    "invalid-utf8": Raw(b'"Survey \xff\xfe\xc3\x28 \xed\xa0\x80 end"'),
    "lone-surrogate": Raw(b'"Survey \\ud800 end"'),
}


def text_cases(sample: Sample) -> list[Case]:
    cases = []
    for path in sample.texts:
        name = label(path)
        for kind, text in TEXTS.items():
            cases.append(Case(f"{kind}-in-{name}", (reply(sample.with_field(path, text)),)))
        # Declared as UTF-8, invalid bytes are replaced; undeclared, requests guesses the encoding.
        declared = reply(sample.with_field(path, TEXTS["invalid-utf8"]), JSON_UTF8)
        cases.append(Case(f"invalid-utf8-declared-in-{name}", (declared,)))
    return cases


URLS: Final = {
    "javascript": "javascript:alert(document.cookie)",
    "file": "file:///etc/passwd",
    "malformed": "http://[not-an-ip]/survey",
    "10000-character": "https://example.com/" + "a" * 10_000,
    "rtl-override": "https://example.com/\u202eexe.pdf",
    "blank": "https://example.com/a b\nc",
}
DATES: Final = {
    "year-9999-behind-utc": "9999-12-31T23:59:59-12:00",
    "year-1-ahead-of-utc": "0001-01-01T00:00:00+14:00",
    "unreadable": "yesterday, around noon",
    "10000-character": "2025-03-25T" + "9" * 10_000,
}


def field_cases(sample: Sample) -> list[Case]:
    cases = []
    for path in sample.urls:
        for kind, url in URLS.items():
            cases.append(Case(f"{kind}-url-in-{label(path)}", (reply(sample.with_field(path, url)),)))
    for path in sample.dates:
        for kind, date in DATES.items():
            cases.append(Case(f"{kind}-date-in-{label(path)}", (reply(sample.with_field(path, date)),)))
    renamed = put(sample.item, sample.texts[0], "Another title for the same id")
    twice = sample.with_items([sample.item, renamed, sample.item])
    cases.append(Case("duplicate-ids", (reply(twice),), TASKS, unique=True))
    return cases


def echo_cases(sample: Sample) -> list[Case]:
    """Error replies that quote the secret back, as a careless server does: no message may repeat it."""
    echoed = " ".join(sample.routes)
    bodies = {
        "prolific": {"error": {"detail": f"Token {echoed} expired. Expected available in 60 seconds."}},
        "mturk": {"error": f"session {echoed} is not valid"},
        "bitlabs": {"data": None, "error": {"details": {"http": "406", "msg": f"bad token {echoed}"}}},
        "cpx": {"status": "error", "message": f"wrong secure_hash {echoed}"},
        "toloka": {"code": f"BAD_TOKEN {echoed}", "message": echoed},
    }
    body = encode(bodies[sample.platform])
    cases = [Case(f"{status}-quoting-the-secret", (Reply(status, body),)) for status in (200, 400, 406, 429, 500)]
    return cases


def all_cases(sample: Sample) -> list[Case]:
    return [
        *transport_cases(sample),
        *shape_cases(sample),
        *reward_cases(sample),
        *number_cases(sample),
        *text_cases(sample),
        *field_cases(sample),
        *echo_cases(sample),
    ]


CASES: Final = [
    pytest.param(sample, case, id=f"{sample.platform}-{case.name}")
    for sample in SAMPLES
    for case in all_cases(sample)
]


# --------------------------------------------------------------------------------------------------------------
# The tests


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.platform)
def test_the_valid_sample_gives_its_one_clean_task(
    sample: Sample, server: HostileServer, connect: ConnectorMaker
) -> None:
    """The reply every hostile one is made from is read as it should be, so a refusal of one means something."""
    server.script(reply(sample.body))

    result = poll(connect(sample, server.url))

    assert isinstance(result, list), result
    assert_clean(sample, result)
    assert [task.external_id for task in result] == [sample.item_id]
    amount = Decimal(str(get(sample.item, sample.reward)))
    assert (result[0].reward.minor, result[0].reward.currency) == exact_money(sample, amount)
    assert server.requests, "the connector asked nothing"
    assert_secrets_went_only_where_expected(sample, server)


@pytest.mark.parametrize(("sample", "case"), CASES)
def test_a_hostile_reply_ends_in_a_typed_error_or_clean_tasks(
    sample: Sample, case: Case, server: HostileServer, connect: ConnectorMaker
) -> None:
    server.script(*case.replies)

    result = poll(connect(sample, server.url))

    assert server.requests, "the connector asked nothing"
    assert_secrets_went_only_where_expected(sample, server)
    if isinstance(result, PlatformError):
        assert_calm(sample, result)
        # An Unreachable is the Unavailable a dead connection gives: a subclass meets its class.
        expected = case.expected
        assert expected is ANY or (isinstance(expected, type) and isinstance(result, expected)), (
            f"expected {expected}, got {result!r}"
        )
        if isinstance(result, RateLimited):
            assert result.retry_at > NOW
            if case.retry_after is not None:
                assert result.retry_at == NOW + case.retry_after
        if case.money is not False:
            assert case.money is None, f"a reward of {case.money} was refused: {result!r}"
            assert type(result) is BadPayload
        return
    assert case.expected in (ANY, TASKS), f"expected {case.expected}, got tasks: {result!r}"[:2000]
    assert_clean(sample, result)
    if case.unique:
        assert [task.external_id for task in result] == [sample.item_id]
    if case.money is not False:
        rewards = [
            (task.reward.minor, task.reward.currency) for task in result if task.external_id == sample.item_id
        ]
        assert rewards == [case.money], f"the reward became {rewards}, not exactly {case.money}"


# The cases whose every reply is sent whole: what a connector reads of a reply is all that differs in them.
WHOLE_REPLY_CASES: Final = [
    param for param in CASES if all(type(action) is Reply for action in param.values[1].replies)
]


@pytest.mark.parametrize(("sample", "case"), WHOLE_REPLY_CASES)
def test_a_reply_read_by_its_shape_ends_as_one_read_whole(
    sample: Sample, case: Case, server: HostileServer, connect: ConnectorMaker, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Connectors read a reply through a shape that skips the keys they do not use (`json_shapes.json_shape`): the
    poll must end exactly as it does when every key is read, in the same tasks or the same error."""
    server.script(*case.replies)
    shaped = poll(connect(sample, server.url))
    whole_reads: list[object] = []

    def read_whole(shape: object) -> tuple[msgspec.json.Decoder[Any], ...]:
        whole_reads.append(shape)
        return (msgspec.json.Decoder(),)

    monkeypatch.setattr(http, "_decoders", read_whole)
    server.script(*case.replies)
    whole = poll(connect(sample, server.url))

    if isinstance(whole, PlatformError):
        assert (type(shaped), str(shaped)) == (type(whole), str(whole))
    else:
        assert whole_reads, "tasks came of a reply not read whole"
        assert shaped == whole


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.platform)
def test_a_password_in_the_workers_netrc_is_never_sent(
    sample: Sample, server: HostileServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """requests sends a password ~/.netrc lists for a server as Basic auth, over the connector's own login."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login worker password netrc-canary\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    server.script(reply(sample.body))
    session = make_session(USER_AGENT)  # as the app makes it: reading the environment
    connector = BUILT_IN.spec(sample.platform).connector(
        sample.account(server.url), lambda: sample.secret, session, FixedClock(NOW)
    )

    result = poll(connector)
    session.close()

    assert isinstance(result, list), result
    canary = base64.b64encode(b"worker:netrc-canary").decode("ascii")
    sent = [value for request in server.requests for value in request.headers.values()]
    assert sent and not [value for value in sent if canary in value]
    assert_secrets_went_only_where_expected(sample, server)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.platform)
def test_secrets_do_not_follow_a_redirect_to_another_server(
    sample: Sample, server: HostileServer, connect: ConnectorMaker
) -> None:
    """A redirect to another origin (another port of 127.0.0.1) must not take the secret along."""
    with HostileServer() as elsewhere:
        elsewhere.script(reply(sample.body))
        server.script(Reply(302, b"", (("Location", f"{elsewhere.url}/collect?from=redirect"),)))

        result = poll(connect(sample, server.url))

        assert elsewhere.requests, "the redirect was not followed"
        for request in elsewhere.requests:
            for piece in (sample.secret, *sample.routes):
                assert piece not in request.target, f"a secret went to another server in {request.target!r}"
                leaked = [name for name, value in request.headers.items() if piece in value]
                assert not leaked, f"a secret went to another server in the {leaked} header(s)"
    if isinstance(result, PlatformError):
        assert_calm(sample, result)
    else:
        assert_clean(sample, result)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.platform)
def test_hostile_replies_spoil_nothing_read_before(
    sample: Sample, server: HostileServer, connect: ConnectorMaker
) -> None:
    """A connector that met garbage reads the next good reply exactly as it read the last one."""
    clock = FixedClock(NOW)
    connector = connect(sample, server.url, clock)
    server.script(reply(sample.body))
    first = poll(connector)
    assert isinstance(first, list) and len(first) == 1

    hostile = [
        Reply(200, b'{"results": [{"id": "abc", "name": '),
        reply(sample.with_field(sample.reward, "a lot")),
        reply(sample.with_items([sample.item, "not an item"])),
        Reset(reply(sample.body)),
        Reply(503, b""),
    ]
    for answer in hostile:
        clock.advance(121)  # past CPX's refresh floor
        server.script(answer)
        assert isinstance(poll(connector), PlatformError)

    clock.advance(121)
    server.script(reply(sample.body))
    again = poll(connector)
    assert isinstance(again, list)
    assert [(task.external_id, task.title, task.reward) for task in again] == [
        (task.external_id, task.title, task.reward) for task in first
    ]


# --------------------------------------------------------------------------------------------------------------
# Rewards whose exact value cannot be computed in any useful time: each in a child process with a deadline


HANG_LIMIT: Final = 3.0  # seconds a poll of one tiny reply may take in the child once it is ready
STARTUP_LIMIT: Final = 60.0
_CHILD: Final = r"""
import json, sys, time
from surveydesk.net.http import make_session
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.core.clock import SystemClock
from surveydesk.core.errors import PlatformError
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.sanitize import checked_tasks

platform, base_url, options, secret = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
account = Account(AccountKey(platform, "hostile"), "Hostile", base_url, options=options)
session = make_session()
session.trust_env = False
connector = BUILT_IN.spec(platform).connector(account, lambda: secret, session, SystemClock())
print("ready", time.monotonic(), flush=True)
try:
    tasks = checked_tasks(platform, connector.fetch_tasks())
except PlatformError as error:
    print("error", type(error).__name__, json.dumps(error.message), flush=True)
else:
    print("tasks", json.dumps([[t.external_id, t.reward.minor, t.reward.currency] for t in tasks]), flush=True)
"""


class Child:
    """A poll running in a child process, read line by line with deadlines (its clock is the same as ours)."""

    def __init__(self, sample: Sample, base_url: str) -> None:
        arguments = [sample.platform, base_url, json.dumps(sample.options), sample.secret]
        self.process = subprocess.Popen(
            [sys.executable, "-c", _CHILD, *arguments],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
        )
        self._buffer = b""

    def line(self, deadline: float) -> str | None:
        """The next line of output; "" when the child ended without one; None when the deadline passed."""
        assert self.process.stdout is not None
        while b"\n" not in self._buffer:
            # What the child wrote before the deadline counts, however late it is read.
            left = max(0.0, deadline - time.monotonic())
            readable, _, _ = select.select([self.process.stdout], [], [], left)
            if not readable:
                return None
            chunk = os.read(self.process.stdout.fileno(), 65536)
            if not chunk:
                return ""
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode()

    def errors(self) -> str:
        """What the child wrote to stderr, once it has ended (ended by force if need be)."""
        if self.process.poll() is None:
            self.process.kill()
        _, stderr = self.process.communicate()
        return stderr.decode(errors="replace")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate()


@pytest.fixture(scope="module")
def absurd_reward_polls() -> Iterator[dict[str, Child]]:
    """Every absurd-reward poll started at once, so their deadlines run side by side, not one after another."""
    servers: list[HostileServer] = []
    children: dict[str, Child] = {}
    try:
        for sample in SAMPLES:
            for name, raw in ABSURD_REWARDS.items():
                server = HostileServer().start()
                servers.append(server)
                server.script(reply(sample.with_field(sample.reward, Raw(raw))))
                children[f"{sample.platform}-{name}-reward"] = Child(sample, server.url)
        yield children
    finally:
        for child in children.values():
            child.close()
        for server in servers:
            server.stop()


@pytest.mark.parametrize(
    "poll_id", [f"{sample.platform}-{name}-reward" for sample in SAMPLES for name in ABSURD_REWARDS]
)
def test_an_absurd_exponent_in_a_reward_is_refused_in_time(
    poll_id: str, absurd_reward_polls: dict[str, Child]
) -> None:
    child = absurd_reward_polls[poll_id]
    ready = child.line(time.monotonic() + STARTUP_LIMIT)
    assert ready and ready.startswith("ready "), f"the child did not start: {ready!r}\n{child.errors()}"
    started = float(ready.split()[1])
    outcome = child.line(started + HANG_LIMIT)
    if outcome is None:
        child.close()
        pytest.fail(
            f"{poll_id}: the poll was still running {HANG_LIMIT:.0f} s after it began (it hangs, and as it "
            "computes in C it holds the GIL: every other thread of the app stops with it)"
        )
    assert outcome, f"{poll_id}: the poll crashed:\n{child.errors()}"
    assert outcome.startswith("error BadPayload "), f"{poll_id}: {outcome}"
    assert "CANARY" not in outcome


# --------------------------------------------------------------------------------------------------------------
# The real poller: one platform's hostile replies stop neither the others nor keep what was stored


POLLER_CASES: Final = {
    "malformed-json": Reply(200, b'{"results": [{"hit_set_id": "abc", "title": '),
    "html-login-page-200": Reply(200, b"<!doctype html><title>Sign in</title><form></form>", HTML),
    "http-500": Reply(500, b"<html>Internal Server Error</html>", HTML),
    "reset-half-way": Reset(reply(MTURK_REPLY)),
    "wrong-type-reward": reply(SAMPLE_OF["mturk"].with_field(("monetary_reward",), "1.65")),
}
# A lone surrogate in a title is cleaned (not an error) since the last check drops it: the connector tests above
# check that outcome; here only replies that must end in an error state are used.


@pytest.mark.parametrize("answer", POLLER_CASES.values(), ids=[f"poller-{name}" for name in POLLER_CASES])
def test_the_poller_keeps_other_platforms_and_stored_tasks_through_hostile_replies(
    qtbot, poller, pool, exchange, store, server: HostileServer, answer: Action
) -> None:
    sample = SAMPLE_OF["mturk"]
    hostile = AccountKey("mturk", "hostile")
    session = short_session()
    try:
        server.script(reply(sample.body), answer)  # a good reply first, then the hostile one for good
        account = sample.account(server.url)
        connector = BUILT_IN.spec("mturk").connector(account, lambda: sample.secret, session, SystemClock())
        poller.add_account(account, connector, Politeness(min_interval=timedelta(seconds=30)))
        add_demo_account(poller, exchange)

        def status(key: AccountKey) -> Any:
            return next(status for status in poller.statuses() if status.account == key)

        poller.start()
        qtbot.waitUntil(lambda: status(hostile).state is PollState.OK and status(DEMO).state is PollState.OK)
        stored = store.current_tasks(hostile)
        assert [task.external_id for task in stored] == [sample.item_id]
        first_demo_success = status(DEMO).last_success

        poller.poll_all_now()
        qtbot.waitUntil(lambda: status(hostile).state is PollState.ERROR, timeout=10_000)
        qtbot.waitUntil(
            lambda: status(DEMO).state is PollState.OK and status(DEMO).last_success > first_demo_success,
            timeout=10_000,
        )

        failed = status(hostile)
        assert failed.error_kind in ("bad-payload", "unavailable", "auth", "error")
        assert failed.message and "CANARY" not in failed.message
        assert failed.next_poll is not None  # it will be tried again
        assert store.current_tasks(hostile) == stored
        assert status(DEMO).task_count > 0 and store.current_tasks(DEMO)
    finally:
        poller.stop()
        pool.waitForDone(10_000)
        session.close()
