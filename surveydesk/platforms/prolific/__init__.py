"""Prolific: studies from the participant API (tasks.py), submissions for the earnings log (earnings.py), and
the submission history a participant downloads as CSV (submissions_csv.py)."""

from __future__ import annotations

from datetime import timedelta

from surveydesk.core.earnings import ClaimRoute, ReviewDeadline
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.prolific.submissions_csv import SUBMISSIONS_FILE
from surveydesk.platforms.spec import PlatformSpec, client, seconds, sign_in_named

API = "https://internal-api.prolific.com"
STUDY_PAGES = "https://app.prolific.com/studies/"
# Said by the task reader, the earnings reader and the sign-in; here, so the sign-in imports neither reader.
NOT_SIGNED_IN = QT_TRANSLATE_NOOP("ProlificConnector", "Not signed in to Prolific: sign in from Accounts")
# Researchers have at most 21 days to review a submission; Prolific approves whatever is left unreviewed then.
REVIEW_DEADLINE = ReviewDeadline(
    within=timedelta(days=21),
    evidence="Prolific researcher help, 'Reviewing submissions: How do I decide who to accept/reject?' "
    '(researcher-help.prolific.co/hc/en-gb/articles/360009092394): "You have a maximum of 21 days to review '
    "submissions. If you haven't reviewed submissions after 21 days, our system will automatically approve all "
    'unreviewed submissions."',
)

# A rejection she thinks unfair is taken up with the study's researcher, through Prolific's own messages. No window
# to contest a rejection was found in Prolific's help: its claim deadline stays unknown.
MESSAGE_THE_RESEARCHER = ClaimRoute(
    words=QT_TRANSLATE_NOOP(
        "PlatformSpec", "On Prolific, write to the study's researcher through Prolific's messages."
    ),
    evidence="Prolific participant help, 'Why has my submission been rejected?' (participant-help.prolific.co/hc/"
    'en-gb/articles/360021785654): "If you think the attention check was unfair, you can message the '
    "researcher to chat about it.\" Prolific researcher help, 'Return vs Reject' (researcher-help.prolific.co/"
    'hc/en-gb/articles/360014583000): researchers use "our messaging system" to ask a participant to return a '
    "submission, rather than reject it.",
)


# What the earnings reader writes around a study's name for its bonus (`entry_words`).
BONUS_FOR = QT_TRANSLATE_NOOP("ProlificEarnings", "Bonus: {0}")

SPEC = PlatformSpec(
    platform="prolific",
    name="Prolific",
    base_url=API,
    options=(),
    connector=client("surveydesk.platforms.prolific.tasks:connector_for"),
    earnings=client("surveydesk.platforms.prolific.earnings:ProlificEarnings"),
    # Prolific's own extensions never poll more often than every 20 s.
    cadence=seconds(floor=20, default=60),
    demo_site="surveydesk.demo.prolific_site",
    sign_in=sign_in_named("surveydesk.platforms.prolific.sign_in:prolific_sign_in"),
    task_ids_shared=True,
    review_deadline=REVIEW_DEADLINE,
    claim_route=MESSAGE_THE_RESEARCHER,
    history_file=SUBMISSIONS_FILE,
    # A study ends by sending her to its Completion URL (…/submissions/complete?cc=CODE) or showing its code:
    # Prolific researcher help, 'Recording participants as complete on Prolific' (researcher-help.prolific.co/hc/
    # en-gb/articles/360009223173): "participants will visit this URL, or enter the code, to prove that they have
    # completed your study". The code is her evidence if the submission is rejected or never reviewed.
    completion_codes=True,
    entry_words=(BONUS_FOR,),
)
