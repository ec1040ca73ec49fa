"""Shared fixtures: every test runs offscreen, on loopback only, with its own data dir."""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtCore import QCoreApplication, QLocale, QThreadPool, QTranslator

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.politeness import Politeness
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.wire import SiteContext
from surveydesk.net.http import make_session
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.gui_thread_gc import GuiThreadCollector
from surveydesk.services.poller import Poller
from surveydesk.store import Database, TaskStore
from tests.couch_server import couch_server  # noqa: F401 (a fixture, for the sync tests)
from tests.ledger_helpers import (
    PROLIFIC_UNPACED,
    time,  # noqa: F401 (a fixture the earnings tests share)
)
from tests.phone_fixtures import desk, ntfy, phone, phone_secrets  # noqa: F401 (fixtures the phone tests share)
from tests.sync_helpers import desktop, laptop, server  # noqa: F401 (fixtures the sync tests share)

# Read when the QApplication is made, which pytest-qt does after this file is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Read when the first web page starts Chromium: as root (CI, containers) it refuses to run with its sandbox.
if os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

DEMO = AccountKey("prolific", "demo")


def pytest_configure(config: pytest.Config) -> None:
    """A crash (a segmentation fault) prints the Python stack of the thread it happened on, and only that one,
    on a copy of the terminal's error output made now, while pytest is not capturing it."""
    faulthandler.enable(file=os.dup(sys.stderr.fileno()), all_threads=False)


@pytest.fixture(scope="session")
def _collector(qapp) -> Iterator[GuiThreadCollector]:
    collector = GuiThreadCollector(qapp)
    collector.start()
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def cycles_freed_on_the_gui_thread(_collector: GuiThreadCollector) -> Iterator[None]:
    """As in the app: no pool thread of a test frees a cycle holding a Qt object (which crashed CI). After each
    test too, since a test that never runs the event loop never runs the collector's timer."""
    yield
    _collector.collect_due()


@pytest.fixture
def french(qapp) -> Iterator[None]:
    """French installed as the app does it, and everything put back afterwards."""
    from surveydesk.ui.translations import install_translators

    before = QLocale()
    install_translators(qapp, "fr")
    yield
    for translator in qapp.findChildren(QTranslator):
        QCoreApplication.removeTranslator(translator)
        translator.setParent(None)
    QLocale.setDefault(before)


@pytest.fixture
def ticks() -> ManualClock:
    """The demo exchange's market clock, moved only by the test."""
    return ManualClock()


@pytest.fixture
def session() -> Iterator[requests.Session]:
    with make_session("SurveyDesk/test") as session:
        session.trust_env = False  # loopback only, whatever proxy the environment names
        yield session


@pytest.fixture
def exchange() -> Iterator[DemoExchange]:
    with DemoExchange(seed=7, sites=PROLIFIC_UNPACED) as running:
        yield running


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    opened = Database.open(tmp_path / "surveydesk.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    threads = QThreadPool()
    yield threads
    threads.waitForDone(10_000)


@pytest.fixture
def store(database: Database) -> TaskStore:
    return TaskStore(database)


def no_floor(_platform: str) -> timedelta:
    """For tests of other rules, which poll back to back; the floor has tests of its own (test_poller.py)."""
    return timedelta(0)


@pytest.fixture
def poller(qtbot, store: TaskStore, pool: QThreadPool) -> Iterator[Poller]:
    service = Poller(store, SystemClock(), pool, floor_of=no_floor)
    yield service
    service.stop()
    pool.waitForDone(10_000)


def add_demo_account(
    poller: Poller,
    exchange: DemoExchange,
    key: AccountKey = DEMO,
    token: str | None = DemoExchange.PROLIFIC_TOKEN,
    interval: timedelta = timedelta(seconds=30),
) -> Politeness:
    """Put one Prolific account of the demo exchange under the poller; returns its politeness to inspect."""
    secrets = MemorySecrets({key: token} if token else {})
    account = Account(key, key.account, exchange.prolific_url)
    politeness = Politeness(min_interval=interval)
    poller.add_account(account, BUILT_IN.build_connector(account, secrets, SystemClock()), politeness)
    return politeness


@contextmanager
def one_site(factory: Callable[..., Any], seed: int, **options: Any) -> Iterator[tuple[Any, DemoExchange]]:
    """A demo exchange serving one platform's site on a manual clock, with the site itself to inspect."""
    sites: list[Any] = []

    def build(context: SiteContext) -> Any:
        sites.append(factory(context, **options))
        return sites[-1]

    with DemoExchange(seed=seed, clock=ManualClock(), sites=[build]) as running:
        yield sites[0], running


def bare_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a child process that has nothing of the caller's desktop (no DISPLAY, no session bus,
    no QT_QPA_PLATFORM): a home and a private runtime folder of its own under `tmp_path`, the caller's PATH,
    and this checkout to import SurveyDesk from; `extra` adds variables."""
    home, runtime = tmp_path / "home", tmp_path / "runtime"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    root = Path(__file__).resolve().parent.parent
    return {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", ""),
        "PYTHONPATH": str(root),
        "XDG_RUNTIME_DIR": str(runtime),
        **extra,
    }
