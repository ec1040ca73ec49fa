"""An amount no record can have (beyond what the platform pays, negative where none can be, in a unit that is no
currency, unreadable) sets that one record aside on every platform: the rest of the reply is booked, the sync
goes on, a shape report names the field and what was wrong (never the value), the worker is told how many records
wait and why, and once the platform sends an amount that can be, the record is booked once, nothing lost."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from surveydesk.core.clock import SystemClock
from surveydesk.core.earnings import Kind
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.money import Money
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.net.shapes import Change, Difference, Part, ShapeWatch, share_shape_watch
from surveydesk.platforms import records
from surveydesk.platforms.prolific import earnings as prolific_earnings
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.set_aside_store import SetAsideStore
from surveydesk.platforms.walls import PricedInPoints
from surveydesk.secrets import MemorySecrets
from surveydesk.store import Database
from tests.hostile_server import HostileServer
from tests.ledger_helpers import loopback_session
from tests.platforms.test_earnings_hostile import CENT_A_POINT, SAMPLES, _encode

BOUNDS = records.Bounds(task=500, bonus=500)
NAMES = {spec.platform: spec.name for spec in BUILT_IN}.__getitem__


def _twice(platform: str, absurd: object) -> tuple[Any, Any]:
    """The platform's valid sample with a second record, first with an `absurd` amount, then with a sane one;
    the second record is of another task than the first. MTurk's and Toloka's records are settled (paid,
    accepted), so a reader that moved its cursor past them would never read them again."""
    sample = SAMPLES[platform]
    body = copy.deepcopy(sample.body)
    holder: Any = body
    for step in sample.record[:-1]:
        holder = holder[step]
    first = holder[sample.record[-1]]
    second = copy.deepcopy(first)
    if platform == "prolific":
        second.update(id="sub2", study_id="study2", study={**first["study"], "id": "study2"})
        second["submission_bonuses"] = []
        amount, sane = ("submission_reward", "amount"), 200
    elif platform == "mturk":
        first["state"] = second["state"] = "Paid"
        second.update(assignment_id="ASSIGN2", hit_id="HIT2")
        amount, sane = ("reward", "amount_in_dollars"), 0.12
    elif platform == "bitlabs":
        second.update(tx_id=43, survey_id=43)
        amount, sane = ("user_value",), "2.00"
    elif platform == "cpx":
        second.update(trans_id="987654321", survey_id="484728")
        amount, sane = ("verdienst_user_local_money",), "0.55"
    else:
        second.update(id="t2", additionalReward="0.00")
        amount, sane = ("income",), "0.30"
    holder.append(second)
    bodies = []
    for value in (absurd, sane):
        target: Any = second
        for step in amount[:-1]:
            target = target[step]
        target[amount[-1]] = value
        bodies.append(copy.deepcopy(body))
    return bodies[0], bodies[1]


# One absurd amount per platform, each of another kind of wrong: the field, and what was wrong.
ABSURD = {
    "prolific": (9_999_999, "results[].submission_reward.amount", Change.BEYOND_BOUNDS),  # a £99,999.99 study
    "mturk": (99_999.99, "results[].reward.amount_in_dollars", Change.BEYOND_BOUNDS),
    "bitlabs": ("-10000000", "data[].user_value", Change.BEYOND_BOUNDS),  # a −$100,000 reversal
    "cpx": ("12,50 €", "transactions[].verdienst_user_local_money", Change.UNREADABLE_AMOUNT),
    "toloka": ("-1.00", "[].assignments[].income", Change.NEGATIVE),
}


class Desk:
    """A ledger, and one reader per platform against a hostile server, all reporting to one watch."""

    def __init__(self, database: Database, server: HostileServer) -> None:
        self.ledger = LedgerStore(database)
        self.reconciler = Reconciler(
            self.ledger, AttemptIngest(database, self.ledger, BUILT_IN.shares_task_ids), SystemClock()
        )
        self.server = server
        self.watch = ShapeWatch(kept=SetAsideStore(database))
        self._readers: dict[str, object] = {}

    def sync(self, platform: str, body: object) -> None:
        sample = SAMPLES[platform]
        reader = self._readers.get(platform)
        if reader is None:
            key = AccountKey(platform, "me")
            account = Account(key, "me", self.server.url, options=sample.options)
            reader = BUILT_IN.build_reader(
                account, MemorySecrets({key: sample.secret}), SystemClock(), loopback_session
            )
            if isinstance(reader, PricedInPoints):
                reader.value_points(lambda: CENT_A_POINT)
            share_shape_watch(reader, self.watch)
            self._readers[platform] = reader
        self.server.script(*(_encode(before) for before in sample.before), _encode(body))
        assert self.reconciler.run(reader) is not None  # type: ignore[arg-type]

    def booked(self, platform: str) -> dict[str, Money]:
        return {
            entry.id: entry.amount
            for entry in self.ledger.entries(AccountKey(platform, "me"))
            if entry.kind is not Kind.PAYOUT
        }


@pytest.fixture
def desk(database: Database) -> Iterator[Desk]:
    with HostileServer() as server:
        yield Desk(database, server)


@pytest.mark.parametrize("platform", sorted(SAMPLES))
def test_one_absurd_amount_is_set_aside_the_rest_booked_and_the_sane_amount_later_booked_once(
    desk: Desk, platform: str
) -> None:
    absurd, path, change = ABSURD[platform]
    with_absurd, with_sane = _twice(platform, absurd)
    desk.sync(platform, SAMPLES[platform].body)
    alone = desk.booked(platform)

    desk.sync(platform, with_absurd)
    first = desk.booked(platform)
    (report,) = desk.watch.reports()
    news = [str(sentence) for sentence in desk.watch.news(NAMES)]
    desk.sync(platform, with_sane)
    then = desk.booked(platform)
    desk.sync(platform, with_sane)

    assert first == alone  # the good record booked as before, the absurd one not at all
    assert report.works and report.differences == (Difference(path, change),)
    assert str(absurd) not in "\n".join(str(line) for _depth, line in desk.watch.lines())
    assert len(news) == 1 and f"SurveyDesk set aside 1 of {NAMES(platform)}'s records (" in news[0]
    assert f"Check those amounts on {NAMES(platform)} itself" in news[0] and str(absurd) not in news[0]
    assert len(then) == len(alone) + 1 and {key: then[key] for key in alone} == alone
    assert desk.booked(platform) == then  # read again: nothing doubled
    assert desk.watch.set_aside(platform) == 0


def test_the_worker_is_told_how_many_records_wait_and_why_and_again_when_that_changes() -> None:
    watch = ShapeWatch()
    shape = prolific_earnings.SUBMISSIONS_PAGE
    page = {"results": [], "_links": {"next": {"href": None}}}
    with watch.watching("prolific", Part.EARNINGS, "GET /subs", page, shape) as reading:
        reading.put_aside(Difference("results[].submission_reward.amount", Change.BEYOND_BOUNDS), "a")
        reading.put_aside(Difference("results[].submission_reward.currency", Change.UNKNOWN_UNIT), "b")
    told = [str(sentence) for sentence in watch.news(NAMES)]
    with watch.watching("prolific", Part.EARNINGS, "GET /subs", page, shape) as reading:
        reading.read_whole("a")
        reading.put_aside(Difference("results[].submission_reward.currency", Change.UNKNOWN_UNIT), "b")
    then = [str(sentence) for sentence in watch.news(NAMES)]

    assert told == [
        "SurveyDesk set aside 2 of Prolific's records (amounts beyond what it pays, amounts in a unit SurveyDesk "
        "does not know): they are not in your earnings; the rest are. Check those amounts on Prolific itself; "
        "Help, Report a platform change… shows what was wrong, to send to SurveyDesk's makers."
    ]
    assert len(then) == 1 and then[0].startswith("SurveyDesk set aside 1 of Prolific's records")


@pytest.mark.parametrize(
    ("value", "kind", "change"),
    [
        ({"amount": 500, "currency": "points"}, Kind.TASK, Change.UNKNOWN_UNIT),
        ({"amount": "1,50", "currency": "GBP"}, Kind.TASK, Change.UNREADABLE_AMOUNT),
        ({"amount": -1, "currency": "GBP"}, Kind.TASK, Change.NEGATIVE),
        ({"amount": -1, "currency": "GBP"}, Kind.BONUS, Change.NEGATIVE),
        ({"amount": 50_001, "currency": "GBP"}, Kind.BONUS, Change.BEYOND_BOUNDS),
        ({"amount": 5_000_001, "currency": "JPY"}, Kind.TASK, Change.BEYOND_BOUNDS),
        ({"amount": 1, "currency": "GBP"}, Kind.REVERSAL, Change.BEYOND_BOUNDS),
    ],
)
def test_an_amount_no_record_can_have_names_its_field_and_what_was_wrong(
    value: dict[str, object], kind: Kind, change: Change
) -> None:
    with pytest.raises(records.AmountSetAside) as raised:
        records.amount(value, "GBP", "prolific", path="reward", kind=kind, bounds=BOUNDS, unit="minor")

    field = "reward.currency" if change is Change.UNKNOWN_UNIT else "reward.amount"
    assert raised.value.difference == Difference(field, change)


def test_amounts_within_the_bounds_are_read_exactly() -> None:
    bounds = records.Bounds(task=500, bonus=500, reversal=100)

    assert records.amount({"amount": 50_000, "currency": "GBP"}, "GBP", "p", path="r", kind=Kind.TASK,
                          bounds=bounds, unit="minor") == Money(50_000, "GBP")  # fmt: skip
    assert records.amount("-100.00", "USD", "p", path="r", kind=Kind.REVERSAL, bounds=bounds) == Money(
        -10_000, "USD"
    )
    assert records.amount(50_000, "JPY", "p", path="r", kind=Kind.TASK, bounds=bounds) == Money(50_000, "JPY")


@pytest.mark.parametrize("platform", ["prolific", "cpx"])
def test_records_set_aside_are_still_told_after_a_restart_until_they_book(
    desk: Desk, database: Database, platform: str
) -> None:
    absurd, _path, _change = ABSURD[platform]
    with_absurd, with_sane = _twice(platform, absurd)
    desk.sync(platform, with_absurd)

    restarted = Desk(database, desk.server)  # the app started again: a new watch and new readers
    told = [str(sentence) for sentence in restarted.watch.news(NAMES)]
    restarted.sync(platform, with_absurd)  # the same record still cannot be booked: nothing new to tell
    again = [str(sentence) for sentence in restarted.watch.news(NAMES)]
    restarted.sync(platform, with_sane)
    booked = restarted.watch.set_aside(platform)

    assert len(told) == 1 and told[0].startswith(f"SurveyDesk set aside 1 of {NAMES(platform)}'s records (")
    assert str(absurd) not in told[0]
    assert restarted.watch.set_aside(platform) == 0 == booked
    assert again == []
    assert Desk(database, desk.server).watch.news(NAMES) == []  # once booked, a later start tells nothing
    kept = database.connection().execute("SELECT record FROM records_set_aside").fetchall()
    assert kept == []


def test_what_is_kept_of_a_record_set_aside_holds_nothing_of_its_id(database: Database) -> None:
    watch = ShapeWatch(kept=SetAsideStore(database))
    page = {"results": [], "_links": {"next": {"href": None}}}
    with watch.watching("prolific", Part.EARNINGS, "GET /subs", page, prolific_earnings.SUBMISSIONS_PAGE) as read:
        read.put_aside(Difference("results[].submission_reward.amount", Change.BEYOND_BOUNDS), "str:SUB-CANARY-42")

    rows = database.connection().execute("SELECT platform, record, why FROM records_set_aside").fetchall()
    assert [(platform, why) for platform, _, why in rows] == [("prolific", "beyond bounds")]
    assert "CANARY" not in rows[0][1]
    assert SetAsideStore(database).set_aside_records()["prolific"] == {rows[0][1]: Change.BEYOND_BOUNDS}
