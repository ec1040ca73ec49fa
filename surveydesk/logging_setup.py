"""Logging to a rotating file in the log folder and to stderr, set up once by the composition root."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "surveydesk.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The console handler, a class of its own so a second set-up in one process does not add another."""


def configure_logging(log_dir: Path, verbose: bool = False) -> logging.Handler:
    """Send records to `log_dir/surveydesk.log` (1 MB × 5 files) and warnings to stderr.

    Returns the file handler so the caller can remove it again (tests build several apps in one process).
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    file_handler = logging.handlers.RotatingFileHandler(
        log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
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
