"""Replication between SurveyDesk data dirs through a real CouchDB-compatible server (PouchDB Server)."""

from __future__ import annotations

from pathlib import Path

from surveydesk.core.clock import utc_iso
from surveydesk.core.money import Money
from surveydesk.feed.rule_store import LIST_RULES
from surveydesk.ledger import Source, Status
from surveydesk.ledger.model import make_event
from tests.couch_server import CouchServer
from tests.factories import T0
from tests.sync_helpers import Computer, settle

ENTRY = "prolific/me/task/s1"


def test_two_computers_edited_offline_converge_to_the_same_history(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    # Offline, each sees part of the story: the laptop the submission, the desktop the payment of it.
    laptop.report("s1", Status.AWAITING_REVIEW)
    laptop.report("s2", Status.APPROVED, 90)
    desktop.later(60 * 24)
    desktop.report("s1", Status.PAID)
    desktop.report("s3", Status.AWAITING_REVIEW, 300)
    laptop.later(30)
    laptop.ledger.add_note("prolific/me/task/s2", "bonus promised", laptop.clock.now())

    settle(server, laptop, desktop)

    assert laptop.history() == desktop.history()
    assert laptop.events() == desktop.events()
    statuses = {entry[0]: entry[1] for entry in laptop.history()}
    assert statuses == {
        "prolific/me/task/s1": Status.PAID,  # paid outranks awaiting review, whoever heard of it first
        "prolific/me/task/s2": Status.APPROVED,
        "prolific/me/task/s3": Status.AWAITING_REVIEW,
    }
    assert server.conflicts("log") == {}


def test_a_submission_seen_on_both_computers_makes_one_document(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    for computer in (laptop, desktop):
        computer.report("s1", Status.AWAITING_REVIEW, at=T0)

    settle(server, laptop, desktop)

    assert len(laptop.history()) == len(desktop.history()) == 1
    assert [doc_id for doc_id in server.docs("log") if doc_id.startswith("event:")] == [
        f"event:{event[0]}" for event in laptop.events()
    ]
    assert server.conflicts("log") == {}


def test_a_platform_status_wins_over_a_local_guess(server: CouchServer, laptop: Computer, desktop: Computer):
    laptop.report("s1", Status.SUBMITTED, 150, source=Source.LOCAL)
    desktop.later(60)
    desktop.report("s1", Status.REJECTED, 0)

    settle(server, laptop, desktop)

    (entry,) = laptop.ledger.entries()
    assert entry.status is Status.REJECTED and laptop.history() == desktop.history()


def test_amounts_told_on_the_same_day_are_believed_in_the_order_first_learnt(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    # A platform that dates a changing amount only by its day (MTurk's daily bonuses): the ledger believes the
    # one read last. The desktop receives both at once, so it must learn the order from the laptop.
    amounts = sorted(
        (100, 120),
        key=lambda minor: make_event(ENTRY, Source.PLATFORM, T0, T0, Status.APPROVED, Money(minor, "GBP")).id,
    )
    first, second = reversed(amounts)  # the event with the greater id first: a tie-break by id would pick it
    laptop.report("s1", Status.APPROVED, first, at=T0)
    laptop.later(60)
    laptop.report("s1", Status.APPROVED, second, at=T0)
    assert laptop.ledger.entry(ENTRY).amount == Money(second, "GBP")

    settle(server, laptop, desktop)

    assert desktop.ledger.entry(ENTRY).amount == Money(second, "GBP")
    assert laptop.history() == desktop.history() and laptop.events() == desktop.events()


def test_an_event_both_computers_learnt_keeps_the_earlier_time_on_both(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    desktop.later(60 * 24)
    laptop.report("s1", Status.APPROVED, at=T0)
    desktop.report("s1", Status.APPROVED, at=T0)
    desktop.sync(server)  # the desktop, which learnt it a day later, sends first
    settle(server, laptop, desktop)
    (event,) = laptop.events()
    assert laptop.events() == desktop.events() and event[3] == utc_iso(laptop.clock.now())
    assert server.conflicts("log") == {}


def test_notes_keep_the_latest_edit(server: CouchServer, laptop: Computer, desktop: Computer):
    laptop.report("s1", Status.APPROVED, at=T0)
    desktop.report("s1", Status.APPROVED, at=T0)
    laptop.later(10)
    laptop.ledger.add_note("prolific/me/task/s1", "first thought", laptop.clock.now())
    desktop.later(60)
    desktop.ledger.add_note("prolific/me/task/s1", "second thought", desktop.clock.now())

    settle(server, desktop, laptop)

    assert [entry.note for entry in laptop.ledger.entries()] == ["second thought"]
    assert laptop.history() == desktop.history()


def test_an_empty_third_computer_receives_everything(
    server: CouchServer, laptop: Computer, desktop: Computer, tmp_path: Path
):
    laptop.report("s1", Status.PAID)
    laptop.work_on("hit-1", minutes=12)
    laptop.settings.set(LIST_RULES, {"min_reward": {"minor": 100, "currency": "GBP"}})
    desktop.report("s2", Status.APPROVED)
    desktop.work_on("hit-2", minutes=5)
    settle(server, laptop, desktop)

    third = Computer(tmp_path / "third")
    try:
        report = third.sync(server)
        assert report.received > 0 and report.sent == 0
        assert third.history() == laptop.history() == desktop.history()
        assert third.work() == laptop.work() == desktop.work()
        assert third.attempt_links() == laptop.attempt_links()
        assert third.settings.get(LIST_RULES, None) == {"min_reward": {"minor": 100, "currency": "GBP"}}
        assert third.pending() == 0
    finally:
        third.close()


def test_a_second_sync_with_nothing_new_sends_nothing(server: CouchServer, laptop: Computer):
    laptop.report("s1", Status.PAID)
    first = laptop.sync(server)
    again = laptop.sync(server)
    assert first.sent == 1 and (again.sent, again.received) == (0, 0)


def test_only_a_push_that_sends_everything_to_a_database_holding_documents_asks_what_the_server_lacks(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    """Asking (`_revs_diff`) spares sending what the server has; it was a third of the server's time in a
    first sync (bench/replication.py). Only a push that sends everything again, to a database holding
    documents, can find the server has some of it."""
    for number in range(12):
        laptop.report(f"s{number}", Status.PAID)
    assert laptop.sync(server, batch_size=5).sent == 12  # a first push, to an empty database
    laptop.report("later", Status.PAID)
    assert laptop.sync(server, batch_size=5).sent == 1  # a push going on from its checkpoint
    assert not [line for line in server.requests() if line.endswith("/_revs_diff")]
    assert len([line for line in server.requests() if line == "POST /log/_bulk_docs"]) == 4

    report = desktop.sync(server, batch_size=5)  # its first exchange with this database: it sends everything
    assert (report.received, report.sent) == (13, 0)  # the server has every one of them
    assert len([line for line in server.requests() if line == "POST /log/_revs_diff"]) == 3


def test_the_servers_copy_of_a_checkpoint_is_written_once_a_run_not_after_every_batch(
    server: CouchServer, laptop: Computer
):
    """It names the session, which is all a later exchange reads of it; a write per batch (and the read of its
    revision before it) was a tenth of a first sync (bench/replication.py). CouchDB numbers a `_local`
    document's revisions 0-1, 0-2…: one write each."""
    for number in range(25):
        laptop.report(f"s{number}", Status.PAID)
    assert laptop.sync(server, batch_size=5).sent == 25  # a pull, five batches sent, the pull that sees them
    replica = laptop.db.connection().execute("SELECT id FROM sync_replica").fetchone()[0]
    for direction in ("pull", "push"):
        reply = server.admin.get(f"{server.url}/log/_local/surveydesk-{replica}-{direction}", timeout=10)
        assert reply.json()["_rev"] == "0-1", direction
    laptop.report("later", Status.PAID)
    assert laptop.sync(server, batch_size=5).sent == 1  # the same session goes on from the checkpoint here


def test_conflicting_edits_of_a_setting_keep_the_latest_and_leave_no_conflict_on_the_server(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    laptop.settings.set("alerts.per_minute", 2)
    settle(server, laptop, desktop)
    # Both change it while apart: the desktop's change comes later.
    laptop.settings.set("alerts.per_minute", 5)
    desktop.db.connection().execute(
        "UPDATE sync_pending SET changed_at = '2999-01-01T00:00:00.000000+00:00'"
    )  # the desktop's clock is later than the laptop's, whatever the order the test ran them in
    desktop.settings.set("alerts.per_minute", 7)
    desktop.db.connection().execute("UPDATE sync_pending SET changed_at = '2999-01-01T00:00:00.000000+00:00'")

    settle(server, laptop, desktop)

    assert laptop.settings.get("alerts.per_minute", 0) == desktop.settings.get("alerts.per_minute", 0) == 7
    assert server.conflicts("log") == {}


def test_settings_of_this_computer_stay_here(server: CouchServer, laptop: Computer, desktop: Computer):
    laptop.settings.set("tray.told", True)
    laptop.settings.set("ledger.attempt_events_seen", 41)
    laptop.settings.set("country", "DE")
    settle(server, laptop, desktop)
    assert desktop.settings.get("country", None) == "DE"
    assert desktop.settings.get("tray.told", None) is None
    assert desktop.settings.get("ledger.attempt_events_seen", None) is None
    assert not [doc_id for doc_id in server.docs("log") if doc_id.startswith(("setting:tray", "setting:ledger"))]


def test_the_profile_travels_only_when_the_worker_opts_in(
    server: CouchServer, laptop: Computer, desktop: Computer
):
    laptop.answer("age", '"35-44"')
    desktop.answer("age", '"18-24"')
    laptop.sync(server)
    desktop.sync(server)
    assert not [doc_id for doc_id in server.docs("log") if doc_id.startswith("profile:")]

    laptop.sync(server, include_profile=True)
    desktop.sync(server)  # not opted in here: the laptop's answer does not come
    assert desktop.answers() == {"age": '"18-24"'}

    desktop.later(60)  # the desktop's answer is the later one
    desktop.answer("age", '"25-34"')
    for computer in (desktop, laptop, desktop):
        computer.sync(server, include_profile=True)
    assert laptop.answers() == desktop.answers() == {"age": '"25-34"'}


def test_a_removed_profile_answer_is_removed_everywhere(server: CouchServer, laptop: Computer, desktop: Computer):
    assert desktop.answers() == {}
    laptop.answer("age", '"35-44"')
    laptop.answer("income", '"prefer not to say"')
    for computer in (laptop, desktop):
        computer.sync(server, include_profile=True)
    assert desktop.answers() == laptop.answers()
    laptop.later(5)
    laptop.answer("income", None)
    for computer in (laptop, desktop, laptop):
        computer.sync(server, include_profile=True)
    assert desktop.answers() == laptop.answers() == {"age": '"35-44"'}
    assert laptop.sync(server, include_profile=True).sent == 0  # the removal went once
