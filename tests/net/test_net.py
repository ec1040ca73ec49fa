"""The network layer every platform, the exchange-rate fetcher and the sync client send through: each way a
server can fail ends as one error in words, and `Retry-After` is read the one way."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
import requests

from surveydesk.core.errors import REFUSED, RateLimited, Unavailable
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import NetError, NoAnswer, TooLarge, make_session, send
from surveydesk.net.status import LONGEST_WAIT, SHORTEST_WAIT, raise_for_status, retry_after
from tests.hostile_server import HostileServer, Reply, Reset, Stall, Stream

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
