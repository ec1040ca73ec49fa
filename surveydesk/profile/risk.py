"""The risk of a screen-out, from the worker's own history only: how often tasks of the same requester, or
(for survey walls, which name none) of the same platform, ended screened out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum

from surveydesk.core.model import Task
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.work.model import Attempt, Outcome

MIN_REQUESTER_ATTEMPTS = 2
MIN_PLATFORM_ATTEMPTS = 4
HIGH_SHARE = 0.5
SOME_SHARE = 0.25


class Risk(Enum):
    SOME = 1
    HIGH = 2


@dataclass(frozen=True, slots=True)
class ScreenOutHistory:
    """(finished attempts, screen-outs) per (platform, requester) and per platform."""

    by_requester: Mapping[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    by_platform: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def risk_of(self, task: Task) -> tuple[Risk, str] | None:
        """The risk mark for a task with the reason in words; None when the history says nothing worrying."""
        requester = task.requester_name.strip()
        record = self.by_requester.get((task.platform, requester)) if requester else None
        if record is not None and record[0] >= MIN_REQUESTER_ATTEMPTS:
            sentence = QT_TRANSLATE_NOOP(
                "ScreenOutHistory", "{0} of your {1} attempts on this requester ended screened out"
            )
        else:
            record = self.by_platform.get(task.platform)
            if record is None or record[0] < MIN_PLATFORM_ATTEMPTS:
                return None
            sentence = QT_TRANSLATE_NOOP(
                "ScreenOutHistory", "{0} of your {1} attempts on this platform ended screened out"
            )
        attempts, screened = record
        share = screened / attempts
        if share < SOME_SHARE:
            return None
        risk = Risk.HIGH if share >= HIGH_SHARE else Risk.SOME
        return risk, sentence.filled(screened, attempts)


def screen_out_history(attempts: Iterable[Attempt]) -> ScreenOutHistory:
    finished: Counter[tuple[str, str]] = Counter()
    screened: Counter[tuple[str, str]] = Counter()
    platform_finished: Counter[str] = Counter()
    platform_screened: Counter[str] = Counter()
    for attempt in attempts:
        if attempt.is_open:
            continue
        out = attempt.outcome is Outcome.SCREENED_OUT
        platform_finished[attempt.platform] += 1
        platform_screened[attempt.platform] += out
        if attempt.requester.strip():
            key = (attempt.platform, attempt.requester.strip())
            finished[key] += 1
            screened[key] += out
    return ScreenOutHistory(
        {key: (count, screened[key]) for key, count in finished.items()},
        {key: (count, platform_screened[key]) for key, count in platform_finished.items()},
    )
