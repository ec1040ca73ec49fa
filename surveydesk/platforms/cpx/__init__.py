"""CPX Research's survey wall: surveys and, in the same answer, the user's transactions (tasks.py, earnings.py)."""

from __future__ import annotations

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.cpx.earnings import CPXEarnings
from surveydesk.platforms.cpx.profile_share import SHARING
from surveydesk.platforms.cpx.tasks import CPXConnector
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, seconds, with_options

SPEC = PlatformSpec(
    platform="cpx",
    name="CPX Research",
    base_url="https://live-api.cpx-research.com",
    sign_in_label=QT_TRANSLATE_NOOP("PlatformSpec", "Survey wall link"),
    sign_in_help=QT_TRANSLATE_NOOP(
        "PlatformSpec", "The address of the CPX Research survey page of the rewards site you earn on."
    ),
    options=(
        OptionSpec("app_id", QT_TRANSLATE_NOOP("PlatformSpec", "App id")),
        OptionSpec("ext_user_id", QT_TRANSLATE_NOOP("PlatformSpec", "Your user id in the app")),
        OptionSpec(
            "currency", QT_TRANSLATE_NOOP("PlatformSpec", "Currency the app pays in (ISO code)"), default="USD"
        ),
    ),
    connector=with_options(CPXConnector),
    earnings=with_options(CPXEarnings),
    # CPX asks for 120 s between refreshes of a user's surveys.
    cadence=seconds(floor=120, default=120),
    demo_site="surveydesk.demo.cpx_site",
    profile_sharing=SHARING,
    survey_wall=True,
    task_ids_shared=True,
)
