"""The earnings history: totals per period, platform and status in the worker's currency, chart series, pages.

Totals are read from `ledger_day_totals` (migration 6), which triggers keep per local day, platform, status and
currency, so opening ten years of history reads a few tens of thousands of rows, never every entry. Amounts are
converted as `surveydesk.ledger.rates` explains; those with no rate for their day are left out of the sums and
reported in `Totals.missing`, never guessed.

Status groups: *pending* (in progress, submitted, awaiting review), *approved* (owed, not yet paid out),
*paid*, and *declined* (rejected, returned, screened out, a task reversed). A reversal entry (money the platform
took back, a negative amount) counts as *paid* once reported, so it lowers what was paid, as the ledger's
`LedgerEntry.earned` says. What was earned is pending + approved + paid; declined amounts are shown apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from decimal import Decimal

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.money import Money
from surveydesk.ledger.model import attempt_of
from surveydesk.ledger.rates import EURO, Converter, Missing, RateStore, rounded
from surveydesk.store.database import Database
from surveydesk.work.model import Attempt
from surveydesk.work.store import WorkLog
from surveydesk.work.wages import WageReport, hourly, period_start, report

PENDING, APPROVED, PAID, DECLINED = "pending", "approved", "paid", "declined"
GROUPS = (PENDING, APPROVED, PAID, DECLINED)
EARNED_GROUPS = (PENDING, APPROVED, PAID)
STATUS_GROUP: Mapping[str, str] = {
    "in_progress": PENDING,
    "submitted": PENDING,
    "awaiting_review": PENDING,
    "approved": APPROVED,
    "presumed_approved": APPROVED,
    "paid": PAID,
    "presumed_paid": PAID,
    "rejected": DECLINED,
    "returned": DECLINED,
    "screened_out": DECLINED,
    "reversed": DECLINED,
}
PERIODS = ("day", "week", "month", "year")
PAGE_SIZE = 200
# The table's sortable columns and the SQL that orders them; `id` breaks ties so pages never overlap.
SORT_COLUMNS: Mapping[str, str] = {
    "time": "occurred_at",
    "platform": "platform",
    "title": "title",
    "status": "status",
    "amount": "amount_minor",
}


def group_of(status: str, kind: str = "task") -> str:
    """The status group of an entry; a status this version does not know counts as pending."""
    if status == "reversed" and kind != "task":
        return PAID
    return STATUS_GROUP.get(status, PENDING)


def _group_condition(group: str) -> tuple[str, list[object]]:
    """SQL selecting the entries (or daily totals) of one status group, as `group_of` sorts them."""
    statuses: list[object] = [status for status, of in STATUS_GROUP.items() if of == group]
    condition = f"status IN ({', '.join('?' * len(statuses))})" if statuses else "0"
    if group == DECLINED:
        condition = f"({condition} AND NOT (status = 'reversed' AND kind <> 'task'))"
    elif group == PAID:
        condition = f"({condition} OR (status = 'reversed' AND kind <> 'task'))"
    return condition, statuses


def start_of(day: date, period: str) -> date:
    """The first day of the day, week (Monday), month or year holding the local date `day`."""
    if period == "day":
        return day
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "year":
        return day.replace(month=1, day=1)
    raise ValueError(f"no such period: {period!r}")


# `start_of` of the daily totals' `day` (an ISO date), in SQLite: the totals are summed per period there.
_PERIOD_START_SQL: Mapping[str, str] = {
    "day": "t.day",
    "week": "date(t.day, '-' || ((CAST(strftime('%w', t.day) AS INTEGER) + 6) % 7) || ' days')",
    "month": "substr(t.day, 1, 7) || '-01'",
    "year": "substr(t.day, 1, 4) || '-01-01'",
}
# The day of the rate of a currency in force on the daily total's day (its latest dated on or before it).
_RATE_DAY_SQL = "(SELECT max(r.day) FROM exchange_rates AS r WHERE r.currency = {} AND r.day <= t.day)"


@dataclass(frozen=True, slots=True)
class Figure:
    """A sum in the worker's currency, and how many entries made it."""

    amount: Money
    entries: int


