"""The BitLabs connector: survey lists become tasks, restrictions stay readable, failures become typed errors."""

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
from surveydesk.core.points import NO_VALUES, PointsValue, PointsValues
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID, bitlabs_site
from surveydesk.platforms.bitlabs.tasks import BitLabsConnector
from tests.factories import FixedClock, one_change_each, poll_outcome

ACCOUNT = AccountKey("bitlabs", "main")
NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
OPTIONS = {"user_id": BITLABS_USER_ID}
# The docs' example: a survey priced 1.72 USD (`cpi`) that credits 172 of the rewards site's points (`value`).
DOCS_AMOUNTS = {"cpi": "1.72", "value": "172"}
HEADERS = {"X-Api-Token": BITLABS_TOKEN, "X-User-Id": BITLABS_USER_ID}
# The docs' 406 example, verbatim (samples/bitlabs_error_406_docs_example.json).
VPN_406 = b'{\n"error": {\n"details": {\n"http": "406 Not Acceptable",\n"msg": "vpn detected"\n}\n}\n}'


@pytest.fixture
def exchange() -> Iterator[DemoExchange]:
    with DemoExchange(seed=31, clock=ManualClock(), sites=[lambda c: bitlabs_site(c, min_interval=0)]) as running:
        yield running


def connector_for(
    exchange: DemoExchange,
    session: requests.Session,
    token: str | None = BITLABS_TOKEN,
    options: Mapping[str, str] = OPTIONS,
) -> BitLabsConnector:
    return BitLabsConnector(ACCOUNT, exchange.url_of("bitlabs"), lambda: token, session, FixedClock(NOW), options)


def raw_surveys(exchange: DemoExchange, session: requests.Session) -> list[dict[str, Any]]:
    response = session.get(exchange.url_of("bitlabs") + "/v2/client/surveys", headers=HEADERS, timeout=5)
    assert response.status_code == 200
    surveys: list[dict[str, Any]] = response.json()["data"]["surveys"]
    return surveys


def envelope(surveys: list[object], restriction: object = None) -> bytes:
    data = {"restriction_reason": restriction, "surveys": surveys}
    return json.dumps({"data": data, "error": None, "status": "success", "trace_id": "0f3c2e8a9b7d4c1e"}).encode()


def survey(survey_id: object = "b722f121", **fields: object) -> dict[str, object]:
    """A survey shaped like the docs' example, overridable field by field."""
    base: dict[str, object] = {
        "id": survey_id,
        "type": "survey",
        "click_url": "https://api.bitlabs.ai/v2/client/clicks?i=7e0ae30e&s=e59b6d24",
        **DOCS_AMOUNTS,
        "loi": 7,
        "category": {"name": "Food & drink", "icon_name": "shapes", "name_internal": "Food"},
        "tags": [],
    }
    return base | fields


def failure(
    exchange: DemoExchange,
    session: requests.Session,
    token: str | None = BITLABS_TOKEN,
    options: Mapping[str, str] = OPTIONS,
) -> PlatformError:
    """The platform error one poll raises; none of them may show the token."""
    with pytest.raises(PlatformError) as caught:
        connector_for(exchange, session, token, options).fetch_tasks()
    assert BITLABS_TOKEN not in str(caught.value)
    return caught.value


def test_is_a_connector(exchange: DemoExchange, session: requests.Session) -> None:
    connector: Connector = connector_for(exchange, session)

    assert connector.account == ACCOUNT


def test_maps_each_survey_to_a_task(exchange: DemoExchange, session: requests.Session) -> None:
    raw = raw_surveys(exchange, session)

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.external_id for task in tasks] == [item["id"] for item in raw]
    assert [task.reward for task in tasks] == [Money.parse(item["cpi"], "USD") for item in raw]
    item, task = raw[0], tasks[0]
    assert (task.platform, task.account) == ("bitlabs", "main")
    minutes = task.estimated_minutes
    assert task.title == f"Survey · {item['category']['name']} · {minutes} min · {item['value']} points"
    assert task.url == item["click_url"]
    assert task.places_left is None and task.requester_name == ""
    assert task.first_seen == task.last_seen == NOW


def test_the_length_of_interview_is_rounded_up_to_whole_minutes(
    exchange: DemoExchange, session: requests.Session
) -> None:
    lengths = [7, 5.3, "12", "4.01", 0, "soon", None, True]
    exchange.inject_fault("bitlabs", 200, envelope([survey(f"s{n}", loi=loi) for n, loi in enumerate(lengths)]))

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [task.estimated_minutes for task in tasks] == [7, 6, 12, 5, None, None, None, None]
    assert tasks[1].title == "Survey · Food & drink · 6 min · 172 points"
    assert tasks[4].title == "Survey · Food & drink · 172 points"


