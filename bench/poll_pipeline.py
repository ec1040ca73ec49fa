"""Benchmark: a full poll cycle against the raw cost of fetching and decoding the same replies.

Raw = HTTP GET of exactly what a connector requests + `json.loads`. Full = what the app does each poll: fetch
and parse into Tasks (the connector), the last check on them (`TaskChecker`), diff and store in SQLite, and
update the Qt table model behind its sorting proxy, which marks each new or changed task from a filled-in
worker profile and a screen-out history, as the app does (surveydesk.profile.marks). As in the app, what the
set-up made is out of the garbage collector's sight (`surveydesk.composition.settle_heap`). Target: ratio =
full / raw ≤ 1.5.

The connectors read JSON with msgspec, through a shape of the keys they use (`json_shapes.json_shape`), which costs
less than `json.loads` of the whole reply: that saving pays for much of the rest of the cycle. So the `#` lines
also compare the full cycle with a raw fetch whose replies msgspec reads whole: what the diff, store and model
cost beyond fetching and decoding as fast as the app can. The three passes read the same replies in each round,
taking turns at going first.

Two set-ups are measured:
- 1,000 Prolific studies (the `poll_pipeline` line). How much of the list changes between two polls decides
  the cost, so two markets are measured: realistic (that line): polls 30 s apart, as the app polls Prolific,
  in a market where studies take 20 minutes to 3 hours to fill (market speed 0.05); busy (a `#` line): the
  demo's lively market (speed 1), where nearly every study changes between two polls.
- all five platforms with 200 tasks each (the `poll_pipeline_5x200` line), in the realistic market: one
  connector per platform, built through the registry for the demo accounts, one store and one table model
  for all, as the app has. What each platform lists is what its connector asks for: CPX's asks for 50
  surveys, MTurk's for qualified projects only, 100 a page.

The demo sites' own rate limits are off, and each reply is encoded once per market moment (see
`_ReplayingSite`), so timed requests measure only the client side. Every timed request must be one the untimed
raw pass made (same path, query and headers), the raw passes and the full one must send as many requests and
list as many items per platform, or the run stops: the comparison is of the same work.

Run: `.venv/bin/python bench/poll_pipeline.py [--studies 1000] [--platform-tasks 200] [--rounds 30]
[--breakdown]` (`--breakdown` adds each platform's own figures in the five-platform run).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import msgspec
import requests
from PySide6.QtCore import QCoreApplication

from surveydesk.composition import settle_heap
from surveydesk.core.connector import Connector
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.sanitize import TaskChecker
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts
from surveydesk.demo.bitlabs_site import bitlabs_site
from surveydesk.demo.cpx_site import cpx_site
from surveydesk.demo.exchange import SIMULATED_EPOCH
from surveydesk.demo.mturk_site import mturk_site
from surveydesk.demo.prolific_site import ProlificSite
from surveydesk.demo.toloka_site import toloka_site
from surveydesk.demo.wire import Request, Response, Site, SiteContext, SiteFactory
from surveydesk.net.http import make_session
from surveydesk.platforms.bitlabs import tasks as bitlabs
from surveydesk.platforms.cpx import tasks as cpx
from surveydesk.platforms.mturk import tasks as mturk
from surveydesk.platforms.prolific import tasks as prolific
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.toloka import tasks as toloka
from surveydesk.profile.eligibility import Eligibility, load_eligibility_table
from surveydesk.profile.marks import Marker, requirements_from
from surveydesk.profile.risk import ScreenOutHistory
from surveydesk.store import Database, TaskStore
from surveydesk.ui.task_model import Column, TaskFilterProxy, TaskTableModel

SECONDS_BETWEEN_POLLS = 30.0  # the app's interval for Prolific; the market moves this much each round
# The app's own clock moves this much each round: CPX's connector refuses, by that clock, to poll again within
# 120 s. Nothing else measured depends on it.
APP_SECONDS_PER_ROUND = 121.0
REALISTIC_SPEED = 0.05
BUSY_SPEED = 1.0
USER_AGENT = "SurveyDesk-bench"
RAW_TIMEOUT = (5.0, 20.0)
# MTurk's search order and filters as the connector sends them for an account without a lowest reward.
MTURK_FILTERS = {"sort": "updated_desc", "filters[qualified]": "true"}


def _prolific_site(context: SiteContext) -> Site:
    """Prolific as the exchange builds it by default, without its rate limit."""
    return ProlificSite(context.market(0), DemoExchange.PROLIFIC_TOKEN, 0.0, context.clock)


SITES: Mapping[str, SiteFactory] = {
    "prolific": _prolific_site,
    "mturk": partial(mturk_site, min_interval=0.0),
    "bitlabs": partial(bitlabs_site, min_interval=0.0),
    "cpx": partial(cpx_site, min_interval=0.0),
    "toloka": partial(toloka_site, min_interval=0.0),
}


@dataclass(frozen=True)
class Figures:
    raw_ms: float
    full_ms: float
    raw_msgspec_ms: float  # the raw fetch with its replies read by msgspec instead of json.loads
    changes_per_round: float
    first_cycle_ms: float
    rows: int
    listed: Mapping[str, int]  # tasks each platform listed in the last round
    platform_ms: Mapping[str, tuple[float, float]]  # each platform's median raw and full ms

    @property
    def ratio(self) -> float:
        return self.full_ms / self.raw_ms

    def against_msgspec(self) -> str:
        """The comparison with a raw fetch whose JSON is read by msgspec, as the connectors read it."""
        return (
            f"against a raw fetch read by msgspec: raw_ms={self.raw_msgspec_ms:.2f} "
            f"ratio={self.full_ms / self.raw_msgspec_ms:.2f}"
        )


class PollClock:
    """The app's wall clock (connectors, store, model): it moves only when a round says so."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += timedelta(seconds=seconds)


