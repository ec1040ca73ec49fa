"""Benchmark: how soon a new match reaches the notifier, and the longest GUI-thread stall while polling.

Both run the app's own pieces on a real Qt event loop (offscreen unless QT_QPA_PLATFORM names another
platform): the Poller on a QThreadPool, a TaskStore in a temporary SQLite file, the MainWindow shown, with its
wages page, and the FeedController, composed as `surveydesk.app` composes them, against a DemoExchange on
loopback.

notify_latency: one Prolific account on an exchange serving 1,000 studies. Between two polls exactly 10 studies
are published and the 10 oldest close (`_publish_and_retire`, which calls the market's own publishing and
closing under its lock), so every poll lists 1,000 studies of which 10 are new, and the default rules (none)
make all 10 notify. The market's clock never moves otherwise, so nothing else changes. Each poll is started
with `poller.poll_all_now()` after the window has settled. Latency runs from the moment the reply's body has
been read (a wrapper around `surveydesk.net.http._read`, on the pool thread) to the moment the notifier
is called (the window's `show_alert`, as there is no tray offscreen; the tray's `show_alert` is wrapped too).
The rate limit of alerts is raised for this run only, so every poll's alert goes out; the first poll (all 1,000
new) and one more cycle warm up and are not counted. p99 is the nearest-rank percentile.

gui_stall: all five platforms of an exchange with its default sites (their rate limits 0.5 s), 200 studies each
(`--platform-tasks`) in the lively market (speed 1), polled for `--seconds` (60) every `--interval` seconds
(2 s; CPX's connector refuses to refresh within 120 s, so CPX gets 120 s). The exchange runs in a process of its
own, as a platform's server does: in this one, encoding the replies would take the app's GIL. The alert
settings are the app's defaults. A 5 ms PreciseTimer on the GUI thread stamps its ticks; a stall is how much
later than 5 ms a tick came. Measuring starts before `poller.start()`, so the first polls (every task new) are
in it; the largest stall after every platform's first poll is given on a `#` line.

The GIL's switch interval is the app's own (`surveydesk.app.GIL_SWITCH_SECONDS`, set by `main()` at start-up):
the GUI thread waits for the GIL on every call into Python (each cell a view paints is several), and the switch
interval bounds each wait. `--switch-interval` tries another value. As in the app, what start-up made is put out of
the garbage collector's sight once the window is shown (`surveydesk.composition.settle_heap`).

`--hung-notifications` runs gui_stall with desktop alerts sent to a notification server that never answers Notify
(the fake desktop of tests/fake_desktop_bus.py in a child process, on a private dbus-daemon): the app's
`DesktopNotifications`, as on a Linux desktop, instead of the window. `QSystemTrayIcon.showMessage()` held the
GUI thread up to D-Bus's 25 s there; the stall figure says whether anything still waits for the server.

`--phone` also sends every alert to a phone through a local ntfy-compatible server (tests/ntfy_server.py, as
when she is away) and prints `phone_latency`: from a poll's reply read to the server receiving the alert.

`--profile` tells where the GUI thread's time goes in its longest stalls: the top-level events it handled
(`QApplication.notify` timed), its Python stack sampled while it is late, and garbage collections. It costs a
call into Python per event and a sampling thread, so its own figures come out higher than without it.

Run: `.venv/bin/python bench/notify_latency.py [--cycles 100] [--studies 1000] [--seconds 60] [--interval 2]
[--profile] [--hung-notifications] [--phone]`
"""

from __future__ import annotations

import argparse
import gc
import math
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from itertools import pairwise
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event as EventType
from pathlib import Path
from types import FrameType
from typing import Any

