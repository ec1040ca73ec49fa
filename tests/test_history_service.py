"""The history service: ECB updates over loopback on the pool, polite to the ECB, and loads folded together."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QThreadPool

from surveydesk.connectors.http import make_session
from surveydesk.ledger.history import EntryFilter
from surveydesk.ledger.rates import RateStore
from surveydesk.services.history_service import HistoryService
from surveydesk.store import Database
from tests.factories import T0, FixedClock
from tests.hostile_server import HostileServer, Reply

RECORDED = (Path(__file__).parent / "data" / "eurofxref-daily-2026-10-02.xml").read_bytes()
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
    yield HistoryService(database, pool, clock, UTC, loopback_session, server.url + "/")
    pool.waitForDone(10_000)


def test_rates_are_updated_on_the_pool(qtbot, database: Database, service: HistoryService, server) -> None:
    server.script(Reply(body=RECORDED, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000) as updated:
        service.update_rates()
    assert updated.args == [29]
    assert len(RateStore(database).all()) == 29


def test_asking_again_within_minutes_is_refused_without_a_request(qtbot, service, server, clock) -> None:
    server.script(Reply(body=RECORDED, headers=XML))
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.update_rates()
    clock.advance(60)
    with qtbot.waitSignal(service.rates_failed, timeout=1000) as refused:
        service.update_rates()
    assert "try again after 12:10" in refused.args[0]
    assert len(server.requests) == 1
    clock.advance(600)
    with qtbot.waitSignal(service.rates_updated, timeout=10_000):
        service.update_rates()
    assert len(server.requests) == 2


def test_the_ecb_s_wait_is_kept(qtbot, service, server, clock) -> None:
    server.script(Reply(status=503, headers=(("Retry-After", "3600"),)))
    with qtbot.waitSignal(service.rates_failed, timeout=10_000) as failed:
        service.update_rates()
    assert "ECB" in failed.args[0]
    clock.advance(1200)  # past our own ten minutes, not past the ECB's hour
    with qtbot.waitSignal(service.rates_failed, timeout=1000) as refused:
        service.update_rates()
    assert "try again after 13:00" in refused.args[0]
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
