"""The ledger's current state: derived from the events alone, the same for any order of them."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from surveydesk.core.earnings import EntryHeader, Kind, Status, entry_id
from surveydesk.core.money import Money
from surveydesk.ledger.model import LedgerEntry, Source, attempt_of, current_state, event_id, make_event
from surveydesk.store import Database

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ENTRY = "prolific/demo/task/s1"


def _at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def event(source: Source, minutes: int, status: Status | None = None, pence: int | None = None, note=None):
    amount = None if pence is None else Money(pence, "GBP")
    return make_event(ENTRY, source, _at(minutes), _at(99), status, amount, note)


L, P, W = Source.LOCAL, Source.PLATFORM, Source.WORKER

CASES = [
    pytest.param([event(L, 0, Status.IN_PROGRESS, 150)], Status.IN_PROGRESS, 150, id="only-local"),
    pytest.param(
        [event(L, 0, Status.IN_PROGRESS, 150), event(L, 9, Status.SUBMITTED, 150)],
        Status.SUBMITTED,
        150,
        id="local-submitted",
    ),
    pytest.param(
        [event(L, 9, Status.SUBMITTED, 150), event(P, 5, Status.AWAITING_REVIEW, 150)],
        Status.AWAITING_REVIEW,
        150,
        id="platform-beats-local",
    ),
    pytest.param(
        [event(L, 30, Status.RETURNED, 0), event(P, 5, Status.AWAITING_REVIEW, 150)],
        Status.AWAITING_REVIEW,
        150,
        id="platform-beats-a-later-local-outcome",
    ),
    pytest.param(
        [event(P, 5, Status.APPROVED, 150), event(P, 5, Status.AWAITING_REVIEW, 150)],
        Status.APPROVED,
        150,
        id="higher-rank-wins-at-the-same-time",
    ),
    pytest.param(
        [event(P, 50, Status.AWAITING_REVIEW, 150), event(P, 5, Status.APPROVED, 150)],
        Status.APPROVED,
        150,
        id="rank-beats-time",
    ),
    pytest.param(
        [event(P, 5, Status.REJECTED, 0), event(P, 60, Status.APPROVED, 150)],
        Status.APPROVED,
        150,
        id="overturned-rejection",
    ),
    pytest.param(
        [event(P, 5, Status.APPROVED, 150), event(P, 60, Status.PAID, 150), event(P, 90, Status.REVERSED, 150)],
        Status.REVERSED,
        150,
        id="reversal-after-payment",
    ),
    pytest.param(
        [event(P, 5, Status.AWAITING_REVIEW, 150), event(P, 5, Status.APPROVED, 120)],
        Status.APPROVED,
        120,
        id="partially-approved-amount",
    ),
    pytest.param(
        [event(P, 5, Status.APPROVED, 150), event(W, 70, amount := None, 140)],
        Status.APPROVED,
        140,
        id="worker-amount-correction",
    ),
    pytest.param(
        [event(P, 5, Status.REJECTED, 0), event(W, 1, Status.APPROVED)],
        Status.APPROVED,
        0,
        id="worker-status-correction",
    ),
    pytest.param(
        [event(L, 0, Status.IN_PROGRESS, 150), event(L, 9, Status.SCREENED_OUT, 10)],
        Status.SCREENED_OUT,
        10,
        id="local-screen-out",
    ),
]


@pytest.mark.parametrize(("events", "status", "pence"), CASES)
def test_current_state_is_the_same_for_every_order_of_the_events(events, status, pence):
    for order in itertools.permutations(events):
        state = current_state(order)
        assert state.status is status
        assert state.amount == Money(pence, "GBP")


def test_the_latest_note_is_the_entrys_and_its_status_time_is_the_winning_events():
    events = [
        event(P, 5, Status.APPROVED, 150),
        event(W, 10, note="asked the researcher"),
        event(W, 20, note="paid after all"),
    ]
    state = current_state(reversed(events))
    assert state.note == "paid after all"
    assert state.status_at == _at(5)


def test_an_entry_needs_a_status():
    with pytest.raises(ValueError, match="status"):
        current_state([event(W, 1, note="a note alone")])


def test_ranks_follow_review():
    ordered = [Status.IN_PROGRESS, Status.SUBMITTED, Status.AWAITING_REVIEW, Status.APPROVED, Status.PAID]
    assert [status.rank for status in ordered] == sorted(status.rank for status in ordered)
    assert len({status.rank for status in ordered}) == len(ordered)
    decisions = {Status.APPROVED, Status.REJECTED, Status.RETURNED, Status.SCREENED_OUT}
    assert {status.rank for status in decisions} == {Status.APPROVED.rank}
    assert Status.REVERSED.rank > Status.PAID.rank


def test_event_ids_are_stable_and_say_what_the_event_says():
    first = event_id(ENTRY, P, T0, Status.APPROVED, Money(150, "GBP"), None)
    assert first == event_id(ENTRY, P, T0, Status.APPROVED, Money(150, "GBP"), None)
    assert make_event(ENTRY, P, T0, _at(5), Status.APPROVED, Money(150, "GBP")).id == first  # recorded_at aside
    others = {
        event_id(ENTRY, L, T0, Status.APPROVED, Money(150, "GBP"), None),
        event_id(ENTRY, P, _at(1), Status.APPROVED, Money(150, "GBP"), None),
        event_id(ENTRY, P, T0, Status.PAID, Money(150, "GBP"), None),
        event_id(ENTRY, P, T0, Status.APPROVED, Money(150, "USD"), None),
        event_id("prolific/demo/task/s2", P, T0, Status.APPROVED, Money(150, "GBP"), None),
    }
    assert first not in others and len(others) == 5


def test_entry_ids_name_the_task_or_the_record():
    assert entry_id("prolific", "me", Kind.TASK, "s1") == "prolific/me/task/s1"
    bonus = EntryHeader("prolific", "me", Kind.BONUS, T0, "GBP", task_id="s1", record_id="sub1/bonus/0")
    assert bonus.id == "prolific/me/bonus/sub1/bonus/0"
    with pytest.raises(ValueError, match="record id"):
        EntryHeader("prolific", "me", Kind.BONUS, T0, "GBP", task_id="s1")


def _entry(kind: Kind, status: Status, pence: int) -> LedgerEntry:
    return LedgerEntry("x", "bitlabs", "me", kind, "t", "r", "", "", None, T0, status, T0, Money(pence, "USD"), "")


def test_what_an_entry_earns_by_kind_and_status():
    assert _entry(Kind.TASK, Status.APPROVED, 150).earned == Money(150, "USD")
    assert _entry(Kind.TASK, Status.PAID, 150).earned == Money(150, "USD")
    assert _entry(Kind.TASK, Status.REVERSED, 150).earned == Money(0, "USD")
    assert _entry(Kind.TASK, Status.AWAITING_REVIEW, 150).earned == Money(0, "USD")
    assert _entry(Kind.TASK, Status.AWAITING_REVIEW, 150).pending == Money(150, "USD")
    assert _entry(Kind.REVERSAL, Status.REVERSED, -40).earned == Money(-40, "USD")
    assert _entry(Kind.ADJUSTMENT, Status.APPROVED, -15).earned == Money(-15, "USD")


def test_an_amount_that_changes_within_its_day_is_believed_in_the_order_it_was_read():
    first = make_event(ENTRY, P, T0, _at(1), Status.APPROVED, Money(110, "GBP"))
    later = make_event(ENTRY, P, T0, _at(60), Status.APPROVED, Money(50, "GBP"))  # the day's total, corrected
    assert first.id > later.id  # so the id alone would keep the first
    assert current_state([first, later]).amount == current_state([later, first]).amount == Money(50, "GBP")


def test_descriptions_merge_field_by_field_to_the_same_result_in_any_order():
    import itertools

    from surveydesk.ledger.model import merge_description

    said = [
        (("As listed", "Lab", "2026-03-01T10:00:00.000000+00:00", ""), "1110"),  # the worker's attempt
        (("As recorded", "", "2026-03-01T10:00:05.000000+00:00", "sub1"), "2022"),  # the platform
        (("Renamed", "", "2026-03-01T10:00:05.000000+00:00", "sub1"), "2022"),  # the platform, read later
        (("Old", "Old lab", "2026-02-01T00:00:00.000000+00:00", "x"), "0000"),  # stored before origins were kept
        (("", "", "2026-03-01T10:00:00.000000+00:00", ""), "0010"),
    ]
    results = set()
    for order in itertools.permutations(said):
        merged = order[0]
        for description in order[1:]:
            merged = merge_description(merged, description)
        results.add(merged)
    assert results == {
        (("As recorded", "Lab", "2026-03-01T10:00:05.000000+00:00", "sub1"), "2122"),
    }  # the platform's title and time, the attempt's requester; between two platform titles a fixed one


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param(
            [event(P, 0, Status.AWAITING_REVIEW), event(P, 60, Status.PRESUMED_APPROVED)],
            Status.PRESUMED_APPROVED,
            id="presumed-approved-over-waiting",
        ),
        pytest.param(
            [event(P, 0, Status.APPROVED), event(P, 60, Status.PRESUMED_PAID)],
            Status.PRESUMED_PAID,
            id="presumed-paid-over-approved",
        ),
        pytest.param(
            [event(P, 60, Status.PRESUMED_APPROVED), event(P, 0, Status.APPROVED)],
            Status.APPROVED,
            id="the-platforms-approval-replaces-the-presumption-whatever-its-date",
        ),
        pytest.param(
            [event(P, 60, Status.PRESUMED_APPROVED), event(P, 0, Status.REJECTED)],
            Status.REJECTED,
            id="so-does-its-rejection",
        ),
        pytest.param(
            [event(P, 60, Status.PRESUMED_PAID), event(P, 0, Status.PAID)],
            Status.PAID,
            id="and-its-payment",
        ),
        pytest.param(
            [event(P, 60, Status.PRESUMED_PAID), event(W, 61, Status.REJECTED)],
            Status.REJECTED,
            id="the-workers-correction-beats-a-presumption",
        ),
    ],
)
def test_a_presumption_holds_until_the_platform_says_that_step_or_a_later_one(events, expected):
    for order in itertools.permutations(events):
        assert current_state(order).status is expected


def test_presumed_statuses_count_as_earned_and_say_they_are_presumed():
    assert Status.PRESUMED_APPROVED.presumed and Status.PRESUMED_PAID.presumed
    assert not any(status.presumed for status in Status if status.name.split("_")[0] != "PRESUMED")
    entry = LedgerEntry("e", "mturk", "me", Kind.TASK, "h", "a", "HIT", "", None, T0, Status.PRESUMED_PAID, T0,
                        Money(150, "USD"), "")  # fmt: skip
    assert entry.earned == Money(150, "USD") and entry.pending == Money(0, "USD")


def test_the_attempt_of_an_entry_is_found_through_the_index_of_linked_entries(database: Database) -> None:
    """Read for every entry of an export: a scan of the ledger per entry made the export of 1,000,000 entries
    never end."""
    query = f"EXPLAIN QUERY PLAN SELECT {attempt_of('e')} FROM ledger_entries AS e"  # noqa: S608
    plan = database.connection().execute(query)
    details = [row[3] for row in plan]
    assert any("ledger_entries_linked" in detail for detail in details), details
    assert not any(detail.startswith("SCAN linked") for detail in details), details
