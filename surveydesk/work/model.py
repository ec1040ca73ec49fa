"""What the timer records: shifts of work, and attempts at tasks with their working stretches and outcome."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from surveydesk.core.model import Task
from surveydesk.core.money import Money


class Outcome(StrEnum):
    """How an attempt ended. Only a submission is expected to pay its reward; a screen-out may pay a little."""

    SUBMITTED = "submitted"
    RETURNED = "returned"
    SCREENED_OUT = "screened_out"
    TIMED_OUT = "timed_out"
    ABANDONED = "abandoned"


class UnpaidCause(StrEnum):
    """Where the unpaid part of a shift went."""

    SEARCHING = "searching"  # in a shift, but in no attempt: hunting for tasks, waiting for them
    SCREENED_OUT = "screened_out"
    RETURNED = "returned"
    REJECTED = "rejected"
    TIMED_OUT = "timed_out"
    ABANDONED = "abandoned"


UNPAID_CAUSE_OF_OUTCOME = {
    Outcome.SUBMITTED: UnpaidCause.REJECTED,  # submitted, yet it paid nothing
    Outcome.RETURNED: UnpaidCause.RETURNED,
    Outcome.SCREENED_OUT: UnpaidCause.SCREENED_OUT,
    Outcome.TIMED_OUT: UnpaidCause.TIMED_OUT,
    Outcome.ABANDONED: UnpaidCause.ABANDONED,
}


# Survey walls state a length but no time limit; surveys usually close after a few times their length (the
# reference's Prolific data has maximum_allowed_time = 3 × the estimate), so that is the estimate used.
SURVEY_WALL_LIMIT_FACTOR = 3


@dataclass(frozen=True, slots=True)
class NewAttempt:
    """What the worker took: enough to time it and to know what it should pay."""

    platform: str
    account: str
    external_id: str
    title: str
    requester: str
    reward: Money
    time_limit_seconds: int | None
    estimated_minutes: int | None = None

    @classmethod
    def for_task(cls, task: Task, survey_wall: bool = False) -> NewAttempt:
        """An attempt at a listed task; its limit is the platform's time allowed, or for a task of a survey wall
        (which states none; its platform's spec says `survey_wall`) an estimate of `SURVEY_WALL_LIMIT_FACTOR`
        times the survey's length."""
        limit = None if task.time_allowed_minutes is None else task.time_allowed_minutes * 60
        if limit is None and survey_wall and task.estimated_minutes:
            limit = task.estimated_minutes * SURVEY_WALL_LIMIT_FACTOR * 60
        return cls(
            platform=task.platform,
            account=task.account,
            external_id=task.external_id,
            title=task.title,
            requester=task.requester_name,
            reward=task.reward,
            time_limit_seconds=limit,
            estimated_minutes=task.estimated_minutes,
        )


@dataclass(frozen=True, slots=True)
class Shift:
    id: int
    started_at: datetime
    ended_at: datetime | None
    seconds: float  # closed time so far; the open part is measured by the timekeeper
    automatic: bool  # clocked in by the first take, not by the worker


@dataclass(frozen=True, slots=True)
class Attempt:
    """One go at one task, from taking it to its outcome."""

    id: int
    shift_id: int | None
    platform: str
    account: str
    external_id: str
    title: str
    requester: str
    reward: Money
    time_limit_seconds: int | None
    started_at: datetime
    worked_seconds: float  # closed stretches only; the open one is measured by the timekeeper
    working_since: datetime | None  # set while a stretch is open (the attempt is being worked on)
    ended_at: datetime | None
    outcome: Outcome | None
    paid: Money | None  # what the outcome earned, as far as the worker knows now
    estimated_minutes: int | None = None
    completion_code: str | None = None  # the code the study gave her at its end, as she pasted it

    @property
    def expected_wage(self) -> Money | None:
        """What the task promised per hour: its reward over its estimated time."""
        return self.reward.per_hour(self.estimated_minutes)

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def is_working(self) -> bool:
        return self.working_since is not None


@dataclass(frozen=True, slots=True)
class Interruption:
    """An open stretch found at start-up: SurveyDesk stopped (crash, kill, power cut) while it was running.

    `seconds_before` were measured up to the last sign of life at `last_alive`; whether the gap from then to
    the restart counts is the worker's choice.
    """

    kind: str  # "shift" or "attempt"
    owner_id: int
    title: str
    started_at: datetime
    last_alive: datetime
    seconds_before: float


# --- records shared between computers (replication carries them; the work log stores them) ---------------


@dataclass(frozen=True, slots=True)
class Stretch:
    """A closed stretch of work as it travels between computers: its start as stored (UTC text), its length."""

    started_at: str
    seconds: float


@dataclass(frozen=True, slots=True)
class ShiftRecord:
    """A finished shift as every computer knows it: named by its sync id, times as stored UTC text."""

    sync_id: str
    started_at: str
    ended_at: str
    automatic: bool
    stretches: tuple[Stretch, ...]


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """A finished attempt as every computer knows it: named by its sync id, its shift by the shift's."""

    sync_id: str
    shift: str | None
    platform: str
    account: str
    external_id: str
    title: str
    requester: str
    reward: Money
    time_limit_seconds: int | None
    started_at: str
    ended_at: str
    outcome: Outcome
    paid: Money | None
    estimated_minutes: int | None
    stretches: tuple[Stretch, ...]
    completion_code: str | None = None  # the code the study gave her at its end, as she pasted it
