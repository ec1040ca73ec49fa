"""The network layer every platform, the exchange-rate fetcher and the sync client send through: each way a
server can fail ends as one error in words, and `Retry-After` is read the one way."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests

from surveydesk.core.errors import REFUSED, RateLimited, Unavailable
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import NetError, NoAnswer, TooLarge, make_session, send
from surveydesk.net.status import LONGEST_WAIT, SHORTEST_WAIT, raise_for_status, retry_after
from tests.hostile_server import JSON, HostileServer, Reply, Reset, Stall, Stream, Trickle

NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
LOGIN_REFUSED = QT_TRANSLATE_NOOP("PlatformError", "the login was refused")


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


def _send(server: HostileServer, method: str = "GET") -> requests.Response:
    return send(
        make_session(), method, server.url + "/x", timeout=(2.0, 0.5), allow_redirects=False, max_bytes=2_000_000
    )


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(
    ("action", "kind", "words"),
    [
        (Stall(), NoAnswer, "did not answer in time"),
        (Stall(Reply(200, b"x" * 500), half=True), NoAnswer, "stopped answering half way"),
        (Reset(at_once=True), NoAnswer, "cannot connect to"),
        (Reset(Reply(200, b"x" * 500)), NoAnswer, "stopped answering half way"),
        (Stream(size=3_000_000, declared=False), TooLarge, "more than 2 MB"),
        (Stream(size=3_000_000), TooLarge, "a reply of 3 MB"),
    ],
    ids=["stall", "stall-half-way", "reset", "reset-half-way", "endless", "too-long"],
)
def test_each_way_a_server_fails_is_one_error_in_words(
    server: HostileServer, method: str, action, kind: type[NetError], words: str
) -> None:
    server.script(action)
    with pytest.raises(kind) as raised:
        _send(server, method)
    assert words in raised.value.message and server.url.removeprefix("http://") in raised.value.message


DEADLINE = 1.5  # seconds for a whole exchange in these tests
SLACK = 1.0  # seconds a loaded machine may take beyond the deadline to end a request


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize(
    "trickle",
    [
        Trickle(Reply(200, b"x" * 500), size=1, pause=0.2),  # the status line never ends
        # Headers cut short by the deadline look complete to http.client: not an empty answer, still too slow.
        Trickle(Reply(200, b"[1]", (*JSON, ("X-Padding", "p" * 2_000))), size=20, pause=0.2),
        Trickle(Reply(200, b"[" + b"1," * 50_000 + b"1]"), size=300, pause=0.2),  # the body never ends
    ],
    ids=["status-line", "headers", "body"],
)
def test_a_server_that_trickles_its_answer_is_given_up_on_at_the_deadline(
    qtbot, server: HostileServer, method: str, trickle: Trickle
) -> None:
    """Each piece comes well inside the read timeout, so only the whole exchange's deadline ends it; the
    deadline is the session's unless the call names its own, and the server sees the client go."""
    server.script(trickle)
    session = make_session(deadline=DEADLINE)
    started = time.monotonic()
    with pytest.raises(NoAnswer) as raised:
        send(session, method, server.url + "/x", timeout=(2.0, 1.0))
    took = time.monotonic() - started
    with pytest.raises(NoAnswer):
        send(make_session(), method, server.url + "/x", timeout=(2.0, 1.0), deadline=DEADLINE)
    took_too = time.monotonic() - started - took

    assert raised.value.message == f"{server.url.removeprefix('http://')} is too slow to answer"
    assert DEADLINE <= took < DEADLINE + SLACK and DEADLINE <= took_too < DEADLINE + SLACK, (took, took_too)
    qtbot.waitUntil(lambda: server.replies_in_progress == 0, timeout=5_000)  # the server saw the client go


def test_an_answer_within_the_deadline_is_read_whole(server: HostileServer) -> None:
    body = b"[" + b"1," * 1_000 + b"1]"
    server.script(Trickle(Reply(200, body), size=1_000, pause=0.05))
    response = send(make_session(deadline=5.0), "GET", server.url + "/x", timeout=(2.0, 1.0))
    assert response.content == body


