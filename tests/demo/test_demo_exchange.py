"""The demo exchange speaks Prolific's participant API over loopback, evolves, throttles and fails on demand."""

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
from tests.ledger_helpers import PROLIFIC_UNPACED

STUDIES = "/api/v1/participant/studies/?sortBy=published_at&orderBy=asc"
AUTH = {"Authorization": f"Bearer {DemoExchange.PROLIFIC_TOKEN}"}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def exchange(clock: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=11, clock=clock) as exchange:
        yield exchange


def studies(exchange: DemoExchange, session: requests.Session) -> dict[str, Any]:
    response = session.get(exchange.prolific_url + STUDIES, headers=AUTH, timeout=5)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_lists_studies_in_prolifics_envelope(exchange: DemoExchange, session: requests.Session) -> None:
    response = session.get(exchange.prolific_url + STUDIES, headers=AUTH, timeout=5)

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert response.content == json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()
    assert set(body) == {"results", "_links", "meta"}
    assert body["meta"] == {"count": 12}
    assert len(body["results"]) == 12
    assert body["_links"]["self"] == {"href": exchange.prolific_url + STUDIES, "title": "Current"}
    assert body["_links"]["next"] == {"href": None, "title": "Next"}
    assert body["_links"]["previous"] == {"href": None, "title": "Previous"}
    assert body["_links"]["last"]["href"] == exchange.prolific_url + STUDIES
    published = [study["published_at"] for study in body["results"]]
    assert published == sorted(published)


def test_every_study_carries_every_field_with_its_type(exchange: DemoExchange, session: requests.Session) -> None:
    iso = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")
    for study in studies(exchange, session)["results"]:
        assert re.fullmatch(r"[0-9a-f]{24}", study["id"])
        assert isinstance(study["name"], str) and study["name"]
        assert isinstance(study["description"], str)
        assert study["study_type"] == "SINGLE"
        assert iso.fullmatch(study["date_created"]) and iso.fullmatch(study["published_at"])
        assert study["date_created"] < study["published_at"]
        assert 0 <= study["places_taken"] < study["total_available_places"]
        assert study["submissions_config"]["max_submissions_per_participant"] >= 1
        reward = Money.parse(study["study_reward"], unit="minor")
        assert 40 <= reward.minor <= 600 and reward.currency in {"GBP", "USD"}
        assert 2 <= study["estimated_completion_time"] <= 45
        per_hour = Money.parse(study["study_average_reward_per_hour"], unit="minor")
        assert per_hour == reward.per_hour(study["estimated_completion_time"])
        assert set(study["researcher"]) == {"id", "name", "country"}
        assert re.fullmatch(r"[0-9a-f]{24}", study["researcher"]["id"])
        assert study["device_compatibility"] and set(study["device_compatibility"]) <= {
            "desktop",
            "mobile",
            "tablet",
        }
        assert all(isinstance(item, str) for item in study["peripheral_requirements"])
        assert study["maximum_allowed_time"] >= study["estimated_completion_time"]
        assert isinstance(study["average_completion_time_in_seconds"], int)
        for flag in ("is_confidential", "is_ongoing_study", "is_custom_screening"):
            assert isinstance(study[flag], bool)
        assert isinstance(study["pii"]["enabled"], bool)
        assert study["submission_started_at"] is None
        assert all(isinstance(label, str) for label in study["study_labels"] + study["ai_inferred_study_labels"])
        assert study["previous_submission_count"] == 0


def test_some_titles_carry_text_a_ui_must_not_interpret(clock: ManualClock, session: requests.Session) -> None:
    with DemoExchange(seed=5, clock=clock, initial_studies=150) as exchange:
        names = [study["name"] for study in studies(exchange, session)["results"]]

    untrusted = [name for name in names if re.search(r"[<&=+{]", name)]
    assert 1 <= len(untrusted) <= 30


@pytest.mark.parametrize(
    ("headers", "detail"),
    [
        ({}, "Authentication credentials were not provided."),
        ({"Authorization": "Bearer not-the-demo-token"}, "Invalid token."),
    ],
)
def test_refuses_a_missing_or_wrong_token(
    exchange: DemoExchange, session: requests.Session, headers: dict[str, str], detail: str
) -> None:
    response = session.get(exchange.prolific_url + STUDIES, headers=headers, timeout=5)

    assert response.status_code == 401
    error = response.json()["error"]
    assert set(error) == {"additional_information", "detail", "error_code", "status", "title"}
    assert error["additional_information"] == "/api/v1/errors/"
    assert error["detail"] == detail
    assert error["status"] == 401
    assert isinstance(error["error_code"], int)


def test_throttles_polls_closer_than_the_interval(
    exchange: DemoExchange, session: requests.Session, clock: ManualClock
) -> None:
    url = exchange.prolific_url + STUDIES
    assert session.get(url, headers=AUTH, timeout=5).status_code == 200

    clock.seconds += 0.5
    throttled = session.get(url, headers=AUTH, timeout=5)
    assert throttled.status_code == 429
    assert throttled.json() == {"error": {"detail": "Request was throttled. Expected available in 2 seconds."}}
    assert throttled.headers["Retry-After"] == "2"

    clock.seconds += 1.0
    assert session.get(url, headers=AUTH, timeout=5).json()["error"]["detail"].endswith("available in 1 seconds.")

    clock.seconds += 0.5
    assert session.get(url, headers=AUTH, timeout=5).status_code == 200


