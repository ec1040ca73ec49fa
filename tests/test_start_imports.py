"""What the main window's first frame does not need is not loaded, nor done, before it (bench/startup.py).

The frame needs Qt, the data folder and the worker's language: the core (the platforms' registry, the stores, the
services, the demo exchange) is composed once it is painted (app.py); Qt WebEngine (about 80 ms) comes with the
sign-in window, in a process of its own; Apprise (about 80 ms) with the first phone alert; the keyring, the
dialogs, the Wages and History tabs and the sync when first used or once the frame is painted. Python collects no
cycles on its own while SurveyDesk starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from surveydesk.net.shapes import Change, Difference, Part, ShapeWatch
from surveydesk.paths import AppPaths
from surveydesk.platforms.prolific.earnings import SUBMISSIONS_PAGE
from surveydesk.platforms.set_aside_store import SetAsideStore
from surveydesk.store import Database
from tests.conftest import bare_environment
from tests.services.test_platform_changes import PAGE

STARTS_WITHOUT_WEB_ENGINE = """
import sys
from surveydesk.ui.application import create_application
import surveydesk.app, surveydesk.composition, surveydesk.ui.main_window
app = create_application(["surveydesk"])
assert not [name for name in sys.modules if "WebEngine" in name or "apprise" in name], sorted(sys.modules)
from surveydesk.services.phone_alerts import unknown_addresses
assert unknown_addresses(["ntfys://example.org/topic", "nowhere"]) == ["nowhere"]
print("ok")
"""


def printed_by(script: str, folder: Path, *args: str) -> str:
    """What `script` printed, run with `args` in an interpreter of its own with nothing of this desktop (Qt
    offscreen, a home in `folder`); it must end well."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=bare_environment(folder, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_web_engine_and_apprise_are_not_loaded_with_surveydesk(tmp_path: Path):
    assert printed_by(STARTS_WITHOUT_WEB_ENGINE, tmp_path).strip() == "ok"


# Started through `surveydesk.app.main` (Python collecting as the interpreter starts, so that what main() does
# about it shows), the demo's window is watched for its first frame as bench/startup.py watches it; the modules
# loaded by then are printed, then SurveyDesk quits.
MODULES_AT_THE_FIRST_FRAME = """
import gc, json, sys
import surveydesk.app
from surveydesk.app import main
from surveydesk.ui import application
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.loaded = None

    def eventFilter(self, watched, event):
        if self.loaded is None and event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            self.loaded = list(sys.modules)  # in the order they were imported
            QTimer.singleShot(0, QCoreApplication.quit)
        return False

watcher = FirstPaint()
original = application.create_application

def create_and_watch(*args, **kwargs):
    app = original(*args, **kwargs)
    app.installEventFilter(watcher)
    return app

application.create_application = create_and_watch
from surveydesk.ui.main_window import MainWindow
attaching = MainWindow.attach
collecting = {}

def attach_and_watch(*args, **kwargs):  # just after the core is built
    collecting["while building"] = gc.isenabled()
    return attaching(*args, **kwargs)

MainWindow.attach = attach_and_watch
code = main(["--demo", "--seed", "3", "--data-dir", sys.argv[1]])
collecting["after"] = gc.isenabled()
print(json.dumps({"code": code, "loaded": watcher.loaded, "collecting": collecting}))
"""

# What the first frame (the window's title, menus and the Tasks tab's search bar and list) does not use, each of
# which was loaded before it: the core (composition.py), its platforms' registry, stores and services, and the demo
# exchange, the keyring (the demo's logins are in memory), Prolific's OAuth library (its first session refresh),
# msgspec (the first reply read), Qt Multimedia (the first alert's sound), the dialogs, the feed and the profile's
# marks, the Wages and History tabs with Babel's country names, and the sync between computers; and the platforms'
# task and earnings readers, built with each account's first poll and earnings run (composition.py `connect`); and
# with them the HTTP layer (net/http.py), requests and urllib3, which come with the first session made.
READERS = ("tasks", "earnings")
NOT_BEFORE_THE_FIRST_FRAME = (
    "surveydesk.composition",
    "surveydesk.platforms.registry",
    "surveydesk.ledger.store",
    "surveydesk.services.poller",
    "surveydesk.demo.exchange",
    "surveydesk.ui.task_model",
    "surveydesk.ui.crash_report",
    "requests",
    "urllib3",
    "surveydesk.net.http",
    "keyring",
    "oauthlib",
    "msgspec",
    "babel",
    "PySide6.QtMultimedia",
    "surveydesk.ui.manual_task_dialog",
    "surveydesk.ui.alerts_dialog",
    "surveydesk.ui.profile_editor",
    "surveydesk.ui.preferences_dialog",
    "surveydesk.ui.feed_controller",
    "surveydesk.ui.profile_controller",
    "surveydesk.ui.wages_panel",
    "surveydesk.ui.history_view",
    "surveydesk.services.sync_service",
    "surveydesk.sync.couch",
    *(
        f"surveydesk.platforms.{p}.{reader}"
        for p in ("prolific", "mturk", "bitlabs", "cpx", "toloka")
        for reader in READERS
    ),
)


