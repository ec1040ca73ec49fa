"""Tests of the SQLite store on real files: pragmas, migrations, backups, refusals, task merging, accounts."""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from surveydesk.core.clock import utc_iso
from surveydesk.core.model import Account, AccountKey, MergeResult, Task
from surveydesk.core.money import Money
from surveydesk.store import (
    MIGRATIONS,
    AccountStore,
    Database,
    Migration,
    MigrationError,
    NewerDatabaseError,
    NotADatabaseError,
    StoreError,
    TaskStore,
)

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
PROLIFIC = AccountKey("prolific", "worker-1")
MTURK = AccountKey("mturk", "worker-2")

NOTES_V1 = Migration(1, "notes", ("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",))
NOTES_V2 = Migration(2, "note tags", ("ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT ''",))


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def task(external_id: str, account: AccountKey = PROLIFIC, **changes: Any) -> Task:
    """A task as a connector returns it: first_seen and last_seen are the fetch time, which the store replaces."""
    fetched = datetime(2000, 1, 1, tzinfo=UTC)
    base = Task(
        account.platform,
        account.account,
        external_id,
        f"Survey {external_id}",
        Money(150, "GBP"),
        fetched,
        fetched,
    )
    return replace(base, **changes)


def inspect(path: Path) -> tuple[int, list[tuple[str, str]]]:
    """The file's user_version and schema, read with a plain connection."""
    with closing(sqlite3.connect(path)) as connection:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        schema = connection.execute("SELECT type, name FROM sqlite_master ORDER BY type, name").fetchall()
    return version, schema


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {entry.name: (entry.read_bytes(), entry.stat().st_mtime_ns) for entry in sorted(folder.iterdir())}


def ids(tasks: tuple[Task, ...] | list[Task]) -> list[str]:
    return [item.external_id for item in tasks]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "surveydesk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


# --- Database: pragmas, connections, transactions ----------------------------------------------------------


def test_open_sets_wal_and_the_connection_pragmas(db: Database) -> None:
    connection = db.connection()
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA synchronous").fetchone() == (1,)  # NORMAL
    assert connection.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert connection.execute("PRAGMA busy_timeout").fetchone() == (5000,)
    assert connection.isolation_level is None


def test_a_new_file_is_at_the_newest_migration(db: Database, db_path: Path) -> None:
    version, schema = inspect(db_path)
    assert version == MIGRATIONS[-1].version
    assert ("table", "accounts") in schema
    assert ("table", "tasks") in schema
    assert ("index", "tasks_by_account_gone") in schema


def test_each_thread_has_its_own_connection_and_close_closes_them_all(db: Database) -> None:
    seen: list[sqlite3.Connection] = []
    worker = threading.Thread(target=lambda: seen.append(db.connection()))
    worker.start()
    worker.join()
    assert db.connection() is db.connection()
    assert seen[0] is not db.connection()

    db.close()
    with pytest.raises(sqlite3.ProgrammingError):
        seen[0].execute("SELECT 1")
    with pytest.raises(sqlite3.ProgrammingError):
        db.connection().execute("SELECT 1")
    errors: list[BaseException] = []

    def connect_after_close() -> None:
        try:
            db.connection()
        except StoreError as error:
            errors.append(error)

    late = threading.Thread(target=connect_after_close)
    late.start()
    late.join()
    assert len(errors) == 1


def test_a_transaction_rolls_back_on_error(db: Database) -> None:
    accounts = AccountStore(db)
    with pytest.raises(RuntimeError), db.transaction() as connection:
        connection.execute("INSERT INTO accounts (platform, account, label, base_url) VALUES ('p', 'a', 'A', 'u')")
        raise RuntimeError("boom")
    assert accounts.list_accounts() == []
    assert not db.connection().in_transaction


def test_a_transaction_inside_another_commits_with_it_or_not_at_all(db: Database) -> None:
    """A store's write inside a caller's transaction (replication writes a batch through several stores) is part
    of it: undone with it, and undone alone when the inner block fails and the caller goes on."""
    insert = "INSERT INTO accounts (platform, account, label, base_url) VALUES ('p', ?, ?, 'u')"
    with pytest.raises(RuntimeError), db.transaction() as outer:
        outer.execute(insert, ("a", "A"))
        with db.transaction() as inner:
            inner.execute(insert, ("b", "B"))
        raise RuntimeError("boom")
    assert AccountStore(db).list_accounts() == []
    with db.transaction() as outer:
        outer.execute(insert, ("a", "A"))
        with pytest.raises(RuntimeError), db.transaction() as inner:
            inner.execute(insert, ("b", "B"))
            raise RuntimeError("boom")
    assert [account.key.account for account in AccountStore(db).list_accounts()] == ["a"]
    assert not db.connection().in_transaction


