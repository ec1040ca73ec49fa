"""One-click take against the demo exchange: each platform's way in, each refusal as a typed error in words."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Protocol, cast
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from surveydesk.core.connector import Connector
from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError, RateLimited, Unavailable
from surveydesk.core.model import Account, AccountKey, Task
from surveydesk.core.take import Taker, TakeRefused, TakeResult
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts
from surveydesk.demo.bitlabs_site import bitlabs_site
from surveydesk.demo.cpx_site import cpx_site
from surveydesk.demo.mturk_site import MTURK_SESSION, NO_MORE_HITS, NOT_QUALIFIED, mturk_site
from surveydesk.demo.prolific_site import PARTICIPANT_ID, ProlificSite
from surveydesk.demo.toloka_site import TOLOKA_CSRF, TOLOKA_SESSION, toloka_site
from surveydesk.demo.wire import Request, Response, Site, SiteContext, SiteFactory
from surveydesk.net.http import MAX_BODY_BYTES, post
from surveydesk.platforms.mturk.tasks import NOT_SIGNED_IN, SIGNED_OUT, MTurkConnector
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from tests.factories import FixedClock

NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
TOKEN = DemoExchange.PROLIFIC_TOKEN
# Every demo secret, and the parts of cookies that are secret on their own.
SECRETS = (TOKEN, MTURK_SESSION, TOLOKA_SESSION, TOLOKA_CSRF)
Seen = list[tuple[str, str, str]]  # (platform, method, path and query) of each request a site received


class TakingConnector(Connector, Taker, Protocol):
    """What the app holds for an account: a connector that also takes the tasks it lists."""


class Recording:
    """A site that notes every request it receives, then answers as the site it wraps."""

    def __init__(self, site: Site, seen: Seen) -> None:
        self._site = site
        self._seen = seen

    @property
    def platform(self) -> str:
        return self._site.platform

    def handle(self, request: Request) -> Response:
        self._seen.append((self.platform, request.method, f"{request.path}?{request.query_string}"))
        return self._site.handle(request)

    def __getattr__(self, name: str) -> object:
        """What the demo's sign-in pages read of the site (its cookie session)."""
        return getattr(self._site, name)

    def __setattr__(self, name: str, value: object) -> None:
        """What they set on it (the access tokens Prolific's sign-in gives) goes to the site."""
        if name.startswith("_"):
            super().__setattr__(name, value)
        else:
            setattr(self._site, name, value)


def prolific(context: SiteContext) -> Site:
    return ProlificSite(context.market(0), TOKEN, 0, context.clock)


def unthrottled_mturk(context: SiteContext) -> Site:
    return mturk_site(context, min_interval=0)


def unthrottled_bitlabs(context: SiteContext) -> Site:
    return bitlabs_site(context, min_interval=0)


def unthrottled_toloka(context: SiteContext) -> Site:
    return toloka_site(context, min_interval=0)


def recorded(factory: SiteFactory, seen: Seen) -> SiteFactory:
    return lambda context: Recording(factory(context), seen)


@pytest.fixture
def seen() -> Seen:
    return []


@pytest.fixture
def exchange(ticks: ManualClock, seen: Seen) -> Iterator[DemoExchange]:
    factories = [prolific, unthrottled_mturk, unthrottled_bitlabs, cpx_site, unthrottled_toloka]
    sites = [recorded(factory, seen) for factory in factories]
    with DemoExchange(seed=29, clock=ticks, initial_studies=40, sites=sites) as running:
        yield running


def connector(
    exchange: DemoExchange, platform: str, session: requests.Session, secret: str | None = None
) -> TakingConnector:
    """The demo worker's connector for `platform`, built as the app builds it; `secret` replaces the login."""
    account, demo_secret = next(
        pair for pair in demo_accounts(exchange, BUILT_IN) if pair[0].key.platform == platform
    )
    login = demo_secret if secret is None else secret
    secrets = MemorySecrets({account.key: login} if login else {})
    built = BUILT_IN.build_connector(account, secrets, FixedClock(NOW), session_factory=lambda: session)
    assert isinstance(built, Taker)
    return cast(TakingConnector, built)


