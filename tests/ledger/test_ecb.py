"""The ECB's daily reference rates: the recorded feed, hostile replies, and fetching over loopback HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import requests

from surveydesk.core.errors import BadPayload, RateLimited, Unavailable
from surveydesk.ledger.ecb import FULL_HISTORY_MAX_BYTES, Feed, feed_for, fetch_rates, parse_feed
from surveydesk.ledger.rates import RateStore
from surveydesk.net.http import MAX_BODY_BYTES
from surveydesk.store import Database
from tests.hostile_server import HostileServer, Reply
from tests.locations import DATA

RECORDED = DATA / "eurofxref-daily-2026-10-02.xml"
XML = (("Content-Type", "text/xml"),)
NOW = datetime(2026, 10, 2, 17, tzinfo=UTC)


def test_the_recorded_feed_gives_every_rate_of_its_day_exactly() -> None:
    rates = parse_feed(RECORDED.read_bytes())
    assert len(rates) == 29
    assert {rate.day for rate in rates} == {date(2026, 10, 2)}
    by_currency = {rate.currency: rate.per_euro for rate in rates}
    assert by_currency["USD"] == Decimal("1.1225")
    assert by_currency["GBP"] == Decimal("0.85033")
    assert by_currency["IDR"] == Decimal("20149.32")
    assert str(by_currency["CZK"]) == "24.470"  # kept as published, trailing zero and all
    assert "EUR" not in by_currency


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html>503 Service Unavailable</html>",
        b"not xml at all <",
        # a billion laughs: refused before any entity is expanded
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        b"<lolz>&lol2;</lolz>",
        b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube></Cube></Envelope>",
        b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2026-13-40'>"
        b"<Cube currency='USD' rate='1.1'/></Cube></Cube></Envelope>",
        b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2026-10-02'>"
        b"</Cube></Cube></Envelope>",
        b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2026-10-02'>"
        b"<Cube currency='USD' rate='-1.1'/></Cube></Cube></Envelope>",
        b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2026-10-02'>"
        b"<Cube currency='USD' rate='NaN'/></Cube></Cube></Envelope>",
        b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2026-10-02'>"
        b"<Cube currency='usd; drop' rate='1.1'/></Cube></Cube></Envelope>",
        b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube><Cube time='2026-10-02'>"
        b"<Cube currency='USD' rate='1.1'/><Cube currency='USD' rate='1.2'/></Cube></Cube></Envelope>",
    ],
)
def test_anything_but_the_feed_is_refused_in_words(body: bytes) -> None:
    with pytest.raises(BadPayload) as caught:
        parse_feed(body)
    assert "exchange-rate feed" in str(caught.value)


def test_fetching_stores_the_rates_but_keeps_the_worker_s_own(
    database: Database, session: requests.Session
) -> None:
    store = RateStore(database)
    store.set_by_worker("GBP", date(2026, 10, 2), Decimal("0.9"))
    with HostileServer() as server:
        server.script(
            Reply(body=RECORDED.read_bytes(), headers=XML), Reply(body=RECORDED.read_bytes(), headers=XML)
        )
        assert store.add_published(fetch_rates(session, NOW, server.url + "/eurofxref-daily.xml")) == 28
        assert store.add_published(fetch_rates(session, NOW, server.url + "/eurofxref-daily.xml")) == 0
    rates = {rate.currency: rate for rate in store.all()}
    assert rates["GBP"].per_euro == Decimal("0.9")
    assert rates["GBP"].source == "worker"
    assert rates["USD"].per_euro == Decimal("1.1225")
    assert rates["USD"].source == "ecb"


def test_a_busy_server_s_wait_is_honoured(session: requests.Session) -> None:
    with HostileServer() as server:
        server.script(Reply(status=429, headers=(("Retry-After", "120"),)))
        with pytest.raises(RateLimited) as caught:
            fetch_rates(session, NOW, server.url + "/eurofxref-daily.xml")
    assert caught.value.retry_at == NOW + timedelta(seconds=120)


def test_an_error_page_is_unavailable_not_parsed(session: requests.Session) -> None:
    with HostileServer() as server:
        server.script(Reply(status=500, body=b"<html>oops</html>", headers=XML))
        with pytest.raises(Unavailable, match="HTTP 500"):
            fetch_rates(session, NOW, server.url + "/eurofxref-daily.xml")


HISTORY = DATA / "eurofxref-hist-sample.xml"


def test_a_history_document_gives_every_day_s_rates() -> None:
    rates = parse_feed(HISTORY.read_bytes())
    assert len(rates) == 30
    assert sorted({rate.day for rate in rates}) == [
        date(2026, 9, 25), date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30), date(2026, 10, 1),
        date(2026, 10, 2),
    ]  # fmt: skip
    by_key = {(rate.currency, rate.day): rate.per_euro for rate in rates}
    assert by_key["GBP", date(2026, 9, 25)] == Decimal("0.84730")
    assert by_key["USD", date(2026, 10, 2)] == Decimal("1.1225")


def test_only_the_currencies_and_days_asked_for_are_kept() -> None:
    rates = parse_feed(HISTORY.read_bytes(), {"USD", "GBP", "XYZ"}, since=date(2026, 9, 29))
    assert {rate.currency for rate in rates} == {"USD", "GBP"}
    assert min(rate.day for rate in rates) == date(2026, 9, 29)
    assert len(rates) == 8


def test_a_fault_in_a_day_not_kept_still_refuses_the_document() -> None:
    broken = HISTORY.read_bytes().replace(
        b'<Cube currency="SEK" rate="11.3500"/>', b'<Cube currency="SEK" rate="x"/>'
    )
    with pytest.raises(BadPayload, match="SEK"):
        parse_feed(broken, {"USD"}, since=date(2026, 10, 1))


@pytest.mark.parametrize(
    ("oldest", "feed"),
    [(None, Feed.DAILY), (date(2026, 11, 27), Feed.NINETY_DAYS), (date(2026, 9, 15), Feed.NINETY_DAYS),
     (date(2026, 8, 1), Feed.FULL), (date(2019, 1, 1), Feed.FULL)],
)  # fmt: skip
def test_the_smallest_document_that_covers_the_oldest_uncovered_day_is_chosen(oldest, feed) -> None:
    assert feed_for(oldest, date(2026, 11, 30)) is feed


def test_the_full_history_may_be_bigger_than_a_reply_but_not_without_bound(session: requests.Session) -> None:
    big = MAX_BODY_BYTES + 1
    with HostileServer() as server:
        server.script(
            Reply(headers=(*XML, ("Content-Length", str(big))), length=False),
            Reply(headers=(*XML, ("Content-Length", str(FULL_HISTORY_MAX_BYTES + 1))), length=False),
        )
        with pytest.raises(BadPayload, match="refused"):
            fetch_rates(session, NOW, server.url + "/" + Feed.DAILY)
        with pytest.raises(BadPayload, match="refused"):
            fetch_rates(session, NOW, server.url + "/" + Feed.FULL)


def test_the_full_history_past_ten_mb_is_read(session: requests.Session) -> None:
    day = b"<Cube time='2026-10-02'>" + b"<Cube currency='USD' rate='1.1225'/>" + b"</Cube>"
    padding = b"<!-- " + b"x" * (MAX_BODY_BYTES + 1000) + b" -->"
    body = b"<Envelope xmlns='http://www.ecb.int/vocabulary/2002-08-01/eurofxref'><Cube>" + day + padding
    body += b"</Cube></Envelope>"
    with HostileServer() as server:
        server.script(Reply(body=body, headers=XML))
        rates = fetch_rates(session, NOW, server.url + "/" + Feed.FULL, {"USD"})
    assert [(rate.currency, rate.per_euro) for rate in rates] == [("USD", Decimal("1.1225"))]