@pytest.fixture(scope="module")
def first_start(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The demo started to its window's first frame: the modules loaded then, in the order their import ended
    (`loaded`), and whether Python collected cycles on its own while the core was built and after the run
    (`collecting`)."""
    scratch = tmp_path_factory.mktemp("first-frame")
    printed = printed_by(MODULES_AT_THE_FIRST_FRAME, scratch, str(scratch / "data"))
    started = json.loads(printed.splitlines()[-1])
    assert started["code"] == 0
    assert started["loaded"] is not None, "the window was never painted"
    assert "surveydesk.ui.main_window" in started["loaded"]  # the watch saw the real window
    return dict(started)


def test_what_the_first_frame_does_not_use_is_loaded_after_it(first_start: dict[str, Any]):
    early = [name for name in NOT_BEFORE_THE_FIRST_FRAME if name in first_start["loaded"]]
    assert early == []


def test_python_collects_no_cycles_on_its_own_while_surveydesk_starts(first_start: dict[str, Any]):
    """Nothing start-up made is garbage before the first frame (app.py `_no_automatic_collection`); after the run
    Python collects as it did before it."""
    assert first_start["collecting"] == {"while building": False, "after": True}


# The `surveydesk` command's entry point, asked for its version: whether Python collected cycles on its own when
# the composition root (and with it most of SurveyDesk) was imported.
ENTRY_POINT = """
import gc, sys

class NoteTheCompositionRoot:
    def find_spec(self, name, path=None, target=None):
        if name == "surveydesk.app":
            print("collecting on its own:", gc.isenabled())
        return None

sys.meta_path.insert(0, NoteTheCompositionRoot())
from surveydesk.__main__ import start
sys.argv = ["surveydesk", "--version"]
try:
    start()
except SystemExit as end:
    assert end.code == 0, end.code
"""


def test_the_command_imports_surveydesk_with_collection_off(tmp_path: Path):
    assert printed_by(ENTRY_POINT, tmp_path).splitlines()[0] == "collecting on its own: False"


# Started through `surveydesk.app.main`, SurveyDesk prints what the window's platform-change notice says, then
# quits; or quits silently if nothing was said within a start's time.
NOTICE_AT_START = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from surveydesk.app import main
from surveydesk.ui import application, platform_change

told = platform_change.PlatformChangeNotice.tell
original = application.create_application

def tell_and_quit(notice, sentence):
    told(notice, sentence)
    print(notice.label.text(), flush=True)
    QCoreApplication.quit()

def create_with_a_deadline(*args, **kwargs):
    app = original(*args, **kwargs)
    QTimer.singleShot(20_000, app.quit)
    return app

platform_change.PlatformChangeNotice.tell = tell_and_quit
application.create_application = create_with_a_deadline
main(["--demo", "--seed", "3", "--data-dir", sys.argv[1]])
"""


def test_what_an_earlier_run_left_to_tell_is_told_though_the_feed_waits_for_the_first_frame(tmp_path: Path):
    """Records set aside in an earlier run are told as the event loop starts (services/platform_changes.py), before
    the first frame, after which the feed is built: the notice is there to tell it."""
    data = tmp_path / "data"
    with Database.open(AppPaths.under(data).create().database) as database:
        earlier = ShapeWatch(kept=SetAsideStore(database))
        with earlier.watching("prolific", Part.EARNINGS, "GET /subs", PAGE, SUBMISSIONS_PAGE) as read:
            read.put_aside(Difference("results[].submission_reward.amount", Change.BEYOND_BOUNDS), "str:sub1")
    said = printed_by(NOTICE_AT_START, tmp_path, str(data)).strip()
    assert said.startswith("SurveyDesk set aside 1 of Prolific's records (amounts beyond what it pays)")
