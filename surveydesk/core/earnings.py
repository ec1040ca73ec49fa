"""What a platform says about the worker's money: the vocabulary every earnings reader speaks.

As `core/connector.py` is what a platform's tasks reader answers, this is what its earnings reader answers: reports
of entries (a task's reward, a bonus, an adjustment, a reversal) with their status and amount, in batches that
each carry the cursor resuming after them. The ledger (surveydesk.ledger) stores and reconciles them; the
platforms write them. Both import it from here, so no platform depends on the ledger.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from surveydesk.core.clock import utc_iso
from surveydesk.core.model import AccountKey
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
    # What SurveyDesk presumes of money a platform stopped reporting while it was still under way (MTurk lists
    # about 45 days): it approves on its own what waits too long, and pays what it approved.
    PRESUMED_APPROVED = "presumed_approved"
    PRESUMED_PAID = "presumed_paid"

    @property
    def rank(self) -> int:
        """How far along review this status is: a status of a higher rank is newer news about the same money.

        A decision (approved, rejected, returned, screened out) outranks waiting; paid outranks a decision;
        a reversal comes after payment (money taken back), so it outranks everything. A presumption ranks just
        below what it presumes, so the platform's own word on that step (or a later one) replaces it.
        """
        return _RANKS[self]

    @property
    def presumed(self) -> bool:
        return self in (Status.PRESUMED_APPROVED, Status.PRESUMED_PAID)


_RANKS = {
    Status.IN_PROGRESS: 0,
    Status.SUBMITTED: 2,
    Status.AWAITING_REVIEW: 4,
    Status.PRESUMED_APPROVED: 5,
    Status.APPROVED: 6,
    Status.REJECTED: 6,
    Status.RETURNED: 6,
    Status.SCREENED_OUT: 6,
    Status.PRESUMED_PAID: 7,
    Status.PAID: 8,
    Status.REVERSED: 10,
}


class Kind(StrEnum):
    """What an entry's money is: a task's reward, money the platform moved on its own record, or a payout."""

    TASK = "task"
    BONUS = "bonus"
    ADJUSTMENT = "adjustment"
    REVERSAL = "reversal"
    # Money the worker sent from the platform to her wallet (a Toloka withdrawal): a record of where earned money
    # went, which earns nothing and takes nothing back.
    PAYOUT = "payout"


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
    not the HIT), so the attempt's own entry is linked to this one when they have the same title and amount and
    are close in time (see the module's docstring).
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
    described_by: str = (
        ""  # who gave each described field (see ledger.model.DESCRIBED_FIELDS); "" for the report's source
    )

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

    @property
    def described(self) -> tuple[str, ...]:
        """The values of `ledger.model.DESCRIBED_FIELDS`, as stored (times as UTC ISO text)."""
        return (self.title, self.requester, utc_iso(self.occurred_at), self.record_id)


@dataclass(frozen=True, slots=True)
class ReviewDeadline:
    """A platform's documented rule that decides a submission nobody reviewed: `within` after it was submitted,
    it is approved. It bounds the forecast of pending money (surveydesk.ledger.forecast) where the worker's own
    history would wait longer. `evidence` names where the platform says so, for whoever checks the rule."""

    within: timedelta
    evidence: str


@dataclass(frozen=True, slots=True)
class ClaimDeadline:
    """A platform's documented window to contest a rejected submission: `within` after the rejection. The Claims
    view says the date it ends; a platform with no documented window has none, and the view says "unknown".
    `evidence` quotes where the platform says so (shared/reference/platform-apis.md), for whoever checks it."""

    within: timedelta
    evidence: str


@dataclass(frozen=True, slots=True)
class ClaimRoute:
    """How a platform's worker claims money she is owed, in her words: `words`, English marked for translation
    (`QT_TRANSLATE_NOOP`, "PlatformSpec" context), and the `evidence` it rests on; a platform whose way is not
    documented has none, and the view says "unknown"."""

    words: str
    evidence: str


@dataclass(frozen=True, slots=True)
class Report:
    """One thing a source says about one entry: the entry as described, and what the event says of it."""

    header: EntryHeader
    at: datetime
    status: Status | None = None
    amount: Money | None = None
    note: str | None = None
    platform_seconds: int | None = None  # how long the platform says the worker took (Prolific's time_taken)
    estimated_minutes: int | None = None  # how long the platform said the task would take (Prolific's estimate)


@dataclass(frozen=True, slots=True)
class Batch:
    """Reports read together, and where the next run resumes once they are stored; `done` ends the run.

    `unreported_before`, when the platform keeps its records only for a while (MTurk, about 45 days): what was
    earned before it is no longer reported, so what was still under way then is presumed settled
    (`LedgerStore.presume_unreported`)."""

    reports: tuple[Report, ...]
    cursor: str
    done: bool = False
    unreported_before: datetime | None = None


class EarningsReader(Protocol):
    """Reads one account's records of submissions and earnings from its platform.

    Raises only `surveydesk.core.errors.PlatformError` subclasses for anything the platform does; a batch is
    yielded only once every record in it was read, so nothing half-read is stored. Each batch costs at most one
    request (a page): whoever runs the reader paces the platform's requests between batches (MTurk once sent
    501 requests in 1.4 s). A batch whose page does not end a whole unit of the cursor (one page of several of
    an MTurk day) carries the cursor from before that unit: a run cut off there reads it again, which adds
    nothing.
    """

    @property
    def account(self) -> AccountKey: ...

    def read(self, cursor: str) -> Iterator[Batch]:
        """Batches from `cursor` ("" for the start) to the end of this run; the last one is `done`."""
        ...