def test_titles_say_what_kind_of_offer_it_is(exchange: DemoExchange, session: requests.Session) -> None:
    offers = [
        survey("a", type="start_bonus", category=None, loi=3),
        survey("b", type="profile_check", category={"name": "  "}),
        survey("c", type=None, category="Food"),
    ]
    exchange.inject_fault("bitlabs", 200, envelope(offers))

    titles = [task.title for task in connector_for(exchange, session).fetch_tasks()]

    assert titles == [
        "Start bonus · 3 min · 172 points",
        "Profile check · 7 min · 172 points",
        "Survey · 7 min · 172 points",
    ]


@pytest.mark.parametrize("options", [{"user_id": "u"}, {"user_id": "u", "currency": "USD"}])
def test_the_docs_reply_is_a_survey_of_1_72_dollars_and_172_points_not_172_dollars(
    exchange: DemoExchange, session: requests.Session, options: dict[str, str]
) -> None:
    """`value` is in the rewards site's points: read as the account's old default currency (USD), a valid reply
    made a $172.00 survey (at $1,474/h for 7 minutes)."""
    exchange.inject_fault("bitlabs", 200, envelope([survey("a")]))

    (task,) = connector_for(exchange, session, options=options).fetch_tasks()

    assert task.reward == Money(172, "USD") and task.title.endswith(" · 172 points")


def test_once_the_worker_says_what_points_are_worth_the_reward_is_the_points_at_that_worth(
    exchange: DemoExchange, session: requests.Session
) -> None:
    amounts = [survey("a"), survey("b", value="3", cpi=0.03), survey("c", value=1250.5, cpi=12.5)]
    exchange.inject_fault("bitlabs", 200, envelope(amounts), count=3)
    connector = connector_for(exchange, session)
    values = [NO_VALUES]
    connector.value_points(lambda: values[0])

    before = [task.reward for task in connector.fetch_tasks()]
    values[0] = PointsValues([PointsValue(NOW.date(), Decimal(1000), Money(250, "EUR"))])  # 1,000 points: 2.50 €
    after = [task.reward for task in connector.fetch_tasks()]
    values[0] = PointsValues([PointsValue(NOW.date() + timedelta(days=1), Decimal(1000), Money(250, "EUR"))])
    not_yet = [task.reward for task in connector.fetch_tasks()]

    assert before == not_yet == [Money(172, "USD"), Money(3, "USD"), Money(1250, "USD")]
    assert after == [Money(43, "EUR"), Money(1, "EUR"), Money(313, "EUR")]  # 0.43, 0.0075 and 3.12625, half up


def test_restricted_surveys_are_listed_with_their_reason(
    exchange: DemoExchange, session: requests.Session
) -> None:
    raw = {item["id"]: item["restriction_reason"] for item in raw_surveys(exchange, session)}
    connector = connector_for(exchange, session)

    tasks = connector.fetch_tasks()

    restricted = [task.external_id for task in tasks if connector.restriction_of(task.external_id)]
    assert restricted == [survey_id for survey_id, reason in raw.items() if reason]
    assert 1 <= len(restricted) < len(tasks)


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ({"not_verified": True, "using_vpn": False}, "publisher account is not verified"),
        ({"using_vpn": True}, "VPN"),
        ({"banned_until": "2025-04-01"}, "banned until 2025-04-01"),
        ({"unsupported_country": "GB"}, "not offered in GB"),
        ({"reason": "For new members only"}, "For new members only"),
        ({"something_new": 1}, "without saying why"),
        (["odd"], "without saying why"),
        ("Only on mobile", "Only on mobile"),
    ],
)
def test_restriction_reasons_are_put_in_words(
    exchange: DemoExchange, session: requests.Session, reason: object, words: str
) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey("a", restriction_reason=reason)]))
    connector = connector_for(exchange, session)

    connector.fetch_tasks()

    text = connector.restriction_of("a")
    assert text is not None and words in text


@pytest.mark.parametrize(
    "reason", [None, "", {}, {"not_verified": False, "using_vpn": False, "banned_until": None}]
)
def test_an_empty_restriction_is_no_restriction(
    exchange: DemoExchange, session: requests.Session, reason: object
) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey("a", restriction_reason=reason)]))
    connector = connector_for(exchange, session)

    connector.fetch_tasks()

    assert connector.restriction_of("a") is None


def test_a_restriction_of_the_user_applies_to_every_survey(
    exchange: DemoExchange, session: requests.Session
) -> None:
    own = {"reason": "Not this one"}
    offers = [survey("a"), survey("b", restriction_reason=own)]
    exchange.inject_fault("bitlabs", 200, envelope(offers, restriction={"using_vpn": True}))
    connector = connector_for(exchange, session)

    connector.fetch_tasks()

    assert connector.restriction_of("a") == "BitLabs detected a VPN"
    assert connector.restriction_of("b") == "Not this one"
    assert connector.restriction_of("unknown") is None


