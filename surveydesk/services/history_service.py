"""The history's work on the thread pool: opening it, pages of entries, the worker's notes and corrections, rates.

Every query and write runs on the pool through `Background` and comes back by signal, so ten years of history
never hold up the window. Opening folds requests that arrive while one runs into a single run after it, as the
wage reports do; a page is tagged with the number its requester gave, so a page of an old filter is ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import Any

import requests
from PySide6.QtCore import QObject, QThreadPool, Signal

from surveydesk.core.clock import Clock
from surveydesk.core.earnings import Status
from surveydesk.core.errors import PlatformError, RateLimited
from surveydesk.core.money import Money
from surveydesk.ledger.attempts import WorkLogAsHistorySays
from surveydesk.ledger.ecb import ECB_BASE_URL, Feed, fetch_rates
from surveydesk.ledger.history import (
    EntryFilter,
    EntryRow,
    History,
    Snapshot,
    WagePoint,
    open_history,
    wage_series,
)
from surveydesk.ledger.rate_plan import RateNeeds, UpdateRecord, due_feed, rate_needs
from surveydesk.ledger.rates import EURO, Converter, Rate, RateStore, checked_currency
from surveydesk.ledger.store import LedgerStore
from surveydesk.ledger.zone import apply_zone
from surveydesk.services.background import Background
from surveydesk.services.reconciliation import Connectivity
from surveydesk.store.database import Database
from surveydesk.store.settings import SettingsStore

log = logging.getLogger(__name__)

# The wage chart covers this much before today: its attempts are read one by one from the work log.
WAGE_CHART_SPAN = timedelta(days=366)
# The ECB publishes once a working day: asking again within minutes is pointless and impolite.
RATES_MIN_INTERVAL = timedelta(minutes=10)
# A history document is kept in memory (see KeptFeed) when it spans no more than this: some 20,000 rates.
KEPT_SPAN = timedelta(days=800)
# Every currency an ECB document gives is stored for its days from this far back on (the days today's figures
# convert on: the Wages tab, the goals, the month), so that a currency that turns up later has them at once.
# Older days store the ledger's currencies only: the ECB's thirty currencies would make every opening of the
# History read ten times the rates (about 0.2 s for a year of them; 7,800 rows took 0.18 s to list in the rates
# dialog against 0.02 s for 780, measured on a loaded machine).
EVERY_CURRENCY_SPAN = timedelta(days=92)
# After an automatic update failed (no answer, an unreadable reply), the next automatic try waits this long.
RATES_FAILED_WAIT = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class KeptFeed:
    """The last history document read this session, every currency of it from `since` on, kept in memory so a
    currency that turns up minutes later (one platform's earnings arriving after another's) needs no second
    download for its older days; only the ledger's currencies (and every currency's recent days) go into the
    database."""

    since: date
    rates: tuple[Rate, ...]


@dataclass(frozen=True, slots=True)
class HistoryData:
    """Everything the history view shows when it opens or is refreshed."""

    snapshot: Snapshot
    wages: list[WagePoint]
    period: str
    currency: str
    where: EntryFilter


class HistoryService(QObject):
    """Opens the history, loads pages, writes notes and corrections, updates rates; all off the GUI thread."""

    loaded = Signal(object)  # HistoryData
    failed = Signal(str)
    page_loaded = Signal(int, object, int)  # the requester's number, list[EntryRow], how many in all (or -1)
    entry_changed = Signal(object)  # EntryRow: the entry as it stands after a note or correction
    # An entry id, its events (at, source, status, amount, note), its EntryTimes (the platform's, the timer's).
    events_loaded = Signal(str, object, object)
    rates_started = Signal()  # a feed is being fetched from the ECB
    online_changed = Signal(bool)
    rates_updated = Signal(int)  # how many rates were new or changed
    rates_failed = Signal(str)
    rates_loaded = Signal(int, object)  # the requester's number, list[Rate]: every rate kept
    rates_edited = Signal()  # the worker kept or removed a rate

    def __init__(
        self,
        database: Database,
        pool: QThreadPool,
        clock: Clock,
        zone: tzinfo,
        session_factory: Callable[[], requests.Session] | None = None,
        rates_url: str = ECB_BASE_URL,
        connectivity: Connectivity | None = None,
        parent: QObject | None = None,
        *,
        time_text: Callable[[datetime], str],
    ) -> None:
        """`rates_url` is the folder of the ECB's feeds (the demo exchange's in the demo); rates are updated
        automatically only with a `connectivity` that says the network is there. `time_text` writes a UTC moment
        as the worker's clock and language write it (the one time formatter: 2:10 PM, 14:10)."""
        super().__init__(parent)
        self._db = database
        self._history = History(database)
        self._clock = clock
        self._zone = zone
        self._time_text = time_text
        self._session_factory = session_factory
        self._rates_url = rates_url
        self._background = Background(pool, self)
        self._running = False
        self._pending: tuple[str, str, EntryFilter] | None = None
        self._rates_not_before: datetime | None = None
        self._automatic_not_before: datetime | None = None
        self._rates_busy = False
        self._kept: KeptFeed | None = None
        self._currency: str | None = None
        self._connectivity = connectivity
        if connectivity is not None:
            connectivity.changed.connect(self._on_network_changed)

    @property
    def zone(self) -> tzinfo:
        return self._zone

    def load(self, period: str, currency: str, where: EntryFilter) -> None:
        """Open the history (totals, charts, first page); while one load runs, the latest ask follows it."""
        self._pending = (period, currency, where)
        if not self._running:
            self._start_pending()

    def _start_pending(self) -> None:
        asked, self._pending = self._pending, None
        if asked is None:
            return
        self._running = True
        period, currency, where = asked
        today = self._clock.now().astimezone(self._zone).date()

        def work() -> HistoryData:
            apply_zone(self._db, self._zone)
            snapshot = open_history(self._history, period, currency, where, self._zone)
            converter = Converter(RateStore(self._db).all(), currency)
            wages = wage_series(
                WorkLogAsHistorySays(self._db), period, self._zone, converter, today - WAGE_CHART_SPAN, today
            )
            return HistoryData(snapshot, wages, period, currency, where)

        self._background.run(work, self._on_loaded, self._on_load_failed)

    def _on_loaded(self, data: HistoryData) -> None:
        self._running = False
        self._currency = data.currency
        self.loaded.emit(data)
        self._start_pending()
        self.update_rates_if_due()

    def _on_load_failed(self, _error: Exception) -> None:
        self._running = False
        self.failed.emit(self.tr("The history could not be read from the database; see the log file."))
        self._start_pending()

    def fetch_page(self, number: int, where: EntryFilter, sort: str, descending: bool, offset: int) -> None:
        """One page from `offset`; with the first page comes how many entries the filter selects."""

        def work() -> tuple[list[Any], int]:
            total = self._history.count(where, self._zone) if offset == 0 else -1
            return self._history.page(where, sort, descending, offset), total

        def done(outcome: tuple[list[Any], int]) -> None:
            self.page_loaded.emit(number, *outcome)

        self._background.run(work, done, self._on_page_failed)

    def _on_page_failed(self, _error: Exception) -> None:
        self.failed.emit(self.tr("More entries could not be read from the database; see the log file."))

    def load_events(self, entry: str) -> None:
        self._background.run(
            lambda: (self._history.events_of(entry), self._history.times_of(entry)),
            lambda found: self.events_loaded.emit(entry, *found),
            self._on_page_failed,
        )

    def add_note(self, entry: str, note: str) -> None:
        """Keep the worker's note as a new event of the entry (the platform's record stays as it was)."""
        at = self._clock.now()
        self._write(entry, lambda: LedgerStore(self._db).add_note(entry, note, at))

    def correct(self, entry: str, status: Status | None, amount: Money | None) -> None:
        """Keep the worker's correction as a new event, believed over the platform's (see ledger.model)."""
        at = self._clock.now()
        self._write(entry, lambda: LedgerStore(self._db).correct(entry, at, status=status, amount=amount))

    def _write(self, entry: str, write: Callable[[], None]) -> None:
        def work() -> EntryRow | None:
            write()
            return self._history.entry(entry)

        def done(row: EntryRow | None) -> None:
            if row is not None:
                self.entry_changed.emit(row)

        def failed(_error: Exception) -> None:
            self.failed.emit(self.tr("Your change could not be stored; see the log file. Nothing was changed."))

        self._background.run(work, done, failed)

    # --- exchange rates -------------------------------------------------------------------------------------

    def load_rates(self, number: int) -> None:
        """Every rate kept, sent with `number` so a requester can tell an old list from the latest."""
        self._background.run(
            lambda: RateStore(self._db).all(),
            lambda rates: self.rates_loaded.emit(number, rates),
            lambda _error: self.failed.emit(
                self.tr("The history could not be read from the database; see the log file.")
            ),
        )

    def keep_rate(self, currency: str, day: date, per_euro: Decimal) -> None:
        """Keep the worker's rate for `day`, over the ECB's; a currency no rate can be kept for raises
        `RateError` or `MoneyError` here, before anything is written."""
        code = checked_currency(currency)
        self._edit_rates(lambda: RateStore(self._db).set_by_worker(code, day, per_euro))

    def remove_rates(self, rates: Sequence[tuple[str, date]]) -> None:
        """Forget these (currency, day) rates."""

        def remove() -> None:
            store = RateStore(self._db)
            for currency, day in rates:
                store.remove(currency, day)

        self._edit_rates(remove)

    def _edit_rates(self, edit: Callable[[], None]) -> None:
        def failed(_error: Exception) -> None:
            self.failed.emit(self.tr("Your change could not be stored; see the log file. Nothing was changed."))

        self._background.run(edit, lambda _none: self.rates_edited.emit(), failed)

    @property
    def online(self) -> bool:
        """Whether rates can be fetched now (offline, automatic updates wait and the history says so)."""
        return self._connectivity is not None and self._connectivity.online and self._session_factory is not None

    @property
    def rates_busy(self) -> bool:
        return self._rates_busy

    def rates_last_updated(self) -> datetime | None:
        """When rates last came from the ECB (read on the calling thread: one row)."""
        return UpdateRecord.load(SettingsStore(self._db)).at

    def _on_network_changed(self, online: bool) -> None:
        self.online_changed.emit(online)
        if online:
            self.update_rates_if_due()

    def update_rates_if_due(self) -> None:
        """The automatic update, after each opening of the history and when the network comes back: fetches
        what `rate_plan.due_feed` says is due, unless offline, busy, or within the ECB's or our own wait."""
        now = self._clock.now()
        if self._currency is None or not self.online or self._rates_busy:
            return
        if self._automatic_not_before is not None and now < self._automatic_not_before:
            return
        self._plan_update(self._currency, asked=False)

    def update_rates(self) -> None:
        """Fetch rates on the worker's request (the history feed while days lack rates, else the daily one),
        unless the last try was under 10 minutes ago or the ECB asked us to wait; `rates_failed` says why not."""
        now = self._clock.now()
        if self._session_factory is None:
            self.rates_failed.emit(self.tr("Updating rates is not available here."))
            return
        if self._rates_busy:
            self.rates_failed.emit(self.tr("The rates are being updated; this takes a moment."))
            return
        if self._rates_not_before is not None and now < self._rates_not_before:
            when = self._time_text(self._rates_not_before)
            self.rates_failed.emit(self.tr("Rates were asked for a moment ago; try again after {0}.").format(when))
            return
        self._plan_update(self._currency or EURO, asked=True)

    def _plan_update(self, currency: str, asked: bool) -> None:
        """Read what the ledger needs on the pool, then decide here whether to fetch (and mark the wait)."""
        self._rates_busy = True

        def work() -> tuple[RateNeeds, UpdateRecord]:
            return rate_needs(self._db, currency), UpdateRecord.load(SettingsStore(self._db))

        def planned(outcome: tuple[RateNeeds, UpdateRecord]) -> None:
            needs, record = outcome
            now = self._clock.now()
            feed = due_feed(needs, record, now, asked)
            kept, since = self._kept, needs.since()
            if feed not in (None, Feed.DAILY) and kept is not None and since is not None and kept.since <= since:
                self._store_kept(kept, needs, record)
            elif feed is None or (self._rates_not_before is not None and now < self._rates_not_before):
                self._rates_busy = False
            else:
                self._rates_not_before = now + RATES_MIN_INTERVAL
                self._fetch(feed, needs, record, now, asked)

        self._background.run(work, planned, self._on_rates_crashed)

    def _fetch(self, feed: Feed, needs: RateNeeds, record: UpdateRecord, now: datetime, asked: bool) -> None:
        factory = self._session_factory
        assert factory is not None  # checked before planning
        self.rates_started.emit()
        log.info("fetching %s for %s", feed.value, ", ".join(sorted(needs.currencies)) or "no currency")

        since = needs.since()
        keep = since is not None and now.date() - since <= KEPT_SPAN
        recent = now.date() - EVERY_CURRENCY_SPAN

        def work() -> tuple[int, KeptFeed | None] | PlatformError:
            """Every currency the document gives is stored for its recent days, not only the ledger's: a currency
            that turns up later (the Wages tab's first wage in pounds) has today's rate at once, where it waited
            for the next fetch (the French Wages tab said it had no rate to GBP). The daily document is read
            whole: its one day is recent."""
            try:
                with factory() as session:
                    url = self._rates_url + feed.value
                    rates = fetch_rates(
                        session, now, url, None if keep or since is None else needs.currencies, since
                    )
            except PlatformError as error:
                return error
            stored = (rate for rate in rates if rate.day >= recent or rate.currency in needs.currencies)
            count = RateStore(self._db).add_published(stored)
            record.after(feed, needs, now).save(SettingsStore(self._db))
            return count, KeptFeed(since, tuple(rates)) if keep and since is not None else None

        def done(outcome: tuple[int, KeptFeed | None] | PlatformError) -> None:
            self._rates_busy = False
            if isinstance(outcome, tuple):
                count, kept = outcome
                self._kept = kept or self._kept
                self._automatic_not_before = None
                self.rates_updated.emit(count)
                return
            if isinstance(outcome, RateLimited):
                self._rates_not_before = max(outcome.retry_at, now + RATES_MIN_INTERVAL)
            if not asked:
                self._automatic_not_before = max(self._rates_not_before or now, now + RATES_FAILED_WAIT)
            self.rates_failed.emit(str(outcome))

        self._background.run(work, done, self._on_rates_crashed)

    def _store_kept(self, kept: KeptFeed, needs: RateNeeds, record: UpdateRecord) -> None:
        """Store what the ledger now needs from the history read earlier this session: no request at all."""
        log.info("rates for %s taken from the history read earlier", ", ".join(sorted(needs.currencies)))

        def work() -> int:
            count = RateStore(self._db).add_published(r for r in kept.rates if r.currency in needs.currencies)
            UpdateRecord(record.at, needs.oldest_uncovered, needs.currencies).save(SettingsStore(self._db))
            return count

        def done(count: int) -> None:
            self._rates_busy = False
            self.rates_updated.emit(count)

        self._background.run(work, done, self._on_rates_crashed)

    def _on_rates_crashed(self, _error: Exception) -> None:
        self._rates_busy = False
        self._automatic_not_before = self._clock.now() + RATES_FAILED_WAIT
        self.rates_failed.emit(self.tr("The rates could not be updated; see the log file."))


def years_of(snapshot: Snapshot) -> list[int]:
    """The years the history holds, newest first (for the table's year filter)."""
    starts: set[date] = {period.start for period in snapshot.totals.periods}
    return sorted({start.year for start in starts}, reverse=True)
