"""The composition root and the command line: smoke test, demo data kept apart, a newer database refused, the
platforms' requests on a pool of their own."""

from __future__ import annotations

import errno
import gc
import os
import sqlite3
import subprocess
import sys
import time
import weakref
from contextlib import ExitStack
from datetime import UTC, timedelta
from pathlib import Path

import pytest
import requests

from surveydesk.app import EXIT_REFUSED, build_core, main, parse_args
from surveydesk.composition import settle_heap
from surveydesk.core.clock import SystemClock
from surveydesk.core.errors import PlatformError
from surveydesk.core.model import Account, AccountKey, PollState
from surveydesk.core.politeness import Politeness
from surveydesk.data_folder import choose_paths
from surveydesk.ledger.history import EntryFilter
from surveydesk.net.http import get, make_session
from surveydesk.paths import DATABASE_NAME, AppPaths, why
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.background import Background
from surveydesk.services.history_service import HistoryService
from surveydesk.services.ledger_files import LedgerFiles
from surveydesk.services.long_job import LongJob
from surveydesk.ui.formatting import format_time
from tests.hostile_server import HostileServer, Reply, Trickle


def _run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "surveydesk", *args], capture_output=True, text=True, env=environment, timeout=60
    )


def test_smoke_test_against_the_demo_exchange_prints_its_ok_line():
    result = _run_cli("--smoke-test", "--demo", "--seed", "3")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("smoke-test ok: 5 platforms, ")
    assert int(line.split(", ")[1].split()[0]) > 0
    # Then the sign-in window signed in to the demo's pages of Prolific, MTurk and Toloka, as the worker would.
    assert "; signed in to 3 sign-in pages in " in line


def test_smoke_test_without_any_account_fails_with_a_reason(tmp_path: Path):
    result = _run_cli("--smoke-test", "--data-dir", str(tmp_path))
    assert result.returncode == 1
    assert "no enabled platform account" in result.stdout


