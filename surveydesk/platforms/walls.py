"""What the survey walls (BitLabs, CPX Research) send alike: survey ids as strings or numbers, lengths of
interview as strings or numbers, no titles (so the connectors compose one from what is known), and amounts in
the rewards site's own points, which only the worker can say the worth of (`PricedInPoints`)."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Final

from surveydesk.core.points import NO_VALUES, PointsError, PointsValues, parse_points
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.platforms.records import Bounds

log = logging.getLogger(__name__)

MAX_MINUTES: Final = 24 * 60  # a longer length of interview is a mistake, not a survey
# The words of a composed title ("Top survey · needs qualification · 6 min"). The stored title stays English:
# it is part of the offer compared between polls, so `title_words` gives its parts back for the UI to show.
SEPARATOR: Final = " · "
SURVEY: Final = QT_TRANSLATE_NOOP("TaskTableModel", "Survey")
TOP_SURVEY: Final = QT_TRANSLATE_NOOP("TaskTableModel", "Top survey")
START_BONUS: Final = QT_TRANSLATE_NOOP("TaskTableModel", "Start bonus")
NEEDS_QUALIFICATION: Final = QT_TRANSLATE_NOOP("TaskTableModel", "needs qualification")
MINUTES: Final = QT_TRANSLATE_NOOP("TaskTableModel", "{0} min")
POINTS: Final = QT_TRANSLATE_NOOP("TaskTableModel", "{0} points")  # the rewards site's, whatever it calls them
_WORDS: Final[dict[str, Sentence]] = {
    word: word for word in (SURVEY, TOP_SURVEY, START_BONUS, NEEDS_QUALIFICATION)
}
_MINUTES_PART = re.compile(r"[0-9]{1,4} min")
_POINTS_PART = re.compile(r"[0-9]{1,13}(\.[0-9]{1,6})? points")


def title_words(title: str) -> list[str]:
    """The parts of a composed title: the walls' own words as Sentences (shown in the worker's language), the
    rest (a category the wall named) as it is."""
    parts: list[str] = []
    for part in title.split(SEPARATOR):
        if _MINUTES_PART.fullmatch(part):
            parts.append(MINUTES.filled(int(part.removesuffix(" min"))))
        elif _POINTS_PART.fullmatch(part):
            parts.append(POINTS.filled(part.removesuffix(" points")))
        else:
            parts.append(_WORDS.get(part, part))
    return parts


def read_survey_id(value: object) -> str | None:
    """A survey id: a string (a UUID or digits), or a number in older APIs and some clients."""
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def read_minutes(value: object) -> int | None:
    """The length of interview (`loi`) in whole minutes, rounded up: a 5.3-minute survey takes 6 minutes of
    the worker's time. Walls send it as a string ("6") or a number alike."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return math.ceil(number) if number.is_finite() and 0 < number <= MAX_MINUTES else None


def points_part(value: object, unit: str = "points") -> str:
    """An amount of the rewards site's points as a title shows it ("172 points", "1010 Coins"); "" when the
    value is no positive number of points."""
    try:
        points = parse_points(value)
    except PointsError:
        return ""
    if points <= 0:
        return ""
    number = f"{points.normalize():f}"
    return POINTS.filled(number) if unit == "points" else f"{number} {unit}"


class PricedInPoints:
    """A wall's client whose amounts may be the rewards site's points: `value_points` gives it what the worker
    said they are worth, asked again at each request (so a value she gives applies at the next one)."""

    _points_provider: Callable[[], PointsValues] | None = None

    def value_points(self, provider: Callable[[], PointsValues]) -> None:
        self._points_provider = provider

    def _points_values(self) -> PointsValues:
        return NO_VALUES if self._points_provider is None else self._points_provider()


def share_points_values(client: object, values: Callable[[], PointsValues]) -> None:
    """Give a wall's client the worker's values of the account's points (read again at each request); other
    platforms' clients take none."""
    if isinstance(client, PricedInPoints):
        client.value_points(values)


# The most one survey, bonus or reversal of a survey wall moves, in major units of its currency (×100 for a
# currency without minor units, such as the yen): walls pay cents to a few dollars a survey. An amount beyond
# is a misread or a changed reply: its record is set aside (platforms/records.py), never booked.
WALL_BOUNDS: Final = Bounds(task=100, bonus=100, reversal=100)


SETTING_POINTS_VALUE: Final = QT_TRANSLATE_NOOP(
    "SetAside",
    "Some of your {0} rewards are in your rewards site's points. Say what they are worth in History, "
    "Value of points…, and SurveyDesk adds them to your earnings.",
)
UNKNOWN_KIND: Final = QT_TRANSLATE_NOOP(
    "SetAside", "{0} sent a kind of record SurveyDesk does not know ({1}); it is left out of your earnings."
)


class SetAside:
    """What a wall's earnings reader leaves out of the log rather than fail the sync for it (a kind of record it
    does not know, points nobody said the worth of), each reason told once per run of the app, in the log, and
    kept in `reasons` for whoever shows them. An amount that cannot be true is set aside as on every platform
    (platforms/records.py)."""

    def __init__(self) -> None:
        self.reasons: list[Sentence] = []

    def add(self, reason: Sentence) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)
            log.warning("left out of the earnings log: %s", reason)