class _ReplayingSite:
    """A demo site whose replies are made once per market moment and request, then served as they are.

    Prolific and Toloka keep their encoded lists until the market moves; MTurk, BitLabs and CPX encode every
    reply again, which would put the server's work (on a thread of this same process) inside the timings.
    A request is the same when its path, query and headers are. The counts let the benchmark check that raw and
    full requests ask for the same replies.
    """

    def __init__(self, site: Site, clock: Callable[[], float]) -> None:
        self._site = site
        self._clock = clock
        self._lock = threading.Lock()
        self._moment: float | None = None
        self._replies: dict[tuple[object, ...], Response] = {}
        self.requests = 0
        self.misses = 0  # requests answered by the site itself

    @property
    def platform(self) -> str:
        return self._site.platform

    def handle(self, request: Request) -> Response:
        query = tuple(sorted(parse_qsl(request.query_string, keep_blank_values=True)))
        key = (request.path, query, tuple(sorted(request.headers.items())))
        with self._lock:
            moment = self._clock()
            if moment != self._moment:
                self._moment, self._replies = moment, {}
            self.requests += 1
            reply = self._replies.get(key)
            if reply is None:
                self.misses += 1
                reply = self._replies[key] = self._site.handle(request)
            return reply


RawFetch = Callable[[], int]  # one raw fetch of a platform's tasks; tells how many items its replies list
Loads = Callable[[bytes], Any]  # how a raw fetch reads JSON: json.loads, or msgspec for the `#` line


class _Getter:
    """GETs JSON for a raw fetch, on its session, read by `loads`."""

    def __init__(self, session: requests.Session, loads: Loads) -> None:
        self._session, self._loads = session, loads

    def __call__(
        self, url: str, headers: Mapping[str, str] | None = None, params: Mapping[str, str] | None = None
    ) -> Any:
        return self._loads(self._session.get(url, headers=headers, params=params, timeout=RAW_TIMEOUT).content)


def _raw_prolific(account: Account, secret: str, get_json: _Getter) -> RawFetch:
    url = account.base_url.rstrip("/") + prolific.STUDIES_PATH
    headers = {"Authorization": f"Bearer {secret}"}
    return lambda: len(get_json(url, headers)["results"])


