"""The worker's data folder, opened before anything else: the log, the database and, in it, her settings.

It is all the window's frame needs besides Qt (her language is in the settings), so it is opened apart from the
core (composition.py), which is built on it once the frame is on the screen (app.py).
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from surveydesk import APP_NAME, __version__
from surveydesk.logging_setup import LogFile, configure_logging
from surveydesk.paths import AppPaths, why
from surveydesk.store.database import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DataFolder:
    paths: AppPaths
    database: Database
    log_file: LogFile  # says when the log cannot be written


def choose_paths(args: argparse.Namespace, stack: ExitStack) -> AppPaths:
    if args.data_dir is not None:
        return AppPaths.under(args.data_dir)
    if args.smoke_test:
        return AppPaths.under(Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="surveydesk-smoke-"))))
    if args.demo:
        # The demo never writes next to the worker's real data.
        return AppPaths.under(AppPaths.for_user().data / "demo")
    return AppPaths.for_user()


def open_data(args: argparse.Namespace, stack: ExitStack) -> DataFolder:
    """The folder created if need be, the log started in it and the database opened (and brought up to date);
    closed in reverse when `stack` closes. `UnusableFolderError`, `StoreError` or `DamagedDatabaseError` when
    SurveyDesk cannot work there."""
    paths = choose_paths(args, stack).create()
    handler = configure_logging(paths.log, why, verbose=args.verbose)
    stack.callback(logging.getLogger().removeHandler, handler)
    stack.callback(handler.close)
    log.info("%s %s starting; data in %s", APP_NAME, __version__, paths.data)  # opens the log file
    database = Database.open(paths.database)
    stack.callback(database.close)
    return DataFolder(paths, database, handler)
