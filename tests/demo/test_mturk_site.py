"""The demo MTurk speaks the worker site's JSON over loopback: search, queue, cookie sign-in and page limits."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from surveydesk.core.money import Money
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.exchange import SIMULATED_EPOCH
from surveydesk.demo.mturk_site import BURST, MTURK_COOKIE, MTURK_SESSION, mturk_site
from surveydesk.demo.prolific_site import ProlificSite
from surveydesk.demo.wire import Site, SiteContext

COOKIE = {"Cookie": MTURK_COOKIE}
SIGN_IN_MARK = "openid.assoc_handle=amzn_mturk_worker"
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")
MTURK_ID = re.compile(r"3[0-9A-Z]{29}")


def unthrottled(context: SiteContext) -> Site:
    return mturk_site(context, min_interval=0)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def exchange(clock: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=11, clock=clock, initial_studies=60, sites=[unthrottled]) as exchange:
        yield exchange


def fetch(url: str, headers: dict[str, str], params: dict[str, str] | None = None) -> requests.Response:
    with requests.Session() as session:
        session.trust_env = False  # loopback only, whatever proxy the environment names
        return session.get(url, params=params, headers=headers, timeout=5)


def get(exchange: DemoExchange, path: str, headers: dict[str, str] = COOKIE, **params: str) -> requests.Response:
    return fetch(exchange.url_of("mturk") + path, headers, params)


def search(exchange: DemoExchange, **params: str) -> dict[str, Any]:
    response = get(exchange, "/projects", format="json", **params)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def queue(exchange: DemoExchange) -> list[dict[str, Any]]:
    response = get(exchange, "/tasks", format="json")
    assert response.status_code == 200
    tasks: list[dict[str, Any]] = response.json()["tasks"]
    return tasks


def test_searches_in_the_worker_sites_envelope(exchange: DemoExchange) -> None:
    response = get(exchange, "/projects", format="json")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert list(body) == ["page_number", "num_results", "total_num_results", "results"]
    assert (body["page_number"], body["num_results"], body["total_num_results"]) == (1, 20, 60)
    assert len(body["results"]) == 20


def test_every_project_carries_every_field_with_its_type(exchange: DemoExchange) -> None:
    for project in search(exchange, page_size="100")["results"]:
        hit_set_id, requester_id = project["hit_set_id"], project["requester_id"]
        assert MTURK_ID.fullmatch(hit_set_id) and re.fullmatch(r"A[0-9A-Z]{13}", requester_id)
        assert isinstance(project["title"], str) and project["title"]
        assert isinstance(project["requester_name"], str) and isinstance(project["description"], str)
        assert (
            project["assignment_duration_in_seconds"] % 60 == 0 and project["assignment_duration_in_seconds"] > 0
        )
        assert project["assignable_hits_count"] > 0
        for moment in ("creation_time", "latest_expiration_time", "last_updated_time"):
            assert ISO.fullmatch(project[moment])
        reward = project["monetary_reward"]
        assert reward["currency_code"] == "USD" and isinstance(reward["amount_in_dollars"], float)
        assert 40 <= Money.parse(reward["amount_in_dollars"], "USD").minor <= 600
        assert project["requester_url"] == f"/requesters/{requester_id}/projects.json"
        assert project["project_tasks_url"] == f"/projects/{hit_set_id}/tasks.json"
        assert (
            project["accept_project_task_url"] == f"/projects/{hit_set_id}/tasks/accept_random.json?ref=w_pl_prvw"
        )
        assert set(project["requesterInfo"]) == {"activityLevel", "taskApprovalRate", "taskReviewTime"}
        requirements = project["project_requirements"]
        for requirement in requirements:
            assert (
                requirement["qualification_type"]["qualification_type_id"] == requirement["qualification_type_id"]
            )
            assert isinstance(requirement["qualification_type"]["name"], str)
            assert requirement["worker_action"] in {"AcceptHit", "PreviewHit"}
            assert all(isinstance(value, str) for value in requirement["qualification_values"])
            assert set(requirement["caller_qualification_value"]) == {"integer_value", "locale_value"}
        met = [requirement["caller_meets_requirement"] for requirement in requirements]
        assert project["caller_meets_requirements"] == all(met)
        assert project["caller_meets_preview_requirements"] == all(
            requirement["caller_meets_requirement"]
            for requirement in requirements
            if requirement["worker_action"] == "PreviewHit"
        )


def test_projects_mix_met_and_unmet_requirements(exchange: DemoExchange) -> None:
    projects = search(exchange, page_size="100")["results"]

    meets = [project["caller_meets_requirements"] for project in projects]
    previews = [project["caller_meets_preview_requirements"] for project in projects]
    assert meets.count(True) > meets.count(False) > 0
    assert False in previews
    assert any(not project["project_requirements"] for project in projects)


def test_a_qualified_search_hides_only_what_the_worker_cannot_preview(exchange: DemoExchange) -> None:
    everything = search(exchange, page_size="100")
    qualified = search(exchange, page_size="100", **{"filters[qualified]": "true"})

    previewable = [item for item in everything["results"] if item["caller_meets_preview_requirements"]]
    assert qualified["results"] == previewable
    assert qualified["total_num_results"] == len(previewable) < everything["total_num_results"]
    assert any(not item["caller_meets_requirements"] for item in qualified["results"])


def test_pages_follow_on_from_each_other(exchange: DemoExchange) -> None:
    whole = search(exchange, page_size="100")["results"]

    pages = [search(exchange, page_size="25", page_number=str(number)) for number in (1, 2, 3, 4)]

    assert [page["page_number"] for page in pages] == [1, 2, 3, 4]
    assert [page["num_results"] for page in pages] == [25, 25, 10, 0]
    assert {page["total_num_results"] for page in pages} == {60}
    assert [item for page in pages for item in page["results"]] == whole


@pytest.mark.parametrize(
    ("size", "number", "expected"),
    [("500", "1", (1, 100)), ("0", "1", (1, 20)), ("x", "-2", (1, 20)), ("²", "1", (1, 20)), ("30", "2", (2, 30))],
)
def test_odd_paging_values_fall_back_or_are_capped(
    clock: ManualClock, size: str, number: str, expected: tuple[int, int]
) -> None:
    with DemoExchange(seed=11, clock=clock, initial_studies=160, sites=[unthrottled]) as exchange:
        body = search(exchange, page_size=size, page_number=number)

    assert (body["page_number"], body["num_results"]) == expected


@pytest.mark.parametrize(
    ("sort", "field", "newest_first"),
    [
        ("updated_desc", "last_updated_time", True),
        ("updated_asc", "last_updated_time", False),
        ("reward_desc", "monetary_reward", True),
        ("num_hits_asc", "assignable_hits_count", False),
        ("nonsense", "last_updated_time", True),
    ],
)
def test_sorts_as_asked(exchange: DemoExchange, sort: str, field: str, newest_first: bool) -> None:
    projects = search(exchange, page_size="100", sort=sort)["results"]

    values = [
        project[field]["amount_in_dollars"] if field == "monetary_reward" else project[field]
        for project in projects
    ]
    assert values == sorted(values, reverse=newest_first)


def test_a_lowest_reward_filters_the_search(exchange: DemoExchange) -> None:
    everything = search(exchange, page_size="100")["results"]

    rich = search(exchange, page_size="100", **{"filters[min_reward]": "2.5"})["results"]
    unreadable = search(exchange, page_size="100", **{"filters[min_reward]": "lots"})["results"]

    assert rich == [item for item in everything if item["monetary_reward"]["amount_in_dollars"] >= 2.5]
    assert 0 < len(rich) < len(everything) and unreadable == everything


@pytest.mark.parametrize(
    "headers",
    [{}, {"Cookie": "session-token=not-the-demo-session"}, {"Cookie": f"other={MTURK_SESSION}"}],
    ids=["no cookie", "wrong session", "other cookie"],
)
@pytest.mark.parametrize("path", ["/projects", "/tasks", "/"])
def test_without_the_session_answers_with_the_sign_in_page(
    exchange: DemoExchange, headers: dict[str, str], path: str
) -> None:
    response = get(exchange, path, headers=headers, format="json")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert SIGN_IN_MARK in response.text and MTURK_SESSION not in response.text


def test_the_session_cookie_may_come_among_others(exchange: DemoExchange) -> None:
    headers = {"Cookie": f"ubid-main=131-0; {MTURK_COOKIE}; x-main=abc=def"}

    response = get(exchange, "/projects", headers=headers, format="json")

    assert response.status_code == 200 and response.json()["total_num_results"] == 60


def test_pages_are_html_unless_json_is_asked_for(exchange: DemoExchange) -> None:
    response = get(exchange, "/projects")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/html; charset=utf-8" and "format=json" in response.text


@pytest.mark.parametrize("path", ["/requesters/A1/projects", "/projects/nothing/tasks", "/qualifications"])
def test_unknown_pages_are_html_404s(exchange: DemoExchange, path: str) -> None:
    response = get(exchange, path, format="json")

    assert response.status_code == 404 and response.headers["Content-Type"] == "text/html; charset=utf-8"


def test_lists_the_workers_queue(exchange: DemoExchange, clock: ManualClock) -> None:
    now = SIMULATED_EPOCH
    listed = {item["hit_set_id"]: item for item in search(exchange, page_size="100")["results"]}

    entries = queue(exchange)

    assert entries
    for entry in entries:
        project = entry["project"]
        assert MTURK_ID.fullmatch(entry["task_id"]) and MTURK_ID.fullmatch(entry["assignment_id"])
        assert entry["state"] == "Assigned"
        assert ISO.fullmatch(entry["accepted_at"]) and ISO.fullmatch(entry["deadline"])
        deadline = datetime.fromisoformat(entry["deadline"])
        assert entry["time_to_deadline_in_seconds"] == int((deadline - now).total_seconds()) > 0
        accepted = datetime.fromisoformat(entry["accepted_at"])
        assert deadline - accepted == timedelta(seconds=project["assignment_duration_in_seconds"])
        assert entry["question"]["type"] == "ExternalURL"
        assert project["caller_meets_requirements"] is True
        assert "project_requirements" not in project and isinstance(project["hit_requirements"], list)
        assert project["requester_url"] == f"/requesters/{project['requester_id']}/projects"
        search_view = listed[project["hit_set_id"]]
        assert {key: project[key] for key in ("title", "monetary_reward", "assignable_hits_count")} == {
            key: search_view[key] for key in ("title", "monetary_reward", "assignable_hits_count")
        }
        expected_url = (
            f"/projects/{project['hit_set_id']}/tasks/{entry['task_id']}?assignment_id={entry['assignment_id']}"
        )
        assert entry["task_url"] == entry["expired_task_action_url"] == expected_url


def test_the_queue_counts_down_and_empties_as_deadlines_pass(exchange: DemoExchange, clock: ManualClock) -> None:
    before = {entry["assignment_id"]: entry["time_to_deadline_in_seconds"] for entry in queue(exchange)}

    clock.seconds += 4.0
    after = {entry["assignment_id"]: entry["time_to_deadline_in_seconds"] for entry in queue(exchange)}
    clock.seconds += 4 * 3600.0
    much_later = {entry["assignment_id"] for entry in queue(exchange)}

    assert before and after.keys() <= before.keys()
    assert all(after[key] == before[key] - 4 for key in after)
    assert not much_later & before.keys()


def test_a_burst_of_pages_then_one_per_interval(clock: ManualClock) -> None:
    with DemoExchange(seed=11, clock=clock, sites=[mturk_site]) as exchange:
        assert [get(exchange, "/projects", format="json").status_code for _ in range(BURST)] == [200] * BURST

        throttled = get(exchange, "/tasks", format="json")
        assert (throttled.status_code, throttled.content, throttled.headers["Retry-After"]) == (429, b"", "2")

        clock.seconds += 1.5
        assert get(exchange, "/projects", format="json").headers["Retry-After"] == "1"
        clock.seconds += 0.5
        assert get(exchange, "/projects", format="json").status_code == 200
        assert get(exchange, "/projects", format="json").status_code == 429

        clock.seconds += 60.0  # a long pause refills the burst, and no more
        statuses = [get(exchange, "/projects", format="json").status_code for _ in range(BURST + 1)]
        assert statuses == [200] * BURST + [429]


def test_a_burst_of_one_is_a_plain_minimum_interval(clock: ManualClock) -> None:
    def strict(context: SiteContext) -> Site:
        return mturk_site(context, min_interval=30.0, burst=1)

    with DemoExchange(seed=11, clock=clock, sites=[strict]) as exchange:
        assert get(exchange, "/projects", format="json").status_code == 200
        clock.seconds += 10.0
        assert get(exchange, "/projects", format="json").headers["Retry-After"] == "20"
        clock.seconds += 20.0
        assert get(exchange, "/projects", format="json").status_code == 200


def test_the_sign_in_page_is_not_throttled(clock: ManualClock) -> None:
    with DemoExchange(seed=11, clock=clock, sites=[mturk_site]) as exchange:
        for _ in range(BURST + 2):
            assert SIGN_IN_MARK in get(exchange, "/projects", headers={}, format="json").text
        assert get(exchange, "/projects", format="json").status_code == 200


def test_a_burst_must_allow_a_request(clock: ManualClock) -> None:
    def none(context: SiteContext) -> Site:
        return mturk_site(context, burst=0)

    with pytest.raises(ValueError, match="at least one"):
        DemoExchange(seed=1, clock=clock, sites=[none])


def test_same_seed_and_clock_readings_give_the_same_replies() -> None:
    first_clock, second_clock = ManualClock(), ManualClock()
    first = DemoExchange(seed=3, clock=first_clock, initial_studies=30, sites=[unthrottled])
    second = DemoExchange(seed=3, clock=second_clock, initial_studies=30, sites=[unthrottled])
    with first, second:
        assert search(first, page_size="100") == search(second, page_size="100")
        assert queue(first) == queue(second)
        first_clock.seconds += 400.0
        second_clock.seconds += 100.0
        search(second)  # looking in between changes nothing
        second_clock.seconds += 300.0
        assert search(first, page_size="100") == search(second, page_size="100")
        assert queue(first) == queue(second)


def test_another_seed_gives_other_projects(clock: ManualClock) -> None:
    first = DemoExchange(seed=3, clock=clock, sites=[unthrottled])
    with first, DemoExchange(seed=4, clock=clock, sites=[unthrottled]) as second:
        assert search(first)["results"] != search(second)["results"]


def test_mturk_has_a_market_of_its_own(clock: ManualClock) -> None:
    def prolific(context: SiteContext) -> Site:
        return ProlificSite(context.market(0), DemoExchange.PROLIFIC_TOKEN, 0, context.clock)

    with DemoExchange(seed=3, clock=clock, sites=[prolific, unthrottled]) as exchange:
        url = exchange.prolific_url + "/api/v1/participant/studies/"
        studies = fetch(url, {"Authorization": f"Bearer {DemoExchange.PROLIFIC_TOKEN}"}).json()["results"]
        projects = search(exchange, page_size="100")["results"]

    assert {study["name"] for study in studies} != {project["title"] for project in projects}


def test_project_pages_show_the_project_as_plain_text(clock: ManualClock) -> None:
    with DemoExchange(seed=5, clock=clock, initial_studies=150, sites=[unthrottled]) as exchange:
        projects = search(exchange, page_size="100")["results"]
        project = next(item for item in projects if html.escape(item["title"], quote=False) != item["title"])
        page = get(exchange, project["project_tasks_url"].removesuffix(".json"), headers={})
        task_page = get(exchange, f"{project['project_tasks_url'].removesuffix('.json')}/3{'A' * 29}", headers={})
        missing = get(exchange, "/projects/3" + "0" * 29 + "/tasks", headers={})

    assert page.status_code == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert html.escape(project["title"]) in page.text and project["title"] not in page.text
    assert task_page.text == page.text
    assert missing.status_code == 404
