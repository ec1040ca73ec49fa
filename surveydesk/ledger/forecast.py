"""When pending money will arrive: the worker's own delays from submission to approval and from approval to
payment, and a forecast of what is still under review, week by week.

**Measured delays.** A delay is measured only where the ledger knows both ends. The start is when the task was
submitted (the earliest event saying *submitted* or *awaiting review*). The end is the first event saying it was
approved (or paid), dated one of two ways:

- by the platform, when the event's own time is later than the submission (BitLabs' credit time, Toloka's end of
  review, CPX's payout time), or
- by this computer, when the platform dates its verdict no later than the submission (Prolific gives only the
  completion time) but SurveyDesk had seen the entry waiting before it learnt the verdict: then the verdict came
  at the latest when it was learnt, and that time is taken (a little late by how long reconciliation was off).

An entry imported already decided with an undated verdict says nothing about delays and is left out: a year of
history read at once does not pretend its approvals all came on the day it was read.

**Statistics.** Per platform, and per requester where the requester alone has `ENOUGH` measured delays, over the
`RECENT` latest submissions (so a platform that changed its pace is followed within a few weeks): the median
and the 90th percentile. With fewer than `ENOUGH`, there is no figure and no forecast made from it.

**Forecast.** An entry under review is expected at submission + median ("about"), and nine times in ten by
submission + 90th percentile; one past its median is expected any day now (today), one past its 90th percentile
is *late*. A platform's documented deadline (`core.earnings.ReviewDeadline`: Prolific approves what is left
unreviewed after 21 days) caps both dates, and alone gives a latest date where the history is too thin.
Amounts are converted into the worker's currency with the rates of their day (`ledger.rates`); one without a
rate is left out and counted apart, never guessed.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from typing import TypeVar

from surveydesk.core.clock import parse_utc_iso
from surveydesk.core.earnings import ReviewDeadline, Status
from surveydesk.core.money import Money
from surveydesk.ledger.rates import Converter, RateStore, rounded
from surveydesk.store.database import Database

# Fewer measured delays than this make no figure: a median of three is a guess.
ENOUGH = 8
# The latest measured delays a figure is made of, so a platform that changed its pace is followed.
RECENT = 40
HIGH_PERCENTILE = 90

_WAITING = frozenset({Status.SUBMITTED.value, Status.AWAITING_REVIEW.value})
_APPROVED = frozenset({Status.APPROVED.value, Status.PAID.value})
_UNDER_REVIEW = frozenset({Status.IN_PROGRESS.value, *_WAITING})
K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class Timeline:
    """One task entry's money as the ledger dates it: submitted, approved, paid (None where unknown)."""

    entry_id: str
    platform: str
    requester: str
    status: str
    amount: Money
    occurred_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    paid_at: datetime | None


@dataclass(frozen=True, slots=True)
class Delays:
    """The measured delays of one platform or requester, over its latest submissions."""

    samples: int
    median: timedelta
    high: timedelta  # the 90th percentile: nine delays in ten were no longer


@dataclass(frozen=True, slots=True)
class DelayTable:
    """Review delays (submission → approval) and payout delays (approval → payment), per platform and per
    (platform, requester), only where there were `ENOUGH` of them."""

    review: Mapping[str, Delays]
    review_by_requester: Mapping[tuple[str, str], Delays]
    payout: Mapping[str, Delays]

    def review_of(self, platform: str, requester: str) -> tuple[Delays | None, bool]:
        """The delays that best describe a submission: its requester's, else its platform's; and whether they
        are the requester's own."""
        own = self.review_by_requester.get((platform, requester)) if requester else None
        return (own, True) if own is not None else (self.review.get(platform), False)


