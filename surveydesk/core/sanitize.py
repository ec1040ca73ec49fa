"""The last check on what any platform sent, before it is stored or shown: clean text, sane numbers.

Connectors read each platform's format; this applies the rules that hold for all of them. A task link that is
not one SurveyDesk would open (core/links.py) is dropped. Text loses control
and bidirectional-override characters (which can disguise a title, e.g. make "exe.pdf" read as "fdp.exe") and
is cut to a length a list can show. A reward or a count no real task has spoils the whole reply, as any other
unreadable field does, so nothing half-checked is stored.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from surveydesk.core.earnings import Kind
from surveydesk.core.errors import BadPayload
from surveydesk.core.links import openable
from surveydesk.core.model import Task
from surveydesk.core.money import Money
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence

TITLE_LIMIT = 300
NAME_LIMIT = 200
DESCRIPTION_LIMIT = 4000
URL_LIMIT = 2000
# No click-work task pays more than this (in major units of its currency) or lists more places.
MAX_REWARD_MINOR = 100_000_00
MAX_COUNT = 10_000_000
# Entries whose money is earned, never taken back: a negative amount typed for one is a slip.
_NEVER_NEGATIVE = frozenset({Kind.TASK, Kind.BONUS, Kind.PAYOUT})


def plausible_reward(reward: Money) -> bool:
    """Whether one task can pay `reward`: from nothing up to `MAX_REWARD_MINOR`."""
    return 0 <= reward.minor <= MAX_REWARD_MINOR


def typed_amount_problem(amount: Money, kind: Kind = Kind.TASK) -> Sentence | None:
    """Why an amount the worker typed (a manual task's reward, a correction in History) cannot be right for an
    entry of `kind`, in a sentence; None when it can. The bound is the one every platform's rewards are held to:
    a typing slip of a few zeros would otherwise show as thousands an hour on the Wages tab."""
    if amount.minor < 0 and kind in _NEVER_NEGATIVE:
        return QT_TRANSLATE_NOOP(
            "TaskChecker", "An amount earned cannot be negative: {0} was typed. Type it without the minus sign."
        ).filled(amount)
    if abs(amount.minor) > MAX_REWARD_MINOR:
        return QT_TRANSLATE_NOOP(
            "TaskChecker", "{0} is more than any platform pays for one task: check the number of digits."
        ).filled(amount)
    return None


# C0 and C1 controls except tab and newline; the bidi marks, embeddings, overrides and isolates; the BOM; and
# lone surrogates (JSON can carry "\\ud800", which no text encoding can write).
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]"
)
_BLANKS = re.compile(r"\s+")


def clean_text(text: str, limit: int, *, one_line: bool = True) -> str:
    """Text safe to show: no control or direction-changing characters, within `limit` characters."""
    cleaned = _UNSAFE.sub("", text)
    if one_line:
        cleaned = _BLANKS.sub(" ", cleaned).strip()
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _needs_cleaning(text: str, limit: int, one_line: bool) -> bool:
    return len(text) > limit or _UNSAFE.search(text) is not None or (one_line and ("\n" in text or "\t" in text))


# Fields of a task shown as text: (name, limit, shown on one line).
_TEXT_FIELDS = (
    ("title", TITLE_LIMIT, True),
    ("requester_name", NAME_LIMIT, True),
    ("requester_id", NAME_LIMIT, True),
    ("description", DESCRIPTION_LIMIT, False),
)
# How many texts a checker remembers as safe before it starts over (a few polls of a very busy platform).
_REMEMBERED = 100_000


class TaskChecker:
    """`checked_tasks` with a memory, since most of a poll is what the poll before brought.

    A task object seen in the last poll is not checked again: connectors hand back the very same (immutable)
    object for an offer that did not change. One whose offer is the same as last time and only its places left
    moved (the change a poll sees most) needs only that count checked. For the others, texts found safe once are
    remembered, so the check costs a set lookup per field. One checker per account: its polls never overlap.
    Checking every task anew (texts still remembered) put bench/poll_pipeline.py's ratios at 2.04 (1,000
    studies, against 1.20) and 2.62 (5 × 200, against 2.05): medians of 5 interleaved runs on a loaded machine.
    """

    def __init__(self) -> None:
        # Safe texts by the rule they passed (limit, one line), since a description may hold what a title may not.
        self._safe: dict[tuple[int, bool], set[str]] = defaultdict(set)
        # The last poll's tasks by external id, each with what the check made of it.
        self._last: dict[str, tuple[Task, Task]] = {}

    def check(self, platform: str, tasks: Sequence[Task]) -> list[Task]:
        """The tasks as they may be stored: cleaned where needed (the same objects where not), or `BadPayload`."""
        if sum(len(texts) for texts in self._safe.values()) > _REMEMBERED:
            self._safe.clear()
        last: dict[str, tuple[Task, Task]] = self._last
        now: dict[str, tuple[Task, Task]] = {}
        result: list[Task] = []
        append = result.append
        for task in tasks:
            external_id = task.external_id
            seen = last.get(external_id)
            if seen is not None and seen[0] is task:  # most of a poll: nothing to check, nothing to make
                now[external_id] = seen
                append(seen[1])
                continue
            checked = self._checked(platform, task) if seen is None else self._recheck(platform, task, *seen)
            now[external_id] = (task, checked)
            append(checked)
        self._last = now
        return result

    def _recheck(self, platform: str, task: Task, before: Task, checked_before: Task) -> Task:
        """A task that was checked last poll in an earlier version: only its places when that is all that moved."""
        if not task.same_offer(before):
            return self._checked(platform, task)
        _check_count(platform, task.places_left)
        return task if checked_before is before else checked_before.with_places_left(task.places_left)

    def _checked(self, platform: str, task: Task) -> Task:
        if not plausible_reward(task.reward):
            raise BadPayload(
                platform,
                QT_TRANSLATE_NOOP("TaskChecker", "a task offers {0}, which no task pays").filled(task.reward),
            )
        for count in (task.estimated_minutes, task.places_left, task.time_allowed_minutes):
            _check_count(platform, count)
        if not self._is_safe(task.external_id, NAME_LIMIT, one_line=True):
            raise BadPayload(
                platform, QT_TRANSLATE_NOOP("TaskChecker", "a task's id holds characters or a length no id has")
            )
        changes: dict[str, Any] = {
            name: clean_text(getattr(task, name), limit, one_line=one_line)
            for name, limit, one_line in _TEXT_FIELDS
            if not self._is_safe(getattr(task, name), limit, one_line)
        }
        if not self._is_safe(task.url, URL_LIMIT, one_line=True) or (task.url and not openable(task.url)):
            changes["url"] = ""  # a cut, altered or disguised address would lead somewhere else: better none
        if not all(self._is_safe(device, NAME_LIMIT, one_line=True) for device in task.devices):
            changes["devices"] = tuple(
                cleaned for device in task.devices if (cleaned := clean_text(device, NAME_LIMIT))
            )
        return replace(task, **changes) if changes else task

    def _is_safe(self, text: str, limit: int, one_line: bool) -> bool:
        safe = self._safe[(limit, one_line)]
        if text in safe:
            return True
        if _needs_cleaning(text, limit, one_line):
            return False
        safe.add(text)
        return True


def _check_count(platform: str, count: int | None) -> None:
    if count is not None and not 0 <= count <= MAX_COUNT:
        raise BadPayload(
            platform,
            QT_TRANSLATE_NOOP("TaskChecker", "a task gives a count of {0}, which cannot be right").filled(count),
        )


def checked_tasks(platform: str, tasks: Sequence[Task]) -> list[Task]:
    """The tasks as they may be stored: cleaned where needed (the same objects where not), or `BadPayload`."""
    return TaskChecker().check(platform, tasks)
