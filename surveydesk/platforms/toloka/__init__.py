"""Toloka's worker web app: task groups (tasks.py), its income log and withdrawals as earnings (earnings.py)."""

from __future__ import annotations

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, seconds, with_options
from surveydesk.platforms.toloka.earnings import TolokaEarnings
from surveydesk.platforms.toloka.tasks import TolokaConnector

SPEC = PlatformSpec(
    platform="toloka",
    name="Toloka",
    base_url="https://toloka.yandex.com",
    sign_in_label=QT_TRANSLATE_NOOP("PlatformSpec", "Cookie"),
    sign_in_help=QT_TRANSLATE_NOOP(
        "PlatformSpec", "The Cookie header of your signed-in Toloka web app (with its CSRF token)."
    ),
    options=(
        OptionSpec(
            "language", QT_TRANSLATE_NOOP("PlatformSpec", "Language of task texts"), required=False, default="EN"
        ),
    ),
    connector=with_options(TolokaConnector),
    earnings=with_options(TolokaEarnings),
    cadence=seconds(floor=30, default=30),
    demo_site="surveydesk.demo.toloka_site",
)
