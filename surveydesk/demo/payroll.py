"""The demo worker's earnings on one platform: a seeded year of past submissions, and those taken in the demo.

Every submission is a timeline fixed when it is made (started, submitted, decided, paid, perhaps reversed), so
what a site reports is a pure function of the clock: the same seed and clock readings always give the same
history, and submissions still under review turn approved, rejected or paid as the demo's clock moves on —
within minutes, so a worker sees it happen. The sites (prolific_site.py and the others) put it in their format.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from enum import Enum
from functools import partial

from surveydesk.core.money import Money
from surveydesk.demo.catalog import Study, invent_researchers, invent_study, new_id

HISTORY_DAYS = 365
WORK_DAY_SHARE = 2 / 7  # the demo worker works one day in three or four
PER_WORK_DAY = (1, 4)  # submissions on a day of work
# A few submissions made in the hours before the demo starts are still under review, and decided this soon after.
UNDER_REVIEW = 4
DECIDED_WITHIN = (timedelta(minutes=1), timedelta(minutes=6))
# A task taken in the demo is submitted after its length, then reviewed and paid within minutes.
REVIEW_AFTER_TAKE = timedelta(minutes=3)
PAID_AFTER_APPROVAL = timedelta(minutes=2)
REVERSED_SHARE = 0.01  # of the paid submissions, taken back a week after payment
SCREEN_OUT_PAY = 10  # minor units: a fixed screen-out payment, as Prolific pays one
# Money the worker may claim (surveydesk/ledger/claims.py), as workers meet it: a screen-out after many minutes
# of work, a study that took far longer than its estimate, a submission left unreviewed for weeks.
LATE_SCREEN_OUT_SHARE = 0.3  # of the screen-outs, after this many minutes of work:
LATE_SCREEN_OUT_MINUTES = (12, 30)
OVERRUN_SHARE = (
    0.03  # of the approved submissions, which took this many times their estimate, 15 min more at least
)
OVERRUN_FACTOR = 3
STALLED_SHARE = 0.05  # of the approved submissions, reviewed only this long after they were submitted
STALLED_FOR = timedelta(days=30)


class Outcome(Enum):
    """How a submission's review ends."""

    APPROVED = "approved"
    PARTIALLY_APPROVED = "partially_approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    SCREENED_OUT = "screened_out"
    TIMED_OUT = "timed_out"


class Stage(Enum):
    """Where a submission stands at a moment."""

    ACTIVE = "active"
    AWAITING_REVIEW = "awaiting_review"
    APPROVED = "approved"
    PARTIALLY_APPROVED = "partially_approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    SCREENED_OUT = "screened_out"
    TIMED_OUT = "timed_out"
    PAID = "paid"
    REVERSED = "reversed"


# Outcomes decided by the worker leaving (no review wait), and those that pay nothing.
_WITHOUT_REVIEW = frozenset({Outcome.RETURNED, Outcome.SCREENED_OUT, Outcome.TIMED_OUT})
_UNPAID = frozenset({Outcome.REJECTED, Outcome.RETURNED, Outcome.TIMED_OUT})
# Outcomes that end in a payout; a screen-out's fixed payment is made, but it stays a screen-out.
_PAID_OUT = frozenset({Outcome.APPROVED, Outcome.PARTIALLY_APPROVED})
# How the seeded outcomes are spread: mostly approved, with each of the rarer cases present.
_OUTCOME_WEIGHTS = (
    (Outcome.APPROVED, 78),
    (Outcome.PARTIALLY_APPROVED, 3),
    (Outcome.REJECTED, 4),
    (Outcome.RETURNED, 6),
    (Outcome.SCREENED_OUT, 7),
    (Outcome.TIMED_OUT, 2),
)


