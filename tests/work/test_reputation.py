"""A requester's reputation from the worker's own attempts: screen-outs, returns, what they paid per hour."""

from __future__ import annotations

from surveydesk.core.money import Money
from surveydesk.work.model import Outcome
from surveydesk.work.reputation import Reputation, Reviews, reputations
from tests.work.test_wages import attempt


def test_each_requester_gets_their_record_from_finished_attempts_only():
    history = [
        attempt(10, Outcome.SUBMITTED, paid=150, requester="Lab A"),
        attempt(5, Outcome.SCREENED_OUT, requester="Lab A"),
        attempt(15, Outcome.RETURNED, requester="Lab A"),
        attempt(20, None, requester="Lab A"),  # still open: not counted
        attempt(30, Outcome.SUBMITTED, paid=300, requester="Lab B", platform="mturk", currency="USD"),
    ]
    found = reputations(history)
    assert found[("prolific", "Lab A")] == Reputation(3, 1, 1, Money(300, "GBP"))  # 150p over 30 minutes
    assert found[("prolific", "Lab A")].describe() == "3 done · 1 screen-out · 1 returned · £3.00/h"
    assert found[("mturk", "Lab B")].describe() == "1 done · $6.00/h"


def test_no_history_means_no_record():
    assert reputations([attempt(10, Outcome.SUBMITTED, paid=150, requester="")]) == {}
    assert Reputation(2, 0, 0, None).describe() == "2 done"


def test_reviews_from_the_earnings_log_join_the_record_or_make_one():
    history = [attempt(10, Outcome.SUBMITTED, paid=150, requester="Lab A")]
    reviews = {
        ("prolific", "Lab A"): Reviews(5, 1),
        ("prolific", "Imported lab"): Reviews(3, 0),
        ("prolific", "Undecided"): Reviews(),
        ("prolific", "Claimed from"): Reviews(claims_unpaid=1),
    }
    found = reputations(history, reviews)
    assert found[("prolific", "Lab A")].describe() == "1 done · 1 of 6 rejected · £9.00/h"
    assert found[("prolific", "Imported lab")].describe() == "3 approved"
    assert ("prolific", "Undecided") not in found
    assert found[("prolific", "Claimed from")].describe() == "1 of 1 claims unpaid"
