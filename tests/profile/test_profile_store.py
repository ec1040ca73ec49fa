"""The profile on disk: answers, the worker's sharing choices, the sent log, export and deletion."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from surveydesk.platforms.registry import BUILT_IN
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import ProfileStore
from surveydesk.store import Database
from tests.factories import FixedClock


def make_store(database: Database) -> ProfileStore:
    return ProfileStore(database, FixedClock(), BUILT_IN.default_permission)


def test_answers_round_trip_and_an_empty_answer_removes_the_field(database: Database) -> None:
    store = make_store(database)
    store.set_answers({"gender": "female", "languages": ("en", "de"), "children": "2"})
    assert store.answers() == {"gender": "female", "languages": ("en", "de"), "children": "2"}
    store.set_answer("children", None)
    assert "children" not in store.answers()


def test_sharing_defaults_never_send_unseen(database: Database) -> None:
    store = make_store(database)
    assert store.permission("gender", "cpx") is Permission.NEVER
    assert store.permission("gender", "bitlabs") is Permission.ASK
    assert store.permission("gender", "somewhere-new") is Permission.NEVER
    store.set_permission("gender", "cpx", Permission.ALWAYS)
    assert store.permissions("cpx", ["gender", "postal_code"]) == {
        "gender": Permission.ALWAYS,
        "postal_code": Permission.NEVER,
    }


def test_what_was_sent_is_counted_per_account_field_and_channel(database: Database) -> None:
    clock = FixedClock()
    store = ProfileStore(database, clock)
    store.record_sent("cpx", "main", ["gender", "postal_code"], "survey request")
    clock.advance(120)
    store.record_sent("cpx", "main", ["gender"], "survey request")
    sent = {(item.field, item.times) for item in store.disclosures()}
    assert sent == {("gender", 2), ("postal_code", 1)}
    gender = next(item for item in store.disclosures() if item.field == "gender")
    assert (gender.last_at - gender.first_at).total_seconds() == 120


def test_export_is_one_json_document_with_everything(database: Database) -> None:
    store = make_store(database)
    store.set_answers({"gender": "female", "languages": ("en",)})
    store.set_answer("bitlabs:7d3f1b9e2c", ("1", "3"), label="Which streaming services?", platform="bitlabs")
    store.set_permission("gender", "cpx", Permission.ALWAYS)
    store.record_sent("cpx", "main", ["gender"], "survey request")
    store.record_screener_answer("prolific", "abc", "gender", "female")
    document = json.loads(json.dumps(store.export(schema_version=1)))
    assert document["answers"] == {"gender": "female", "languages": ["en"]}
    assert document["platform_questions"][0]["question"] == "Which streaming services?"
    assert document["sharing"] == [{"field": "gender", "platform": "cpx", "permission": "always"}]
    assert document["sent"][0]["field"] == "gender"
    assert document["screener_answers"][0]["answer"] == "female"


def test_delete_leaves_nothing_of_the_profile_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "surveydesk.sqlite3"
    database = Database.open(path)
    store = make_store(database)
    store.set_answers({"postal_code": "ZZ9 9ZZ", "occupation": "lighthouse keeper"})
    store.record_sent("cpx", "main", ["postal_code"], "survey request")
    store.record_screener_answer("prolific", "abc", "occupation", "lighthouse keeper")
    store.delete_everything()
    assert store.answers() == {} and store.disclosures() == [] and store.screener_answers() == []
    database.close()
    with closing(sqlite3.connect(path)) as check:
        assert check.execute("SELECT count(*) FROM profile_answers").fetchone() == (0,)
    raw = b"".join(file.read_bytes() for file in tmp_path.iterdir() if file.name.startswith("surveydesk"))
    assert b"lighthouse keeper" not in raw and b"ZZ9 9ZZ" not in raw


def test_an_unreadable_stored_answer_is_left_out_not_fatal(database: Database, caplog) -> None:
    store = make_store(database)
    store.set_answer("gender", "female")
    with database.transaction() as connection:
        connection.execute(
            "INSERT INTO profile_answers (field, value, updated_at) VALUES ('children', '{oops', 'x'), "
            "('languages', '[1, 2]', 'x')"
        )
    assert store.answers() == {"gender": "female"}
    assert "cannot be read" in caplog.text
