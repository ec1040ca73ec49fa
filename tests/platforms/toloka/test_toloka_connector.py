"""The Toloka connector turns the worker app's task groups into tasks, and every failure into one typed error."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import requests

from surveydesk.core.connector import Connector
from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError, RateLimited, Unavailable
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.sign_in_pages import CookieSession
from surveydesk.demo.toloka_site import TOLOKA_COOKIE, TOLOKA_CSRF, TOLOKA_SESSION, toloka_site
from surveydesk.demo.wire import Request, Response, json_response
from surveydesk.platforms.toloka.tasks import SIGNED_OUT, TolokaConnector
from tests.factories import FixedClock, one_change_each, poll_outcome

ACCOUNT = AccountKey("toloka", "main")
GROUPS = "/api/i-v2/task-suite-pool-groups"
NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
SECRETS = (TOLOKA_COOKIE, TOLOKA_SESSION, TOLOKA_CSRF)


@pytest.fixture
def ticks() -> ManualClock:
    return ManualClock()


def toloka_exchange(ticks: ManualClock, min_interval: float = 0) -> DemoExchange:
    return DemoExchange(seed=21, clock=ticks, sites=[lambda context: toloka_site(context, min_interval)])


@pytest.fixture
def exchange(ticks: ManualClock) -> Iterator[DemoExchange]:
    with toloka_exchange(ticks) as exchange:
        yield exchange


def connector_for(
    exchange: DemoExchange,
    session: requests.Session,
    cookie: str | None = TOLOKA_COOKIE,
    options: Mapping[str, str] | None = None,
) -> TolokaConnector:
    base = exchange.url_of("toloka")
    clock = FixedClock(NOW)
    if options is None:
        return TolokaConnector(ACCOUNT, base, lambda: cookie, session, clock)
    return TolokaConnector(ACCOUNT, base, lambda: cookie, session, clock, options)


def raw_groups(exchange: DemoExchange, session: requests.Session) -> list[dict[str, Any]]:
    headers = {"Cookie": TOLOKA_COOKIE, "X-CSRF-Token": TOLOKA_CSRF}
    response = session.get(exchange.url_of("toloka") + GROUPS, headers=headers, timeout=5)
    assert response.status_code == 200
    body: list[dict[str, Any]] = response.json()
    return body


def group(pool_id: object = 101, reward: object = "0.05", **fields: object) -> dict[str, Any]:
    """A task group as the web app sends it, with one pool; `fields` replace the group's own."""
    pool = {"id": pool_id, "reward": reward, "activeAssignments": None}
    return {"projectId": 7, "title": f"Group {pool_id}", "description": "", "pools": [pool], **fields}


def listing(*groups: object) -> bytes:
    return json.dumps(list(groups)).encode()


def failure(
    exchange: DemoExchange, session: requests.Session, cookie: str | None = TOLOKA_COOKIE
) -> PlatformError:
    """The platform error one poll raises; none of them may show the cookie, the session or the CSRF token."""
    with pytest.raises(PlatformError) as caught:
        connector_for(exchange, session, cookie).fetch_tasks()
    assert not [secret for secret in SECRETS if secret in str(caught.value)]
    if cookie and cookie.strip():
        assert cookie.strip() not in str(caught.value)
    return caught.value


def test_is_a_connector(exchange: DemoExchange, session: requests.Session) -> None:
    connector: Connector = connector_for(exchange, session)

    assert connector.account == ACCOUNT


