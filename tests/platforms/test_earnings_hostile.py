"""Hostile replies to reconciliation: every field of every platform's record wrong, missing or absurd, and every
transport failure, over real HTTP. Each ends in a typed platform error with nothing stored, or in clean entries."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import requests

from surveydesk.core.clock import SystemClock
from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError, RateLimited, Unreachable
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue, PointsValues
from surveydesk.core.sanitize import TITLE_LIMIT
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.net.http import make_session
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.walls import PricedInPoints
from surveydesk.secrets import MemorySecrets
from surveydesk.store import Database
from tests.hostile_server import JSON, HostileServer, Reply, Reset, Stream, Trickle
from tests.ledger_helpers import ledger_snapshot, loopback_session

SECRET = "s3cr3t-l0gin-value"
CENT_A_POINT = PointsValues([PointsValue(date(2000, 1, 1), Decimal(100), Money(100, "USD"))])
HOSTILE_VALUES: tuple[object, ...] = (None, True, -1, 10**30, 1e308, "", "x" * 5000, [], {}, "\u202eevil\x00")


@dataclass(frozen=True)
class Sample:
    """A platform's valid reply; `record` says where its one record sits; `before` are replies asked first."""

    platform: str
    body: Any  # an object, or (Toloka's income log) a list
    record: tuple[str | int, ...]
    secret: str
    options: dict[str, str]
    before: tuple[dict[str, Any], ...] = ()


SAMPLES = {
    "prolific": Sample(
        "prolific",
        {
            "results": [
                {
                    "id": "sub1", "status": "APPROVED", "study_id": "study1",
                    "study": {"id": "study1", "name": "A study", "researcher": {"name": "Lab"}},
                    "started_at": "2026-01-05T10:00:00Z", "completed_at": "2026-01-05T10:10:00Z",
                    "submission_reward": {"amount": 150, "currency": "GBP"},
                    "submission_bonuses": [{"amount": 25, "currency": "GBP"}],
                }
            ],
            "_links": {"next": {"href": None}},
        },
        ("results", 0), SECRET, {},
    ),
    "mturk": Sample(
        "mturk",
        {
            "page_number": 1, "num_results": 1, "total_num_results": 1,
            "results": [
                {
                    "assignment_id": "ASSIGN1", "hit_id": "HIT1", "state": "Approved", "title": "Tag photos",
                    "requester_name": "Req", "reward": {"currency_code": "USD", "amount_in_dollars": 0.07},
                }
            ],
        },
        ("results", 0), f"session-token={SECRET}", {},
        before=({"daily_hit_statistics_overview": [{"date": "2026-01-05T00:00:00-08:00", "submitted": 1,
                                                     "bonus_rewards": 0.5}]},),
    ),
    "bitlabs": Sample(
        "bitlabs",
        {
            "data": [
                {
                    "type": "COMPLETE", "survey_id": 42, "tx_id": 42, "user_value": "1.50",
                    "created_at": "2026-01-05T10:00:00Z", "reconciled": False, "callback_delay_seconds": 0,
                    "details": {"category": {"name": "Food"}},
                }
            ],
            "status": "success",
        },
        ("data", 0), SECRET, {"user_id": "u1", "currency": "USD"},
    ),
    "cpx": Sample(
        "cpx",
        {
            "status": "success",
            "transactions": [
                {
                    "trans_id": "123456789", "type": "complete", "status": "1",
                    "verdienst_user_local_money": "0.40",
                    "datetime": "2026-01-05 16:20:31", "survey_id": "484727", "is_paid_to_user": "1",
                    "is_paid_to_user_datetime": "2026-01-06 10:00:00",
                }
            ],
        },
        ("transactions", 0), SECRET, {"app_id": "1", "ext_user_id": "u1", "currency": "USD"},
    ),
    "toloka": Sample(
        "toloka",
        [
            {"date": "2026-01-05", "assignments": [
                {"id": "t1", "poolId": 7, "title": "Is this image relevant?", "income": "1.00",
                 "blockedIncome": "0.00", "additionalReward": "0.25"}
            ]}
        ],
        (0, "assignments", 0), f"toloka-session={SECRET}; toloka-csrftoken=c", {},
        before=({"content": [{"id": "w1", "amount": "5.00", "startDate": "2026-01-06T10:00:00.000",
                              "endDate": "2026-01-08T10:00:00.000"}], "last": True},),
    ),
}  # fmt: skip


