"""Shape reports: what a reply did otherwise than its reader's declared shape, by path and kind, never a value;
whether the reading went on; what the worker is told, once per change."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest

from surveydesk.core.clock import SystemClock
from surveydesk.core.errors import BadPayload, PlatformError
from surveydesk.core.model import Account, AccountKey
from surveydesk.net.shapes import (
    LIST,
    NULL,
    NUMBER,
    OBJECT,
    STRING,
    Change,
    Difference,
    Expect,
    Part,
    Shape,
    ShapeWatch,
    differences,
    expect,
    list_of,
    reply_expect,
    share_shape_watch,
)
from surveydesk.platforms.bitlabs import clicks as bitlabs_clicks
from surveydesk.platforms.bitlabs import earnings as bitlabs_earnings
from surveydesk.platforms.bitlabs import tasks as bitlabs_tasks
from surveydesk.platforms.cpx import earnings as cpx_earnings
from surveydesk.platforms.cpx import tasks as cpx_tasks
from surveydesk.platforms.mturk import earnings as mturk_earnings
from surveydesk.platforms.mturk import tasks as mturk_tasks
from surveydesk.platforms.prolific import earnings as prolific_earnings
from surveydesk.platforms.prolific import tasks as prolific_tasks
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.toloka import earnings as toloka_earnings
from surveydesk.platforms.toloka import tasks as toloka_tasks
from surveydesk.secrets import MemorySecrets
from tests.factories import FixedClock
from tests.hostile_server import HostileServer
from tests.ledger_helpers import loopback_session
from tests.locations import DATA
from tests.platforms import test_earnings_hostile as earnings_hostile
from tests.platforms import test_hostile_inputs as hostile

ITEM = Shape(
    "Item",
    id=expect(STRING, NUMBER),
    kind=expect(STRING, known=("survey", "bonus")),
    category=expect(OBJECT, NULL, required=False, shape=Shape("Category", name=expect(STRING))),
    tags=expect(LIST, required=False, items=expect(STRING)),
)
REPLY = Shape("Reply", status=expect(STRING), data=expect(OBJECT, shape=Shape("Data", items=list_of(ITEM))))
VALID: dict[str, Any] = {
    "status": "success",
    "data": {"items": [{"id": 1, "kind": "survey", "category": {"name": "Food"}, "tags": ["a"]}]},
}


def decoded(body: object) -> Any:
    return msgspec.json.decode(json.dumps(body).encode(), type=REPLY.decoding)


def with_item(**changes: object) -> dict[str, Any]:
    item = {**VALID["data"]["items"][0], **changes}
    return {**VALID, "data": {"items": [item]}}


def test_a_reply_as_declared_differs_in_nothing_and_keys_nobody_reads_are_no_difference() -> None:
    body = with_item(new_key={"anything": [1, 2]}, category=None)
    body["added"] = "x"

    assert differences(decoded(body), REPLY) == ()
    assert differences(body, REPLY) == ()


def test_the_shape_decodes_what_is_declared_and_nothing_else() -> None:
    body = with_item(new_key=5)

    assert decoded(body) == {"status": "success", "data": {"items": [{**VALID["data"]["items"][0]}]}}


def test_a_missing_key_a_kind_changed_and_an_unknown_code_are_each_named_by_path() -> None:
    item = {"kind": "quiz", "category": {"name": 7}, "tags": "a"}
    body = {"data": {"items": [item, {"id": [], "kind": "bonus"}]}}

    assert differences(decoded(body), REPLY) == (
        Difference("status", Change.MISSING),
        Difference("data.items[].id", Change.MISSING),
        Difference("data.items[].kind", Change.UNKNOWN_CODE),
        Difference("data.items[].category.name", Change.KIND, (STRING,), NUMBER),
        Difference("data.items[].tags", Change.KIND, (LIST,), STRING),
        Difference("data.items[].id", Change.KIND, (STRING, NUMBER), LIST),
    )


def test_a_difference_repeated_in_every_item_is_reported_once() -> None:
    body = {**VALID, "data": {"items": [{"id": 1, "kind": "new"} for _ in range(500)]}}

    assert differences(body, REPLY) == (Difference("data.items[].kind", Change.UNKNOWN_CODE),)


def _many(count: int, odd_one: dict[str, Any] | None = None, at: int = 0) -> dict[str, Any]:
    items = [{"id": number, "kind": "survey"} for number in range(count)]
    if odd_one is not None:
        items[at] = odd_one
    return {**VALID, "data": {"items": items}}


def test_a_long_list_is_compared_on_a_spread_of_its_items_from_the_first_to_the_last() -> None:
    renamed_everywhere = {**VALID, "data": {"items": [{"ident": n, "kind": "survey"} for n in range(1000)]}}
    assert differences(renamed_everywhere, REPLY) == (Difference("data.items[].id", Change.MISSING),)
    assert differences(_many(1000, {"id": 1, "kind": "quiz"}, at=0), REPLY) != ()
    assert differences(_many(1000, {"id": 1, "kind": "quiz"}, at=999), REPLY) != ()
    assert differences(_many(1000, {"id": 1, "kind": "quiz"}, at=500), REPLY) == ()  # between two sampled
    every = differences(_many(1000, {"id": 1, "kind": "quiz"}, at=500), REPLY, every_item=True)
    assert every == (Difference("data.items[].kind", Change.UNKNOWN_CODE),)


def test_what_the_sample_missed_is_found_when_the_reader_cannot_read_the_reply() -> None:
    watch = ShapeWatch()
    body = _many(1000, {"id": 1, "kind": "quiz"}, at=500)
    with watch.watching("wall", Part.TASKS, "GET /items", body, REPLY):
        pass  # read: the code the sample did not see did not matter
    assert watch.reports() == []
    with pytest.raises(BadPayload), watch.watching("wall", Part.TASKS, "GET /items", body, REPLY):
        raise BadPayload("wall", "an item of a kind it does not know")
    (report,) = watch.reports()
    assert report.differences == (Difference("data.items[].kind", Change.UNKNOWN_CODE),) and not report.works


def test_a_reply_of_another_kind_altogether_is_one_difference() -> None:
    assert differences(["not", "an", "object"], REPLY) == (Difference("(reply)", Change.KIND, (OBJECT,), LIST),)


def test_the_words_of_a_difference_hold_its_path_and_kinds_only() -> None:
    found = differences(decoded(with_item(kind="SECRET-CODE", id={"SECRET-KEY": "SECRET-VALUE"})), REPLY)

    assert [str(difference.words) for difference in found] == [
        "data.items[].id: string or number expected, object found",
        "data.items[].kind: a value SurveyDesk does not know",
    ]


def test_a_read_that_goes_on_is_reported_as_still_read_and_one_that_fails_as_not() -> None:
    changed: list[str] = []
    watch = ShapeWatch(lambda: changed.append("news"))

    with watch.watching("wall", Part.TASKS, "GET /items", with_item(kind="quiz"), REPLY):
        pass
    with pytest.raises(BadPayload), watch.watching("wall", Part.EARNINGS, "GET /log", {"data": 1}, REPLY):
        raise BadPayload("wall", "no list")

    assert [(report.part, report.works) for report in watch.reports()] == [
        (Part.TASKS, True),
        (Part.EARNINGS, False),
    ]
    assert changed == ["news", "news"]
    assert [(depth, str(line)) for depth, line in watch.lines()] == [
        (0, "wall · tasks · GET /items: still read"),
        (1, "data.items[].kind: a value SurveyDesk does not know"),
        (0, "wall · earnings · GET /log: not read"),
        (1, "status: missing"),
        (1, "data: object expected, number found"),
    ]


def test_a_reply_as_declared_reports_nothing_whatever_its_read_does() -> None:
    watch = ShapeWatch()

    with pytest.raises(BadPayload), watch.watching("wall", Part.TASKS, "GET /items", VALID, REPLY):
        raise BadPayload("wall", "an unreadable amount")

    assert watch.reports() == [] and watch.lines() == []


def test_the_worker_is_told_once_per_change_what_still_works() -> None:
    watch = ShapeWatch()
    names = {"wall": "The Wall"}.__getitem__

    with watch.watching("wall", Part.TASKS, "GET /items", with_item(kind="quiz"), REPLY):
        pass
    first = watch.news(names)
    with watch.watching("wall", Part.TASKS, "GET /items", with_item(kind="quiz"), REPLY):
        pass
    again = watch.news(names)
    with pytest.raises(BadPayload), watch.watching("wall", Part.EARNINGS, "GET /log", {}, REPLY):
        raise BadPayload("wall", "no list")
    then = watch.news(names)

    assert [str(sentence) for sentence in first] == [
        "The Wall changed something SurveyDesk reads; its tasks still show. Help, Report a platform change… "
        "shows what changed, to send to SurveyDesk's makers."
    ]
    assert again == []
    assert [str(sentence) for sentence in then] == [
        "The Wall changed something SurveyDesk reads; its tasks still show, earnings from it wait. Help, Report "
        "a platform change… shows what changed, to send to SurveyDesk's makers."
    ]


# --------------------------------------------------------------------------------------------------------------
# The survey walls' readers: the public docs' examples, and the hostile suite's replies

DOCS = DATA / "docs_examples"
DOCS_EXAMPLES = {
    "bitlabs-surveys": ("bitlabs_v2_surveys_docs_example_first_item.json", bitlabs_tasks.SURVEYS_REPLY),
    "bitlabs-history": ("bitlabs_v1_user_history_docs_example.json", bitlabs_earnings.HISTORY_REPLY),
    "bitlabs-click-step": ("bitlabs_v2_get_click_docs_example.json", bitlabs_clicks.STEP_SHAPE),
    "cpx-surveys": ("cpx_get_surveys_docs_example.json", cpx_tasks.ANSWER),
}


@pytest.mark.parametrize(("name", "shape"), DOCS_EXAMPLES.values(), ids=DOCS_EXAMPLES.keys())
def test_the_platforms_documented_replies_differ_from_no_declared_shape(name: str, shape: Shape) -> None:
    content = (DOCS / name).read_bytes()

    assert differences(msgspec.json.decode(content, type=shape.decoding), shape) == ()
    assert differences(json.loads(content), shape) == ()


TASK_SHAPES: dict[str, Shape | Expect] = {
    "prolific": prolific_tasks.STUDIES_PAGE,
    "mturk": mturk_tasks.SEARCH_PAGE,
    "bitlabs": bitlabs_tasks.SURVEYS_REPLY,
    "cpx": cpx_tasks.ANSWER,
    "toloka": toloka_tasks.GROUPS_REPLY,
}
EARNINGS_SHAPES: dict[str, Shape | Expect] = {
    "prolific": prolific_earnings.SUBMISSIONS_PAGE,
    "mturk": mturk_earnings.DETAILS_SHAPE,
    "bitlabs": bitlabs_earnings.HISTORY_REPLY,
    "cpx": cpx_earnings.INBOX,
    "toloka": toloka_earnings.INCOME_REPLY,
}
# The replies an earnings reader asks for before the hostile suite's sample (`Sample.before`), and their shapes.
EARLIER_SHAPES: dict[str, tuple[Shape | Expect, ...]] = {
    "mturk": (mturk_earnings.DASHBOARD_SHAPE,),
    "toloka": (toloka_earnings.WITHDRAWALS_REPLY,),
}


def test_every_platform_declares_the_shapes_of_its_tasks_and_earnings() -> None:
    assert set(TASK_SHAPES) == set(EARNINGS_SHAPES) == {spec.platform for spec in BUILT_IN}


@pytest.mark.parametrize("platform", TASK_SHAPES)
def test_the_hostile_suites_valid_replies_differ_from_no_declared_shape(platform: str) -> None:
    sample = earnings_hostile.SAMPLES[platform]
    assert differences(hostile.SAMPLE_OF[platform].body, TASK_SHAPES[platform]) == ()
    assert differences(sample.body, EARNINGS_SHAPES[platform]) == ()
    earlier = EARLIER_SHAPES.get(platform, ())
    assert len(earlier) == len(sample.before)
    assert all(differences(body, shape) == () for body, shape in zip(sample.before, earlier, strict=True))


def declared(shape: Shape | Expect, path: tuple[str | int, ...]) -> Expect | None:
    """What `shape` expects at a reply's path (list positions read as any item); None where it reads nothing."""
    found: Expect | None = reply_expect(shape)
    for key in path:
        if found is None:
            return None
        if isinstance(key, int):
            found = found.items
        else:
            found = found.shape.fields.get(key) if found.shape is not None else None
    return found


