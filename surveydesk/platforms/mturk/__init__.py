"""Amazon Mechanical Turk's worker site: HIT groups (tasks.py), the dashboard's earnings (earnings.py)."""

from __future__ import annotations

from datetime import timedelta

from surveydesk.core.earnings import ClaimRoute, ReviewDeadline
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.mturk.options import MIN_REWARD_OPTION, lowest_reward
from surveydesk.platforms.mturk.sign_in import mturk_sign_in
from surveydesk.platforms.spec import OptionSpec, PlatformSpec, client, seconds
from surveydesk.platforms.web_session import at_page

# A requester chooses each HIT's auto-approval delay: an assignment not rejected by then is approved, its reward
# credited. That the delay is the requester's, per HIT, is in Amazon's Developer Guide (below). Its bound and
# default of 30 days (2,592,000 s) are not: neither the Developer Guide, the API reference pages nor the AWS SDKs'
# documentation found (docs and pages searched, 2026-12-07) state them, so the 30 days here remain unconfirmed,
# as is said in docs/platforms.md ("Claims").
REVIEW_DEADLINE = ReviewDeadline(
    within=timedelta(days=30),
    evidence="Amazon Mechanical Turk Developer Guide, 'Approving and rejecting work' (docs.aws.amazon.com/"
    "AWSMechTurk/latest/AWSMechanicalTurkRequester/ApproveRejectWork.html): 'When you create tasks (HITs) in "
    "Mechanical Turk, one of the attributes you can set is the auto-approval delay. This specifies how long you "
    "have to review a task before it's automatically approved.' The API's AutoApprovalDelayInSeconds (CreateHIT, "
    "CreateHITType): 'The number of seconds after an assignment for the HIT has been submitted, after which the "
    "assignment is considered Approved automatically unless the Requester explicitly rejects it.' UNCONFIRMED: "
    "its 30-day bound and default (2,592,000 s), which no source found states.",
)
# A worker's claim is a message to the requester, who alone can reverse a rejection, and only within 30 days of
# the submission; Amazon itself does not review rejections. No window measured from the rejection is documented:
# its claim deadline stays unknown, and the 30 days are said in the route's words.
WRITE_TO_THE_REQUESTER = ClaimRoute(
    words=QT_TRANSLATE_NOOP(
        "PlatformSpec",
        "On MTurk, write to the requester (Contact the Requester, on the HIT). A requester can reverse a "
        "rejection only within 30 days of your submission.",
    ),
    evidence="Amazon Mechanical Turk Developer Guide, 'Approving and rejecting work' (docs.aws.amazon.com/"
    "AWSMechTurk/latest/AWSMechanicalTurkRequester/ApproveRejectWork.html): 'you can call ApproveAssignment to "
    "reverse the rejection, but only for assignments submitted in the last 30 days that haven't been deleted'; "
    "Requester UI Guide, 'Approve previously rejected assignments' (docs.aws.amazon.com/AWSMechTurk/latest/"
    "RequesterUI/ReversingRejectedAssignment.html): 'You can only approve previously rejected assignments that "
    "were submitted within the previous 30 days'. That the worker writes to the requester through MTurk's "
    "messages: workers' guides only (blog.turkerview.com, 'TurkerView Launches MTurk Bridge | Rejection "
    "Disputes': the worker 'is forwarded to MTurk's message system to share the dispute with the requester').",
)

# What the earnings reader writes for a day's bonuses, which MTurk does not name (`entry_words`).
BONUSES_OF = QT_TRANSLATE_NOOP("MTurkEarnings", "Bonuses of {0}")

SPEC = PlatformSpec(
    platform="mturk",
    name="MTurk",
    base_url="https://worker.mturk.com",
    options=(
        OptionSpec(
            MIN_REWARD_OPTION,
            QT_TRANSLATE_NOOP("PlatformSpec", "Lowest reward (USD)"),
            required=False,
            check=lowest_reward,
        ),
    ),
    connector=client("surveydesk.platforms.mturk.tasks:MTurkConnector"),
    earnings=client("surveydesk.platforms.mturk.earnings:MTurkEarnings"),
    # MTurk tolerates a poll every few seconds.
    cadence=seconds(floor=2, default=5),
    demo_site="surveydesk.demo.mturk_site",
    sign_in=at_page(mturk_sign_in),
    review_deadline=REVIEW_DEADLINE,
    claim_route=WRITE_TO_THE_REQUESTER,
    entry_words=(BONUSES_OF,),
)
