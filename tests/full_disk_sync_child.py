"""Runs inside a private mount namespace (tests/services/test_sync_full_disk.py) on a small tmpfs at argv[1]: a
computer whose database is on that disk syncs with the server at argv[2] while the disk is full, then after space
is freed, and prints what happened as one JSON line."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from surveydesk.ledger import Status
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.services.sync_service import SyncService
from surveydesk.sync.target import SyncSettings, SyncTarget
from surveydesk.ui.formatting import format_time
from tests.couch_server import ADMIN, ADMIN_PASSWORD
from tests.small_disk import fill, wait_for
from tests.sync_helpers import Computer

OWN_ENTRIES = 20  # what this computer has to send


def entries(computer: Computer) -> int:
    (count,) = computer.db.connection().execute("SELECT count(*) FROM ledger_entries").fetchone()
    return int(count)


def main(disk: Path, url: str) -> dict[str, object]:
    seen: dict[str, object] = {}
    laptop = Computer(disk / "laptop")
    for number in range(OWN_ENTRIES):
        laptop.report(f"laptop-{number}", Status.APPROVED, title="A study " + "x" * 200)
    settings = SyncSettings(laptop.settings)
    target = SyncTarget(url, "log", ADMIN)
    settings.set_target(target)
    secrets = MemorySecrets()
    secrets.set(target.secret_key, ADMIN_PASSWORD)
    pool = QThreadPool()
    background = Background(pool)
    service = SyncService(
        laptop.db,
        settings,
        secrets,
        laptop.clock,
        background,
        time_text=format_time,
        watch_ms=60_000,
        debounce_ms=60_000,
        period_ms=600_000,
        first_retry=timedelta(milliseconds=200),
    )
    seen["pending_before"] = laptop.pending()
    filler = fill(disk)
    service.start()  # the first exchange must write what the server holds: no room
    (seen["state_when_full"],) = wait_for(service.state_changed, lambda text: "disk" in text)
    seen["entries_when_full"] = entries(laptop)
    seen["pending_when_full"] = laptop.pending()
    filler.unlink()  # space comes back: the retry (sooner than the worker would look) sends everything
    (report,) = wait_for(service.synced)
    seen["sent"] = report.sent
    seen["received"] = report.received
    seen["entries_after"] = entries(laptop)
    seen["pending_after"] = laptop.pending()
    seen["state_after"] = service.state
    # The disk fills after the exchange, before the service notes its time on the GUI thread: the job's end is
    # heard on its pool thread (a direct connection), and the GUI thread waits for the pool before it takes the
    # result the job queued for it.
    fillers: list[Path] = []
    exchanged = background._finished  # the one moment between the exchange and its continuation
    exchanged.connect(lambda _job: fillers.append(fill(disk)), Qt.ConnectionType.DirectConnection)
    laptop.later(5)  # a new time of the last sync to save
    service.sync_now()
    pool.waitForDone(60_000)
    wait_for(service.synced)
    seen["state_synced_on_a_full_disk"] = service.state
    (filler,) = fillers
    filler.unlink()
    service.stop()
    pool.waitForDone(30_000)
    laptop.close()
    return seen


if __name__ == "__main__":
    application = QApplication(["surveydesk"])
    print(json.dumps(main(Path(sys.argv[1]), sys.argv[2])), flush=True)