def test_maps_each_group_to_a_task(exchange: DemoExchange, session: requests.Session) -> None:
    raw = raw_groups(exchange, session)

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.external_id for task in tasks] == [str(item["pools"][0]["id"]) for item in raw]
    item, task = raw[0], tasks[0]
    pool = item["pools"][0]
    assert task.platform == "toloka" and task.account == "main"
    assert task.title == item["title"] and task.description == item["description"]
    assert task.requester_id == item["requesterInfo"]["id"]
    assert task.requester_name == item["requesterInfo"]["name"]["EN"]
    assert task.reward == Money(int(Decimal(pool["reward"]) * 100), "USD")
    assert task.places_left == pool["availableTasks"]
    assert task.estimated_minutes == max(1, (item["projectStats"]["averageSubmitTimeSec"] + 30) // 60)
    assert task.time_allowed_minutes == pool["assignmentMaxDurationSeconds"] // 60
    assert task.published_at == datetime.fromisoformat(pool["startedAt"]).replace(tzinfo=UTC)
    assert task.url == f"{exchange.url_of('toloka')}/task/{pool['id']}"
    assert task.first_seen == task.last_seen == NOW


def test_the_task_page_of_a_task_opens(exchange: DemoExchange, session: requests.Session) -> None:
    task = connector_for(exchange, session).fetch_tasks()[0]

    page = session.get(task.url, timeout=5)

    assert page.status_code == 200 and "<h1>" in page.text


@pytest.mark.parametrize(
    ("reward", "currency", "expected"),
    [
        ("0.05", None, Money(5, "USD")),
        ("0.1", None, Money(10, "USD")),
        ("12.34", None, Money(1234, "USD")),
        (" 0.30 ", None, Money(30, "USD")),
        (0.07, None, Money(7, "USD")),
        ("0.05", "eur", Money(5, "EUR")),
        ("150", "JPY", Money(150, "JPY")),
    ],
)
def test_rewards_are_exact_from_decimal_strings(
    exchange: DemoExchange, session: requests.Session, reward: object, currency: str | None, expected: Money
) -> None:
    item = group(reward=reward)
    if currency:
        item["pools"][0]["currency"] = currency
    exchange.inject_fault("toloka", 200, listing(item))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.reward == expected


def test_a_group_may_name_the_currency_for_its_pools(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("toloka", 200, listing(group(reward="1.25", currency="GBP")))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.reward == Money(125, "GBP")


def test_reads_what_it_can_and_leaves_the_rest_unknown(exchange: DemoExchange, session: requests.Session) -> None:
    sparse = group(pool_id="pool/1 x", requesterInfo={"id": 42, "name": "Acme"}, projectStats={})
    exchange.inject_fault("toloka", 200, listing(sparse))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert (task.requester_id, task.requester_name) == ("42", "Acme")
    assert task.estimated_minutes is task.places_left is task.time_allowed_minutes is task.published_at is None
    assert task.reward_per_hour is None
    assert task.url == f"{exchange.url_of('toloka')}/task/pool%2F1%20x"


@pytest.mark.parametrize(("seconds", "minutes"), [(29, 1), (89, 1), (90, 2), (3600, 60), (0, None), (-5, None)])
def test_average_time_becomes_whole_minutes(
    exchange: DemoExchange, session: requests.Session, seconds: int, minutes: int | None
) -> None:
    exchange.inject_fault("toloka", 200, listing(group(projectStats={"averageSubmitTimeSec": seconds})))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.estimated_minutes == minutes


def test_places_may_be_counted_on_the_group(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("toloka", 200, listing(group(availableTasks=12), group(102, availableTasks=-3)))

    first, second = connector_for(exchange, session).fetch_tasks()

    assert (first.places_left, second.places_left) == (12, 0)


def test_a_count_spelled_as_no_evidence_shows_is_not_read(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("toloka", 200, listing(group(availableTasksCount=12)))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.places_left is None


@pytest.mark.parametrize(
    ("options", "name"),
    [(None, "Lab"), ({"language": "ru"}, "Лаборатория"), ({"language": "DE"}, "Lab"), ({"interval": "60"}, "Lab")],
)
def test_localized_names_follow_the_language_option(
    exchange: DemoExchange, session: requests.Session, options: dict[str, str] | None, name: str
) -> None:
    requester = {"id": "r1", "name": {"RU": "Лаборатория", "EN": "Lab"}}
    exchange.inject_fault("toloka", 200, listing(group(requesterInfo=requester)))

    (task,) = connector_for(exchange, session, options=options).fetch_tasks()

    assert task.requester_name == name


def test_leaves_out_groups_the_worker_cannot_take_or_has_hidden(
    exchange: DemoExchange, session: requests.Session
) -> None:
    hidden = group(102, projectMetaInfo={"ignored": True}, pools="not read")
    unavailable = group(103, availability={"available": False})
    exchange.inject_fault("toloka", 200, listing(group(101), hidden, unavailable, group(101), group(104)))

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.external_id for task in tasks] == ["101", "104"]


class _Recorder:
    """A Toloka that remembers the headers of each request and has no tasks."""

    platform = "toloka"

    def __init__(self) -> None:
        self.headers: list[Mapping[str, str]] = []
        self.session = CookieSession({})  # what the demo's sign-in page signs in to

    def handle(self, request: Request) -> Response:
        self.headers.append(request.headers)
        return json_response(200, [])


@pytest.mark.parametrize(
    ("cookie", "sent", "csrf"),
    [
        (TOLOKA_COOKIE, TOLOKA_COOKIE, TOLOKA_CSRF),
        ("Cookie:  yandexuid=1 ; XSRF-TOKEN=abc==;", "yandexuid=1; XSRF-TOKEN=abc==", "abc=="),
        ("Session_id=3:x|y; csrf-token=t1", "Session_id=3:x|y; csrf-token=t1", "t1"),
        ("Session_id=only", "Session_id=only", None),
    ],
)
def test_sends_the_cookies_with_the_csrf_token_they_carry(
    ticks: ManualClock, session: requests.Session, cookie: str, sent: str, csrf: str | None
) -> None:
    recorder = _Recorder()
    with DemoExchange(seed=1, clock=ticks, sites=[lambda _: recorder]) as exchange:
        assert connector_for(exchange, session, cookie).fetch_tasks() == []

    (headers,) = recorder.headers
    assert headers["cookie"] == sent
    assert headers.get("x-csrf-token") == csrf
    assert headers["x-requested-with"] == "XMLHttpRequest"


class _Redirect:
    """A Toloka that sends every request elsewhere, as a signed-out web app sends it to the sign-in page."""

    platform = "toloka"

    def __init__(self, location: str) -> None:
        self.location = location
        self.session = CookieSession({})  # what the demo's sign-in page signs in to

    def handle(self, request: Request) -> Response:
        return Response(302, b"", headers=(("Location", self.location),))


def test_an_answer_from_another_server_is_not_believed(ticks: ManualClock, session: requests.Session) -> None:
    recorder = _Recorder()
    with DemoExchange(seed=1, clock=ticks, sites=[lambda _: recorder]) as elsewhere:
        redirect = _Redirect(elsewhere.url_of("toloka") + "/passport")
        with DemoExchange(seed=1, clock=ticks, sites=[lambda _: redirect]) as exchange:
            error = failure(exchange, session)

    assert isinstance(error, AuthExpired) and "another server" in error.message
    assert "cookie" not in recorder.headers[0]


def test_a_redirect_on_the_same_server_is_followed(ticks: ManualClock, session: requests.Session) -> None:
    class _Moved(_Recorder):
        def handle(self, request: Request) -> Response:
            if request.path == GROUPS:
                return Response(301, b"", headers=(("Location", request.site_url + GROUPS + "/"),))
            return super().handle(request)

    moved = _Moved()
    with DemoExchange(seed=1, clock=ticks, sites=[lambda _: moved]) as exchange:
        assert connector_for(exchange, session).fetch_tasks() == []


@pytest.mark.parametrize("cookie", [None, "", "   "])
def test_no_cookie_means_not_signed_in(
    exchange: DemoExchange, session: requests.Session, cookie: str | None
) -> None:
    error = failure(exchange, session, cookie)

    assert isinstance(error, AuthExpired)
    assert error.message == "Not signed in to Toloka: sign in from Accounts"


@pytest.mark.parametrize(
    "cookie",
    [f"just-a-token-{TOLOKA_SESSION}", f"a=b\r\nX-Evil: {TOLOKA_CSRF}", f"s={TOLOKA_SESSION}; é=1", "=x", ";;"],
)
def test_an_unreadable_cookie_is_not_sent(exchange: DemoExchange, session: requests.Session, cookie: str) -> None:
    error = failure(exchange, session, cookie)

    assert isinstance(error, AuthExpired) and "cannot read" in error.message


def test_a_refused_cookie_means_signed_out(exchange: DemoExchange, session: requests.Session) -> None:
    stale = f"toloka-session=an-old-session; toloka-csrftoken={TOLOKA_CSRF}"

    error = failure(exchange, session, stale)

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT
    assert "an-old-session" not in str(error)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, b'{"code": "ACCESS_DENIED"}'),
        (403, b'{"code": "ACCESS_DENIED", "message": "Access denied"}'),
        (500, b'{"code": "ACCESS_DENIED"}'),
        (401, b"<html>Sign in</html>"),
        (403, b""),
    ],
)
def test_access_denied_means_signed_out(
    exchange: DemoExchange, session: requests.Session, status: int, body: bytes
) -> None:
    exchange.inject_fault("toloka", status, body)

    error = failure(exchange, session)

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT


