"""What the platforms document of claims, as their specs state it: only what the shared reference shows, each
with the words it quotes; every other platform has none, so the Claims view says "unknown" rather than guess."""

from __future__ import annotations

from datetime import timedelta

from surveydesk.platforms.registry import BUILT_IN


def test_only_toloka_documents_a_window_to_contest_a_rejection() -> None:
    deadlines = BUILT_IN.claim_deadlines()
    assert {platform: rule.within for platform, rule in deadlines.items()} == {"toloka": timedelta(days=7)}
    assert "platform-apis.md" in deadlines["toloka"].evidence
    assert "appeals must be made within 7 days" in deadlines["toloka"].evidence


def test_only_bitlabs_documents_its_way_to_claim_a_missing_reward() -> None:
    routes = BUILT_IN.claim_routes()
    assert set(routes) == {"bitlabs"}
    assert "support form" in routes["bitlabs"].words
    assert "platform-apis.md" in routes["bitlabs"].evidence
    assert "for missing rewards" in routes["bitlabs"].evidence
