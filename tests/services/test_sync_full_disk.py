"""A sync on a full disk: said in words (what happened, what to do), nothing already stored lost, tried again
until there is room, and then everything sent once. The disk is a real small one (tests/small_disk.py) and the
server a real CouchDB-compatible one, started here and reached by the child over loopback."""

from __future__ import annotations

from pathlib import Path

from surveydesk.ledger import Status
from tests.couch_server import CouchServer
from tests.full_disk_sync_child import OWN_ENTRIES
from tests.small_disk import run_on_a_small_disk
from tests.sync_helpers import Computer

OTHER_ENTRIES = 30  # what another computer sent before: the laptop must store them, and has no room


def test_a_sync_on_a_full_disk_says_so_loses_nothing_and_sends_everything_once(
    tmp_path: Path, server: CouchServer, laptop: Computer
):
    for number in range(OTHER_ENTRIES):
        laptop.report(f"desktop-{number}", Status.PAID, title="A study " + "y" * 200)
    assert laptop.sync(server).sent == OTHER_ENTRIES  # `laptop` plays the other computer, on a roomy disk
    seen = run_on_a_small_disk(tmp_path / "disk", "tests.full_disk_sync_child", server.url)
    assert seen["pending_before"] == OWN_ENTRIES
    state = str(seen["state_when_full"])
    assert state.startswith(
        f"Sync paused: the disk is full, so nothing could be saved. Free some space: your {OWN_ENTRIES} changes "
        "wait and nothing is lost; trying again at "
    ), state
    assert seen["entries_when_full"] == OWN_ENTRIES and seen["pending_when_full"] == OWN_ENTRIES
    assert seen["sent"] == OWN_ENTRIES and seen["received"] == OTHER_ENTRIES
    assert seen["entries_after"] == OWN_ENTRIES + OTHER_ENTRIES and seen["pending_after"] == 0
    assert str(seen["state_after"]).startswith("Synced at")
    assert str(seen["state_synced_on_a_full_disk"]).endswith(
        ", but the disk is full, so SurveyDesk cannot save anything. Free some space."
    )
    assert len(server.docs("log")) == OWN_ENTRIES + OTHER_ENTRIES and server.conflicts("log") == {}
    assert "Traceback" not in seen["stderr"], seen["stderr"]