def test_polling_too_fast_waits_as_long_as_toloka_says(ticks: ManualClock, session: requests.Session) -> None:
    with toloka_exchange(ticks, min_interval=30.0) as exchange:
        connector_for(exchange, session).fetch_tasks()
        ticks.seconds += 5

        error = failure(exchange, session)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=25)
    assert error.message == "Toloka asked us to slow down for 25 s"


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ((("Retry-After", "42"),), 42),
        ((), 60),
        ((("Retry-After", "Wed, 26 Mar 2025 12:00:00 GMT"),), 86_400),
        ((("Retry-After", "Mon, 24 Mar 2025 12:00:00 GMT"),), 1),
        ((("Retry-After", "Wed, 25 Mar 2025 12:01:30 GMT"),), 90),
    ],
)
def test_rate_limits_wait_for_retry_after_or_a_minute(
    exchange: DemoExchange, session: requests.Session, headers: tuple[tuple[str, str], ...], wait: int
) -> None:
    exchange.inject_fault("toloka", 429, b'{"code": "TOO_MANY_REQUESTS"}', headers=headers)

    error = failure(exchange, session)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=wait)


@pytest.mark.parametrize(("status", "words"), [(503, "HTTP 503"), (500, "HTTP 500"), (404, "HTTP 404")])
def test_server_errors_mean_unavailable(
    exchange: DemoExchange, session: requests.Session, status: int, words: str
) -> None:
    exchange.inject_fault("toloka", status, b"<html>Service Unavailable</html>", content_type="text/html")

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and words in error.message


