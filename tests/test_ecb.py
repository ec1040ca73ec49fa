"""The ECB's daily reference rates: the recorded feed, hostile replies, and fetching over loopback HTTP."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import requests

from surveydesk.core.errors import BadPayload, RateLimited, Unavailable
from surveydesk.ledger.ecb import fetch_rates, parse_feed, update_rates
from surveydesk.ledger.rates import RateStore
from surveydesk.store import Database
from tests.hostile_server import HostileServer, Reply

RECORDED = Path(__file__).parent / "data" / "eurofxref-daily-2026-10-02.xml"
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
        assert update_rates(session, store, NOW, server.url + "/eurofxref-daily.xml") == 28
        assert update_rates(session, store, NOW, server.url + "/eurofxref-daily.xml") == 0  # nothing new
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
