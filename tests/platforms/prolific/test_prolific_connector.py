"""The Prolific connector turns the participant API into tasks, and every failure into one typed platform error."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from surveydesk.core.connector import Connector
from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError, RateLimited, Unavailable
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.prolific_site import prolific_site
from surveydesk.platforms.prolific.tasks import ProlificConnector
from tests.factories import FixedClock, one_change_each, poll_outcome

ACCOUNT = AccountKey("prolific", "main")
TOKEN = DemoExchange.PROLIFIC_TOKEN
STUDIES = "/api/v1/participant/studies/?sortBy=published_at&orderBy=asc"
NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def exchange(ticks: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(
        seed=21, clock=ticks, sites=[lambda context: prolific_site(context, min_interval=30.0)]
    ) as exchange:
        yield exchange


@pytest.fixture
def twin(ticks: ManualClock) -> Iterator[DemoExchange]:
    """The same market on its own server without a rate limit, for reading what the connector should see."""
    with DemoExchange(
        seed=21, clock=ticks, sites=[lambda context: prolific_site(context, min_interval=0)]
    ) as twin:
        yield twin


def connector_for(
    exchange: DemoExchange, session: requests.Session, token: str | None = TOKEN
) -> ProlificConnector:
    return ProlificConnector(
        account=ACCOUNT,
        base_url=exchange.prolific_url,
        token_provider=lambda: token,
        session=session,
        clock=FixedClock(NOW),
        study_page_base=exchange.prolific_study_page_base,
    )


def raw_studies(exchange: DemoExchange, session: requests.Session) -> dict[str, Any]:
    response = session.get(
        exchange.prolific_url + STUDIES, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5
    )
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def page_of(studies: Sequence[object], next_href: str | None = None) -> bytes:
    return json.dumps({"results": studies, "_links": {"next": {"href": next_href}}, "meta": {"count": 1}}).encode()


def failure(exchange: DemoExchange, session: requests.Session, token: str | None = TOKEN) -> PlatformError:
    """The platform error one poll raises; none of them may show the token."""
    with pytest.raises(PlatformError) as caught:
        connector_for(exchange, session, token).fetch_tasks()
    assert TOKEN not in str(caught.value)
    return caught.value


def test_is_a_connector(exchange: DemoExchange, session: requests.Session) -> None:
    connector: Connector = connector_for(exchange, session)

    assert connector.account == ACCOUNT


def test_maps_each_study_to_a_task(exchange: DemoExchange, twin: DemoExchange, session: requests.Session) -> None:
    raw = raw_studies(twin, session)["results"]

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.external_id for task in tasks] == [study["id"] for study in raw]
    assert [task.reward.minor for task in tasks] == [study["study_reward"]["amount"] for study in raw]
    study, task = raw[0], tasks[0]
    assert task.platform == "prolific" and task.account == "main"
    assert task.title == study["name"]
    assert task.description == study["description"]
    assert task.requester_id == study["researcher"]["id"]
    assert task.requester_name == study["researcher"]["name"]
    assert task.reward == Money(study["study_reward"]["amount"], study["study_reward"]["currency"])
    assert task.reward_per_hour == Money.parse(study["study_average_reward_per_hour"], unit="minor")
    assert task.estimated_minutes == study["estimated_completion_time"]
    assert task.places_left == study["total_available_places"] - study["places_taken"]
    assert task.time_allowed_minutes == study["maximum_allowed_time"]
    assert task.devices == tuple(study["device_compatibility"])
    assert task.published_at == datetime.fromisoformat(study["published_at"])
    assert task.url == f"{exchange.prolific_url}/studies/{study['id']}"
    assert task.first_seen == task.last_seen == NOW


def test_the_study_page_of_a_task_opens(exchange: DemoExchange, session: requests.Session) -> None:
    task = connector_for(exchange, session).fetch_tasks()[0]

    page = session.get(task.url, timeout=5)

    assert page.status_code == 200 and "<h1>" in page.text


def test_reads_the_legacy_reward_and_naive_times(exchange: DemoExchange, session: requests.Session) -> None:
    legacy = {"id": "a" * 24, "name": "Old style", "reward": 150, "published_at": "2026-03-25 16:10:53.160000"}
    legacy_object = {"id": "b" * 24, "name": "Older style", "reward": {"amount": 80, "currency": "USD"}}
    exchange.inject_fault("prolific", 200, page_of([legacy, legacy_object]))

    first, second = connector_for(exchange, session).fetch_tasks()

    assert first.reward == Money(150, "GBP")
    assert first.published_at == datetime(2026, 3, 25, 16, 10, 53, 160000, tzinfo=UTC)
    assert first.places_left is None and first.estimated_minutes is None and first.reward_per_hour is None
    assert second.reward == Money(80, "USD")


def test_follows_the_next_page_on_the_same_server(
    exchange: DemoExchange, twin: DemoExchange, session: requests.Session
) -> None:
    extra = {"id": "c" * 24, "name": "On page one", "study_reward": {"amount": 95, "currency": "GBP"}}
    exchange.inject_fault("prolific", 200, page_of([extra], "/prolific" + STUDIES + "&page=2"))

    tasks = connector_for(exchange, session).fetch_tasks()

    rest = [study["id"] for study in raw_studies(twin, session)["results"]]
    assert [task.external_id for task in tasks] == ["c" * 24, *rest]


def test_will_not_send_the_token_to_another_server(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("prolific", 200, page_of([], "http://127.0.0.1:9/elsewhere/"))

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and "another server" in error.message


def test_gives_up_on_a_list_without_end(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("prolific", 200, page_of([], exchange.prolific_url + STUDIES), count=25)

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and "20 pages" in error.message


@pytest.mark.parametrize("token", [None, ""])
def test_no_token_means_not_signed_in(
    exchange: DemoExchange, session: requests.Session, token: str | None
) -> None:
    error = failure(exchange, session, token)

    assert isinstance(error, AuthExpired)
    assert error.message == "Not signed in to Prolific: sign in from Accounts"


def test_a_refused_token_means_the_login_expired(exchange: DemoExchange, session: requests.Session) -> None:
    with pytest.raises(AuthExpired, match="sign-in has expired") as caught:
        connector_for(exchange, session, "an-old-token").fetch_tasks()

    assert "an-old-token" not in str(caught.value)


def test_polling_too_fast_waits_as_long_as_prolific_says(
    exchange: DemoExchange, session: requests.Session
) -> None:
    connector_for(exchange, session).fetch_tasks()

    error = failure(exchange, session)

    assert isinstance(error, RateLimited)
    assert error.retry_at == NOW + timedelta(seconds=30)


def test_rate_limit_falls_back_to_retry_after(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault(
        "prolific", 429, b'{"error": {"detail": "Slow down."}}', headers=(("Retry-After", "42"),)
    )

    error = failure(exchange, session)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=42)


def test_rate_limit_without_any_time_waits_five_minutes(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("prolific", 429, b'{"error": {"detail": "Request was throttled."}}')

    error = failure(exchange, session)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=300)


@pytest.mark.parametrize(("status", "words"), [(503, "HTTP 503"), (500, "HTTP 500"), (404, "HTTP 404")])
def test_server_errors_mean_unavailable(
    exchange: DemoExchange, session: requests.Session, status: int, words: str
) -> None:
    exchange.inject_fault("prolific", status, b"<html>Service Unavailable</html>", content_type="text/html")

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and words in error.message


def test_a_closed_port_means_unavailable(session: requests.Session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    connector = ProlificConnector(ACCOUNT, f"http://127.0.0.1:{port}", lambda: TOKEN, session, FixedClock(NOW))

    with pytest.raises(Unavailable) as caught:
        connector.fetch_tasks()

    assert caught.value.message == f"cannot connect to 127.0.0.1:{port}"
    assert TOKEN not in str(caught.value) and "sortBy" not in str(caught.value)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<html>Please sign in</html>", "not JSON"),
        (b'{"detail": "ok"}', "no list of studies"),
        (b"[]", "not an object"),
        (page_of([{"id": "d" * 24, "name": "x", "study_reward": {"amount": "abc", "currency": "GBP"}}]), "reward"),
        (page_of([{"id": "d" * 24, "name": "x", "study_reward": {"amount": "abc"}}]), "reward"),
        (page_of([{"id": "d" * 24, "name": "x", "study_reward": {"amount": 1.5, "currency": "GBP"}}]), "reward"),
        (page_of([{"id": "d" * 24, "name": "x", "reward": "150"}]), "wrong type"),
        (page_of([{"id": "d" * 24, "name": "x"}]), "no reward"),
        (page_of([{"id": "d" * 24, "reward": 150}]), "no name"),
        (page_of([{"id": 7, "name": "x", "reward": 150}]), "no id"),
        (page_of(["not a study"]), "not an object"),
    ],
)
def test_unreadable_answers_are_bad_payloads(
    exchange: DemoExchange, session: requests.Session, body: bytes, words: str
) -> None:
    exchange.inject_fault("prolific", 200, body)

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and words in error.message


def test_one_bad_study_spoils_the_whole_answer(exchange: DemoExchange, session: requests.Session) -> None:
    good = {"id": "e" * 24, "name": "fine", "reward": 100}
    bad = {"id": "f" * 24, "name": "broken", "study_reward": {"amount": "x" * 500, "currency": "GBP"}}
    exchange.inject_fault("prolific", 200, page_of([good, bad]))

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and "f" * 24 in error.message
    assert len(error.message) < 300


def _study(study_id: str, taken: int, name: str = "A study") -> dict[str, Any]:
    return {
        "id": study_id,
        "name": name,
        "study_reward": {"amount": 150, "currency": "GBP"},
        "total_available_places": 50,
        "places_taken": taken,
    }


def test_an_unchanged_study_gives_back_the_same_task(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("prolific", 200, page_of([_study("a" * 24, 10)]), count=2)
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    (second,) = connector.fetch_tasks()

    assert second is first


def test_places_taken_alone_changes_only_places_left(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("prolific", 200, page_of([_study("a" * 24, 10)]))
    exchange.inject_fault("prolific", 200, page_of([_study("a" * 24, 30)]))
    exchange.inject_fault("prolific", 200, page_of([_study("a" * 24, 30, name="Renamed")]))
    connector = connector_for(exchange, session)

    (before,) = connector.fetch_tasks()
    (fewer_places,) = connector.fetch_tasks()
    (renamed,) = connector.fetch_tasks()

    assert (before.places_left, fewer_places.places_left) == (40, 20)
    assert fewer_places.offer_fingerprint() == before.offer_fingerprint()
    assert (renamed.title, renamed.places_left) == ("Renamed", 20)


def test_a_failed_poll_does_not_spoil_what_was_read_before(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("prolific", 200, page_of([_study("a" * 24, 10)]))
    exchange.inject_fault("prolific", 200, page_of([_study("b" * 24, 10), {"id": "c" * 24}]))
    exchange.inject_fault("prolific", 200, page_of([_study("a" * 24, 10)]))
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    with pytest.raises(BadPayload):
        connector.fetch_tasks()
    (again,) = connector.fetch_tasks()

    assert again is first


def test_any_change_of_a_study_is_read_as_a_fresh_connector_reads_it(
    exchange: DemoExchange, session: requests.Session
) -> None:
    original = raw_studies(exchange, session)["results"][0]
    for path, changed in one_change_each(original):
        for item in (original, changed, changed):
            exchange.inject_fault("prolific", 200, page_of([item]))
        reader, fresh = connector_for(exchange, session), connector_for(exchange, session)
        reader.fetch_tasks()
        outcome = poll_outcome(reader.fetch_tasks)
        assert outcome == poll_outcome(fresh.fetch_tasks), path
        if isinstance(outcome, list):  # a failed poll keeps what the last good one said
            study_id = str(changed["id"])
            assert reader.peripherals_of(study_id) == fresh.peripherals_of(study_id), path
