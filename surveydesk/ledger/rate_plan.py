"""Which exchange rates the ledger needs, and which ECB document (if any) is due: the rules of automatic updates.

A day with entries in a currency other than the worker's is *covered* when both currencies (the euro needs none)
have a rate dated on that day or up to `COVERED_SPAN` before it: the ECB publishes every working day, so an
older rate means days were never fetched (the app was closed for weeks, or never asked). Conversion itself
still uses any rate dated on or before the day (see `surveydesk.ledger.rates`); coverage only decides what to
fetch.

Politeness: a history document is fetched automatically once for a given oldest uncovered day and set of
currencies (if it did not cover them, fetching it again would not either); the daily one at most once per ECB
publication, which comes on working days at about 16:00 Central European Time; nothing is fetched when no
currency needs a rate.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.money import normalise_currency
from surveydesk.ledger.ecb import Feed, feed_for
from surveydesk.ledger.rates import EURO, RateStore
from surveydesk.store.database import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.work.wage_settings import WageSettings

COVERED_SPAN = timedelta(days=7)
RECORD_SETTING = "exchange_rates_updated"
# The ECB publishes at about 16:00 CET; half an hour later its new rates are surely out.
PUBLISHED_AT = time(16, 30)


def _frankfurt() -> ZoneInfo | None:
    try:
        return ZoneInfo("Europe/Berlin")
    except ZoneInfoNotFoundError:  # no time zone database: Central European winter time is close enough
        return None


@dataclass(frozen=True, slots=True)
class RateNeeds:
    """The currencies that need rates (the ledger's and the worker's, never the euro) and the oldest day with
    entries that no rate covers (None when every day is covered)."""

    currencies: frozenset[str]
    oldest_uncovered: date | None

    def since(self) -> date | None:
        """The first day worth keeping from a history document: a rate this old still covers the oldest day."""
        return None if self.oldest_uncovered is None else self.oldest_uncovered - COVERED_SPAN


def rate_needs(database: Database, worker_currency: str) -> RateNeeds:
    """What the ledger's days with entries need, read from the daily totals and the stored rates.

    An amount needs the rates of its currency, of the worker's (the History's totals) and of her minimum wage's
    (the Wages tab holds each wage against it); none while they are all one currency. So her own currency is
    not fetched alone, before the first foreign amount arrives: that fetch would start the wait between fetches
    and leave the amount unconverted for its length (the English demo's first dollars stayed "no exchange rate
    to USD" beside a minimum wage in pounds)."""
    targets = {normalise_currency(worker_currency)}
    minimum = WageSettings(SettingsStore(database)).minimum_wage()
    if minimum is not None:
        targets.add(minimum.currency)
    rows = database.connection().execute("SELECT DISTINCT currency, day FROM ledger_day_totals WHERE entries")
    days_of: dict[str, list[date]] = defaultdict(list)
    for rate in RateStore(database).all():  # sorted by currency and day
        days_of[rate.currency].append(rate.day)
    currencies: set[str] = set()
    oldest: date | None = None
    for currency, day_text in rows:
        codes = targets | {currency}
        if len(codes) < 2:
            continue
        currencies |= codes
        day = date.fromisoformat(day_text)
        if oldest is not None and day >= oldest:
            continue
        if not all(_covered(days_of[code], day) for code in codes if code != EURO):
            oldest = day
    return RateNeeds(frozenset(currencies - {EURO}), oldest)


def _covered(days: list[date], day: date) -> bool:
    index = bisect.bisect_right(days, day) - 1
    return index >= 0 and day - days[index] <= COVERED_SPAN


@dataclass(frozen=True, slots=True)
class UpdateRecord:
    """What was last fetched from the ECB, kept in the settings: when, and for which oldest uncovered day and
    currencies a history document was last fetched."""

    at: datetime | None = None
    history_for: date | None = None
    currencies: frozenset[str] = frozenset()

    @classmethod
    def load(cls, settings: SettingsStore) -> UpdateRecord:
        stored: object = settings.get(RECORD_SETTING, None)
        if not isinstance(stored, dict):
            return cls()
        try:
            at = parse_utc_iso(stored["at"]) if stored.get("at") else None
            day = stored.get("history_for")
            codes = stored.get("currencies", [])
            return cls(
                at,
                date.fromisoformat(day) if isinstance(day, str) else None,
                frozenset(code for code in codes if isinstance(code, str))
                if isinstance(codes, list)
                else frozenset(),
            )
        except (TypeError, ValueError):
            return cls()

    def after(self, feed: Feed, needs: RateNeeds, at: datetime) -> UpdateRecord:
        """The record once `feed` was fetched for `needs` at `at`."""
        if feed is Feed.DAILY:
            return UpdateRecord(at, self.history_for, self.currencies)
        return UpdateRecord(at, needs.oldest_uncovered, needs.currencies)

    def save(self, settings: SettingsStore) -> None:
        settings.set(
            RECORD_SETTING,
            {
                "at": None if self.at is None else utc_iso(self.at),
                "history_for": None if self.history_for is None else self.history_for.isoformat(),
                "currencies": [code for code in sorted(self.currencies)],
            },
        )


def last_publication(now: datetime) -> datetime:
    """When the ECB's latest daily rates came out, as of `now`: the last working day's 16:30 in Frankfurt."""
    zone = _frankfurt()
    local = now.astimezone(zone) if zone is not None else now.astimezone(UTC) + timedelta(hours=1)
    day = local.date() if local.time() >= PUBLISHED_AT else local.date() - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    moment = datetime.combine(day, PUBLISHED_AT)
    if zone is None:
        return (moment - timedelta(hours=1)).replace(tzinfo=UTC)
    return moment.replace(tzinfo=zone).astimezone(UTC)


def due_feed(needs: RateNeeds, record: UpdateRecord, now: datetime, asked: bool = False) -> Feed | None:
    """The document to fetch now, or None. `asked` is the worker's click: then a document is always fetched
    (the history one while days are uncovered), whatever was fetched before."""
    today = now.astimezone(UTC).date()
    tried = needs.oldest_uncovered == record.history_for and needs.currencies <= record.currencies
    if needs.oldest_uncovered is not None and (asked or not tried):
        return feed_for(needs.oldest_uncovered, today)
    if asked:
        return Feed.DAILY
    if not needs.currencies:
        return None
    if record.at is None or record.at < last_publication(now):
        return Feed.DAILY
    return None
