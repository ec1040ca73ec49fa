"""The words of an alert about new tasks, in the worker's language: feed/alerts.py decides which tasks deserve
one (pure Python), and this module says it, with amounts written the language's way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from surveydesk.core.model import Task
from surveydesk.feed.alerts import Alert
from surveydesk.platforms.registry import platform_name
from surveydesk.ui.formatting import format_money, format_number, format_rate
from surveydesk.ui.task_titles import task_title

# An alert names at most this many tasks; more are summed up as "and N more".
NAMED_IN_ONE_ALERT = 3


def describe_task(task: Task) -> str:
    """One line for a task in an alert or the tray's menu: title, reward, reward per hour, minutes, platform."""
    parts = [format_money(task.reward)]
    rate = task.reward_per_hour
    if rate is not None:
        parts.append(format_rate(rate))
    if task.estimated_minutes is not None:
        parts.append(QCoreApplication.translate("Alert", "{0} min").format(format_number(task.estimated_minutes)))
    return QCoreApplication.translate("Alert", "{0} — {1} ({2})").format(
        task_title(task), " · ".join(parts), platform_name(task.platform)
    )


def task_alert(tasks: Sequence[Task], sound: bool) -> Alert:
    """Several new tasks of one poll make one alert."""
    if len(tasks) == 1:
        return Alert(QCoreApplication.translate("Alert", "New task"), describe_task(tasks[0]), tuple(tasks), sound)
    named = [describe_task(task) for task in tasks[:NAMED_IN_ONE_ALERT]]
    more = len(tasks) - len(named)
    if more:
        named.append(QCoreApplication.translate("Alert", "and {0} more").format(format_number(more)))
    return Alert(
        QCoreApplication.translate("Alert", "{0} new tasks").format(format_number(len(tasks))),
        "\n".join(named),
        tuple(tasks),
        sound,
    )
