"""The composition root: starts SurveyDesk, the main window's frame on the screen first.

The frame (ui/main_window.py: title, menus, the Tasks tab's search bar and list) needs only Qt and the data
folder (data_folder.py: the log, the database and the worker's language in its settings). The core, whose
modules are most of SurveyDesk, and the rest of the window are composed once the frame is painted
(composition.py), so the worker sees her window at once (bench/startup.py): paths → logging → database →
QApplication → the window's frame → the core's services → the rest of the window.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from surveydesk import APP_NAME, __version__
from surveydesk.data_folder import DataFolder, open_data
from surveydesk.logging_setup import LOG_FILE_NAME
from surveydesk.paths import UnusableFolderError
from surveydesk.services.gui_thread_gc import GuiThreadCollector
from surveydesk.services.single_instance import Claim, SingleInstance
from surveydesk.store.database import DamagedDatabaseError, StoreError
from surveydesk.store.settings import SettingsStore

if TYPE_CHECKING:
    from surveydesk.composition import Core, RunningUi
    from surveydesk.platforms.registry import Registry
    from surveydesk.ui.crash_report import CrashReporter

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2
# What a second start says on its way out (to a terminal: started from the desktop, it leaves without a word).
_ALREADY_RUNNING = {
    Claim.SHOWN: "{0} is already running with this data; its window was brought forward.",
    Claim.STARTING: "{0} is already starting with this data; its window will appear in a moment.",
}


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="surveydesk", description=f"{APP_NAME}: one desk for click work.")
    parser.add_argument("--demo", action="store_true", help="run against the built-in demo exchange")
    parser.add_argument("--smoke-test", action="store_true", help="start, poll every platform once, report, exit")
    parser.add_argument("--data-dir", type=Path, help="keep all data, settings and logs under this folder")
    parser.add_argument("--seed", type=int, help="make the demo exchange's market repeatable")
    parser.add_argument("--verbose", action="store_true", help="log debugging details")
    # SurveyDesk started again by itself to show a sign-in window (ui/sign_in_process.py), not by the worker.
    parser.add_argument("--sign-in", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


@contextmanager
def build_core(args: argparse.Namespace, registry: Registry | None = None) -> Iterator[Core]:
    """The data folder opened and the core built on it at once, for whoever shows no window first (tests, tools);
    taken down in reverse when the block ends."""
    from surveydesk.composition import build_services

    with ExitStack() as stack, build_services(args, open_data(args, stack), registry) as core:
        yield core


# How often a running thread hands the interpreter over: shorter than Python's 5 ms default, so the GUI thread,
# which calls into Python for every table cell it paints, does not wait behind a pool thread parsing a reply.
# bench/notify_latency.py with 5 ms: p99 102 ms against 69, GUI stall 55 ms against 48 (medians of 6 runs each,
# interleaved, on a loaded machine).
GIL_SWITCH_SECONDS = 0.001


def main(argv: Sequence[str] | None = None) -> int:
    with _no_automatic_collection():
        args = parse_args(sys.argv[1:] if argv is None else argv)
        if args.sign_in:  # a sign-in window in a process of its own: none of SurveyDesk's data is opened
            from surveydesk.ui.sign_in_process import sign_in_here

            gc.enable()  # nor the GUI thread's collector: Python collects there as it would
            return sign_in_here(sys.stdin, sys.stdout)
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        while True:
            try:
                with ExitStack() as stack:
                    return _run_ui(args, open_data(args, stack), stack)
            except DamagedDatabaseError as error:
                print(f"{APP_NAME}: {error}", file=sys.stderr)
                if args.smoke_test or not _restore_backup(error.path):
                    return EXIT_REFUSED
            except (StoreError, UnusableFolderError) as error:
                print(f"{APP_NAME}: {error}", file=sys.stderr)
                return EXIT_REFUSED


@contextmanager
def _no_automatic_collection() -> Iterator[None]:
    """Python's own collection of reference cycles off for the run, put back as it was when the run ends.

    The GUI thread's collector (services/gui_thread_gc.py) collects from the application's start on; before it,
    Python collected several times during the core's build and the UI's imports, once a full collection of
    every object start-up had made (25–80 ms before the first frame, bench/startup.py), when nothing start-up
    keeps is garbage: what it drops is collected once the window is painted (`settle_heap`). Nor can one run on
    a pool thread meanwhile (the daily backup, the demo exchange's threads).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        else:
            gc.disable()


def _restore_backup(database_path: Path) -> bool:
    """Offer the worker the newest sound backup in place of the damaged database; True once it is in place."""
    from surveydesk.store.backups import BACKUP_FOLDER_NAME, RollingBackups, restore
    from surveydesk.ui.damaged_database import ask_to_restore

    backup = RollingBackups(database_path.parent / BACKUP_FOLDER_NAME).newest_sound()
    if not ask_to_restore(database_path, backup) or backup is None:
        return False
    restore(database_path, backup)
    return True


def _run_ui(args: argparse.Namespace, data: DataFolder, stack: ExitStack) -> int:
    """The window's frame on the screen, then the core (taken down by `stack`, after the window) and the rest of
    the window; the event loop until SurveyDesk quits."""
    from surveydesk.ui.application import create_application, quit_cleanly_when_asked
    from surveydesk.ui.first_frame import FirstFrame
    from surveydesk.ui.main_window import MainWindow

    app = create_application([sys.argv[0] if sys.argv else "surveydesk"], SettingsStore(data.database))
    GuiThreadCollector(app).start()
    if args.smoke_test:
        from surveydesk.ui.resource_check import missing_resources

        if missing := missing_resources():
            print("smoke-test failed: missing " + "; ".join(missing), flush=True)
            return EXIT_FAILED
    instance = SingleInstance(data.paths.data, app)
    claim = instance.claim()
    if claim is not Claim.TAKEN:
        print(_ALREADY_RUNNING[claim].format(APP_NAME), flush=True)
        return EXIT_OK
    stack.callback(instance.release)  # once the core is taken down
    window = MainWindow(demo=args.demo)
    instance.activation_requested.connect(window.bring_forward)
    crashes: CrashReporter | None = None
    running: RunningUi | None = None

    def compose() -> None:
        nonlocal crashes, running
        from surveydesk.composition import attach_core, build_services
        from surveydesk.ui.crash_report import CrashReporter

        crashes = CrashReporter(data.paths.log / LOG_FILE_NAME, lambda: window)
        crashes.install()
        instance.listen()
        core = stack.enter_context(build_services(args, data))
        stop_signals = quit_cleanly_when_asked(app, core.closing_clocks.stop)
        running = attach_core(args, core, window, stop_signals)

    FirstFrame(window).later(compose)
    window.show()
    try:
        code = app.exec()
    finally:
        if crashes is not None:
            crashes.uninstall()
        if running is not None:
            running.end()
    window.close()
    if args.smoke_test:
        return EXIT_FAILED if running is None else running.smoke_test_code
    return code