def mturk(exchange: DemoExchange, session: requests.Session, secret: str | None = None) -> MTurkConnector:
    built = connector(exchange, "mturk", session, secret)
    assert isinstance(built, MTurkConnector)
    return built


def tasks_of(exchange: DemoExchange, platform: str, session: requests.Session) -> list[Task]:
    return connector(exchange, platform, session).fetch_tasks()


def places_left(exchange: DemoExchange, platform: str, session: requests.Session, external_id: str) -> int | None:
    """Places left of one task as a fresh poll lists it; None once it is no longer listed."""
    task = next((task for task in tasks_of(exchange, platform, session) if task.external_id == external_id), None)
    return None if task is None else task.places_left


def roomy(tasks: list[Task]) -> Task:
    """A task with places to spare, so taking one leaves it listed."""
    return next(task for task in tasks if (task.places_left or 0) >= 3)


def qualified(taker: MTurkConnector, tasks: list[Task], meets: bool) -> list[Task]:
    """The projects whose every requirement the worker meets (or, with `meets` False, those with one unmet)."""
    return [
        task
        for task in tasks
        if all(requirement.met for requirement in taker.requirements_of(task.external_id).qualifications) == meets
    ]


def refusal(call: Callable[[], TakeResult]) -> PlatformError:
    """The typed error a take raises, after checking it shows no secret and no address."""
    with pytest.raises(PlatformError) as caught:
        call()
    for text in (str(caught.value), caught.value.message):
        assert not any(secret in text for secret in SECRETS)
        assert "://" not in text
    assert caught.value.message.strip()
    return caught.value


def introduced(exchange: DemoExchange, session: requests.Session) -> tuple[TakingConnector, Task]:
    """A Prolific connector that has taken one study (so it knows who is signed in, and its next request is a
    reservation), and another study to take."""
    first, second = [task for task in tasks_of(exchange, "prolific", session) if (task.places_left or 0) >= 3][:2]
    taker = connector(exchange, "prolific", session)
    taker.take(first)
    return taker, second


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def taken_requests(seen: Seen) -> Seen:
    return [entry for entry in seen if entry[1] != "GET" or "accept_random" in entry[2]]


# Prolific: reserve, then open the study.


def test_prolific_reserves_a_place_and_opens_the_study(
    exchange: DemoExchange, session: requests.Session, seen: Seen
) -> None:
    task = roomy(tasks_of(exchange, "prolific", session))
    before = task.places_left
    assert before is not None

    result = connector(exchange, "prolific", session).take(task)

    assert result.message == "Place reserved: you have 10 minutes to start."
    opened = urlsplit(result.opened_url)
    assert result.opened_url.startswith(exchange.prolific_study_page_base + task.external_id)
    assert parse_qs(opened.query)["STUDY_ID"] == [task.external_id]
    page = session.get(result.opened_url, timeout=5)
    assert page.status_code == 200 and "Prolific (demo)" in page.text
    assert places_left(exchange, "prolific", session, task.external_id) == before - 1
    assert ("prolific", "POST", "/api/v1/submissions/reserve/?") in seen


def test_prolific_sends_the_study_and_the_signed_in_participant_with_the_bearer_token(
    exchange: DemoExchange, session: requests.Session
) -> None:
    task = roomy(tasks_of(exchange, "prolific", session))
    sent: list[requests.PreparedRequest] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(response.request))

    connector(exchange, "prolific", session).take(task)

    asked, reserved = sent
    assert (asked.method, urlsplit(asked.url or "").path) == ("GET", "/prolific/api/v1/users/me/")
    assert (reserved.method, urlsplit(reserved.url or "").path) == (
        "POST",
        "/prolific/api/v1/submissions/reserve/",
    )
    assert reserved.headers["Authorization"] == f"Bearer {TOKEN}"
    assert json.loads(reserved.body or b"") == {"study_id": task.external_id, "participant_id": PARTICIPANT_ID}


