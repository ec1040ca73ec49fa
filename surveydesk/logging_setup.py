"""Logging to a rotating file in the log folder and to stderr, set up once by the composition root.

A log file that cannot be written (not allowed, a full disk) stops nothing: SurveyDesk goes on without it, and
the file handler keeps the reason in words once, for the window to say (nothing a worker needs may end only on
stderr, which she never sees)."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path

from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence

LOG_FILE_NAME = "surveydesk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The console handler, a class of its own so a second set-up in one process does not add another."""


class LogFile(logging.handlers.RotatingFileHandler):
    """The log file (1 MB × 5 files), opened at the first record. A record it cannot write is dropped, and the
    first such failure is kept as `problem`, a sentence naming the file and why, and passed to the listener
    (`when_unwritable`, called on the thread that logged), instead of logging's traceback on stderr."""

    def __init__(self, path: Path, why: Callable[[OSError], str]) -> None:
        super().__init__(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True)
        self._why = why
        self.problem: Sentence | None = None
        self._listener: Callable[[Sentence], None] | None = None

    def when_unwritable(self, listener: Callable[[Sentence], None]) -> None:
        """Call `listener` with the problem the first time the file cannot be written (at once if it already
        could not)."""
        self._listener = listener
        if self.problem is not None:
            listener(self.problem)

    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        if self.problem is not None or not isinstance(error, OSError):
            return
        self.problem = QT_TRANSLATE_NOOP(
            "LogFile",
            "SurveyDesk cannot write its log file {0}: {1}. It goes on without it and writes it again once it "
            "can: free some space on that disk, or check that the folder is yours.",
        ).filled(str(self.baseFilename), self._why(error))
        if self._listener is not None:
            self._listener(self.problem)


def configure_logging(log_dir: Path, why: Callable[[OSError], str], verbose: bool = False) -> LogFile:
    """Send records to `log_dir/surveydesk.log` (1 MB × 5 files) and warnings to stderr; `why` words the reason
    the file cannot be written.

    Returns the file handler so the caller can hear when the file cannot be written and remove it again (tests
    build several apps in one process).
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    file_handler = LogFile(log_dir / LOG_FILE_NAME, why)
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(file_handler)
    if not any(isinstance(handler, _StderrHandler) for handler in root.handlers):
        stderr_handler = _StderrHandler()
        stderr_handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
        stderr_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stderr_handler)
    # urllib3 logs each request's full URL at DEBUG; URLs may carry hashes or ids that are not for the log.
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    return file_handler