def test_same_seed_and_clock_readings_give_the_same_replies(session: requests.Session) -> None:
    first_clock, second_clock = ManualClock(), ManualClock()
    first = DemoExchange(seed=3, clock=first_clock, sites=PROLIFIC_UNPACED)
    second = DemoExchange(seed=3, clock=second_clock, sites=PROLIFIC_UNPACED)
    with first, second:
        assert studies(first, session)["results"] == studies(second, session)["results"]
        first_clock.seconds += 400.0
        second_clock.seconds += 100.0
        studies(second, session)  # looking in between changes nothing
        second_clock.seconds += 300.0
        assert studies(first, session)["results"] == studies(second, session)["results"]


def test_another_seed_gives_another_market(clock: ManualClock, session: requests.Session) -> None:
    with DemoExchange(seed=3, clock=clock) as first, DemoExchange(seed=4, clock=clock) as second:
        assert studies(first, session)["results"] != studies(second, session)["results"]


def test_the_market_moves_as_time_passes(
    exchange: DemoExchange, session: requests.Session, clock: ManualClock
) -> None:
    before = {study["id"] for study in studies(exchange, session)["results"]}

    clock.seconds += 600.0
    after = {study["id"] for study in studies(exchange, session)["results"]}

    assert after - before, "new studies were published"
    assert before - after, "some studies filled up or closed"


def test_places_fill_between_polls(exchange: DemoExchange, session: requests.Session, clock: ManualClock) -> None:
    before = {study["id"]: study["places_taken"] for study in studies(exchange, session)["results"]}

    clock.seconds += 30.0
    after = {study["id"]: study["places_taken"] for study in studies(exchange, session)["results"]}

    still_open = before.keys() & after.keys()
    assert all(after[key] >= before[key] for key in still_open)
    assert any(after[key] > before[key] for key in still_open)


def test_an_injected_fault_answers_once(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault(
        "prolific", 503, b"<h1>down</h1>", content_type="text/html", headers=(("X-Why", "test"),)
    )

    faulty = session.get(exchange.prolific_url + STUDIES, headers=AUTH, timeout=5)
    assert (faulty.status_code, faulty.content, faulty.headers["Content-Type"]) == (
        503,
        b"<h1>down</h1>",
        "text/html",
    )
    assert faulty.headers["X-Why"] == "test"
    assert session.get(exchange.prolific_url + STUDIES, headers=AUTH, timeout=5).status_code == 200


def test_a_fault_for_an_unknown_platform_is_refused(exchange: DemoExchange) -> None:
    with pytest.raises(ValueError, match="nowhere"):
        exchange.inject_fault("nowhere", 500, b"")


@pytest.mark.parametrize("path", ["/nowhere/api", "/prolific/api/v1/unknown/", "/"])
def test_unknown_paths_are_json_404s(exchange: DemoExchange, session: requests.Session, path: str) -> None:
    response = session.get(exchange.base_url + path, headers=AUTH, timeout=5)

    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["error"]["detail"] == "Not found."


def test_study_pages_show_the_study_as_plain_text(clock: ManualClock, session: requests.Session) -> None:
    with DemoExchange(seed=5, clock=clock, initial_studies=150) as exchange:
        listed = studies(exchange, session)["results"]
        study = next(study for study in listed if html.escape(study["name"], quote=False) != study["name"])
        page = session.get(exchange.prolific_study_page_base + study["id"], timeout=5)
        missing = session.get(exchange.prolific_study_page_base + "0" * 24, timeout=5)

    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert html.escape(study["name"]) in page.text
    assert study["name"] not in page.text
    assert missing.status_code == 404


def test_serves_a_thousand_studies_from_cache_while_the_market_stands_still(session: requests.Session) -> None:
    clock = ManualClock()
    with DemoExchange(seed=1, clock=clock, initial_studies=1000, sites=PROLIFIC_UNPACED) as exchange:
        first = session.get(exchange.prolific_url + STUDIES, headers=AUTH, timeout=5)
        again = session.get(exchange.prolific_url + STUDIES, headers=AUTH, timeout=5)

    assert first.json()["meta"]["count"] == 1000
    assert again.content == first.content


def test_serves_quietly_and_stops_for_good(
    exchange: DemoExchange, session: requests.Session, capfd: pytest.CaptureFixture[str]
) -> None:
    url = exchange.prolific_url + STUDIES
    assert session.get(url, headers=AUTH, timeout=5).status_code == 200

    exchange.stop()

    assert capfd.readouterr().err == ""
    with pytest.raises(requests.ConnectionError):
        session.get(url, headers=AUTH, timeout=5)
    with pytest.raises(RuntimeError, match="not running"):
        _ = exchange.base_url