def test_prolific_asks_who_is_signed_in_once_per_login(exchange: DemoExchange, session: requests.Session) -> None:
    tasks = [task for task in tasks_of(exchange, "prolific", session) if (task.places_left or 0) >= 3][:2]
    taker = connector(exchange, "prolific", session)
    paths: list[str] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: paths.append(urlsplit(response.url).path))

    for task in tasks:
        taker.take(task)

    assert paths.count("/prolific/api/v1/users/me/") == 1
    assert paths.count("/prolific/api/v1/submissions/reserve/") == 2


def test_prolific_refuses_a_reservation_without_the_participant(
    exchange: DemoExchange, session: requests.Session
) -> None:
    task = roomy(tasks_of(exchange, "prolific", session))
    url = f"{exchange.prolific_url}/api/v1/submissions/reserve/"
    headers = {"Authorization": f"Bearer {TOKEN}"}

    alone = session.post(url, json={"study_id": task.external_id}, headers=headers, timeout=5)
    someone_else = session.post(url, json={"study_id": task.external_id, "participant_id": "0" * 24},
                                headers=headers, timeout=5)  # fmt: skip

    assert alone.status_code == 400 and "participant_id" in alone.text
    assert someone_else.status_code == 403
    assert places_left(exchange, "prolific", session, task.external_id) == task.places_left


def test_prolific_refuses_the_same_study_twice(exchange: DemoExchange, session: requests.Session) -> None:
    task = roomy(tasks_of(exchange, "prolific", session))
    taker = connector(exchange, "prolific", session)
    taker.take(task)
    left = places_left(exchange, "prolific", session, task.external_id)

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, TakeRefused) and error.kind == "refused"
    assert error.message == "Prolific did not reserve a place: You have already taken part in this study."
    assert places_left(exchange, "prolific", session, task.external_id) == left


def test_prolific_refuses_a_closed_study_as_full(
    exchange: DemoExchange, session: requests.Session, ticks: ManualClock
) -> None:
    task = tasks_of(exchange, "prolific", session)[0]
    ticks.seconds += 3600  # every study open at the start has closed by then

    error = refusal(lambda: connector(exchange, "prolific", session).take(task))

    assert isinstance(error, TakeRefused)
    assert error.message == "Prolific did not reserve a place: This study is full."


def test_prolific_refuses_a_study_it_does_not_know(exchange: DemoExchange, session: requests.Session) -> None:
    task = replace(tasks_of(exchange, "prolific", session)[0], external_id="0" * 24)

    error = refusal(lambda: connector(exchange, "prolific", session).take(task))

    assert isinstance(error, TakeRefused) and error.message == "Prolific did not reserve a place: Not found."


def test_prolific_says_why_without_echoing_the_token(exchange: DemoExchange, session: requests.Session) -> None:
    taker, task = introduced(exchange, session)
    body = json.dumps({"error": {"detail": f"Study full for token {TOKEN}\n" + "x" * 300}}).encode()
    exchange.inject_fault("prolific", 409, body)

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, TakeRefused)
    assert error.message.startswith("Prolific did not reserve a place: Study full for token …\\n")
    assert error.message.endswith("…") and len(error.message) < 200


@pytest.mark.parametrize(
    ("secret", "message"),
    [
        ("", "Not signed in to Prolific: sign in from Accounts"),
        ("stale-token", "Prolific says your sign-in has expired: sign in to Prolific again"),
    ],
)
def test_prolific_without_a_valid_token_asks_to_sign_in(
    exchange: DemoExchange, session: requests.Session, seen: Seen, secret: str, message: str
) -> None:
    task = roomy(tasks_of(exchange, "prolific", session))
    seen.clear()

    error = refusal(lambda: connector(exchange, "prolific", session, secret).take(task))

    assert isinstance(error, AuthExpired) and error.message == message
    assert places_left(exchange, "prolific", session, task.external_id) == task.places_left
    assert len(seen) == (1 if secret else 0) + 1  # the refused reservation, if sent, and the check


