"""The last check on every platform's tasks: text made safe to show, numbers no task has refused."""

from __future__ import annotations

import pytest

from surveydesk.core.errors import BadPayload
from surveydesk.core.money import Money
from surveydesk.core.sanitize import TITLE_LIMIT, checked_tasks, clean_text
from tests.factories import make_task


def test_clean_tasks_come_back_as_the_same_objects():
    tasks = [make_task("a"), make_task("b", title="Survey <b>about</b> =cmd|' /C calc'!A0")]
    checked = checked_tasks("prolific", tasks)
    assert all(after is before for after, before in zip(checked, tasks, strict=True))


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Invoice\u202egnp.exe", "Invoicegnp.exe"),  # right-to-left override would show "exe.png"
        ("Bell\x07 and\x00 null", "Bell and null"),
        ("two\nlines\tand tabs", "two lines and tabs"),
        ("\ufeffBOM first", "BOM first"),
    ],
)
def test_titles_lose_control_and_direction_characters(raw: str, shown: str):
    (task,) = checked_tasks("prolific", [make_task("a", title=raw)])
    assert task.title == shown


def test_long_texts_are_cut_and_descriptions_keep_their_lines():
    (task,) = checked_tasks("prolific", [make_task("a", title="x" * 10_000, description="one\ntwo\x1b[31m")])
    assert len(task.title) == TITLE_LIMIT and task.title.endswith("…")
    assert task.description == "one\ntwo[31m"
    assert clean_text("  a   b  ", 10) == "a b"


def test_an_unsafe_address_is_dropped_rather_than_altered():
    (task,) = checked_tasks("prolific", [make_task("a", url="https://example.org/\u202eevil")])
    assert task.url == ""


@pytest.mark.parametrize(
    "bad",
    [
        make_task("a", reward=Money(-1, "GBP")),
        make_task("a", reward=Money(10**15, "GBP")),
        make_task("a", estimated_minutes=-5),
        make_task("a", places_left=10**12),
        make_task("a\u202e"),
        make_task("x" * 1000),
    ],
)
def test_numbers_and_ids_no_task_has_spoil_the_reply(bad):
    with pytest.raises(BadPayload):
        checked_tasks("prolific", [make_task("fine"), bad])


def test_a_checker_gives_back_the_same_result_for_a_task_seen_last_poll():
    from surveydesk.core.sanitize import TaskChecker

    checker = TaskChecker()
    dirty = make_task("a", title="Bell\x07")
    (first,) = checker.check("prolific", [dirty])
    (again,) = checker.check("prolific", [dirty])
    assert again is first and first.title == "Bell"
    with pytest.raises(BadPayload):
        checker.check("prolific", [make_task("b", reward=Money(-1, "GBP"))])


def test_a_checker_checks_only_the_places_of_a_task_whose_offer_did_not_change():
    from surveydesk.core.sanitize import TaskChecker

    checker = TaskChecker()
    clean, dirty = make_task("clean", places_left=9), make_task("dirty", title="Bell\x07", places_left=9)
    checker.check("prolific", [clean, dirty])
    fewer_clean, fewer_dirty = clean.with_places_left(8), dirty.with_places_left(8)
    same, cleaned = checker.check("prolific", [fewer_clean, fewer_dirty])
    assert same is fewer_clean
    assert (cleaned.title, cleaned.places_left) == ("Bell", 8)
    with pytest.raises(BadPayload):
        checker.check("prolific", [same.with_places_left(-1)])


def test_a_checker_checks_again_a_task_whose_offer_changed_since_last_poll():
    from dataclasses import replace

    from surveydesk.core.sanitize import TaskChecker

    checker = TaskChecker()
    task = make_task("a", places_left=9)
    checker.check("prolific", [task])
    (changed,) = checker.check("prolific", [replace(task, title="Now \u202eexe.pdf", places_left=8)])
    assert changed.title == "Now exe.pdf"
