"""A task's title as the worker reads it: apart from ui/text.py, which the window's first frame uses, because it
asks the platforms' registry which platforms are survey walls (bench/startup.py: the registry imports every
platform's folder)."""

from __future__ import annotations

import html

from surveydesk.core.model import Task
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.walls import SEPARATOR, title_words
from surveydesk.ui.text import translated


def task_title(task: Task) -> str:
    return shown_title(task.platform, task.title)


def shown_title(platform: str, title: str) -> str:
    """A task's title as the platform means it, wherever it is shown (the list, the timer, the History).

    Some platforms send HTML entities in their plain-text titles ("Tom &amp; Jerry"): they are decoded to the
    characters they stand for, and the result is still shown as plain text, never read as markup. A survey
    wall's title, composed by its connector in English (and stored so, as part of the offer), is shown in the
    worker's language."""
    decoded = html.unescape(title)
    if not BUILT_IN.is_survey_wall(platform):
        return decoded
    return SEPARATOR.join(translated(part) for part in title_words(decoded))