def test_a_closed_port_means_unavailable(session: requests.Session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    connector = TolokaConnector(
        ACCOUNT, f"http://127.0.0.1:{port}", lambda: TOLOKA_COOKIE, session, FixedClock(NOW)
    )

    with pytest.raises(Unavailable) as caught:
        connector.fetch_tasks()

    assert caught.value.message == f"cannot connect to 127.0.0.1:{port}"
    assert not [secret for secret in (*SECRETS, GROUPS) if secret in str(caught.value)]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<html>Please sign in</html>", "not JSON"),
        (b'{"content": [], "last": true}', "not a list of task groups"),
        (b'{"code": "INTERNAL_ERROR"}', "error INTERNAL_ERROR instead"),
        (b'"groups"', "not a list of task groups"),
        (listing("not a group"), "not an object"),
        (listing(group(pools=[])), "no pool"),
        (listing(group(pools=None)), "no pool"),
        (listing(group(pools=["x"])), "no pool"),
        (listing(group(pool_id=None)), "no id"),
        (listing(group(pool_id=True)), "no id"),
        (listing(group(title="")), "no title"),
        (listing(group(title=None)), "no title"),
        (listing(group(reward=None)), "no reward"),
        (listing(group(reward=True)), "wrong type"),
        (listing(group(reward={"amount": "0.05"})), "wrong type"),
        (listing(group(reward="five cents")), "unreadable reward"),
        (listing(group(reward="0.005")), "unreadable reward"),
        (listing(group(reward="NaN")), "unreadable reward"),
        (listing(group(reward="")), "unreadable reward"),
        (listing(group(reward="0.05", currency="dollars")), "unreadable reward"),
    ],
)
def test_unreadable_answers_are_bad_payloads(
    exchange: DemoExchange, session: requests.Session, body: bytes, words: str
) -> None:
    exchange.inject_fault("toloka", 200, body)

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and words in error.message


