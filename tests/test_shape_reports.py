"""Shape reports: what a reply did otherwise than its reader's declared shape, by path and kind, never a value;
whether the reading went on; what the worker is told, once per change."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from surveydesk.core.errors import BadPayload
from surveydesk.net.shapes import (
    LIST,
    NULL,
    NUMBER,
    OBJECT,
    STRING,
    Change,
    Difference,
    Part,
    Shape,
    ShapeWatch,
    differences,
    expect,
    list_of,
)

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
