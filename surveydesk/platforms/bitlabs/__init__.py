"""BitLabs' survey wall: surveys (tasks.py), the click flow with its profiler questions (clicks.py), the
user's history for the earnings log (earnings.py)."""

from __future__ import annotations

from surveydesk.core.earnings import ClaimRoute
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.bitlabs.profile_share import SHARING
from surveydesk.platforms.offerwall_links import bitlabs_wall
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, Profiler, client, seconds
from surveydesk.platforms.web_session import at_page
from surveydesk.profile.mappings import load_bitlabs_mapping

# A missing reward is claimed through the support form BitLabs links from each entry of the user's history (the
# earnings reader keeps that link in the entry's note, where the Claims view finds it).
SUPPORT_FORM = ClaimRoute(
    words=QT_TRANSLATE_NOOP("PlatformSpec", "BitLabs links a support form to each survey of its history."),
    evidence="shared/reference/platform-apis.md, 2 (BitLabs, GET /v1/client/user/history): events have "
    "'support_form_url' [E B2 getuserhistory]; 8.2 'BitLabs user history': \"entries carry a `support_form_url` "
    'for missing rewards [E developer.bitlabs.ai survey-support docs; E changelog]."',
)

# What the earnings reader writes where BitLabs gives no title (`entry_words`).
SURVEY_ENTRY = QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs survey")
SURVEY_ON = QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs survey · {0}")  # its topic
TAKEN_BACK = QT_TRANSLATE_NOOP("BitLabsEarnings", "Taken back: {0}")
SUPPORT_NOTE = QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs' form to claim a missing reward: {0}")

SPEC = PlatformSpec(
    platform="bitlabs",
    name="BitLabs",
    base_url="https://api.bitlabs.ai",
    options=(
        OptionSpec("user_id", QT_TRANSLATE_NOOP("PlatformSpec", "User id")),
        # No currency: BitLabs prices in the rewards site's own unit, whose worth the worker gives as a dated
        # value of points (ledger/points.py), never as an option that defaults to a guess.
    ),
    connector=client("surveydesk.platforms.bitlabs.tasks:BitLabsConnector"),
    earnings=client("surveydesk.platforms.bitlabs.earnings:BitLabsEarnings"),
    cadence=seconds(floor=60, default=60),
    demo_site="surveydesk.demo.bitlabs_site",
    sign_in=at_page(bitlabs_wall),
    profile_sharing=SHARING,
    profiler=Profiler(
        flow=client("surveydesk.platforms.bitlabs.clicks:BitLabsClicks"), mapping=load_bitlabs_mapping
    ),
    survey_wall=True,
    task_ids_shared=True,
    claim_route=SUPPORT_FORM,
    entry_words=(SURVEY_ENTRY, SURVEY_ON, TAKEN_BACK, SUPPORT_NOTE),
)
