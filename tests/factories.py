"""Builders for domain objects in tests: a task with sensible defaults, overridable field by field."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import keyring.backend
import keyring.errors
from PySide6.QtCore import QThreadPool, QUrl

from surveydesk.core.clock import Clock
from surveydesk.core.errors import PlatformError
from surveydesk.core.model import Account, AccountKey, MergeResult, Task
from surveydesk.core.money import Money
from surveydesk.ledger.points import PointsValueStore
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.history_service import HistoryService
from surveydesk.services.ledger_files import LedgerFiles
from surveydesk.services.long_job import LongJob
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.history_view import HistoryView

T0 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
ACCOUNT = AccountKey("prolific", "demo")
# The demo's start when a demo already runs: it hands over to that one and exits at once, and well.
HANDED_OVER = [sys.executable, "-c", "pass"]


def a_browser(note: Callable[[QUrl], object]) -> Callable[[QUrl], bool]:
    """A web browser that opens every page it is given (each passed to `note`) and says so, as
    QDesktopServices.openUrl does."""

    def open_url(url: QUrl) -> bool:
        note(url)
        return True

    return open_url


class FixedClock:
    """A clock that stands still until the test moves it: `advance` moves wall time and the stopwatch together,
    `set_wall` moves only the wall clock (as a worker setting the system clock would)."""

    def __init__(self, moment: datetime = T0) -> None:
        self.moment = moment
        self.ticks = 5000.0

    def now(self) -> datetime:
        return self.moment

    def monotonic(self) -> float:
        return self.ticks

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)
        self.ticks += seconds

    def set_wall(self, moment: datetime) -> None:
        self.moment = moment


def make_task(external_id: str, **fields: Any) -> Task:
    base = Task(
        platform=ACCOUNT.platform,
        account=ACCOUNT.account,
        external_id=external_id,
        title=f"Study {external_id}",
        reward=Money(150, "GBP"),
        first_seen=T0,
        last_seen=T0,
        requester_name="Oxford Behavioural Lab",
        estimated_minutes=10,
        places_left=20,
    )
    return replace(base, **fields)


def merge(new: Sequence[Task] = (), updated: Sequence[Task] = (), gone: Sequence[str] = ()) -> MergeResult:
    return MergeResult(
        account=ACCOUNT,
        new=tuple(new),
        updated=tuple(updated),
        gone=tuple((ACCOUNT.platform, ACCOUNT.account, external_id) for external_id in gone),
        seen_at=T0,
    )


class DictKeyring(keyring.backend.KeyringBackend):
    """A keyring held in a dict: keyring ships no in-memory backend."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError(username)
        del self.entries[(service, username)]


def one_change_each(item: dict[str, Any], path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Copies of a JSON object with one value changed in each, at every key, inside nested objects and inside
    the first object of a list: `(path, copy)` pairs. For checking that a connector which read the item before
    reads any change of it as one that never saw it would."""
    changes: list[tuple[str, dict[str, Any]]] = []
    for key, value in item.items():
        where = f"{path}.{key}" if path else key
        if isinstance(value, dict):
            changes += [(inner, {**item, key: changed}) for inner, changed in one_change_each(value, where)]
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            changes += [
                (inner, {**item, key: [changed, *value[1:]]})
                for inner, changed in one_change_each(value[0], f"{where}[0]")
            ]
        else:
            changes.append((where, {**item, key: _changed(value)}))
    return changes


def _changed(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 7
    if isinstance(value, str):
        try:
            return str(Decimal(value) + 1)  # an amount stays an amount
        except ArithmeticError:
            return value + "7"
    if isinstance(value, list):
        return [*value, "other"]
    return "other"  # None


def poll_outcome(fetch: Callable[[], Sequence[Task]]) -> object:
    """What one poll gives, comparable between connectors: each task's offer and places, or the error's kind."""
    try:
        return [(task.offer_fingerprint(), task.places_left) for task in fetch()]
    except PlatformError as error:
        return type(error).__name__


PROLIFIC_ME = Account(AccountKey("prolific", "me"), "me", "https://prolific.test")


def ledger_files(database: Database) -> LedgerFiles:
    """The ledger's files as the app makes them: the built-in platforms' history files importable."""
    return LedgerFiles(database, BUILT_IN.history_files(), BUILT_IN.name)


def history_tab(
    qtbot: Any,
    database: Database,
    pool: QThreadPool,
    clock: Clock,
    service: HistoryService,
    currency: str,
    accounts: Sequence[Account] = (PROLIFIC_ME,),
) -> HistoryView:
    """The History tab over `service`, its totals in `currency`, with these accounts of the worker's."""
    settings = SettingsStore(database)
    settings.set("history_currency", currency)
    widget = HistoryView(
        service, LongJob(pool), ledger_files(database), PointsValueStore(database), settings, clock,
        lambda: accounts,
    )  # fmt: skip
    qtbot.addWidget(widget)
    return widget
