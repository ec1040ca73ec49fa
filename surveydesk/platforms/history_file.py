"""A file of past work a platform lets its workers download, and what reading it into the ledger gives back.

A platform that offers one states it in its `PlatformSpec.history_file`; the History tab offers to import it for
that platform's accounts, without knowing which platforms these are. A file is read and checked whole first: a
row that cannot be read is listed with its line and why (`ParsedFile.unreadable`), and the worker chooses to
import the others or nothing, never half a file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

from surveydesk.core.progress import Progress
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.store.database import Database

MAX_ERRORS_SHOWN = 10
Row = TypeVar("Row")


class ImportProblem(ValueError):
    """The file cannot be imported as it is; the message (a Sentence, shown translated) says which rows and
    why. Nothing was stored."""

    def __init__(self, message: Sentence) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A row that cannot be read: the line of the file it starts on, and why (a Sentence, shown translated)."""

    line: int
    reason: str

    @property
    def said(self) -> Sentence:
        return QT_TRANSLATE_NOOP("ImportProblem", "line {0}: {1}").filled(self.line, self.reason)


@dataclass(frozen=True, slots=True)
class ParsedFile(Generic[Row]):
    """Every row of a file, read and checked; nothing is stored yet."""

    rows: Sequence[Row]
    without_time: int  # rows left out: they cannot be placed in time
    unreadable: Sequence[Unreadable] = ()  # the worker imports the rest or nothing

    def unreadable_summary(self) -> Sentence:
        """The first unreadable rows and how many more, in one sentence (the whole list is `unreadable`)."""
        shown = self.unreadable[0].said
        for next_one in self.unreadable[1:MAX_ERRORS_SHOWN]:
            shown = QT_TRANSLATE_NOOP("ImportProblem", "{0}; {1}").filled(shown, next_one.said)
        if len(self.unreadable) > MAX_ERRORS_SHOWN:
            shown = QT_TRANSLATE_NOOP("ImportProblem", "{0} (and {1} more)").filled(
                shown, len(self.unreadable) - MAX_ERRORS_SHOWN
            )
        return QT_TRANSLATE_NOOP("ImportProblem", "{0} row(s) cannot be read: {1}").filled(
            len(self.unreadable), shown
        )


@dataclass(frozen=True, slots=True)
class ImportResult:
    rows: int
    entries: int  # entries touched (new or joined), bonuses included
    without_time: int


@dataclass(frozen=True, slots=True)
class HistoryFile:
    """How one platform's history file is offered and read. `title` names it for the worker (the file dialog's
    title), `kinds` the file dialog's filter; `parse` reads a file's bytes (raising `ImportProblem` when it is
    not such a file at all) and `store` records its readable rows for one account, in one transaction."""

    title: Sentence
    kinds: Sentence
    parse: Callable[[bytes, Progress | None], ParsedFile[Any]]
    store: Callable[[Database, str, ParsedFile[Any], datetime, Progress | None], ImportResult]
