"""Polls every enabled account on its own schedule on a thread pool, and reports back only through signals.

The GUI thread only starts jobs and receives their results: fetching, parsing and merging into the store all
happen on the pool. At most one request per platform is in flight at any time, polls and earnings
reconciliation together: both go through the platform's gate (core/platform_gate.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from surveydesk.core.built_once import BuiltOnce
from surveydesk.core.clock import Clock
from surveydesk.core.connector import Connector
from surveydesk.core.errors import AuthExpired, PlatformError, RateLimited, Unavailable
from surveydesk.core.model import Account, AccountKey, MergeResult, PlatformStatus, PollState, Task
from surveydesk.core.platform_gate import PlatformGate
from surveydesk.core.politeness import DEFAULT_CADENCE, RATE_LIMIT_BUFFER, Politeness
from surveydesk.core.sanitize import TaskChecker
from surveydesk.services.background import Background
from surveydesk.store import DiskFullError, TaskStore

log = logging.getLogger(__name__)

# How far apart the first polls of the accounts start.
FIRST_POLL_STAGGER = timedelta(seconds=1)


@dataclass(slots=True)
class _Schedule:
    account: Account
    connector: BuiltOnce[Connector]  # built when first used, on the pool: its first poll's job, or a take's
    politeness: Politeness
    timer: QTimer
    status: PlatformStatus
    checker: TaskChecker = field(default_factory=TaskChecker)
    signed_out: bool = False  # told since the platform last refused the login; a good poll clears it
    last_request: datetime | None = None  # when the last poll of this account went out
    server_wait: datetime | None = None  # before this the server asked not to be asked (429, 503 Retry-After)


class Poller(QObject):
    """Keeps the task list fresh: one timer per account, jobs on `pool`, results merged into `store`."""

    snapshot_loaded = Signal(object)  # list[Task]: what the store held when polling started
    tasks_changed = Signal(object)  # MergeResult
    status_changed = Signal(object)  # PlatformStatus
    # PlatformStatus: a platform signed the worker out of an account, said once per sign-out (not at each poll
    # that fails the same way), until a poll succeeds or the account is signed in to again.
    signed_out = Signal(object)
    account_removed = Signal(object)  # AccountKey

    def __init__(
        self,
        store: TaskStore,
        clock: Clock,
        pool: QThreadPool,
        parent: QObject | None = None,
        floor_of: Callable[[str], timedelta] = lambda _platform: DEFAULT_CADENCE.floor,
        gate: PlatformGate | None = None,
    ) -> None:
        """`floor_of` gives a platform's cadence floor (from its spec): no two polls of one account go out
        closer than that, whoever asks (the timer, "Check now", a resume). `gate` is the platforms' gate shared
        with the earnings reconciliation (a gate of its own when none is given)."""
        super().__init__(parent)
        self._gate = gate if gate is not None else PlatformGate()
        self._store = store
        self._clock = clock
        self._floor_of = floor_of
        self._schedules: dict[AccountKey, _Schedule] = {}
        self._running = False
        self._paused = False
        self._background = Background(pool, self)

    def add_account(self, account: Account, connector: Connector, politeness: Politeness) -> None:
        """Poll this account from now on; an account already polled is replaced (new login, new settings)."""
        self.add_account_built_later(account, lambda: connector, politeness)
        self._schedules[account.key].connector.get()  # built already: what it learns is read from now on

    def add_account_built_later(
        self, account: Account, build: Callable[[], Connector], politeness: Politeness
    ) -> None:
        """As `add_account`, its connector built by `build` when first used, on the pool: in its first poll's
        job, or a take's of one of its stored tasks. The account is listed, waiting, at once: start-up shows
        every account in the window's first frame and builds their connectors (importing the platforms' readers
        and requests) after it, off the GUI thread. `build` must therefore make nothing that lives on the GUI
        thread (no QObject)."""
        self.remove_account(account.key)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda key=account.key: self._poll(key))
        status = PlatformStatus(account.key, account.label, PollState.WAITING)  # the panel says "waiting" in words
        self._schedules[account.key] = _Schedule(account, BuiltOnce(build), politeness, timer, status)
        self.status_changed.emit(status)
        if self._running:
            self._schedule(account.key, self._clock.now())

    def remove_account(self, key: AccountKey) -> None:
        """Stop polling an account; a request already in flight finishes and its answer is dropped."""
        schedule = self._schedules.pop(key, None)
        if schedule is not None:
            schedule.timer.stop()
            # Handed to Python, which frees it with `schedule`: a deleteLater() could outlive the poller and
            # be carried out on a timer Qt already deleted with its parent.
            schedule.timer.setParent(None)
            self.account_removed.emit(key)

    def connector_of(self, key: AccountKey) -> Connector | None:
        """The connector polling an account, built now if it was not yet (on the caller's thread: the GUI
        thread should ask `lazy_connector_of` instead)."""
        schedule = self._schedules.get(key)
        return None if schedule is None else schedule.connector.get()

    def lazy_connector_of(self, key: AccountKey) -> Callable[[], Connector] | None:
        """What gives the connector polling an account, to act on its tasks (take one) with the same login and
        session: called on the pool, it builds the connector there if no poll did yet."""
        schedule = self._schedules.get(key)
        return None if schedule is None else schedule.connector.get

    def built_connector_of(self, key: AccountKey) -> Connector | None:
        """The account's connector if it was built (by a poll or a take), never building it: what a connector
        learnt from its polls (a task's requirements) is read so on the GUI thread."""
        schedule = self._schedules.get(key)
        return None if schedule is None else schedule.connector.built

    def statuses(self) -> list[PlatformStatus]:
        return [schedule.status for schedule in self._schedules.values()]

    def cadences(self) -> list[tuple[PlatformStatus, timedelta]]:
        """Each enabled account's status and cadence (its wait after a success): whether alerts can still come."""
        return [(s.status, s.politeness.min_interval) for s in self._schedules.values() if s.account.enabled]

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        """Load what the store already holds, then start polling every account."""
        if self._running:
            return
        self._running = True
        self._background.run(self._store.current_tasks, self._on_loaded, lambda _error: self._on_loaded([]))

    def stop(self) -> None:
        """Stop scheduling; jobs in flight finish on the pool and their results are still stored."""
        self._running = False
        for schedule in self._schedules.values():
            schedule.timer.stop()

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        if not paused and self._running:
            self.poll_all_now()

    def poll_all_now(self) -> datetime | None:
        """The worker asked for a check: every account is checked as soon as its platform allows, which is now
        unless it was checked less than its floor ago or its server asked us to wait (each account's status
        then says when). An error's back-off is cut short, not forgotten: another failure waits longer still.

        Returns the latest of those later moments, None when every account is checked now."""
        now = self._clock.now()
        later: list[datetime] = []
        for key, schedule in self._schedules.items():
            allowed_from = self._allowed_from(schedule)
            if allowed_from > now and schedule.account.enabled:
                later.append(allowed_from)
            self._schedule(key, max(now, allowed_from))
        return max(later, default=None)

    def _allowed_from(self, schedule: _Schedule) -> datetime:
        """The earliest moment the account may be asked again: its platform's floor after the last request,
        the server's own wait, and its platform's rest after any request (a reconciliation's page too)."""
        platform = schedule.account.key.platform
        floor = self._floor_of(platform)
        moments = [self._gate.free_from(platform)]
        if schedule.server_wait is not None:
            moments.append(schedule.server_wait)
        if schedule.last_request is not None:
            moments.append(schedule.last_request + floor)
        return max(moments)

    def _on_loaded(self, tasks: list[Task]) -> None:
        self.snapshot_loaded.emit(tasks)
        if self._running:
            # The first polls are spread out a little: each brings every task of its platform at once, and
            # several landing together would keep the GUI thread busy long enough to feel.
            now = self._clock.now()
            for order, key in enumerate(self._schedules):
                self._schedule(key, now + FIRST_POLL_STAGGER * order)

    def _schedule(self, key: AccountKey, when: datetime) -> None:
        schedule = self._schedules[key]
        if not schedule.account.enabled or not self._running:
            return
        delay_ms = max(0, int((when - self._clock.now()).total_seconds() * 1000))
        schedule.timer.start(delay_ms)
        if schedule.status.state is not PollState.POLLING:
            self._set_status(key, next_poll=when)

    def _poll(self, key: AccountKey) -> None:
        schedule = self._schedules.get(key)
        if schedule is None or not self._running:  # removed, or stopped, after the gate was asked to wake it
            return
        if self._paused:
            self._set_status(
                key,
                state=PollState.WAITING,
                message=QCoreApplication.translate("Poller", "Paused"),
                next_poll=None,
            )
            return
        if self._gate.busy(key.platform):  # another request to the platform is in flight: after its answer
            self._gate.when_left(key.platform, self, lambda: schedule.timer.start(0))
            return
        now = self._clock.now()
        allowed_from = max(self._allowed_from(schedule), self._gate.ready_at(key.platform, self, now))
        if allowed_from > now:  # a timer set before the last request, or a clock that moved, or not its turn
            self._schedule(key, allowed_from)
            return
        self._gate.enter(key.platform, self)
        schedule.last_request = self._clock.now()
        self._set_status(
            key, state=PollState.POLLING, message=QCoreApplication.translate("Poller", "Checking for tasks…")
        )
        self._background.run(
            lambda: self._fetch_and_merge(key, schedule.connector.get, schedule.checker),
            lambda outcome: self._on_polled(key, outcome),
            lambda _bug: self._on_polled(
                key,
                PlatformError(
                    key.platform, QCoreApplication.translate("Poller", "Internal error; see the log file")
                ),
            ),
        )

    def _fetch_and_merge(
        self, key: AccountKey, connector: Callable[[], Connector], checker: TaskChecker
    ) -> tuple[MergeResult, int] | PlatformError:
        """Runs on the pool: building the connector at the first poll, network, parsing and the database write
        all happen here.

        A platform's trouble is returned, not raised: it is the environment's fault and is shown calmly. Any
        other exception is a bug of ours and reaches the background runner, which logs its traceback.
        """
        try:
            tasks = checker.check(key.platform, connector().fetch_tasks())
        except PlatformError as error:
            return error
        try:
            result = self._store.merge(key, tasks, self._clock.now())
        except DiskFullError as error:  # the environment's too, and said as such: not "an internal error"
            return PlatformError(key.platform, error.message)
        return result, len({task.external_id for task in tasks})

    def _on_polled(self, key: AccountKey, outcome: tuple[MergeResult, int] | PlatformError) -> None:
        self._gate.leave(key.platform, self._clock.now(), outcome if isinstance(outcome, PlatformError) else None)
        if key not in self._schedules:  # removed while its request was in flight
            return
        if isinstance(outcome, PlatformError):
            self._on_failed(key, outcome)
        else:
            self._on_succeeded(key, *outcome)

    def _on_succeeded(self, key: AccountKey, result: MergeResult, present: int) -> None:
        schedule = self._schedules[key]
        now = self._clock.now()
        next_poll = schedule.politeness.after_success(now)
        schedule.server_wait = None
        self._set_status(
            key,
            state=PollState.OK,
            message="",
            error_kind="",
            last_success=now,
            next_poll=next_poll,
            task_count=present,
        )
        schedule.signed_out = False
        if result.total_changes:
            self.tasks_changed.emit(result)
        self._schedule(key, next_poll)

    def _on_failed(self, key: AccountKey, error: PlatformError) -> None:
        schedule = self._schedules[key]
        next_poll = schedule.politeness.after_error(self._clock.now(), error)
        retry_at = error.retry_at if isinstance(error, (RateLimited, Unavailable)) else None
        schedule.server_wait = None if retry_at is None else retry_at + RATE_LIMIT_BUFFER
        log.info("%s: %s; next try at %s", key, error.message, next_poll.isoformat(timespec="seconds"))
        self._set_status(
            key, state=PollState.ERROR, message=error.message, error_kind=error.kind, next_poll=next_poll
        )
        if isinstance(error, AuthExpired) and not schedule.signed_out:
            schedule.signed_out = True
            self.signed_out.emit(schedule.status)
        self._schedule(key, next_poll)

    def _set_status(self, key: AccountKey, **changes: Any) -> None:
        schedule = self._schedules[key]
        schedule.status = replace(schedule.status, **changes)
        self.status_changed.emit(schedule.status)
