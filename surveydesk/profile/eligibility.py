"""Which tasks the profile says the worker cannot do, and why, in words.

Prolific states the devices (`device_compatibility`) and peripherals (`peripheral_requirements`) a study
needs; MTurk states qualification requirements, among them the worker's location and approval rate. Devices,
peripherals and location are checked against the profile; every other MTurk qualification (the approval
rate, Masters, approved HITs) against MTurk's own verdict for this worker, which it sends with each project.
Where the profile is silent, nothing is marked: an unknown is never a reason to hide a task.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from surveydesk.core.model import Task
from surveydesk.core.requirements import NO_REQUIREMENTS, Qualification, Requirements
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.profile.schema import Profile, SchemaError, load_resource

_COMPARATORS = {
    "GreaterThan": ">",
    "GreaterThanOrEqualTo": "≥",
    "LessThan": "<",
    "LessThanOrEqualTo": "≤",
    "EqualTo": "=",
    "NotEqualTo": "≠",
    "In": "in",
    "NotIn": "not in",
}


@dataclass(frozen=True, slots=True)
class EligibilityTable:
    """`resources/profile/eligibility.json`: how the platforms' requirement names map to profile codes."""

    devices_field: str
    devices: Mapping[str, str]
    peripherals_field: str
    peripherals: Mapping[str, str]
    locale_field: str
    locale_names: frozenset[str]


def load_eligibility_table() -> EligibilityTable:
    return eligibility_table_from(load_resource("eligibility.json"))


def eligibility_table_from(raw: Any) -> EligibilityTable:
    try:
        devices, peripherals, locale = raw["prolific_devices"], raw["prolific_peripherals"], raw["mturk_locale"]
        return EligibilityTable(
            str(devices["field"]),
            {str(k): str(v) for k, v in devices["codes"].items()},
            str(peripherals["field"]),
            {str(k): str(v) for k, v in peripherals["codes"].items()},
            str(locale["field"]),
            frozenset(str(name) for name in [*locale["names"], locale["qualification_type_id"]]),
        )
    except (KeyError, TypeError, AttributeError) as error:
        raise SchemaError(f"the eligibility table cannot be read: {error!r}") from error


class Eligibility:
    """Judges tasks against one profile; build a new one when the profile changes."""

    def __init__(self, table: EligibilityTable, profile: Profile) -> None:
        self._table = table
        devices = profile.get(table.devices_field)
        peripherals = profile.get(table.peripherals_field)
        country = profile.get(table.locale_field)
        self._devices = frozenset(devices) if isinstance(devices, tuple) else None
        self._peripherals = frozenset(peripherals) if isinstance(peripherals, tuple) else None
        self._country = country.upper() if isinstance(country, str) else None

    @property
    def knows_anything(self) -> bool:
        """Whether the profile answers any question eligibility looks at."""
        return self._devices is not None or self._peripherals is not None or self._country is not None

    def unmet(self, task: Task, requirements: Requirements = NO_REQUIREMENTS) -> tuple[str, ...]:
        """The task's requirements the worker does not meet, each in words; empty when none is known unmet."""
        reasons: list[str] = []
        if task.devices and self._devices is not None:
            needed = {self._table.devices.get(device.strip().casefold()) for device in task.devices}
            if self._devices.isdisjoint(needed):
                reasons.append(
                    QT_TRANSLATE_NOOP("Eligibility", "needs a device you do not list: {0}").filled(
                        ", ".join(task.devices)
                    )
                )
        if self._peripherals is not None:
            for peripheral in requirements.peripherals:
                code = self._table.peripherals.get(peripheral.strip().casefold())
                if code is not None and code not in self._peripherals:
                    reasons.append(
                        QT_TRANSLATE_NOOP("Eligibility", "needs {0}, which your profile does not list").filled(
                            peripheral
                        )
                    )
        for requirement in requirements.qualifications:
            reason = self._qualification(requirement)
            if reason is not None:
                reasons.append(reason)
        return tuple(reasons)

    def _qualification(self, requirement: Qualification) -> str | None:
        if requirement.name in self._table.locale_names and self._country is not None:
            return self._location(requirement, self._country)
        if requirement.met is False:
            wanted = " ".join(filter(None, (_COMPARATORS.get(requirement.comparator, ""), *requirement.values)))
            asked = f"{requirement.name} {wanted}".rstrip()
            return QT_TRANSLATE_NOOP("Eligibility", "asks for {0}, which MTurk says you do not have").filled(asked)
        return None

    def _location(self, requirement: Qualification, country: str) -> str | None:
        places = {value.partition("-")[0].upper() for value in requirement.values}
        match requirement.comparator:
            case "EqualTo" | "In":
                inside = country in places
            case "NotEqualTo" | "NotIn":
                inside = country not in places
            case _:
                return None
        if inside:
            return None
        where = ", ".join(sorted(places))
        if requirement.comparator in ("EqualTo", "In"):
            sentence = QT_TRANSLATE_NOOP("Eligibility", "is for workers in {0}; your profile says {1}")
        else:
            sentence = QT_TRANSLATE_NOOP("Eligibility", "is not for workers in {0}; your profile says {1}")
        return sentence.filled(where, country)
