"""Claims, their outcome and the platform's own times travel between the worker's computers through a real
CouchDB-compatible server (PouchDB Server), and conflicting edits of a claim end the same on both."""

from __future__ import annotations

from pathlib import Path

from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.money import Money
from surveydesk.ledger.claims import ClaimKind, ClaimOutcome, ClaimRecord, ClaimStore
from surveydesk.ledger.forecast import timelines
from surveydesk.ledger.model import Source
from tests.couch_server import CouchServer
from tests.factories import T0
from tests.sync_helpers import Computer, settle

ENTRY = "prolific/me/task/s1"


def _timed_submission(computer: Computer, study: str, seconds: int | None, minutes: int | None) -> None:
    """A Prolific submission as its reader reports it: with the platform's own count of time and estimate."""
    header = EntryHeader("prolific", "me", Kind.TASK, T0, "GBP", task_id=study, title="A long study")
    report = Report(header, computer.clock.now(), Status.REJECTED, Money(150, "GBP"), None, seconds, minutes)
    computer.ledger.record([report], Source.PLATFORM, computer.clock.now())


def _claims(computer: Computer) -> list[ClaimRecord]:
    store = ClaimStore(computer.db)
    return store.records(store.entry_ids())


def _times(computer: Computer) -> dict[str, tuple[int | None, int | None]]:
    return computer.ledger.measured([str(entry[0]) for entry in computer.history()])