def _raw_mturk(account: Account, secret: str, get_json: _Getter) -> RawFetch:
    url = account.base_url.rstrip("/") + mturk.SEARCH_PATH
    headers = {"Cookie": secret}

    def fetch() -> int:
        """Pages as the connector reads them: until one is short or the total is reached."""
        listed = 0
        for number in range(1, mturk.MAX_PAGES + 1):
            params = {"format": "json", "page_size": str(mturk.PAGE_SIZE), "page_number": str(number)}
            page = get_json(url, headers, {**params, **MTURK_FILTERS})
            listed += len(page["results"])
            if len(page["results"]) < mturk.PAGE_SIZE or number * mturk.PAGE_SIZE >= page["total_num_results"]:
                break
        return listed

    return fetch


def _raw_bitlabs(account: Account, secret: str, get_json: _Getter) -> RawFetch:
    url = account.base_url.rstrip("/") + bitlabs.SURVEYS_PATH
    headers = {"X-Api-Token": secret, "X-User-Id": account.options["user_id"]}
    return lambda: len(get_json(url, headers)["data"]["surveys"])


def _raw_cpx(account: Account, secret: str, get_json: _Getter) -> RawFetch:
    url = account.base_url.rstrip("/") + cpx.SURVEYS_PATH
    user_id = account.options["ext_user_id"]
    params = {
        "app_id": account.options["app_id"],
        "ext_user_id": user_id,
        "output_method": "api",
        "limit": str(cpx.SURVEY_LIMIT),
        "secure_hash": cpx.secure_hash(user_id, secret),
    }
    return lambda: len(get_json(url, params=params)["surveys"])


def _raw_toloka(account: Account, secret: str, get_json: _Getter) -> RawFetch:
    url = account.base_url.rstrip("/") + toloka.GROUPS_PATH
    cookies = dict(piece.strip().partition("=")[::2] for piece in secret.split(";"))
    csrf = next(cookies[name] for name in toloka.CSRF_COOKIES if cookies.get(name))
    headers = {"Cookie": secret, "X-Requested-With": "XMLHttpRequest", "X-CSRF-Token": csrf}
    return lambda: len(get_json(url, headers))


RAW_FETCHES: Mapping[str, Callable[[Account, str, _Getter], RawFetch]] = {
    "prolific": _raw_prolific,
    "mturk": _raw_mturk,
    "bitlabs": _raw_bitlabs,
    "cpx": _raw_cpx,
    "toloka": _raw_toloka,
}


@dataclass(frozen=True)
class _Polled:
    """One platform as the benchmark polls it: the app's connector, and raw fetches of the same requests.

    Each has an HTTP session of its own, as each connector has in the app. The untimed raw fetch that lets the
    site make its replies has one too, so each timed session sends one poll's requests per round, as the
    connector's does: the demo server writes a reply's headers and body separately, and a small reply on a
    connection that has just been used can wait 40 ms for the client's delayed ACK (Nagle's algorithm).
    """

    account: AccountKey
    connector: Connector
    raw: RawFetch
    raw_msgspec: RawFetch  # the same fetch read by msgspec, whole
    warm: RawFetch
    site: _ReplayingSite
    checker: TaskChecker = field(default_factory=TaskChecker)  # one per account, as the poller keeps


def _profile_marker(connector_of: Callable[[AccountKey], object | None]) -> Marker:
    """Marks as the app makes them for a worker who filled in every field eligibility reads and has a history
    of screen-outs with a few requesters: the most work a mark can be."""
    profile = {"devices": ("desktop", "mobile"), "peripherals": ("audio", "microphone"), "country": "US"}
    history = ScreenOutHistory(
        by_requester={(platform, f"Requester {n}"): (5, n % 4) for platform in SITES for n in range(50)},
        by_platform={platform: (40, 9) for platform in SITES},
    )
    return Marker(Eligibility(load_eligibility_table(), profile), history, requirements_from(connector_of))