import requests
from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from surveydesk.app import GIL_SWITCH_SECONDS
from surveydesk.composition import Core, _add_wages_page, settle_heap
from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, MergeResult, PlatformStatus, PollState
from surveydesk.core.politeness import Politeness
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts
from surveydesk.demo.bitlabs_site import bitlabs_site
from surveydesk.demo.cpx_site import cpx_site
from surveydesk.demo.market import Market
from surveydesk.demo.mturk_site import mturk_site
from surveydesk.demo.prolific_site import ProlificSite
from surveydesk.demo.toloka_site import toloka_site
from surveydesk.demo.wire import Site, SiteContext
from surveydesk.feed.phone import (
    REPLY_TOPIC_KEY,
    TOPIC_KEY,
    PhoneSettings,
    load_phone_settings,
    new_topic,
    save_phone_settings,
)
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.ecb import ECB_BASE_URL
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.logging_setup import LogFile
from surveydesk.net import http
from surveydesk.net.shapes import ShapeWatch
from surveydesk.paths import AppPaths
from surveydesk.platforms.cpx import tasks as cpx
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.web_session import SignIns
from surveydesk.profile.store import ProfileStore
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.services.desktop_notifications import DesktopNotifications
from surveydesk.services.gui_thread_gc import GuiThreadCollector
from surveydesk.services.idle import SessionIdle
from surveydesk.services.phone_alerts import PhoneAlerts
from surveydesk.services.platform_changes import PlatformChanges
from surveydesk.services.poller import Poller
from surveydesk.services.reconciliation import Connectivity, ReconciliationService
from surveydesk.services.wage_reports import WageReports
from surveydesk.store import Database, TaskStore
from surveydesk.store.settings import JsonValue, SettingsStore
from surveydesk.ui.application import create_application
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.icons import tray_icon
from surveydesk.ui.main_window import MainWindow
from surveydesk.work.closing_clocks import ClosingClocks
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import KEEP_ALIVE_INTERVAL, Timekeeper

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.fake_desktop_bus import FakeDesktopBusProcess
from tests.ntfy_server import NtfyServer
from tests.session_bus import environment_on, private_session_bus

NEW_PER_CYCLE = 10
WARM_UP_CYCLES = 1  # after the first poll, which finds every study new
SETTLE_MS = 150  # the window repaints and goes idle between two polls
CYCLE_TIMEOUT_S = 20.0
NOT_ON_ITS_OWN = timedelta(hours=1)  # measurement 1: the poller polls only when told to
TICK_MS = 5
SITE_MIN_INTERVAL = 0.5  # the demo sites' own rate limits in measurement 2
STALL_MARKET_SPEED = 1.0
PROFILE_THRESHOLD_S = 0.010  # the sampler looks at the GUI thread once a tick is this late
PROFILE_EVERY_S = 0.001
PROFILE_TOP = 6
EVENT_FLOOR_S = 0.001  # with --profile, events that take longer are recorded
BENCH_FILE = Path(__file__).resolve()
PACKAGE_DIR = Path(__file__).resolve().parents[1] / "surveydesk"


