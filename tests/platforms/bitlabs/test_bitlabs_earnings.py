"""BitLabs' history read as its docs say: surveys only, other kinds and unknown amounts set aside (never a failed
sync), points booked at the worth the worker gave, and the support form kept for a missing reward."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests

from surveydesk.core.earnings import Kind, Report, Status
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue, PointsValues
from surveydesk.demo import DemoExchange
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID, bitlabs_site
from surveydesk.net.shapes import Change, Difference, ShapeWatch
from surveydesk.platforms.bitlabs.earnings import BitLabsEarnings
from tests.conftest import one_site
from tests.factories import FixedClock

ACCOUNT = AccountKey("bitlabs", "main")
NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
CENT_A_POINT = PointsValues([PointsValue(date(2025, 1, 1), Decimal(100), Money(100, "EUR"))])


@pytest.fixture
def exchange() -> Iterator[DemoExchange]:
    with one_site(bitlabs_site, seed=7, min_interval=0) as (_, running):
        yield running


def reader_for(
    exchange: DemoExchange, session: requests.Session, values: PointsValues = CENT_A_POINT
) -> BitLabsEarnings:
    reader = BitLabsEarnings(
        ACCOUNT, exchange.url_of("bitlabs"), lambda: BITLABS_TOKEN, session, FixedClock(NOW),
        {"user_id": BITLABS_USER_ID},
    )  # fmt: skip
    reader.value_points(lambda: values)
    return reader


def read(reader: BitLabsEarnings) -> list[Report]:
    (batch,) = list(reader.read(""))
    return list(batch.reports)


def event(tx: int, kind: str = "COMPLETE", value: str = "150", **fields: object) -> dict[str, object]:
    """An event shaped like the docs' example (samples/bitlabs_v1_user_history_docs_example.json)."""
    return {
        "type": kind,
        "survey_id": 40 + tx,
        "tx_id": tx,
        "details": {"category": {"name": "Food", "icon_url": "", "name_internal": "Food"}},
        "user_value": value,
        "created_at": "2025-03-01T10:00:00Z",
        "reconciled": False,
        "callback_delay_seconds": 0,
        "support_form_url": "support.bitlabs.link/bitburst/survey/contact?user_id=u&survey_id=s",
        **fields,
    }


def history(*events: dict[str, object]) -> bytes:
    return json.dumps({"data": list(events), "error": None, "status": "success"}).encode()


def test_the_history_is_asked_for_surveys_only(exchange: DemoExchange, session: requests.Session) -> None:
    sent: list[str] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(response.request.url))

    reports = read(reader_for(exchange, session))

    (url,) = sent
    assert dict(parse_qsl(urlsplit(url).query)) == {"filter": "surveys"}
    assert reports  # the demo's unfiltered history starts with an offer, which would be set aside


def test_an_event_of_an_unknown_kind_is_set_aside_once_and_the_rest_booked(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("bitlabs", 200, history(event(1, "OFFER_COMPLETE"), event(2), event(3, "REFUND")))
    exchange.inject_fault("bitlabs", 200, history(event(1, "OFFER_COMPLETE"), event(2)))
    reader = reader_for(exchange, session)

    first, second = read(reader), read(reader)

    assert {report.header.task_id for report in first} == {"42"} and first == second
    assert reader.set_aside is not None
    unknown = "BitLabs sent a kind of record SurveyDesk does not know ({0}); it is left out of your earnings."
    assert reader.set_aside.reasons == [unknown.format("OFFER_COMPLETE"), unknown.format("REFUND")]


def test_the_support_form_is_kept_as_the_entrys_note(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("bitlabs", 200, history(event(1), event(2, support_form_url="javascript:alert(1)")))

    reports = read(reader_for(exchange, session))

    notes = {report.header.task_id: report.note for report in reports}
    assert notes == {
        "41": "BitLabs' form to claim a missing reward: "
        "https://support.bitlabs.link/bitburst/survey/contact?user_id=u&survey_id=s",
        "42": None,
    }


def test_points_are_booked_at_the_worth_in_force_on_their_day(
    exchange: DemoExchange, session: requests.Session
) -> None:
    values = PointsValues(
        [
            PointsValue(date(2025, 2, 1), Decimal(100), Money(100, "EUR")),
            PointsValue(date(2025, 3, 1), Decimal(1000), Money(500, "EUR")),  # the site halved its points' worth
        ]
    )
    events = [
        event(1, value="150", created_at="2025-02-28T23:00:00Z"),
        event(2, value="150", created_at="2025-03-01T00:00:00Z"),
        event(3, "COMPLETE", value="-75", created_at="2025-03-02T00:00:00Z"),
    ]
    exchange.inject_fault("bitlabs", 200, history(*events))

    reports = read(reader_for(exchange, session, values))

    amounts = {(report.header.kind, report.header.id.rsplit("/", 1)[1]): report.amount for report in reports}
    assert amounts == {
        (Kind.TASK, "41"): Money(150, "EUR"),
        (Kind.TASK, "42"): Money(75, "EUR"),
        (Kind.REVERSAL, "3"): Money(-38, "EUR"),  # 37.5 cents taken back, rounded half away from zero
    }


def test_points_of_a_day_without_a_worth_wait_aside_and_are_booked_once_it_is_given(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("bitlabs", 200, history(event(1, created_at="2024-12-31T10:00:00Z"), event(2)), count=2)
    values = [PointsValues()]
    reader = reader_for(exchange, session)
    reader.value_points(lambda: values[0])

    before = read(reader)
    values[0] = CENT_A_POINT
    after = read(reader)

    assert before == [] and reader.set_aside is not None
    assert reader.set_aside.reasons == [
        "Some of your BitLabs rewards are in your rewards site's points. Say what they are worth in History, "
        "Value of points…, and SurveyDesk adds them to your earnings."
    ]
    assert [report.header.task_id for report in after] == ["42", "42"]  # the day before any worth still waits
    assert [report.status for report in after] == [Status.AWAITING_REVIEW, Status.APPROVED]


@pytest.mark.parametrize("value", ["-10000000", "10001", "9999999"])
def test_an_amount_no_survey_pays_is_set_aside_not_booked(
    exchange: DemoExchange, session: requests.Session, value: str
) -> None:
    """A −$100,000 reversal passed the log's old 100,000-unit cap; a wall's survey pays cents to dollars."""
    exchange.inject_fault("bitlabs", 200, history(event(1, value=value), event(2)))
    reader = reader_for(exchange, session)
    watch = ShapeWatch()
    reader.watch_shapes(watch)

    reports = read(reader)

    assert {report.header.task_id for report in reports} == {"42"}
    assert [report.differences for report in watch.reports()] == [
        (Difference("data[].user_value", Change.BEYOND_BOUNDS),)
    ]
    assert watch.set_aside("bitlabs") == 1
