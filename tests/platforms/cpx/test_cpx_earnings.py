"""CPX Research's transactions read as the inbox they are: unpaid items asked for, statuses as the publisher
postbacks say, a transaction that leaves the list paid (never reversed), unknown codes and amounts set aside,
coins booked at the worth the worker gave, and the wall link's signature sent as it is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests

from surveydesk.core.earnings import Batch, Kind, Status
from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue, PointsValues
from surveydesk.demo import DemoExchange
from surveydesk.demo.cpx_site import CPX_APP_ID, CPX_EXT_USER_ID, CPX_SECRET, cpx_site, expected_hash
from surveydesk.net.shapes import Change, Difference, ShapeWatch
from surveydesk.platforms.cpx.earnings import CPXEarnings
from tests.conftest import one_site
from tests.factories import FixedClock

ACCOUNT = AccountKey("cpx", "main")
NOW = datetime(2025, 3, 25, 12, 0, tzinfo=UTC)
SIGNATURE = expected_hash(CPX_EXT_USER_ID, CPX_SECRET)
OPTIONS = {"app_id": CPX_APP_ID, "ext_user_id": CPX_EXT_USER_ID}
COINS = {"currency_name_singular": "Coin", "currency_name_plural": "Coins"}


@pytest.fixture
def exchange() -> Iterator[DemoExchange]:
    with one_site(cpx_site, seed=9, min_interval=0) as (_, running):
        yield running


def reader_for(
    exchange: DemoExchange, session: requests.Session, values: PointsValues | None = None
) -> CPXEarnings:
    reader = CPXEarnings(ACCOUNT, exchange.url_of("cpx"), lambda: SIGNATURE, session, FixedClock(NOW), OPTIONS)
    if values is not None:
        reader.value_points(lambda: values)
    return reader


def read(reader: CPXEarnings, cursor: str = "") -> Batch:
    (batch,) = list(reader.read(cursor))
    return batch


def transaction(trans_id: str, kind: str = "complete", status: str = "1", amount: str = "0.81") -> dict[str, str]:
    """A transaction with the key names of CPX's SDK (TransactionItem)."""
    return {
        "trans_id": trans_id, "message_id": "m" + trans_id, "type": kind, "verdienst_publisher": "1.62",
        "verdienst_user_local_money": amount, "subid_1": "", "subid_2": "", "datetime": "2025-03-20 16:20:31",
        "status": status, "survey_id": "4847" + trans_id, "ip": "203.0.113.5", "loi": "6", "is_paid_to_user": "0",
        "is_paid_to_user_datetime": "", "is_paid_to_user_type": "",
    }  # fmt: skip


def inbox(*items: dict[str, str], text: dict[str, str] | None = None) -> bytes:
    body: dict[str, object] = {"status": "success", "surveys": [], "transactions": list(items)}
    return json.dumps(body | ({"text": text} if text else {})).encode()


def statuses(batch: Batch) -> dict[str, list[Status | None]]:
    found: dict[str, list[Status | None]] = {}
    for report in batch.reports:
        found.setdefault(report.header.record_id, []).append(report.status)
    return found


def test_unpaid_transactions_are_asked_for_with_the_links_signature(
    exchange: DemoExchange, session: requests.Session
) -> None:
    sent: list[str] = []
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(response.request.url))

    batch = read(reader_for(exchange, session, PointsValues()))

    query = dict(parse_qsl(urlsplit(sent[0]).query))
    assert query["show_unpaid_transactions"] == "1" and query["output_method"] == "jsscriptv1"
    assert query["secure_hash"] == SIGNATURE  # as the link carried it, not hashed again
    assert batch.reports == ()  # the demo's coins have no worth yet: they wait


