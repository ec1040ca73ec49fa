"""Replication in the background: after local changes (debounced), every few minutes, and on the worker's ask.

Every exchange runs on the thread pool; the GUI thread only starts one and hears how it went, by signal, as a
state in words. While the server cannot be reached (offline, down) changes wait in the database and the
exchange is tried again later, further apart each time; a busy server is asked again when it says. A full disk
is the same kind of wait: nothing received could be saved, nothing stored is lost, and the exchange is tried again
(further apart each time) until the worker frees some space. A wrong password or a missing database stops the
automatic attempts until the worker changes the settings or asks.

Times in its words ("Synced at 2:02 PM") are written by the clock-time writer it is given (the UI's one date and
time formatter, passed in by the composition root): this layer may not reach into the UI, nor write times its own
way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from surveydesk.core.clock import Clock
from surveydesk.core.translatable import Sentence
from surveydesk.secrets import SecretStore, SecretsUnavailable
from surveydesk.services.background import Background
from surveydesk.store.database import Database, DiskFullError
from surveydesk.sync.couch import MissingDatabase, ServerBusy, ServerGone, SyncError, WrongLogin
from surveydesk.sync.local import LocalReplica
from surveydesk.sync.replicator import SyncReport
from surveydesk.sync.target import SyncSettings, SyncTarget, open_replicator

log = logging.getLogger(__name__)

WATCH_MS: Final = 5_000  # how often the queue of local changes is looked at (one indexed query)
DEBOUNCE_MS: Final = 10_000  # quiet time after a local change before it is sent: a burst of changes goes as one
PERIOD_MS: Final = 10 * 60_000  # an exchange at least this often, for what the other computers changed
FIRST_RETRY: Final = timedelta(seconds=30)
LONGEST_RETRY: Final = timedelta(minutes=15)
_MISSING_LOGIN: Final = "missing login"  # the keyring has none for the target: the worker must enter it


@dataclass(frozen=True, slots=True)
class _Outcome:
    report: SyncReport | None
    error: SyncError | None
    problem: str | None  # a local problem (no keyring, no password) in words
    waiting: int
    disk_full: bool = False  # the disk had no room for what the exchange had to write; it was rolled back


class SyncService(QObject):
    """Runs exchanges with the configured server, one at a time, and says how they went."""

    state_changed = Signal(str)  # the sync state in the worker's words
    synced = Signal(object)  # SyncReport, after an exchange that finished

    def __init__(
        self,
        db: Database,
        settings: SyncSettings,
        secrets: SecretStore,
        clock: Clock,
        background: Background,
        parent: QObject | None = None,
        *,
        time_text: Callable[[datetime], str],
        watch_ms: int = WATCH_MS,
        debounce_ms: int = DEBOUNCE_MS,
        period_ms: int = PERIOD_MS,
        first_retry: timedelta = FIRST_RETRY,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._settings = settings
        self._secrets = secrets
        self._clock = clock
        self._background = background
        self._time_text = time_text  # a UTC moment as the worker's clock and language write it
        self._stopping = threading.Event()
        self._running = False
        self._again = False  # asked for while an exchange was running
        self._halted = False  # stopped by an error only the worker can fix
        self._failures = 0
        self._first_retry = first_retry
        self._last_seen = 0  # the newest change seen waiting
        self._state = ""
        self._watch = QTimer(self)
        self._watch.setInterval(watch_ms)
        self._watch.timeout.connect(self._look_for_changes)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._automatic)
        self._next_try = QTimer(self)
        self._next_try.setSingleShot(True)
        self._next_try.timeout.connect(self._automatic)
        self._period = QTimer(self)
        self._period.setInterval(period_ms)
        self._period.timeout.connect(self._automatic)

    @property
    def state(self) -> str:
        return self._state

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Begin watching for changes and exchanging on schedule; the first exchange starts at once."""
        self._stopping.clear()
        self._watch.start()
        self._period.start()
        self._say_idle()
        self._automatic()

    def stop(self) -> None:
        """No new exchanges; one running ends after its current batch (the next one resumes from there)."""
        self._stopping.set()
        for timer in (self._watch, self._debounce, self._next_try, self._period):
            timer.stop()

    def sync_now(self) -> None:
        """The worker's ask: an exchange now (or right after the running one), whatever stopped them before."""
        self._halted = False
        self._failures = 0
        self._next_try.stop()
        self._begin()

    def network_changed(self, online: bool) -> None:
        """The system says the network is back: what waits for a retry goes now rather than at its time."""
        if online and self._next_try.isActive() and not self._halted:
            self._next_try.stop()
            self._automatic()

    def settings_changed(self) -> None:
        """The target, password or choices changed: exchange with the new ones."""
        self._last_seen = 0
        self.sync_now()

    # --- scheduling ----------------------------------------------------------------------------------------

    def _look_for_changes(self) -> None:
        """On the GUI thread, so one look at the end of an index; the count only when something changed."""
        replica = LocalReplica(self._db)
        last = replica.last_pending_seq()
        if last == self._last_seen or self._running:
            return
        self._last_seen = last
        if self._halted:
            return  # why sync stopped stays said (and what to do) until the worker acts on it
        waiting = replica.pending_count()
        if waiting:
            self._say_idle(waiting)
            if not self._next_try.isActive():  # offline: the retry comes first
                self._debounce.start()

    def _automatic(self) -> None:
        if not self._halted and not self._stopping.is_set():
            self._begin()

    def _begin(self) -> None:
        if self._stopping.is_set():
            return
        target = self._settings.target()
        if target is None:
            self._say_idle()
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        self._debounce.stop()
        self._set_state(self.tr("Syncing with {0}…").format(target.key))
        include_profile = self._settings.include_profile()
        self._background.run(lambda: self._exchange(target, include_profile), self._finished, self._crashed)

    def _exchange(self, target: SyncTarget, include_profile: bool) -> _Outcome:
        """On the pool: one whole exchange; environment trouble, a full disk included, comes back as data, not
        raised (a full disk is no bug of ours, and the log that would hold a bug's traceback is on it too)."""
        replica = LocalReplica(self._db, include_profile)
        try:
            return self._exchange_with(replica, target, include_profile)
        except DiskFullError:
            return _Outcome(None, None, None, replica.pending_count(), disk_full=True)

    def _exchange_with(self, replica: LocalReplica, target: SyncTarget, include_profile: bool) -> _Outcome:
        try:
            password = self._secrets.get(target.secret_key)
        except SecretsUnavailable as error:
            return _Outcome(None, None, error.message, replica.pending_count())
        if password is None:
            return _Outcome(None, None, _MISSING_LOGIN, replica.pending_count())
        try:
            with open_replicator(
                self._db,
                target,
                password,
                self._clock,
                include_profile=include_profile,
                should_stop=self._stopping.is_set,
            ) as replicator:
                report = replicator.run()
        except SyncError as error:
            return _Outcome(None, error, None, replica.pending_count())
        return _Outcome(report, None, None, replica.pending_count())

    def _finished(self, outcome: _Outcome) -> None:
        self._running = False
        if outcome.report is not None:
            self._failures = 0
            if outcome.report.complete and not self._note_success(outcome.report.finished_at):
                self._set_state(
                    self.tr(
                        "Synced at {0}, but the disk is full, so SurveyDesk cannot save anything. Free some space."
                    ).format(self._time_text(outcome.report.finished_at))
                )
            else:
                self._say_idle(outcome.waiting, outcome.report.skipped, outcome.report.newer)
            self.synced.emit(outcome.report)
        elif outcome.disk_full:
            self._failures += 1
            retry = self._schedule_retry(None)
            self._set_state(self._disk_full_words(outcome.waiting, retry))
        elif outcome.problem is not None:
            self._halted = True
            self._set_state(self._problem_words(outcome.problem))
        elif isinstance(outcome.error, WrongLogin | MissingDatabase):
            self._halted = True
            self._set_state(
                self.tr("Sync stopped: {0}. Check the settings in File ▸ Sync between computers…").format(
                    _worker_words(outcome.error.message)
                )
            )
        elif outcome.error is not None:
            self._failures += 1
            self._set_state(self._retry_words(outcome.error, outcome.waiting))
        if self._again and not self._halted:
            self._begin()

    def _note_success(self, finished_at: datetime) -> bool:
        """Records when the last whole exchange ended; False when the disk has no room for it (the next
        exchange that ends with room records its own)."""
        try:
            self._settings.set_last_success(finished_at)
        except DiskFullError:
            log.warning("the disk is full: the time of the last sync could not be saved")
            return False
        return True

    def _crashed(self, error: Exception) -> None:
        """A bug of ours (logged with its traceback by Background): said plainly, tried again later."""
        self._running = False
        self._failures += 1
        retry = self._schedule_retry(None)
        self._set_state(self.tr("Sync failed (internal error; see the log file); next try at {0}").format(retry))

    # --- words ---------------------------------------------------------------------------------------------

    def _disk_full_words(self, waiting: int, retry: str) -> str:
        if waiting:
            return self.tr(
                "Sync paused: the disk is full, so nothing could be saved. Free some space: your {0} changes wait "
                "and nothing is lost; trying again at {1}"
            ).format(waiting, retry)
        return self.tr(
            "Sync paused: the disk is full, so nothing could be saved. Free some space; trying again at {0}"
        ).format(retry)

    def _problem_words(self, problem: str) -> str:
        if problem == _MISSING_LOGIN:
            return self.tr("Sync is waiting for its password: enter it in File ▸ Sync between computers…")
        return self.tr("Sync cannot read its password: {0}").format(_worker_words(problem))

    def _retry_words(self, error: SyncError, waiting: int) -> str:
        """Schedules the next try and says when it will be."""
        retry = self._schedule_retry(error.retry_at if isinstance(error, ServerBusy) else None)
        if isinstance(error, ServerGone):
            return self.tr("Offline ({0}): {1} changes wait; trying again at {2}").format(
                _worker_words(error.message), waiting, retry
            )
        if isinstance(error, ServerBusy):
            return self.tr("The sync server is busy: {0} changes wait; trying again at {1}").format(waiting, retry)
        return self.tr("Sync failed: {0}; trying again at {1}").format(_worker_words(error.message), retry)

    def _schedule_retry(self, at: datetime | None) -> str:
        now = self._clock.now()
        if at is None:
            delay = min(self._first_retry * 2 ** max(self._failures - 1, 0), LONGEST_RETRY)
            at = now + delay
        self._next_try.start(max(0, int((at - now).total_seconds() * 1000)))
        return self._time_text(at)

    def _say_idle(self, waiting: int | None = None, unreadable: int = 0, newer: int = 0) -> None:
        """The state between exchanges; records a newer SurveyDesk wrote are said once, by the exchange that
        first kept them (sync/local.py), not again at each exchange after it."""
        if self._settings.target() is None:
            self._set_state(self.tr("Sync is off (File ▸ Sync between computers…)"))
            return
        if waiting is None:
            waiting = LocalReplica(self._db).pending_count()
        last = self._settings.last_success()
        if last is None:
            text = self.tr("Not synced yet")
        else:
            text = self.tr("Synced at {0}").format(self._time_text(last))
        if waiting:
            text += self.tr(" · {0} changes wait").format(waiting)
        if unreadable:
            text += self.tr(" · {0} records on the server could not be read (see the log file)").format(unreadable)
        if newer:
            text += self.tr(
                " · {0} records come from a newer SurveyDesk on another computer: this one keeps them and shows "
                "them once it is updated"
            ).format(newer)
        self._set_state(text)

    def _set_state(self, text: str) -> None:
        if text != self._state:
            self._state = text
            self.state_changed.emit(text)


def _worker_words(message: str) -> str:
    """A sync error's Sentence (sync/couch.py) in the worker's language, as ui/text.py `translated` writes one:
    this service words its state itself and may not reach into the UI. Its values are server names, HTTP
    statuses and counts, written as they are."""
    if not isinstance(message, Sentence):
        return message
    template = QCoreApplication.translate(message.context, message.template)
    return template.format(*message.values) if message.values else template