def dotted(path: tuple[str | int, ...]) -> str:
    return "".join("[]" if isinstance(key, int) else f".{key}" for key in path).lstrip(".")


def poll_watched(platform: str, body: object, server: HostileServer, watch: ShapeWatch) -> object:
    sample = hostile.SAMPLE_OF[platform]
    connector = BUILT_IN.spec(platform).connector(
        sample.account(server.url), lambda: sample.secret, loopback_session(), FixedClock(hostile.NOW)
    )
    share_shape_watch(connector, watch)
    server.script(hostile.reply(body))
    return hostile.poll(connector)


def read_watched(
    platform: str, body: object, server: HostileServer, watch: ShapeWatch, before: tuple[object, ...] | None = None
) -> object:
    """A sync of the platform's reader, `body` answered after the replies it asks first (`before`, else the
    hostile suite's): its batches, or its error."""
    sample = earnings_hostile.SAMPLES[platform]
    account = Account(AccountKey(platform, "me"), "me", server.url, options=sample.options)
    reader = BUILT_IN.build_reader(account, MemorySecrets({account.key: sample.secret}), SystemClock(),
                                   loopback_session)  # fmt: skip
    assert reader is not None
    share_shape_watch(reader, watch)
    earlier = sample.before if before is None else before
    server.script(*(hostile.reply(reply) for reply in earlier), hostile.reply(body))
    try:
        return [batch for batch in reader.read("")]
    except PlatformError as error:
        return error


