"""Claims for money owed: each kind found in a ledger made for it and not where it should not be, the claims' table
and its migration, and a claim that closes itself when the platform pays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from surveydesk.core.clock import utc_iso
from surveydesk.core.earnings import EntryHeader, Kind, Report, ReviewDeadline, Status
from surveydesk.core.money import Money
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.claims import HORIZON, ClaimKind, ClaimOutcome, ClaimStore, find
from surveydesk.ledger.forecast import timelines
from surveydesk.ledger.model import Source
from surveydesk.ledger.store import LedgerStore
from surveydesk.store import Database
from surveydesk.store.migrations import MIGRATIONS
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
DAY = timedelta(days=1)
PROLIFIC_RULE = {"prolific": ReviewDeadline(timedelta(days=21), "Prolific's help centre")}
SUPPORT = "BitLabs' form to claim a missing reward: https://support.bitlabs.example/form?tx=7"


@pytest.fixture
def ledger(database: Database) -> LedgerStore:
    return LedgerStore(database)


def report(task: str, at: datetime, status: Status, minor: int = 150, platform: str = "prolific",
           note: str | None = None, kind: Kind = Kind.TASK, record: str = "") -> Report:  # fmt: skip
    header = EntryHeader(platform, "me@example.org", kind, at, "GBP", task_id=task, record_id=record,
                         title=f"Study {task}", requester="Lab")  # fmt: skip
    return Report(header, at, status, Money(minor, "GBP"), note)


def timed(database: Database, task: str, started: datetime, worked_minutes: float, outcome: Outcome,
          estimate: int | None = 10, platform: str = "prolific", code: str | None = None) -> None:  # fmt: skip
    """An attempt timed here: taken at `started`, worked `worked_minutes`, ended with `outcome`, in the ledger."""
    work = WorkLog(database)
    new = NewAttempt(platform, "me@example.org", task, f"Study {task}", "Lab", Money(150, "GBP"), None, estimate)
    attempt = work.add_attempt(None, new, started)
    stretch = work.open_stretch("attempt", attempt, started)
    ended = started + timedelta(minutes=worked_minutes)
    work.close_stretch(stretch, worked_minutes * 60, ended)
    work.end_attempt(attempt, outcome, ended, None, code)
    AttemptIngest(database, LedgerStore(database), lambda _platform: True).ingest(ended)


def found(database: Database, now: datetime = NOW) -> dict[str, ClaimKind]:
    return find(database, timelines(database), PROLIFIC_RULE, now)


def test_a_rejection_is_a_claim_and_an_approval_is_not(database: Database, ledger: LedgerStore):
    ledger.record([report("s1", NOW - 3 * DAY, Status.AWAITING_REVIEW), report("s1", NOW - DAY, Status.REJECTED),
                   report("s2", NOW - 3 * DAY, Status.APPROVED)], Source.PLATFORM, NOW)  # fmt: skip
    assert found(database) == {"prolific/me@example.org/task/s1": ClaimKind.REJECTED}


def test_a_rejection_older_than_the_horizon_is_not_listed(database: Database, ledger: LedgerStore):
    ledger.record([report("s1", NOW - HORIZON - DAY, Status.REJECTED)], Source.PLATFORM, NOW)
    assert found(database) == {}


def test_a_submission_unreviewed_past_the_platform_s_deadline_is_overdue(database: Database, ledger: LedgerStore):
    ledger.record([report("late", NOW - 22 * DAY, Status.AWAITING_REVIEW),
                   report("fresh", NOW - 20 * DAY, Status.AWAITING_REVIEW)], Source.PLATFORM, NOW)  # fmt: skip
    assert found(database) == {"prolific/me@example.org/task/late": ClaimKind.OVERDUE}


def test_a_wall_s_complete_unpaid_past_its_usual_delay_is_overdue(database: Database, ledger: LedgerStore):
    """BitLabs has no documented deadline: its usual delay is the worker's own history (ten credits after a
    day), so a complete waiting three days is overdue and one waiting half a day is not."""
    for index in range(10):
        at = NOW - (30 + index) * DAY
        ledger.record([report(f"w{index}", at, Status.AWAITING_REVIEW, platform="bitlabs"),
                       report(f"w{index}", at + DAY, Status.APPROVED, platform="bitlabs")],
                      Source.PLATFORM, NOW)  # fmt: skip
    ledger.record([report("waits", NOW - 3 * DAY, Status.AWAITING_REVIEW, platform="bitlabs", note=SUPPORT),
                   report("new", NOW - DAY / 2, Status.AWAITING_REVIEW, platform="bitlabs")],
                  Source.PLATFORM, NOW)  # fmt: skip
    assert found(database) == {"bitlabs/me@example.org/task/waits": ClaimKind.OVERDUE}


def test_without_history_or_deadline_nothing_is_said_to_be_overdue(database: Database, ledger: LedgerStore):
    ledger.record([report("w", NOW - 60 * DAY, Status.AWAITING_REVIEW, platform="cpx")], Source.PLATFORM, NOW)
    assert found(database) == {}


def test_a_screen_out_after_many_minutes_is_unpaid_time_and_a_quick_one_is_not(database: Database):
    timed(database, "slow", NOW - 2 * DAY, 14, Outcome.SCREENED_OUT)
    timed(database, "quick", NOW - 2 * DAY, 2, Outcome.SCREENED_OUT)
    timed(database, "gave-up", NOW - 2 * DAY, 25, Outcome.TIMED_OUT)
    assert found(database) == {
        "prolific/me@example.org/task/slow": ClaimKind.UNPAID_TIME,
        "prolific/me@example.org/task/gave-up": ClaimKind.UNPAID_TIME,
    }


def test_the_platform_s_own_time_counts_as_evidence(database: Database, ledger: LedgerStore):
    """Prolific's time_taken says 40 minutes for a 10-minute study the timer did not time: an overrun."""
    header = report("s1", NOW - DAY, Status.APPROVED).header
    ledger.record([Report(header, NOW - DAY, Status.AWAITING_REVIEW, Money(150, "GBP"), platform_seconds=2400)],
                  Source.PLATFORM, NOW)  # fmt: skip
    timed(database, "s2", NOW - DAY, 9, Outcome.SUBMITTED)  # both estimated at 10 minutes
    timed(database, "s1", NOW - DAY, 12, Outcome.SUBMITTED)
    assert found(database) == {"prolific/me@example.org/task/s1": ClaimKind.OVERRUN}


