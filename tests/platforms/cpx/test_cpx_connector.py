"""The CPX connector: survey lists become tasks, the md5 hash stays secret, and 120 s pass between refreshes."""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests

from surveydesk.core.connector import Connector
from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError, RateLimited, Unavailable
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue, PointsValues
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.cpx_site import CPX_APP_ID, CPX_EXT_USER_ID, CPX_SECRET, cpx_site
from surveydesk.platforms.cpx.tasks import CPXConnector
from tests.conftest import one_site
from tests.factories import FixedClock, one_change_each, poll_outcome

ACCOUNT = AccountKey("cpx", "main")
NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
OPTIONS = {"app_id": CPX_APP_ID, "ext_user_id": CPX_EXT_USER_ID}
HASH = hashlib.md5(b"demo-user-demo-cpx-secret").hexdigest()  # noqa: S324 - CPX's own choice of hash
QUERY = {"app_id": CPX_APP_ID, "ext_user_id": CPX_EXT_USER_ID, "output_method": "api", "secure_hash": HASH}


@pytest.fixture
def exchange() -> Iterator[DemoExchange]:
    with DemoExchange(seed=41, clock=ManualClock(), sites=[lambda c: cpx_site(c, min_interval=0)]) as running:
        yield running


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


def connector_for(
    exchange: DemoExchange,
    session: requests.Session,
    secret: str | None = HASH,
    options: Mapping[str, str] = OPTIONS,
    clock: FixedClock | None = None,
) -> CPXConnector:
    return CPXConnector(
        ACCOUNT, exchange.url_of("cpx"), lambda: secret, session, clock or FixedClock(NOW), options
    )


def raw_answer(exchange: DemoExchange, session: requests.Session) -> dict[str, Any]:
    response = session.get(exchange.url_of("cpx") + "/api/get-surveys.php", params=QUERY, timeout=5)
    body: dict[str, Any] = response.json()
    assert body["status"] == "success"
    return body


def answer(surveys: list[object]) -> bytes:
    body = {"status": "success", "count_available_surveys": 336, "count_returned_surveys": len(surveys)}
    return json.dumps(body | {"surveys": surveys}).encode()


def survey(survey_id: object = "484727", **fields: object) -> dict[str, object]:
    """A survey as in the docs' example, overridable field by field."""
    base: dict[str, object] = {
        "id": survey_id,
        "loi": "6",
        "payout": 0.4,
        "conversion_rate": "89.00",
        "score": "14.9817",
        "statistics_rating_count": "0",
        "statistics_rating_avg": "0",
        "type": "need_qualification",
        "top": 0,
        "details": 0,
        "payout_publisher_usd": "0.81",
        "href": "https://click.cpx-research.com/?k=OWkz&subid_1=&subid_2=",
    }
    return base | fields


def failure(
    exchange: DemoExchange,
    session: requests.Session,
    secret: str | None = HASH,
    options: Mapping[str, str] = OPTIONS,
) -> PlatformError:
    """The platform error one poll raises; none of them may show the key or the hash made of it."""
    with pytest.raises(PlatformError) as caught:
        connector_for(exchange, session, secret, options).fetch_tasks()
    assert CPX_SECRET not in str(caught.value) and HASH not in str(caught.value)
    return caught.value


def test_is_a_connector(exchange: DemoExchange, session: requests.Session) -> None:
    connector: Connector = connector_for(exchange, session)

    assert connector.account == ACCOUNT


def test_sends_the_documented_query_with_the_md5_hash(exchange: DemoExchange, session: requests.Session) -> None:
    sent: list[str] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(response.request.url))

    connector_for(exchange, session).fetch_tasks()

    (url,) = sent
    assert urlsplit(url).path == "/cpx/api/get-surveys.php"
    assert dict(parse_qsl(urlsplit(url).query)) == QUERY | {"limit": "50"}


def test_maps_each_survey_to_a_task(exchange: DemoExchange, session: requests.Session) -> None:
    raw = raw_answer(exchange, session)["surveys"]

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.external_id for task in tasks] == [item["id"] for item in raw]
    # The demo's rewards site pays in coins, which CPX names: until the worker says what they are worth, the
    # reward is what the app is paid in dollars, and the coins are in the title.
    assert [task.reward for task in tasks] == [Money.parse(item["payout_publisher_usd"], "USD") for item in raw]
    assert [task.title.rsplit(" · ", 1)[1] for task in tasks] == [f"{item['payout']} Coins" for item in raw]
    assert [task.estimated_minutes for task in tasks] == [int(item["loi"]) for item in raw]
    assert [task.url for task in tasks] == [item["href"] for item in raw]
    assert {type(item["loi"]) for item in raw} == {str, int}
    assert {type(item["payout"]) for item in raw} == {str, int}
    task = tasks[0]
    assert (task.platform, task.account) == ("cpx", "main")
    assert task.places_left is None and task.first_seen == task.last_seen == NOW