def timelines(database: Database) -> list[Timeline]:
    """Every task entry (attempts linked to the platform's record left out), dated from its events."""
    rows = database.connection().execute(
        "SELECT e.id, e.platform, e.requester, e.status, e.amount_minor, e.currency, e.occurred_at, "
        "v.status, v.at, v.recorded_at FROM ledger_entries e JOIN ledger_events v ON v.entry_id = e.id "
        "WHERE e.linked_to = '' AND e.kind = 'task' AND v.status IS NOT NULL ORDER BY e.id"
    )
    events: dict[str, list[tuple[str, datetime, datetime]]] = defaultdict(list)
    heads: dict[str, tuple[str, str, str, Money, datetime]] = {}
    for entry, platform, requester, status, minor, currency, occurred, said, at, learnt in rows:
        if entry not in heads:
            heads[entry] = (platform, requester, status, Money(minor, currency), parse_utc_iso(occurred))
        events[entry].append((said, parse_utc_iso(at), parse_utc_iso(learnt)))
    return [_timeline(entry, *heads[entry], events[entry]) for entry in heads]


def _timeline(
    entry: str,
    platform: str,
    requester: str,
    status: str,
    amount: Money,
    occurred: datetime,
    events: list[tuple[str, datetime, datetime]],
) -> Timeline:
    waiting = [(at, learnt) for said, at, learnt in events if said in _WAITING]
    submitted = min((at for at, _ in waiting), default=None)
    seen_waiting = min((learnt for _, learnt in waiting), default=None)
    approved = _dated_end([(at, learnt) for said, at, learnt in events if said in _APPROVED], submitted,
                          seen_waiting)  # fmt: skip
    paid_events = [(at, learnt) for said, at, learnt in events if said == Status.PAID.value]
    seen_approved = min((learnt for said, _, learnt in events if said == Status.APPROVED.value), default=None)
    paid = _dated_end(paid_events, approved, seen_approved)
    return Timeline(entry, platform, requester, status, amount, occurred, submitted, approved, paid)


def _dated_end(
    ends: Sequence[tuple[datetime, datetime]], start: datetime | None, seen_before: datetime | None
) -> datetime | None:
    """When a stage ended, as the module's docstring says: the platform's own date if later than `start`, else
    when this computer learnt it, if it had seen the stage going on (`seen_before`) earlier."""
    if start is None or not ends:
        return None
    dated = [at for at, _ in ends if at > start]
    if dated:
        return min(dated)
    learnt = min(learnt for _, learnt in ends)
    return learnt if seen_before is not None and seen_before < learnt else None


def delay_table(lines: Iterable[Timeline]) -> DelayTable:
    """The delays of the entries' latest submissions, as the module's docstring says."""
    review: dict[str, list[tuple[datetime, timedelta]]] = defaultdict(list)
    by_requester: dict[tuple[str, str], list[tuple[datetime, timedelta]]] = defaultdict(list)
    payout: dict[str, list[tuple[datetime, timedelta]]] = defaultdict(list)
    for line in lines:
        if line.submitted_at is None or line.approved_at is None:
            continue
        waited = line.approved_at - line.submitted_at
        review[line.platform].append((line.submitted_at, waited))
        if line.requester:
            by_requester[line.platform, line.requester].append((line.submitted_at, waited))
        if line.paid_at is not None:
            payout[line.platform].append((line.approved_at, line.paid_at - line.approved_at))
    return DelayTable(_figures(review), _figures(by_requester), _figures(payout))


def _figures(samples: Mapping[K, list[tuple[datetime, timedelta]]]) -> dict[K, Delays]:
    figures = {}
    for key, measured in samples.items():
        latest = [waited for _, waited in sorted(measured)[-RECENT:]]
        if len(latest) >= ENOUGH:
            figures[key] = describe(latest)
    return figures


