"""Money the worker may be owed, and what became of her claims for it.

**What may be owed** (`find`), among the task entries of the last `HORIZON` (older ones are rarely still
claimable, and a year of history would bury the few that are):

- *rejected*: a submission the platform rejected;
- *overdue*: a submission (a survey wall's complete too) still under review past the platform's usual delay: the
  worker's own 90th percentile of its review delays (`ledger.forecast`), or the platform's documented deadline
  where it has one (Prolific's 21 days);
- *unpaid time*: screened out, returned or timed out after `UNPAID_MINUTES` or more of work, by the timer or by
  the platform's own count (Prolific's `time_taken`): a screen-out comes in the first minutes, a late one is
  time the platform used and did not pay;
- *overrun*: a task whose real time was at least `OVERRUN_FACTOR` times its estimate and `UNPAID_MINUTES` over
  it, which researchers are asked to compensate.

**Claims** are kept in `claims` (migration 12), one row per entry, by `ClaimStore`, the table's only writer. A
claim travels to the worker's other computers as it is stored (`ClaimRecord`, surveydesk.sync). A claim is found
once and stays, with when the worker said she sent it and its outcome: *paid*, *refused* or *no
answer*. A claim closes itself as paid when the platform later pays the same entry (or, for an overrun, a bonus
for the same task): the money lands on the entry the claim names, so nothing is counted twice. SurveyDesk sends
nothing: the worker sends the message herself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.earnings import Kind, ReviewDeadline, Status
from surveydesk.core.money import Money
from surveydesk.ledger.forecast import Delays, Timeline, delay_table
from surveydesk.ledger.model import EARNED, PENDING, attempt_of
from surveydesk.store.database import Database, chunked, question_marks
from surveydesk.work.store import WorkLog

HORIZON = timedelta(days=90)
UNPAID_MINUTES = 10
OVERRUN_FACTOR = 2
# A web address a platform left in an entry's note: where the worker claims (BitLabs' support form).
_ADDRESS = re.compile(r"https://[^\s]+")
_UNPAID_STATUSES = frozenset({Status.SCREENED_OUT, Status.RETURNED})
_WORKED_STATUSES = frozenset({Status.SUBMITTED, Status.AWAITING_REVIEW, *EARNED})


class ClaimKind(StrEnum):
    REJECTED = "rejected"
    OVERDUE = "overdue"
    UNPAID_TIME = "unpaid_time"
    OVERRUN = "overrun"


class ClaimOutcome(StrEnum):
    PAID = "paid"
    REFUSED = "refused"
    NO_ANSWER = "no_answer"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Only what SurveyDesk measured or the platform said: when the task was taken and submitted, the time the
    timer counted and the time the platform counted, the estimate (the one the timer noted, else the platform's
    record's), the platform's id of the submission, and the completion code the study gave her (as she pasted
    it when she submitted)."""

    taken_at: datetime | None
    submitted_at: datetime | None
    worked_seconds: int | None
    platform_seconds: int | None
    estimated_minutes: int | None
    record_id: str
    completion_code: str | None = None

    @property
    def spent_seconds(self) -> int | None:
        """The longer of the two counts of time spent: each is the worker's evidence."""
        counts = [count for count in (self.worked_seconds, self.platform_seconds) if count is not None]
        return max(counts) if counts else None


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim as the Claims view shows it: the entry it is about, as it stands now, and the claim's record."""

    entry_id: str
    kind: ClaimKind
    platform: str
    title: str
    requester: str
    amount: Money
    status: Status
    status_at: datetime  # since when the entry stands so (rejected when, for a rejection)
    occurred_at: datetime
    evidence: Evidence
    route: str  # the platform's own link to claim through, where it gave one; else ""
    found_at: datetime
    sent_at: datetime | None
    outcome: ClaimOutcome | None
    outcome_at: datetime | None

    @property
    def open(self) -> bool:
        return self.outcome is None


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim as `claims` stores it, with no measured evidence: what travels to her other computers."""

    entry_id: str
    kind: ClaimKind
    found_at: datetime
    sent_at: datetime | None
    outcome: ClaimOutcome | None
    outcome_at: datetime | None


@dataclass(frozen=True, slots=True)
class _Row:
    entry_id: str
    platform: str
    title: str
    requester: str
    amount: Money
    status: Status
    status_at: datetime
    occurred_at: datetime
    note: str
    record_id: str
    platform_seconds: int | None
    platform_estimate: int | None  # minutes
    attempt_id: int | None


_ROW_COLUMNS = (
    "e.id, e.platform, e.title, e.requester, e.amount_minor, e.currency, e.status, e.status_at, e.occurred_at, "
    "e.note, e.record_id, e.platform_seconds, e.estimated_minutes, " + attempt_of("e")
)


def find(
    database: Database,
    lines: Sequence[Timeline],
    deadlines: Mapping[str, ReviewDeadline],
    now: datetime,
) -> dict[str, ClaimKind]:
    """What may be owed now (see the module's docstring), by entry id; `lines` are the ledger's timelines
    (`ledger.forecast.timelines`), read once for the forecast and the claims."""
    table = delay_table(lines)
    submitted = {line.entry_id: line.submitted_at or line.occurred_at for line in lines}
    work = WorkLog(database)
    found: dict[str, ClaimKind] = {}
    for row in _rows(database, "e.occurred_at >= ?", (utc_iso(now - HORIZON),)):
        evidence = _evidence(work, row, submitted.get(row.entry_id))
        kind = _kind(row, evidence, table.review_of(row.platform, row.requester)[0], deadlines, now)
        if kind is not None:
            found[row.entry_id] = kind
    return found


def _kind(
    row: _Row,
    evidence: Evidence,
    delays: Delays | None,
    deadlines: Mapping[str, ReviewDeadline],
    now: datetime,
) -> ClaimKind | None:
    spent = evidence.spent_seconds or 0
    if row.status is Status.REJECTED:
        return ClaimKind.REJECTED
    if row.status in _UNPAID_STATUSES:
        return ClaimKind.UNPAID_TIME if spent >= UNPAID_MINUTES * 60 else None
    estimate = evidence.estimated_minutes
    if estimate and row.status in _WORKED_STATUSES and spent >= _overrun_seconds(estimate):
        return ClaimKind.OVERRUN
    if row.status in PENDING and row.status is not Status.IN_PROGRESS and row.amount.minor > 0:
        started = evidence.submitted_at or row.occurred_at
        limits = [started + deadlines[row.platform].within] if row.platform in deadlines else []
        if delays is not None:
            limits.append(started + delays.high)
        if limits and now > min(limits):
            return ClaimKind.OVERDUE
    return None


def _overrun_seconds(estimate: int) -> int:
    return max(OVERRUN_FACTOR * estimate, estimate + UNPAID_MINUTES) * 60


def _rows(database: Database, where: str, parameters: tuple[object, ...]) -> Iterator[_Row]:
    rows = database.connection().execute(
        f"SELECT {_ROW_COLUMNS} FROM ledger_entries AS e WHERE e.kind = ? AND e.linked_to = '' AND {where}",
        (Kind.TASK.value, *parameters),
    )
    for (entry, platform, title, requester, minor, currency, status, status_at, occurred, note, record_id,
         seconds, estimate, attempt) in rows:  # fmt: skip
        yield _Row(entry, platform, title, requester, Money(minor, currency), Status(status),
                   parse_utc_iso(status_at), parse_utc_iso(occurred), note, record_id, seconds,
                   estimate, attempt)  # fmt: skip


def _evidence(work: WorkLog, row: _Row, submitted: datetime | None) -> Evidence:
    attempt = None
    if row.attempt_id is not None:
        try:
            attempt = work.attempt(row.attempt_id)
        except KeyError:  # an attempt timed on another computer whose work log has not come here
            attempt = None
    return Evidence(
        taken_at=attempt.started_at if attempt else None,
        submitted_at=submitted if row.status is not Status.IN_PROGRESS else None,
        worked_seconds=round(attempt.worked_seconds) if attempt else None,
        platform_seconds=row.platform_seconds,
        estimated_minutes=(attempt.estimated_minutes if attempt else None) or row.platform_estimate,
        record_id=row.record_id,
        completion_code=attempt.completion_code if attempt else None,
    )


def _route(note: str) -> str:
    found = _ADDRESS.search(note)
    return found.group(0) if found else ""


class ClaimStore:
    """The `claims` table: what was found, what the worker did, and how each claim ended."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def refresh(self, found: Mapping[str, ClaimKind], now: datetime) -> None:
        """Keep the claims found (an open claim takes the kind found now), then close as paid each open claim
        whose money came: its entry earned, or for an overrun a bonus for the same task."""
        with self._db.transaction() as connection:
            connection.executemany(
                "INSERT INTO claims (entry_id, kind, found_at) VALUES (?, ?, ?) ON CONFLICT (entry_id) "
                "DO UPDATE SET kind = excluded.kind WHERE claims.outcome IS NULL",
                [(entry, kind.value, utc_iso(now)) for entry, kind in found.items()],
            )
            earned = tuple(status.value for status in EARNED)
            marks = ", ".join("?" * len(earned))
            connection.execute(
                f"UPDATE claims SET outcome = ?, outcome_at = (SELECT status_at FROM ledger_entries "
                f"WHERE id = claims.entry_id) WHERE outcome IS NULL AND kind <> ? AND entry_id IN "
                f"(SELECT id FROM ledger_entries WHERE status IN ({marks}))",
                (ClaimOutcome.PAID.value, ClaimKind.OVERRUN.value, *earned),
            )
            bonus = (
                "FROM ledger_entries AS b JOIN ledger_entries AS t ON t.id = claims.entry_id "
                "WHERE b.kind = ? AND b.platform = t.platform AND b.account = t.account AND b.task_id = t.task_id "
                f"AND b.task_id <> '' AND b.linked_to = '' AND b.status IN ({marks})"
            )
            connection.execute(
                f"UPDATE claims SET outcome = ?, outcome_at = (SELECT min(b.status_at) {bonus}) "
                f"WHERE outcome IS NULL AND kind = ? AND EXISTS (SELECT 1 {bonus})",
                (ClaimOutcome.PAID.value, Kind.BONUS.value, *earned, ClaimKind.OVERRUN.value,
                 Kind.BONUS.value, *earned),
            )  # fmt: skip

    def mark_sent(self, entry: str, at: datetime) -> None:
        """The worker says she sent the claim."""
        self._update(entry, "sent_at = ?", (utc_iso(at),))

    def record_outcome(self, entry: str, outcome: ClaimOutcome | None, at: datetime) -> None:
        """How the claim ended, as the worker says (None opens it again)."""
        self._update(entry, "outcome = ?, outcome_at = ?", (outcome, None if outcome is None else utc_iso(at)))

    def _update(self, entry: str, assignments: str, values: tuple[object, ...]) -> None:
        with self._db.transaction() as connection:
            changed = connection.execute(f"UPDATE claims SET {assignments} WHERE entry_id = ?", (*values, entry))
            if changed.rowcount == 0:
                raise KeyError(f"no claim for {entry!r}")

    def entry_ids(self) -> list[str]:
        return [entry for (entry,) in self._db.connection().execute("SELECT entry_id FROM claims")]

    def records(self, entries: Sequence[str]) -> list[ClaimRecord]:
        """The stored claims about `entries` (those that have one)."""
        found = []
        for chunk in chunked(entries):
            rows = self._db.connection().execute(
                "SELECT entry_id, kind, found_at, sent_at, outcome, outcome_at FROM claims "
                f"WHERE entry_id IN ({question_marks(len(chunk))})",
                chunk,
            )
            for entry, kind, found_at, sent_at, outcome, outcome_at in rows:
                ended = None if outcome is None else ClaimOutcome(outcome)
                found.append(
                    ClaimRecord(entry, ClaimKind(kind), parse_utc_iso(found_at), _moment(sent_at), ended,
                                _moment(outcome_at))
                )  # fmt: skip
        return found

    def put(self, records: Sequence[ClaimRecord]) -> list[ClaimRecord]:
        """Store claims as another computer holds them, each whole; those whose entry is not here (yet) are
        left out and returned, since a claim is about an entry of the log."""
        with self._db.transaction() as connection:
            present: set[str] = set()
            ids = [record.entry_id for record in records]
            for chunk in chunked(ids):
                present.update(
                    entry
                    for (entry,) in connection.execute(
                        f"SELECT id FROM ledger_entries WHERE id IN ({question_marks(len(chunk))})", chunk
                    )
                )
            connection.executemany(
                "INSERT INTO claims (entry_id, kind, found_at, sent_at, outcome, outcome_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET kind = excluded.kind, "
                "found_at = excluded.found_at, sent_at = excluded.sent_at, outcome = excluded.outcome, "
                "outcome_at = excluded.outcome_at",
                [
                    (r.entry_id, r.kind.value, utc_iso(r.found_at), _text(r.sent_at),
                     None if r.outcome is None else r.outcome.value, _text(r.outcome_at))
                    for r in records
                    if r.entry_id in present
                ],
            )  # fmt: skip
        return [record for record in records if record.entry_id not in present]

    def claims(self, lines: Sequence[Timeline]) -> list[Claim]:
        """Every claim, open ones first, then newest first, with its entry as it stands now and its evidence."""
        stored = {
            entry: (ClaimKind(kind), parse_utc_iso(found), _moment(sent), outcome, _moment(outcome_at))
            for entry, kind, found, sent, outcome, outcome_at in self._db.connection().execute(
                "SELECT entry_id, kind, found_at, sent_at, outcome, outcome_at FROM claims"
            )
        }
        if not stored:
            return []
        submitted = {line.entry_id: line.submitted_at or line.occurred_at for line in lines}
        work = WorkLog(self._db)
        listed = []
        for row in _rows(self._db, "e.id IN (SELECT entry_id FROM claims)", ()):
            kind, found, sent, outcome, outcome_at = stored[row.entry_id]
            evidence = _evidence(work, row, submitted.get(row.entry_id))
            ended = None if outcome is None else ClaimOutcome(outcome)
            listed.append(
                Claim(row.entry_id, kind, row.platform, row.title, row.requester, row.amount, row.status,
                      row.status_at, row.occurred_at, evidence, _route(row.note), found, sent, ended, outcome_at)
            )  # fmt: skip
        listed.sort(key=lambda claim: (not claim.open, -claim.occurred_at.timestamp(), claim.entry_id))
        return listed


def _moment(text: str | None) -> datetime | None:
    return None if text is None else parse_utc_iso(text)


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else utc_iso(moment)