@dataclass(frozen=True, slots=True)
class Submission:
    """One go at one task and what became of it. `task_id` and `record_id` are in the site's own id format."""

    task_id: str
    record_id: str
    study: Study
    started_at: datetime
    submitted_at: datetime
    decided_at: datetime
    outcome: Outcome
    paid_at: datetime | None
    reward: Money  # what the outcome pays (a partial approval pays less, a screen-out a fixed amount)
    bonus: Money | None = None
    reversed_at: datetime | None = None

    def stage(self, now: datetime) -> Stage:
        if self.reversed_at is not None and now >= self.reversed_at:
            return Stage.REVERSED
        if self.paid_at is not None and now >= self.paid_at:
            return Stage.PAID
        if now >= self.decided_at:
            return Stage[self.outcome.name]
        return Stage.ACTIVE if now < self.submitted_at else Stage.AWAITING_REVIEW

    def bonus_given(self, now: datetime) -> Money | None:
        """The bonus, once the submission is approved."""
        return self.bonus if self.bonus is not None and now >= self.decided_at else None


IdStyle = Callable[[Study, str], tuple[str, str]]  # (study, a 24-hex seed id) -> (task id, record id)


class Payroll:
    """One platform's submissions for the demo worker; thread-safe.

    `clock` gives monotonic seconds; its first reading is `epoch`, the demo's "now" when it starts. `ids` turns
    each seeded submission into the ids the site shows. The year of submissions is drawn when it is first asked
    for (about 30 ms a platform), not when the demo starts: the app's first frame does not wait for it.
    """

    def __init__(
        self,
        seed: int | None,
        clock: Callable[[], float],
        epoch: datetime,
        ids: IdStyle,
        history_days: int = HISTORY_DAYS,
    ) -> None:
        self._clock = clock
        self._origin = clock()
        self._epoch = epoch
        self._lock = threading.Lock()
        self._drawn = partial(_seeded, random.Random(seed), epoch, ids, history_days)
        self._submissions: list[Submission] | None = None
        self._taken: list[Submission] = []

    def now(self) -> datetime:
        return self._epoch + timedelta(seconds=self._clock() - self._origin)

    def history(self) -> tuple[datetime, list[Submission]]:
        """The moment, and every submission started by then, newest first."""
        now = self.now()
        with self._lock:
            if self._submissions is None:
                self._submissions = self._drawn()
            everything = [*self._submissions, *self._taken]
        started = [submission for submission in everything if submission.started_at <= now]
        started.sort(key=lambda submission: (submission.started_at, submission.record_id), reverse=True)
        return now, started

    def take(self, study: Study, task_id: str, record_id: str) -> Submission:
        """The demo worker took `study` just now: it is submitted after its length, then approved and paid."""
        now = self.now()
        submitted = now + timedelta(minutes=study.minutes)
        decided = submitted + REVIEW_AFTER_TAKE
        taken = Submission(
            task_id, record_id, study, now, submitted, decided, Outcome.APPROVED, decided + PAID_AFTER_APPROVAL,
            study.reward,
        )  # fmt: skip
        with self._lock:
            if all(existing.record_id != record_id for existing in self._taken):
                self._taken.append(taken)
        return taken


def _seeded(rng: random.Random, epoch: datetime, ids: IdStyle, history_days: int) -> list[Submission]:
    """`history_days` (a year) of work days before `epoch`, oldest first, then a few submitted in the last hours,
    awaiting review, to be decided minutes after the demo starts.

    Each calendar day is drawn from a generator of its own, seeded by the payroll's seed and the date, so the
    days a restart (a new `epoch`) finds again hold the same submissions at the same moments: whatever a site
    reports by day (MTurk's daily bonuses) stays on its day. A few approved ones are taken back a week after
    they were paid, a moment fixed the same way."""
    researchers = invent_researchers(rng)
    outcomes = [outcome for outcome, _ in _OUTCOME_WEIGHTS]
    weights = [weight for _, weight in _OUTCOME_WEIGHTS]
    calendar = rng.getrandbits(64)  # ties every day's draws to the seed
    first, last = epoch - timedelta(days=history_days), epoch - timedelta(hours=2)
    submissions: list[Submission] = []
    day = first.date()
    while day <= last.date():
        today = random.Random(f"{calendar}:{day.isoformat()}")
        if today.random() < WORK_DAY_SHARE:
            midnight = datetime.combine(day, time(), tzinfo=UTC)
            for _ in range(today.randint(*PER_WORK_DAY)):
                started = midnight + timedelta(minutes=today.randint(0, 20 * 60))
                study = invent_study(today, researchers, started - timedelta(minutes=today.randint(1, 90)), 0.5)
                submission = _past(today, ids, study, started, today.choices(outcomes, weights)[0])
                if today.random() < STALLED_SHARE and submission.outcome is Outcome.APPROVED:
                    submission = _stalled(submission)
                if today.random() < REVERSED_SHARE and submission.paid_at is not None:
                    submission = replace(submission, reversed_at=submission.paid_at + timedelta(days=7))
                if first <= started < last:  # drawn either way, so the day's other draws do not move
                    submissions.append(submission)
        day += timedelta(days=1)
    for index in range(UNDER_REVIEW):
        study = invent_study(rng, researchers, epoch - timedelta(hours=6), 0.5)
        submissions.append(_under_review(rng, ids, study, epoch, index))
    submissions.sort(key=lambda submission: submission.started_at)
    return submissions


