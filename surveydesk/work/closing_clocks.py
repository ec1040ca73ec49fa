"""Stopping the running clocks when SurveyDesk closes, and remembering until the next start when a full disk
refused it.

A logout, a shutdown or a signal leaves no one to tell, so the next start says it when it asks about the time
since. The reminder is an empty file: it needs no data block, so it can usually be made on a disk with no byte
left; where even that fails, the next start asks about the time as after any stop it could not see coming.
"""

from __future__ import annotations

import logging
from pathlib import Path

from surveydesk.work.timekeeper import Timekeeper

log = logging.getLogger(__name__)

MARK_NAME = "clocks-unsaved-at-close"


class ClosingClocks:
    """`stop()` at every close (Quit, a logout, a signal, the core's end); `closed_on_a_full_disk()` at start."""

    def __init__(self, timekeeper: Timekeeper, data_folder: Path) -> None:
        self._timekeeper = timekeeper
        self._mark = data_folder / MARK_NAME

    def stop(self) -> bool:
        """Suspend the timer; whether that was saved. When it was not, leave the reminder for the next start."""
        if self._timekeeper.suspend():
            return True
        try:
            self._mark.touch()
        except OSError as error:
            log.warning("the disk is full and %s could not be made either: %s", self._mark, error.strerror)
        return False

    def closed_on_a_full_disk(self) -> bool:
        """Whether the last run closed with its clocks unsaved, for lack of room; asked once, at the start."""
        found = self._mark.exists()
        try:
            self._mark.unlink(missing_ok=True)
        except OSError as error:  # a folder made read-only since: the question is asked again next time, no more
            log.warning("%s could not be removed: %s", self._mark, error.strerror)
        return found
