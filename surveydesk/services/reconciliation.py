"""Keeps the ledger true to the platforms: each account reconciled on the pool, now and then, when asked, and
again when the network comes back; reports each account's state and last sync by signal.

Whether the computer is online comes from Qt's network information when a backend loads; otherwise it is
inferred: a run that could not reach its platform at all marks the desk offline, and any answer marks it online.
While offline, runs wait (the history, being local, works on) and all run once the network is back.

An account's first reconciliation reads its whole history, which can take minutes: its count of records and
pages is sent (`first_sync_progress`) a few times a second while it runs, and the worker may cancel it
(`cancel`): it stops after the batch it is reading, stored whole with its cursor, and the next run goes on there.

A run reads one page (one request) per job on the pool and waits between pages on a timer of the GUI thread, so
no pool thread sleeps: each page goes out its account's interval (`Politeness.min_interval`) after the last
answer, through the platform's gate (core/platform_gate.py), which it shares with the poller: one request to a
platform at a time, and none before the server's Retry-After. A run reads at most `PAGES_PER_RUN` pages; the
rest waits for the next run, which goes on from the cursor stored with the last page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal, SignalInstance
from PySide6.QtNetwork import QNetworkInformation

from surveydesk.core.built_once import BuiltOnce
from surveydesk.core.clock import Clock
from surveydesk.core.earnings import EarningsReader
from surveydesk.core.errors import PlatformError, RateLimited, Unreachable
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.platform_gate import PlatformGate
from surveydesk.core.politeness import DEFAULT_CADENCE, Politeness
from surveydesk.core.progress import Progress
from surveydesk.ledger.reconcile import Reading, Reconciler, SyncResult
from surveydesk.ledger.store import LedgerStore
from surveydesk.services.background import Background

log = logging.getLogger(__name__)

# Reconciling reads whole histories: every quarter of an hour is plenty, and polite to every platform.
SYNC_INTERVAL = timedelta(minutes=15)
FIRST_SYNC_STAGGER = timedelta(seconds=2)
# At most this many pages (requests) in one run: a platform whose pages never end (Toloka's did, 5,000 requests
# in 14 s) is read a bounded part at a time, and the next run goes on from there.
PAGES_PER_RUN = 100
PROGRESS_POLL_MS = 200  # how often a first reconciliation's count is read from its Progress


def _offline_message() -> str:
    return QCoreApplication.translate("ReconciliationService", "Offline: syncs when the network is back")


class SyncState(Enum):
    WAITING = "waiting"
    SYNCING = "syncing"
    OK = "ok"
    ERROR = "error"
    OFFLINE = "offline"


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """What the worker sees of one account's reconciliation."""

    account: AccountKey
    label: str
    state: SyncState
    message: str = ""
    error_kind: str = ""
    last_sync: datetime | None = None
    next_sync: datetime | None = None


