"""The demo exchange speaks Toloka's worker task list over loopback: its shape, its sign-in, its throttling."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from surveydesk.core.money import Money
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.exchange import SIMULATED_EPOCH
from surveydesk.demo.toloka_site import TOLOKA_COOKIE, TOLOKA_CSRF, TOLOKA_SESSION, pool_id, toloka_site
from surveydesk.demo.wire import SiteContext

GROUPS = "/api/i-v2/task-suite-pool-groups"
SIGNED_IN = {"Cookie": TOLOKA_COOKIE, "X-CSRF-Token": TOLOKA_CSRF}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def toloka_exchange(
    clock: ManualClock, seed: int = 11, min_interval: float = 0, studies: int = 12
) -> DemoExchange:
    return DemoExchange(
        seed=seed, clock=clock, initial_studies=studies, sites=[lambda context: toloka_site(context, min_interval)]
    )


@pytest.fixture
def exchange(clock: ManualClock) -> Iterator[DemoExchange]:
    with toloka_exchange(clock) as exchange:
        yield exchange


def groups(exchange: DemoExchange, session: requests.Session) -> list[dict[str, Any]]:
    response = session.get(exchange.url_of("toloka") + GROUPS, headers=SIGNED_IN, timeout=5)
    assert response.status_code == 200
    body: list[dict[str, Any]] = response.json()
    return body


def test_the_demo_cookie_carries_the_session_and_the_csrf_token() -> None:
    pairs = dict(piece.split("=", 1) for piece in TOLOKA_COOKIE.split("; "))

    assert pairs == {"toloka-session": TOLOKA_SESSION, "toloka-csrftoken": TOLOKA_CSRF}


def test_lists_task_groups_as_a_json_array(exchange: DemoExchange, session: requests.Session) -> None:
    response = session.get(exchange.url_of("toloka") + GROUPS, headers=SIGNED_IN, timeout=5)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert response.content == json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    assert isinstance(body, list) and len(body) == 12


def test_every_group_has_the_reference_shape(exchange: DemoExchange, session: requests.Session) -> None:
    naive_utc = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}")
    for item in groups(exchange, session):
        assert isinstance(item["projectId"], int)
        assert isinstance(item["title"], str) and item["title"]
        assert isinstance(item["description"], str)
        assert item["projectMetaInfo"] == {"ignored": False}
        assert item["availability"] == {"available": True}
        assert item["trainingDetails"] == {"training": False}
        assert re.fullmatch(r"[0-9a-f]{24}", item["requesterInfo"]["id"])
        assert set(item["requesterInfo"]["name"]) == {"EN"}
        assert isinstance(item["requesterInfo"]["trusted"], bool)
        assert item["projectStats"]["averageSubmitTimeSec"] > 0
        (pool,) = item["pools"]
        assert isinstance(pool["id"], int) and 0 < pool["id"] < 2**53
        assert re.fullmatch(r"[0-9]+\.[0-9]{2}", pool["reward"])
        assert 40 <= Money.parse(pool["reward"], "USD").minor <= 600
        assert pool["activeAssignments"] is None
        assert pool["assignmentMaxDurationSeconds"] % 60 == 0
        assert naive_utc.fullmatch(pool["startedAt"])
        assert pool["availableTasks"] > 0


def test_rewards_are_the_market_studies_minor_units_as_cents(
    exchange: DemoExchange, session: requests.Session, clock: ManualClock
) -> None:
    context = SiteContext(11, clock, SIMULATED_EPOCH, 12, 1.0)
    _, studies = context.market(4).snapshot()

    listed = {item["pools"][0]["id"]: item for item in groups(exchange, session)}

    assert set(listed) == {pool_id(study) for study in studies}
    for study in studies:
        item = listed[pool_id(study)]
        assert Money.parse(item["pools"][0]["reward"], "USD") == Money(study.reward.minor, "USD")
        assert item["title"] == study.title
        assert item["pools"][0]["availableTasks"] == study.places_left


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-CSRF-Token": TOLOKA_CSRF},
        {"Cookie": TOLOKA_COOKIE},
        {"Cookie": TOLOKA_COOKIE, "X-CSRF-Token": "another-token"},
        {"Cookie": f"toloka-session=stale; toloka-csrftoken={TOLOKA_CSRF}", "X-CSRF-Token": TOLOKA_CSRF},
        {"Cookie": "toloka-session=x; toloka-csrftoken=y", "X-CSRF-Token": "y"},
        {"Cookie": f"toloka-session={TOLOKA_SESSION}", "X-CSRF-Token": TOLOKA_CSRF},
    ],
)
def test_refuses_a_missing_or_wrong_sign_in(
    exchange: DemoExchange, session: requests.Session, headers: dict[str, str]
) -> None:
    response = session.get(exchange.url_of("toloka") + GROUPS, headers=headers, timeout=5)

    assert response.status_code == 403
    assert response.json() == {"code": "ACCESS_DENIED", "message": "Access denied."}


def test_accepts_the_cookies_among_others(exchange: DemoExchange, session: requests.Session) -> None:
    headers = {"Cookie": f"yandexuid=5; {TOLOKA_COOKIE}; lang=en", "X-CSRF-Token": TOLOKA_CSRF}

    response = session.get(exchange.url_of("toloka") + GROUPS, headers=headers, timeout=5)

    assert response.status_code == 200


def test_throttles_polls_closer_than_the_interval(clock: ManualClock, session: requests.Session) -> None:
    with toloka_exchange(clock, min_interval=2.0) as exchange:
        url = exchange.url_of("toloka") + GROUPS
        assert session.get(url, headers=SIGNED_IN, timeout=5).status_code == 200

        clock.seconds += 0.5
        throttled = session.get(url, headers=SIGNED_IN, timeout=5)
        clock.seconds += 1.5
        again = session.get(url, headers=SIGNED_IN, timeout=5)

    assert throttled.status_code == 429
    assert throttled.headers["Retry-After"] == "2"
    assert throttled.json() == {"code": "TOO_MANY_REQUESTS", "message": "Too many requests."}
    assert again.status_code == 200


def test_same_seed_and_clock_readings_give_the_same_replies(session: requests.Session) -> None:
    first_clock, second_clock = ManualClock(), ManualClock()
    with toloka_exchange(first_clock, seed=3) as first, toloka_exchange(second_clock, seed=3) as second:
        assert groups(first, session) == groups(second, session)
        first_clock.seconds += 400.0
        second_clock.seconds += 400.0
        assert groups(first, session) == groups(second, session)


def test_toloka_has_a_market_of_its_own(clock: ManualClock, session: requests.Session) -> None:
    with toloka_exchange(clock, seed=3) as exchange:
        listed = {item["title"] for item in groups(exchange, session)}
    with DemoExchange(seed=3, clock=clock) as prolific:
        response = session.get(
            prolific.prolific_url + "/api/v1/participant/studies/",
            headers={"Authorization": f"Bearer {DemoExchange.PROLIFIC_TOKEN}"},
            timeout=5,
        )

    assert listed != {study["name"] for study in response.json()["results"]}


def test_the_list_moves_as_time_passes(
    exchange: DemoExchange, session: requests.Session, clock: ManualClock
) -> None:
    before = {item["pools"][0]["id"] for item in groups(exchange, session)}

    clock.seconds += 600.0
    after = {item["pools"][0]["id"] for item in groups(exchange, session)}

    assert after - before and before - after


def test_serves_the_same_bytes_while_the_market_stands_still(
    exchange: DemoExchange, session: requests.Session
) -> None:
    url = exchange.url_of("toloka") + GROUPS

    first = session.get(url, headers=SIGNED_IN, timeout=5)
    again = session.get(url, headers=SIGNED_IN, timeout=5)

    assert again.content == first.content


def test_an_injected_fault_answers_once(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("toloka", 503, b"<h1>down</h1>", content_type="text/html")
    url = exchange.url_of("toloka") + GROUPS

    assert session.get(url, headers=SIGNED_IN, timeout=5).status_code == 503
    assert session.get(url, headers=SIGNED_IN, timeout=5).status_code == 200


def test_task_pages_show_the_task_as_plain_text(clock: ManualClock, session: requests.Session) -> None:
    with toloka_exchange(clock, seed=5, studies=150) as exchange:
        listed = groups(exchange, session)
        item = next(item for item in listed if html.escape(item["title"], quote=False) != item["title"])
        page = session.get(f"{exchange.url_of('toloka')}/task/{item['pools'][0]['id']}", timeout=5)
        missing = session.get(f"{exchange.url_of('toloka')}/task/1", timeout=5)

    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert html.escape(item["title"]) in page.text and item["title"] not in page.text
    assert missing.status_code == 404


@pytest.mark.parametrize("path", ["/api/i-v2/unknown", "/task/abc", "/"])
def test_unknown_paths_are_json_404s(exchange: DemoExchange, session: requests.Session, path: str) -> None:
    response = session.get(exchange.url_of("toloka") + path, headers=SIGNED_IN, timeout=5)

    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
