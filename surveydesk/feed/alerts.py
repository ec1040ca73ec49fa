"""Which new tasks are worth an alert, and when an alert may go out: grouping, a rate limit, quiet hours.

Pure Python, so the rules of interruption are tested with a fake clock; the tray and the window only show what
`Alerts` decides.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo

from surveydesk.connectors.registry import platform_name
from surveydesk.core.model import MergeResult, Task

# A task that went away and came back counts as new only after being gone this long: lists flicker.
RETURN_AFTER = timedelta(minutes=10)
# Alerts name at most this many tasks; more are summed up as "and N more".
NAMED_IN_ONE_ALERT = 3
DEFAULT_PER_MINUTE = 3


@dataclass(frozen=True, slots=True)
class AlertSettings:
    """What the worker chose: how many alerts a minute at most, a quiet time of day, and a sound."""

    per_minute: int = DEFAULT_PER_MINUTE
    quiet_from: time | None = None
    quiet_until: time | None = None
    sound: bool = False

    def is_quiet(self, moment: datetime, zone: tzinfo | None) -> bool:
        """Whether `moment` falls in the quiet hours (which may run over midnight, e.g. 22:00 to 07:30)."""
        if self.quiet_from is None or self.quiet_until is None or self.quiet_from == self.quiet_until:
            return False
        local = moment.astimezone(zone).time()
        if self.quiet_from < self.quiet_until:
            return self.quiet_from <= local < self.quiet_until
        return local >= self.quiet_from or local < self.quiet_until


@dataclass(frozen=True, slots=True)
class Alert:
    """One message about one or more new tasks."""

    title: str
    body: str
    tasks: tuple[Task, ...]
    sound: bool


def describe_task(task: Task) -> str:
    """One line for a task in an alert: title, reward, reward per hour, minutes, platform."""
    parts = [task.reward.format()]
    rate = task.reward_per_hour
    if rate is not None:
        parts.append(f"{rate.format()}/h")
    if task.estimated_minutes is not None:
        parts.append(f"{task.estimated_minutes} min")
    return f"{task.title} — {' · '.join(parts)} ({platform_name(task.platform)})"


def make_alert(tasks: Sequence[Task], sound: bool) -> Alert:
    """Several new tasks of one poll make one alert."""
    if len(tasks) == 1:
        return Alert("New task", describe_task(tasks[0]), tuple(tasks), sound)
    named = [describe_task(task) for task in tasks[:NAMED_IN_ONE_ALERT]]
    more = len(tasks) - len(named)
    if more:
        named.append(f"and {more} more")
    return Alert(f"{len(tasks)} new tasks", "\n".join(named), tuple(tasks), sound)


@dataclass(slots=True)
class Alerts:
    """Turns each poll's changes into at most one alert, and counts the matches the worker has not seen yet."""

    matches: Callable[[Task], bool]
    now: Callable[[], datetime]
    settings: AlertSettings = field(default_factory=AlertSettings)
    zone: tzinfo | None = None
    unseen: int = 0
    _gone_since: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    _sent: deque[datetime] = field(default_factory=deque)

    def new_matches(self, result: MergeResult) -> list[Task]:
        """Tasks of this poll that are new to the worker and pass their notification rules, best paid first."""
        for key in result.gone:
            self._gone_since[key] = result.seen_at
        fresh = []
        for task in result.new:
            gone_since = self._gone_since.pop(task.key, None)
            back_too_soon = gone_since is not None and result.seen_at - gone_since < RETURN_AFTER
            if not back_too_soon and self.matches(task):
                fresh.append(task)
        return sorted(fresh, key=lambda task: -(rate.minor if (rate := task.reward_per_hour) else 0))

    def alert_for(self, result: MergeResult) -> Alert | None:
        """The alert this poll deserves, if any: none during quiet hours or beyond the rate limit (the matches
        still count as unseen, so the tray's tooltip tells the worker)."""
        fresh = self.new_matches(result)
        if not fresh:
            return None
        self.unseen += len(fresh)
        moment = self.now()
        while self._sent and moment - self._sent[0] >= timedelta(minutes=1):
            self._sent.popleft()
        if self.settings.is_quiet(moment, self.zone) or len(self._sent) >= self.settings.per_minute:
            return None
        self._sent.append(moment)
        return make_alert(fresh, self.settings.sound)

    def seen(self) -> None:
        """The worker looked at the list."""
        self.unseen = 0
