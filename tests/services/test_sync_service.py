"""The sync service: exchanges on the pool after local changes and on ask, the state in words, offline waits."""

from __future__ import annotations

import itertools
import socket
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QThreadPool, QTimer

from surveydesk.core.money import Money
from surveydesk.ledger import EntryHeader, Kind, Report, Source, Status
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.services.sync_service import SyncService
from surveydesk.sync.target import SyncSettings, SyncTarget
from surveydesk.ui.formatting import format_time
from tests.couch_server import ADMIN, ADMIN_PASSWORD, CouchServer
from tests.hostile_server import JSON, HostileServer, Reply
from tests.sync_helpers import Computer


def _service(
    qtbot,
    computer: Computer,
    pool: QThreadPool,
    url: str | None,
    password: str | None,
    first_retry: timedelta = timedelta(seconds=30),
) -> SyncService:
    settings = SyncSettings(computer.settings)
    secrets = MemorySecrets()
    if url is not None:
        target = SyncTarget(url, "log", ADMIN)
        settings.set_target(target)
        if password is not None:
            secrets.set(target.secret_key, password)
    background = Background(pool)
    service = SyncService(
        computer.db,
        settings,
        secrets,
        computer.clock,
        background,
        time_text=format_time,
        watch_ms=20,
        debounce_ms=50,
        period_ms=600_000,
        first_retry=first_retry,
    )
    service.background = background  # kept alive with the service
    return service


@pytest.fixture
def stop_later() -> Iterator[list[SyncService]]:
    services: list[SyncService] = []
    yield services
    for service in services:
        service.stop()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_without_a_target_sync_says_it_is_off(qtbot, laptop: Computer, pool: QThreadPool, stop_later):
    service = _service(qtbot, laptop, pool, None, None)
    stop_later.append(service)
    service.start()
    assert service.state.startswith("Sync is off")


def test_it_syncs_at_start_and_says_when(qtbot, server: CouchServer, laptop: Computer, pool, stop_later):
    laptop.report("s1", Status.PAID)
    service = _service(qtbot, laptop, pool, server.url, ADMIN_PASSWORD)
    stop_later.append(service)
    with qtbot.waitSignal(service.synced, timeout=20_000) as synced:
        service.start()
    assert synced.args[0].sent == 1
    assert service.state == "Synced at " + format_time(laptop.clock.now())
    assert SyncSettings(laptop.settings).last_success() == laptop.clock.now()


@pytest.mark.parametrize(("language", "said"), [("en_US", "Synced at 2:02\u202fPM"), ("fr_FR", "Synced at 14:02")])
def test_the_sync_time_is_written_her_languages_way(
    qtbot, server: CouchServer, tmp_path: Path, pool, language: str, said: str
):
    """Through the one time formatter: 2:02 PM in American English, 14:02 in French (never a fixed 24-hour
    clock of its own)."""
    two_past_two = datetime(2026, 12, 7, 14, 2).astimezone().astimezone(UTC)  # 14:02 on this computer's clock
    laptop = Computer(tmp_path / "laptop", two_past_two)
    laptop.report("s1", Status.PAID)
    service = _service(qtbot, laptop, pool, server.url, ADMIN_PASSWORD)
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        with qtbot.waitSignal(service.synced, timeout=20_000):
            service.start()
        assert service.state == said
    finally:
        QLocale.setDefault(before)
        service.stop()
        pool.waitForDone(10_000)
        laptop.close()


def test_a_local_change_is_sent_soon_after_on_its_own(
    qtbot, server: CouchServer, laptop: Computer, pool, stop_later
):
    service = _service(qtbot, laptop, pool, server.url, ADMIN_PASSWORD)
    stop_later.append(service)
    with qtbot.waitSignal(service.synced, timeout=20_000):
        service.start()
    laptop.report("s1", Status.APPROVED)
    with qtbot.waitSignal(service.synced, timeout=20_000) as synced:
        pass
    assert synced.args[0].sent == 1
    assert laptop.pending() == 0


def test_offline_the_changes_wait_and_the_state_says_so(qtbot, laptop: Computer, pool, stop_later):
    laptop.report("s1", Status.APPROVED)
    service = _service(qtbot, laptop, pool, f"http://127.0.0.1:{_closed_port()}", ADMIN_PASSWORD)
    stop_later.append(service)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda text: text.startswith("Offline")) as told:
        service.start()
    assert "1 changes wait; trying again at" in told.args[0]  # the state as said (a busy machine may move on)
    assert laptop.pending() == 1


def test_a_wrong_password_stops_automatic_attempts_until_asked(
    qtbot, server: CouchServer, laptop: Computer, pool, stop_later
):
    service = _service(qtbot, laptop, pool, server.url, "wrong")
    stop_later.append(service)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda text: text.startswith("Sync stopped")):
        service.start()
    assert "refused the user name or password" in service.state
    laptop.report("s1", Status.APPROVED)  # a change does not start another doomed attempt
    for _look in range(2):  # the watch has looked since the change (it looks every 20 ms)
        with qtbot.waitSignal(service._watch.timeout, timeout=2_000):
            pass
    assert not service.running
    assert service.state.startswith("Sync stopped")  # still said, not replaced by "1 changes wait"


def test_the_server_s_refusal_is_said_in_french(
    qtbot, server: CouchServer, laptop: Computer, pool, stop_later, french
):
    service = _service(qtbot, laptop, pool, server.url, "wrong")
    stop_later.append(service)
    with qtbot.waitSignal(
        service.state_changed, check_params_cb=lambda text: text.startswith("Synchronisation arr")
    ):
        service.start()
    assert "a refusé le nom d’utilisateur ou le mot de passe. Vérifiez les réglages" in service.state


