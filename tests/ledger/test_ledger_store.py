"""The ledger's tables: batches stored whole and once, derived state kept, cursors moved with their batch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from surveydesk.core.model import AccountKey
from surveydesk.core.money import Money
from surveydesk.ledger import CursorUpdate, EntryHeader, Kind, LedgerStore, Report, Source, Status
from surveydesk.ledger.claims import ClaimKind, ClaimOutcome, ClaimStore
from surveydesk.ledger.history import EntryFilter, History
from surveydesk.ledger.model import make_event
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store import Database
from surveydesk.work.reputation import Reviews, reputations

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ME = AccountKey("prolific", "me")


def task(study: str, title: str = "A study", **fields) -> EntryHeader:
    return EntryHeader("prolific", "me", Kind.TASK, T0, "GBP", task_id=study, title=title, **fields)


def _table(db: Database, name: str) -> list[tuple]:
    return db.connection().execute(f"SELECT * FROM {name} ORDER BY 1").fetchall()  # noqa: S608


@pytest.fixture
def ledger(database: Database) -> LedgerStore:
    return LedgerStore(database)


def test_a_batch_stored_twice_changes_nothing(ledger: LedgerStore, database: Database):
    reports = [
        Report(task("s1", requester="Lab"), T0, Status.AWAITING_REVIEW, Money(150, "GBP")),
        Report(task("s2"), T0, Status.APPROVED, Money(90, "GBP")),
    ]
    ledger.record(reports, Source.PLATFORM, T0)
    entries, events = _table(database, "ledger_entries"), _table(database, "ledger_events")
    ledger.record(reports, Source.PLATFORM, T0 + timedelta(hours=1))  # seen again later: the same events
    assert _table(database, "ledger_entries") == entries
    assert _table(database, "ledger_events") == events
    first = ledger.entry("prolific/me/task/s1")
    assert first is not None
    assert (first.status, first.amount, first.requester, first.title) == (
        Status.AWAITING_REVIEW, Money(150, "GBP"), "Lab", "A study",
    )  # fmt: skip


def test_a_new_status_appends_an_event_and_rederives_the_entry(ledger: LedgerStore):
    ledger.record([Report(task("s1"), T0, Status.AWAITING_REVIEW, Money(150, "GBP"))], Source.PLATFORM, T0)
    later = T0 + timedelta(days=2)
    ledger.record([Report(task("s1"), later, Status.APPROVED, Money(150, "GBP"))], Source.PLATFORM, later)
    entry = ledger.entry("prolific/me/task/s1")
    assert entry is not None and entry.status is Status.APPROVED and entry.status_at == later
    assert [event.status for event in ledger.events_of(entry.id)] == [Status.AWAITING_REVIEW, Status.APPROVED]


def test_the_worker_attempt_and_the_platform_submission_meet_in_one_entry(ledger: LedgerStore):
    ledger.record([Report(task("s1", attempt_id=None), T0, Status.SUBMITTED, Money(150, "GBP"))], Source.LOCAL, T0)
    ledger.record([Report(task("s1"), T0, Status.APPROVED, Money(140, "GBP"))], Source.PLATFORM, T0)
    (entry,) = ledger.entries(ME)
    assert entry.status is Status.APPROVED and entry.amount == Money(140, "GBP")


def test_a_failed_batch_stores_nothing_not_even_its_cursor(ledger: LedgerStore, database: Database):
    good = Report(task("s1"), T0, Status.APPROVED, Money(150, "GBP"))
    bad = Report(task("s2"), T0, Status.APPROVED, Money(150, "GBP"), note="\ud800")  # no UTF-8 for a surrogate
    with pytest.raises(UnicodeEncodeError):
        ledger.record([good, bad], Source.PLATFORM, T0, CursorUpdate(ME, "page=2"))
    assert _table(database, "ledger_entries") == [] and _table(database, "ledger_events") == []
    assert ledger.cursor(ME) == ""


def test_the_cursor_moves_with_its_batch_and_a_completed_run_is_the_last_sync(ledger: LedgerStore):
    report = Report(task("s1"), T0, Status.APPROVED, Money(150, "GBP"))
    ledger.record([report], Source.PLATFORM, T0, CursorUpdate(ME, "page=2"))
    assert (ledger.cursor(ME), ledger.last_sync(ME)) == ("page=2", None)
    ledger.record([], Source.PLATFORM, T0 + timedelta(minutes=1), CursorUpdate(ME, "", completed=True))
    assert (ledger.cursor(ME), ledger.last_sync(ME)) == ("", T0 + timedelta(minutes=1))
    ledger.set_cursor(CursorUpdate(ME, "page=3"), T0 + timedelta(minutes=2))
    assert (ledger.cursor(ME), ledger.last_sync(ME)) == ("page=3", T0 + timedelta(minutes=1))


def test_a_record_id_finds_its_entry_again(ledger: LedgerStore):
    header = task("s1", record_id="sub1")
    ledger.record([Report(header, T0, Status.AWAITING_REVIEW, Money(150, "GBP"))], Source.PLATFORM, T0)
    moved = task("s1-renamed", record_id="sub1")
    ledger.record([Report(moved, T0, Status.APPROVED, Money(150, "GBP"))], Source.PLATFORM, T0)
    (entry,) = ledger.entries(ME)
    assert entry.id == "prolific/me/task/s1" and entry.status is Status.APPROVED


def test_a_claimable_record_is_its_own_entry_and_the_attempt_with_its_title_and_amount_links_to_it(
    ledger: LedgerStore, database
):
    database.connection().execute(
        "INSERT INTO attempts (id, platform, account, external_id, title, reward_minor, reward_currency, "
        "started_at) VALUES (7, 'mturk', 'me', 'GROUP', 'Tag photos', 5, 'USD', '2026-03-01T12:00:00+00:00')"
    )
    local = EntryHeader("mturk", "me", Kind.TASK, T0, "USD", task_id="attempt-7", title="Tag photos", attempt_id=7)
    ledger.record([Report(local, T0, Status.SUBMITTED, Money(5, "USD"))], Source.LOCAL, T0)
    hit = EntryHeader(
        "mturk", "me", Kind.TASK, T0 + timedelta(hours=3), "USD", task_id="HIT1", record_id="ASSIGN1",
        title="Tag photos", claimable=True,
    )  # fmt: skip
    other = EntryHeader(
        "mturk", "me", Kind.TASK, T0, "USD", task_id="HIT2", record_id="ASSIGN2", title="Tag photos",
        claimable=True,
    )  # fmt: skip
    reports = [
        Report(hit, hit.occurred_at, Status.APPROVED, Money(5, "USD")),
        Report(other, T0, Status.PAID, Money(5, "USD")),
    ]
    ledger.record(reports, Source.PLATFORM, T0)
    claimed = ledger.entry_of_attempt(7)
    assert claimed is not None and claimed.id == "mturk/me/task/HIT1"  # named by the platform's ids alone
    assert (claimed.status, claimed.record_id) == (Status.APPROVED, "ASSIGN1")
    assert {entry.id for entry in ledger.entries()} == {"mturk/me/task/HIT1", "mturk/me/task/HIT2"}
    (link,) = [event for event in ledger.events_of("mturk/me/task/attempt-7") if event.link]
    assert link.link == "mturk/me/task/HIT1" and link.status is None and link.amount is None
    totals = database.connection().execute("SELECT sum(entries), sum(amount_minor) FROM ledger_day_totals")
    assert totals.fetchone() == (2, 10)  # the attempt's money is counted once, under the platform's entry
    ledger.record(reports, Source.PLATFORM, T0)  # the next run changes nothing
    assert len(ledger.entries()) == 2
    assert len(ledger.events_of("mturk/me/task/attempt-7")) == 2
    history = History(database)
    assert [row.id for row in history.page(EntryFilter(), sort="time")] == [
        "mturk/me/task/HIT1",
        "mturk/me/task/HIT2",
    ]
    assert history.count(EntryFilter()) == history.count(EntryFilter(text="Tag")) == 2


def _attempt_entry(ledger: LedgerStore, title: str, at: datetime, minor: int = 5) -> str:
    local = EntryHeader("mturk", "me", Kind.TASK, at, "USD", task_id=f"attempt-{title}-{at:%H%M}", title=title)
    ledger.record([Report(local, at, Status.SUBMITTED, Money(minor, "USD"))], Source.LOCAL, at)
    return local.id


def _hit(ledger: LedgerStore, hit: str, title: str, at: datetime, minor: int = 5) -> str:
    header = EntryHeader(
        "mturk", "me", Kind.TASK, at, "USD", task_id=hit, record_id=f"A-{hit}", title=title, claimable=True
    )
    ledger.record([Report(header, at, Status.APPROVED, Money(minor, "USD"))], Source.PLATFORM, at)
    return header.id


def test_an_attempt_links_only_to_a_record_of_its_title_and_amount_near_it_and_one_record_takes_one_attempt(
    ledger: LedgerStore,
):
    first = _attempt_entry(ledger, "Tag", T0)
    _hit(ledger, "FAR", "Tag", T0 + timedelta(days=3))  # too late to be its record
    _hit(ledger, "OTHER", "Tag others", T0)  # another title
    _hit(ledger, "MORE", "Tag", T0, minor=6)  # another amount
    assert ledger.entry(first).status is Status.SUBMITTED and len(ledger.entries()) == 4
    hit = _hit(ledger, "NEAR", "Tag", T0 + timedelta(hours=5))
    second = _attempt_entry(ledger, "Tag", T0 + timedelta(hours=1))  # the same HIT twice? One record, one link
    assert [event.link for event in ledger.events_of(first) if event.link] == [hit]
    assert not any(event.link for event in ledger.events_of(second))
    assert {entry.id for entry in ledger.entries()} == {
        second,
        hit,
        *(f"mturk/me/task/{h}" for h in ("FAR", "OTHER", "MORE")),
    }


def test_a_link_received_before_the_platforms_record_hides_the_attempt_and_the_record_counts_it(
    ledger: LedgerStore,
):
    attempt = _attempt_entry(ledger, "Tag", T0)
    link = make_event(attempt, Source.LOCAL, T0, T0, link="mturk/me/task/HIT9")
    ledger.apply_foreign([], [link])
    assert ledger.entries() == []
    _hit(ledger, "HIT9", "Tag", T0)
    assert [entry.id for entry in ledger.entries()] == ["mturk/me/task/HIT9"]


def test_a_correction_is_believed_and_the_platforms_events_stay(ledger: LedgerStore):
    ledger.record([Report(task("s1"), T0, Status.REJECTED, Money(0, "GBP"))], Source.PLATFORM, T0)
    ledger.correct("prolific/me/task/s1", T0 + timedelta(days=1), Status.APPROVED, Money(150, "GBP"))
    ledger.add_note("prolific/me/task/s1", "the researcher agreed to pay", T0 + timedelta(days=1))
    entry = ledger.entry("prolific/me/task/s1")
    assert entry is not None
    assert (entry.status, entry.amount, entry.note) == (
        Status.APPROVED, Money(150, "GBP"), "the researcher agreed to pay",
    )  # fmt: skip
    sources = [event.source for event in ledger.events_of(entry.id)]
    assert sources.count(Source.PLATFORM) == 1 and sources.count(Source.WORKER) == 2
    with pytest.raises(KeyError):
        ledger.add_note("prolific/me/task/nope", "x", T0)


def test_foreign_events_take_the_same_path_and_are_not_doubled(ledger: LedgerStore, database: Database):
    header = task("s1")
    ledger.record([Report(header, T0, Status.AWAITING_REVIEW, Money(150, "GBP"))], Source.PLATFORM, T0)
    ours = ledger.events_of(header.id)
    theirs = make_event(header.id, Source.PLATFORM, T0 + timedelta(days=1), T0, Status.APPROVED, Money(150, "GBP"))
    other_computer = T0 + timedelta(days=5)  # recorded there at another time: still the same event
    same_as_ours = make_event(
        header.id, Source.PLATFORM, T0, other_computer, Status.AWAITING_REVIEW, Money(150, "GBP")
    )
    ledger.apply_foreign([header], [theirs, same_as_ours])
    assert len(ledger.events_of(header.id)) == len(ours) + 1
    entry = ledger.entry(header.id)
    assert entry is not None and entry.status is Status.APPROVED


def test_attempts_enter_the_ledger_as_local_events_once(database: Database, ledger: LedgerStore):
    from surveydesk.ledger.attempts import AttemptIngest
    from surveydesk.work.model import NewAttempt, Outcome
    from surveydesk.work.store import WorkLog
    from surveydesk.work.timekeeper import Timekeeper
    from tests.factories import FixedClock

    clock = FixedClock(T0)
    keeper = Timekeeper(WorkLog(database), clock)
    ingest = AttemptIngest(database, ledger, BUILT_IN.shares_task_ids)
    study = keeper.take(NewAttempt("prolific", "me", "s1", "A study", "Lab", Money(150, "GBP"), 2700))
    hit = keeper.take(NewAttempt("mturk", "me", "GROUP1", "Tag photos", "Req", Money(5, "USD"), 600))
    assert ingest.ingest(clock.now()) == 2
    assert ingest.ingest(clock.now()) == 0
    clock.advance(600)
    keeper.finish(study.id, Outcome.SUBMITTED)
    keeper.finish(hit.id, Outcome.ABANDONED)
    assert ingest.ingest(clock.now()) == 2
    submitted = ledger.entry("prolific/me/task/s1")
    assert submitted is not None and submitted.attempt_id == study.id
    assert (submitted.status, submitted.amount, submitted.requester) == (
        Status.SUBMITTED,
        Money(150, "GBP"),
        "Lab",
    )
    abandoned = ledger.entry_of_attempt(hit.id)
    assert abandoned is not None and abandoned.id.startswith("mturk/me/task/attempt-")
    assert (abandoned.status, abandoned.amount) == (Status.RETURNED, Money(0, "USD"))
    # The platform's word comes later and beats the attempt's.
    ledger.record([Report(task("s1"), T0, Status.APPROVED, Money(150, "GBP"))], Source.PLATFORM, T0)
    database.connection().execute("DELETE FROM settings")  # the mark lost: ingesting again changes nothing
    events = len(ledger.events_of("prolific/me/task/s1"))
    assert ingest.ingest(clock.now()) == 2
    assert len(ledger.events_of("prolific/me/task/s1")) == events
    assert ledger.entry("prolific/me/task/s1").status is Status.APPROVED


def test_an_entry_stored_before_migration_9_keeps_its_totals_and_takes_the_platforms_description(tmp_path):
    from surveydesk.core.clock import utc_iso
    from surveydesk.store.migrations import MIGRATIONS

    path = tmp_path / "v8.sqlite3"
    old = Database.open(path, MIGRATIONS[:8])
    with old.transaction() as connection:  # as the ledger of version 8 wrote it
        connection.execute(
            "INSERT INTO ledger_entries (id, platform, account, kind, task_id, title, occurred_at, day, status, "
            "status_at, amount_minor, currency) VALUES ('prolific/me/task/s1', 'prolific', 'me', 'task', 's1', "
            "'As listed', ?, ?, 'submitted', ?, 150, 'GBP')",
            (utc_iso(T0), utc_iso(T0)[:10], utc_iso(T0)),
        )
    totals = "SELECT day, status, amount_minor, entries FROM ledger_day_totals WHERE entries"
    before = old.connection().execute(totals).fetchall()
    old.close()
    upgraded = Database.open(path)
    try:
        connection = upgraded.connection()
        assert connection.execute("SELECT described_by, linked_to FROM ledger_entries").fetchall() == [
            ("0000", "")
        ]
        assert connection.execute(totals).fetchall() == before
        recorded = EntryHeader("prolific", "me", Kind.TASK, T0, "GBP", task_id="s1", title="As recorded")
        LedgerStore(upgraded).record(
            [Report(recorded, T0, Status.APPROVED, Money(150, "GBP"))], Source.PLATFORM, T0
        )
        (entry,) = LedgerStore(upgraded).entries()
        assert (entry.title, entry.status) == ("As recorded", Status.APPROVED)
        assert connection.execute(totals).fetchall() == [(before[0][0], "approved", 150, 1)]
    finally:
        upgraded.close()


def test_each_requester_s_reviews_count_decided_tasks_once(ledger: LedgerStore):
    ledger.record(
        [
            Report(task("s1", requester="Lab"), T0, Status.APPROVED, Money(150, "GBP")),
            Report(task("s2", requester="Lab"), T0, Status.PAID, Money(150, "GBP")),
            Report(task("s3", requester="Lab"), T0, Status.REJECTED, Money(150, "GBP")),
            Report(task("s4", requester="Lab"), T0, Status.AWAITING_REVIEW, Money(150, "GBP")),
            Report(task("s5", requester="Other lab"), T0, Status.SUBMITTED, Money(90, "GBP")),
            Report(task("s6", requester="Kind lab"), T0, Status.APPROVED, Money(90, "GBP")),
        ],
        Source.PLATFORM,
        T0,
    )
    ledger.record(
        [Report(task("s6", requester="Kind lab"), T0, Status.REVERSED, Money(90, "GBP"))], Source.PLATFORM, T0
    )
    assert ledger.reviews_by_requester() == {
        ("prolific", "Lab"): Reviews(approved=2, rejected=1),
        ("prolific", "Kind lab"): Reviews(rejected=1),
    }


def test_a_claim_refused_or_unanswered_counts_against_the_requester_and_one_paid_for_them(
    ledger: LedgerStore, database: Database
):
    """A requester who refused her claim reads worse than one with the same reviews and no claim."""
    rejected = [Report(task(f"s{n}", requester=lab), T0, Status.REJECTED, Money(150, "GBP"))
                for n, lab in enumerate(("Lab", "Lab", "Lab", "Fair lab", "Other lab"))]  # fmt: skip
    ledger.record(rejected, Source.PLATFORM, T0)
    before = reputations([], ledger.reviews_by_requester())
    claims = ClaimStore(database)
    ids = {entry.task_id: entry.id for entry in ledger.entries()}
    entries = [ids[f"s{n}"] for n in range(4)]
    claims.refresh(dict.fromkeys(entries, ClaimKind.REJECTED), T0)
    claims.record_outcome(entries[0], ClaimOutcome.REFUSED, T0)
    claims.record_outcome(entries[1], ClaimOutcome.NO_ANSWER, T0)
    claims.record_outcome(entries[2], ClaimOutcome.PAID, T0)
    claims.record_outcome(entries[3], ClaimOutcome.PAID, T0)

    reviews = ledger.reviews_by_requester()
    assert reviews[("prolific", "Lab")] == Reviews(rejected=3, claims_paid=1, claims_unpaid=2)
    assert reviews[("prolific", "Fair lab")] == Reviews(rejected=1, claims_paid=1)
    assert reviews[("prolific", "Other lab")] == Reviews(rejected=1)  # no claim: as before
    after = reputations([], reviews)
    assert before[("prolific", "Lab")].describe() == "3 of 3 rejected"
    assert after[("prolific", "Lab")].describe() == "3 of 3 rejected · 2 of 3 claims unpaid"
    assert after[("prolific", "Fair lab")].describe() == "1 of 1 rejected · 1 claim paid"


def test_what_a_platform_stopped_reporting_while_under_way_is_presumed_settled(ledger: LedgerStore):
    """MTurk's records cover about 45 days: past them, waiting becomes presumed approved and approved presumed
    paid; settled records, newer ones and the worker's own attempts are left as they are."""
    old, edge, new = T0, T0 + timedelta(days=30), T0 + timedelta(days=31)

    def hit(name: str, at: datetime) -> EntryHeader:
        return EntryHeader("mturk", "me", Kind.TASK, at, "USD", task_id=name, record_id=f"a-{name}", title=name)

    ledger.record(
        [
            Report(hit("waiting", old), old, Status.AWAITING_REVIEW, Money(150, "USD")),
            Report(hit("approved", old), old, Status.APPROVED, Money(150, "USD")),
            Report(hit("paid", old), old, Status.PAID, Money(150, "USD")),
            Report(hit("rejected", old), old, Status.REJECTED, Money(150, "USD")),
            Report(hit("recent", new), new, Status.AWAITING_REVIEW, Money(150, "USD")),
        ],
        Source.PLATFORM,
        new,
    )
    attempt = EntryHeader("mturk", "me", Kind.TASK, old, "USD", task_id="attempt-1", title="mine")
    ledger.record([Report(attempt, old, Status.SUBMITTED, Money(150, "USD"))], Source.LOCAL, old)

    touched = ledger.presume_unreported(AccountKey("mturk", "me"), edge, new)
    statuses = {entry.task_id: entry.status for entry in ledger.entries(AccountKey("mturk", "me"))}

    assert sorted(touched) == ["mturk/me/task/approved", "mturk/me/task/waiting"]
    assert statuses == {
        "waiting": Status.PRESUMED_APPROVED, "approved": Status.PRESUMED_PAID, "paid": Status.PAID,
        "rejected": Status.REJECTED, "recent": Status.AWAITING_REVIEW, "attempt-1": Status.SUBMITTED,
    }  # fmt: skip
    assert ledger.presume_unreported(AccountKey("mturk", "me"), edge + timedelta(days=1), new) == []

    late = T0 + timedelta(days=60)  # the platform speaks of one after all: its word replaces the presumption
    ledger.record([Report(hit("waiting", old), old, Status.APPROVED, Money(150, "USD"))], Source.PLATFORM, late)
    entry = ledger.entry("mturk/me/task/waiting")
    assert entry is not None and entry.status is Status.APPROVED