# --- Migrations, backups and refusals ------------------------------------------------------------------------


def test_migrations_run_in_order(db_path: Path) -> None:
    migrations = (
        Migration(1, "create", ("CREATE TABLE log (step TEXT)", "INSERT INTO log VALUES ('one')")),
        Migration(2, "append", ("INSERT INTO log VALUES ('two')",)),
        Migration(5, "append again", ("INSERT INTO log VALUES ('five')",)),
    )
    with Database.open(db_path, migrations) as database:
        steps = database.connection().execute("SELECT step FROM log ORDER BY rowid").fetchall()
    assert steps == [("one",), ("two",), ("five",)]
    assert inspect(db_path)[0] == 5


@pytest.mark.parametrize("versions", [(2, 1), (1, 1), (0, 1)], ids=["descending", "duplicate", "zero"])
def test_migration_versions_must_increase(db_path: Path, versions: tuple[int, ...]) -> None:
    migrations = [Migration(version, "x", ()) for version in versions]
    with pytest.raises(ValueError, match="strictly increasing"):
        Database.open(db_path, migrations)
    assert not db_path.exists()


def test_a_failing_migration_changes_nothing(db_path: Path) -> None:
    Database.open(db_path, [NOTES_V1]).close()
    before = inspect(db_path)
    broken = Migration(2, "half done", ("CREATE TABLE extra (x)", "INSERT INTO missing VALUES (1)"))

    with pytest.raises(MigrationError, match="version 2") as caught:
        Database.open(db_path, [NOTES_V1, broken])

    assert caught.value.version == 2
    assert isinstance(caught.value.__cause__, sqlite3.OperationalError)
    assert inspect(db_path) == before == (1, [("table", "notes")])


def test_migrations_before_a_failing_one_stay_applied(db_path: Path) -> None:
    broken = Migration(2, "broken", ("CREATE TABLE extra (x)", "NOT SQL"))
    with pytest.raises(MigrationError):
        Database.open(db_path, [NOTES_V1, broken])
    assert inspect(db_path) == (1, [("table", "notes")])


def test_an_existing_file_is_backed_up_before_it_is_migrated(db_path: Path) -> None:
    with Database.open(db_path, [NOTES_V1]) as database:
        database.connection().execute("INSERT INTO notes (text) VALUES ('keep me')")

    Database.open(db_path, [NOTES_V1, NOTES_V2]).close()

    backups = sorted(db_path.parent.glob("*backup*"))
    assert len(backups) == 1
    assert re.fullmatch(r"surveydesk\.backup-v1-\d{8}T\d{6}Z\.sqlite3", backups[0].name)
    with closing(sqlite3.connect(backups[0])) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA user_version").fetchone() == (1,)
        assert copy.execute("SELECT * FROM notes").fetchall() == [(1, "keep me")]
    assert inspect(db_path)[0] == 2


def test_no_backup_of_a_new_file_or_of_an_up_to_date_one(db_path: Path) -> None:
    Database.open(db_path).close()
    Database.open(db_path).close()
    assert [entry.name for entry in db_path.parent.iterdir()] == [db_path.name]


def test_a_newer_database_is_refused_without_writing_anything(db_path: Path) -> None:
    Database.open(db_path, [NOTES_V1, NOTES_V2]).close()
    before = snapshot(db_path.parent)

    with pytest.raises(NewerDatabaseError) as caught:
        Database.open(db_path, [NOTES_V1])

    assert snapshot(db_path.parent) == before
    error = caught.value
    assert (error.path, error.found, error.supported) == (db_path, 2, 1)
    assert "written by a newer version of SurveyDesk" in str(error)
    assert "cannot open it" in str(error)
    assert "nothing was changed" in str(error)


