"""What a platform asks of the worker for a task beyond the task itself, as its connector last read it, and the
protocol of a connector that can say so: the profile judges eligibility from these without knowing platforms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class Qualification:
    """One qualification a task asks for (MTurk's qualification requirements), so the worker can see why a
    listed task may refuse her. `met` is None when the platform did not say whether she has it."""

    name: str
    comparator: str
    values: tuple[str, ...]
    met: bool | None


@dataclass(frozen=True, slots=True)
class Requirements:
    """What a platform asked of the worker for one task: qualifications, and peripherals (a camera, a
    microphone…) by the platform's own names."""

    qualifications: tuple[Qualification, ...] = ()
    peripherals: tuple[str, ...] = ()


NO_REQUIREMENTS = Requirements()


@runtime_checkable
class StatesRequirements(Protocol):
    """A connector whose last poll says what each task asks of the worker."""

    def requirements_of(self, task_id: str) -> Requirements:
        """The requirements of the task as last fetched; `NO_REQUIREMENTS` for a task not listed then."""
        ...
