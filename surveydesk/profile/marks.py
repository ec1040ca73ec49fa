"""One mark per task for the list: the requirements it has that the worker does not meet, and the risk of a
screen-out. Worked out once per task as it arrives or changes (the list is a hot path), never per paint."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from surveydesk.core.model import AccountKey, Task
from surveydesk.core.requirements import NO_REQUIREMENTS, Requirements, StatesRequirements
from surveydesk.profile.eligibility import Eligibility
from surveydesk.profile.risk import Risk, ScreenOutHistory


@dataclass(frozen=True, slots=True)
class Mark:
    unmet: tuple[str, ...] = ()
    risk: Risk | None = None
    risk_reason: str = ""

    @property
    def eligible(self) -> bool:
        return not self.unmet

    @property
    def severity(self) -> int:
        """For sorting: 0 nothing to say, 1-2 a screen-out risk, 3 not eligible."""
        return 3 if self.unmet else (0 if self.risk is None else self.risk.value)

    def reasons(self) -> list[str]:
        return [*self.unmet, *([self.risk_reason] if self.risk_reason else [])]


NO_MARK = Mark()


def requirements_from(connector_of: Callable[[AccountKey], object | None]) -> Callable[[Task], Requirements]:
    """What each task's platform asked beyond the task, read from its connector's last poll."""

    # Whether each connector class follows the protocol, asked once per class: a protocol check costs about
    # 20 µs and every task of a poll is marked (bench/poll_pipeline.py: 5 × 200 ratio 1.60 with one per task,
    # 1.41–1.51 without; again with 5 interleaved runs on a loaded machine: 1.79 against 1.66, and 1.34
    # against 1.24 for 1,000 studies).
    following: dict[type, bool] = {}

    def requirements(task: Task) -> Requirements:
        connector = connector_of(task.account_key)
        kind = type(connector)
        states = following.get(kind)
        if states is None:
            states = following[kind] = issubclass(kind, StatesRequirements)
        if states:
            return cast(StatesRequirements, connector).requirements_of(task.external_id)
        return NO_REQUIREMENTS

    return requirements


class Marker:
    """Marks tasks from the profile's eligibility and the worker's screen-out history."""

    def __init__(
        self,
        eligibility: Eligibility,
        history: ScreenOutHistory,
        requirements: Callable[[Task], Requirements] = lambda _task: NO_REQUIREMENTS,
    ) -> None:
        self._eligibility = eligibility
        self._history = history
        self._requirements = requirements

    def mark(self, task: Task) -> Mark:
        unmet = self._eligibility.unmet(task, self._requirements(task))
        risk = self._history.risk_of(task)
        if not unmet and risk is None:
            return NO_MARK
        return Mark(unmet, *(risk or (None, "")))
