"""The one SQLite file: per-thread connections, transactions, and safe forward migration with a backup."""

from __future__ import annotations

import errno
import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.paths import UnusableFolderError, why
from surveydesk.store.migrations import MIGRATIONS, Migration

log = logging.getLogger(__name__)
T = TypeVar("T")

_BUSY_TIMEOUT_SECONDS = 5.0
_HEADER_SIZE = 100
_HEADER_MAGIC = b"SQLite format 3\x00"
_USER_VERSION_OFFSET = 60  # a big-endian signed 32-bit integer in the file header
PARTIAL_SUFFIX = ".partial"  # a copy being written; never a backup
# SQLite's (primary) result codes that mean its folder cannot be used, as the system's error numbers.
_FOLDER_PROBLEMS = {
    sqlite3.SQLITE_CANTOPEN: errno.EACCES,
    sqlite3.SQLITE_READONLY: errno.EACCES,
    sqlite3.SQLITE_PERM: errno.EACCES,
    sqlite3.SQLITE_IOERR: errno.EIO,
    sqlite3.SQLITE_FULL: errno.ENOSPC,
}


class StoreError(Exception):
    """Something about the database file that the worker should hear about in words."""


class NotADatabaseError(StoreError):
    """The file exists but is not an SQLite database; it is left as it is."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is not a SurveyDesk database (it is not an SQLite file), so it cannot be opened. "
            "Nothing was changed in it."
        )
        self.path = path


class NewerDatabaseError(StoreError):
    """The file was written by a newer SurveyDesk; opening it here could damage data this version cannot read."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer version of SurveyDesk (data version {found}), and this version "
            f"(which understands up to data version {supported}) cannot open it. Don't worry: nothing was "
            "changed. Please update SurveyDesk to open it again."
        )
        self.path = path
        self.found = found
        self.supported = supported


class DamagedDatabaseError(StoreError):
    """SQLite's check found the file damaged; it is not opened for writing, so nothing more is lost."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(
            f"{path} is damaged (SQLite says: {problem}), so SurveyDesk did not open it and wrote nothing to it."
        )
        self.path = path
        self.problem = problem


class DiskFullError(StoreError):
    """A write found no room on the disk; it was rolled back whole. `message` says so in the worker's words."""

    def __init__(self, path: Path) -> None:
        self.message = QT_TRANSLATE_NOOP(
            "DiskFullError",
            "The disk is full, so SurveyDesk cannot save anything. Free some space: what is waiting is saved "
            "as soon as it can be.",
        )
        super().__init__(f"{path}: {self.message}")
        self.path = path


def is_disk_full(error: BaseException) -> bool:
    """Whether SQLite (or the system) refused a write for lack of space."""
    if isinstance(error, sqlite3.Error):
        return error.sqlite_errorcode & 0xFF == sqlite3.SQLITE_FULL
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


class MigrationError(StoreError):
    """A migration failed; it was rolled back completely, so the file is still at the previous version."""

    def __init__(self, migration: Migration, cause: sqlite3.Error) -> None:
        super().__init__(
            f"upgrading the database to version {migration.version} ({migration.description}) failed and was "
            f"undone: {cause}"
        )
        self.version = migration.version


class _ThreadConnection(threading.local):
    connection: sqlite3.Connection | None = None


class Database:
    """One SQLite file shared by the GUI thread and the polling workers, each on its own connection.

    Use `Database.open`, which refuses files it must not touch and migrates the schema before returning.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = _ThreadConnection()
        self._lock = threading.Lock()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False

    @classmethod
    def open(cls, path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> Database:
        """Open (or create) the file at `path` and bring its schema to the newest of `migrations`.

        A file written by a newer SurveyDesk is refused before anything is opened for writing, because even
        a read-only SQLite connection may create -wal/-shm files or replay a journal. An existing file is then
        read through a read-only connection: its version as a newer SurveyDesk may have left it in the -wal
        file (a writing connection would copy that into the file when it closes), and SQLite's quick check,
        which refuses a damaged file before anything writes to it. An existing file is copied aside before it
        is migrated, so a worker can always go back to the data they had.
        """
        _check_order(migrations)
        supported = migrations[-1].version if migrations else 0
        try:
            header_version = _read_header_version(path)
        except OSError as error:
            raise UnusableFolderError(path.parent, why(error)) from error
        if header_version is not None and header_version > supported:
            raise NewerDatabaseError(path, header_version, supported)
        if header_version is not None:
            found = _inspect_read_only(path)
            if found > supported:
                raise NewerDatabaseError(path, found, supported)
        database = cls(path)
        try:
            database._migrate(migrations, supported, existed=header_version is not None)
        except sqlite3.OperationalError as error:
            database.close()
            _raise_if_the_folder_is_unusable(path, error)
            raise
        except BaseException:
            database.close()
            raise
        return database

    def connection(self) -> sqlite3.Connection:
        """The calling thread's connection, opened on first use.

        SQLite connections must not be shared between threads that use them at the same time; one per thread
        lets a worker write while the GUI thread reads (WAL). They are opened with `check_same_thread=False`
        only so that `close()` can close the connections of worker threads at shutdown; the thread-local
        is what keeps every other use on the owning thread.
        """
        connection = self._local.connection
        if connection is None:
            with self._lock:
                if self._closed:
                    raise StoreError(f"the database {self.path} is already closed")
                connection = self._connect()
                self._connections.append(connection)
            self._local.connection = connection
        return connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run the block as one write transaction on this thread's connection; any exception rolls it back.

        `BEGIN IMMEDIATE` takes the write lock up front, so a transaction that reads before it writes waits
        for other writers (up to the busy timeout) instead of failing half-way with "database is locked". A
        write the disk has no room for raises `DiskFullError`, so callers can tell it from a bug of ours.

        Inside another transaction on this thread the block is a savepoint of it: a store's write then joins the
        caller's transaction (replication writes a pulled batch through each package's store, all or nothing),
        and an exception undoes only the block, for the outer transaction to roll back or go on.
        """
        connection = self.connection()
        try:
            with _savepoint(connection) if connection.in_transaction else _outermost(connection):
                yield connection
        except sqlite3.OperationalError as error:
            if is_disk_full(error):
                raise DiskFullError(self.path) from error
            raise

    def close(self) -> None:
        """Close every connection this database opened, whichever thread opened it.

        Call it at shutdown, once no thread is using the database any more. Afterwards a thread's old
        connection raises `sqlite3.ProgrammingError` and asking for a new one raises `StoreError`.
        """
        with self._lock:
            self._closed = True
            for connection in self._connections:
                connection.close()
            self._connections.clear()

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        try:
            (journal_mode,) = connection.execute("PRAGMA journal_mode = WAL").fetchone()
            if journal_mode != "wal":
                log.warning(
                    "%s: SQLite refused WAL mode (%s); readers and writers will wait", self.path, journal_mode
                )
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            connection.close()
            raise
        return connection

    def _migrate(self, migrations: Sequence[Migration], supported: int, *, existed: bool) -> None:
        connection = self.connection()
        (found,) = connection.execute("PRAGMA user_version").fetchone()
        if found > supported:
            # The header said otherwise: a newer version's last write still sits in the -wal file.
            raise NewerDatabaseError(self.path, found, supported)
        pending = [migration for migration in migrations if migration.version > found]
        if pending and existed:
            _backup(connection, self.path, found)
        for migration in pending:
            try:
                with self.transaction() as connection:
                    for statement in migration.statements:
                        connection.execute(statement)
                    connection.execute(f"PRAGMA user_version = {migration.version:d}")
            except sqlite3.Error as error:
                raise MigrationError(migration, error) from error
            log.info("%s: migrated to version %d (%s)", self.path, migration.version, migration.description)


