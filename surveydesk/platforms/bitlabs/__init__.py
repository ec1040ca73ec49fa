"""BitLabs' survey wall: surveys (tasks.py), the click flow with its profiler questions (clicks.py), the
user's history for the earnings log (earnings.py)."""

from __future__ import annotations

from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.bitlabs.clicks import BitLabsClicks
from surveydesk.platforms.bitlabs.earnings import BitLabsEarnings
from surveydesk.platforms.bitlabs.profile_share import SHARING
from surveydesk.platforms.bitlabs.tasks import BitLabsConnector
from surveydesk.platforms.offerwall_links import bitlabs_wall
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, Profiler, seconds, with_options
from surveydesk.platforms.web_session import at_page
from surveydesk.profile.mappings import load_bitlabs_mapping

SPEC = PlatformSpec(
    platform="bitlabs",
    name="BitLabs",
    base_url="https://api.bitlabs.ai",
    options=(
        OptionSpec("user_id", QT_TRANSLATE_NOOP("PlatformSpec", "User id")),
        # No currency: BitLabs prices in the rewards site's own unit, whose worth the worker gives as a dated
        # value of points (ledger/points.py), never as an option that defaults to a guess.
    ),
    connector=with_options(BitLabsConnector),
    earnings=with_options(BitLabsEarnings),
    cadence=seconds(floor=60, default=60),
    demo_site="surveydesk.demo.bitlabs_site",
    sign_in=at_page(bitlabs_wall),
    profile_sharing=SHARING,
    profiler=Profiler(flow=with_options(BitLabsClicks), mapping=load_bitlabs_mapping),
    survey_wall=True,
    task_ids_shared=True,
)
