"""Toloka's worker web app: task groups (tasks.py), its income log and withdrawals as earnings (earnings.py)."""

from __future__ import annotations

from datetime import timedelta

from surveydesk.core.earnings import ClaimDeadline
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, client, seconds
from surveydesk.platforms.toloka.sign_in import toloka_sign_in
from surveydesk.platforms.web_session import at_page

# A rejected task can be appealed for a week.
APPEAL_DEADLINE = ClaimDeadline(
    within=timedelta(days=7),
    evidence="shared/reference/platform-apis.md, 8.2 'Toloka transactions': \"Reviews run 'under review until' a "
    'date; appeals must be made within 7 days [E docs-tolokers]."',
)

# What the earnings reader writes around a task's name for its bonus (`entry_words`).
BONUS_FOR = QT_TRANSLATE_NOOP("TolokaEarnings", "Bonus: {0}")

SPEC = PlatformSpec(
    platform="toloka",
    name="Toloka",
    base_url="https://toloka.yandex.com",
    options=(
        OptionSpec(
            "language", QT_TRANSLATE_NOOP("PlatformSpec", "Language of task texts"), required=False, default="EN"
        ),
    ),
    connector=client("surveydesk.platforms.toloka.tasks:TolokaConnector"),
    earnings=client("surveydesk.platforms.toloka.earnings:TolokaEarnings"),
    cadence=seconds(floor=30, default=30),
    demo_site="surveydesk.demo.toloka_site",
    sign_in=at_page(toloka_sign_in),
    claim_deadline=APPEAL_DEADLINE,
    entry_words=(BONUS_FOR,),
)
