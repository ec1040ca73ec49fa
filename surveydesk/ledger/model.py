"""The earnings ledger's vocabulary: entries, their append-only events, and the current state derived from them.

Every piece of money a platform reports (a task's reward, a bonus, an adjustment, a reversal) is one entry; what
is known about it arrives as events, from the platform, from the worker's own attempt (local) or from the worker
by hand. Events are never changed or deleted: the entry's current state is worked out from all of them by
`current_state`, which depends only on the set of events, so two computers holding the same events agree, in
whatever order they received them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from surveydesk.core.clock import utc_iso
from surveydesk.core.money import Money


class Status(StrEnum):
    """Where a piece of money stands, from the worker taking the task to the platform paying it out."""

    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    AWAITING_REVIEW = "awaiting_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    SCREENED_OUT = "screened_out"
    PAID = "paid"
    REVERSED = "reversed"

    @property
    def rank(self) -> int:
        """How far along review this status is: a status of a higher rank is newer news about the same money.

        A decision (approved, rejected, returned, screened out) outranks waiting; paid outranks a decision;
        a reversal comes after payment (money taken back), so it outranks everything.
        """
        return _RANKS[self]


_RANKS = {
    Status.IN_PROGRESS: 0,
    Status.SUBMITTED: 1,
    Status.AWAITING_REVIEW: 2,
    Status.APPROVED: 3,
    Status.REJECTED: 3,
    Status.RETURNED: 3,
    Status.SCREENED_OUT: 3,
    Status.PAID: 4,
    Status.REVERSED: 5,
}
# Money the worker has (approved or paid out) and money still under review.
EARNED = frozenset({Status.APPROVED, Status.PAID})
PENDING = frozenset({Status.IN_PROGRESS, Status.SUBMITTED, Status.AWAITING_REVIEW})


class Kind(StrEnum):
    """What an entry's money is: a task's reward, or money the platform moved on its own record."""

    TASK = "task"
    BONUS = "bonus"
    ADJUSTMENT = "adjustment"
    REVERSAL = "reversal"


class Source(StrEnum):
    """Who said it: the platform's own report, the worker's attempt timed here, or the worker by hand."""

    PLATFORM = "platform"
    LOCAL = "local"
    WORKER = "worker"


# When two sources speak of an entry's status, the higher one is believed.
_SOURCE_WEIGHT = {Source.LOCAL: 0, Source.PLATFORM: 1, Source.WORKER: 2}


def entry_id(platform: str, account: str, kind: Kind, external_id: str) -> str:
    """The entry's id on every computer: "<platform>/<account>/<kind>/<external id>".

    A task entry's external id is the task's own id (study, HIT, survey, pool), so the worker's attempt and the
    platform's submission for it meet in one entry; a bonus, adjustment or reversal uses the platform's record id.
    """
    return f"{platform}/{account}/{kind.value}/{external_id}"


@dataclass(frozen=True, slots=True)
class EntryHeader:
    """What identifies an entry and describes it, as a report of it says.

    `task_id` is the task's id (study, HIT, survey, pool); `record_id` the platform's id of its record of the
    money (submission, assignment, transaction). A task entry is named by its task id, any other kind by its
    record id (a bonus may name its task too). `occurred_at` is when the money was earned (the task taken or
    submitted, the bonus given); `currency` is the entry's until an event names an amount.

    `claimable`: the platform's ids are unknown to the worker's attempts (an MTurk attempt knows the HIT group,
    not the HIT), so a new entry may instead join the entry of a local attempt with the same title and amount,
    taken shortly before.
    """

    platform: str
    account: str
    kind: Kind
    occurred_at: datetime
    currency: str
    task_id: str = ""
    record_id: str = ""
    title: str = ""
    requester: str = ""
    attempt_id: int | None = None
    claimable: bool = False

    def __post_init__(self) -> None:
        if not (self.task_id if self.kind is Kind.TASK else self.record_id):
            raise ValueError(
                f"a {self.kind.value} entry needs its {'task' if self.kind is Kind.TASK else 'record'} id"
            )

    @property
    def id(self) -> str:
        return entry_id(
            self.platform, self.account, self.kind, self.task_id if self.kind is Kind.TASK else self.record_id
        )


@dataclass(frozen=True, slots=True)
class LedgerEvent:
    """One thing said about an entry, at `at` (when it happened, as the source tells it); `recorded_at` is when
    this computer learnt it. `status`, `amount` and `note` are None when the event does not speak of them."""

    id: str
    entry_id: str
    at: datetime
    recorded_at: datetime
    source: Source
    status: Status | None = None
    amount: Money | None = None
    note: str | None = None


def event_id(
    entry: str, source: Source, at: datetime, status: Status | None, amount: Money | None, note: str | None
) -> str:
    """A stable id made of what the event says, so the same report seen twice, on any computer, is one event.

    `recorded_at` is left out on purpose: it differs between computers that saw the same report.
    """
    money = "" if amount is None else f"{amount.minor} {amount.currency}"
    parts = (
        entry,
        source.value,
        utc_iso(at),
        status.value if status else "",
        money,
        note if note is not None else "",
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
) -> LedgerEvent:
    identity = event_id(entry, source, at, status, amount, note)
    return LedgerEvent(identity, entry, at, recorded_at, source, status, amount, note)


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
        return self.amount if counts else Money(0, self.amount.currency)

    @property
    def pending(self) -> Money:
        """What the entry may still earn: its amount while it waits for review."""
        return self.amount if self.status in PENDING else Money(0, self.amount.currency)