def test_an_overrun_by_the_timer_is_found_and_a_small_one_is_not(database: Database):
    timed(database, "long", NOW - DAY, 31, Outcome.SUBMITTED, estimate=15)
    timed(database, "a-bit-long", NOW - DAY, 25, Outcome.SUBMITTED, estimate=15)
    timed(database, "short-estimate", NOW - DAY, 9, Outcome.SUBMITTED, estimate=4)
    assert found(database) == {"prolific/me@example.org/task/long": ClaimKind.OVERRUN}


def test_a_claim_closes_itself_when_the_platform_pays_the_same_entry(database: Database, ledger: LedgerStore):
    ledger.record([report("s1", NOW - 2 * DAY, Status.REJECTED)], Source.PLATFORM, NOW)
    claims = ClaimStore(database)
    claims.refresh(found(database), NOW)
    claims.mark_sent("prolific/me@example.org/task/s1", NOW)
    (claim,) = claims.claims(timelines(database))
    assert (claim.kind, claim.open, claim.sent_at) == (ClaimKind.REJECTED, True, NOW)

    later = NOW + 2 * DAY
    ledger.record([report("s1", later, Status.APPROVED)], Source.PLATFORM, later)
    claims.refresh(found(database, later), later)
    (claim,) = claims.claims(timelines(database))
    assert (claim.outcome, claim.outcome_at, claim.status) == (ClaimOutcome.PAID, later, Status.APPROVED)
    assert [entry.id for entry in ledger.entries()] == ["prolific/me@example.org/task/s1"]  # no second entry


def test_an_overrun_closes_when_a_bonus_for_its_task_is_paid(database: Database, ledger: LedgerStore):
    timed(database, "long", NOW - DAY, 40, Outcome.SUBMITTED, estimate=15)
    claims = ClaimStore(database)
    claims.refresh(found(database), NOW)
    ledger.record([report("long", NOW, Status.APPROVED)], Source.PLATFORM, NOW)
    claims.refresh(found(database), NOW)
    assert claims.claims(timelines(database))[0].open  # approved for its reward: the extra time is still owed

    bonus = report("long", NOW + DAY, Status.PAID, minor=100, kind=Kind.BONUS, record="b1")
    ledger.record([bonus], Source.PLATFORM, NOW + DAY)
    claims.refresh(found(database, NOW + DAY), NOW + DAY)
    (claim,) = claims.claims(timelines(database))
    assert (claim.outcome, claim.outcome_at) == (ClaimOutcome.PAID, NOW + DAY)


def test_the_worker_s_outcome_is_kept_and_a_closed_claim_is_not_reopened(database: Database, ledger: LedgerStore):
    ledger.record([report("s1", NOW - 2 * DAY, Status.REJECTED), report("s2", NOW - DAY, Status.REJECTED)],
                  Source.PLATFORM, NOW)  # fmt: skip
    claims = ClaimStore(database)
    claims.refresh(found(database), NOW)
    claims.record_outcome("prolific/me@example.org/task/s1", ClaimOutcome.REFUSED, NOW)
    claims.refresh(found(database), NOW + DAY)
    listed = claims.claims(timelines(database))
    assert [(claim.title, claim.outcome) for claim in listed] == [
        ("Study s2", None), ("Study s1", ClaimOutcome.REFUSED)
    ]  # fmt: skip
    with pytest.raises(KeyError):
        claims.mark_sent("prolific/me@example.org/task/nothing", NOW)


