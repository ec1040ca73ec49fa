"""Which new tasks are worth an alert, and when an alert may go out: grouping, a rate limit, quiet hours.

Pure Python, so the rules of interruption are tested with a fake clock; the tray and the window only show what
`Alerts` decides.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, tzinfo

from surveydesk.core.model import MergeResult, Task

# A task that went away and came back counts as new only after being gone this long: lists flicker.
RETURN_AFTER = timedelta(minutes=10)
# A full study that gets places again alerts at most this often: reservations expire one by one.
REOPENED_AGAIN_AFTER = timedelta(hours=1)
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
    """One message for the worker: about one or more new tasks, or a notice (a time limit). Worded by the UI
    (ui/alert_text.py) in the worker's language; this module only decides which tasks deserve one."""

    title: str
    body: str
    tasks: tuple[Task, ...]
    sound: bool


@dataclass(slots=True)
class Alerts:
    """Turns each poll's changes into at most one alert, and counts the matches the worker has not seen yet."""

    matches: Callable[[Task], bool]
    now: Callable[[], datetime]
    settings: AlertSettings = field(default_factory=AlertSettings)
    zone: tzinfo | None = None
    unseen: int = 0
    # Each task's places left when last seen, and when and with how many places a task went: a study back with
    # more places than it had, or a full one with places again, opened again (lists flicker, places do not grow).
    _places: dict[tuple[str, str, str], int | None] = field(default_factory=dict)
    _gone_since: dict[tuple[str, str, str], tuple[datetime, int | None]] = field(default_factory=dict)
    _reopened_at: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    _sent: deque[datetime] = field(default_factory=deque)

    def new_matches(self, result: MergeResult) -> list[Task]:
        """Tasks of this poll that are new to the worker, or full studies open again, and pass the worker's
        notification rules; best paid first."""
        for key in result.gone:
            self._gone_since[key] = (result.seen_at, self._places.pop(key, None))
        fresh = []
        for task in result.new:
            gone_since, places_then = self._gone_since.pop(task.key, (None, None))
            back_too_soon = gone_since is not None and result.seen_at - gone_since < RETURN_AFTER
            reopened = back_too_soon and _more_places(places_then, task.places_left)
            if self.matches(task) and (not back_too_soon or (reopened and self._may_say_reopened(task))):
                fresh.append(task)
            self._places[task.key] = task.places_left
        for task in result.updated:
            places_then = self._places.get(task.key)
            opened_again = places_then == 0 and _more_places(places_then, task.places_left)
            self._places[task.key] = task.places_left
            if opened_again and self.matches(task) and self._may_say_reopened(task):
                fresh.append(task)
        return sorted(fresh, key=lambda task: -(rate.minor if (rate := task.reward_per_hour) else 0))

    def _may_say_reopened(self, task: Task) -> bool:
        """At most once an hour per study; remembers that it is said now."""
        moment = self.now()
        for key in [key for key, when in self._reopened_at.items() if moment - when >= REOPENED_AGAIN_AFTER]:
            del self._reopened_at[key]
        if task.key in self._reopened_at:
            return False
        self._reopened_at[task.key] = moment
        return True

    def tasks_to_alert(self, result: MergeResult) -> list[Task]:
        """The tasks this poll's one alert is about, best paid first; none during quiet hours or beyond the rate
        limit (the matches still count as unseen, so the tray's tooltip tells the worker)."""
        fresh = self.new_matches(result)
        if not fresh:
            return []
        self.unseen += len(fresh)
        moment = self.now()
        while self._sent and moment - self._sent[0] >= timedelta(minutes=1):
            self._sent.popleft()
        if self.settings.is_quiet(moment, self.zone) or len(self._sent) >= self.settings.per_minute:
            return []
        self._sent.append(moment)
        return fresh

    def seen(self) -> None:
        """The worker looked at the list."""
        self.unseen = 0


def _more_places(before: int | None, now: int | None) -> bool:
    return before is not None and now is not None and now > before
