"""The worker's own attempts (timed by the timekeeper) as local ledger events: taken, then how each ended.

The ledger reads the work log; the work package knows nothing of the ledger. Whoever wants the ledger current
(the reconciler before each run, the composition root when the timer changes) calls `AttemptIngest.ingest`;
it reads only attempts with transitions it has not seen, and storing an attempt again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.money import Money
from surveydesk.ledger.model import ATTEMPT_TASK_PREFIX, LedgerEntry, Source
from surveydesk.ledger.store import LedgerStore
from surveydesk.store.database import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.work.model import Attempt, Outcome
from surveydesk.work.store import WorkLog

# The last `attempt_events` row ingested, in the settings table.
SEEN_KEY = "ledger.attempt_events_seen"
_STATUS_OF_OUTCOME = {
    Outcome.SUBMITTED: Status.SUBMITTED,
    Outcome.RETURNED: Status.RETURNED,
    Outcome.TIMED_OUT: Status.RETURNED,
    Outcome.ABANDONED: Status.RETURNED,
    Outcome.SCREENED_OUT: Status.SCREENED_OUT,
}


def attempt_header(attempt: Attempt, task_ids_shared: bool) -> EntryHeader:
    """The attempt's entry: the platform's task entry where its records name the task by the id the attempt
    knows (a study, a survey), else one of its own, named by when and as which attempt it started (unique across
    the worker's computers). An MTurk attempt, say, knows the HIT group, not the HIT: its entry is linked to the
    platform's record of it by title and amount (see surveydesk.ledger.model)."""
    if task_ids_shared:
        task_id = attempt.external_id
    else:
        task_id = f"{ATTEMPT_TASK_PREFIX}{attempt.started_at.strftime('%Y%m%dT%H%M%S%fZ')}-{attempt.id}"
    return EntryHeader(
        platform=attempt.platform,
        account=attempt.account,
        kind=Kind.TASK,
        occurred_at=attempt.started_at,
        currency=attempt.reward.currency,
        task_id=task_id,
        title=attempt.title,
        requester=attempt.requester,
        attempt_id=attempt.id,
    )


def attempt_reports(attempt: Attempt, task_ids_shared: bool) -> list[Report]:
    """Taken (in progress, for its reward), then its outcome with what the worker expects it to pay."""
    header = attempt_header(attempt, task_ids_shared)
    reports = [Report(header, attempt.started_at, Status.IN_PROGRESS, attempt.reward)]
    if attempt.outcome is not None and attempt.ended_at is not None:
        expected = attempt.paid
        if expected is None:
            expected = (
                attempt.reward if attempt.outcome is Outcome.SUBMITTED else Money(0, attempt.reward.currency)
            )
        reports.append(Report(header, attempt.ended_at, _STATUS_OF_OUTCOME[attempt.outcome], expected))
    return reports


class AttemptIngest:
    """Brings attempts with new transitions into the ledger."""

    def __init__(self, db: Database, ledger: LedgerStore, shares_task_ids: Callable[[str], bool]) -> None:
        """`shares_task_ids(platform)`: whether the platform's records name a task by the attempt's id (its
        spec's `task_ids_shared`)."""
        self._db = db
        self._shares_task_ids = shares_task_ids
        self._ledger = ledger
        self._log = WorkLog(db)
        self._settings = SettingsStore(db)

    def ingest(self, now: datetime) -> int:
        """Store the local events of every attempt changed since the last call; returns how many attempts.

        The mark of what was seen is moved after the events are stored: a crash in between stores them again
        next time, which changes nothing.
        """
        seen = self._settings.get(SEEN_KEY, 0)
        rows = (
            self._db.connection()
            .execute(
                "SELECT attempt_id, max(id) FROM attempt_events WHERE id > ? "
                "GROUP BY attempt_id ORDER BY attempt_id",
                (seen if isinstance(seen, int) else 0,),
            )
            .fetchall()
        )
        if not rows:
            return 0
        attempts = [self._log.attempt(attempt_id) for attempt_id, _ in rows]
        reports = [
            report
            for attempt in attempts
            for report in attempt_reports(attempt, self._shares_task_ids(attempt.platform))
        ]
        self._ledger.record(reports, Source.LOCAL, now)
        self._settings.set(SEEN_KEY, max(last for _, last in rows))
        return len(rows)


def paid_as_history_says(attempt: Attempt, entry: LedgerEntry | None) -> Attempt:
    """The attempt with what its ledger entry says it earned or may still earn (the worker's correction over the
    platform's word over the timer's): nothing once rejected or taken back. An open attempt, or one the ledger
    has not caught up with (no entry, or still "in progress" there), keeps the timer's figure."""
    if attempt.is_open or entry is None or entry.status is Status.IN_PROGRESS:
        return attempt
    counted = entry.earned.minor + entry.pending.minor
    return replace(attempt, paid=Money(counted, entry.amount.currency))


class WorkLogAsHistorySays(WorkLog):
    """The work log with each ended attempt's pay as the History says it: every view of wages (the Wages tab,
    History's wage chart, a month in words, the goals) reads the same corrected figures as History's totals."""

    def __init__(self, db: Database) -> None:
        super().__init__(db)
        self._ledger = LedgerStore(db)

    def attempts_between(self, start: datetime, end: datetime) -> list[Attempt]:
        attempts = super().attempts_between(start, end)
        entries = self._ledger.entries_of_attempts([attempt.id for attempt in attempts if not attempt.is_open])
        return [paid_as_history_says(attempt, entries.get(attempt.id)) for attempt in attempts]