def test_a_claim_its_outcome_and_the_platform_s_time_reach_the_other_computer(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    _timed_submission(laptop, "s1", 3540, 20)
    claims = ClaimStore(laptop.db)
    claims.refresh({ENTRY: ClaimKind.REJECTED}, laptop.clock.now())
    laptop.later(5)
    claims.mark_sent(ENTRY, laptop.clock.now())
    laptop.later(60 * 24 * 3)
    claims.record_outcome(ENTRY, ClaimOutcome.REFUSED, laptop.clock.now())

    settle(server, laptop, desktop)

    assert _claims(desktop) == _claims(laptop)
    assert _claims(desktop)[0].outcome is ClaimOutcome.REFUSED
    assert _times(desktop) == _times(laptop) == {ENTRY: (3540, 20)}
    assert desktop.history() == laptop.history()
    assert server.conflicts("log") == {}


def test_the_platform_s_time_learnt_after_the_entry_travels_too(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    _timed_submission(laptop, "s1", None, None)
    settle(server, laptop, desktop)
    assert _times(desktop) == {}

    laptop.later(60)
    _timed_submission(laptop, "s1", 1260, None)  # a later reply of the platform says how long it took
    settle(server, laptop, desktop)

    assert _times(desktop) == {ENTRY: (1260, None)}


def test_times_both_computers_learnt_end_the_same_on_both(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    _timed_submission(laptop, "s1", 600, None)
    _timed_submission(desktop, "s1", 660, 15)

    settle(server, laptop, desktop)

    assert _times(laptop) == _times(desktop) == {ENTRY: (660, 15)}
    assert server.conflicts("log") == {}


def test_outcomes_recorded_on_both_computers_offline_keep_the_latest_on_both(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    _timed_submission(laptop, "s1", 3540, 20)
    ClaimStore(laptop.db).refresh({ENTRY: ClaimKind.REJECTED}, laptop.clock.now())
    settle(server, laptop, desktop)

    ClaimStore(laptop.db).record_outcome(ENTRY, ClaimOutcome.NO_ANSWER, laptop.clock.now())
    desktop.later(60 * 24)
    _later_on_the_database_clock(desktop)  # the desktop's word comes later (`changed_at`), so it wins
    ClaimStore(desktop.db).record_outcome(ENTRY, ClaimOutcome.PAID, desktop.clock.now())

    settle(server, laptop, desktop)

    assert _claims(laptop) == _claims(desktop)
    assert _claims(laptop)[0].outcome is ClaimOutcome.PAID
    assert server.conflicts("log") == {}


def test_a_claim_that_arrives_before_its_entry_waits_for_it_and_is_then_kept(
    server: CouchServer, laptop: Computer, tmp_path: Path
):
    _timed_submission(laptop, "s1", 3540, 20)
    ClaimStore(laptop.db).refresh({ENTRY: ClaimKind.REJECTED}, laptop.clock.now())
    laptop.sync(server)
    laptop.later(60)
    laptop.report("s1", Status.REJECTED, title="A long study, renamed")  # its events go again: after the claim
    laptop.sync(server)
    changes = server.admin.get(f"{server.url}/log/_changes", timeout=10).json()["results"]
    order = [change["id"] for change in changes if change["id"].startswith(("claim:", "event:"))]
    assert order[0] == f"claim:{ENTRY}"  # the server lists the claim first

    third = Computer(tmp_path / "third")
    try:
        report = third.sync(server, batch_size=1)
        assert report.newer == 0  # a claim waiting for its entry is no newer version's
        assert _claims(third) == _claims(laptop)
        assert third.history() == laptop.history()
        assert third.db.connection().execute("SELECT count(*) FROM sync_kept").fetchone()[0] == 0
        assert third.sync(server).sent == 0
    finally:
        third.close()


def _later_on_the_database_clock(computer: Computer) -> None:
    """Wait until SQLite's clock (which stamps each change's `changed_at`) has moved on, by reading it."""
    connection = computer.db.connection()
    start = connection.execute("SELECT strftime('%Y-%m-%dT%H:%M:%f', 'now')").fetchone()[0]
    while connection.execute("SELECT strftime('%Y-%m-%dT%H:%M:%f', 'now')").fetchone()[0] == start:
        pass


def test_a_claim_found_on_both_computers_ends_as_one_and_finding_it_again_sends_nothing(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    for computer in (laptop, desktop):
        _timed_submission(computer, "s1", 3540, 20)
        ClaimStore(computer.db).refresh({ENTRY: ClaimKind.REJECTED}, computer.clock.now())  # each its own time

    settle(server, laptop, desktop)
    for computer in (laptop, desktop):  # the app looks for claims again every few minutes
        computer.later(10)
        ClaimStore(computer.db).refresh({ENTRY: ClaimKind.REJECTED}, computer.clock.now())

    assert _claims(laptop) == _claims(desktop) and len(_claims(laptop)) == 1
    assert [computer.sync(server).sent for computer in (laptop, desktop)] == [0, 0]
    assert server.conflicts("log") == {}


def _evidence_codes(computer: Computer) -> list[str | None]:
    return [claim.evidence.completion_code for claim in ClaimStore(computer.db).claims(timelines(computer.db))]


def test_the_completion_code_she_pasted_shows_in_the_claim_on_her_other_computer(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    laptop.work_on("h1", 30, completion_code="C1A2B3C4")
    (entry,) = [str(row[0]) for row in laptop.history()]
    ClaimStore(laptop.db).refresh({entry: ClaimKind.REJECTED}, laptop.clock.now())

    settle(server, laptop, desktop)

    assert _evidence_codes(desktop) == _evidence_codes(laptop) == ["C1A2B3C4"]
    assert desktop.work() == laptop.work()


def test_an_attempt_without_a_code_goes_as_before_and_gets_none(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    laptop.work_on("h1", 30, completion_code="C1A2B3C4")
    laptop.work_on("h2", 20)

    settle(server, laptop, desktop)

    attempts = {doc["external_id"]: doc for doc in server.docs("log").values() if doc.get("type") == "attempt"}
    assert attempts["h1"]["completion_code"] == "C1A2B3C4"
    assert "completion_code" not in attempts["h2"]  # its body, and so its revision, is as an older version's
    codes = desktop.db.connection().execute("SELECT external_id, completion_code FROM attempts ORDER BY 1")
    assert codes.fetchall() == [("h1", "C1A2B3C4"), ("h2", None)]