@pytest.fixture
def wall() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


READERS = {"tasks": (poll_watched, TASK_SHAPES), "earnings": (read_watched, EARNINGS_SHAPES)}
CHANGED_REPLIES = [
    pytest.param(part, platform, path, kind, id=f"{platform}-{part}-{kind}-for-{dotted(path) or 'reply'}")
    for part, bodies in (
        ("tasks", {name: hostile.SAMPLE_OF[name].body for name in TASK_SHAPES}),
        ("earnings", {name: earnings_hostile.SAMPLES[name].body for name in EARNINGS_SHAPES}),
    )
    for platform, body in bodies.items()
    for path, value in hostile.nodes(body)
    for kind in [*(kind for kind in hostile.WRONG_TYPES if kind != hostile.kind_of(value)), "missing"]
    if kind != "missing" or isinstance(path[-1], str)
]


@pytest.mark.parametrize(("part", "platform", "path", "kind"), CHANGED_REPLIES)
def test_a_changed_field_the_reader_reads_is_reported_by_path_and_whether_reading_went_on(
    part: str, platform: str, path: tuple[str | int, ...], kind: str, wall: HostileServer
) -> None:
    """Every field of the hostile suite's valid replies given each other kind of value, or taken away: a field
    the reader declares is reported exactly when the change breaks its declaration; the report says the reply
    was still read exactly when the read ended in tasks or entries."""
    read, shapes = READERS[part]
    valid = hostile.SAMPLE_OF[platform].body if part == "tasks" else earnings_hostile.SAMPLES[platform].body
    changed = (
        hostile.drop(valid, path) if kind == "missing" else hostile.put(valid, path, hostile.WRONG_TYPES[kind])
    )
    watch = ShapeWatch()

    outcome = read(platform, changed, wall, watch)

    expected = declared(shapes[platform], path)
    breaks = expected is not None and (
        expected.required
        if kind == "missing"
        else kind not in expected.kinds or (bool(expected.known) and kind in ("string", "number"))
    )  # a code no reader knows is a change too
    found = [difference for report in watch.reports() for difference in report.differences]
    paths = [difference.path for difference in found if not difference.change.sets_aside]
    assert (dotted(path) in paths) is breaks, paths
    assert [report.works for report in watch.reports()] == (
        [not isinstance(outcome, PlatformError)] if found else []
    ), outcome