def test_demo_data_lives_apart_from_the_workers_data(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    with ExitStack() as stack:
        demo = choose_paths(parse_args(["--demo"]), stack)
    real = AppPaths.for_user()
    assert demo.database != real.database
    assert real.data in demo.database.parents


def test_database_from_a_newer_surveydesk_is_refused_with_exit_code_2(tmp_path: Path, capsys):
    paths = AppPaths.under(tmp_path).create()
    with sqlite3.connect(paths.database) as connection:
        connection.execute("CREATE TABLE future (x)")
        connection.execute("PRAGMA user_version = 999")
    connection.close()
    before = paths.database.read_bytes()
    files_before = sorted(p.name for p in paths.data.iterdir())

    assert main(["--data-dir", str(tmp_path)]) == EXIT_REFUSED

    assert "newer" in capsys.readouterr().err.lower()
    assert paths.database.read_bytes() == before
    assert sorted(p.name for p in paths.data.iterdir()) == files_before == [DATABASE_NAME]


class _Node:
    """An object of a reference cycle, which only the garbage collector frees."""

    def __init__(self) -> None:
        self.me = self


def test_settling_the_heap_freezes_what_lives_and_frees_what_start_up_dropped():
    dropped = weakref.ref(_Node())  # a cycle start-up made and no longer holds
    kept = _Node()
    try:
        settle_heap()

        assert dropped() is None, "garbage was frozen"
        assert gc.get_freeze_count() > 0
        assert not any(tracked is kept for tracked in gc.get_objects()), "a live object is still walked"
    finally:
        gc.unfreeze()


def refusal(tmp_path: Path, capsys) -> str:
    """What SurveyDesk says on stderr when it refuses to start on `tmp_path`, after checking it did refuse."""
    assert main(["--smoke-test", "--data-dir", str(tmp_path)]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_a_file_where_the_data_folder_should_be_is_refused_in_words(tmp_path: Path, capsys):
    (tmp_path / "data").write_text("not a folder")
    err = refusal(tmp_path, capsys)
    assert f"cannot use the folder {tmp_path / 'data'}: a file stands where a folder should be" in err


def test_a_folder_where_the_database_should_be_is_refused_in_words(tmp_path: Path, capsys):
    AppPaths.under(tmp_path).create().database.mkdir()
    err = refusal(tmp_path, capsys)
    assert f"cannot use the folder {tmp_path / 'data'}: a folder stands where SurveyDesk's file should be" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_data_folder_is_refused_in_words(tmp_path: Path, capsys):
    paths = AppPaths.under(tmp_path).create()
    paths.data.chmod(0o555)
    try:
        err = refusal(tmp_path, capsys)
    finally:
        paths.data.chmod(0o755)
    assert f"cannot use the folder {paths.data}: SurveyDesk is not allowed to write there" in err


def test_each_reason_a_folder_is_unusable_is_said_in_words():
    assert why(PermissionError(errno.EACCES, "Permission denied")) == "SurveyDesk is not allowed to write there"
    assert why(OSError(errno.EROFS, "Read-only file system")) == "the disk it is on can only be read"
    assert why(OSError(errno.ENOSPC, "No space left on device")) == "the disk it is on is full"
    assert why(OSError(errno.ENAMETOOLONG, "File name too long")) == "File name too long"


STUCK_SECONDS = 8.0  # the deadline of the requests that hold every platform thread below
AT_ONCE_SECONDS = 2.0  # what "at once" may take on a loaded machine, far below the stuck requests' deadline


def test_platforms_stuck_on_a_trickling_server_leave_history_and_exports_their_threads(qtbot, tmp_path: Path):
    """Every thread of the platforms' pool waits on a server that trickles its answer (the poller's check among
    them); meanwhile a history query and an export, the GUI's background work, run at once. When the
    requests' deadline passes, every one ends as "too slow" and no thread is left waiting."""

    def loopback_session() -> requests.Session:
        session = make_session(deadline=STUCK_SECONDS)
        session.trust_env = False
        return session

    def stuck_request() -> PlatformError | None:
        with loopback_session() as session:
            try:
                get(session, server.url + "/stuck", platform="demo")
            except PlatformError as error:
                return error
        return None

    with HostileServer() as server, build_core(parse_args(["--data-dir", str(tmp_path)])) as core:
        server.script(Trickle(Reply(200, b'{"results": []}'), size=1, pause=0.2))
        threads = core.platform_pool.maxThreadCount()
        assert core.platform_pool is not core.pool and threads >= 2
        stuck = AccountKey("prolific", "stuck")
        account = Account(stuck, "Stuck", server.url)
        session = loopback_session()
        connector = BUILT_IN.spec("prolific").connector(account, lambda: "token", session, SystemClock())
        core.poller.add_account(account, connector, Politeness(min_interval=timedelta(minutes=5)))
        core.poller.start()
        ended: list[object] = []
        platforms = Background(core.platform_pool)
        for _ in range(threads - 1):
            platforms.run(stuck_request, ended.append, ended.append)
        qtbot.waitUntil(lambda: server.replies_in_progress == threads, timeout=5_000)

        history = HistoryService(core.database, core.pool, core.clock, UTC, time_text=format_time)
        started = time.monotonic()
        with qtbot.waitSignal(history.loaded, timeout=int(AT_ONCE_SECONDS * 1000)):
            history.load("month", "EUR", EntryFilter())
        export = LongJob(core.pool)
        files = LedgerFiles(core.database, core.registry.history_files(), core.registry.name)
        target = tmp_path / "ledger.csv"
        with qtbot.waitSignal(export.finished, timeout=int(AT_ONCE_SECONDS * 1000)):
            export.start(lambda progress: files.export_ledger("csv", target, progress))
        took = time.monotonic() - started
        assert target.exists() and took < AT_ONCE_SECONDS
        assert not ended and server.replies_in_progress == threads  # the platforms were still stuck meanwhile

        def status() -> object:
            return next(status for status in core.poller.statuses() if status.account == stuck)

        qtbot.waitUntil(lambda: len(ended) == threads - 1, timeout=int(STUCK_SECONDS * 1000) + 5_000)
        qtbot.waitUntil(lambda: status().state is PollState.ERROR, timeout=5_000)
        assert all(isinstance(error, PlatformError) and "too slow to answer" in error.message for error in ended)
        assert "too slow to answer" in (status().message or "")
        core.poller.stop()
        assert core.platform_pool.waitForDone(5_000) and server.replies_in_progress == 0
        session.close()
