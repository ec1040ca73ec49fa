"""What the survey walls (BitLabs, CPX Research) send alike: survey ids as strings or numbers, lengths of
interview as strings or numbers, and no titles (so the connectors compose one from what is known)."""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Final

from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence

MAX_MINUTES: Final = 24 * 60  # a longer length of interview is a mistake, not a survey
# The words of a composed title ("Top survey · needs qualification · 6 min"). The stored title stays English:
# it is part of the offer compared between polls, so `title_words` gives its parts back for the UI to show.
SEPARATOR: Final = " · "
SURVEY: Final = QT_TRANSLATE_NOOP("TaskTableModel", "Survey")
TOP_SURVEY: Final = QT_TRANSLATE_NOOP("TaskTableModel", "Top survey")
START_BONUS: Final = QT_TRANSLATE_NOOP("TaskTableModel", "Start bonus")
NEEDS_QUALIFICATION: Final = QT_TRANSLATE_NOOP("TaskTableModel", "needs qualification")
MINUTES: Final = QT_TRANSLATE_NOOP("TaskTableModel", "{0} min")
_WORDS: Final[dict[str, Sentence]] = {
    word: word for word in (SURVEY, TOP_SURVEY, START_BONUS, NEEDS_QUALIFICATION)
}
_MINUTES_PART = re.compile(r"[0-9]{1,4} min")


def title_words(title: str) -> list[str]:
    """The parts of a composed title: the walls' own words as Sentences (shown in the worker's language), the
    rest (a category the wall named) as it is."""
    parts: list[str] = []
    for part in title.split(SEPARATOR):
        if _MINUTES_PART.fullmatch(part):
            parts.append(MINUTES.filled(int(part.removesuffix(" min"))))
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
