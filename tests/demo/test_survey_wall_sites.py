"""The demo exchange's BitLabs and CPX Research speak their documented shapes, check credentials and throttle."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import requests

from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID, bitlabs_site
from surveydesk.demo.cpx_site import CPX_APP_ID, CPX_EXT_USER_ID, CPX_SECRET, cpx_site

BITLABS_SURVEYS = "/v2/client/surveys"
CPX_SURVEYS = "/api/get-surveys.php"
BITLABS_HEADERS = {"X-Api-Token": BITLABS_TOKEN, "X-User-Id": BITLABS_USER_ID}
# The keys of the docs' examples (samples/bitlabs_v2_surveys_docs_example_first_item.json and
# samples/cpx_get_surveys_docs_example.json); the demo's BitLabs adds a per-survey restriction_reason, its CPX
# the `href_new` the docs' table of fields describes.
BITLABS_KEYS = {"category", "click_url", "country", "cpi", "cr", "id", "language", "loi", "rating", "tags", "type"}
CPX_KEYS = {
    "id",
    "loi",
    "payout",
    "conversion_rate",
    "score",
    "statistics_rating_count",
    "statistics_rating_avg",
    "type",
    "top",
    "details",
    "payout_publisher_usd",
    "href",
    "href_new",
}


def cpx_query(user: str = CPX_EXT_USER_ID, secret: str = CPX_SECRET, **extra: str) -> dict[str, str]:
    digest = hashlib.md5(f"{user}-{secret}".encode()).hexdigest()  # noqa: S324 - CPX's own choice of hash
    return {"app_id": CPX_APP_ID, "ext_user_id": user, "output_method": "api", "secure_hash": digest} | extra


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def exchange(clock: ManualClock) -> Iterator[DemoExchange]:
    sites = [lambda c: bitlabs_site(c, min_interval=0), lambda c: cpx_site(c, min_interval=0)]
    with DemoExchange(seed=17, clock=clock, initial_studies=30, sites=sites) as running:
        yield running


@pytest.fixture
def throttled(clock: ManualClock) -> Iterator[DemoExchange]:
    """Both sites with their default minimum intervals."""
    with DemoExchange(seed=17, clock=clock, sites=[bitlabs_site, cpx_site]) as running:
        yield running


def bitlabs(exchange: DemoExchange, session: requests.Session, **headers: str) -> requests.Response:
    return session.get(exchange.url_of("bitlabs") + BITLABS_SURVEYS, headers=headers or BITLABS_HEADERS, timeout=5)


def cpx(
    exchange: DemoExchange, session: requests.Session, query: dict[str, str] | None = None
) -> requests.Response:
    return session.get(exchange.url_of("cpx") + CPX_SURVEYS, params=query or cpx_query(), timeout=5)


def bitlabs_surveys(exchange: DemoExchange, session: requests.Session) -> list[dict[str, Any]]:
    surveys: list[dict[str, Any]] = bitlabs(exchange, session).json()["data"]["surveys"]
    return surveys


def test_bitlabs_lists_surveys_in_its_v2_envelope(exchange: DemoExchange, session: requests.Session) -> None:
    response = bitlabs(exchange, session)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"data", "error", "status", "trace_id"}
    assert (body["error"], body["status"]) == (None, "success")
    assert re.fullmatch(r"[0-9a-f]{16}", body["trace_id"])
    assert body["data"]["restriction_reason"] is None
    assert len(body["data"]["surveys"]) == 30


def test_bitlabs_surveys_carry_the_documented_fields(exchange: DemoExchange, session: requests.Session) -> None:
    for survey in bitlabs_surveys(exchange, session):
        assert set(survey) == BITLABS_KEYS | {"value", "restriction_reason"}
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", survey["id"])
        assert survey["type"] == "survey"
        # An impression and a session, as in the docs' example: neither is the survey's id.
        assert re.fullmatch(
            re.escape(exchange.url_of("bitlabs")) + r"/v2/client/clicks\?i=[0-9a-f-]{36}&s=[0-9a-f-]{36}",
            survey["click_url"],
        )
        assert survey["id"] not in survey["click_url"]
        cpi, value = Decimal(survey["cpi"]), Decimal(survey["value"])
        # `cpi` in dollars; `value` in the rewards site's points (one a cent of the member's 60 % share).
        assert cpi.as_tuple().exponent == -2 and value.as_tuple().exponent == 0
        assert value == (cpi * 60).quantize(Decimal(1), rounding="ROUND_HALF_UP")
        assert isinstance(survey["loi"], int | float) and survey["loi"] > 0
        assert 1 <= survey["rating"] <= 5 and 0 < survey["cr"] < 1
        assert set(survey["category"]) == {"name", "icon_name", "icon_url", "name_internal"}
        assert set(survey["tags"]) <= {"pii", "recontact"}


def test_bitlabs_lengths_are_mostly_whole_minutes(exchange: DemoExchange, session: requests.Session) -> None:
    lengths = [survey["loi"] for survey in bitlabs_surveys(exchange, session)]

    assert any(isinstance(loi, int) for loi in lengths) and any(isinstance(loi, float) for loi in lengths)


def test_bitlabs_lists_a_few_surveys_with_a_restriction(exchange: DemoExchange, session: requests.Session) -> None:
    reasons = [survey["restriction_reason"] for survey in bitlabs_surveys(exchange, session)]

    restricted = [reason for reason in reasons if reason is not None]
    assert 1 <= len(restricted) <= len(reasons) // 3
    for reason in restricted:
        assert set(reason) == {"not_verified", "using_vpn", "banned_until", "reason", "unsupported_country"}
        assert any(reason.values())


@pytest.mark.parametrize(
    "headers",
    [{}, {"X-User-Id": BITLABS_USER_ID}, {"X-Api-Token": "not-the-token", "X-User-Id": BITLABS_USER_ID}],
)
def test_bitlabs_refuses_a_missing_or_wrong_token(
    exchange: DemoExchange, session: requests.Session, headers: dict[str, str]
) -> None:
    response = session.get(exchange.url_of("bitlabs") + BITLABS_SURVEYS, headers=headers, timeout=5)

    assert response.status_code == 401
    body = response.json()
    assert (body["data"], body["status"]) == (None, "error")
    assert body["error"] == {"details": {"http": "401 Unauthorized", "msg": "invalid api token"}}


@pytest.mark.parametrize(("user", "msg"), [("", "missing user id"), ("someone-else", "unknown user")])
def test_bitlabs_refuses_an_unknown_user_as_its_docs_show(
    exchange: DemoExchange, session: requests.Session, user: str, msg: str
) -> None:
    headers = {"X-Api-Token": BITLABS_TOKEN} | ({"X-User-Id": user} if user else {})
    response = session.get(exchange.url_of("bitlabs") + BITLABS_SURVEYS, headers=headers, timeout=5)

    assert response.status_code == 406
    assert response.json() == {"error": {"details": {"http": "406 Not Acceptable", "msg": msg}}}


def test_bitlabs_throttles_polls_closer_than_the_interval(
    throttled: DemoExchange, session: requests.Session, clock: ManualClock
) -> None:
    assert bitlabs(throttled, session).status_code == 200

    clock.seconds += 0.5
    refused = bitlabs(throttled, session)
    clock.seconds += 1.5

    assert refused.status_code == 429 and refused.headers["Retry-After"] == "2"
    assert refused.json()["error"]["details"]["http"] == "429 Too Many Requests"
    assert bitlabs(throttled, session).status_code == 200


def test_bitlabs_click_links_open_a_page_until_the_survey_closes(
    exchange: DemoExchange, session: requests.Session
) -> None:
    link = bitlabs_surveys(exchange, session)[0]["click_url"]

    page = session.get(link, timeout=5)
    closed = session.get(exchange.url_of("bitlabs") + "/v2/client/clicks?i=0", timeout=5)

    assert page.status_code == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "no real survey runs here" in page.text
    assert closed.status_code == 404


def test_bitlabs_unknown_paths_are_enveloped_404s(exchange: DemoExchange, session: requests.Session) -> None:
    response = session.get(exchange.url_of("bitlabs") + "/v1/client/actions", headers=BITLABS_HEADERS, timeout=5)

    assert response.status_code == 404 and response.json()["status"] == "error"


def test_the_same_seed_and_clock_give_the_same_bitlabs_replies(session: requests.Session) -> None:
    first = DemoExchange(seed=3, clock=ManualClock(), sites=[lambda c: bitlabs_site(c, min_interval=0)])
    second = DemoExchange(seed=3, clock=ManualClock(), sites=[lambda c: bitlabs_site(c, min_interval=0)])
    with first, second:
        replies = [bitlabs(exchange, session).text.replace(exchange.base_url, "") for exchange in (first, second)]

    assert replies[0] == replies[1]


def test_cpx_lists_surveys_in_the_docs_shape(exchange: DemoExchange, session: requests.Session) -> None:
    response = cpx(exchange, session)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"status", "count_available_surveys", "count_returned_surveys", "surveys", "text"}
    assert body["status"] == "success"
    # The demo's rewards site pays in coins, and names them as CPX's SDK reads it.
    assert body["text"] == {"currency_name_singular": "Coin", "currency_name_plural": "Coins"}
    assert body["count_available_surveys"] == body["count_returned_surveys"] == len(body["surveys"]) == 30
    for survey in body["surveys"]:
        assert set(survey) == CPX_KEYS
        assert survey["id"].isdigit()
        assert int(survey["loi"]) > 0
        publisher_cents = int(Decimal(survey["payout_publisher_usd"]) * 100)
        assert int(survey["payout"]) == (publisher_cents + 1) // 2  # coins: a cent each of half, rounded half-up
        assert survey["type"] in {"need_qualification", ""} and survey["top"] in {0, 1} and survey["details"] == 0
        assert survey["href"].startswith(exchange.url_of("cpx") + f"/click?k={survey['id']}&")
    scores = [float(survey["score"]) for survey in body["surveys"]]
    assert scores == sorted(scores, reverse=True)


def test_cpx_mixes_strings_and_numbers_and_escapes_slashes_like_php(
    exchange: DemoExchange, session: requests.Session
) -> None:
    response = cpx(exchange, session)

    surveys = response.json()["surveys"]
    assert {type(survey["loi"]) for survey in surveys} == {str, int}
    assert {type(survey["payout"]) for survey in surveys} == {str, int}
    assert b"http:\\/\\/" in response.content and b"http://" not in response.content


def test_cpx_returns_at_most_the_limit(exchange: DemoExchange, session: requests.Session) -> None:
    body = cpx(exchange, session, cpx_query(limit="12")).json()

    assert (body["count_available_surveys"], body["count_returned_surveys"], len(body["surveys"])) == (30, 12, 12)


def test_cpx_serves_any_user_the_app_vouches_for(exchange: DemoExchange, session: requests.Session) -> None:
    body = cpx(exchange, session, cpx_query(user="another-user")).json()

    assert body["status"] == "success" and body["surveys"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (cpx_query(secret="not-the-secret"), "secure_hash is wrong"),
        (cpx_query(app_id="999"), "app_id is missing or unknown"),
        (cpx_query(user=""), "ext_user_id is missing"),
        (cpx_query(output_method="html"), "output_method must be api"),
    ],
)
def test_cpx_tells_errors_with_http_200(
    exchange: DemoExchange, session: requests.Session, query: dict[str, str], message: str
) -> None:
    response = cpx(exchange, session, query)

    assert response.status_code == 200
    assert response.json() == {"status": "error", "message": message}


def test_cpx_refuses_refreshes_closer_than_120_seconds(
    throttled: DemoExchange, session: requests.Session, clock: ManualClock
) -> None:
    assert cpx(throttled, session).json()["status"] == "success"

    clock.seconds += 100
    refused = cpx(throttled, session)
    other_user = cpx(throttled, session, cpx_query(user="another-user"))
    clock.seconds += 20

    assert refused.status_code == 200
    assert refused.json() == {
        "status": "error",
        "message": "please refresh at most every 120 seconds; wait 20 seconds",
    }
    assert other_user.json()["status"] == "success"
    assert cpx(throttled, session).json()["status"] == "success"


def test_cpx_links_open_a_page_until_the_survey_closes(exchange: DemoExchange, session: requests.Session) -> None:
    link = cpx(exchange, session).json()["surveys"][0]["href"]

    page = session.get(link, timeout=5)
    closed = session.get(exchange.url_of("cpx") + "/click?k=1", timeout=5)

    assert page.status_code == 200 and "no real survey runs here" in page.text
    assert closed.status_code == 404


def test_the_two_walls_list_different_markets(exchange: DemoExchange, session: requests.Session) -> None:
    bitlabs_lengths = sorted(math.ceil(survey["loi"]) for survey in bitlabs_surveys(exchange, session))
    cpx_lengths = sorted(int(survey["loi"]) for survey in cpx(exchange, session).json()["surveys"])

    assert bitlabs_lengths != cpx_lengths
