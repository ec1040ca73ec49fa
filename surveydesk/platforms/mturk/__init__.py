"""Amazon Mechanical Turk's worker site: HIT groups (tasks.py), the dashboard's earnings (earnings.py)."""

from __future__ import annotations

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.mturk.earnings import MTurkEarnings
from surveydesk.platforms.mturk.tasks import MTurkConnector
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, seconds, with_options

SPEC = PlatformSpec(
    platform="mturk",
    name="MTurk",
    base_url="https://worker.mturk.com",
    sign_in_label=QT_TRANSLATE_NOOP("PlatformSpec", "Session cookie"),
    sign_in_help=QT_TRANSLATE_NOOP("PlatformSpec", "The Cookie header of your signed-in worker.mturk.com tab."),
    options=(OptionSpec("min_reward", QT_TRANSLATE_NOOP("PlatformSpec", "Lowest reward (USD)"), required=False),),
    connector=with_options(MTurkConnector),
    earnings=with_options(MTurkEarnings),
    # MTurk tolerates a poll every few seconds.
    cadence=seconds(floor=2, default=5),
    demo_site="surveydesk.demo.mturk_site",
)
