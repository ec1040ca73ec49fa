"""Records as documents: one winner for any order of conflicting bodies, revisions made from content, and
documents from the server read field by field."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from surveydesk.core.money import Money
from surveydesk.ledger import EntryHeader, Kind, Source, Status
from surveydesk.ledger.claims import ClaimKind, ClaimOutcome, ClaimRecord
from surveydesk.ledger.model import make_event
from surveydesk.profile.store import SharedAnswer
from surveydesk.sync import documents as docs
from surveydesk.sync.documents import DocumentError, NewerDocument
from surveydesk.work.model import ShiftRecord
from tests.factories import T0

HEADER = EntryHeader(
    "prolific", "me", Kind.TASK, T0, "GBP", task_id="s1", title="A study", requester="Lab", described_by="2220"
)


def _event_body(**changes: object) -> dict[str, object]:
    event = make_event(HEADER.id, Source.PLATFORM, T0, T0, Status.APPROVED, Money(150, "GBP"), "nice")
    return {**docs.event_body(HEADER, event, None), **changes}


def _setting(value: str, changed_at: str) -> dict[str, object]:
    return docs.setting_body("alerts.per_minute", value, changed_at)


def test_the_winner_is_the_same_whatever_the_order_and_a_merge_of_a_merge_changes_nothing():
    bodies = [
        _setting("3", "2026-11-28T12:00:00.000000+00:00"),
        _setting("5", "2026-11-28T12:05:00.000000+00:00"),
        _setting("4", "2026-11-28T12:05:00.000000+00:00"),  # same moment: the tie-break decides, fixed
    ]
    winners = {docs.canonical(docs.winner(list(order))) for order in itertools.permutations(bodies)}
    assert winners == {docs.canonical(bodies[1])}
    best = docs.winner(bodies)
    assert docs.winner([best, *bodies]) == best


def test_a_revision_is_made_from_its_parent_and_content_alone():
    body = _setting("3", "2026-11-28T12:00:00.000000+00:00")
    first = docs.next_rev(None, body)
    assert first == docs.next_rev(None, dict(reversed(list(body.items()))))  # key order does not matter
    assert first.startswith("1-") and docs.next_rev(first, body).startswith("2-")
    assert docs.next_rev(first, body) != docs.next_rev("1-other", body)
    assert docs.couch_winner(["2-aaa", "10-000", "2-fff"]) == "10-000"


def test_an_event_reads_back_as_it_was_written():
    body = _event_body()
    key = make_event(HEADER.id, Source.PLATFORM, T0, T0, Status.APPROVED, Money(150, "GBP"), "nice").id
    foreign = docs.read_event(key, body)
    assert foreign.header == HEADER and foreign.attempt is None
    assert (foreign.event.status, foreign.event.amount, foreign.event.note, foreign.event.recorded_at) == (
        Status.APPROVED, Money(150, "GBP"), "nice", T0,
    )  # fmt: skip


def test_copies_of_an_event_merge_their_entrys_descriptions_field_by_field_in_any_order():
    def copy(title: str, requester: str, origins: str, recorded: str) -> dict[str, object]:
        body = _event_body(recorded_at=recorded)
        entry = {**body["entry"], "title": title, "requester": requester, "described_by": origins}  # type: ignore[dict-item]
        return {**body, "entry": entry}

    attempt = copy("Study as listed", "Lab", "1110", "2026-03-01T12:00:00.000000+00:00")
    platform = copy("Study as recorded", "", "2020", "2026-03-01T13:00:00.000000+00:00")
    legacy = {**_event_body(recorded_at="2026-03-01T14:00:00.000000+00:00")}
    del legacy["entry"]["described_by"]  # type: ignore[attr-defined]  # sent before descriptions said who
    bodies = [attempt, platform, legacy]
    winners = {docs.canonical(docs.winner(list(order))) for order in itertools.permutations(bodies)}
    assert len(winners) == 1
    best = docs.winner(bodies)
    assert best["recorded_at"] == attempt["recorded_at"]  # the event as learnt first
    entry = best["entry"]
    assert (entry["title"], entry["requester"], entry["described_by"]) == ("Study as recorded", "Lab", "2120")
    assert docs.winner([best, *bodies]) == best
    assert docs.read_event(_key(), best).header.title == "Study as recorded"


def _key() -> str:
    return make_event(HEADER.id, Source.PLATFORM, T0, T0, Status.APPROVED, Money(150, "GBP"), "nice").id


def test_a_link_event_reads_back_and_a_link_elsewhere_is_refused():
    attempt = EntryHeader(
        "mturk", "me", Kind.TASK, T0, "USD", task_id="attempt-x", title="Tag", described_by="1010"
    )
    link = make_event(attempt.id, Source.LOCAL, T0, T0, link="mturk/me/task/HIT1")
    body = docs.event_body(attempt, link, None)
    foreign = docs.read_event(link.id, body)
    assert foreign.event.link == "mturk/me/task/HIT1" and foreign.header == attempt
    assert "link" not in _event_body()  # other events' bodies are as they were before links
    for hostile in (
        "prolific/me/task/s1",
        "mturk/someone/task/HIT1",
        attempt.id,
        7,
        "mturk/me/task/" + "x" * 2000,
    ):
        with pytest.raises(DocumentError):
            docs.read_event(link.id, {**body, "link": hostile})
    with pytest.raises(DocumentError):
        docs.read_event(link.id, {**body, "status": "approved"})
    with pytest.raises(DocumentError):
        docs.read_event(_key(), {**_event_body(), "entry": {**_event_body()["entry"], "described_by": "29"}})  # type: ignore[dict-item]


def test_of_two_copies_of_an_event_the_one_learnt_first_wins_in_any_order():
    first = _event_body(recorded_at="2026-11-28T12:00:00.000000+00:00")
    later = _event_body(recorded_at="2026-11-29T08:00:00.000000+00:00", entry={**first["entry"], "title": "Z"})
    assert docs.winner([first, later]) == docs.winner([later, first]) == first


def test_text_from_the_server_is_cleaned_before_it_is_kept():
    entry = {**_event_body()["entry"], "title": "exe.\u202efdp\x00 survey"}  # type: ignore[dict-item]
    foreign = docs.read_event("abc", _event_body(entry=entry))
    assert foreign.header.title == "exe.fdp survey"


@pytest.mark.parametrize(
    "changes",
    [
        {"status": "bribed"},
        {"source": "rumour"},
        {"amount": {"minor": 10**15, "currency": "GBP"}},
        {"amount": {"minor": 1.5, "currency": "GBP"}},
        {"amount": {"minor": 100, "currency": "pebbles"}},
        {"amount": "150"},
        {"note": ["not", "text"]},
        {"at": "yesterday"},
        {"recorded_at": None},
        {"type": "setting"},
        {"entry": "s1"},
        {
            "entry": {
                **docs.event_body(HEADER, make_event(HEADER.id, Source.LOCAL, T0, T0), None)["entry"],
                "id": "x",
            }
        },
        {
            "entry": {
                **docs.event_body(HEADER, make_event(HEADER.id, Source.LOCAL, T0, T0), None)["entry"],
                "task_id": "",
            }
        },
        {
            "entry": {
                **docs.event_body(HEADER, make_event(HEADER.id, Source.LOCAL, T0, T0), None)["entry"],
                "attempt": 7,
            }
        },
    ],
    ids=str,
)
def test_an_unreadable_event_is_refused_whole(changes):
    with pytest.raises(DocumentError):
        docs.read_event("abc", _event_body(**changes))


@pytest.mark.parametrize(
    "stretches",
    [
        [["2026-11-28T12:00:00+00:00", -5]],
        [["2026-11-28T12:00:00+00:00", 1.5]],
        [["noon", 10]],
        "long",
        [[1, 2, 3]],
    ],
    ids=str,
)
def test_an_attempt_with_unreadable_stretches_is_refused(stretches):
    body = _attempt_body()
    assert docs.read_attempt("a1", body).stretches[0].seconds == 600.0
    with pytest.raises(DocumentError):
        docs.read_attempt("a1", {**body, "stretches": stretches})


def test_an_attempt_s_completion_code_is_written_only_where_she_gave_one_and_reads_back():
    record = docs.read_attempt("a1", _attempt_body())
    assert record.completion_code is None
    assert "completion_code" not in docs.attempt_body(record, "")  # as before codes travelled: same revision
    coded = docs.attempt_body(replace(record, completion_code="C1A2B3C4"), "")
    assert coded["completion_code"] == "C1A2B3C4"
    assert docs.read_attempt("a1", coded).completion_code == "C1A2B3C4"


@pytest.mark.parametrize(
    "code",
    ["", "two words", "https://app.prolific.com/submissions/complete?cc=C1A2B3C4", "C1\u202eA2", "C" * 65, 7],
    ids=str,
)
def test_an_attempt_whose_completion_code_is_no_code_is_refused(code: object):
    with pytest.raises(DocumentError):
        docs.read_attempt("a1", {**_attempt_body(), "completion_code": code})


def _attempt_body() -> dict[str, object]:
    return {
        "type": "attempt",
        "shift": None,
        "platform": "mturk",
        "account": "me",
        "external_id": "h1",
        "title": "HIT",
        "requester": "R",
        "reward": {"minor": 50, "currency": "USD"},
        "time_limit_seconds": None,
        "started_at": "2026-11-28T12:00:00.000000+00:00",
        "ended_at": "2026-11-28T12:10:00.000000+00:00",
        "outcome": "submitted",
        "paid": None,
        "estimated_minutes": 10,
        "stretches": [["2026-11-28T12:00:00.000000+00:00", 600_000]],
        "changed_at": "",
    }


def test_a_setting_document_must_name_its_own_setting_and_hold_json():
    assert docs.read_setting("alerts.per_minute", _setting("3", "")) == "3"
    with pytest.raises(DocumentError):
        docs.read_setting("country", _setting("3", ""))
    with pytest.raises(DocumentError):
        docs.read_setting("alerts.per_minute", _setting("{oops", ""))


def test_only_the_workers_own_settings_travel():
    assert docs.setting_travels("rules.list")
    assert docs.setting_travels("alerts.sound")
    assert docs.setting_travels("minimum_wage")
    assert not docs.setting_travels("sync.target")
    assert not docs.setting_travels("tray.told")
    assert not docs.setting_travels("ledger.attempt_events_seen")


def test_a_profile_answer_and_its_removal_read_back_as_written():
    answer = SharedAnswer("age", '"35-44"', "Age", "", "2026-11-28T12:00:00.000000+00:00")
    assert docs.read_profile("age", docs.profile_body(answer)) == answer
    removal = SharedAnswer("age", None, "", "", "2026-11-29T12:00:00.000000+00:00")
    assert docs.read_profile("age", docs.profile_body(removal)) == removal
    with pytest.raises(DocumentError):
        docs.read_profile("income", docs.profile_body(answer))
    with pytest.raises(DocumentError):
        docs.read_profile("age", {**docs.profile_body(answer), "value": "{not json"})


@pytest.mark.parametrize("document_id", ["_design/x", "virus:1", "event:", "event", "setting:" + "k" * 2000])
def test_documents_that_are_not_ours_are_recognised(document_id: str):
    with pytest.raises(DocumentError):
        docs.split_id(document_id)


def test_an_event_without_the_platform_s_times_is_written_as_before_and_one_with_them_reads_them_back():
    event = make_event(HEADER.id, Source.PLATFORM, T0, T0, Status.APPROVED, Money(150, "GBP"), "nice")
    assert docs.event_body(HEADER, event, None, (None, None)) == docs.event_body(HEADER, event, None)
    timed = docs.event_body(HEADER, event, None, (3540, None))
    assert timed["entry"]["measured"] == {"seconds": 3540}
    assert docs.read_event(event.id, timed).measured == (3540, None)
    with pytest.raises(DocumentError):
        docs.read_event(event.id, {**timed, "entry": {**timed["entry"], "measured": {"seconds": -1}}})


def test_copies_of_an_event_keep_the_greatest_of_each_time_in_any_order():
    def copy(measured: dict[str, int] | None, recorded: str) -> dict[str, object]:
        body = _event_body(recorded_at=recorded)
        entry = dict(body["entry"])  # type: ignore[call-overload]
        if measured is not None:
            entry["measured"] = measured
        return {**body, "entry": entry}

    copies = [
        copy({"seconds": 600}, "2026-03-01T12:00:00.000000+00:00"),
        copy({"seconds": 660, "minutes": 15}, "2026-03-01T13:00:00.000000+00:00"),
        copy(None, "2026-03-01T11:00:00.000000+00:00"),
    ]
    winners = {docs.canonical(docs.winner(list(order))) for order in itertools.permutations(copies)}
    assert len(winners) == 1
    best = docs.winner(copies)
    assert best["entry"]["measured"] == {"seconds": 660, "minutes": 15}  # type: ignore[index]
    assert docs.winner([best, *copies]) == best


def test_a_claim_reads_back_as_it_was_written_and_a_newer_code_is_told_apart_from_nonsense():
    record = ClaimRecord(HEADER.id, ClaimKind.OVERRUN, T0, T0, ClaimOutcome.REFUSED, T0)
    body = docs.claim_body(record, "2026-03-01T12:00:00.000000+00:00")
    assert docs.read_claim(HEADER.id, body) == record
    with pytest.raises(NewerDocument):
        docs.read_claim(HEADER.id, {**body, "outcome": "partly_paid"})
    with pytest.raises(DocumentError) as unreadable:
        docs.read_claim(HEADER.id, {**body, "outcome": "Paid!!"})
    assert not isinstance(unreadable.value, NewerDocument)


@pytest.mark.parametrize(
    ("document_id", "body", "newer"),
    [
        ("goal:week", {"type": "goal"}, True),
        ("goal:week", {"type": "setting"}, False),  # not one of ours: its type does not name its kind
        ("virus:1", {"payload": "x"}, False),
        ("event:1", {"type": "event"}, False),  # a kind this version knows
        ("_design/x", {"type": "_design/x"}, False),
    ],
)
def test_a_document_of_a_kind_only_a_newer_version_knows_is_recognised(document_id, body, newer):
    assert docs.newer_kind(document_id, body) is newer


def test_the_fields_declared_known_are_exactly_those_this_version_writes():
    event = make_event(HEADER.id, Source.PLATFORM, T0, T0, None, None, None, link="prolific/me/task/s2")
    linked = docs.event_body(HEADER, event, "a1", (3540, 20))
    attempt = replace(docs.read_attempt("a1", _attempt_body()), completion_code="C1A2B3C4")
    claim = ClaimRecord(HEADER.id, ClaimKind.OVERRUN, T0, T0, ClaimOutcome.REFUSED, T0)
    written = {
        docs.EVENT: linked,
        docs.ATTEMPT: docs.attempt_body(attempt, ""),
        docs.CLAIM: docs.claim_body(claim, ""),
        docs.SHIFT: docs.shift_body(ShiftRecord("s1", "2026-11-28T12:00:00+00:00", "", False, ()), ""),
        docs.SETTING: _setting("1", ""),
        docs.PROFILE: docs.profile_body(SharedAnswer("age", '"35-44"', "Age", "", "")),
    }
    for kind, body in written.items():
        assert set(body) == docs.KNOWN_FIELDS[kind], kind
        assert docs.unknown_fields(kind, body) == {}
    assert set(linked["entry"]) == docs.KNOWN_INNER_FIELDS[docs.EVENT]["entry"]


def test_fields_a_newer_version_added_are_put_back_and_never_one_this_version_knows():
    received = _event_body(future_field={"a": [1, 2]})
    received["entry"] = {**received["entry"], "time_taken": 3540}  # type: ignore[dict-item]
    unknown = docs.unknown_fields(docs.EVENT, received)
    assert unknown == {"future_field": {"a": [1, 2]}, "entry": {"time_taken": 3540}}
    assert docs.with_unknown_fields(docs.EVENT, _event_body(), unknown) == received
    # What this version writes wins, and a field it knows but left out stays out.
    changed = _event_body(note="changed")
    assert docs.with_unknown_fields(docs.EVENT, changed, unknown)["note"] == "changed"
    remembered = {"completion_code": "C1A2B3C4", "note": "x", "future_field": 1}
    assert docs.with_unknown_fields(docs.ATTEMPT, _attempt_body(), remembered) == {
        **_attempt_body(),
        "future_field": 1,
        "note": "x",  # an attempt has no note in this version: a newer one's
    }
