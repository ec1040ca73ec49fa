"""A damaged database is found at start and never written; daily backups are whole or absent and put back."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from surveydesk.app import EXIT_REFUSED, _restore_backup, main
from surveydesk.paths import AppPaths
from surveydesk.store import MIGRATIONS, DamagedDatabaseError, Database, Migration
from surveydesk.store.backups import BACKUP_FOLDER_NAME, KEEP_DAYS, RollingBackups, restore
from surveydesk.ui.damaged_database import DamagedDatabaseBox

NOTES_V1 = Migration(1, "notes", ("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",))
NOTES_V2 = Migration(2, "note tags", ("ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT ''",))
NOTES = 5_000  # about 60 pages of notes and their index, so a damaged page in the middle is one of theirs
SQLITE_HEADER = 100


def write_notes(path: Path, migrations: tuple[Migration, ...] = (NOTES_V1,)) -> None:
    with Database.open(path, migrations) as database, database.transaction() as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
        connection.executemany("INSERT INTO notes (text) VALUES (?)", ((f"note {n:05d}",) for n in range(NOTES)))
        connection.execute("CREATE INDEX notes_text ON notes (text)")


def notes_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        (count,) = connection.execute("SELECT count(*) FROM notes").fetchone()
    return int(count)


def garbage_in_the_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xa5" * 8192
    path.write_bytes(bytes(data))


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [garbage_in_the_middle, cut_in_half])
def test_a_damaged_file_is_refused_at_start_and_not_written(tmp_path: Path, damage) -> None:
    path = tmp_path / "surveydesk.sqlite3"
    write_notes(path)
    damage(path)
    before = path.read_bytes()

    with pytest.raises(DamagedDatabaseError) as caught:
        Database.open(path, [NOTES_V1, NOTES_V2])  # a migration would write at once

    assert "is damaged" in str(caught.value)
    assert caught.value.path == path
    assert path.read_bytes() == before


def test_a_half_truncated_database_ends_in_words_and_exit_code_2(tmp_path: Path, capsys) -> None:
    paths = AppPaths.under(tmp_path).create()
    write_notes(paths.database, MIGRATIONS)  # the app's schema, and enough rows that half the file is missing
    cut_in_half(paths.database)

    assert main(["--smoke-test", "--data-dir", str(tmp_path)]) == EXIT_REFUSED

    err = capsys.readouterr().err
    assert "is damaged" in err
    assert "Traceback" not in err


def test_one_backup_a_day_and_the_last_seven_kept(tmp_path: Path) -> None:
    path = tmp_path / "surveydesk.sqlite3"
    write_notes(path)
    backups = RollingBackups(tmp_path / BACKUP_FOLDER_NAME)
    first = date(2026, 11, 1)
    with Database.open(path, [NOTES_V1]) as database:
        for day in range(10):
            assert backups.make_daily(database, first + timedelta(days=day)) is not None
        assert backups.make_daily(database, first + timedelta(days=9)) is None  # once a day

    kept = backups.backups()
    assert [backup.day for backup in kept] == [first + timedelta(days=day) for day in range(9, 9 - KEEP_DAYS, -1)]
    assert all(notes_in(backup.path) == NOTES for backup in kept)
    assert sorted(p.name for p in backups.folder.iterdir()) == sorted(b.path.name for b in kept)


def test_the_newest_sound_backup_is_put_back_and_the_damaged_file_kept_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "surveydesk.sqlite3"
    write_notes(path)
    backups = RollingBackups(tmp_path / BACKUP_FOLDER_NAME)
    with Database.open(path, [NOTES_V1]) as database:
        backups.make_daily(database, date(2026, 11, 1))
        newest = backups.make_daily(database, date(2026, 11, 2))
        database.connection().execute("DELETE FROM notes")
    assert newest is not None
    garbage_in_the_middle(newest.path)  # the newest copy is no good either
    garbage_in_the_middle(path)
    damaged_bytes = path.read_bytes()

    sound = backups.newest_sound()
    assert sound is not None and sound.day == date(2026, 11, 1)
    kept = restore(path, sound)

    assert kept.parent == tmp_path and "damaged" in kept.name
    assert kept.read_bytes() == damaged_bytes
    Database.open(path, [NOTES_V1]).close()
    assert notes_in(path) == NOTES


def test_the_workers_click_puts_the_backup_back(tmp_path: Path, qapp) -> None:
    path = tmp_path / "surveydesk.sqlite3"
    write_notes(path)
    with Database.open(path, [NOTES_V1]) as database:
        RollingBackups(tmp_path / BACKUP_FOLDER_NAME).make_daily(database, date(2026, 11, 1))
    garbage_in_the_middle(path)

    def click_restore() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, DamagedDatabaseBox)
        assert "is damaged" in box.text() and str(path) in box.text()
        assert box.restore_button is not None
        box.restore_button.click()

    QTimer.singleShot(0, click_restore)
    assert _restore_backup(path)
    assert notes_in(path) == NOTES


def test_without_a_backup_the_worker_is_told_and_nothing_is_offered(tmp_path: Path, qtbot) -> None:
    box = DamagedDatabaseBox(tmp_path / "surveydesk.sqlite3", None)
    qtbot.addWidget(box)
    assert box.restore_button is None
    assert "no sound backup" in box.text()
    assert not box.restore_chosen()


# The child stops dead (SIGKILL) the moment SQLite opens the copy's file: what a kill during a copy leaves.
_KILLED_DURING_A_COPY = """
    import os, signal, sys
    from datetime import date
    from pathlib import Path
    from surveydesk.store import Database, Migration
    from surveydesk.store.backups import RollingBackups

    def hook(event, args):
        if event == "sqlite3.connect" and "backup" in str(args[0]):
            os.kill(os.getpid(), signal.SIGKILL)

    path, kind = Path(sys.argv[1]), sys.argv[2]
    v1 = Migration(1, "notes", ("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)",))
    v2 = Migration(2, "note tags", ("ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT ''",))
    sys.addaudithook(hook)
    if kind == "upgrade":
        Database.open(path, [v1, v2])
    else:
        with Database.open(path, [v1]) as database:
            RollingBackups(path.parent / "backups").make_daily(database, date(2026, 11, 1))
"""


@pytest.mark.parametrize("kind", ["upgrade", "daily"])
def test_a_kill_during_a_copy_leaves_no_half_backup(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "surveydesk.sqlite3"
    write_notes(path)
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_KILLED_DURING_A_COPY), str(path), kind], capture_output=True
    )
    assert child.returncode == -signal.SIGKILL, child.stderr

    copies = [*tmp_path.glob("*.backup-*.sqlite3"), *RollingBackups(tmp_path / "backups").backups()]
    for copy in copies:
        copy_path = copy if isinstance(copy, Path) else copy.path
        assert notes_in(copy_path) == NOTES, f"{copy_path.name} is not a whole copy"
    with Database.open(path, [NOTES_V1]) as database:  # the next start makes the day's copy
        made = RollingBackups(tmp_path / "backups").make_daily(database, date(2026, 11, 1))
    assert made is not None and notes_in(made.path) == NOTES