def test_a_newer_version_still_in_the_wal_is_refused(db_path: Path) -> None:
    Database.open(db_path, [NOTES_V1]).close()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as newer:
        newer.execute("PRAGMA user_version = 7")  # not checkpointed yet: the file header still says 1
        with pytest.raises(NewerDatabaseError) as caught:
            Database.open(db_path, [NOTES_V1])
    assert (caught.value.found, caught.value.supported) == (7, 1)


def test_a_newer_version_left_in_a_wal_file_is_read_without_being_written(db_path: Path, tmp_path: Path) -> None:
    """A newer SurveyDesk that stopped before checkpointing leaves its data in the -wal file; opening it here
    must not copy that into the main file (a writing connection does so when it closes)."""
    Database.open(db_path, [NOTES_V1]).close()
    left = tmp_path / "left-by-a-newer-version"
    left.mkdir()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as newer:
        newer.execute("PRAGMA wal_autocheckpoint = 0")
        newer.execute("PRAGMA user_version = 7")
        for name in (db_path.name, db_path.name + "-wal"):  # the files as a crash of the newer version leaves them
            shutil.copyfile(db_path.parent / name, left / name)
    before = {name: (left / name).read_bytes() for name in (db_path.name, db_path.name + "-wal")}
    with pytest.raises(NewerDatabaseError, match="nothing was changed"):
        Database.open(left / db_path.name, [NOTES_V1])
    assert {name: (left / name).read_bytes() for name in before} == before


@pytest.mark.parametrize(
    "content",
    [b"name,reward\nsurvey,1.50\n" * 10, b"SQLite format 3\x00 but cut short", b"\x00" * 4096],
    ids=["csv", "truncated-header", "zeros"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    before = snapshot(db_path.parent)
    with pytest.raises(NotADatabaseError, match="not an SQLite file"):
        Database.open(db_path)
    assert snapshot(db_path.parent) == before


# --- TaskStore --------------------------------------------------------------------------------------------------


def test_merge_reports_new_updated_and_gone(db: Database) -> None:
    store = TaskStore(db)
    first = store.merge(PROLIFIC, [task("a"), task("b"), task("c")], at(1))
    assert ids(first.new) == ["a", "b", "c"]
    assert (first.updated, first.gone) == ((), ())
    assert all(item.first_seen == item.last_seen == at(1) for item in first.new)

    second = store.merge(PROLIFIC, [task("a"), task("b", title="Longer survey"), task("d")], at(2))

    assert ids(second.new) == ["d"]
    assert second.updated == (replace(task("b", title="Longer survey"), first_seen=at(1), last_seen=at(2)),)
    assert second.gone == (("prolific", "worker-1", "c"),)
    assert (second.account, second.seen_at, second.total_changes) == (PROLIFIC, at(2), 3)
    current = store.current_tasks(PROLIFIC)
    assert ids(current) == ["a", "b", "d"]
    assert [(item.first_seen, item.last_seen) for item in current] == [
        (at(1), at(2)),
        (at(1), at(2)),
        (at(2), at(2)),
    ]
    gone_at = db.connection().execute("SELECT gone_at, last_seen FROM tasks WHERE external_id = 'c'").fetchone()
    assert gone_at == (utc_iso(at(2)), utc_iso(at(1)))


def test_an_unchanged_poll_changes_nothing_but_last_seen(db: Database) -> None:
    store = TaskStore(db)
    store.merge(PROLIFIC, [task("a"), task("b")], at(1))
    result = store.merge(PROLIFIC, [task("b"), task("a")], at(2))
    assert result.total_changes == 0
    assert [(item.first_seen, item.last_seen) for item in store.current_tasks()] == [(at(1), at(2))] * 2


def test_places_left_alone_is_reported_but_written_only_with_the_offer(db: Database) -> None:
    store = TaskStore(db)
    store.merge(PROLIFIC, [task("a", places_left=40)], at(1))

    fewer = store.merge(PROLIFIC, [task("a", places_left=12)], at(2))

    assert fewer.updated == (replace(task("a", places_left=12), first_seen=at(1), last_seen=at(2)),)
    assert db.connection().execute("SELECT places_left FROM tasks").fetchall() == [(40,)]
    assert store.merge(PROLIFIC, [task("a", places_left=12)], at(3)).total_changes == 0

    store.merge(PROLIFIC, [task("a", places_left=5, title="New title")], at(4))
    assert db.connection().execute("SELECT places_left, title FROM tasks").fetchall() == [(5, "New title")]


def test_a_poll_writes_one_row_for_seen_again_not_one_per_task(db: Database) -> None:
    store = TaskStore(db)
    store.merge(PROLIFIC, [task("a"), task("b")], at(1))
    connection = db.connection()
    changes_before = connection.total_changes

    store.merge(PROLIFIC, [task("a"), task("b")], at(2))

    assert connection.total_changes - changes_before == 1
    assert connection.execute("SELECT last_poll FROM account_polls").fetchall() == [(utc_iso(at(2)),)]
    assert {item.last_seen for item in store.current_tasks()} == {at(2)}


def test_last_seen_of_a_gone_task_survives_a_restart(db_path: Path) -> None:
    with Database.open(db_path) as first:
        TaskStore(first).merge(PROLIFIC, [task("a"), task("b")], at(1))
        TaskStore(first).merge(PROLIFIC, [task("a"), task("b")], at(2))
    with Database.open(db_path) as second:
        store = TaskStore(second)
        assert [item.last_seen for item in store.current_tasks()] == [at(2), at(2)]
        store.merge(PROLIFIC, [task("a")], at(3))
        row = second.connection().execute("SELECT gone_at, last_seen FROM tasks WHERE external_id = 'b'")
        assert row.fetchone() == (utc_iso(at(3)), utc_iso(at(2)))


def test_a_returning_task_is_new_again_with_its_first_seen(db: Database) -> None:
    store = TaskStore(db)
    store.merge(PROLIFIC, [task("a")], at(1))
    assert store.merge(PROLIFIC, [], at(2)).gone == (("prolific", "worker-1", "a"),)
    assert store.current_tasks() == []

    back = store.merge(PROLIFIC, [task("a", places_left=3)], at(3))

    assert back.new == (replace(task("a", places_left=3), first_seen=at(1), last_seen=at(3)),)
    assert store.current_tasks() == list(back.new)
    assert db.connection().execute("SELECT gone_at FROM tasks").fetchall() == [(None,)]


def test_every_field_survives_the_round_trip(db: Database) -> None:
    full = task(
        "full",
        reward=Money(1234, "KWD"),
        description="Ten questions about breakfast",
        requester_id="R42",
        requester_name="Lab of Breakfast Studies",
        estimated_minutes=12,
        places_left=40,
        time_allowed_minutes=60,
        url="https://example.org/study/full",
        devices=("desktop", "mobile"),
        published_at=datetime(2025, 2, 28, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2))),
    )
    stored = TaskStore(db).merge(PROLIFIC, [full], at(1)).new
    assert TaskStore(db).current_tasks() == list(stored)
    assert stored[0] == replace(full, first_seen=at(1), last_seen=at(1))