def test_reads_the_docs_example_exactly(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault(
        "cpx",
        200,
        answer(
            [survey("484727"), survey(526856, loi=9, payout="1.10", type="", top=1), survey("3", payout="0.05")]
        ),
    )

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.external_id for task in tasks] == ["484727", "526856", "3"]
    assert [task.reward for task in tasks] == [Money(40, "USD"), Money(110, "USD"), Money(5, "USD")]
    assert [task.title for task in tasks] == [
        "Survey · needs qualification · 6 min",
        "Top survey · 9 min",
        "Survey · needs qualification · 6 min",
    ]
    assert tasks[0].url == "https://click.cpx-research.com/?k=OWkz&subid_1=&subid_2="


def test_the_payout_is_in_the_accounts_currency(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("cpx", 200, answer([survey(payout="250", payout_publisher_usd="4.10")]))

    (task,) = connector_for(exchange, session, options=OPTIONS | {"currency": "jpy"}).fetch_tasks()

    assert task.reward == Money(250, "JPY")


COINS = {"text": {"currency_name_singular": "Coin", "currency_name_plural": "Coins"}}


def test_a_payout_in_named_points_is_never_read_as_money(
    exchange: DemoExchange, session: requests.Session
) -> None:
    """`payout` "1010" with `currency_name_plural` "Coins" (the SDK's example) was a $1,010.00 survey."""
    body = json.loads(answer([survey(payout="1010", payout_publisher_usd="4.10")])) | COINS
    exchange.inject_fault("cpx", 200, json.dumps(body).encode())

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.reward == Money(410, "USD") and task.title == "Survey · needs qualification · 6 min · 1010 Coins"


def test_points_are_read_at_the_worth_the_worker_gave(exchange: DemoExchange, session: requests.Session) -> None:
    body = json.loads(answer([survey(payout="1010"), survey("2", payout=3)])) | COINS
    exchange.inject_fault("cpx", 200, json.dumps(body).encode())
    connector = connector_for(exchange, session)
    worth = PointsValue(NOW.date(), Decimal(1000), Money(100, "EUR"))  # 1,000 coins: 1.00 €
    connector.value_points(lambda: PointsValues([worth]))

    tasks = connector.fetch_tasks()

    assert [task.reward for task in tasks] == [Money(101, "EUR"), Money(0, "EUR")]
    assert tasks[0].title.endswith(" · 1010 Coins")


def test_the_mobile_link_is_preferred_and_odd_links_are_dropped(
    exchange: DemoExchange, session: requests.Session
) -> None:
    offers = [
        survey("a", href_new="https://click.cpx-research.com/new?k=1"),
        survey("b", href_new="javascript:alert(1)"),
        survey("c", href="ftp://example.com/x"),
    ]
    exchange.inject_fault("cpx", 200, answer(offers))

    urls = [task.url for task in connector_for(exchange, session).fetch_tasks()]

    assert urls == [
        "https://click.cpx-research.com/new?k=1",
        "https://click.cpx-research.com/?k=OWkz&subid_1=&subid_2=",
        "",
    ]


def test_lengths_are_rounded_up_and_unknown_types_shown(exchange: DemoExchange, session: requests.Session) -> None:
    offers = [survey("a", loi="6.2", type="profile_first"), survey("b", loi="", type=None), survey("c", loi=-3)]
    exchange.inject_fault("cpx", 200, answer(offers))

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.title for task in tasks] == [
        "Survey · profile first · 7 min",
        "Survey",
        "Survey · needs qualification",
    ]


def test_a_second_refresh_within_120_seconds_sends_nothing(
    exchange: DemoExchange, session: requests.Session, clock: FixedClock
) -> None:
    connector = connector_for(exchange, session, clock=clock)
    connector.fetch_tasks()
    exchange.inject_fault("cpx", 503, b"down", content_type="text/plain")

    clock.advance(119)
    with pytest.raises(RateLimited) as caught:
        connector.fetch_tasks()
    clock.advance(1)
    with pytest.raises(Unavailable):
        connector.fetch_tasks()  # the fault was still waiting: nothing had been sent

    assert caught.value.retry_at == NOW + timedelta(seconds=120)
    assert "1 s" in caught.value.message


def test_a_failed_refresh_does_not_start_the_wait(
    exchange: DemoExchange, session: requests.Session, clock: FixedClock
) -> None:
    connector = connector_for(exchange, session, clock=clock)
    exchange.inject_fault("cpx", 503, b"down", content_type="text/plain")
    with pytest.raises(Unavailable):
        connector.fetch_tasks()

    assert connector.fetch_tasks()