def test_prolific_rate_limit_names_the_wait(exchange: DemoExchange, session: requests.Session) -> None:
    task = tasks_of(exchange, "prolific", session)[0]
    detail = b'{"error": {"detail": "Request was throttled. Expected available in 7 seconds."}}'
    exchange.inject_fault("prolific", 429, detail)

    error = refusal(lambda: connector(exchange, "prolific", session).take(task))

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=7)
    assert error.message == "Prolific asked us to slow down; try again in 7 s"


def test_prolific_server_error_is_unavailable(exchange: DemoExchange, session: requests.Session) -> None:
    task = tasks_of(exchange, "prolific", session)[0]
    exchange.inject_fault("prolific", 503, b"<html>Service Unavailable</html>", "text/html")

    error = refusal(lambda: connector(exchange, "prolific", session).take(task))

    assert isinstance(error, Unavailable)
    assert error.message == "Prolific is having trouble (HTTP 503); trying again later"


def test_prolific_answer_without_a_submission_is_bad_payload(
    exchange: DemoExchange, session: requests.Session
) -> None:
    taker, task = introduced(exchange, session)
    exchange.inject_fault("prolific", 201, b'{"status": "RESERVED"}')

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, BadPayload) and "look at the study in your browser" in error.message


@pytest.mark.parametrize("study_url", ["javascript:alert(1)", None, 42])
def test_prolific_opens_its_own_study_page_when_the_link_is_not_a_web_address(
    exchange: DemoExchange, session: requests.Session, study_url: object
) -> None:
    taker, task = introduced(exchange, session)
    exchange.inject_fault("prolific", 201, json.dumps({"id": "a" * 24, "study_url": study_url}).encode())

    result = taker.take(task)

    assert result.opened_url == exchange.prolific_study_page_base + task.external_id


def test_prolific_closed_port_is_unavailable(exchange: DemoExchange, session: requests.Session) -> None:
    task = tasks_of(exchange, "prolific", session)[0]
    port = closed_port()
    account = Account(AccountKey("prolific", "demo"), "demo", f"http://127.0.0.1:{port}")
    taker = BUILT_IN.build_connector(
        account, MemorySecrets({account.key: TOKEN}), FixedClock(NOW), lambda: session
    )
    assert isinstance(taker, Taker)

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, Unavailable) and error.message == f"cannot connect to 127.0.0.1:{port}"


# MTurk: accept_random, success told by the assignment id in the address MTurk sends the worker to.


def test_mturk_accepts_a_hit_and_opens_its_page(
    exchange: DemoExchange, session: requests.Session, seen: Seen
) -> None:
    taker = mturk(exchange, session)
    task = roomy(qualified(taker, taker.fetch_tasks(), meets=True))
    before = task.places_left
    assert before is not None
    seen.clear()

    result = taker.take(task)

    # One request, the accept: the HIT's page is left for the browser to load.
    assert seen == [
        ("mturk", "GET", f"/projects/{task.external_id}/tasks/accept_random?format=json&ref=w_pl_prvw")
    ]
    assert result.message == "HIT accepted: it is in your queue."
    prefix = f"{exchange.url_of('mturk')}/projects/{task.external_id}/tasks/"
    assert result.opened_url.startswith(prefix) and "?assignment_id=3" in result.opened_url
    assignment_id = parse_qs(urlsplit(result.opened_url).query)["assignment_id"][0]
    assert assignment_id in {item.assignment_id for item in taker.fetch_queue()}
    assert places_left(exchange, "mturk", session, task.external_id) == before - 1
    page = session.get(result.opened_url, timeout=5)
    assert page.status_code == 200 and "HIT accepted" in page.text


def test_mturk_refuses_a_worker_without_the_qualifications(
    exchange: DemoExchange, session: requests.Session
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=False)[0]

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, TakeRefused)
    assert error.message == "You do not meet the qualification requirements of this HIT"
    assert places_left(exchange, "mturk", session, task.external_id) == task.places_left


def test_mturk_says_when_no_hits_are_left(exchange: DemoExchange, session: requests.Session) -> None:
    taker = mturk(exchange, session)
    task = min(qualified(taker, taker.fetch_tasks(), meets=True), key=lambda task: task.places_left or 0)
    assert task.places_left is not None and task.places_left <= 30
    for _ in range(task.places_left):
        taker.take(task)

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, TakeRefused) and error.message == "MTurk has no more of these HITs available"
    assert places_left(exchange, "mturk", session, task.external_id) is None