def nearest_rank(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


_waiting: list[tuple[QEventLoop, Callable[[], bool] | None]] = []


def wait(milliseconds: int, until: Callable[[], bool] | None = None) -> None:
    """Run the Qt event loop for `milliseconds`, or until `until()` is true when a probe quits the loop early.

    The loop sleeps in Qt's dispatcher like `app.exec()`, not in a busy processEvents() loop that would compete
    with the pool threads for the GIL."""
    if until is not None and until():
        return
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    _waiting.append((loop, until))
    try:
        loop.exec()
    finally:
        _waiting.remove((loop, until))


def wake_waiters() -> None:
    for loop, until in list(_waiting):
        if until is not None and until():
            loop.quit()


# --- the app, composed as surveydesk.app composes it ---------------------------------------------------------


@dataclass
class Desk:
    database: Database
    settings: SettingsStore
    store: TaskStore
    poller: Poller
    pool: QThreadPool
    window: MainWindow
    feed: FeedController
    timekeeper: Timekeeper


@contextmanager
def desk(
    folder: Path,
    accounts: Sequence[tuple[Account, str, Politeness]],
    settings_values: Mapping[str, JsonValue],
    before_window: Callable[[Poller, TaskStore], None] = lambda _poller, _store: None,
    notification_bus: str | None = None,
    phone: tuple[str, str] | None = None,
) -> Iterator[Desk]:
    """The core and the window of `surveydesk.app` (`build_core` and `_run_ui`), over these accounts, with the
    demo's in-memory secrets. `before_window` runs before the window connects to the poller's signals; with a
    `notification_bus` (an address), alerts go to the notification server there, as on a Linux desktop; with a
    `phone` (an ntfy server's address and a topic), every alert goes to the phone too, as when she is away."""
    paths = AppPaths.under(folder).create()
    database = Database.open(paths.database)
    settings = SettingsStore(database)
    for key, value in settings_values.items():
        settings.set(key, value)
    secrets = MemorySecrets()
    clock = SystemClock()
    timekeeper = Timekeeper(WorkLog(database), clock)
    pool = QThreadPool()
    pool.setMaxThreadCount(4)
    store = TaskStore(database)
    # The benchmark's Prolific has no rate limit and is polled when told: no floor between two polls.
    poller = Poller(store, clock, pool, floor_of=lambda _platform: timedelta(0))
    wage_reports = WageReports(WorkLog(database), pool)
    for account, secret, politeness in accounts:
        secrets.set(account.key, secret)
        poller.add_account(account, BUILT_IN.build_connector(account, secrets, clock), politeness)
    ledger = LedgerStore(database)
    attempt_ingest = AttemptIngest(database, ledger, BUILT_IN.shares_task_ids)
    connectivity = Connectivity()
    reconciliation = ReconciliationService(
        Reconciler(ledger, attempt_ingest, clock), ledger, clock, pool, connectivity
    )
    core = Core(  # by name: a new field of the Core stops the bench here, saying which
        paths=paths, database=database, secrets=secrets, signed_in=secrets, sign_ins=SignIns(),
        sign_in_places=None, clock=clock, poller=poller, timekeeper=timekeeper, settings=settings,
        wage_reports=wage_reports, pool=pool, notices=(),
        attempt_ingest=attempt_ingest, connectivity=connectivity, reconciliation=reconciliation,
        profile=ProfileStore(database, clock), rates_url=ECB_BASE_URL, registry=BUILT_IN,
        platform_changes=PlatformChanges(ShapeWatch(), BUILT_IN.name),
        closing_clocks=ClosingClocks(timekeeper, paths.data), platform_pool=pool,
        log_file=LogFile(paths.log / "bench.log", str),
    )  # fmt: skip
    before_window(poller, store)
    window = MainWindow(demo=True)
    window.attach(poller, clock.now, timekeeper=timekeeper)
    _add_wages_page(window, core)
    background = Background(pool, window)
    notifications = None if notification_bus is None else DesktopNotifications(background, notification_bus)
    phone_alerts, idle = None, None
    if phone is not None:
        server, topic = phone
        secrets.set(TOPIC_KEY, topic)
        secrets.set(REPLY_TOPIC_KEY, new_topic())
        save_phone_settings(settings, PhoneSettings(enabled=True, only_when_away=False, server=server))
        phone_alerts = PhoneAlerts(secrets, background, lambda: load_phone_settings(settings), window)
        phone_alerts.delivered.connect(lambda _channel: wake_waiters())  # the server has it by then
        idle = SessionIdle(lambda: timedelta(0), background, parent=window)
    feed = FeedController(window, poller, timekeeper, background, settings, clock, tray_icon(),
                          notifications=notifications, phone=phone_alerts, idle=idle)  # fmt: skip
    keep_alive = QTimer(window)
    keep_alive.timeout.connect(timekeeper.keep_alive)
    keep_alive.start(int(KEEP_ALIVE_INTERVAL.total_seconds() * 1000))
    window.show()
    GuiThreadCollector(window).start()  # as the app: cycles are collected on the GUI thread only
    settle_heap()
    try:
        yield Desk(database, settings, store, poller, pool, window, feed, timekeeper)
    finally:
        poller.stop()
        pool.waitForDone(10_000)
        if notifications is not None:
            notifications.close()
        window.keep_running_in_tray = False
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        timekeeper.suspend()
        database.close()


def wrap_notifiers(feed: FeedController, window: MainWindow, notified: Callable[[str], None]) -> None:
    """Stamp every call of a notifier, then let the notifier do its work as usual."""

    def stamped(show: Callable[..., None], title: Callable[..., str]) -> Callable[..., None]:
        def call(*args: Any) -> None:
            notified(title(*args))
            show(*args)

        return call

    window.show_alert = stamped(window.show_alert, lambda title, _body: title)  # type: ignore[method-assign]
    feed.tray.show_alert = stamped(feed.tray.show_alert, lambda alert: alert.title)  # type: ignore[method-assign]


# --- measurement 1: from a poll's reply to the notifier --------------------------------------------------------


def _publish_and_retire(market: Market, count: int) -> None:
    """`count` studies published now, and the `count` oldest closed, by the market's own publishing and closing,
    under its lock, so the next list holds as many studies as the last one, `count` of them new."""
    with market._lock:
        market._catch_up()
        at = market._clock() - market._origin
        for _ in range(count):
            market._close(next(iter(market._open)))
            market._publish(at=at, progress=0.0)
        market._version += 1


@dataclass
class _Cycle:
    """The moments of one poll, by `time.perf_counter()`."""

    body_read: float | None = None
    parsed: float | None = None
    merge_started: float | None = None
    merged: float | None = None
    delivered: float | None = None
    notified: float | None = None
    phoned: float | None = None  # with --phone: when the ntfy server received the alert
    new: int = 0
    listed: int = 0
    title: str = ""

    def span(self, start: str, end: str) -> float:
        first, last = getattr(self, start), getattr(self, end)
        if first is None or last is None:
            raise RuntimeError(f"a poll was missing a moment: {start}={first}, {end}={last}")
        return (last - first) * 1000


@dataclass
class _Probe:
    cycle: _Cycle = field(default_factory=_Cycle)

    def body_read(self) -> None:
        self.cycle.body_read = time.perf_counter()

    def delivered(self, result: MergeResult) -> None:
        self.cycle.delivered = time.perf_counter()
        self.cycle.new = len(result.new)

    def notified(self, title: str) -> None:
        self.cycle.notified = time.perf_counter()
        self.cycle.title = title
        wake_waiters()


@contextmanager
def _stamping_body_reads(probe: _Probe) -> Iterator[None]:
    """Every reply the connectors read, stamped the moment its body has been read (on the pool thread)."""
    read = http._read

    def stamped(response: requests.Response, max_bytes: int) -> requests.Response:
        answer = read(response, max_bytes)
        probe.body_read()
        return answer

    http._read = stamped
    try:
        yield
    finally:
        http._read = read


def _has(ntfy: NtfyServer, topic: str, count: int) -> bool:
    return len(ntfy.on_topic(topic)) >= count


def _timed(method: Callable[..., Any], before: Callable[[], None], after: Callable[[Any], None]) -> Any:
    def call(*args: Any, **kwargs: Any) -> Any:
        before()
        result = method(*args, **kwargs)
        after(result)
        return result

    return call


@dataclass(frozen=True)
class Latency:
    cycles: list[_Cycle]
    first_poll_ms: float
    rows: int
    listed: int
    tray: bool


def measure_latency(folder: Path, studies: int, cycles: int, phone: bool = False) -> Latency:
    markets: list[Market] = []

    def prolific(context: SiteContext) -> Site:
        """The exchange's Prolific without its rate limit, over a market this benchmark can publish in."""
        market = context.market(0)
        markets.append(market)
        return ProlificSite(market, DemoExchange.PROLIFIC_TOKEN, 0.0, context.clock)

    probe = _Probe()

    def hook(poller: Poller, store: TaskStore) -> None:
        # Connected before the window's and the feed's slots, so it runs first on the GUI thread.
        poller.tasks_changed.connect(probe.delivered)
        store.merge = _timed(  # type: ignore[method-assign]
            store.merge,
            lambda: setattr(probe.cycle, "merge_started", time.perf_counter()),
            lambda _result: setattr(probe.cycle, "merged", time.perf_counter()),
        )
        connector = poller.connector_of(account.key)
        assert connector is not None
        connector.fetch_tasks = _timed(  # type: ignore[method-assign]
            connector.fetch_tasks,
            lambda: None,
            lambda tasks: (
                setattr(probe.cycle, "parsed", time.perf_counter()),
                setattr(probe.cycle, "listed", len(tasks)),
            ),
        )

    topic = new_topic()
    with (
        DemoExchange(seed=1, clock=ManualClock(0.0), initial_studies=studies, sites=[prolific]) as exchange,
        _stamping_body_reads(probe),
        NtfyServer() as ntfy,
    ):
        ((account, secret),) = demo_accounts(exchange, BUILT_IN)
        settings = {"alerts.per_minute": 1_000_000}  # every poll's alert goes out: this run polls fast
        on_phone = (ntfy.address, topic) if phone else None
        accounts = [(account, secret, Politeness(NOT_ON_ITS_OWN))]
        with desk(folder, accounts, settings, hook, phone=on_phone) as app:
            wrap_notifiers(app.feed, app.window, probe.notified)
            app.poller.start()
            wait(int(CYCLE_TIMEOUT_S * 1000), lambda: probe.cycle.notified is not None)
            first = probe.cycle
            if first.notified is None:
                raise RuntimeError("the first poll never reached the notifier")
            measured: list[_Cycle] = []
            for number in range(WARM_UP_CYCLES + cycles):
                wait(SETTLE_MS)
                _publish_and_retire(markets[0], NEW_PER_CYCLE)
                probe.cycle = _Cycle()
                app.poller.poll_all_now()
                wait(int(CYCLE_TIMEOUT_S * 1000), lambda: probe.cycle.notified is not None)
                cycle = probe.cycle
                expected = f"{NEW_PER_CYCLE} new tasks"
                if cycle.notified is None or cycle.new != NEW_PER_CYCLE or cycle.title != expected:
                    raise RuntimeError(
                        f"cycle {number}: {cycle.new} new, notifier told {cycle.title!r}; expected {expected!r}"
                    )
                if cycle.listed != studies:
                    raise RuntimeError(f"cycle {number}: {cycle.listed} studies listed, not {studies}")
                if phone:  # the first poll's alert and one per cycle since
                    expected_alerts = number + 2
                    wait(int(CYCLE_TIMEOUT_S * 1000), partial(_has, ntfy, topic, expected_alerts))
                    received = ntfy.on_topic(topic)
                    if len(received) != expected_alerts:
                        raise RuntimeError(f"cycle {number}: the phone got {len(received)} alerts")
                    cycle.phoned = received[-1].arrived
                if number >= WARM_UP_CYCLES:
                    measured.append(cycle)
            wait(SETTLE_MS)
            rows = app.window.model.rowCount()
            tray = app.feed.tray.available
    return Latency(measured, first.span("body_read", "notified"), rows, measured[-1].listed, tray)


# --- measurement 2: the GUI thread while five platforms are polled ---------------------------------------------


class _StallSampler:
    """While the GUI thread is late (its last tick older than the threshold), sample its Python stack.

    Time is credited to the stack seen, by the time since the previous sample. Garbage collections are timed on
    every thread: one on a pool thread holds the GIL, and the GUI thread waits for it.
    """

    def __init__(self, gui_thread: int, threshold: float) -> None:
        self._gui = gui_thread
        self._threshold = threshold
        self.last_tick = time.perf_counter()
        self.spent: Counter[str] = Counter()
        self.collections: list[tuple[int, float, bool]] = []  # (generation, ms, on the GUI thread)
        self._gc_started: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stall-sampler", daemon=True)

    def tick(self, now: float) -> None:
        self.last_tick = now

    def start(self) -> None:
        self.last_tick = time.perf_counter()
        gc.callbacks.append(self._on_gc)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        gc.callbacks.remove(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._gc_started[thread] = time.perf_counter()
        elif thread in self._gc_started:
            ms = (time.perf_counter() - self._gc_started.pop(thread)) * 1000
            self.collections.append((info["generation"], ms, thread == self._gui))

    def _run(self) -> None:
        previous = time.perf_counter()
        while not self._stop.wait(PROFILE_EVERY_S):
            now = time.perf_counter()
            last = self.last_tick
            if now - last > self._threshold:
                stack = _describe(sys._current_frames().get(self._gui))
                spent = (now - max(previous, last + self._threshold)) * 1000
                self.spent[stack] += spent
            previous = now


class _TimedApplication(QApplication):
    """Times each event the GUI thread dispatches at the top level (not events sent from inside another one).

    Only with `--profile`: it adds a call into Python for every event, which the figures then include.
    """

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.recording = False
        self.events: list[tuple[float, float, str]] = []  # (start, end, what) of each event over the floor
        self._gui = threading.get_ident()
        self._depth = 0

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        if not self.recording or threading.get_ident() != self._gui:
            return super().notify(receiver, event)
        kind = event.type()
        self._depth += 1
        started = time.perf_counter()
        try:
            return super().notify(receiver, event)
        finally:
            ended = time.perf_counter()
            self._depth -= 1
            if self._depth == 0 and ended - started >= EVENT_FLOOR_S:
                self.events.append((started, ended, _event_name(kind, receiver)))


def _event_name(kind: QEvent.Type, receiver: QObject) -> str:
    """'Paint to QTableView.qt_scrollarea_viewport', 'Timer to QTimer of Poller': what a receiver is, told
    by its parent when Qt made it or it has no name of its own."""
    try:
        name = type(receiver).__name__
        parent = receiver.parent()
        own = receiver.objectName()
        if parent is not None and own.startswith("qt_"):
            name = f"{type(parent).__name__}.{own}"
        elif parent is not None and isinstance(receiver, QTimer):
            name = f"{name} of {type(parent).__name__}"
    except RuntimeError:  # deleted while its event was handled (DeferredDelete)
        name = "a deleted object"
    return f"{kind.name} to {name}"


def _describe(frame: FrameType | None) -> str:
    """The innermost frames of the app's own code, and the innermost frame of all, as 'file:function'."""
    ours: list[str] = []
    innermost = ""
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        name = f"{path.stem}:{frame.f_code.co_name}"
        if not innermost:
            innermost = name
        if path == BENCH_FILE:
            break
        if PACKAGE_DIR in path.parents:
            ours.append(name)
        frame = frame.f_back
    if not ours:
        return "Qt event loop, no Python frame (C++ work: layout, paint, sorting; or waiting for the GIL)"
    chain = " < ".join(ours[:4])
    return chain if innermost == ours[0] else f"[{innermost}] {chain}"


@dataclass(frozen=True)
class Stalls:
    ticks: list[float]
    gaps_ms: list[float]
    max_steady_ms: float
    ok: Counter[str]
    errors: Counter[str]
    rows: int
    seconds: float
    sampler: _StallSampler | None
    events: list[tuple[float, float, str]]
    hung: tuple[int, bool] | None  # with --hung-notifications: alerts the server got, whether the tray said so


def _serve_exchange(studies: int, ready: Connection, stop: EventType) -> None:
    """In a process of its own, as a platform's server is: encoding replies is not the app's work, and here it
    does not take the app's GIL. Sends the demo worker's accounts, then serves until told to stop."""
    sites = [
        lambda context: ProlificSite(
            context.market(0), DemoExchange.PROLIFIC_TOKEN, SITE_MIN_INTERVAL, context.clock
        ),
        partial(mturk_site, min_interval=SITE_MIN_INTERVAL),
        partial(bitlabs_site, min_interval=SITE_MIN_INTERVAL),
        partial(cpx_site, min_interval=SITE_MIN_INTERVAL),
        partial(toloka_site, min_interval=SITE_MIN_INTERVAL),
    ]
    with DemoExchange(seed=1, initial_studies=studies, market_speed=STALL_MARKET_SPEED, sites=sites) as exchange:
        ready.send(demo_accounts(exchange, BUILT_IN))
        stop.wait()


@contextmanager
def _exchange_process(studies: int) -> Iterator[list[tuple[Account, str]]]:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    process = context.Process(target=_serve_exchange, args=(studies, sender, stop), name="demo-exchange")
    process.start()
    try:
        if not receiver.poll(CYCLE_TIMEOUT_S):
            raise RuntimeError("the demo exchange's process did not start")
        yield receiver.recv()
    finally:
        stop.set()
        process.join(10)
        if process.is_alive():
            process.terminate()


def measure_stalls(
    folder: Path, studies: int, seconds: float, interval: float, profile: bool, hung: bool = False
) -> Stalls:
    ok: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    first_polls: dict[str, float] = {}
    last_success: dict[str, object] = {}
    last_error: dict[str, object] = {}

    def on_status(status: PlatformStatus) -> None:
        """Counts polls: a status is announced more than once per poll (its outcome, then its next check)."""
        platform = status.account.platform
        if status.state is PollState.OK and status.last_success != last_success.get(platform):
            last_success[platform] = status.last_success
            ok[platform] += 1
            first_polls.setdefault(platform, time.perf_counter())
        elif status.state is PollState.ERROR and status.next_poll != last_error.get(platform):
            last_error[platform] = status.next_poll
            errors[f"{platform} ({status.error_kind})"] += 1

    with _exchange_process(studies) as demo, ExitStack() as stack:
        hung_server, bus = None, None
        if hung:  # a notification server that records each Notify and never answers
            bus = stack.enter_context(private_session_bus(folder))
            hung_server = stack.enter_context(FakeDesktopBusProcess(environment=environment_on(bus)))
            hung_server.answer_notify(False)
        accounts = []
        for account, secret in demo:
            # CPX's connector itself refuses to refresh within 120 s; polling it sooner only makes errors.
            every = timedelta(seconds=interval)
            if account.key.platform == "cpx":
                every = max(every, cpx.REFRESH_FLOOR)
            accounts.append((account, secret, Politeness(every)))
        with desk(folder, accounts, {}, notification_bus=bus) as app:
            app.poller.status_changed.connect(on_status)
            sampler = _StallSampler(threading.get_ident(), PROFILE_THRESHOLD_S) if profile else None
            ticks: list[float] = []

            def tick() -> None:
                now = time.perf_counter()
                ticks.append(now)
                if sampler is not None:
                    sampler.tick(now)

            heartbeat = QTimer()
            heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
            heartbeat.timeout.connect(tick)
            wait(SETTLE_MS)  # the window's first paint is not polling
            timed = QCoreApplication.instance()
            timed = timed if profile and isinstance(timed, _TimedApplication) else None
            heartbeat.start(TICK_MS)
            if sampler is not None:
                sampler.start()
            if timed is not None:
                timed.recording = True
            started = time.perf_counter()
            app.poller.start()
            wait(int(seconds * 1000))
            heartbeat.stop()
            if sampler is not None:
                sampler.stop()
            if timed is not None:
                timed.recording = False
            ran = time.perf_counter() - started
            rows = app.window.model.rowCount()
            said = any("notification service" in problem for problem in app.feed.health.problems.values())
            told = None if hung_server is None else (len(hung_server.notifications), said)
    gaps = [(later - earlier) * 1000 - TICK_MS for earlier, later in pairwise(ticks)]
    steady_from = max(first_polls.values()) if len(first_polls) == len(accounts) else math.inf
    steady = [gap for gap, earlier in zip(gaps, ticks, strict=False) if earlier >= steady_from]
    events = timed.events if timed is not None else []
    return Stalls(ticks, gaps, max(steady, default=math.nan), ok, errors, rows, ran, sampler, events, told)


# --- report ---------------------------------------------------------------------------------------------------


def _profile_lines(stalls: Stalls) -> list[str]:
    """Where the GUI thread's time went in the longest stalls: the events it was handling, its Python stack."""
    lines: list[str] = []
    if stalls.events:
        lines.append("# profile: the longest stalls, and the top-level events the GUI thread handled in them")
        longest = sorted(range(len(stalls.gaps_ms)), key=lambda index: -stalls.gaps_ms[index])[:PROFILE_TOP]
        for index in longest:
            start, end = stalls.ticks[index], stalls.ticks[index + 1]
            inside = Counter[str]()
            for began, ended, what in stalls.events:
                overlap = min(end, ended) - max(start, began)
                if overlap > 0:
                    inside[what] += overlap * 1000
            busy = sum(inside.values())
            named = "; ".join(f"{what} {ms:.1f} ms" for what, ms in inside.most_common(3)) or "no event over 1 ms"
            lines.append(
                f"#   {stalls.gaps_ms[index]:5.1f} ms late: {named}; outside any event over 1 ms "
                f"{(end - start) * 1000 - busy:.1f} ms"
            )
        by_kind = Counter[str]()
        for began, ended, what in stalls.events:
            by_kind[what] += (ended - began) * 1000
        lines.append("# profile: GUI thread time in events over 1 ms, by event, over the whole run")
        lines.extend(f"#   {ms:7.1f} ms  {what}" for what, ms in by_kind.most_common(PROFILE_TOP))
    sampler = stalls.sampler
    if sampler is None:
        return lines
    lines.append(
        f"# profile: GUI thread's Python stack while it was over {PROFILE_THRESHOLD_S * 1000:.0f} ms late"
    )
    total = sum(sampler.spent.values())
    for stack, ms in sampler.spent.most_common(PROFILE_TOP):
        lines.append(f"#   {ms:7.1f} ms ({ms / total:4.0%})  {stack}" if total else f"#   {stack}")
    for generation in (0, 1, 2):
        runs = [(ms, on_gui) for gen, ms, on_gui in sampler.collections if gen == generation]
        if runs:
            on_gui = sum(1 for _ms, gui in runs if gui)
            lines.append(
                f"#   gc generation {generation}: {len(runs)} runs ({on_gui} on the GUI thread), "
                f"max {max(ms for ms, _ in runs):.1f} ms, total {sum(ms for ms, _ in runs):.0f} ms"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cycles", type=int, default=100, help="measured polls of 10 new studies (≥ 50)")
    parser.add_argument("--studies", type=int, default=1000, help="Prolific studies listed in each poll")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long five platforms are polled")
    parser.add_argument("--platform-tasks", type=int, default=200, help="tasks per platform in the stall run")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls of each platform")
    parser.add_argument("--profile", action="store_true", help="where the GUI thread's longest stalls go")
    parser.add_argument(
        "--phone", action="store_true", help="alerts also go to a phone (a local ntfy server): reply to it"
    )
    parser.add_argument(
        "--hung-notifications",
        action="store_true",
        help="gui_stall with desktop alerts sent to a notification server that never answers",
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        help="what if: another GIL switch interval in ms than the app's",
    )
    args = parser.parse_args()
    if args.cycles < 1 or args.seconds <= 0:
        parser.error("at least one cycle and a positive number of seconds")

    switch = GIL_SWITCH_SECONDS if args.switch_interval is None else args.switch_interval / 1000
    sys.setswitchinterval(switch)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.profile:
        _TimedApplication(sys.argv[:1])
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        latency = measure_latency(Path(first), args.studies, args.cycles, args.phone)
        stalls = measure_stalls(
            Path(second), args.platform_tasks, args.seconds, args.interval, args.profile, args.hung_notifications
        )

    cycles = latency.cycles
    total = [cycle.span("body_read", "notified") for cycle in cycles]
    parts = {
        "parse": ("body_read", "parsed"),
        "check": ("parsed", "merge_started"),
        "merge": ("merge_started", "merged"),
        "to GUI": ("merged", "delivered"),
        "window+alerts": ("delivered", "notified"),
    }
    breakdown = ", ".join(
        f"{name} {statistics.median(cycle.span(*span) for cycle in cycles):.1f}" for name, span in parts.items()
    )
    worst = max(cycles, key=lambda cycle: cycle.span("body_read", "notified"))
    worst_parts = ", ".join(f"{name} {worst.span(*span):.1f}" for name, span in parts.items())
    print(
        f"# Qt platform {QGuiApplication.platformName()}, notifier: "
        f"{'the tray' if latency.tray else 'the window (no tray)'}"
        f"; Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, GIL switch interval "
        f"{sys.getswitchinterval() * 1000:.0f} ms"
    )
    print(
        f"# notify: {len(cycles)} polls of {latency.listed} Prolific studies with {NEW_PER_CYCLE} new "
        f"(+{WARM_UP_CYCLES} warm-up), {latency.rows} rows at the end; first poll (all new) "
        f"{latency.first_poll_ms:.0f} ms"
    )
    print(f"# notify: median ms from body read: {breakdown}; min {min(total):.1f}, max {max(total):.1f}")
    print(f"# notify: slowest poll: {worst_parts}")
    polls = ", ".join(f"{name} {count}" for name, count in sorted(stalls.ok.items()))
    errors = ", ".join(f"{name} {count}" for name, count in sorted(stalls.errors.items())) or "none"
    print(
        f"# gui_stall: {sum(stalls.ok.values())} polls in {stalls.seconds:.0f} s ({polls}; errors: {errors}), "
        f"{len(stalls.gaps_ms) + 1} ticks of {TICK_MS} ms, {stalls.rows} rows at the end; "
        f"p99 gap {nearest_rank(stalls.gaps_ms, 0.99):.1f} ms, p50 {statistics.median(stalls.gaps_ms):.2f} ms, "
        f"max after every first poll {stalls.max_steady_ms:.1f} ms, "
        f"gaps over 20 ms: {sum(gap > 20 for gap in stalls.gaps_ms)}"
    )
    if stalls.hung is not None:
        sent, said = stalls.hung
        print(
            f"# gui_stall: desktop alerts to a server that never answers: {sent} Notify calls received by it, "
            f"the tray {'said' if said else 'did not say'} alerts are failing"
        )
    for line in _profile_lines(stalls):
        print(line)
    print(f"notify_latency p50_ms={statistics.median(total):.1f} p99_ms={nearest_rank(total, 0.99):.1f}")
    print(f"gui_stall max_ms={max(stalls.gaps_ms):.1f}")
    if args.phone:
        phoned = [cycle.span("body_read", "phoned") for cycle in cycles]
        print(f"phone_latency p50_ms={statistics.median(phoned):.1f} p99_ms={nearest_rank(phoned, 0.99):.1f}")
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