def test_a_deadline_is_kept_without_a_thread_of_its_own(qtbot, server: HostileServer) -> None:
    """The reads keep the deadline themselves: while an exchange waits on a trickling server, the only thread
    it uses is its caller's (a timer thread per request cost bench/poll_pipeline.py's five-platform poll
    0.4–0.5 ms a request), and it still ends at its deadline, also when sent from a thread of its own."""
    server.script(Trickle(Reply(200, b"x" * 500), size=1, pause=0.2))
    before = set(threading.enumerate())
    ended: list[NetError] = []

    def caller() -> None:
        with pytest.raises(NoAnswer) as raised:
            send(make_session(deadline=DEADLINE), "GET", server.url + "/x", timeout=(2.0, 1.0))
        ended.append(raised.value)

    sending = threading.Thread(target=caller, name="caller")
    sending.start()
    qtbot.waitUntil(lambda: server.replies_in_progress == 1, timeout=5_000)
    started = set(threading.enumerate()) - before
    during = sorted(thread.name for thread in started if thread.name != "hostile-reply")
    qtbot.waitUntil(lambda: not sending.is_alive(), timeout=int((DEADLINE + SLACK) * 1000) + 5_000)

    assert during == ["caller"]
    assert [error.message for error in ended] == [f"{server.url.removeprefix('http://')} is too slow to answer"]
    qtbot.waitUntil(lambda: server.replies_in_progress == 0, timeout=5_000)


def _answer(status: int, *headers: tuple[str, str]) -> requests.Response:
    response = requests.Response()
    response.status_code = status
    response.headers.update(dict(headers))
    return response


@pytest.mark.parametrize(
    ("value", "wait"),
    [
        ("120", timedelta(seconds=120)),
        ("0", timedelta(0)),
        ("Tue, 25 Mar 2025 12:01:30 GMT", timedelta(seconds=90)),
        ("Mon, 24 Mar 2025 12:00:00 GMT", timedelta(0)),  # a date gone by: no wait
        ("999999999", LONGEST_WAIT),
        ("Sun, 25 Mar 2035 12:00:00 GMT", LONGEST_WAIT),
        ("soon", None),
        ("-5", None),
        ("", None),
    ],
)
def test_retry_after_reads_seconds_and_dates(value: str, wait: timedelta | None) -> None:
    assert retry_after(_answer(429, ("Retry-After", value)), NOW) == wait


def _raised(response: requests.Response, **hint) -> Exception:
    with pytest.raises(Exception) as raised:
        raise_for_status(
            response, "demo", "Demo", NOW, login_refused=LOGIN_REFUSED, fallback_wait=timedelta(minutes=1), **hint
        )
    return raised.value


def test_a_rate_limit_waits_as_told_at_least_a_second_else_a_minute() -> None:
    told = _raised(_answer(429, ("Retry-After", "0")))
    untold = _raised(_answer(429))
    assert isinstance(told, RateLimited) and told.retry_at == NOW + SHORTEST_WAIT
    assert isinstance(untold, RateLimited) and untold.retry_at == NOW + timedelta(minutes=1)


def test_a_platforms_own_hint_comes_before_retry_after() -> None:
    error = _raised(_answer(429, ("Retry-After", "120")), wait_hint=lambda _response: timedelta(seconds=7))
    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=7)


def test_a_server_in_trouble_is_asked_again_when_it_says() -> None:
    named = _raised(_answer(503, ("Retry-After", "300")))
    unnamed = _raised(_answer(500))
    assert isinstance(named, Unavailable) and named.retry_at == NOW + timedelta(minutes=5)
    assert isinstance(unnamed, Unavailable) and unnamed.retry_at is None


def test_a_status_nothing_else_explains_is_a_refusal() -> None:
    error = _raised(_answer(418))
    assert isinstance(error, Unavailable) and str(error).endswith(REFUSED.filled("Demo", 418))


def test_the_environments_proxies_are_read_once_per_server_and_still_used(monkeypatch: pytest.MonkeyPatch):
    """requests read every environment variable twice a request for them; a session reads them when it first asks
    a server, and still sends through the proxy the environment names, bypassing it where `no_proxy` says."""
    monkeypatch.setenv("https_proxy", "http://proxy.example:3128")
    monkeypatch.setenv("no_proxy", "localhost,127.0.0.1")
    reads: list[str] = []
    reading = requests.utils.get_environ_proxies

    def counted(url: str, no_proxy: str | None = None) -> dict[str, str]:
        reads.append(url)
        return reading(url, no_proxy)

    monkeypatch.setattr(requests.utils, "get_environ_proxies", counted)
    session = make_session()
    settings = [
        session.merge_environment_settings(url, {}, None, None, None)
        for url in ("https://api.example/a", "https://api.example/b?page=2", "https://127.0.0.1:8000/x")
    ]
    assert settings[0]["proxies"]["https"] == "http://proxy.example:3128"
    assert settings[1]["proxies"]["https"] == "http://proxy.example:3128"
    assert "https" not in settings[2]["proxies"]
    assert reads == ["https://api.example/a", "https://127.0.0.1:8000/x"]