def test_mturk_signed_out_is_auth_expired(exchange: DemoExchange, session: requests.Session) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]

    error = refusal(lambda: mturk(exchange, session, "session-token=expired").take(task))
    missing = refusal(lambda: mturk(exchange, session, "").take(task))

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT
    assert isinstance(missing, AuthExpired) and missing.message == NOT_SIGNED_IN
    assert places_left(exchange, "mturk", session, task.external_id) == task.places_left


def test_mturk_does_not_follow_a_redirect_to_the_sign_in_page(
    exchange: DemoExchange, session: requests.Session
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]
    sign_in = (("Location", f"http://127.0.0.1:{closed_port()}/ap/signin?openid.return_to=assignment_id%3D1"),)
    exchange.inject_fault("mturk", 302, b"", "text/html", headers=sign_in)

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, AuthExpired) and error.message == SIGNED_OUT


def test_mturk_follows_its_own_redirects_with_the_cookie(
    exchange: DemoExchange, session: requests.Session, seen: Seen
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]
    accept = f"/mturk/projects/{task.external_id}/tasks/accept_random"
    exchange.inject_fault("mturk", 302, b"", "text/html", headers=(("Location", accept),))

    result = taker.take(task)

    assert "assignment_id=" in result.opened_url
    assert seen[-1] == ("mturk", "GET", f"/projects/{task.external_id}/tasks/accept_random?")


@pytest.mark.parametrize(
    ("said", "words"),
    [
        (NO_MORE_HITS, "MTurk has no more of these HITs available"),
        ("You have accepted the maximum number of HITs allowed.", "queue is full"),
        ("You cannot work on any more HITs today.", "daily limit"),
        (NOT_QUALIFIED, "qualification requirements"),
        ("The address is not valid.", "does not know this HIT group"),
        ("The requester has chosen to prevent you from working on their HITs.", "does not let you work"),
        ("Please type the following characters in the text box below", "captcha"),
        ("Something new <b>happened</b>", "MTurk did not give you the HIT: Something new <b>happened</b>"),
    ],
)
def test_mturk_refusals_are_told_in_words(
    exchange: DemoExchange, session: requests.Session, said: str, words: str
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]
    exchange.inject_fault("mturk", 422, json.dumps({"message": said}).encode())

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, TakeRefused) and words in error.message


def test_mturk_unexplained_answer_sends_the_worker_to_the_queue(
    exchange: DemoExchange, session: requests.Session
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]
    exchange.inject_fault("mturk", 200, b"<html><p>Welcome back</p></html>", "text/html")

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, TakeRefused)
    assert error.message == "MTurk did not confirm the HIT; look at your queue in your browser"


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (429, b""),
        (200, b"<html><h1>You have exceeded the maximum allowed page request rate for this website.</h1></html>"),
        (200, b'<div class="error-page">We have detected an excessive rate of page requests</div>'),
    ],
)
def test_mturk_page_request_limit_is_rate_limited(
    exchange: DemoExchange, session: requests.Session, status: int, body: bytes
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]
    exchange.inject_fault("mturk", status, body, "text/html", headers=(("Retry-After", "3"),))

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=3)
    assert error.message == "MTurk asked us to slow down; try again in 3 s"


def test_mturk_server_error_is_unavailable(exchange: DemoExchange, session: requests.Session) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]
    exchange.inject_fault("mturk", 503, b"<html>Service Unavailable</html>", "text/html")

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, Unavailable)
    assert error.message == "MTurk is having trouble (HTTP 503); try again later"


def test_mturk_refusing_a_too_large_sign_in_says_sign_in_again(
    exchange: DemoExchange, session: requests.Session
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=True)[0]
    exchange.inject_fault("mturk", 400, b"<html>Bad Request: Header Or Cookie Too Large</html>", "text/html")

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, AuthExpired)
    assert error.message == "MTurk refused your saved sign-in: sign in to MTurk again"


