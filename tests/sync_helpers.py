"""A "computer" for the sync tests: a SurveyDesk data dir of its own, written through the app's own stores, that
replicates with a real server; and the fixtures the sync tests share (registered by tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from surveydesk.core.clock import utc_iso
from surveydesk.core.money import Money
from surveydesk.ledger import EntryHeader, Kind, LedgerStore, Report, Source, Status
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.sync.local import LocalReplica
from surveydesk.sync.replicator import SyncReport
from surveydesk.sync.target import SyncTarget, open_replicator
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.couch_server import ADMIN, ADMIN_PASSWORD, CouchServer
from tests.factories import T0, FixedClock

# The profile's table as its own migration (7, on the profile branch) makes it; this branch's schema lacks it.
PROFILE_ANSWERS = """
    CREATE TABLE IF NOT EXISTS profile_answers (
        field TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        label TEXT NOT NULL DEFAULT '',
        platform TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
    )
"""


class Computer:
    """One of the worker's computers: its own database file, clock and stores."""

    def __init__(self, folder: Path, moment: datetime = T0) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "surveydesk.sqlite3"
        self.db = Database.open(self.path)
        self.clock = FixedClock(moment)
        self.ledger = LedgerStore(self.db)
        self.settings = SettingsStore(self.db)
        self.work_log = WorkLog(self.db)

    def close(self) -> None:
        self.db.close()

    def report(
        self,
        study: str,
        status: Status,
        minor: int = 150,
        source: Source = Source.PLATFORM,
        at: datetime | None = None,
        note: str | None = None,
        title: str = "A study",
    ) -> None:
        header = EntryHeader("prolific", "me", Kind.TASK, T0, "GBP", task_id=study, title=title)
        moment = at or self.clock.now()
        report = Report(header, moment, status, Money(minor, "GBP"), note)
        self.ledger.record([report], source, self.clock.now())

    def work_on(
        self,
        external_id: str,
        minutes: float,
        outcome: Outcome = Outcome.SUBMITTED,
        completion_code: str | None = None,
    ) -> int:
        """Clock in, time one attempt for `minutes`, end it (with the completion code she pasted, if any), clock
        out; the attempt goes into the ledger."""
        keeper = Timekeeper(self.work_log, self.clock)
        keeper.clock_in()
        new = NewAttempt("mturk", "me", external_id, f"HIT {external_id}", "Requester", Money(50, "USD"), None)
        attempt = keeper.take(new)
        self.clock.advance(minutes * 60)
        keeper.finish(attempt.id, outcome, completion_code=completion_code)
        keeper.clock_out()
        AttemptIngest(self.db, self.ledger, BUILT_IN.shares_task_ids).ingest(self.clock.now())
        return attempt.id

    def later(self, minutes: float = 1) -> None:
        self.clock.advance(minutes * 60)

    def sync(
        self,
        server: CouchServer,
        database: str = "log",
        password: str = ADMIN_PASSWORD,
        batch_size: int = 1000,
        should_stop: Callable[[], bool] = lambda: False,
        include_profile: bool = False,
    ) -> SyncReport:
        target = SyncTarget(server.url, database, ADMIN)
        with open_replicator(
            self.db,
            target,
            password,
            self.clock,
            include_profile=include_profile,
            batch_size=batch_size,
            should_stop=should_stop,
        ) as replicator:
            return replicator.run()

    # --- what the worker sees ------------------------------------------------------------------------------

    def history(self) -> list[tuple[object, ...]]:
        """Every entry as the history shows it (local ids left out: they differ between computers)."""
        return [
            (e.id, e.status, e.status_at, e.amount, e.note, e.title, e.requester, e.occurred_at)
            for e in self.ledger.entries()
        ]

    def events(self) -> list[tuple[object, ...]]:
        rows = self.db.connection().execute(
            "SELECT id, entry_id, at, recorded_at, source, status, amount_minor, currency, note "
            "FROM ledger_events ORDER BY id"
        )
        return rows.fetchall()

    def work(self) -> list[tuple[object, ...]]:
        """Attempts with their shift and worked seconds, and shifts with theirs, by stable id."""
        attempts = self.db.connection().execute(
            "SELECT a.sync_id, h.sync_id, a.platform, a.external_id, a.outcome, a.started_at, a.ended_at, "
            "(SELECT sum(seconds) FROM stretches WHERE attempt_id = a.id) FROM attempts AS a "
            "LEFT JOIN shifts AS h ON h.id = a.shift_id ORDER BY a.sync_id"
        )
        shifts = self.db.connection().execute(
            "SELECT h.sync_id, h.started_at, h.ended_at, "
            "(SELECT sum(seconds) FROM stretches WHERE shift_id = h.id) FROM shifts AS h ORDER BY h.sync_id"
        )
        return [*attempts.fetchall(), *shifts.fetchall()]

    def attempt_links(self) -> list[tuple[object, ...]]:
        """Which attempt (by stable id) each ledger entry belongs to."""
        return (
            self.db.connection()
            .execute(
                "SELECT e.id, a.sync_id FROM ledger_entries AS e LEFT JOIN attempts AS a ON a.id = e.attempt_id "
                "ORDER BY e.id"
            )
            .fetchall()
        )

    def pending(self) -> int:
        return LocalReplica(self.db).pending_count()

    # --- the profile's answers -----------------------------------------------------------------------------

    def answer(self, field: str, value: str | None) -> None:
        """Give (or, with None, remove) an answer of the profile, as the profile's store would."""
        connection = self.db.connection()
        connection.execute(PROFILE_ANSWERS)
        if value is None:
            connection.execute("DELETE FROM profile_answers WHERE field = ?", (field,))
        else:
            connection.execute(
                "INSERT INTO profile_answers (field, value, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (field) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
                (field, value, utc_iso(self.clock.now())),
            )

    def answers(self) -> dict[str, str]:
        self.db.connection().execute(PROFILE_ANSWERS)
        return dict(self.db.connection().execute("SELECT field, value FROM profile_answers").fetchall())


def days(count: float) -> timedelta:
    return timedelta(days=count)


@pytest.fixture
def server(couch_server: CouchServer) -> CouchServer:
    """The real CouchDB-compatible server, with an empty database "log"."""
    couch_server.create_database("log")
    return couch_server


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Computer]:
    computer = Computer(tmp_path / "laptop")
    yield computer
    computer.close()


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Computer]:
    """A second computer, its clock a quarter of an hour past the laptop's."""
    computer = Computer(tmp_path / "desktop", T0 + days(0.01))
    yield computer
    computer.close()


def settle(server: CouchServer, *computers: Computer, rounds: int = 3) -> None:
    """Every computer syncs until one full round finds nothing more to do."""
    for _ in range(rounds):
        if all([computer.sync(server).sent == 0 for computer in computers]):  # every one syncs each round
            return
    raise AssertionError(f"the computers did not settle in {rounds} rounds")