# Canaries: every value of the reply is one, and each change plants more; none may reach a report.
CANARY = "CANARY"
CANARY_NUMBER = 7_770_000


def canaried(body: object) -> Any:
    """`body` with every string a canary and every number a canary number."""
    planted = copy.deepcopy(body)
    for number, (path, value) in enumerate(list(hostile.nodes(planted))):
        if isinstance(value, str):
            planted = hostile.put(planted, path, f"{CANARY}-{number}")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            planted = hostile.put(planted, path, CANARY_NUMBER + number)
    return planted


CANARY_VALUES: dict[str, object] = {
    "string": f"{CANARY}-string",
    "number": CANARY_NUMBER + 999,
    "list": [f"{CANARY}-in-a-list"],
    "object": {f"{CANARY}-key": f"{CANARY}-value"},
}


@pytest.mark.parametrize(("part", "platform"), [(part, name) for part in READERS for name in TASK_SHAPES])
def test_no_value_of_a_reply_reaches_a_shape_report(part: str, platform: str, wall: HostileServer) -> None:
    read, _shapes = READERS[part]
    valid = hostile.SAMPLE_OF[platform].body if part == "tasks" else earnings_hostile.SAMPLES[platform].body
    body = canaried(valid)
    watch = ShapeWatch()

    read(platform, body, wall, watch)
    for path, value in list(hostile.nodes(body)):
        for kind, planted in CANARY_VALUES.items():
            if kind != hostile.kind_of(value):
                read(platform, hostile.put(body, path, planted), wall, watch)

    text = "\n".join(str(line) for _depth, line in watch.lines())
    text += "\n".join(watch.news(str.upper))
    assert watch.reports(), "no change was reported at all"
    assert CANARY not in text and str(CANARY_NUMBER)[:4] not in text, text