def _past(rng: random.Random, ids: IdStyle, study: Study, started: datetime, outcome: Outcome) -> Submission:
    task_id, record_id = ids(study, new_id(rng))
    worked = timedelta(minutes=max(1, round(study.minutes * rng.uniform(0.6, 1.3))))
    owed = rng.random()  # drawn either way, so the other draws do not move
    if outcome in (Outcome.RETURNED, Outcome.SCREENED_OUT):
        late = outcome is Outcome.SCREENED_OUT and owed < LATE_SCREEN_OUT_SHARE
        worked = timedelta(minutes=rng.randint(*LATE_SCREEN_OUT_MINUTES) if late else rng.randint(1, 4))
    elif outcome is Outcome.APPROVED and owed < OVERRUN_SHARE:
        worked = _overrun(study)
    submitted = started + worked
    decided = submitted if outcome in _WITHOUT_REVIEW else submitted + timedelta(hours=rng.randint(2, 72))
    paid = decided + timedelta(days=rng.randint(0, 3)) if outcome in _PAID_OUT else None
    bonus = Money(rng.choice((10, 25, 50, 100)), study.reward.currency) if rng.random() < 0.1 else None
    return Submission(
        task_id, record_id, study, started, submitted, decided, outcome, paid, _pay(study.reward, outcome),
        bonus if outcome is Outcome.APPROVED else None,
    )  # fmt: skip


def _pay(reward: Money, outcome: Outcome) -> Money:
    if outcome is Outcome.PARTIALLY_APPROVED:
        return Money(reward.minor // 2, reward.currency)
    if outcome is Outcome.SCREENED_OUT:
        return Money(min(SCREEN_OUT_PAY, reward.minor), reward.currency)
    return Money(0, reward.currency) if outcome in _UNPAID else reward


def _overrun(study: Study) -> timedelta:
    return timedelta(minutes=max(OVERRUN_FACTOR * study.minutes, study.minutes + 15))


def _stalled(submission: Submission) -> Submission:
    """Reviewed `STALLED_FOR` after it was submitted (and paid a day later): those of the last weeks still wait."""
    decided = submission.submitted_at + STALLED_FOR
    return replace(submission, decided_at=decided, paid_at=decided + timedelta(days=1))


def _under_review(rng: random.Random, ids: IdStyle, study: Study, epoch: datetime, index: int) -> Submission:
    """Submitted within the last hours, decided within minutes of the demo's start, one of each kind the worker
    may claim in every demo: one rejected, one screened out after many minutes of work (decided at once), one
    that took far longer than its estimate, one approved as it should be."""
    task_id, record_id = ids(study, new_id(rng))
    submitted = epoch - timedelta(minutes=rng.randint(20, 100))
    kind = index % UNDER_REVIEW
    worked = timedelta(minutes=study.minutes)
    low, high = DECIDED_WITHIN
    decided = epoch + low + (high - low) * rng.random()
    outcome = {3: Outcome.REJECTED, 2: Outcome.SCREENED_OUT}.get(kind, Outcome.APPROVED)
    if outcome is Outcome.SCREENED_OUT:
        worked, decided = timedelta(minutes=LATE_SCREEN_OUT_MINUTES[1]), submitted
    elif kind == 1:
        worked = _overrun(study)
    started = submitted - worked
    paid = decided + PAID_AFTER_APPROVAL if outcome in _PAID_OUT else None
    return Submission(
        task_id, record_id, study, started, submitted, decided, outcome, paid, _pay(study.reward, outcome)
    )
