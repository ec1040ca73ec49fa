"""The demo worker's earnings in each platform's own format, from a `Payroll`: what the earnings routes serve.

Shapes follow platform-apis.md; where it marks a field a guess, the guess made here is said beside it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta, timezone
from typing import Final

from surveydesk.core.money import Money
from surveydesk.demo.payroll import Payroll, Stage, Submission

PROLIFIC_PAGE_SIZE: Final = 40
MTURK_PAGE_SIZE: Final = 20  # as the worker site pages status details
TOLOKA_MAX_PAGE_SIZE: Final = 100
WITHDRAWAL_TAKES: Final = timedelta(days=2)  # from asking Toloka to send money to the wallet, to its arrival
# The MTurk day is US Pacific time; the demo keeps it at UTC-8 all year (no summer time).
PACIFIC: Final = timezone(timedelta(hours=-8))
# How many days back MTurk's dashboard and status details go (about 45, platform-apis.md §8.2).
MTURK_DAYS_LISTED: Final = 45

_PROLIFIC_STATUS: Final = {
    Stage.ACTIVE: "ACTIVE",
    Stage.AWAITING_REVIEW: "AWAITING REVIEW",
    Stage.APPROVED: "APPROVED",
    Stage.PARTIALLY_APPROVED: "PARTIALLY APPROVED",
    Stage.REJECTED: "REJECTED",
    Stage.RETURNED: "RETURNED",
    Stage.SCREENED_OUT: "SCREENED OUT",
    Stage.TIMED_OUT: "TIMED-OUT",
    # Prolific has no "paid" (approved work is paid) and takes no approved work back: see `_prolific`.
}
_MTURK_STATE: Final = {
    Stage.AWAITING_REVIEW: "Pending",
    Stage.APPROVED: "Approved",
    Stage.PARTIALLY_APPROVED: "Approved",
    Stage.REJECTED: "Rejected",
    Stage.PAID: "Paid",
    Stage.REVERSED: "Paid",  # MTurk does not take approved work back
}  # HITs returned, timed out or screened out are not in MTurk's status details


def prolific_submissions(payroll: Payroll, page: int, here: str) -> dict[str, object]:
    """One page of `GET /api/v1/participant/submissions/`, newest first; `here` is the list's own address."""
    now, submissions = payroll.history()
    start = (page - 1) * PROLIFIC_PAGE_SIZE
    shown = submissions[start : start + PROLIFIC_PAGE_SIZE]
    more = start + PROLIFIC_PAGE_SIZE < len(submissions)
    return {
        "results": [_prolific(submission, now) for submission in shown],
        "_links": {
            "self": {"href": f"{here}?page={page}", "title": "Current"},
            "next": {"href": f"{here}?page={page + 1}" if more else None, "title": "Next"},
            "previous": {"href": f"{here}?page={page - 1}" if page > 1 else None, "title": "Previous"},
        },
        "meta": {"count": len(submissions)},
    }


def _prolific(submission: Submission, now: datetime) -> dict[str, object]:
    stage = submission.stage(now)
    if stage in (Stage.PAID, Stage.REVERSED):  # Prolific shows the review's verdict for good
        stage = Stage[submission.outcome.name]
    study = submission.study
    left = stage in (Stage.RETURNED, Stage.TIMED_OUT, Stage.REJECTED)
    bonus = submission.bonus_given(now)
    done = stage is not Stage.ACTIVE and not left
    return {
        "id": submission.record_id,
        "status": _PROLIFIC_STATUS[stage],
        "participant_id": "5f0e1d2c3b4a59687766aabb",
        "study_id": submission.task_id,
        "study": {
            "id": submission.task_id,
            "name": study.title,
            "estimated_completion_time": study.minutes,
            "researcher": {"id": study.researcher.id, "name": study.researcher.name, "country": "GB"},
        },
        "started_at": _iso(submission.started_at),
        # Awaiting review, public clients' data shows no completion time: `time_taken` says how long it took.
        "completed_at": _iso(submission.submitted_at) if done and stage is not Stage.AWAITING_REVIEW else None,
        "is_complete": done,
        "time_taken": int((submission.submitted_at - submission.started_at).total_seconds()) if done else None,
        "returned_at": _iso(submission.submitted_at) if left else None,
        "submission_reward": _minor(submission.reward if stage is not Stage.AWAITING_REVIEW else study.reward),
        "submission_bonuses": [] if bonus is None else [_minor(bonus)],
        "is_trial_study": False,
    }


def mturk_status_details(payroll: Payroll, day: str, page: int) -> dict[str, object]:
    """`/status_details/YYYY-MM-DD?page_number=N`: the HITs submitted that (Pacific) day, 20 a page; none
    for a day older than `MTURK_DAYS_LISTED`."""
    now, submissions = payroll.history()
    listed = [
        (submission, _MTURK_STATE[stage])
        for submission in reversed(submissions)
        if _pacific_day(submission.submitted_at) == day
        and day >= _oldest_listed(now)
        and submission.submitted_at <= now
        and (stage := submission.stage(now)) in _MTURK_STATE
    ]
    shown = listed[(page - 1) * MTURK_PAGE_SIZE : page * MTURK_PAGE_SIZE]
    return {
        "page_number": page,
        "num_results": len(shown),
        "total_num_results": len(listed),
        "results": [
            {
                "assignment_id": submission.record_id,
                "hit_id": submission.task_id,
                "state": state,
                "title": submission.study.title,
                "requester_id": "A" + submission.study.researcher.id[:13].upper(),
                "requester_name": submission.study.researcher.name,
                "requester_feedback": None,
                "reward": {"currency_code": "USD", "amount_in_dollars": submission.study.reward.minor / 100},
            }
            for submission, state in shown
        ],
    }