def test_status_1_is_completed_and_2_canceled_and_anything_else_is_set_aside(
    exchange: DemoExchange, session: requests.Session
) -> None:
    items = [transaction("1"), transaction("2", status="2"), transaction("3", "out"), transaction("4", "bonus"),
             transaction("5", status="0"), transaction("6", "chargeback")]  # fmt: skip
    exchange.inject_fault("cpx", 200, inbox(*items))
    reader = reader_for(exchange, session)

    batch = read(reader)

    assert statuses(batch) == {
        "1": [Status.APPROVED], "2": [Status.REVERSED], "3": [Status.SCREENED_OUT], "4": [Status.APPROVED],
    }  # fmt: skip
    assert {report.header.kind for report in batch.reports if report.header.record_id == "4"} == {Kind.BONUS}
    assert reader.set_aside is not None and [reason.values[1] for reason in reader.set_aside.reasons] == [
        "status 0",
        "chargeback",
    ]


def test_a_transaction_that_leaves_the_inbox_was_paid_never_reversed(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("cpx", 200, inbox(transaction("1"), transaction("2", status="2"), transaction("3")))
    exchange.inject_fault("cpx", 200, inbox(transaction("3")))
    exchange.inject_fault("cpx", 200, inbox(transaction("3")))
    reader = reader_for(exchange, session)

    first = read(reader)
    second = read(reader, first.cursor)
    third = read(reader, second.cursor)

    assert statuses(second) == {
        "1": [Status.APPROVED, Status.PAID],
        "2": [Status.REVERSED],
        "3": [Status.APPROVED],
    }
    paid = [report for report in second.reports if report.status is Status.PAID]
    assert [report.at for report in paid] == [NOW]
    assert statuses(third) == {"3": [Status.APPROVED]}  # told once, then forgotten
    assert json.loads(third.cursor)["kept"].keys() == {"3"}
    assert "ip" not in json.loads(third.cursor)["kept"]["3"]


def test_coins_wait_for_their_worth_even_after_leaving_the_inbox(
    exchange: DemoExchange, session: requests.Session
) -> None:
    exchange.inject_fault("cpx", 200, inbox(transaction("1", amount="1010"), text=COINS))
    exchange.inject_fault("cpx", 200, inbox(text=COINS), count=2)
    values = [PointsValues()]
    reader = reader_for(exchange, session)
    reader.value_points(lambda: values[0])

    first = read(reader)
    second = read(reader, first.cursor)
    values[0] = PointsValues([PointsValue(date(2025, 1, 1), Decimal(1000), Money(100, "EUR"))])
    third = read(reader, second.cursor)

    assert first.reports == second.reports == ()  # "1010" coins were never $1,010.00
    assert reader.set_aside is not None and "Say what they are worth" in reader.set_aside.reasons[0]
    assert [(report.status, report.amount) for report in third.reports] == [
        (Status.APPROVED, Money(101, "EUR")),
        (Status.PAID, Money(101, "EUR")),
    ]
    assert json.loads(third.cursor)["kept"] == {}


@pytest.mark.parametrize("amount", ["100.01", "99999.99"])
def test_an_amount_no_survey_pays_is_set_aside(
    exchange: DemoExchange, session: requests.Session, amount: str
) -> None:
    exchange.inject_fault("cpx", 200, inbox(transaction("1", amount=amount), transaction("2")))
    reader = reader_for(exchange, session)
    watch = ShapeWatch()
    reader.watch_shapes(watch)

    batch = read(reader)

    assert set(statuses(batch)) == {"2"}
    assert [report.differences for report in watch.reports()] == [
        (Difference("transactions[].verdienst_user_local_money", Change.BEYOND_BOUNDS),)
    ]
    assert watch.set_aside("cpx") == 1


def test_a_cursor_of_another_form_starts_afresh(exchange: DemoExchange, session: requests.Session) -> None:
    exchange.inject_fault("cpx", 200, inbox(transaction("1")), count=4)
    reader = reader_for(exchange, session)

    fresh = read(reader).reports

    for cursor in ("not json", '{"kept": [1]}', "[]"):
        assert read(reader, cursor).reports == fresh
