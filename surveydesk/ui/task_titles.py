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
    """A task's title as the platform means it, wherever it is shown (the list, the timer, the alerts).

    Some platforms send HTML entities in their plain-text titles ("Tom &amp; Jerry"): they are decoded to the
    characters they stand for, and the result is still shown as plain text, never read as markup. A survey
    wall's title, composed by its connector in English (and stored so, as part of the offer), is shown in the
    worker's language."""
    return _wall_words(platform, html.unescape(title))


def entry_title(platform: str, title: str) -> str:
    """An earnings entry's title as `shown_title` shows a task's, and where the platform's earnings reader wrote
    its own words because the platform gave none ("Bonus: …"), those in the worker's language. A task's title is
    never read so: a study may well be called "Bonus: …" by its researcher."""
    decoded = html.unescape(title)
    written = _in_her_words(platform, decoded)
    return _wall_words(platform, decoded) if written is None else written


def _wall_words(platform: str, title: str) -> str:
    if not BUILT_IN.is_survey_wall(platform):
        return title
    return SEPARATOR.join(translated(part) for part in title_words(title))


def shown_note(platform: str, note: str) -> str:
    """An entry's note in the worker's language where an earnings reader wrote it (BitLabs' claim form), else as
    it is: the worker's own notes are hers."""
    return _in_her_words(platform, note) or note


def _in_her_words(platform: str, text: str) -> str | None:
    """`text` in the worker's language when it is one of the platform's `entry_words` around the platform's own
    words (stored in English, as written); None when it is not."""
    for words in BUILT_IN.entry_words(platform):
        head, placeholder, tail = words.template.partition("{0}")
        if not placeholder:
            if text == words.template:
                return translated(words)
        elif len(text) >= len(head) + len(tail) and text.startswith(head) and text.endswith(tail):
            inner = text[len(head) : len(text) - len(tail)]
            written = _in_her_words(platform, inner)
            return translated(words.filled(_wall_words(platform, inner) if written is None else written))
    return None