def test_reasons_are_those_of_the_last_poll(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey("a", restriction_reason="Full")]))
    exchange.inject_fault("bitlabs", 200, envelope([survey("a")]))
    connector = connector_for(exchange, session)

    connector.fetch_tasks()
    connector.fetch_tasks()

    assert connector.restriction_of("a") is None


def test_the_survey_link_opens_its_page(exchange: DemoExchange, session: requests.Session) -> None:
    task = connector_for(exchange, session).fetch_tasks()[0]

    page = session.get(task.url, timeout=5)

    assert page.status_code == 200 and "<h1>" in page.text


@pytest.mark.parametrize("link", ["javascript:alert(1)", "file:///etc/passwd", "https://", 42, None])
def test_a_link_that_is_not_a_web_address_is_dropped(
    exchange: DemoExchange, session: requests.Session, link: object
) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey("a", click_url=link)]))

    (task,) = connector_for(exchange, session).fetch_tasks()

    assert task.url == ""


def test_ids_may_be_numbers_and_repeats_are_dropped(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey(17), survey("17", value="9.99"), survey("x")]))

    tasks = connector_for(exchange, session).fetch_tasks()

    assert [(task.external_id, task.reward) for task in tasks] == [
        ("17", Money(172, "USD")),
        ("x", Money(172, "USD")),
    ]


CONNECT_AGAIN = "BitLabs is not fully connected: connect it again with your survey wall link"


@pytest.mark.parametrize("token", [None, ""])
def test_no_token_asks_for_the_wall_link_in_words(
    exchange: DemoExchange, session: requests.Session, token: str | None
) -> None:
    error = failure(exchange, session, token)

    assert isinstance(error, AuthExpired) and error.message == CONNECT_AGAIN


@pytest.mark.parametrize("options", [{}, {"user_id": "  ", "currency": "USD"}])
def test_no_user_id_asks_for_the_wall_link_in_words(
    exchange: DemoExchange, session: requests.Session, options: dict[str, str]
) -> None:
    error = failure(exchange, session, options=options)

    assert isinstance(error, AuthExpired) and error.message == CONNECT_AGAIN


def test_a_refused_key_asks_for_the_wall_link_again(exchange: DemoExchange, session: requests.Session) -> None:
    with pytest.raises(AuthExpired, match="connect it again with a fresh copy") as caught:
        connector_for(exchange, session, "an-old-token").fetch_tasks()

    assert "an-old-token" not in str(caught.value)


def test_forbidden_means_the_login_expired(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 403, b"{}")

    assert isinstance(failure(exchange, session), AuthExpired)


def test_an_unknown_user_is_refused_with_bitlabs_reason(exchange: DemoExchange, session: requests.Session) -> None:
    error = failure(exchange, session, options={"user_id": "someone-else"})

    assert isinstance(error, Unavailable)
    assert error.message == "BitLabs will not list surveys for this user: unknown user"


def test_a_vpn_refusal_says_so(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 406, VPN_406)

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and error.message.endswith(": vpn detected")


def test_a_refusal_without_a_reason_names_the_status(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 406, b"<html>Not Acceptable</html>", content_type="text/html")

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and "HTTP 406" in error.message


def test_an_error_in_the_envelope_is_unavailable(exchange: DemoExchange, session: requests.Session) -> None:
    body = {"data": None, "error": {"details": {"http": "500", "msg": "x" * 500}}, "status": "error"}
    exchange.inject_fault("bitlabs", 200, json.dumps(body).encode())

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and error.message.startswith("BitLabs reported an error: xxx")
    assert len(error.message) < 200


@pytest.mark.parametrize(
    ("error", "words"),
    [({"message": "maintenance"}, ": maintenance"), ("maintenance", ": maintenance"), (None, "no reason given")],
)
def test_an_envelope_error_takes_its_reason_where_it_finds_it(
    exchange: DemoExchange, session: requests.Session, error: object, words: str
) -> None:
    exchange.inject_fault("bitlabs", 200, json.dumps({"status": "error", "error": error}).encode())

    found = failure(exchange, session)

    assert isinstance(found, Unavailable) and found.message.endswith(words)


def test_a_reason_echoing_the_token_does_not_show_it(exchange: DemoExchange, session: requests.Session) -> None:
    body = {"error": {"details": {"http": "406", "msg": f"token {BITLABS_TOKEN} is banned"}}}
    exchange.inject_fault("bitlabs", 406, json.dumps(body).encode())

    error = failure(exchange, session)

    assert error.message.endswith("token … is banned")