def mturk_dashboard(payroll: Payroll) -> dict[str, object]:
    """`/dashboard`: per-day counts and rewards, newest first, for the days of the last `MTURK_DAYS_LISTED`
    with work in them, as the real one covers about 45 days."""
    now, submissions = payroll.history()
    days: dict[str, dict[str, int]] = {}
    for submission in submissions:
        stage = submission.stage(now)
        if submission.submitted_at > now or stage not in _MTURK_STATE:
            continue
        if _pacific_day(submission.submitted_at) < _oldest_listed(now):
            continue
        day = days.setdefault(_pacific_day(submission.submitted_at), dict.fromkeys(_COUNTS, 0))
        day["submitted"] += 1
        day[
            "pending" if stage is Stage.AWAITING_REVIEW else "rejected" if stage is Stage.REJECTED else "approved"
        ] += 1
        if stage is not Stage.AWAITING_REVIEW and stage is not Stage.REJECTED:
            day["hits"] += submission.study.reward.minor
        bonus = submission.bonus_given(now)
        day["bonus"] += 0 if bonus is None else bonus.minor
    overview = [
        {
            "date": f"{day}T00:00:00-08:00",
            "submitted": counts["submitted"],
            "approved": counts["approved"],
            "rejected": counts["rejected"],
            "pending": counts["pending"],
            "hits_rewards": counts["hits"] / 100,
            "bonus_rewards": counts["bonus"] / 100,
            "earnings": (counts["hits"] + counts["bonus"]) / 100,
        }
        for day, counts in sorted(days.items(), reverse=True)
    ]
    return {
        "available_earnings": {"currency_code": "USD", "amount_in_dollars": 0.0},
        "daily_hit_statistics_overview": overview,
    }


_COUNTS: Final = ("submitted", "approved", "rejected", "pending", "hits", "bonus")


def toloka_income_log(payroll: Payroll, page: int, size: int) -> list[dict[str, object]]:
    """`GET /api/worker/finance/income-log`: the days with submitted work, newest first, `size` days a page, each
    with its assignments' `income` (accepted), `blockedIncome` (under review) and `additionalReward` (a bonus).
    `id`, `poolId` and `title` are guesses beside those documented fields. Toloka takes nothing back once
    accepted, so a reversed submission stays accepted here."""
    now, submissions = payroll.history()
    days: dict[str, list[dict[str, object]]] = {}
    for submission in reversed(submissions):  # oldest first within a day
        stage = submission.stage(now)
        if stage in (Stage.ACTIVE, Stage.RETURNED, Stage.TIMED_OUT) or submission.submitted_at > now:
            continue
        waiting = stage is Stage.AWAITING_REVIEW
        bonus = submission.bonus_given(now)
        days.setdefault(submission.submitted_at.astimezone(UTC).date().isoformat(), []).append(
            {
                "id": submission.record_id,
                "poolId": int(submission.task_id),
                "title": submission.study.title,
                "income": _dollars(Money(0, "USD") if waiting else submission.reward),
                "blockedIncome": _dollars(submission.study.reward if waiting else Money(0, "USD")),
                "additionalReward": _dollars(bonus or Money(0, "USD")),
            }
        )
    listed = sorted(days.items(), reverse=True)[page * size : (page + 1) * size]
    return [{"date": day, "assignments": assignments} for day, assignments in listed]


def toloka_withdrawals(payroll: Payroll, page: int, size: int) -> dict[str, object]:
    """`GET /api/users/current/worker/transactions`, the withdrawal log, newest first, as a Spring page: on the
    first of each month the demo worker sends what she earned the month before to her wallet; it arrives two days
    later (`endDate`), and waits without one until then. `id` is a guess beside the documented `amount`,
    `startDate` and `endDate`."""
    now, submissions = payroll.history()
    earned: dict[tuple[int, int], int] = defaultdict(int)
    for submission in submissions:
        if submission.decided_at <= now and submission.stage(now) not in (Stage.REJECTED, Stage.RETURNED):
            decided = submission.decided_at.astimezone(UTC)
            earned[decided.year, decided.month] += (
                submission.reward.minor + (submission.bonus or Money(0, "USD")).minor
            )
    rows = []
    for (year, month), minor in sorted(earned.items(), reverse=True):
        start = datetime(year + month // 12, month % 12 + 1, 1, 10, tzinfo=UTC)
        if start > now or not minor:
            continue
        end = start + WITHDRAWAL_TAKES
        rows.append(
            {
                "id": f"w{year}{month:02d}",
                "amount": _dollars(Money(minor, "USD")),
                "startDate": _naive(start),
                "endDate": _naive(end) if end <= now else None,
            }
        )
    return {
        "content": rows[page * size : (page + 1) * size],
        "number": page,
        "size": size,
        "totalElements": len(rows),
        "last": (page + 1) * size >= len(rows),
    }


def _dollars(money: Money) -> str:
    """Toloka's amounts: the minor units as US cents, a decimal string such as "1.50"."""
    return str(_usd(money).as_decimal())


def _usd(money: Money) -> Money:
    """The demo's survey walls and Toloka pay the study's minor units as US cents."""
    return Money(money.minor, "USD")


def _minor(money: Money) -> dict[str, object]:
    return {"amount": money.minor, "currency": money.currency}


def _oldest_listed(now: datetime) -> str:
    """The oldest (Pacific) day MTurk still reports at `now`."""
    return _pacific_day(now - timedelta(days=MTURK_DAYS_LISTED - 1))


def _pacific_day(moment: datetime) -> str:
    return moment.astimezone(PACIFIC).strftime("%Y-%m-%d")


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _naive(moment: datetime) -> str:
    """Toloka's times: UTC without a zone, to the millisecond."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}"
