"""The earnings ledger's vocabulary: entries, their append-only events, and the current state derived from them.

Every piece of money a platform reports (a task's reward, a bonus, an adjustment, a reversal) is one entry; what
is known about it arrives as events, from the platform, from the worker's own attempt (local) or from the worker
by hand. Events are never changed or deleted: the entry's current state is worked out from all of them by
`current_state`, which depends only on the set of events, so two computers holding the same events agree, in
whatever order they received them.

An entry's description (title, requester, when, the platform's record id) converges the same way: each field
keeps the value of the most believed source that gave one (`merge_description`), whatever order computers saw
the reports in.

A platform's record is always its own entry, named by the platform's ids alone, so two computers that read it
make the same entry whatever attempts each holds. Where the worker's attempt cannot know those ids (an MTurk
attempt knows the HIT group, not the HIT), the attempt is an entry of its own; once a platform's record of the
same title and amount is found near it, the attempt's entry gets a *link* event naming the platform's entry. A
linked entry counts no money and is not listed (the platform's entry counts it), and links travel like any
event, so every computer ends with one entry for one piece of money, whichever computer made the link.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from surveydesk.core.clock import utc_iso
from surveydesk.core.earnings import Kind, Status
from surveydesk.core.money import Money

# Money the worker has (approved or paid out) and money still under review.
EARNED = frozenset({Status.APPROVED, Status.PAID, Status.PRESUMED_APPROVED, Status.PRESUMED_PAID})
# What a status still under way is presumed to have become once its platform no longer reports it.
PRESUMPTIONS = {Status.AWAITING_REVIEW: Status.PRESUMED_APPROVED, Status.APPROVED: Status.PRESUMED_PAID}
PENDING = frozenset({Status.IN_PROGRESS, Status.SUBMITTED, Status.AWAITING_REVIEW})


class Source(StrEnum):
    """Who said it: the platform's own report, the worker's attempt timed here, or the worker by hand."""

    PLATFORM = "platform"
    LOCAL = "local"
    WORKER = "worker"


# When two sources speak of an entry's status, the higher one is believed.
_SOURCE_WEIGHT = {Source.LOCAL: 0, Source.PLATFORM: 1, Source.WORKER: 2}

# The task id of an attempt's own entry starts so (see surveydesk.ledger.attempts.attempt_header).
ATTEMPT_TASK_PREFIX = "attempt-"
# The fields of an entry's description that converge between computers, and who gave each value, one digit a
# field in this order: 0 unknown (stored before this was kept), 1 the worker's attempt, 2 the platform.
DESCRIBED_FIELDS = ("title", "requester", "occurred_at", "record_id")
UNKNOWN_ORIGIN = "0" * len(DESCRIBED_FIELDS)
_ORIGIN_OF_SOURCE = {Source.LOCAL: "1", Source.PLATFORM: "2", Source.WORKER: "1"}


def origins_of(values: tuple[str, ...], source: Source) -> str:
    """Who gave each field of a description `source` gave: that source, for the fields it filled in."""
    return "".join(_ORIGIN_OF_SOURCE[source] if value else "0" for value in values)


def merge_description(
    current: tuple[tuple[str, ...], str], incoming: tuple[tuple[str, ...], str]
) -> tuple[tuple[str, ...], str]:
    """Two descriptions of one entry (the values of `DESCRIBED_FIELDS` and who gave each) as one, field by field.

    A value beats an empty one; then the platform's beats the worker's attempt's (its title and time are the
    record's); between values of the same origin the smaller text wins, a rule with no meaning but a fixed one
    (times are ISO text in UTC, so the earlier time). The result depends only on the set of descriptions merged,
    never on their order, so every computer that saw the same ones describes the entry alike.
    """
    values: list[str] = []
    origins: list[str] = []
    for index, (mine, theirs) in enumerate(zip(current[0], incoming[0], strict=True)):
        mine_origin, their_origin = current[1][index], incoming[1][index]
        mine_rank, their_rank = (bool(mine), mine_origin), (bool(theirs), their_origin)
        if their_rank > mine_rank or (their_rank == mine_rank and theirs < mine):
            values.append(theirs)
            origins.append(their_origin)
        else:
            values.append(mine)
            origins.append(mine_origin)
    return tuple(values), "".join(origins)


@dataclass(frozen=True, slots=True)
class LedgerEvent:
    """One thing said about an entry, at `at` (when it happened, as the source tells it); `recorded_at` is when
    this computer learnt it. `status`, `amount` and `note` are None when the event does not speak of them;
    `link`, when set, names the entry that counts this one's money (an attempt's entry, linked to the platform's
    record of it)."""

    id: str
    entry_id: str
    at: datetime
    recorded_at: datetime
    source: Source
    status: Status | None = None
    amount: Money | None = None
    note: str | None = None
    link: str | None = None


def event_id(
    entry: str,
    source: Source,
    at: datetime,
    status: Status | None,
    amount: Money | None,
    note: str | None,
    link: str | None = None,
) -> str:
    """A stable id made of what the event says, so the same report seen twice, on any computer, is one event.

    `recorded_at` is left out on purpose: it differs between computers that saw the same report. A link is
    named only when there is one, so the ids of events made before links existed stay as they were.
    """
    money = "" if amount is None else f"{amount.minor} {amount.currency}"
    parts = (
        entry,
        source.value,
        utc_iso(at),
        status.value if status else "",
        money,
        note if note is not None else "",
        *(() if link is None else (link,)),
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:32]


def make_event(
    entry: str,
    source: Source,
    at: datetime,
    recorded_at: datetime,
    status: Status | None = None,
    amount: Money | None = None,
    note: str | None = None,
    link: str | None = None,
) -> LedgerEvent:
    identity = event_id(entry, source, at, status, amount, note, link)
    return LedgerEvent(identity, entry, at, recorded_at, source, status, amount, note, link)


@dataclass(frozen=True, slots=True)
class CurrentState:
    """An entry as its events say it stands now."""

    status: Status
    status_at: datetime
    amount: Money | None
    note: str


def current_state(events: Iterable[LedgerEvent]) -> CurrentState:
    """What the events say, the same for any order of the same events.

    Status: the worker's own correction beats the platform, and the platform beats the local attempt; within
    one source the highest review rank wins, then the latest `at`, then the id (so a rejection later overturned
    reads approved). Amount: the latest worker correction, else the latest platform amount, else the latest
    local one ("latest" by `at`, then the rank of the status said with it, then when it was learnt, then id: a
    platform that dates a changing amount only by its day, such as MTurk's daily bonuses, is believed in the
    order it was read). Note: the latest note.
    """
    listed = list(events)
    statused = [event for event in listed if event.status is not None]
    if not statused:
        raise ValueError("an entry needs at least one event with a status")
    best = max(
        statused,
        key=lambda e: (_SOURCE_WEIGHT[e.source], e.status.rank if e.status else 0, e.at, e.id),
    )
    assert best.status is not None
    return CurrentState(best.status, best.at, _amount(listed), _note(listed))


def _amount(events: list[LedgerEvent]) -> Money | None:
    for source in (Source.WORKER, Source.PLATFORM, Source.LOCAL):
        said = [event for event in events if event.source is source and event.amount is not None]
        if said:
            latest = max(said, key=lambda e: (e.at, e.status.rank if e.status else -1, e.recorded_at, e.id))
            return latest.amount
    return None


def _note(events: list[LedgerEvent]) -> str:
    notes = [event for event in events if event.note is not None]
    if not notes:
        return ""
    return max(notes, key=lambda e: (e.at, e.id)).note or ""


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """An entry with its derived current state, as the history shows it."""

    id: str
    platform: str
    account: str
    kind: Kind
    task_id: str
    record_id: str
    title: str
    requester: str
    attempt_id: int | None
    occurred_at: datetime
    status: Status
    status_at: datetime
    amount: Money
    note: str

    @property
    def earned(self) -> Money:
        """What the entry adds to the worker's earnings now: its amount once approved or paid; a reversal's (a
        negative amount taken back) once reported; nothing for a reversed, rejected or pending task."""
        counts = self.status in EARNED or (self.kind is not Kind.TASK and self.status is Status.REVERSED)
        return self.amount if counts and self.kind is not Kind.PAYOUT else Money(0, self.amount.currency)

    @property
    def pending(self) -> Money:
        """What the entry may still earn: its amount while it waits for review (a payout earns nothing)."""
        waits = self.status in PENDING and self.kind is not Kind.PAYOUT
        return self.amount if waits else Money(0, self.amount.currency)


def attempt_of(entry: str) -> str:
    """SQL for the attempt the ledger entry aliased `entry` belongs to: its own, or that of the worker's entry
    linked to it (the platform's entry and hers are one task); NULL when none was timed."""
    return (
        f"coalesce({entry}.attempt_id, (SELECT linked.attempt_id FROM ledger_entries AS linked "
        f"WHERE linked.linked_to = {entry}.id AND linked.attempt_id IS NOT NULL ORDER BY linked.id LIMIT 1))"
    )