def test_one_bad_group_spoils_the_whole_answer(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("toloka", 200, listing(group(101), group(555, reward="x" * 500)))

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and "555" in error.message
    assert len(error.message) < 300


def _counted(pool_id: int, left: int, title: str = "A group") -> dict[str, Any]:
    item = group(pool_id, "0.50", title=title)
    item["pools"][0]["availableTasks"] = left
    return item


def test_an_unchanged_group_gives_back_the_same_task(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("toloka", 200, listing(_counted(101, 40)), count=2)
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    (second,) = connector.fetch_tasks()

    assert second is first


def test_tasks_taken_alone_change_only_places_left(exchange: DemoExchange, session: requests.Session) -> None:
    for item in (_counted(101, 40), _counted(101, 20), _counted(101, 20, title="Renamed")):
        exchange.inject_fault("toloka", 200, listing(item))
    connector = connector_for(exchange, session)

    (before,) = connector.fetch_tasks()
    (fewer,) = connector.fetch_tasks()
    (renamed,) = connector.fetch_tasks()

    assert (before.places_left, fewer.places_left) == (40, 20)
    assert fewer.offer_fingerprint() == before.offer_fingerprint()
    assert (renamed.title, renamed.places_left) == ("Renamed", 20)


def test_a_failed_poll_does_not_spoil_what_was_read_before(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("toloka", 200, listing(_counted(101, 40)))
    exchange.inject_fault("toloka", 200, listing(_counted(102, 40), group(103, reward=None)))
    exchange.inject_fault("toloka", 200, listing(_counted(101, 40)))
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    with pytest.raises(BadPayload):
        connector.fetch_tasks()
    (again,) = connector.fetch_tasks()

    assert again is first


def test_a_fresh_cookie_takes_effect_at_the_next_poll(exchange: DemoExchange, session: requests.Session) -> None:
    cookies: list[str | None] = [None, TOLOKA_COOKIE]
    connector = TolokaConnector(ACCOUNT, exchange.url_of("toloka"), lambda: cookies[0], session, FixedClock(NOW))

    with pytest.raises(AuthExpired):
        connector.fetch_tasks()
    cookies.pop(0)

    assert connector.fetch_tasks()


def test_any_change_of_a_group_is_read_as_a_fresh_connector_reads_it(
    exchange: DemoExchange, session: requests.Session
) -> None:
    original = raw_groups(exchange, session)[0]
    for path, changed in one_change_each(original):
        for item in (original, changed, changed):
            exchange.inject_fault("toloka", 200, listing(item))
        reader = connector_for(exchange, session)
        reader.fetch_tasks()
        assert poll_outcome(reader.fetch_tasks) == poll_outcome(connector_for(exchange, session).fetch_tasks), path