def test_a_clock_set_back_waits_120_seconds_from_now(
    exchange: DemoExchange, session: requests.Session, clock: FixedClock
) -> None:
    connector = connector_for(exchange, session, clock=clock)
    connector.fetch_tasks()
    clock.set_wall(NOW - timedelta(days=1))

    with pytest.raises(RateLimited) as caught:
        connector.fetch_tasks()
    clock.set_wall(NOW - timedelta(days=1) + timedelta(seconds=120))

    assert caught.value.retry_at == NOW - timedelta(days=1) + timedelta(seconds=120)
    assert connector.fetch_tasks()


def test_the_links_signature_is_sent_as_it_is(exchange: DemoExchange, session: requests.Session) -> None:
    """A wall link carries `secure_hash` ready-made; hashing it again would be refused by CPX."""
    sent: list[str] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(response.request.url))

    tasks = connector_for(exchange, session, secret=HASH.upper()).fetch_tasks()

    assert tasks and dict(parse_qsl(urlsplit(sent[0]).query))["secure_hash"] == HASH


def test_an_old_account_with_the_apps_key_sends_its_hash(
    exchange: DemoExchange, session: requests.Session
) -> None:
    sent: list[str] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(response.request.url))

    assert connector_for(exchange, session, secret=CPX_SECRET).fetch_tasks()
    assert dict(parse_qsl(urlsplit(sent[0]).query))["secure_hash"] == HASH


@pytest.mark.parametrize("secret", [None, ""])
def test_a_link_without_a_signature_lists_surveys_without_one(
    session: requests.Session, secret: str | None
) -> None:
    sent: list[str] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(response.request.url))
    with one_site(cpx_site, seed=41, min_interval=0) as (site, exchange):
        site.signature_required = False

        tasks = connector_for(exchange, session, secret=secret).fetch_tasks()

    assert tasks and "secure_hash" not in dict(parse_qsl(urlsplit(sent[0]).query))


def test_a_wall_that_wants_a_signature_says_so_when_the_link_had_none(
    exchange: DemoExchange, session: requests.Session
) -> None:
    error = failure(exchange, session, None)

    assert isinstance(error, Unavailable) and error.message.endswith("secure_hash is wrong")


@pytest.mark.parametrize("options", [{}, {"app_id": CPX_APP_ID}, {"ext_user_id": CPX_EXT_USER_ID, "app_id": " "}])
def test_missing_ids_ask_for_the_wall_link_again(
    exchange: DemoExchange, session: requests.Session, options: dict[str, str]
) -> None:
    error = failure(exchange, session, options=options)

    assert isinstance(error, AuthExpired)
    assert error.message == "CPX Research is not fully connected: connect it again with your survey wall link"


def test_a_currency_that_is_no_iso_code_is_refused(exchange: DemoExchange, session: requests.Session) -> None:
    error = failure(exchange, session, options=OPTIONS | {"currency": "coins"})

    assert isinstance(error, AuthExpired) and '"coins" is not an ISO 4217 code' in error.message


def test_a_wrong_key_is_cpxs_error(exchange: DemoExchange, session: requests.Session) -> None:
    error = failure(exchange, session, secret="not-the-key")

    assert isinstance(error, Unavailable)
    assert error.message == "CPX Research reported an error: secure_hash is wrong"
    assert "not-the-key" not in str(error)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"status": "error", "error_message": "app blocked"}, ": app blocked"),
        ({"status": "error", "error": "app blocked"}, ": app blocked"),
        ({"status": "error"}, ": no reason given"),
        ({"status": "error", "message": "y" * 400}, ": yyy"),
    ],
)
def test_an_error_status_is_unavailable(
    exchange: DemoExchange, session: requests.Session, body: dict[str, str], words: str
) -> None:
    exchange.inject_fault("cpx", 200, json.dumps(body).encode())

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and words in error.message and len(error.message) < 200


def test_an_error_echoing_the_query_shows_neither_key_nor_hash(
    exchange: DemoExchange, session: requests.Session
) -> None:
    echo = f"bad request secure_hash={HASH} for key {CPX_SECRET}"
    exchange.inject_fault("cpx", 200, json.dumps({"status": "error", "message": echo}).encode())

    error = failure(exchange, session, CPX_SECRET)

    assert error.message.endswith("bad request secure_hash=… for key …")


@pytest.mark.parametrize("status", [401, 403])
def test_a_refused_key_means_the_login_expired(
    exchange: DemoExchange, session: requests.Session, status: int
) -> None:
    exchange.inject_fault("cpx", status, b"{}")

    assert isinstance(failure(exchange, session), AuthExpired)