# --------------------------------------------------------------------------------------------------------------
# A platform renames or retypes a field: its report names it, and the other platforms go on


def renamed(body: Any, path: tuple[str | int, ...], new_name: str) -> Any:
    """`body` with the field at `path` under another name."""
    value: Any = body
    for key in path:
        value = value[key]
    return hostile.put(hostile.drop(body, path), (*path[:-1], new_name), value)


def reported(watch: ShapeWatch) -> list[tuple[str, Part, bool, list[str]]]:
    return [
        (report.platform, report.part, report.works, [str(difference.words) for difference in report.differences])
        for report in watch.reports()
    ]


NAMES = {"prolific": "Prolific", "mturk": "MTurk", "toloka": "Toloka"}.__getitem__


def test_a_renamed_study_reward_is_reported_and_read_under_its_legacy_name_while_the_others_go_on(
    wall: HostileServer,
) -> None:
    watch = ShapeWatch()
    prolific_body = renamed(hostile.SAMPLE_OF["prolific"].body, ("results", 0, "study_reward"), "reward")

    studies = poll_watched("prolific", prolific_body, wall, watch)
    others = {name: poll_watched(name, hostile.SAMPLE_OF[name].body, wall, watch) for name in ("mturk", "toloka")}

    assert isinstance(studies, list) and [str(task.reward.as_decimal()) for task in studies] == ["2.59"]
    assert all(isinstance(tasks, list) and len(tasks) == 1 for tasks in others.values()), others
    assert reported(watch) == [("prolific", Part.TASKS, True, ["results[].study_reward: missing"])]
    assert [str(sentence) for sentence in watch.news(NAMES)] == [
        "Prolific changed something SurveyDesk reads; its tasks still show. Help, Report a platform change… "
        "shows what changed, to send to SurveyDesk's makers."
    ]


