"""The MTurk connector turns the worker site's JSON into tasks and a queue, and each failure into a typed error."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from surveydesk.core.connector import Connector
from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError, RateLimited, Unavailable
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.core.requirements import Qualification as Requirement
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.mturk_site import MTURK_COOKIE, MTURK_SESSION, mturk_site
from surveydesk.demo.wire import HTML_TYPE, Request, Response, Site, SiteContext
from surveydesk.platforms.mturk.tasks import (
    NOT_SIGNED_IN,
    SIGNED_OUT,
    UNSENDABLE_COOKIE,
    MTurkConnector,
    QueueItem,
)
from tests.factories import FixedClock, one_change_each, poll_outcome

ACCOUNT = AccountKey("mturk", "worker")
NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
SEARCH = {"format": "json", "page_size": "100", "sort": "updated_desc", "filters[qualified]": "true"}
SIGN_IN_PAGE = (
    b'<html><form action="https://www.amazon.com/ap/signin?openid.assoc_handle=amzn_mturk_worker&amp;x=1">'
    b"</form></html>"
)


def unthrottled(context: SiteContext) -> Site:
    return mturk_site(context, min_interval=0)


@pytest.fixture
def exchange(ticks: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=21, clock=ticks, initial_studies=40, sites=[unthrottled]) as exchange:
        yield exchange


def connector_for(
    exchange: DemoExchange,
    session: requests.Session,
    cookie: str | None = MTURK_COOKIE,
    options: Mapping[str, str] | None = None,
) -> MTurkConnector:
    return MTurkConnector(
        ACCOUNT, exchange.url_of("mturk"), lambda: cookie, session, FixedClock(NOW), options or {}
    )


def raw(exchange: DemoExchange, session: requests.Session, path: str, **params: str) -> dict[str, Any]:
    """What the site says, asked directly with the demo cookie."""
    response = session.get(
        exchange.url_of("mturk") + path, params=params, headers={"Cookie": MTURK_COOKIE}, timeout=5
    )
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def page_of(projects: Sequence[object], total: int | None = None, **envelope: object) -> bytes:
    count = len(projects)
    body = {"page_number": 1, "num_results": count, "total_num_results": count if total is None else total}
    return json.dumps({**body, **envelope, "results": projects}).encode()


def project(hit_set_id: str = "3" + "A" * 29, **fields: object) -> dict[str, Any]:
    base: dict[str, Any] = {
        "hit_set_id": hit_set_id,
        "title": "Label a few images",
        "monetary_reward": {"currency_code": "USD", "amount_in_dollars": 0.25},
        "assignable_hits_count": 50,
    }
    return {**base, **fields}


def failure(call: Callable[[], object]) -> PlatformError:
    """The platform error a call raises; none may show the cookie."""
    with pytest.raises(PlatformError) as caught:
        call()
    assert MTURK_SESSION not in str(caught.value) and MTURK_SESSION not in caught.value.message
    return caught.value


def test_is_a_connector(exchange: DemoExchange, session: requests.Session) -> None:
    connector: Connector = connector_for(exchange, session)

    assert connector.account == ACCOUNT


def test_maps_each_project_to_a_task(exchange: DemoExchange, session: requests.Session) -> None:
    listed = raw(exchange, session, "/projects", **SEARCH, page_number="1")["results"]

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.external_id for task in tasks] == [item["hit_set_id"] for item in listed]
    assert [task.reward.minor for task in tasks] == [
        round(item["monetary_reward"]["amount_in_dollars"] * 100) for item in listed
    ]
    item, task = listed[0], tasks[0]
    assert (task.platform, task.account) == ("mturk", "worker")
    assert task.title == item["title"]
    assert task.description == item["description"]
    assert (task.requester_id, task.requester_name) == (item["requester_id"], item["requester_name"])
    assert task.reward.currency == "USD"
    assert task.places_left == item["assignable_hits_count"]
    assert task.time_allowed_minutes == item["assignment_duration_in_seconds"] // 60
    assert task.estimated_minutes is None and task.reward_per_hour is None
    assert task.devices == ()
    assert task.published_at == datetime.fromisoformat(item["creation_time"])
    assert task.url == f"{exchange.url_of('mturk')}/projects/{item['hit_set_id']}/tasks"
    assert task.first_seen == task.last_seen == NOW


def test_the_project_page_of_a_task_opens(exchange: DemoExchange, session: requests.Session) -> None:
    task = connector_for(exchange, session).fetch_tasks()[0]

    page = session.get(task.url, timeout=5)

    assert page.status_code == 200 and "<h1>" in page.text


@pytest.mark.parametrize(
    ("reward", "expected"),
    [
        ({"currency_code": "USD", "amount_in_dollars": 0.07}, Money(7, "USD")),
        ({"currency_code": "USD", "amount_in_dollars": 1.1}, Money(110, "USD")),
        ({"currency_code": "USD", "amount_in_dollars": 0.29}, Money(29, "USD")),
        ({"amount_in_dollars": 12}, Money(1200, "USD")),
        ({"amount_in_dollars": "2.35"}, Money(235, "USD")),
        ({"amount": 0.5, "currency_code": "USD"}, Money(50, "USD")),
        ({"amount": "0.10", "currency": "usd"}, Money(10, "USD")),
    ],
)
def test_reads_dollars_exactly(
    exchange: DemoExchange, session: requests.Session, reward: dict[str, object], expected: Money
) -> None:
    exchange.inject_fault("mturk", 200, page_of([project(monetary_reward=reward)]))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.reward == expected


@pytest.mark.parametrize(
    ("seconds", "minutes"), [(420, 7), (90, 2), (3600.0, 60), (0, 0), (-5, None), ("600", None), (True, None)]
)
def test_time_allowed_is_rounded_up_to_minutes(
    exchange: DemoExchange, session: requests.Session, seconds: object, minutes: int | None
) -> None:
    exchange.inject_fault("mturk", 200, page_of([project(assignment_duration_in_seconds=seconds)]))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.time_allowed_minutes == minutes


@pytest.mark.parametrize(
    ("link", "path"),
    [
        ("/projects/3ABC/tasks.json", "/projects/3ABC/tasks"),
        ("projects/3ABC/tasks.json", "/projects/3ABC/tasks"),
        ("/projects/3ABC/tasks", "/projects/3ABC/tasks"),
        ("/projects/3ABC/tasks.json?ref=w_pl_prvw", "/projects/3ABC/tasks?ref=w_pl_prvw"),
        (None, "/projects/3AAAAAAAAAAAAAAAAAAAAAAAAAAAAA/tasks"),
        ("", "/projects/3AAAAAAAAAAAAAAAAAAAAAAAAAAAAA/tasks"),
        ("https://elsewhere.example/projects/3ABC/tasks", "/projects/3AAAAAAAAAAAAAAAAAAAAAAAAAAAAA/tasks"),
        ("//elsewhere.example/x", "/projects/3AAAAAAAAAAAAAAAAAAAAAAAAAAAAA/tasks"),
        ("javascript:alert(1)", "/projects/3AAAAAAAAAAAAAAAAAAAAAAAAAAAAA/tasks"),
    ],
)
def test_links_become_absolute_worker_site_pages(
    exchange: DemoExchange, session: requests.Session, link: str | None, path: str
) -> None:
    exchange.inject_fault("mturk", 200, page_of([project(project_tasks_url=link)]))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.url == exchange.url_of("mturk") + path


def test_an_absolute_link_to_the_same_site_is_kept(exchange: DemoExchange, session: requests.Session) -> None:
    link = exchange.base_url + "/projects/3ABC/tasks.json"
    exchange.inject_fault("mturk", 200, page_of([project(project_tasks_url=link)]))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.url == exchange.base_url + "/projects/3ABC/tasks"


def test_an_odd_id_is_quoted_in_the_fallback_link(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("mturk", 200, page_of([project("a b/c")]))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.url == exchange.url_of("mturk") + "/projects/a%20b%2Fc/tasks"


def test_reads_every_page(ticks: ManualClock, session: requests.Session) -> None:
    with DemoExchange(seed=4, clock=ticks, initial_studies=260, sites=[unthrottled]) as exchange:
        pages = [raw(exchange, session, "/projects", **SEARCH, page_number=str(n)) for n in (1, 2, 3, 4)]
        tasks = connector_for(exchange, session).fetch_tasks()

    listed = [item["hit_set_id"] for page in pages for item in page["results"]]
    assert pages[0]["total_num_results"] > 200 and pages[3]["results"] == []
    assert [task.external_id for task in tasks] == listed


def test_reads_five_pages_at_most(exchange: DemoExchange, session: requests.Session) -> None:
    for number in range(6):
        projects = [project(f"3P{number}N{index:03d}") for index in range(100)]
        exchange.inject_fault("mturk", 200, page_of(projects, total=2000, page_number=number + 1))

    tasks = connector_for(exchange, session).fetch_tasks()

    assert len(tasks) == 500 and tasks[-1].external_id == "3P4N099"
    left = raw(exchange, session, "/projects", format="json")  # the sixth page was never asked for
    assert left["results"][0]["hit_set_id"] == "3P5N000"


@pytest.mark.parametrize(
    "first",
    [
        page_of([project(f"3N{index:03d}") for index in range(100)], total=100),
        page_of([project(f"3N{index:03d}") for index in range(99)], total=500),
        page_of([project(f"3N{index:03d}") for index in range(100)], total=500, num_results=40),
    ],
    ids=["total reached", "short page", "short by its count"],
)
def test_stops_when_the_envelope_says_the_list_ended(
    exchange: DemoExchange, session: requests.Session, first: bytes
) -> None:
    exchange.inject_fault("mturk", 200, first)
    exchange.inject_fault("mturk", 200, page_of([project("3NEVERASKED")]))

    connector_for(exchange, session).fetch_tasks()

    left = raw(exchange, session, "/projects", format="json")
    assert left["results"][0]["hit_set_id"] == "3NEVERASKED"


def test_a_project_on_two_pages_is_listed_once(exchange: DemoExchange, session: requests.Session) -> None:
    first = [project(f"3D{index:03d}") for index in range(100)]
    exchange.inject_fault("mturk", 200, page_of(first, total=101))
    exchange.inject_fault("mturk", 200, page_of([project("3D099", title="Moved")], total=101))

    tasks = connector_for(exchange, session).fetch_tasks()

    assert len(tasks) == 100 and tasks[-1].title == "Label a few images"


def test_asks_for_qualified_projects_newest_first(exchange: DemoExchange, session: requests.Session) -> None:
    everything = raw(exchange, session, "/projects", format="json", page_size="100")["results"]

    tasks = connector_for(exchange, session).fetch_tasks()

    hidden = {item["hit_set_id"] for item in everything if not item["caller_meets_preview_requirements"]}
    assert hidden and not hidden & {task.external_id for task in tasks}
    published = [task.published_at for task in tasks]
    assert published == sorted(published, reverse=True)


def test_lists_projects_the_worker_cannot_accept_with_what_they_lack(
    exchange: DemoExchange, session: requests.Session
) -> None:
    listed = raw(exchange, session, "/projects", **SEARCH, page_number="1")["results"]
    connector = connector_for(exchange, session)

    tasks = connector.fetch_tasks()

    unmet = [item for item in listed if not item["caller_meets_requirements"]]
    assert unmet and {item["hit_set_id"] for item in unmet} <= {task.external_id for task in tasks}
    for item in listed:
        assert connector.requirements_of(item["hit_set_id"]).qualifications == tuple(
            Requirement(
                requirement["qualification_type"]["name"],
                requirement["comparator"],
                tuple(requirement["qualification_values"]),
                requirement["caller_meets_requirement"],
            )
            for requirement in item["project_requirements"]
        )
    assert connector.requirements_of("3UNKNOWN").qualifications == ()


def test_reads_requirements_in_their_variants(exchange: DemoExchange, session: requests.Session) -> None:
    requirements = [
        {"qualification_type_id": "00000000000000000071", "comparator": "In",
         "qualification_values": [{"country": "US", "subdivision": "CA"}, {"country": "GB"}, "IE"]},
        {"qualification_type": {"name": "Total approved HITs"}, "comparator": "GreaterThan",
         "qualification_values": [1000, 2.5, True, None]},
        {"comparator": "Exists"},
        "not a requirement",
    ]  # fmt: skip
    queue_style = project(hit_requirements=requirements, caller_meets_requirements=True)
    unknown = project("3" + "B" * 29, project_requirements=requirements[:1], caller_meets_requirements=False)
    exchange.inject_fault("mturk", 200, page_of([queue_style, unknown]))
    connector = connector_for(exchange, session)

    connector.fetch_tasks()

    assert connector.requirements_of(queue_style["hit_set_id"]).qualifications == (
        Requirement("00000000000000000071", "In", ("US-CA", "GB", "IE"), True),
        Requirement("Total approved HITs", "GreaterThan", ("1000", "2.5"), True),
    )
    assert connector.requirements_of(unknown["hit_set_id"]).qualifications[0].met is None


def test_lists_the_queue(exchange: DemoExchange, session: requests.Session, ticks: ManualClock) -> None:
    entries = raw(exchange, session, "/tasks", format="json")["tasks"]

    queue = connector_for(exchange, session).fetch_queue()

    assert entries and len(queue) == len(entries)
    entry, item = entries[0], queue[0]
    assert item == QueueItem(
        assignment_id=entry["assignment_id"],
        hit_set_id=entry["project"]["hit_set_id"],
        title=entry["project"]["title"],
        requester_name=entry["project"]["requester_name"],
        reward=Money(round(entry["project"]["monetary_reward"]["amount_in_dollars"] * 100), "USD"),
        deadline=datetime.fromisoformat(entry["deadline"]),
        time_left_seconds=entry["time_to_deadline_in_seconds"],
        url=exchange.url_of("mturk") + entry["task_url"],
    )
    assert session.get(item.url, timeout=5).status_code == 200


def test_reads_a_sparse_queue_entry(exchange: DemoExchange, session: requests.Session) -> None:
    entry = {
        "assignment_id": "3ASSIGNED",
        "time_to_deadline_in_seconds": -3,
        "deadline": "soon",
        "project": project(),
    }
    exchange.inject_fault("mturk", 200, json.dumps({"tasks": [entry]}).encode())

    (item,) = connector_for(exchange, session).fetch_queue()

    assert (item.deadline, item.time_left_seconds, item.requester_name) == (None, 0, "")
    assert item.url == exchange.url_of("mturk") + "/projects/3AAAAAAAAAAAAAAAAAAAAAAAAAAAAA/tasks"


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ("not an entry", "not an object"),
        ({"project": project()}, "no assignment id"),
        ({"assignment_id": "3A", "project": "x"}, "no project"),
        ({"assignment_id": "3A", "project": {"title": "x"}}, "no project"),
        ({"assignment_id": "3A", "project": project(title=None)}, "no title"),
        ({"assignment_id": "3A", "project": project(monetary_reward={"amount_in_dollars": "abc"})}, "reward"),
    ],
)
def test_an_unreadable_queue_is_a_bad_payload(
    exchange: DemoExchange, session: requests.Session, entry: object, words: str
) -> None:
    exchange.inject_fault("mturk", 200, json.dumps({"tasks": [entry]}).encode())

    error = failure(connector_for(exchange, session).fetch_queue)

    assert isinstance(error, BadPayload) and words in error.message


def test_a_queue_without_its_list_is_a_bad_payload(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("mturk", 200, b'{"results": []}')

    error = failure(connector_for(exchange, session).fetch_queue)

    assert isinstance(error, BadPayload) and "no queue" in error.message


def test_a_lowest_reward_is_asked_of_the_search(exchange: DemoExchange, session: requests.Session) -> None:
    tasks = connector_for(exchange, session, options={"min_reward": "2.50", "interval": "10"}).fetch_tasks()

    everything = connector_for(exchange, session).fetch_tasks()
    assert tasks == [task for task in everything if task.reward.minor >= 250]
    assert 0 < len(tasks) < len(everything)


@pytest.mark.parametrize("wanted", ["abc", "-1", "0.005"])
def test_an_unreadable_lowest_reward_is_refused(
    exchange: DemoExchange, session: requests.Session, wanted: str
) -> None:
    with pytest.raises(ValueError, match="min_reward"):
        connector_for(exchange, session, options={"min_reward": wanted})


@pytest.mark.parametrize("cookie", [None, "", "   "])
def test_no_cookie_means_not_signed_in(
    exchange: DemoExchange, session: requests.Session, cookie: str | None
) -> None:
    error = failure(connector_for(exchange, session, cookie).fetch_tasks)

    assert isinstance(error, AuthExpired) and error.message == NOT_SIGNED_IN


def test_a_cookie_that_cannot_be_sent_is_refused_unsent(exchange: DemoExchange, session: requests.Session) -> None:
    cookie = MTURK_COOKIE + "\r\nX-Injected: 1"

    error = failure(connector_for(exchange, session, cookie).fetch_tasks)

    assert isinstance(error, AuthExpired) and error.message == UNSENDABLE_COOKIE


def test_a_wrong_cookie_gets_the_sign_in_page(exchange: DemoExchange, session: requests.Session) -> None:
    connector = connector_for(exchange, session, "session-token=an-old-session")

    for call in (connector.fetch_tasks, connector.fetch_queue):
        error = failure(call)
        assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT
        assert "an-old-session" not in str(error)


def test_the_sign_in_page_means_signed_out(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("mturk", 200, SIGN_IN_PAGE, content_type=HTML_TYPE)

    error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT


def test_the_sign_in_mark_inside_json_is_only_text(exchange: DemoExchange, session: requests.Session) -> None:
    text = "see openid.assoc_handle=amzn_mturk_worker"
    exchange.inject_fault("mturk", 200, page_of([project(description=text)]))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.description == text


def test_a_redirect_to_a_sign_in_path_means_signed_out(exchange: DemoExchange, session: requests.Session) -> None:
    target = exchange.url_of("mturk") + "/ap/signin?openid.assoc_handle=amzn_mturk_worker"
    exchange.inject_fault("mturk", 302, b"", headers=(("Location", target),))

    error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT


class _Recorder:
    """Another server, which notes the headers it was sent."""

    platform = "elsewhere"

    def __init__(self) -> None:
        self.headers: list[Mapping[str, str]] = []

    def handle(self, request: Request) -> Response:
        self.headers.append(request.headers)
        return Response(200, b'{"page_number": 1, "results": []}')


def test_a_redirect_off_the_site_means_signed_out_and_takes_no_cookie(
    exchange: DemoExchange, session: requests.Session, ticks: ManualClock
) -> None:
    recorder = _Recorder()
    with DemoExchange(seed=1, clock=ticks, sites=[lambda context: recorder]) as elsewhere:
        exchange.inject_fault("mturk", 302, b"", headers=(("Location", elsewhere.url_of("elsewhere") + "/x"),))

        error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT
    assert len(recorder.headers) == 1 and "cookie" not in recorder.headers[0]


@pytest.mark.parametrize("status", [401, 403])
def test_a_refusal_means_signed_out(exchange: DemoExchange, session: requests.Session, status: int) -> None:
    exchange.inject_fault("mturk", status, b"")

    error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT


@pytest.mark.parametrize(
    ("headers", "wait"),
    [
        ((("Retry-After", "42"),), 42),
        ((), 60),
        ((("Retry-After", "Wed, 25 Mar 2025 12:01:30 GMT"),), 90),  # an HTTP date
        ((("Retry-After", "Mon, 24 Mar 2025 12:00:00 GMT"),), 1),  # a date gone by: the shortest wait
        ((("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"),), 86_400),  # a wait past a day is a day
        ((("Retry-After", "soon"),), 60),
    ],
)
def test_a_page_request_error_waits_as_told_or_a_minute(
    exchange: DemoExchange, session: requests.Session, headers: tuple[tuple[str, str], ...], wait: int
) -> None:
    exchange.inject_fault("mturk", 429, b"", content_type=HTML_TYPE, headers=headers)

    error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=wait)
    assert f"{wait} s" in error.message


def test_polling_faster_than_the_site_allows_is_rate_limited(
    ticks: ManualClock, session: requests.Session
) -> None:
    def strict(context: SiteContext) -> Site:
        return mturk_site(context, min_interval=30.0, burst=1)

    with DemoExchange(seed=21, clock=ticks, sites=[strict]) as exchange:
        connector = connector_for(exchange, session)
        connector.fetch_tasks()

        error = failure(connector.fetch_queue)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=30)


@pytest.mark.parametrize(("status", "words"), [(503, "HTTP 503"), (500, "HTTP 500"), (404, "HTTP 404")])
def test_server_errors_mean_unavailable(
    exchange: DemoExchange, session: requests.Session, status: int, words: str
) -> None:
    exchange.inject_fault("mturk", status, b"<html>Service Unavailable</html>", content_type=HTML_TYPE)

    error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, Unavailable) and words in error.message


def test_a_closed_port_means_unavailable(session: requests.Session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    connector = MTurkConnector(ACCOUNT, f"http://127.0.0.1:{port}", lambda: MTURK_COOKIE, session, FixedClock(NOW))

    error = failure(connector.fetch_tasks)

    assert isinstance(error, Unavailable) and error.message == f"cannot connect to 127.0.0.1:{port}"
    assert "format=json" not in str(error) and "/projects" not in str(error)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<html>Please type the following characters in the text box below</html>", "not JSON"),
        (b'{"page_number": 1}', "no list of projects"),
        (b'{"results": {"hit_set_id": "3A"}}', "no list of projects"),
        (b"[]", "not an object"),
        (page_of(["not a project"]), "not an object"),
        (page_of([project(hit_set_id=7)]), "no id"),
        (page_of([project(title=None)]), "no title"),
        (page_of([project(monetary_reward=None)]), "no reward"),
        (page_of([project(monetary_reward=0.25)]), "wrong type"),
        (page_of([project(monetary_reward={"currency_code": "USD"})]), "without an amount"),
        (page_of([project(monetary_reward={"amount_in_dollars": {"amount": 1}})]), "without an amount"),
        (page_of([project(monetary_reward={"amount_in_dollars": False})]), "without an amount"),
        (page_of([project(monetary_reward={"amount_in_dollars": "abc"})]), "unreadable reward"),
        (page_of([project(monetary_reward={"amount_in_dollars": 0.005})]), "unreadable reward"),
        (page_of([project(monetary_reward={"amount_in_dollars": 1, "currency_code": "dollars"})]), "unreadable"),
    ],
)
def test_unreadable_answers_are_bad_payloads(
    exchange: DemoExchange, session: requests.Session, body: bytes, words: str
) -> None:
    exchange.inject_fault("mturk", 200, body)

    error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, BadPayload) and words in error.message


def test_one_bad_project_spoils_the_whole_answer(exchange: DemoExchange, session: requests.Session) -> None:
    bad = project("3" + "F" * 29, monetary_reward={"amount_in_dollars": "x" * 500})
    exchange.inject_fault("mturk", 200, page_of([project(), bad]))

    error = failure(connector_for(exchange, session).fetch_tasks)

    assert isinstance(error, BadPayload) and "F" * 29 in error.message
    assert len(error.message) < 300


def test_an_unchanged_project_gives_back_the_same_task(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("mturk", 200, page_of([project()]), count=2)
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    (second,) = connector.fetch_tasks()

    assert second is first


def test_hits_taken_alone_change_only_places_left(exchange: DemoExchange, session: requests.Session) -> None:
    requirements = [
        {"qualification_type": {"name": "Masters"}, "comparator": "Exists", "caller_meets_requirement": False}
    ]
    exchange.inject_fault("mturk", 200, page_of([project(project_requirements=requirements)]))
    exchange.inject_fault(
        "mturk",
        200,
        page_of([project(project_requirements=requirements, assignable_hits_count=7, last_updated_time="x")]),
    )
    exchange.inject_fault("mturk", 200, page_of([project(project_requirements=[], assignable_hits_count=7)]))
    connector = connector_for(exchange, session)

    (before,) = connector.fetch_tasks()
    (fewer,) = connector.fetch_tasks()
    kept = connector.requirements_of(fewer.external_id).qualifications
    (changed,) = connector.fetch_tasks()

    assert (before.places_left, fewer.places_left) == (50, 7)
    assert fewer.offer_fingerprint() == before.offer_fingerprint()
    assert kept == (Requirement("Masters", "Exists", (), False),)
    assert connector.requirements_of(changed.external_id).qualifications == ()


def test_a_failed_poll_does_not_spoil_what_was_read_before(
    exchange: DemoExchange, session: requests.Session
) -> None:
    requirements = [{"qualification_type": {"name": "Masters"}, "caller_meets_requirement": False}]
    exchange.inject_fault("mturk", 200, page_of([project(project_requirements=requirements)]))
    exchange.inject_fault("mturk", 200, page_of([project("3" + "C" * 29), {"hit_set_id": "3D"}]))
    exchange.inject_fault("mturk", 200, page_of([project(project_requirements=requirements)]))
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    with pytest.raises(BadPayload):
        connector.fetch_tasks()
    assert connector.requirements_of(first.external_id).qualifications == (Requirement("Masters", "", (), False),)
    (again,) = connector.fetch_tasks()

    assert again is first


def test_any_change_of_a_project_is_read_as_a_fresh_connector_reads_it(
    exchange: DemoExchange, session: requests.Session
) -> None:
    listed = raw(exchange, session, "/projects", **SEARCH, page_number="1")["results"]
    demo = next((item for item in listed if item.get("project_requirements")), listed[0])
    assert demo.get("project_requirements"), "the demo should list a project with requirements"
    # One that says the worker meets every requirement, rather than each one.
    requirement = {"qualification_type": {"name": "Location"}, "comparator": "In", "qualification_values": ["FR"]}
    met_by_all = project(project_requirements=[requirement], caller_meets_requirements=True)
    for original in (demo, met_by_all):
        for path, changed in one_change_each(original):
            for item in (original, changed, changed):
                exchange.inject_fault("mturk", 200, page_of([item]))
            reader, fresh = connector_for(exchange, session), connector_for(exchange, session)
            reader.fetch_tasks()
            outcome = poll_outcome(reader.fetch_tasks)
            assert outcome == poll_outcome(fresh.fetch_tasks), path
            project_id = str(changed["hit_set_id"])
            if isinstance(outcome, list):  # a failed poll keeps what the last good one said
                assert reader.requirements_of(project_id) == fresh.requirements_of(project_id), path
