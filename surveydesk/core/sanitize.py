"""The last check on what any platform sent, before it is stored or shown: clean text, sane numbers.

Connectors read each platform's format; this applies the rules that hold for all of them. Text loses control
and bidirectional-override characters (which can disguise a title, e.g. make "exe.pdf" read as "fdp.exe") and
is cut to a length a list can show. A reward or a count no real task has spoils the whole reply, as any other
unreadable field does, so nothing half-checked is stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from surveydesk.core.errors import BadPayload
from surveydesk.core.model import Task

TITLE_LIMIT = 300
NAME_LIMIT = 200
DESCRIPTION_LIMIT = 4000
URL_LIMIT = 2000
# No click-work task pays more than this (in major units of its currency) or lists more places.
MAX_REWARD_MINOR = 100_000_00
MAX_COUNT = 10_000_000

# C0 and C1 controls except tab and newline, the bidi embeddings, overrides and isolates, and the BOM.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]")
_BLANKS = re.compile(r"\s+")


def clean_text(text: str, limit: int, *, one_line: bool = True) -> str:
    """Text safe to show: no control or direction-changing characters, within `limit` characters."""
    cleaned = _UNSAFE.sub("", text)
    if one_line:
        cleaned = _BLANKS.sub(" ", cleaned).strip()
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _needs_cleaning(text: str, limit: int, one_line: bool) -> bool:
    return len(text) > limit or _UNSAFE.search(text) is not None or (one_line and ("\n" in text or "\t" in text))


def checked_tasks(platform: str, tasks: Sequence[Task]) -> list[Task]:
    """The tasks as they may be stored: cleaned where needed (the same objects where not), or `BadPayload`."""
    result = []
    for task in tasks:
        if not 0 <= task.reward.minor <= MAX_REWARD_MINOR:
            raise BadPayload(platform, f"a task offers {task.reward.format()}, which no task pays")
        for count in (task.estimated_minutes, task.places_left, task.time_allowed_minutes):
            if count is not None and not 0 <= count <= MAX_COUNT:
                raise BadPayload(platform, f"a task gives a count of {count}, which cannot be right")
        if _needs_cleaning(task.external_id, NAME_LIMIT, one_line=True):
            raise BadPayload(platform, "a task's id holds characters or a length no id has")
        result.append(_cleaned(task))
    return result


def _cleaned(task: Task) -> Task:
    """The task with its texts cleaned; the same object when there was nothing to clean (the usual case)."""
    fields = (
        ("title", TITLE_LIMIT, True),
        ("requester_name", NAME_LIMIT, True),
        ("requester_id", NAME_LIMIT, True),
        ("description", DESCRIPTION_LIMIT, False),
    )
    changes: dict[str, Any] = {
        name: clean_text(getattr(task, name), limit, one_line=one_line)
        for name, limit, one_line in fields
        if _needs_cleaning(getattr(task, name), limit, one_line)
    }
    if _needs_cleaning(task.url, URL_LIMIT, one_line=True):
        changes["url"] = ""  # a cut or altered address would lead somewhere else: better none
    return replace(task, **changes) if changes else task