def test_a_renamed_amount_of_tolokas_income_log_makes_its_earnings_wait_rather_than_book_a_rejection(
    wall: HostileServer,
) -> None:
    """A task under review whose `blockedIncome` is no longer there would be read as accepted for nothing."""
    watch = ShapeWatch()
    valid = earnings_hostile.SAMPLES["toloka"].body
    under_review = hostile.put(hostile.put(valid, (0, "assignments", 0, "income"), "0.00"),
                               (0, "assignments", 0, "blockedIncome"), "1.00")  # fmt: skip

    outcome = read_watched("toloka", renamed(under_review, (0, "assignments", 0, "blockedIncome"), "heldIncome"),
                           wall, watch)  # fmt: skip
    others = [
        read_watched(name, earnings_hostile.SAMPLES[name].body, wall, watch) for name in ("prolific", "mturk")
    ]

    assert isinstance(outcome, PlatformError), outcome
    assert all(isinstance(batches, list) and batches for batches in others), others
    assert reported(watch) == [("toloka", Part.EARNINGS, False, ["[].assignments[].blockedIncome: missing"])]
    assert [str(sentence) for sentence in watch.news(NAMES)] == [
        "Toloka changed something SurveyDesk reads; earnings from it wait. Help, Report a platform change… "
        "shows what changed, to send to SurveyDesk's makers."
    ]


@pytest.mark.parametrize(
    ("platform", "path", "value", "words", "works"),
    [
        ("prolific", ("results", 0, "time_taken"), "630", "results[].time_taken: number or null expected, "
         "string found", True),
        ("prolific", ("results", 0, "status"), "PAID", "results[].status: a value SurveyDesk does not know",
         False),
        ("mturk", ("results", 0, "state"), 2, "results[].state: string expected, number found", False),
        ("mturk", ("results", 0, "title"), ["Tag photos"], "results[].title: string or null expected, list found",
         True),
        ("toloka", (0, "assignments", 0, "poolId"), {"id": 7}, "[].assignments[].poolId: string or number or null "
         "expected, object found", True),
    ],
)  # fmt: skip
def test_a_retyped_field_of_an_earnings_reply_is_named_with_whether_its_earnings_still_came_in(
    platform: str, path: tuple[str | int, ...], value: object, words: str, works: bool, wall: HostileServer
) -> None:
    watch = ShapeWatch()

    outcome = read_watched(
        platform, hostile.put(earnings_hostile.SAMPLES[platform].body, path, value), wall, watch
    )

    assert isinstance(outcome, list) is works, outcome
    assert reported(watch) == [(platform, Part.EARNINGS, works, [words])]


@pytest.mark.parametrize(
    ("platform", "body", "words", "works"),
    [
        ("mturk", {"daily_hit_statistics_overview": [{"date": "2026-01-05T00:00:00-08:00", "submitted": 1}]},
         "daily_hit_statistics_overview[].bonus_rewards: missing", True),
        ("toloka", {"content": [{"amount": "5.00", "startDate": 20260106}], "last": True},
         "content[].startDate: string expected, number found", False),
    ],
)  # fmt: skip
def test_the_first_reply_of_a_two_reply_earnings_reader_is_watched_too(
    platform: str, body: dict[str, Any], words: str, works: bool, wall: HostileServer
) -> None:
    """MTurk's dashboard and Toloka's withdrawal log come before the replies the hostile suite changes."""
    watch = ShapeWatch()

    outcome = read_watched(platform, earnings_hostile.SAMPLES[platform].body, wall, watch, before=(body,))

    assert isinstance(outcome, list) is works, outcome
    assert reported(watch) == [(platform, Part.EARNINGS, works, [words])]