class Connectivity(QObject):
    """Online or not: from `QNetworkInformation` once `watch_system` found a backend with reachability, else
    from what requests meet. Unknown reachability counts as online (trying costs little)."""

    changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._online = True
        self._from_system = False

    def watch_system(self) -> bool:
        """Follow the system's reachability if a backend that knows it loads (call once the application
        exists); False when none does, and connectivity stays inferred."""
        if not QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            return False
        information = QNetworkInformation.instance()
        self.follow(information.reachabilityChanged, information.reachability())
        return True

    def follow(self, reachability_changed: SignalInstance, reachability: QNetworkInformation.Reachability) -> None:
        """Take the system's word from now on: its reachability now, then each change `reachability_changed`
        announces."""
        self._from_system = True
        reachability_changed.connect(self.set_reachability)
        self.set_reachability(reachability)

    @property
    def online(self) -> bool:
        return self._online

    @property
    def from_system(self) -> bool:
        return self._from_system

    def set_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        """What the system says (connected to the backend's signal)."""
        self._set(_reachable(reachability))

    def unreachable(self) -> None:
        """A platform could not be reached at all: offline, unless the system knows better."""
        if not self._from_system:
            self._set(False)

    def answered(self) -> None:
        """A platform answered: the network works, unless the system knows better. An answer can arrive after
        the system said the network went (its request left before), and must not undo that: the runs started
        again at once and the desk never waited for the network (tests/demo/test_demo_rates.py failed so, now and
        then)."""
        if not self._from_system:
            self._set(True)

    def _set(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            log.info("the network is %s", "back" if online else "gone")
            self.changed.emit(online)


def _reachable(reachability: QNetworkInformation.Reachability) -> bool:
    return reachability != QNetworkInformation.Reachability.Disconnected


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """How far an account's first reconciliation got: records and pages stored so far; `running` is False in
    the last report, once it ended (finished, failed or cancelled)."""

    account: AccountKey
    label: str
    records: int
    pages: int
    running: bool


@dataclass(slots=True)
class _Account:
    account: Account
    reader: BuiltOnce[EarningsReader]  # built by its first run's first page, on the pool
    politeness: Politeness
    timer: QTimer
    status: SyncStatus
    running: bool = field(default=False)
    progress: Progress | None = field(default=None)  # of a first reconciliation while it runs
    reading: Reading | None = field(default=None)  # the run under way, between its pages
    page_in_flight: bool = field(default=False)  # a page of `reading` is being read on the pool
    next_page: datetime | None = field(default=None)  # the run's next page goes no sooner


class ReconciliationService(QObject):
    """One single-shot timer per account; runs on the pool through `Background`, results back by signal."""

    status_changed = Signal(object)  # SyncStatus
    synced = Signal(object)  # SyncResult: the ledger changed, views of it may refresh
    online_changed = Signal(bool)
    first_sync_progress = Signal(object)  # SyncProgress

    def __init__(
        self,
        reconciler: Reconciler,
        ledger: LedgerStore,
        clock: Clock,
        pool: QThreadPool,
        connectivity: Connectivity,
        interval: timedelta = SYNC_INTERVAL,
        stagger: timedelta = FIRST_SYNC_STAGGER,
        retry_floor: timedelta | None = None,
        floor_of: Callable[[str], timedelta] = lambda _platform: DEFAULT_CADENCE.floor,
        parent: QObject | None = None,
        gate: PlatformGate | None = None,
        pages_per_run: int = PAGES_PER_RUN,
    ) -> None:
        """`gate` is the platforms' gate shared with the poller (a gate of its own when none is given)."""
        super().__init__(parent)
        self._gate = gate if gate is not None else PlatformGate()
        self._pages_per_run = pages_per_run
        self._reconciler = reconciler
        self._ledger = ledger
        self._clock = clock
        self._connectivity = connectivity
        self._interval = interval
        self._stagger = stagger
        self._retry_floor = retry_floor
        self._floor_of = floor_of  # a platform's cadence floor, from its spec
        self._accounts: dict[AccountKey, _Account] = {}
        self._running = False
        self._stopping = False
        self._background = Background(pool, self)
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(PROGRESS_POLL_MS)
        self._progress_timer.timeout.connect(self._report_progress)
        connectivity.changed.connect(self._on_connectivity)

    @property
    def online(self) -> bool:
        return self._connectivity.online

    def add_account(self, account: Account, reader: EarningsReader, politeness: Politeness | None = None) -> None:
        """Reconcile this account from now on (replacing one of the same key: a new login, new settings).

        `politeness` (the registry's for the account) paces its pages and its retries; by default, its
        platform's floor. A run cut short (a rate limit half-way through a first year of history) goes on as
        soon as the platform allows, not at the next quarter hour; other errors back off from there."""
        self.add_account_built_later(account, lambda: reader, politeness)

    def add_account_built_later(
        self, account: Account, build: Callable[[], EarningsReader], politeness: Politeness | None = None
    ) -> None:
        """As `add_account`, its reader built by `build` at its first run, on the pool: start-up lists every
        account at once and builds the readers (importing the platforms' and requests) after the first frame,
        off the GUI thread. `build` must therefore make nothing that lives on the GUI thread (no QObject)."""
        self.remove_account(account.key)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda key=account.key: self._on_timer(key))
        last = self._ledger.last_sync(account.key)
        status = SyncStatus(account.key, account.label, SyncState.WAITING, last_sync=last)
        if politeness is None:
            politeness = Politeness(self._retry_floor or self._floor_of(account.key.platform))
        self._accounts[account.key] = _Account(account, BuiltOnce(build), politeness, timer, status)
        self.status_changed.emit(status)
        if self._running:
            self._schedule(account.key, self._clock.now())

    def remove_account(self, key: AccountKey) -> None:
        entry = self._accounts.pop(key, None)
        if entry is not None:
            if entry.progress is not None:  # a first run in flight stops after its batch; no one shows it now
                entry.progress.cancel()
                self.first_sync_progress.emit(self._progress_of(entry, entry.progress, running=False))
            entry.timer.stop()
            entry.timer.setParent(None)  # freed with `entry`, as the poller frees its timers

    def statuses(self) -> list[SyncStatus]:
        return [entry.status for entry in self._accounts.values()]

    def start(self) -> None:
        """Sync every account soon (a little apart), then every `interval`."""
        if self._running:
            return
        self._running, self._stopping = True, False
        now = self._clock.now()
        for order, key in enumerate(self._accounts):
            self._schedule(key, now + self._stagger * order)

    def stop(self) -> None:
        """No more runs; a run in flight stops after its current batch (its cursor resumes there next time)."""
        self._running, self._stopping = False, True
        for key, entry in list(self._accounts.items()):
            entry.timer.stop()
            if entry.reading is not None and not entry.page_in_flight:  # waiting for its next page: ends now
                self._done(key, None)

    def sync_now(self) -> None:
        """The worker asked: every account not already syncing runs at once, whatever the network seems."""
        for key, entry in self._accounts.items():
            entry.politeness.reset()
            if not entry.running:
                entry.timer.stop()
                self._run(key, asked=True)

    def cancel(self, key: AccountKey) -> None:
        """The worker cancelled the account's first reconciliation: it stops after the batch it is reading
        (stored whole, with the cursor after it) and goes on from there at the next sync."""
        entry = self._accounts.get(key)
        if entry is not None and entry.progress is not None:
            entry.progress.cancel()
            if entry.reading is not None and not entry.page_in_flight:  # between pages: it stops now
                entry.timer.stop()
                self._done(key, None)

    def _schedule(self, key: AccountKey, when: datetime) -> None:
        entry = self._accounts[key]
        if not self._running:
            return
        entry.timer.start(max(0, int((when - self._clock.now()).total_seconds() * 1000)))
        self._set_status(key, next_sync=when)

    def _run(self, key: AccountKey, asked: bool = False) -> None:
        entry = self._accounts.get(key)
        if entry is None or entry.running or (not self._running and not asked):
            return
        if not self._connectivity.online and self._connectivity.from_system and not asked:
            # The system will say when the network is back. Without it, runs go on as probes of the network.
            self._set_status(key, state=SyncState.OFFLINE, message=_offline_message(), next_sync=None)
            return
        entry.running = True
        first = entry.status.last_sync is None  # never completed: the whole history is to be read
        progress = entry.progress = Progress() if first else None
        entry.reading = self._reconciler.start(entry.reader.get, progress)  # built by its first page, on the pool
        entry.next_page = None
        self._set_status(
            key,
            state=SyncState.SYNCING,
            message=QCoreApplication.translate("ReconciliationService", "Syncing earnings…"),
        )
        if progress is not None:
            self.first_sync_progress.emit(self._progress_of(entry, progress, running=True))
            self._progress_timer.start()
        self._read_page(key)

    def _on_timer(self, key: AccountKey) -> None:
        """The account's timer: the next page of its run under way, else its next run."""
        entry = self._accounts.get(key)
        if entry is not None and entry.reading is not None:
            self._read_page(key)
        else:
            self._run(key)

    def _read_page(self, key: AccountKey) -> None:
        """Send the run's next page to the pool once its account's pace and its platform's gate allow, else look
        again when they will."""
        entry = self._accounts[key]
        reading, platform = entry.reading, key.platform
        if reading is None or entry.page_in_flight:
            return
        if self._gate.busy(platform):  # answering a poll: the page goes after it
            self._gate.when_left(platform, self, lambda: entry.timer.start(0))
            return
        now = self._clock.now()
        allowed = max(entry.next_page or now, self._gate.ready_at(platform, self, now))
        if allowed > now:
            entry.timer.start(max(1, round((allowed - now).total_seconds() * 1000)))
            return
        self._gate.enter(platform, self)
        entry.page_in_flight = True
        self._background.run(
            lambda: self._page(reading),
            lambda outcome: self._page_read(key, reading, outcome),
            lambda _bug: self._page_read(
                key,
                reading,
                PlatformError(
                    key.platform,
                    QCoreApplication.translate("ReconciliationService", "Internal error; see the log file"),
                ),
            ),
        )

    @staticmethod
    def _page(reading: Reading) -> SyncResult | PlatformError | None:
        """On the pool. A platform's trouble is returned (shown calmly); anything else is a bug, logged by
        `Background`."""
        try:
            return reading.next_page()
        except PlatformError as error:
            return error

    def _page_read(self, key: AccountKey, reading: Reading, outcome: SyncResult | PlatformError | None) -> None:
        """A page's answer is back: the platform rests; the run ends, or its next page follows at its pace."""
        now = self._clock.now()
        self._gate.leave(key.platform, now, outcome if isinstance(outcome, PlatformError) else None)
        entry = self._accounts.get(key)
        if entry is None or entry.reading is not reading:  # removed (or replaced) while the page was read
            return
        entry.page_in_flight = False
        cancelled = entry.progress is not None and entry.progress.cancelled
        if outcome is not None or self._stopping or cancelled:
            self._done(key, outcome)
        elif reading.pages >= self._pages_per_run:
            self._done(key, None, capped=True)
        else:
            entry.next_page = now + entry.politeness.min_interval
            self._read_page(key)

    def _report_progress(self) -> None:
        running = [entry for entry in self._accounts.values() if entry.progress is not None]
        for entry in running:
            assert entry.progress is not None
            self.first_sync_progress.emit(self._progress_of(entry, entry.progress, running=True))
        if not running:
            self._progress_timer.stop()

    @staticmethod
    def _progress_of(entry: _Account, progress: Progress, running: bool) -> SyncProgress:
        state = progress.state()
        return SyncProgress(entry.account.key, entry.account.label, state.done, state.parts, running)

    def _end_progress(self, entry: _Account) -> bool:
        """Send a first run's last count; whether the worker had cancelled it."""
        progress, entry.progress = entry.progress, None
        if progress is None:
            return False
        self.first_sync_progress.emit(self._progress_of(entry, progress, running=False))
        return progress.cancelled

    def _done(self, key: AccountKey, outcome: SyncResult | PlatformError | None, capped: bool = False) -> None:
        """The run ended: finished (a result), failed (an error), or stopped between pages (None): cancelled by
        the worker, stopped with the app, or `capped` at its pages."""
        entry = self._accounts[key]
        entry.running, entry.reading = False, None
        cancelled = self._end_progress(entry)
        now = self._clock.now()
        if capped:  # what was read is stored with its cursor; the rest follows at the next run
            self._set_status(
                key,
                state=SyncState.WAITING,
                message=QCoreApplication.translate(
                    "ReconciliationService", "Part read; the rest at the next sync"
                ),
            )
            self._schedule(key, now + self._interval)
            return
        if outcome is None and cancelled:  # by the worker: what was read stays, the rest comes at the next sync
            self._set_status(key, state=SyncState.WAITING, message=self.tr("Cancelled; goes on at the next sync"))
            self._schedule(key, now + self._interval)
            return
        if outcome is None:  # stopped between batches
            self._set_status(
                key,
                state=SyncState.WAITING,
                message=QCoreApplication.translate("ReconciliationService", "Stopped; resumes next time"),
                next_sync=None,
            )
            return
        if isinstance(outcome, PlatformError):
            if isinstance(outcome, Unreachable):
                self._connectivity.unreachable()
            else:
                self._connectivity.answered()
            retry = entry.politeness.after_error(now, outcome)
            paced = isinstance(outcome, RateLimited)  # not trouble: what was read is kept, the rest follows
            log.info(
                "%s: %s: %s; next try at %s",
                key,
                "sync paced" if paced else "sync failed",
                outcome.message,
                retry.isoformat(timespec="seconds"),
            )
            if paced:
                self._set_status(key, state=SyncState.WAITING, message=outcome.message, error_kind=outcome.kind)
            elif self._connectivity.online:
                self._set_status(key, state=SyncState.ERROR, message=outcome.message, error_kind=outcome.kind)
            else:
                self._set_status(key, state=SyncState.OFFLINE, message=_offline_message(), error_kind=outcome.kind)
            if not (self._connectivity.from_system and not self._connectivity.online):
                self._schedule(key, retry)
            return
        self._connectivity.answered()
        self._set_status(key, state=SyncState.OK, message="", error_kind="", last_sync=outcome.finished_at)
        self.synced.emit(outcome)
        entry.politeness.reset()
        self._schedule(key, now + self._interval)

    def _on_connectivity(self, online: bool) -> None:
        self.online_changed.emit(online)
        if not online or not self._running:
            return
        now = self._clock.now()
        for key, entry in self._accounts.items():
            if entry.status.state in (SyncState.OFFLINE, SyncState.ERROR) and not entry.running:
                entry.politeness.reset()
                self._schedule(key, now)

    def _set_status(self, key: AccountKey, **changes: Any) -> None:
        entry = self._accounts[key]
        entry.status = replace(entry.status, **changes)
        self.status_changed.emit(entry.status)