def test_the_route_is_the_link_the_platform_left_in_the_entry(database: Database, ledger: LedgerStore):
    ledger.record([report("s1", NOW - DAY, Status.REJECTED, platform="bitlabs", note=SUPPORT),
                   report("s2", NOW - DAY, Status.REJECTED)], Source.PLATFORM, NOW)  # fmt: skip
    claims = ClaimStore(database)
    claims.refresh(found(database), NOW)
    routes = {claim.platform: claim.route for claim in claims.claims(timelines(database))}
    assert routes == {"bitlabs": "https://support.bitlabs.example/form?tx=7", "prolific": ""}


def test_the_evidence_is_what_was_measured(database: Database, ledger: LedgerStore):
    timed(database, "s1", NOW - DAY, 35, Outcome.SUBMITTED, estimate=12, code="C1A2B3C4")
    header = report("s1", NOW - DAY, Status.AWAITING_REVIEW).header
    submitted = NOW - DAY + timedelta(minutes=35)
    ledger.record([Report(header, submitted, Status.AWAITING_REVIEW, Money(150, "GBP"), platform_seconds=2000)],
                  Source.PLATFORM, NOW)  # fmt: skip
    claims = ClaimStore(database)
    claims.refresh(found(database), NOW)
    (claim,) = claims.claims(timelines(database))
    evidence = claim.evidence
    assert (evidence.taken_at, evidence.submitted_at) == (NOW - DAY, submitted)
    assert (evidence.worked_seconds, evidence.platform_seconds, evidence.estimated_minutes) == (2100, 2000, 12)
    assert evidence.spent_seconds == 2100
    assert evidence.completion_code == "C1A2B3C4"  # pasted when she submitted, kept with her attempt


def test_an_overrun_by_the_platform_s_own_counts_needs_no_timer(database: Database, ledger: LedgerStore):
    """Prolific's record alone: its study said 10 minutes, its `time_taken` says 40."""
    header = report("s1", NOW - DAY, Status.APPROVED).header
    ledger.record([Report(header, NOW - DAY, Status.APPROVED, Money(150, "GBP"), platform_seconds=2400,
                          estimated_minutes=10)], Source.PLATFORM, NOW)  # fmt: skip
    assert found(database) == {header.id: ClaimKind.OVERRUN}
    evidence = ClaimStore(database)
    evidence.refresh(found(database), NOW)
    assert evidence.claims(timelines(database))[0].evidence.estimated_minutes == 10


def test_migration_13_gives_a_version_12_file_the_platform_s_estimate(tmp_path: Path):
    path = tmp_path / "v12.sqlite3"
    Database.open(path, MIGRATIONS[:12]).close()
    upgraded = Database.open(path)
    try:
        header = report("s1", NOW - DAY, Status.APPROVED).header
        measured = Report(header, NOW - DAY, Status.APPROVED, Money(150, "GBP"), platform_seconds=2400,
                          estimated_minutes=10)  # fmt: skip
        LedgerStore(upgraded).record([measured], Source.PLATFORM, NOW)
        assert found(upgraded) == {header.id: ClaimKind.OVERRUN}
    finally:
        upgraded.close()


def test_migration_16_gives_a_version_15_file_s_attempts_a_completion_code(tmp_path: Path):
    path = tmp_path / "v15.sqlite3"
    old = Database.open(path, MIGRATIONS[:15])
    with old.transaction() as connection:  # an attempt ended before there was a code to keep
        connection.execute(
            "INSERT INTO attempts (platform, account, external_id, title, reward_minor, reward_currency, "
            "started_at, ended_at, outcome) VALUES ('prolific', 'me', 'before', 'Study', 150, 'GBP', ?, ?, "
            "'submitted')",
            (utc_iso(NOW - DAY), utc_iso(NOW - DAY)),
        )
    old.close()
    upgraded = Database.open(path)
    try:
        work = WorkLog(upgraded)
        (before,) = work.attempts_between(NOW - 2 * DAY, NOW)
        assert before.completion_code is None
        later = work.add_attempt(None, NewAttempt("prolific", "me", "after", "Study", "Lab", Money(150, "GBP"),
                                                   None), NOW)  # fmt: skip
        work.end_attempt(later, Outcome.SUBMITTED, NOW, None, "C1A2B3C4")
        assert work.attempt(later).completion_code == "C1A2B3C4"
    finally:
        upgraded.close()


def test_migration_12_adds_the_claims_table_to_a_version_11_file(tmp_path: Path):
    path = tmp_path / "v11.sqlite3"
    old = Database.open(path, MIGRATIONS[:11])
    assert not old.connection().execute("SELECT 1 FROM sqlite_master WHERE name = 'claims'").fetchall()
    LedgerStore(old).record([report("s1", NOW - DAY, Status.REJECTED)], Source.PLATFORM, NOW)
    old.close()
    upgraded = Database.open(path)
    try:
        assert upgraded.connection().execute("PRAGMA user_version").fetchone()[0] >= 12
        claims = ClaimStore(upgraded)
        claims.refresh(found(upgraded), NOW)
        assert [claim.kind for claim in claims.claims(timelines(upgraded))] == [ClaimKind.REJECTED]
    finally:
        upgraded.close()