def describe(delays: Sequence[timedelta]) -> Delays:
    """The median and the 90th percentile of some delays (at least two)."""
    seconds = [delay.total_seconds() for delay in delays]
    deciles = statistics.quantiles(seconds, n=100 // (100 - HIGH_PERCENTILE), method="inclusive")
    return Delays(len(seconds), timedelta(seconds=statistics.median(seconds)), timedelta(seconds=deciles[-1]))


# --- the forecast -----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Expected:
    """One entry under review: when it should be approved (`likely`, about; `latest`, nine times in ten, or
    the platform's deadline) in the worker's local days; `late` once past both."""

    entry_id: str
    platform: str
    amount: Money  # in the worker's currency
    likely: date | None
    latest: date | None
    by_deadline: bool  # `latest` is the platform's documented deadline, not the worker's history
    late: bool = False


@dataclass(frozen=True, slots=True)
class Forecast:
    """What is under review, in the worker's currency, and when it should be approved."""

    currency: str
    today: date
    total: Money
    expected: Sequence[Expected]
    unforeseen: Mapping[str, Money]  # per platform: too little history and no documented deadline
    unconverted: Sequence[str] = field(default_factory=tuple)  # currencies with no rate for their day

    def by_week(self) -> list[tuple[date, Money]]:
        """The money expected per week (Monday first), by its likely day, else its latest; late money counts
        in this week."""
        weeks: dict[date, int] = defaultdict(int)
        for item in self.expected:
            day = self.today if item.late else (item.likely or item.latest or self.today)
            weeks[day - timedelta(days=day.weekday())] += item.amount.minor
        return [(start, Money(minor, self.currency)) for start, minor in sorted(weeks.items())]

    @property
    def late(self) -> Money:
        return Money(sum(item.amount.minor for item in self.expected if item.late), self.currency)


def forecast(
    lines: Sequence[Timeline],
    converter: Converter,
    now: datetime,
    zone: tzinfo,
    deadlines: Mapping[str, ReviewDeadline],
) -> Forecast:
    """The forecast of the entries still under review, from the delays of all of them (see the docstring)."""
    table = delay_table(lines)
    target = converter.target
    today = now.astimezone(zone).date()
    expected: list[Expected] = []
    unforeseen: dict[str, int] = defaultdict(int)
    unconverted: set[str] = set()
    # Summed exactly and rounded once, as the History tab's totals are: its "En attente 6,34 €" stood over
    # "6,33 € en attente" here, each entry rounded before the sum.
    total = Decimal(0)
    for line in lines:
        if line.status not in _UNDER_REVIEW or line.amount.minor <= 0:
            continue
        exact = converter.exact(line.amount, line.occurred_at.astimezone(zone).date())
        if exact is None:
            unconverted.add(line.amount.currency)
            continue
        amount = rounded(exact, target)
        total += exact
        item = _expected(line, amount, table, deadlines.get(line.platform), now, zone)
        if item is None:
            unforeseen[line.platform] += amount.minor
        else:
            expected.append(item)
    expected.sort(key=lambda item: (item.likely or item.latest or today, item.entry_id))
    return Forecast(
        currency=target,
        today=today,
        total=rounded(total, target),
        expected=tuple(expected),
        unforeseen={platform: Money(minor, target) for platform, minor in sorted(unforeseen.items())},
        unconverted=tuple(sorted(unconverted)),
    )


def _expected(
    line: Timeline,
    amount: Money,
    table: DelayTable,
    deadline: ReviewDeadline | None,
    now: datetime,
    zone: tzinfo,
) -> Expected | None:
    submitted = line.submitted_at or line.occurred_at
    delays, _ = table.review_of(line.platform, line.requester)
    cap = submitted + deadline.within if deadline is not None else None
    if delays is None:
        if cap is None:
            return None
        return Expected(line.entry_id, line.platform, amount, None, _day(max(cap, now), zone), True)
    likely, latest = submitted + delays.median, submitted + delays.high
    by_deadline = cap is not None and cap <= latest
    if cap is not None:
        likely, latest = min(likely, cap), min(latest, cap)
    late = now > latest
    return Expected(
        line.entry_id, line.platform, amount, _day(max(likely, now), zone), _day(max(latest, now), zone),
        by_deadline, late,
    )  # fmt: skip


def _day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


def pending_forecast(
    database: Database,
    currency: str,
    now: datetime,
    zone: tzinfo,
    deadlines: Mapping[str, ReviewDeadline],
    lines: Sequence[Timeline] | None = None,
) -> Forecast:
    """The forecast of the ledger in `database`, read on the calling thread's connection (its `timelines`,
    unless the caller read them already)."""
    converter = Converter(RateStore(database).all(), currency)
    return forecast(timelines(database) if lines is None else lines, converter, now, zone, deadlines)
