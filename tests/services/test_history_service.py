"""The history service: ECB updates over loopback on the pool, polite to the ECB, and loads folded together."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
import requests
from PySide6.QtCore import QLocale, QThreadPool

from surveydesk.ledger.history import EntryFilter
from surveydesk.ledger.rates import RateStore
from surveydesk.net.http import make_session
from surveydesk.services.history_service import HistoryService
from surveydesk.services.reconciliation import Connectivity
from surveydesk.store import Database
from surveydesk.ui.formatting import format_time
from tests.factories import T0, FixedClock
from tests.history_data import add_entry
from tests.hostile_server import HostileServer, Reply
from tests.locations import DATA

RECORDED = (DATA / "eurofxref-daily-2026-10-02.xml").read_bytes()
HISTORY = (DATA / "eurofxref-hist-sample.xml").read_bytes()
MONDAY = datetime(2026, 10, 5, 12, tzinfo=UTC)  # before that day's rates, which come at 14:30 UTC
XML = (("Content-Type", "text/xml"),)


def loopback_session() -> requests.Session:
    session = make_session("SurveyDesk/test")
    session.trust_env = False
    return session


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(T0)


@pytest.fixture
def service(qtbot, database: Database, pool: QThreadPool, clock, server) -> Iterator[HistoryService]:
    yield HistoryService(database, pool, clock, UTC, loopback_session, server.url + "/", time_text=format_time)
    pool.waitForDone(10_000)


def test_rates_are_updated_on_the_pool(qtbot, database: Database, service: HistoryService, server) -> None:
    add_entry(database, "a", datetime(2026, 10, 2, 12, tzinfo=UTC), 150, "USD")
    server.script(Reply(body=RECORDED, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000) as updated:
        service.update_rates()
    # Every currency the document gives, not only the ledger's USD: its day is recent (57 days back).
    assert updated.args == [29]
    assert server.requests[0].path == "/eurofxref-hist-90d.xml"  # its day has no rate
    rates = RateStore(database).all()
    assert {rate.day for rate in rates} == {date(2026, 10, 2)} and len({rate.currency for rate in rates}) == 29


def test_asking_again_within_minutes_is_refused_without_a_request(qtbot, service, server, clock) -> None:
    server.script(Reply(body=RECORDED, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.update_rates()
    clock.advance(60)
    with qtbot.waitSignal(service.rates_failed, timeout=1000) as refused:
        service.update_rates()
    assert "try again after " + format_time(T0 + timedelta(minutes=10)) in refused.args[0]
    assert len(server.requests) == 1
    clock.advance(600)
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.update_rates()
    assert len(server.requests) == 2


@pytest.mark.parametrize(("language", "said"), [("en_US", "after 2:10\u202fPM."), ("fr_FR", "after 14:10.")])
def test_the_time_to_ask_again_is_written_her_language_s_way(
    qtbot, database: Database, pool: QThreadPool, server, language: str, said: str
) -> None:
    """Through the one time formatter: 2:10 PM in American English, 14:10 in French (never a fixed 24-hour
    clock of its own)."""
    two_o_clock = datetime(2026, 11, 28, 14, 0).astimezone().astimezone(UTC)  # 14:00 on this computer's clock
    clock = FixedClock(two_o_clock)
    service = HistoryService(database, pool, clock, UTC, loopback_session, server.url + "/", time_text=format_time)
    server.script(Reply(body=RECORDED, headers=XML))
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        with qtbot.waitSignal(service.rates_updated, timeout=10_000):
            service.update_rates()
        clock.advance(60)
        with qtbot.waitSignal(service.rates_failed, timeout=1000) as refused:
            service.update_rates()
        assert refused.args[0].endswith(said)
    finally:
        QLocale.setDefault(before)
        pool.waitForDone(10_000)


def test_the_ecb_s_wait_is_kept(qtbot, service, server, clock) -> None:
    server.script(Reply(status=503, headers=(("Retry-After", "3600"),)))
    with qtbot.waitSignal(service.rates_failed, timeout=10_000) as failed:
        service.update_rates()
    assert "ECB" in failed.args[0]
    clock.advance(1200)  # past our own ten minutes, not past the ECB's hour
    with qtbot.waitSignal(service.rates_failed, timeout=1000) as refused:
        service.update_rates()
    assert "try again after " + format_time(T0 + timedelta(hours=1)) in refused.args[0]
    assert len(server.requests) == 1


def test_a_broken_feed_changes_no_rate(qtbot, database: Database, service, server) -> None:
    server.script(Reply(body=b"<html>maintenance</html>", headers=XML))
    with qtbot.waitSignal(service.rates_failed, timeout=10_000) as failed:
        service.update_rates()
    assert failed.args == ["ECB: the exchange-rate feed names no day"]
    assert RateStore(database).all() == []


def test_loads_asked_while_one_runs_fold_into_one(qtbot, service: HistoryService) -> None:
    results = []
    service.loaded.connect(lambda data: results.append(data.period))
    service.load("month", "GBP", EntryFilter())
    service.load("day", "GBP", EntryFilter())
    service.load("year", "GBP", EntryFilter())
    qtbot.waitUntil(lambda: results == ["month", "year"], timeout=10_000)


# --- automatic updates ----------------------------------------------------------------------------------------


@pytest.fixture
def connectivity(qtbot) -> Connectivity:
    return Connectivity()


@pytest.fixture
def automatic(qtbot, database, pool, server, connectivity) -> Iterator[tuple[HistoryService, FixedClock]]:
    clock = FixedClock(MONDAY)
    service = HistoryService(
        database, pool, clock, UTC, loopback_session, server.url + "/", connectivity, time_text=format_time
    )
    yield service, clock
    pool.waitForDone(10_000)


def open_quietly(qtbot, service: HistoryService, currency: str = "EUR") -> None:
    """Open the history and wait until whatever it decided about rates is done."""
    with qtbot.waitSignal(service.loaded, timeout=10_000):
        service.load("month", currency, EntryFilter())
    qtbot.waitUntil(lambda: not service.rates_busy, timeout=10_000)


def test_opening_fetches_the_days_without_rates_keeping_every_currency_and_the_worker_s_rates(
    qtbot, database, automatic, server
) -> None:
    service, _clock = automatic
    add_entry(database, "a", datetime(2026, 9, 28, 12, tzinfo=UTC), 150, "GBP")
    add_entry(database, "b", datetime(2026, 10, 1, 12, tzinfo=UTC), 200, "USD")
    RateStore(database).set_by_worker("GBP", date(2026, 9, 29), Decimal("0.9"))
    server.script(Reply(body=HISTORY, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000) as updated:
        service.load("month", "CHF", EntryFilter())
    assert [request.path for request in server.requests] == ["/eurofxref-hist-90d.xml"]
    rates = RateStore(database).all()
    assert {rate.currency for rate in rates} == {"GBP", "USD", "CHF", "JPY", "SEK"}  # the ledger's and the rest
    assert len(rates) == 30 and updated.args == [29]
    assert {(r.per_euro, r.source) for r in rates if r.currency == "GBP" and r.day == date(2026, 9, 29)} == {
        (Decimal("0.9"), "worker")
    }
    assert service.rates_last_updated() == MONDAY


def test_offline_nothing_is_asked_and_the_rates_come_when_the_network_does(
    qtbot, database, automatic, server, connectivity
) -> None:
    service, _clock = automatic
    add_entry(database, "a", datetime(2026, 10, 1, 12, tzinfo=UTC), 200, "USD")
    connectivity.unreachable()
    open_quietly(qtbot, service)
    assert server.requests == [] and not service.online
    server.script(Reply(body=HISTORY, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        connectivity.answered()
    assert len(server.requests) == 1
    assert {rate.currency for rate in RateStore(database).all()} == {"USD", "GBP", "CHF", "JPY", "SEK"}


def test_the_daily_rates_are_asked_for_once_per_publication_and_never_twice_in_ten_minutes(
    qtbot, database, automatic, server
) -> None:
    service, clock = automatic
    add_entry(database, "a", datetime(2026, 10, 2, 12, tzinfo=UTC), 200, "USD")
    RateStore(database).set_by_worker("USD", date(2026, 10, 2), Decimal("1.12"))  # no day lacks a rate
    server.script(*[Reply(body=RECORDED, headers=XML)] * 3)
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.load("month", "EUR", EntryFilter())
    assert [request.path for request in server.requests] == ["/eurofxref-daily.xml"]
    clock.advance(5 * 60)
    open_quietly(qtbot, service)
    clock.advance(2 * 3600)  # 14:05 UTC: Monday's rates are not out yet
    open_quietly(qtbot, service)
    assert len(server.requests) == 1
    clock.advance(3600)  # 15:05 UTC, 17:05 in Frankfurt
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.load("month", "EUR", EntryFilter())
    assert len(server.requests) == 2
    clock.advance(12 * 3600)
    open_quietly(qtbot, service)
    assert len(server.requests) == 2
    worker_s = [
        rate for rate in RateStore(database).all() if (rate.currency, rate.day) == ("USD", date(2026, 10, 2))
    ]
    assert [rate.per_euro for rate in worker_s] == [Decimal("1.12")]  # the worker's rate stays


def test_an_automatic_update_waits_as_long_as_the_ecb_asks(qtbot, database, automatic, server) -> None:
    service, clock = automatic
    add_entry(database, "a", datetime(2026, 10, 1, 12, tzinfo=UTC), 200, "USD")
    server.script(Reply(status=429, headers=(("Retry-After", "7200"),)))
    with qtbot.waitSignal(service.rates_failed, timeout=10_000) as failed:
        service.load("month", "EUR", EntryFilter())
    assert "come back later" in failed.args[0]
    clock.advance(7100)
    open_quietly(qtbot, service)
    with qtbot.waitSignal(service.rates_failed, timeout=1000) as refused:
        service.update_rates()  # nor does the worker's click go before the ECB's time
    assert "try again after " + format_time(MONDAY + timedelta(hours=2)) in refused.args[0]
    assert len(server.requests) == 1
    clock.advance(200)
    server.script(Reply(body=HISTORY, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.load("month", "EUR", EntryFilter())
    assert len(server.requests) == 2


def test_a_currency_that_turns_up_minutes_later_has_its_rates_from_the_first_fetch(
    qtbot, database, automatic, server
) -> None:
    """The first fetch keeps every currency the ECB gives for its recent days: pounds earned minutes later (the
    Wages tab's first wage of another platform) are converted at once, with no second request (they waited for
    the next fetch: the French Wages tab said it had no rate to GBP)."""
    service, clock = automatic
    add_entry(database, "a", datetime(2026, 10, 1, 12, tzinfo=UTC), 200, "USD")
    server.script(Reply(body=HISTORY, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.load("month", "EUR", EntryFilter())
    assert {rate.currency for rate in RateStore(database).all()} >= {"USD", "GBP"}
    clock.advance(60)
    add_entry(database, "b", datetime(2026, 10, 2, 12, tzinfo=UTC), 150, "GBP")  # another platform's earnings
    open_quietly(qtbot, service)
    assert len(server.requests) == 1


def test_older_days_keep_the_ledger_s_currencies_only_and_others_come_from_the_history_read(
    qtbot, database, pool, server, connectivity
) -> None:
    """Every currency for every day of a long history would make each opening of the History read ten times
    the rates: days older than the recent span keep the currencies the ledger holds. A currency whose older
    days turn up later is served from the document read, with no second request."""
    clock = FixedClock(datetime(2027, 3, 1, 12, tzinfo=UTC))  # the document's days are five months back
    service = HistoryService(
        database, pool, clock, UTC, loopback_session, server.url + "/", connectivity, time_text=format_time
    )
    add_entry(database, "a", datetime(2026, 10, 1, 12, tzinfo=UTC), 200, "USD")
    server.script(Reply(body=HISTORY, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000) as updated:
        service.load("month", "EUR", EntryFilter())
    pool.waitForDone(10_000)
    assert [request.path for request in server.requests] == ["/eurofxref-hist.xml"]
    assert {rate.currency for rate in RateStore(database).all()} == {"USD"} and updated.args == [6]
    clock.advance(60)
    add_entry(database, "b", datetime(2026, 10, 2, 12, tzinfo=UTC), 150, "GBP")  # another platform's earnings
    with qtbot.waitSignal(service.rates_updated, timeout=10_000) as updated:
        service.load("month", "EUR", EntryFilter())
    pool.waitForDone(10_000)
    assert updated.args == [6] and {rate.currency for rate in RateStore(database).all()} == {"USD", "GBP"}
    assert len(server.requests) == 1


def test_an_unreadable_reply_makes_the_automatic_update_wait_an_hour_not_the_worker(
    qtbot, database, automatic, server
) -> None:
    service, clock = automatic
    add_entry(database, "a", datetime(2026, 10, 1, 12, tzinfo=UTC), 200, "USD")
    server.script(Reply(body=b"<html>maintenance</html>", headers=XML), Reply(body=HISTORY, headers=XML))
    with qtbot.waitSignal(service.rates_failed, timeout=10_000) as failed:
        service.load("month", "EUR", EntryFilter())
    assert failed.args == ["ECB: the exchange-rate feed names no day"]
    assert RateStore(database).all() == []
    clock.advance(11 * 60)
    open_quietly(qtbot, service)
    assert len(server.requests) == 1
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.update_rates()  # the worker's click is held by the ten minutes only
    assert len(server.requests) == 2


def test_the_worker_s_rates_are_kept_and_removed_on_the_pool(qtbot, database: Database, service) -> None:
    day = date(2026, 10, 1)
    with qtbot.waitSignal(service.rates_edited, timeout=5000):
        service.keep_rate("usd", day, Decimal("1.1"))
    with qtbot.waitSignal(service.rates_loaded, timeout=5000) as loaded:
        service.load_rates(7)
    assert loaded.args[0] == 7
    assert [(rate.currency, rate.day, rate.per_euro, rate.source) for rate in loaded.args[1]] == [
        ("USD", day, Decimal("1.1"), "worker")
    ]
    with qtbot.waitSignal(service.rates_edited, timeout=5000):
        service.remove_rates([("USD", day)])
    assert RateStore(database).all() == []


def test_a_rate_no_currency_can_have_is_refused_before_anything_is_written(database: Database, service) -> None:
    from surveydesk.ledger.rates import RateError

    with pytest.raises(RateError):
        service.keep_rate("EUR", date(2026, 10, 1), Decimal("1"))
    assert RateStore(database).all() == []