def test_without_a_password_it_asks_for_one(qtbot, server: CouchServer, laptop: Computer, pool, stop_later):
    service = _service(qtbot, laptop, pool, server.url, None)
    stop_later.append(service)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda text: "password" in text):
        service.start()
    assert service.state == "Sync is waiting for its password: enter it in File ▸ Sync between computers…"


def test_a_big_exchange_leaves_the_gui_thread_free(qtbot, server: CouchServer, laptop: Computer, pool, stop_later):
    header = EntryHeader("prolific", "me", Kind.TASK, laptop.clock.now(), "GBP", task_id="x")
    reports = [
        Report(replace(header, task_id=f"study-{number}"), laptop.clock.now(), Status.APPROVED, Money(100, "GBP"))
        for number in range(5000)
    ]
    laptop.ledger.record(reports, Source.PLATFORM, laptop.clock.now())
    service = _service(qtbot, laptop, pool, server.url, ADMIN_PASSWORD)
    stop_later.append(service)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(10)
    with qtbot.waitSignal(service.synced, timeout=60_000) as synced:
        service.start()
    heartbeat.stop()
    assert synced.args[0].sent == 5000
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert len(ticks) > 20 and max(gaps) < 0.5  # the exchange took seconds; the event loop never waited long


def test_changes_made_offline_are_sent_when_the_server_is_back(
    qtbot, laptop: Computer, pool, stop_later, tmp_path: Path
):
    port = _closed_port()
    laptop.report("s1", Status.APPROVED)
    service = _service(qtbot, laptop, pool, f"http://127.0.0.1:{port}", ADMIN_PASSWORD, timedelta(seconds=0.2))
    stop_later.append(service)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda text: text.startswith("Offline")):
        service.start()
    laptop.report("s2", Status.APPROVED)  # still offline: it waits with the first
    back = CouchServer(tmp_path / "back", port=port).start()
    try:
        back.create_database("log")
        with qtbot.waitSignal(service.synced, timeout=20_000) as synced:
            pass
        assert synced.args[0].sent == 2 and laptop.pending() == 0
        assert service.state.startswith("Synced at")
    finally:
        back.stop()


def test_a_busy_server_is_asked_again_when_it_says(qtbot, laptop: Computer, pool, stop_later):
    with HostileServer() as busy:
        busy.script(Reply(429, b"{}", (*JSON, ("Retry-After", "120"))))
        service = _service(qtbot, laptop, pool, busy.url, ADMIN_PASSWORD)
        stop_later.append(service)
        with qtbot.waitSignal(service.state_changed, check_params_cb=lambda text: "busy" in text):
            service.start()
    retry = format_time(laptop.clock.now() + timedelta(seconds=120))
    assert service.state == f"The sync server is busy: 0 changes wait; trying again at {retry}"


def test_records_on_the_server_it_cannot_read_are_mentioned(
    qtbot, server: CouchServer, laptop: Computer, pool, stop_later
):
    hostile = {"_id": "setting:country", "type": "setting", "key": "country", "value": "{oops", "changed_at": ""}
    assert server.admin.put(f"{server.url}/log/setting:country", json=hostile, timeout=10).ok
    service = _service(qtbot, laptop, pool, server.url, ADMIN_PASSWORD)
    stop_later.append(service)
    with qtbot.waitSignal(service.synced, timeout=20_000):
        service.start()
    assert service.state.endswith("· 1 records on the server could not be read (see the log file)")


def test_records_a_newer_version_wrote_are_said_once_in_words(
    qtbot, server: CouchServer, laptop: Computer, pool, stop_later
):
    goal = {"_id": "goal:week", "type": "goal", "amount": {"minor": 1000, "currency": "EUR"}, "changed_at": ""}
    assert server.admin.put(f"{server.url}/log/goal:week", json=goal, timeout=10).ok
    service = _service(qtbot, laptop, pool, server.url, ADMIN_PASSWORD)
    stop_later.append(service)
    newer = " · 1 records come from a newer SurveyDesk on another computer: this one keeps them and shows them "
    with qtbot.waitSignal(service.synced, timeout=20_000):
        service.start()
    assert service.state.endswith(newer + "once it is updated")
    with qtbot.waitSignal(service.synced, timeout=20_000):
        service.sync_now()
    assert service.state.startswith("Synced at") and "newer" not in service.state


def test_when_the_network_comes_back_the_waiting_changes_go_at_once(
    qtbot, laptop: Computer, pool, stop_later, tmp_path: Path
):
    port = _closed_port()
    laptop.report("s1", Status.APPROVED)
    service = _service(qtbot, laptop, pool, f"http://127.0.0.1:{port}", ADMIN_PASSWORD)  # retries in 30 s
    stop_later.append(service)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda text: text.startswith("Offline")):
        service.start()
    back = CouchServer(tmp_path / "back", port=port).start()
    try:
        back.create_database("log")
        with qtbot.waitSignal(service.synced, timeout=10_000) as synced:
            service.network_changed(True)
        assert synced.args[0].sent == 1
    finally:
        back.stop()


def test_a_missing_database_is_said_and_waits_for_the_worker(
    qtbot,
    laptop: Computer,
    pool,
    stop_later,
    couch_server: CouchServer,
):
    laptop.report("s1", Status.APPROVED)
    service = _service(qtbot, laptop, pool, couch_server.url, ADMIN_PASSWORD)  # "log" was never created
    stop_later.append(service)
    with qtbot.waitSignal(service.state_changed, check_params_cb=lambda text: text.startswith("Sync stopped")):
        service.start()
    assert service.state == (
        f"Sync stopped: 127.0.0.1:{couch_server.port}/log has no such database; create it on the server first. "
        "Check the settings in File ▸ Sync between computers…"
    )
    assert laptop.pending() == 1
