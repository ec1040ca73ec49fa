"""Amazon Mechanical Turk's worker site: HIT groups (tasks.py), the dashboard's earnings (earnings.py)."""

from __future__ import annotations

from datetime import timedelta

from surveydesk.core.earnings import ReviewDeadline
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.mturk.earnings import MTurkEarnings
from surveydesk.platforms.mturk.sign_in import mturk_sign_in
from surveydesk.platforms.mturk.tasks import MTurkConnector
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, seconds, with_options
from surveydesk.platforms.web_session import at_page

# A requester chooses each HIT's auto-approval delay, at most 30 days (also the default): an assignment not
# rejected by then is approved, and its reward is credited to the worker's MTurk balance. Not in
# shared/reference/platform-apis.md, which says nothing of auto-approval (its MTurk facts: the dashboard's ~45-day
# window, batch.unreported_before); the field's definition below matches the AWS SDKs' documentation, whose
# copies at hand do not state the 30-day bound or default: to be checked against the API reference itself.
REVIEW_DEADLINE = ReviewDeadline(
    within=timedelta(days=30),
    evidence="Amazon Mechanical Turk API reference, CreateHIT and CreateHITType, AutoApprovalDelayInSeconds: "
    "'The number of seconds after an assignment for the HIT has been submitted, after which the assignment is "
    "considered Approved automatically unless the Requester explicitly rejects it', between 0 and 2,592,000 "
    "(30 days), 2,592,000 by default (docs.aws.amazon.com/AWSMechTurk/latest/AWSMturkAPI/"
    "ApiReference_CreateHITOperation.html).",
)

SPEC = PlatformSpec(
    platform="mturk",
    name="MTurk",
    base_url="https://worker.mturk.com",
    options=(OptionSpec("min_reward", QT_TRANSLATE_NOOP("PlatformSpec", "Lowest reward (USD)"), required=False),),
    connector=with_options(MTurkConnector),
    earnings=with_options(MTurkEarnings),
    # MTurk tolerates a poll every few seconds.
    cadence=seconds(floor=2, default=5),
    demo_site="surveydesk.demo.mturk_site",
    sign_in=at_page(mturk_sign_in),
    review_deadline=REVIEW_DEADLINE,
)