def test_duplicate_ids_in_a_poll_keep_the_last(db: Database) -> None:
    store = TaskStore(db)
    result = store.merge(PROLIFIC, [task("a", title="old"), task("b"), task("a", title="new")], at(1))
    assert [item.title for item in result.new] == ["new", "Survey b"]
    assert [item.title for item in store.current_tasks()] == ["new", "Survey b"]


def test_merge_refuses_bad_input_and_stores_nothing(db: Database) -> None:
    store = TaskStore(db)
    with pytest.raises(ValueError, match="does not belong"):
        store.merge(PROLIFIC, [task("a"), task("x", account=MTURK)], at(1))
    with pytest.raises(ValueError, match="timezone-aware"):
        store.merge(PROLIFIC, [task("a")], datetime(2025, 3, 1, 12, 0))
    assert store.current_tasks() == []


def test_the_cache_is_rebuilt_from_disk_after_reopening(db_path: Path) -> None:
    with Database.open(db_path) as database:
        TaskStore(database).merge(PROLIFIC, [task("a"), task("b"), task("c")], at(1))

    with Database.open(db_path) as database:
        store = TaskStore(database)
        unchanged = store.merge(PROLIFIC, [task("a"), task("b"), task("c")], at(2))
        changed = store.merge(PROLIFIC, [task("a"), task("b", reward=Money(200, "GBP"))], at(3))

    assert unchanged.total_changes == 0
    assert changed.updated == (replace(task("b", reward=Money(200, "GBP")), first_seen=at(1), last_seen=at(3)),)
    assert changed.gone == (("prolific", "worker-1", "c"),)


