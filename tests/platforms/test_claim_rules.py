"""What the platforms document of claims, as their specs state it: only what a source shows (the shared reference,
the platform's own help), each with the words it quotes; every other platform has none, so the Claims view says
"unknown" rather than guess."""

from __future__ import annotations

from datetime import timedelta

from surveydesk.platforms.registry import BUILT_IN


def test_only_toloka_documents_a_window_to_contest_a_rejection() -> None:
    deadlines = BUILT_IN.claim_deadlines()
    assert {platform: rule.within for platform, rule in deadlines.items()} == {"toloka": timedelta(days=7)}
    assert "platform-apis.md" in deadlines["toloka"].evidence
    assert "appeals must be made within 7 days" in deadlines["toloka"].evidence


def test_bitlabs_prolific_and_mturk_document_their_way_to_claim_and_cpx_and_toloka_do_not() -> None:
    routes = BUILT_IN.claim_routes()
    assert set(routes) == {"bitlabs", "prolific", "mturk"}
    assert "support form" in routes["bitlabs"].words
    assert "platform-apis.md" in routes["bitlabs"].evidence
    assert "for missing rewards" in routes["bitlabs"].evidence
    assert "researcher" in routes["prolific"].words
    assert "participant-help.prolific.co" in routes["prolific"].evidence
    assert "you can message the researcher" in routes["prolific"].evidence
    assert "within 30 days of your submission" in routes["mturk"].words
    assert "only for assignments submitted in the last 30 days" in routes["mturk"].evidence


def test_mturk_s_thirty_day_auto_approval_is_said_unconfirmed() -> None:
    """Amazon documents that each HIT has its own auto-approval delay, not (in any source found) its 30-day
    bound: the rule keeps 30 days and says that figure is unconfirmed."""
    rule = BUILT_IN.spec("mturk").review_deadline
    assert rule is not None and rule.within == timedelta(days=30)
    assert "ApproveRejectWork.html" in rule.evidence and "UNCONFIRMED" in rule.evidence


def test_only_prolific_is_known_to_hand_out_completion_codes() -> None:
    """The timer strip offers its code field only for these platforms' tasks: Prolific's studies end with a
    completion code (its researcher help, quoted beside the spec); no other platform documents one."""
    assert [spec.platform for spec in BUILT_IN if spec.completion_codes] == ["prolific"]
    assert BUILT_IN.gives_completion_codes("prolific")
    assert not BUILT_IN.gives_completion_codes("mturk")
    assert not BUILT_IN.gives_completion_codes("Clickworker")  # a task entered by hand, on a platform not built in