@pytest.mark.parametrize(("retry_after", "seconds"), [("45", 45), ("", 120)])
def test_a_rate_limit_waits_as_long_as_cpx_says_or_120_seconds(
    exchange: DemoExchange, session: requests.Session, retry_after: str, seconds: int
) -> None:
    exchange.inject_fault("cpx", 429, b"{}", headers=(("Retry-After", retry_after),))

    error = failure(exchange, session)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=seconds)


@pytest.mark.parametrize(("status", "words"), [(503, "HTTP 503"), (500, "HTTP 500"), (404, "HTTP 404")])
def test_server_errors_mean_unavailable(
    exchange: DemoExchange, session: requests.Session, status: int, words: str
) -> None:
    exchange.inject_fault("cpx", status, b"<html>Service Unavailable</html>", content_type="text/html")

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and words in error.message


def test_a_closed_port_names_the_server_and_nothing_more(session: requests.Session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    connector = CPXConnector(
        ACCOUNT, f"http://127.0.0.1:{port}", lambda: CPX_SECRET, session, FixedClock(NOW), OPTIONS
    )

    with pytest.raises(Unavailable) as caught:
        connector.fetch_tasks()

    assert caught.value.message == f"cannot connect to 127.0.0.1:{port}"
    assert HASH not in str(caught.value) and "get-surveys" not in str(caught.value)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<html>Please sign in</html>", "not JSON"),
        (b"[]", "not an object"),
        (b'{"surveys": []}', "unknown status: None"),
        (b'{"status": "ok", "surveys": []}', "unknown status: ok"),
        (b'{"status": "success"}', "no list of surveys"),
        (b'{"status": "success", "surveys": {"1": {}}}', "no list of surveys"),
        (answer(["not a survey"]), "not an object"),
        (answer([survey(None)]), "no id"),
        (answer([survey("")]), "no id"),
    ],
)
def test_unreadable_answers_are_bad_payloads(
    exchange: DemoExchange, session: requests.Session, body: bytes, words: str
) -> None:
    exchange.inject_fault("cpx", 200, body)

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and words in error.message


@pytest.mark.parametrize(
    ("payout", "words"),
    [
        ("abc", "unreadable payout"),
        (0.405, "finer than the currency's smallest unit"),
        ("0.405", "is the account's currency the one the app pays in?"),
        ({"amount": 1, "currency": "USD"}, "payout of the wrong type"),
        (True, "payout of the wrong type"),
        (None, "no payout"),
    ],
)
def test_an_unreadable_payout_is_a_bad_payload(
    exchange: DemoExchange, session: requests.Session, payout: object, words: str
) -> None:
    exchange.inject_fault("cpx", 200, answer([survey("1"), survey("broken", payout=payout)]))

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and "broken" in error.message and words in error.message


def test_the_publishers_usd_payout_never_stands_in(exchange: DemoExchange, session: requests.Session) -> None:
    offer = survey("1")
    del offer["payout"]
    exchange.inject_fault("cpx", 200, answer([offer]))

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and "no payout" in error.message


def test_an_unchanged_survey_gives_back_the_same_task(
    exchange: DemoExchange, session: requests.Session, clock: FixedClock
) -> None:
    exchange.inject_fault("cpx", 200, answer([survey("a")]), count=2)
    exchange.inject_fault("cpx", 200, answer([survey("a", payout="0.50")]))
    connector = connector_for(exchange, session, clock=clock)

    (first,) = connector.fetch_tasks()
    clock.advance(120)
    (second,) = connector.fetch_tasks()
    clock.advance(120)
    (changed,) = connector.fetch_tasks()

    assert second is first
    assert changed.reward == Money(50, "USD")


def test_a_failed_poll_does_not_spoil_what_was_read_before(
    exchange: DemoExchange, session: requests.Session, clock: FixedClock
) -> None:
    exchange.inject_fault("cpx", 200, answer([survey("a")]))
    exchange.inject_fault("cpx", 200, answer([survey("b"), {"id": "c"}]))
    exchange.inject_fault("cpx", 200, answer([survey("a")]))
    connector = connector_for(exchange, session, clock=clock)

    (first,) = connector.fetch_tasks()
    clock.advance(120)
    with pytest.raises(BadPayload):
        connector.fetch_tasks()
    (again,) = connector.fetch_tasks()

    assert again is first


def test_any_change_of_a_survey_is_read_as_a_fresh_connector_reads_it(
    exchange: DemoExchange, session: requests.Session
) -> None:
    original = raw_answer(exchange, session)["surveys"][0]
    for path, changed in one_change_each(original):
        for item in (original, changed, changed):
            exchange.inject_fault("cpx", 200, answer([item]))
        clock = FixedClock(NOW)
        reader = connector_for(exchange, session, clock=clock)
        reader.fetch_tasks()
        clock.advance(121)  # past CPX's 120 s between refreshes
        assert poll_outcome(reader.fetch_tasks) == poll_outcome(connector_for(exchange, session).fetch_tasks), path