@contextmanager
def _outermost(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise


@contextmanager
def _savepoint(connection: sqlite3.Connection) -> Iterator[None]:
    connection.execute("SAVEPOINT nested")
    try:
        yield
    except BaseException:
        if connection.in_transaction:  # SQLite may have rolled the whole transaction back already (disk full)
            connection.execute("ROLLBACK TO nested")
            connection.execute("RELEASE nested")
        raise
    connection.execute("RELEASE nested")


def chunked(items: Sequence[T], size: int = 500) -> Iterator[Sequence[T]]:
    """`items` in slices small enough for one `IN (?, ?, …)` query each (SQLite limits bound parameters)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def question_marks(count: int) -> str:
    """The `?, ?, …` of an `IN (…)` list of `count` values."""
    return ",".join("?" * count)


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [migration.version for migration in migrations]
    if any(version < 1 for version in versions) or versions != sorted(set(versions)):
        raise ValueError(f"migration versions must be positive and strictly increasing, not {versions}")


def _read_header_version(path: Path) -> int | None:
    """The file's `user_version`, read from its header without SQLite; None for a missing or empty file."""
    try:
        with path.open("rb") as file:
            header = file.read(_HEADER_SIZE)
    except FileNotFoundError:
        return None
    if not header:
        return None
    if len(header) < _HEADER_SIZE or not header.startswith(_HEADER_MAGIC):
        raise NotADatabaseError(path)
    return int.from_bytes(header[_USER_VERSION_OFFSET : _USER_VERSION_OFFSET + 4], "big", signed=True)


def _inspect_read_only(path: Path) -> int:
    """The file's `user_version` (its -wal file included) once SQLite's quick check has found it sound.

    The connection is read-only, so closing it never copies a -wal file into the database. `quick_check`
    reads every page (0.6 s for the 425 MB log of a million entries of bench/history_scale.py) but skips the slower
    comparison of indexes with their tables that `integrity_check` adds.
    """
    try:
        with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as probe:
            (version,) = probe.execute("PRAGMA user_version").fetchone()
            problems = [row[0] for row in probe.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as error:
        if error.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            raise DamagedDatabaseError(path, str(error)) from error
        _raise_if_the_folder_is_unusable(path, error)
        raise
    if problems != ["ok"]:
        raise DamagedDatabaseError(path, "; ".join(problems[:3]))
    return int(version)


def _raise_if_the_folder_is_unusable(path: Path, error: sqlite3.Error) -> None:
    """SQLite's error as `UnusableFolderError` when it means the database's folder cannot be used."""
    number = _FOLDER_PROBLEMS.get(error.sqlite_errorcode & 0xFF)
    if number == errno.EACCES and not path.parent.is_dir():
        number = errno.ENOENT
    if number is not None:
        raise UnusableFolderError(path.parent, why(OSError(number, str(error)))) from error


def _backup(connection: sqlite3.Connection, path: Path, version: int) -> None:
    """Copy the database aside, consistently even while others use it, before a migration changes it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.backup-v{version}-{stamp}.sqlite3")
    write_copy(connection, target)
    log.info("%s: backed up to %s before migrating", path, target.name)


def write_copy(source: sqlite3.Connection, target: Path) -> None:
    """Copy a database with SQLite's online backup API (consistent while others write), under a temporary name
    renamed to `target` once whole: a kill half-way leaves no half copy under a backup's name."""
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(partial)) as copy:
        source.backup(copy)
    partial.replace(target)