def test_mturk_closed_port_is_unavailable(exchange: DemoExchange, session: requests.Session) -> None:
    task = mturk(exchange, session).fetch_tasks()[0]
    port = closed_port()
    account = Account(AccountKey("mturk", "demo"), "demo", f"http://127.0.0.1:{port}")
    taker = BUILT_IN.build_connector(
        account, MemorySecrets({account.key: f"session-token={MTURK_SESSION}"}), FixedClock(NOW), lambda: session
    )
    assert isinstance(taker, Taker)

    error = refusal(lambda: taker.take(task))

    assert isinstance(error, Unavailable) and error.message == f"cannot connect to 127.0.0.1:{port}"


def test_the_demo_mturk_refuses_in_a_page_unless_json_is_asked_for(
    exchange: DemoExchange, session: requests.Session
) -> None:
    taker = mturk(exchange, session)
    task = qualified(taker, taker.fetch_tasks(), meets=False)[0]
    url = f"{exchange.url_of('mturk')}/projects/{task.external_id}/tasks/accept_random"
    cookie = {"Cookie": f"session-token={MTURK_SESSION}"}

    page = session.get(url, params={"ref": "w_pl_prvw"}, headers=cookie, allow_redirects=False, timeout=5)
    answer = session.get(url, params={"format": "json"}, headers=cookie, allow_redirects=False, timeout=5)

    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert NOT_QUALIFIED in page.text
    assert answer.status_code == 422 and answer.json() == {"message": NOT_QUALIFIED}


# Survey walls and Toloka: the way in is a page the worker's browser opens; nothing is sent.


@pytest.mark.parametrize("platform", ["bitlabs", "cpx"])
def test_a_survey_wall_opens_the_click_url_without_a_request(
    exchange: DemoExchange, session: requests.Session, seen: Seen, platform: str
) -> None:
    task = tasks_of(exchange, platform, session)[0]
    seen.clear()

    result = connector(exchange, platform, session).take(task)

    assert result == TakeResult(opened_url=task.url, message="Survey opened in your browser.")
    assert not seen
    assert session.get(result.opened_url, timeout=5).status_code == 200


@pytest.mark.parametrize("platform", ["bitlabs", "cpx"])
def test_a_survey_without_a_link_cannot_be_opened(
    exchange: DemoExchange, session: requests.Session, platform: str
) -> None:
    task = replace(tasks_of(exchange, platform, session)[0], url="")

    error = refusal(lambda: connector(exchange, platform, session).take(task))

    assert isinstance(error, BadPayload) and "no web link" in error.message


def test_toloka_opens_the_task_page_without_a_request(
    exchange: DemoExchange, session: requests.Session, seen: Seen
) -> None:
    task = tasks_of(exchange, "toloka", session)[0]
    seen.clear()

    result = connector(exchange, "toloka", session).take(task)

    assert result == TakeResult(
        opened_url=f"{exchange.url_of('toloka')}/task/{task.external_id}",
        message="Opened in Toloka: take the task there.",
    )
    assert result.opened_url == task.url and not seen
    assert session.get(result.opened_url, timeout=5).status_code == 200


@pytest.mark.parametrize("platform", ["prolific", "mturk", "bitlabs", "cpx", "toloka"])
def test_a_task_of_another_account_is_not_taken(
    exchange: DemoExchange, session: requests.Session, seen: Seen, platform: str
) -> None:
    task = replace(tasks_of(exchange, platform, session)[0], account="someone-else")
    seen.clear()

    with pytest.raises(ValueError, match="cannot be taken"):
        connector(exchange, platform, session).take(task)

    assert not seen


# A task is never taken without the worker's click.


def test_polling_never_takes_a_task(exchange: DemoExchange, session: requests.Session, seen: Seen) -> None:
    listed = {platform: tasks_of(exchange, platform, session) for platform in exchange.platforms}
    mturk(exchange, session).fetch_queue()
    again = tasks_of(exchange, "prolific", session)

    assert all(listed.values()) and {entry[0] for entry in seen} == set(exchange.platforms)
    assert taken_requests(seen) == []
    assert [task.places_left for task in again] == [task.places_left for task in listed["prolific"]]