@dataclass
class Harness:
    server: HostileServer
    ledger: LedgerStore
    reconciler: Reconciler
    database: Database

    def run(
        self, sample: Sample, session: Callable[[], requests.Session] = loopback_session
    ) -> PlatformError | None:
        key = AccountKey(sample.platform, "me")
        account = Account(key, "me", self.server.url, options=sample.options)
        reader = BUILT_IN.build_reader(account, MemorySecrets({key: sample.secret}), SystemClock(), session)
        assert reader is not None
        if isinstance(reader, PricedInPoints):  # a survey wall's points: a cent each, for every day
            reader.value_points(lambda: CENT_A_POINT)
        try:
            self.reconciler.run(reader)
        except PlatformError as error:
            return error
        return None


@pytest.fixture
def harness(database: Database) -> Iterator[Harness]:
    ledger = LedgerStore(database)
    with HostileServer() as server:
        yield Harness(
            server,
            ledger,
            Reconciler(ledger, AttemptIngest(database, ledger, BUILT_IN.shares_task_ids), SystemClock()),
            database,
        )


def _encode(body: object) -> Reply:
    return Reply(200, json.dumps(body, ensure_ascii=False).encode("utf-8", "surrogatepass"))


def _paths(value: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield (*path, name)
            yield from _paths(item, (*path, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield (*path, index)
            yield from _paths(item, (*path, index))


def _put(body: Any, path: tuple[str | int, ...], value: object, drop: bool = False) -> Any:
    changed = copy.deepcopy(body)
    holder: Any = changed
    for step in path[:-1]:
        holder = holder[step]
    if drop:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return changed


def _cases(sample: Sample) -> Iterator[tuple[str, Callable[[Any], Any]]]:
    for path in _paths(sample.body):
        yield f"drop {path}", lambda body, path=path: _put(body, path, None, drop=True)
        for value in HOSTILE_VALUES:
            yield f"{path} = {value!r:.30}", lambda body, path=path, value=value: _put(body, path, value)


def _clean(harness: Harness, what: str) -> list[str]:
    problems = []
    for entry in harness.ledger.entries():
        if len(entry.title) > TITLE_LIMIT or any(ch in entry.title for ch in "\x00\u202e\n"):
            problems.append(f"{what}: unclean title {entry.title[:40]!r}")
        if type(entry.amount.minor) is not int or abs(entry.amount.minor) > 10**10:
            problems.append(f"{what}: odd amount {entry.amount}")
    return problems


@pytest.mark.parametrize("platform", sorted(SAMPLES))
def test_the_valid_sample_syncs(harness: Harness, platform: str):
    sample = SAMPLES[platform]
    harness.server.script(*[_encode(body) for body in sample.before], _encode(sample.body))
    assert harness.run(sample) is None
    assert harness.ledger.entries(AccountKey(platform, "me"))


@pytest.mark.parametrize("platform", sorted(SAMPLES))
def test_every_field_hostile_ends_typed_and_stores_nothing_half(harness: Harness, platform: str):
    sample = SAMPLES[platform]
    problems: list[str] = []
    for what, mutate in _cases(sample):
        before = ledger_snapshot(harness.database.connection())
        harness.server.script(*[_encode(body) for body in sample.before], _encode(mutate(sample.body)))
        try:
            error = harness.run(sample)
        except Exception as bug:  # the point: nothing but platform errors may come out
            problems.append(f"{what}: {type(bug).__name__}: {bug}")
            continue
        if error is not None:
            if ledger_snapshot(harness.database.connection()) != before:
                problems.append(f"{what}: {error.message} yet something was stored")
            if SECRET in error.message:
                problems.append(f"{what}: the login is in the message")
        else:
            problems.extend(_clean(harness, what))
    assert not problems, "\n".join(problems[:20])


def _transport_cases(platform: str) -> list[tuple[str, object, type[PlatformError]]]:
    return [
        ("not JSON", Reply(200, b"<html>nope</html>", (("Content-Type", "text/html"),)), BadPayload),
        ("a JSON list", Reply(200, b"[1, 2]"), BadPayload),
        ("deep nesting", Reply(200, b"[" * 100_000 + b"]" * 100_000), BadPayload),
        ("401", Reply(401, b"{}"), AuthExpired),
        ("403", Reply(403, b"{}"), AuthExpired),
        ("429 with a hint", Reply(429, b"{}", (*JSON, ("Retry-After", "120"))), RateLimited),
        ("500", Reply(500, b"oops"), PlatformError),
        ("503", Reply(503, b""), PlatformError),
        ("reset", Reset(at_once=True), Unreachable),
        ("cut off", Reset(Reply(200, b'{"results": [' + b"1," * 1000 + b"1]}")), PlatformError),
        ("50 MB", Stream(), BadPayload),
    ]


@pytest.mark.parametrize("platform", sorted(SAMPLES))
def test_transport_failures_are_typed_errors(harness: Harness, platform: str):
    sample = SAMPLES[platform]
    for what, action, expected in _transport_cases(platform):
        harness.server.script(action)  # type: ignore[arg-type]
        started = datetime.now().astimezone()
        error = harness.run(sample)
        assert isinstance(error, expected), (what, error)
        if isinstance(error, RateLimited):
            assert error.retry_at >= started + timedelta(seconds=119), what
        assert harness.ledger.entries() == [], what


def test_prolifics_wait_in_words_is_honoured(harness: Harness):
    detail = b'{"error": {"detail": "Request was throttled. Expected available in 263 seconds."}}'
    harness.server.script(Reply(429, detail))
    started = datetime.now().astimezone()
    error = harness.run(SAMPLES["prolific"])
    assert isinstance(error, RateLimited)
    assert started + timedelta(seconds=262) <= error.retry_at <= started + timedelta(seconds=300)


def test_a_next_page_elsewhere_is_refused_and_the_token_not_sent_there(harness: Harness):
    sample = SAMPLES["prolific"]
    harness.server.script(
        _encode({**sample.body, "_links": {"next": {"href": "https://evil.example/steal?page=2"}}})
    )
    error = harness.run(sample)
    assert isinstance(error, BadPayload) and harness.ledger.entries() == []
    assert all(SECRET not in str(request.headers) for request in harness.server.requests[1:])


@pytest.mark.parametrize(
    ("spelled", "status"),
    [
        ("AWAITING REVIEW", "awaiting_review"),
        ("AWAITING_REVIEW", "awaiting_review"),
        ("awaiting-review", "awaiting_review"),
        ("Screened Out", "screened_out"),
        ("SCREENED_OUT", "screened_out"),
        ("TIMED-OUT", "returned"),
        ("PARTIALLY APPROVED", "approved"),
        ("PARTIALLY_APPROVED", "approved"),
        ("RESERVED", "in_progress"),
    ],
)
def test_prolific_statuses_are_read_however_they_are_spelled(harness: Harness, spelled: str, status: str):
    sample = SAMPLES["prolific"]
    harness.server.script(_encode(_put(sample.body, ("results", 0, "status"), spelled)))
    assert harness.run(sample) is None
    task = harness.ledger.entry("prolific/me/task/study1")
    assert task is not None and task.status.value == status


def test_the_bitlabs_docs_example_with_its_placeholders_is_an_unreadable_reply(harness: Harness):
    from pathlib import Path

    sample = Path("/work/shared/reference/samples/bitlabs_v1_user_history_docs_example.json")
    if not sample.exists():
        pytest.skip("the reference samples are not on this machine")
    harness.server.script(Reply(200, sample.read_bytes()))
    error = harness.run(SAMPLES["bitlabs"])
    assert isinstance(error, BadPayload) and harness.ledger.entries() == []
    fixed = json.loads(sample.read_text())
    fixed["data"][0].update(user_value="0.42", created_at="2026-01-05T10:00:00Z")
    harness.server.script(_encode(fixed))
    assert harness.run(SAMPLES["bitlabs"]) is None
    (entry,) = harness.ledger.entries()
    assert entry.id == "bitlabs/me/task/42" and entry.status.value == "in_progress"  # an OPEN event


def test_a_prolific_study_id_may_come_only_in_the_study_link(harness: Harness):
    sample = SAMPLES["prolific"]
    body = _put(
        _put(sample.body, ("results", 0, "study_id"), None, drop=True),
        ("results", 0, "study", "id"),
        None,
        drop=True,
    )
    body["results"][0]["study_url"] = "https://example.org/s?PROLIFIC_PID=p&STUDY_ID=fromlink&SESSION_ID=x"
    harness.server.script(_encode(body))
    assert harness.run(sample) is None
    assert harness.ledger.entry("prolific/me/task/fromlink") is not None


def test_toloka_records_with_only_the_documented_fields_are_read(harness: Harness):
    """A withdrawal of `amount` and `startDate` alone is a payout on its way; an income-log day of `date` and
    assignments of `income`, `blockedIncome` and `additionalReward` alone is read, named by its place."""
    withdrawals = {"content": [{"amount": "5.00", "startDate": "2021-05-01T10:00:00.000"}], "last": True}
    income = [
        {"date": "2021-04-30", "assignments": [{"income": "0", "blockedIncome": "0.40", "additionalReward": 0}]}
    ]
    for _ in range(2):  # the same ones again: nothing new
        harness.server.script(_encode(withdrawals), _encode(income))
        assert harness.run(SAMPLES["toloka"]) is None
        payout, task = sorted(harness.ledger.entries(), key=lambda entry: entry.kind)
        assert (payout.kind.value, payout.status.value, payout.amount.minor) == ("payout", "submitted", 500)
        assert (task.id, task.status.value, task.amount.minor) == (
            "toloka/me/task/2021-04-30/0",
            "awaiting_review",
            40,
        )


def test_every_field_of_the_mturk_dashboard_hostile_ends_typed_and_clean(harness: Harness):
    sample = SAMPLES["mturk"]
    dashboard = sample.before[0]
    problems: list[str] = []
    for what, mutate in _cases(Sample("mturk", dashboard, (), sample.secret, {})):
        harness.server.script(_encode(mutate(dashboard)), _encode(sample.body))
        try:
            error = harness.run(sample)
        except Exception as bug:  # the point: nothing but platform errors may come out
            problems.append(f"{what}: {type(bug).__name__}: {bug}")
            continue
        if error is None:
            problems.extend(_clean(harness, what))
        elif SECRET in error.message:
            problems.append(f"{what}: the login is in the message")
    assert not problems, "\n".join(problems[:20])


def test_a_prolific_submission_awaiting_review_without_a_completion_is_awaiting_review(harness: Harness):
    """Public clients' data shows submissions awaiting review with no `completed_at`: the state is recorded, dated
    at the start plus `time_taken`, which is kept beside the worker's timer."""
    from surveydesk.ledger.history import History

    sample = SAMPLES["prolific"]
    body = _put(
        _put(sample.body, ("results", 0, "status"), "AWAITING_REVIEW"), ("results", 0, "completed_at"), None
    )
    harness.server.script(_encode(_put(body, ("results", 0, "time_taken"), 570)))
    assert harness.run(sample) is None
    task = harness.ledger.entry("prolific/me/task/study1")
    assert task is not None and task.status.value == "awaiting_review"
    assert task.status_at == datetime(2026, 1, 5, 10, 9, 30, tzinfo=UTC)
    assert History(harness.database).times_of(task.id).platform_seconds == 570


@pytest.mark.parametrize("taken", [-1, True, "570", 10**9, float("nan"), None])
def test_a_prolific_time_taken_no_study_takes_is_not_kept(harness: Harness, taken: object):
    from surveydesk.ledger.history import History

    sample = SAMPLES["prolific"]
    harness.server.script(_encode(_put(sample.body, ("results", 0, "time_taken"), taken)))
    assert harness.run(sample) is None
    assert History(harness.database).times_of("prolific/me/task/study1").platform_seconds is None


DEADLINE = 2.0  # seconds for a whole exchange in the test below
SLACK = 1.5  # seconds a loaded machine may take beyond it


@pytest.mark.parametrize("platform", sorted(SAMPLES))
def test_a_record_trickled_a_byte_at_a_time_is_given_up_on_at_the_deadline(harness: Harness, platform: str):
    """Each byte comes well inside the read timeout; only the whole exchange's deadline ends the run (it took
    650 s and more), as a platform that does not answer in time, with nothing stored."""
    sample = SAMPLES[platform]
    harness.server.script(Trickle(_encode(sample.body), size=1, pause=0.2))

    def session() -> requests.Session:
        made = make_session("SurveyDesk/test", deadline=DEADLINE)
        made.trust_env = False
        return made

    started = time.monotonic()
    error = harness.run(sample, session)
    took = time.monotonic() - started

    assert isinstance(error, Unreachable) and "too slow to answer" in error.message, error
    assert DEADLINE <= took < DEADLINE + SLACK, took
    assert harness.ledger.entries() == []
