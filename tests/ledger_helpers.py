"""What the ledger's tests share: the demo exchange unthrottled with its earnings, its simulated time as a Clock,
and a reconciler per demo account."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import requests

from surveydesk.core.earnings import EarningsReader
from surveydesk.core.model import AccountKey
from surveydesk.core.points import PointsValues
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts, demo_points_values
from surveydesk.demo.bitlabs_site import bitlabs_site
from surveydesk.demo.cpx_site import cpx_site
from surveydesk.demo.exchange import SIMULATED_EPOCH
from surveydesk.demo.mturk_site import mturk_site
from surveydesk.demo.prolific_site import prolific_site
from surveydesk.demo.toloka_site import toloka_site
from surveydesk.demo.wire import Site, SiteContext
from surveydesk.net.http import make_session
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.walls import PricedInPoints
from surveydesk.secrets import MemorySecrets


class DemoTime:
    """The demo exchange's simulated wall time, as a Clock (and a stopwatch) for the code under test."""

    def __init__(self, ticks: ManualClock) -> None:
        self._ticks = ticks
        self._start = ticks()

    def now(self) -> datetime:
        return SIMULATED_EPOCH + timedelta(seconds=self._ticks() - self._start)

    def monotonic(self) -> float:
        return self._ticks()


@pytest.fixture
def time(ticks: ManualClock) -> DemoTime:
    """The demo's simulated wall time, on the `ticks` market clock."""
    return DemoTime(ticks)


def _prolific(context: SiteContext) -> Site:
    return prolific_site(context, min_interval=0)


# Every demo site, Prolific's answering at any pace (the others keep their own).
PROLIFIC_UNPACED = [_prolific, mturk_site, bitlabs_site, cpx_site, toloka_site]
UNTHROTTLED = [
    _prolific,
    lambda context: mturk_site(context, min_interval=0),
    lambda context: bitlabs_site(context, min_interval=0),
    lambda context: cpx_site(context, min_interval=0),
    lambda context: toloka_site(context, min_interval=0),
]


def loopback_session() -> requests.Session:
    session = make_session("SurveyDesk/test")
    session.trust_env = False  # loopback only, whatever proxy the environment names
    return session


def demo_readers(exchange: DemoExchange, time: DemoTime) -> dict[AccountKey, EarningsReader]:
    """A reader for each demo account of the exchange, logged in with the demo's public logins."""
    secrets = MemorySecrets()
    readers = {}
    points = demo_points_values(exchange, BUILT_IN)
    for account, secret in demo_accounts(exchange, BUILT_IN):
        secrets.set(account.key, secret)
        reader = BUILT_IN.build_reader(account, secrets, time, loopback_session)
        assert reader is not None
        if account.key in points:  # as the demo's accounts are set up: with the worth of their points
            assert isinstance(reader, PricedInPoints)
            reader.value_points(lambda value=points[account.key]: PointsValues([value]))
        readers[account.key] = reader
    return readers


def ledger_snapshot(connection) -> tuple[list[tuple], list[tuple]]:
    """The ledger as it stands, without the times this computer learnt things (which differ run to run)."""
    entries = connection.execute("SELECT * FROM ledger_entries ORDER BY id").fetchall()
    events = connection.execute(
        "SELECT id, entry_id, at, source, status, amount_minor, currency, note FROM ledger_events ORDER BY id"
    ).fetchall()
    return entries, events