# The exchange's POST support, and the shared HTTP layer's POST.


def test_sites_answer_405_to_methods_they_do_not_serve(exchange: DemoExchange, session: requests.Session) -> None:
    reserve = exchange.prolific_url + "/api/v1/submissions/reserve/"
    for url in (
        exchange.prolific_url + "/api/v1/participant/studies/",
        exchange.url_of("mturk") + "/projects",
        exchange.url_of("bitlabs") + "/v2/client/surveys",
        exchange.url_of("cpx") + "/api/get-surveys.php",
        exchange.url_of("toloka") + "/api/i-v2/task-suite-pool-groups",
    ):
        answer = session.post(url, json={}, timeout=5)
        assert (answer.status_code, answer.headers["Allow"]) == (405, "GET")

    answer = session.get(reserve, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)

    assert (answer.status_code, answer.headers["Allow"]) == (405, "POST")


def test_the_demo_reserve_needs_a_study_id(exchange: DemoExchange, session: requests.Session) -> None:
    url = exchange.prolific_url + "/api/v1/submissions/reserve/"
    auth = {"Authorization": f"Bearer {TOKEN}"}

    for body in (b"", b"{not json", b"[]", b'{"study_id": 5}'):
        answer = session.post(url, data=body, headers=auth, timeout=5)
        assert answer.status_code == 400 and "study_id" in answer.json()["error"]["detail"]


def test_the_demo_reservation_is_a_submission(exchange: DemoExchange, session: requests.Session) -> None:
    task = roomy(tasks_of(exchange, "prolific", session))
    url = exchange.prolific_url + "/api/v1/submissions/reserve/"

    auth = {"Authorization": f"Bearer {TOKEN}"}

    answer = session.post(
        url, json={"study_id": task.external_id, "participant_id": PARTICIPANT_ID}, headers=auth, timeout=5
    )

    assert answer.status_code == 201
    submission = answer.json()
    assert submission["status"] == "RESERVED" and submission["study_id"] == task.external_id
    assert submission["study"]["name"] == task.title
    assert submission["study"]["estimated_completion_time"] == task.estimated_minutes
    assert submission["submission_reward"] == {"amount": task.reward.minor, "currency": task.reward.currency}


def test_faults_answer_posts_too(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 418, b'{"teapot": true}')

    answer = session.post(exchange.url_of("bitlabs") + "/v2/client/surveys", json={}, timeout=5)

    assert (answer.status_code, answer.json()) == (418, {"teapot": True})


@pytest.mark.parametrize("length", ["Content-Length: 1000000000\r\n", "Transfer-Encoding: chunked\r\n"])
def test_the_exchange_refuses_a_post_body_it_will_not_read(exchange: DemoExchange, length: str) -> None:
    host, port = urlsplit(exchange.base_url).netloc.split(":")
    head = f"POST /prolific/api/v1/submissions/reserve/ HTTP/1.1\r\nHost: {host}\r\n{length}\r\n"

    with socket.create_connection((host, int(port)), timeout=5) as connection:
        connection.sendall(head.encode())
        reply = b""
        while chunk := connection.recv(4096):  # the exchange closes the connection after its reply
            reply += chunk

    assert reply.startswith(b"HTTP/1.1 413 ") and b"\r\nConnection: close\r\n" in reply


def test_post_refuses_a_reply_over_the_cap_unread(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("prolific", 200, b"x" * (MAX_BODY_BYTES + 1))

    with pytest.raises(BadPayload) as caught:
        post(session, exchange.prolific_url + "/anything?secret=1", platform="prolific", json={})

    assert caught.value.message.endswith(" sent a reply of 10 MB; it was refused")


def test_post_names_only_the_server_when_it_fails(session: requests.Session) -> None:
    port = closed_port()

    with pytest.raises(Unavailable) as caught:
        post(session, f"http://127.0.0.1:{port}/api?hash=abc", platform="prolific", data=b"payload")

    assert caught.value.message == f"cannot connect to 127.0.0.1:{port}"
