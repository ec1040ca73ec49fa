"""CPX Research's survey wall: surveys and, in the same answer, the user's transactions (tasks.py, earnings.py)."""

from __future__ import annotations

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.cpx.profile_share import SHARING
from surveydesk.platforms.offerwall_links import cpx_wall
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, client, seconds
from surveydesk.platforms.web_session import at_page

# How a CPX worker claims a missing reward, and by when, is documented nowhere we found (CPX's publisher terms and
# pages searched, 2026-12-07): no claim route or deadline is set, and the Claims view says "unknown".
# What the earnings reader writes where CPX Research gives no title (`entry_words`).
SURVEY_ENTRY = QT_TRANSLATE_NOOP("CPXEarnings", "CPX survey")
SCREEN_OUT_ENTRY = QT_TRANSLATE_NOOP("CPXEarnings", "CPX screen-out")
BONUS_ENTRY = QT_TRANSLATE_NOOP("CPXEarnings", "CPX bonus")

SPEC = PlatformSpec(
    platform="cpx",
    name="CPX Research",
    base_url="https://live-api.cpx-research.com",
    options=(
        OptionSpec("app_id", QT_TRANSLATE_NOOP("PlatformSpec", "App id")),
        OptionSpec("ext_user_id", QT_TRANSLATE_NOOP("PlatformSpec", "Your user id in the app")),
        OptionSpec(
            "currency", QT_TRANSLATE_NOOP("PlatformSpec", "Currency the app pays in (ISO code)"), default="USD"
        ),
    ),
    connector=client("surveydesk.platforms.cpx.tasks:CPXConnector"),
    earnings=client("surveydesk.platforms.cpx.earnings:CPXEarnings"),
    # CPX asks for 120 s between refreshes of a user's surveys.
    cadence=seconds(floor=120, default=120),
    demo_site="surveydesk.demo.cpx_site",
    sign_in=at_page(cpx_wall),
    profile_sharing=SHARING,
    survey_wall=True,
    task_ids_shared=True,
    entry_words=(
        SURVEY_ENTRY,
        SCREEN_OUT_ENTRY,
        BONUS_ENTRY,
    ),
)