@dataclass(frozen=True, slots=True)
class PeriodTotals:
    """One period: its sums per status group (all platforms), and what each platform earned in it."""

    start: date
    by_group: Mapping[str, Figure]
    by_platform: Mapping[str, Figure]

    def earned(self) -> Money:
        """Pending + approved + paid, rounded once from the groups' figures."""
        currency = next(iter(self.by_group.values())).amount.currency
        return Money(sum(self.by_group[group].amount.minor for group in EARNED_GROUPS), currency)


@dataclass(frozen=True, slots=True)
class Totals:
    """The history's figures in `currency`, per `period` (oldest first) and over all of it."""

    currency: str
    period: str
    periods: Sequence[PeriodTotals]
    by_group: Mapping[str, Figure]
    by_platform: Mapping[str, Figure]
    by_platform_group: Mapping[tuple[str, str], Figure] = field(default_factory=dict)
    missing: Sequence[Missing] = field(default_factory=tuple)

    @property
    def entries(self) -> int:
        """Every entry, converted or not."""
        return sum(figure.entries for figure in self.by_group.values()) + sum(m.entries for m in self.missing)

    def platforms(self) -> list[str]:
        return sorted(self.by_platform)


@dataclass(frozen=True, slots=True)
class EntryRow:
    """One ledger entry as the history's table shows it."""

    id: str
    platform: str
    account: str
    kind: str
    title: str
    requester: str
    occurred_at: datetime
    status: str
    amount: Money
    note: str


# How far apart the platform's time and the worker's timer may be before the history shows both.
DISAGREEMENT_SECONDS = 3 * 60