def test_accounts_are_merged_independently(db: Database) -> None:
    store = TaskStore(db)
    store.merge(PROLIFIC, [task("same"), task("p")], at(1))
    store.merge(MTURK, [task("same", account=MTURK)], at(2))

    result = store.merge(PROLIFIC, [], at(3))

    assert result.gone == (("prolific", "worker-1", "same"), ("prolific", "worker-1", "p"))
    assert [item.key for item in store.current_tasks()] == [("mturk", "worker-2", "same")]
    assert store.merge(MTURK, [task("same", account=MTURK)], at(4)).total_changes == 0


def test_current_tasks_of_all_accounts_are_ordered_by_first_seen(db: Database) -> None:
    store = TaskStore(db)
    store.merge(MTURK, [task("m1", account=MTURK)], at(1))
    store.merge(PROLIFIC, [task("p1")], at(2))
    store.merge(MTURK, [task("m1", account=MTURK), task("m2", account=MTURK)], at(3))
    assert ids(store.current_tasks()) == ["m1", "p1", "m2"]
    assert ids(store.current_tasks(MTURK)) == ["m1", "m2"]


def test_merges_run_on_worker_threads(db: Database) -> None:
    store = TaskStore(db)
    results: dict[AccountKey, MergeResult] = {}

    def poll(account: AccountKey) -> None:
        tasks = [task(f"{account.platform}-{number}", account=account) for number in range(50)]
        results[account] = store.merge(account, tasks, at(1))

    workers = [threading.Thread(target=poll, args=(account,)) for account in (PROLIFIC, MTURK)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert [len(results[account].new) for account in (PROLIFIC, MTURK)] == [50, 50]
    assert len(store.current_tasks()) == 100
    assert store.merge(PROLIFIC, list(results[PROLIFIC].new), at(2)).total_changes == 0


# --- AccountStore -----------------------------------------------------------------------------------------------


def test_accounts_round_trip_and_upsert(db: Database) -> None:
    accounts = AccountStore(db)
    prolific = Account(PROLIFIC, "My Prolific", "https://api.prolific.com")
    mturk = Account(MTURK, "MTurk", "https://worker.mturk.com", enabled=False)
    accounts.save(prolific)
    accounts.save(mturk)
    accounts.save(replace(prolific, label="Prolific (main)", enabled=False))

    assert accounts.list_accounts() == [mturk, replace(prolific, label="Prolific (main)", enabled=False)]


def test_removing_an_account_removes_its_tasks_only(db: Database) -> None:
    accounts, store = AccountStore(db), TaskStore(db)
    accounts.save(Account(PROLIFIC, "Prolific", "https://api.prolific.com"))
    accounts.save(Account(MTURK, "MTurk", "https://worker.mturk.com"))
    store.merge(PROLIFIC, [task("a")], at(1))
    store.merge(MTURK, [task("m", account=MTURK)], at(1))

    accounts.remove(PROLIFIC)

    assert [account.key for account in accounts.list_accounts()] == [MTURK]
    assert ids(store.current_tasks()) == ["m"]
    # The merge cache notices the rows it knew are gone, so the next poll stores them afresh.
    again = store.merge(PROLIFIC, [task("a")], at(2))
    assert again.new == (replace(task("a"), first_seen=at(2), last_seen=at(2)),)
    assert ids(store.current_tasks(PROLIFIC)) == ["a"]


def test_the_account_table_has_no_place_for_secrets(db: Database) -> None:
    columns = [row[1] for row in db.connection().execute("PRAGMA table_info(accounts)")]
    assert columns == ["platform", "account", "label", "base_url", "enabled", "options"]


def test_account_options_round_trip_and_bad_json_is_ignored(db: Database) -> None:
    accounts = AccountStore(db)
    bitlabs = Account(AccountKey("bitlabs", "me"), "me", "https://api.bitlabs.ai", options={"user_id": "u-1"})
    accounts.save(bitlabs)
    assert accounts.list_accounts() == [bitlabs]
    db.connection().execute("UPDATE accounts SET options = '[1, 2]'")
    assert accounts.list_accounts()[0].options == {}