def _polled(account: Account, secret: str, clock: PollClock, site: _ReplayingSite) -> _Polled:
    platform = account.key.platform
    connector = BUILT_IN.spec(platform).connector(account, lambda: secret, make_session(USER_AGENT), clock)
    raw, raw_msgspec, warm = (
        RAW_FETCHES[platform](account, secret, _Getter(make_session(USER_AGENT), loads))
        for loads in (json.loads, msgspec.json.decode, json.loads)
    )
    return _Polled(account.key, connector, raw, raw_msgspec, warm, site)


@dataclass(frozen=True)
class _Pass:
    """One raw or full pass over every platform: per platform, its seconds, items listed and requests sent."""

    seconds: dict[str, float]
    listed: dict[str, int]
    requests: dict[str, int]
    misses: dict[str, int]  # requests the site answered itself, not from the replies of the untimed raw pass
    changes: int

    @property
    def total(self) -> float:
        return sum(self.seconds.values())


def _check(raw: _Pass, full: _Pass) -> None:
    """Stop the run unless raw and full fetched the same replies, as many of them, with as many items."""
    differing = sorted({name for name, count in (*raw.misses.items(), *full.misses.items()) if count})
    if differing:
        raise RuntimeError(
            f"timed requests differ from the untimed raw pass's (path, query or headers): {differing}"
        )
    if raw.requests != full.requests:
        raise RuntimeError(f"raw and full sent different numbers of requests: {raw.requests} != {full.requests}")
    if raw.listed != full.listed:
        raise RuntimeError(f"raw and full listed different numbers of items: {raw.listed} != {full.listed}")