@dataclass(frozen=True, slots=True)
class EntryTimes:
    """How long a task took as the platform counts it and as the worker's timer did; None where unknown."""

    platform_seconds: int | None
    timer_seconds: float | None

    @property
    def disagree(self) -> bool:
        """Both are known and differ by more than a few minutes: the worker's evidence worth showing."""
        if self.platform_seconds is None or self.timer_seconds is None:
            return False
        return abs(self.platform_seconds - self.timer_seconds) > DISAGREEMENT_SECONDS


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """What the table shows: one platform, one status group, words in the title/requester/note, a time span."""

    platform: str | None = None
    group: str | None = None
    text: str = ""
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive

    def sql(self) -> tuple[str, list[object]]:
        clauses: list[str] = ["linked_to = ''"]  # an attempt linked to the platform's entry is counted there
        values: list[object] = []
        if self.platform:
            clauses.append("platform = ?")
            values.append(self.platform)
        if self.group:
            condition, statuses = _group_condition(self.group)
            clauses.append(condition)
            values.extend(statuses)
        words = self.text.strip()
        if words:
            pattern = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(title LIKE ? ESCAPE '\\' OR requester LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\')")
            values.extend([pattern] * 3)
        if self.since is not None:
            clauses.append("occurred_at >= ?")
            values.append(utc_iso(self.since))
        if self.until is not None:
            clauses.append("occurred_at < ?")
            values.append(utc_iso(self.until))
        return " WHERE " + " AND ".join(clauses), values


_ENTRY_COLUMNS = "id, platform, account, kind, title, requester, occurred_at, status, amount_minor, currency, note"


class History:
    """Read-only queries over the ledger for the history view, on the calling thread's connection."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def totals(self, period: str, currency: str, since: date | None = None, until: date | None = None) -> Totals:
        """Sums per `period` between the local days `since` and `until` (inclusive), converted to `currency`.

        SQLite sums the daily totals the triggers keep into one row per period, platform, kind, status,
        currency and the days of the two rates in force (the amount's currency's and the target's): the days of
        one row share one conversion factor, so Python converts a few thousand sums instead of every day's
        (ten years: 60,000 daily rows)."""
        if period not in PERIODS:
            raise ValueError(f"no such period: {period!r}")
        converter = Converter(RateStore(self._db).all(), currency)
        target = converter.target
        source_day = f"CASE WHEN t.currency IN (?, ?) THEN NULL ELSE {_RATE_DAY_SQL.format('t.currency')} END"
        values: list[object] = [EURO, target]
        target_day = "NULL"  # the euro's rate is always 1
        if target != EURO:
            target_day = f"CASE WHEN t.currency = ? THEN NULL ELSE {_RATE_DAY_SQL.format('?')} END"
            values += [target, target]
        sql = (  # a payout moves earned money to the worker's wallet: it is in no total
            f"SELECT {_PERIOD_START_SQL[period]} AS start, t.platform, t.kind, t.status, t.currency, "
            f"{source_day} AS source_day, {target_day} AS target_day, min(t.day), sum(t.amount_minor), "
            "sum(t.entries) FROM ledger_day_totals AS t WHERE t.entries AND t.kind <> 'payout'"
        )
        if since is not None:
            sql += " AND t.day >= ?"
            values.append(since.isoformat())
        if until is not None:
            sql += " AND t.day <= ?"
            values.append(until.isoformat())
        sql += " GROUP BY start, t.platform, t.kind, t.status, t.currency, source_day, target_day"
        rows = self._db.connection().execute(sql, values)
        return _add_up(rows, period, converter)

    def page(
        self,
        where: EntryFilter,
        sort: str = "time",
        descending: bool = True,
        offset: int = 0,
        limit: int = PAGE_SIZE,
    ) -> list[EntryRow]:
        """Up to `limit` entries from `offset` in the chosen order (the table loads them page by page)."""
        column = SORT_COLUMNS[sort]
        direction = "DESC" if descending else "ASC"
        condition, values = where.sql()
        rows = self._db.connection().execute(
            f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries{condition} "
            f"ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?",
            [*values, limit, offset],
        )
        return [_entry(row) for row in rows]

    def count(self, where: EntryFilter, zone: tzinfo = UTC) -> int:
        """How many entries `where` selects; read from the daily totals unless words are searched for."""
        if where.text.strip():
            condition, values = where.sql()
            sql = f"SELECT COUNT(*) FROM ledger_entries{condition}"
            return int(self._db.connection().execute(sql, values).fetchone()[0])
        clauses, values = ["entries"], []
        if where.platform:
            clauses.append("platform = ?")
            values.append(where.platform)
        if where.group:
            condition, statuses = _group_condition(where.group)
            clauses.append(condition)
            values.extend(statuses)
        if where.since is not None:
            clauses.append("day >= ?")
            values.append(where.since.astimezone(zone).date().isoformat())
        if where.until is not None:
            clauses.append("day < ?")
            values.append(where.until.astimezone(zone).date().isoformat())
        sql = f"SELECT COALESCE(SUM(entries), 0) FROM ledger_day_totals WHERE {' AND '.join(clauses)}"
        return int(self._db.connection().execute(sql, values).fetchone()[0])

    def entry(self, entry_id: str) -> EntryRow | None:
        row = (
            self._db.connection()
            .execute(
                f"SELECT {_ENTRY_COLUMNS} FROM ledger_entries WHERE id = ?",
                (entry_id,),
            )
            .fetchone()
        )
        return None if row is None else _entry(row)

    def times_of(self, entry_id: str) -> EntryTimes:
        """The platform's time for the entry, and the worker's timer for its attempt (the entry's own, or the one
        linked to it), closed stretches only."""
        row = (
            self._db.connection()
            .execute(
                "SELECT e.platform_seconds, (SELECT sum(s.seconds) FROM stretches AS s WHERE s.attempt_id = "
                f"{attempt_of('e')}) FROM ledger_entries AS e WHERE e.id = ?",
                (entry_id,),
            )
            .fetchone()
        )
        return EntryTimes(None, None) if row is None else EntryTimes(row[0], row[1])

    def events_of(self, entry_id: str) -> list[tuple[datetime, str, str | None, Money | None, str | None]]:
        """An entry's events in order: (at, source, status, amount, note), for its details."""
        rows = self._db.connection().execute(
            "SELECT at, source, status, amount_minor, currency, note FROM ledger_events "
            "WHERE entry_id = ? ORDER BY at, recorded_at, id",
            (entry_id,),
        )
        return [
            (parse_utc_iso(at), source, status, None if minor is None else Money(minor, currency), note)
            for at, source, status, minor, currency, note in rows
        ]


def _entry(row: tuple[object, ...]) -> EntryRow:
    entry_id, platform, account, kind, title, requester, occurred_at, status, minor, currency, note = row
    return EntryRow(
        str(entry_id),
        str(platform),
        str(account),
        str(kind),
        str(title),
        str(requester),
        parse_utc_iso(str(occurred_at)),
        str(status),
        Money(int(str(minor)), str(currency)),
        str(note),
    )


def _add_up(
    rows: Iterable[tuple[str, str, str, str, str, str | None, str | None, str, int, int]],
    period: str,
    converter: Converter,
) -> Totals:
    """Sum the totals of (period, platform, kind, status, currency, rates' days) into figures, exactly, then
    round each figure once (see rates.py)."""
    starts: dict[str, date] = {}
    group_sums: dict[tuple[date, str], list[Decimal | int]] = defaultdict(lambda: [Decimal(0), 0])
    platform_sums: dict[tuple[date, str], list[Decimal | int]] = defaultdict(lambda: [Decimal(0), 0])
    platform_group_sums: dict[tuple[str, str], list[Decimal | int]] = defaultdict(lambda: [Decimal(0), 0])
    missing_minor: dict[str, int] = defaultdict(int)
    missing_entries: dict[str, int] = defaultdict(int)
    missing_since: dict[str, str] = {}
    groups: dict[tuple[str, str], str] = {}
    for start_day, platform, kind, status, currency, _source_day, _target_day, day, minor, entries in rows:
        factor = converter.factor(currency, day)  # the first day's: every day of the row has its rates
        if factor is None:
            missing_minor[currency] += minor
            missing_entries[currency] += entries
            missing_since[currency] = min(missing_since.get(currency, day), day)
            continue
        start = starts.get(start_day)
        if start is None:
            start = starts[start_day] = date.fromisoformat(start_day)
        value = minor * factor
        group = groups.get((status, kind))
        if group is None:
            group = groups[status, kind] = group_of(status, kind)
        sums = group_sums[start, group]
        sums[0] += value
        sums[1] += entries
        sums = platform_group_sums[platform, group]
        sums[0] += value
        sums[1] += entries
        if group != DECLINED:
            sums = platform_sums[start, platform]
            sums[0] += value
            sums[1] += entries
    target = converter.target
    empty = Figure(Money.zero(target), 0)
    platforms_of: dict[date, dict[str, Figure]] = defaultdict(dict)
    all_platforms: dict[str, list[Decimal | int]] = defaultdict(lambda: [Decimal(0), 0])
    for (start, platform), sums in platform_sums.items():
        platforms_of[start][platform] = _figure(sums, target)
        all_platforms[platform][0] += sums[0]
        all_platforms[platform][1] += sums[1]
    all_groups: dict[str, list[Decimal | int]] = defaultdict(lambda: [Decimal(0), 0])
    result: list[PeriodTotals] = []
    for start in sorted({start for start, _ in group_sums}):
        by_group = {}
        for group in GROUPS:
            found = group_sums.get((start, group))
            by_group[group] = empty if found is None else _figure(found, target)
            if found is not None:
                all_groups[group][0] += found[0]
                all_groups[group][1] += found[1]
        result.append(PeriodTotals(start, by_group, dict(sorted(platforms_of[start].items()))))
    return Totals(
        currency=target,
        period=period,
        periods=result,
        by_group={group: _figure(all_groups[group], target) if group in all_groups else empty for group in GROUPS},
        by_platform={platform: _figure(sums, target) for platform, sums in sorted(all_platforms.items())},
        by_platform_group={key: _figure(sums, target) for key, sums in sorted(platform_group_sums.items())},
        missing=tuple(
            Missing(currency, missing_minor[currency], missing_entries[currency], date.fromisoformat(first))
            for currency, first in sorted(missing_since.items())
        ),
    )


def _figure(sums: list[Decimal | int], currency: str) -> Figure:
    return Figure(rounded(Decimal(sums[0]), currency), int(sums[1]))


# --- chart series -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EarningsSeries:
    """Earnings per period stacked by platform, and the share of each period's earnings not yet paid out."""

    starts: Sequence[date]
    by_platform: Mapping[str, Sequence[int]]  # minor units of the worker's currency, one per start
    unpaid_share: Sequence[float | None]  # (pending + approved) ÷ earned; None when nothing was earned


def earnings_series(totals: Totals) -> EarningsSeries:
    starts = [period.start for period in totals.periods]
    platforms = totals.platforms()
    by_platform = {
        platform: [period.by_platform[platform].amount.minor if platform in period.by_platform else 0
                   for period in totals.periods]
        for platform in platforms
    }  # fmt: skip
    shares: list[float | None] = []
    for period in totals.periods:
        earned = period.earned().minor
        unpaid = period.by_group[PENDING].amount.minor + period.by_group[APPROVED].amount.minor
        shares.append(unpaid / earned if earned > 0 else None)
    return EarningsSeries(starts, by_platform, shares)


@dataclass(frozen=True, slots=True)
class WagePoint:
    """One period's wages from the work log (surveydesk.work.wages), in the worker's currency."""

    start: date
    task_wage: Money | None
    true_wage: Money | None
    unpaid_share: float | None  # of the hours: time that paid nothing
    paid_seconds: float  # what the task wage divides by: the working time of the converted paying attempts
    shift_seconds: float  # what the true wage divides by
    unconverted: tuple[str, ...] = ()  # currencies earned in the period that had no rate


def wage_series(
    log: WorkLog, period: str, zone: tzinfo, converter: Converter, since: date, until: date
) -> list[WagePoint]:
    """Task wage, true wage and unpaid share of the hours per period, from `wages.report` of each period.

    Each period's figures per currency are those of `wages.report`; they are converted with the rates in force
    on the period's last day (or today, for the running period) and added: the true wages of a period's
    currencies share its hours, so they add up; the task wage is the converted pay over the paying time.
    """
    begin = datetime.combine(start_of(since, period), time(), tzinfo=zone)
    end = datetime.combine(until + timedelta(days=1), time(), tzinfo=zone)
    attempts: dict[date, list[Attempt]] = defaultdict(list)
    shift_seconds: dict[date, float] = defaultdict(float)
    for attempt in log.attempts_between(begin, end):
        attempts[_period_of(attempt.started_at, period, zone)].append(attempt)
    for started_at, seconds in log.shifts_between(begin, end):
        shift_seconds[_period_of(started_at, period, zone)] += seconds
    points = []
    for start in sorted(set(attempts) | set(shift_seconds)):
        wages = report(attempts[start], shift_seconds[start])
        last_day = min(until, _next_start(start, period) - timedelta(days=1))
        points.append(_converted_point(start, wages, converter, last_day))
    return points


def _period_of(moment: datetime, period: str, zone: tzinfo) -> date:
    if period == "year":
        return period_start(moment, "month", zone).replace(month=1)
    return period_start(moment, period, zone)


def _next_start(start: date, period: str) -> date:
    if period == "day":
        return start + timedelta(days=1)
    if period == "week":
        return start + timedelta(days=7)
    if period == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start.replace(year=start.year + 1)


def _converted_point(start: date, wages: WageReport, converter: Converter, day: date) -> WagePoint:
    target = converter.target
    paid = Decimal(0)
    paid_seconds = 0.0
    unconverted = []
    for currency, figures in wages.by_currency.items():
        value = converter.exact(figures.paid, day)
        if value is None:
            unconverted.append(currency)
            continue
        paid += value
        paid_seconds += figures.paid_seconds
    total = rounded(paid, target)
    return WagePoint(
        start=start,
        task_wage=hourly(total, paid_seconds),
        true_wage=hourly(total, wages.shift_seconds),
        unpaid_share=wages.unpaid_share,
        paid_seconds=paid_seconds,
        shift_seconds=wages.shift_seconds,
        unconverted=tuple(unconverted),
    )


# --- opening the history ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the history view shows when it opens: the totals, the earnings chart, and the table's first page."""

    totals: Totals
    earnings: EarningsSeries
    first_page: Sequence[EntryRow]
    entries: int  # how many the table's filter selects


def open_history(
    history: History, period: str, currency: str, where: EntryFilter | None = None, zone: tzinfo = UTC
) -> Snapshot:
    where = where or EntryFilter()
    totals = history.totals(period, currency)
    return Snapshot(totals, earnings_series(totals), history.page(where), history.count(where, zone))