def test_polling_too_fast_waits_as_long_as_bitlabs_says(session: requests.Session) -> None:
    with DemoExchange(
        seed=31, clock=ManualClock(), sites=[lambda c: bitlabs_site(c, min_interval=30)]
    ) as exchange:
        connector_for(exchange, session).fetch_tasks()
        error = failure(exchange, session)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=30)


def test_a_rate_limit_without_a_time_waits_a_minute(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 429, b'{"status": "error"}', headers=(("Retry-After", "soon"),))

    error = failure(exchange, session)

    assert isinstance(error, RateLimited) and error.retry_at == NOW + timedelta(seconds=60)


@pytest.mark.parametrize(("status", "words"), [(503, "HTTP 503"), (500, "HTTP 500"), (404, "HTTP 404")])
def test_server_errors_mean_unavailable(
    exchange: DemoExchange, session: requests.Session, status: int, words: str
) -> None:
    exchange.inject_fault("bitlabs", status, b"<html>Service Unavailable</html>", content_type="text/html")

    error = failure(exchange, session)

    assert isinstance(error, Unavailable) and words in error.message


def test_a_closed_port_means_unavailable(session: requests.Session) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    connector = BitLabsConnector(
        ACCOUNT, f"http://127.0.0.1:{port}", lambda: BITLABS_TOKEN, session, FixedClock(NOW), OPTIONS
    )

    with pytest.raises(Unavailable) as caught:
        connector.fetch_tasks()

    assert caught.value.message == f"cannot connect to 127.0.0.1:{port}"
    assert BITLABS_TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"<html>Please sign in</html>", "not JSON"),
        (b"[]", "not an object"),
        (b'{"surveys": []}', "no data"),
        (b'{"data": [], "status": "success"}', "no data"),
        (b'{"data": {"surveys": {}}}', "no list of surveys"),
        (envelope(["not a survey"]), "not an object"),
        (envelope([survey(None)]), "no id"),
        (envelope([survey(True)]), "no id"),
    ],
)
def test_unreadable_answers_are_bad_payloads(
    exchange: DemoExchange, session: requests.Session, body: bytes, words: str
) -> None:
    exchange.inject_fault("bitlabs", 200, body)

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and words in error.message


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"cpi": "abc"}, "unreadable cpi"),
        ({"cpi": "0.005"}, "unreadable cpi"),
        ({"cpi": "1,72 $"}, "unreadable cpi"),
        ({"cpi": {"amount": 1, "currency": "GBP"}}, "cpi of the wrong type"),
        ({"cpi": False}, "cpi of the wrong type"),
        ({"cpi": None}, "no cpi"),
    ],
)
def test_an_unreadable_amount_is_a_bad_payload(
    exchange: DemoExchange, session: requests.Session, fields: dict[str, object], words: str
) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey("fine"), survey("broken", **fields)]))

    error = failure(exchange, session)

    assert isinstance(error, BadPayload) and "broken" in error.message and words in error.message


def test_an_unchanged_survey_gives_back_the_same_task(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey("a")]), count=2)
    exchange.inject_fault("bitlabs", 200, envelope([survey("a", cpi="2.00")]))
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    (second,) = connector.fetch_tasks()
    (changed,) = connector.fetch_tasks()

    assert second is first
    assert changed.reward == Money(200, "USD")


def test_a_failed_poll_does_not_spoil_what_was_read_before(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("bitlabs", 200, envelope([survey("a", restriction_reason="Full")]))
    exchange.inject_fault("bitlabs", 200, envelope([survey("b"), {"id": "c"}]))
    exchange.inject_fault("bitlabs", 200, envelope([survey("a", restriction_reason="Full")]))
    connector = connector_for(exchange, session)

    (first,) = connector.fetch_tasks()
    with pytest.raises(BadPayload):
        connector.fetch_tasks()
    assert connector.restriction_of("a") == "Full"
    (again,) = connector.fetch_tasks()

    assert again is first


def test_any_change_of_a_survey_is_read_as_a_fresh_connector_reads_it(
    exchange: DemoExchange, session: requests.Session
) -> None:
    original = raw_surveys(exchange, session)[0]
    for path, changed in one_change_each(original):
        for item in (original, changed, changed):
            exchange.inject_fault("bitlabs", 200, envelope([item]))
        reader, fresh = connector_for(exchange, session), connector_for(exchange, session)
        reader.fetch_tasks()
        outcome = poll_outcome(reader.fetch_tasks)
        assert outcome == poll_outcome(fresh.fetch_tasks), path
        survey_id = str(changed["id"])
        if isinstance(outcome, list):  # a failed poll keeps what the last good one said
            assert reader.restriction_of(survey_id) == fresh.restriction_of(survey_id), path