def measure(platforms: Sequence[str], tasks_each: int, rounds: int, speed: float) -> Figures:
    """Alternate raw and full passes over the same replies, round after round, and take the medians."""
    market_clock = ManualClock(0.0)
    app_clock = PollClock(SIMULATED_EPOCH)
    replaying: dict[str, _ReplayingSite] = {}

    def replayed(factory: SiteFactory) -> SiteFactory:
        def build(context: SiteContext) -> Site:
            site = _ReplayingSite(factory(context), context.clock)
            replaying[site.platform] = site
            return site

        return build

    with (
        tempfile.TemporaryDirectory() as folder,
        DemoExchange(
            seed=1,
            clock=market_clock,
            initial_studies=tasks_each,
            market_speed=speed,
            sites=[replayed(SITES[platform]) for platform in platforms],
        ) as exchange,
    ):
        database = Database.open(Path(folder) / "bench.sqlite3")
        store = TaskStore(database)
        model = TaskTableModel(app_clock.now)
        proxy = TaskFilterProxy()
        proxy.setSourceModel(model)
        proxy.sort(Column.AGE)
        polled = [
            _polled(account, secret, app_clock, replaying[account.key.platform])
            for account, secret in demo_accounts(exchange, BUILT_IN)
        ]
        connectors = {platform.account: platform.connector for platform in polled}
        model.task_list.set_marker(_profile_marker(connectors.get))
        settle_heap()  # as the app does once its window is built

        def raw(platform: _Polled) -> tuple[int, int]:
            return platform.raw(), 0

        def raw_msgspec(platform: _Polled) -> tuple[int, int]:
            return platform.raw_msgspec(), 0

        def warm(platform: _Polled) -> tuple[int, int]:
            return platform.warm(), 0

        def full(platform: _Polled) -> tuple[int, int]:
            tasks = platform.checker.check(platform.account.platform, platform.connector.fetch_tasks())
            result = store.merge(platform.account, tasks, app_clock.now())
            model.task_list.apply(result)
            return len(tasks), result.total_changes

        def run(cycle: Callable[[_Polled], tuple[int, int]]) -> _Pass:
            seconds: dict[str, float] = {}
            listed: dict[str, int] = {}
            sent: dict[str, int] = {}
            misses: dict[str, int] = {}
            changes = 0
            for platform in polled:
                name, site = platform.account.platform, platform.site
                requests_before, misses_before = site.requests, site.misses
                started = time.perf_counter()
                listed[name], changed = cycle(platform)
                seconds[name] = time.perf_counter() - started
                sent[name] = site.requests - requests_before
                misses[name] = site.misses - misses_before
                changes += changed
            return _Pass(seconds, listed, sent, misses, changes)

        # An untimed raw pass before each comparison lets every site make its replies once, so both timed
        # passes are served the same bytes.
        run(warm)
        first = run(full)
        cycles = (raw, full, raw_msgspec)
        rounds_run: list[tuple[_Pass, ...]] = []
        for round_number in range(rounds):
            market_clock.seconds += SECONDS_BETWEEN_POLLS
            app_clock.advance(APP_SECONDS_PER_ROUND)
            run(warm)
            # Each pass goes first, second and third in turn: which one finds the caches warm does not stay put.
            shift = round_number % len(cycles)
            order = cycles[shift:] + cycles[:shift]
            passes = dict(zip(order, map(run, order), strict=True))
            raw_pass, full_pass, msgspec_pass = (passes[cycle] for cycle in cycles)
            _check(raw_pass, full_pass)
            _check(msgspec_pass, full_pass)
            rounds_run.append((raw_pass, full_pass, msgspec_pass))
        database.close()

    def median_ms(of: int, platform: str | None = None) -> float:
        """The median over rounds of pass `of` (0 raw, 1 full, 2 raw read by msgspec), of one platform or all."""
        runs = [passes[of] for passes in rounds_run]
        return statistics.median(run.total if platform is None else run.seconds[platform] for run in runs) * 1000

    return Figures(
        raw_ms=median_ms(0),
        full_ms=median_ms(1),
        raw_msgspec_ms=median_ms(2),
        changes_per_round=statistics.median(full_pass.changes for _, full_pass, _ in rounds_run),
        first_cycle_ms=first.total * 1000,
        rows=model.rowCount(),
        listed=rounds_run[-1][1].listed,
        platform_ms={name: (median_ms(0, name), median_ms(1, name)) for name in first.seconds},
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--studies", type=int, default=1000, help="Prolific studies in the one-platform run")
    parser.add_argument(
        "--platform-tasks", type=int, default=200, help="tasks per platform in the five-platform run"
    )
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--breakdown", action="store_true", help="each platform's figures in the five-platform run"
    )
    args = parser.parse_args()

    app = QCoreApplication(sys.argv[:1])
    busy = measure(["prolific"], args.studies, args.rounds, BUSY_SPEED)
    realistic = measure(["prolific"], args.studies, args.rounds, REALISTIC_SPEED)
    every = measure(list(SITES), args.platform_tasks, args.rounds, REALISTIC_SPEED)
    for name, figures in (("realistic", realistic), ("busy", busy)):
        print(
            f"# {name} market: {figures.rows} studies listed at the end, median {figures.changes_per_round:.0f} "
            f"new, changed or gone per poll; first poll into an empty store {figures.first_cycle_ms:.0f} ms; "
            f"raw_ms={figures.raw_ms:.2f} full_ms={figures.full_ms:.2f} ratio={figures.ratio:.2f}; "
            f"{figures.against_msgspec()}"
        )
    print(
        f"poll_pipeline raw_ms={realistic.raw_ms:.2f} full_ms={realistic.full_ms:.2f} ratio={realistic.ratio:.2f}"
    )
    listed = ", ".join(f"{name} {count}" for name, count in every.listed.items())
    print(
        f"# {len(every.listed)} platforms × {args.platform_tasks} tasks, realistic market, polls "
        f"{SECONDS_BETWEEN_POLLS:.0f} s apart: listed {listed} ({every.rows} rows at the end); median "
        f"{every.changes_per_round:.0f} new, changed or gone per round; first poll into an empty store "
        f"{every.first_cycle_ms:.0f} ms; {every.against_msgspec()}"
    )
    if args.breakdown:
        for name, (raw_ms, full_ms) in every.platform_ms.items():
            print(f"#   {name}: raw_ms={raw_ms:.2f} full_ms={full_ms:.2f} ratio={full_ms / raw_ms:.2f}")
    print(f"poll_pipeline_5x200 raw_ms={every.raw_ms:.2f} full_ms={every.full_ms:.2f} ratio={every.ratio:.2f}")
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
