"""A requester's record in the task list's "Your history" cell (work/reputation.py), as a French worker reads it:
its words agree with their number."""

from __future__ import annotations

from surveydesk.core.money import Money
from surveydesk.ui.text import translated
from surveydesk.work.reputation import Reputation


def _french(record: Reputation) -> str:
    return " · ".join(translated(part) for part in record.parts())


def test_one_of_each_is_singular_in_french(french) -> None:
    """The cell read "1 faites", as "{0} faites" filled with 1."""
    one = Reputation(1, 1, 1, Money(540, "GBP"), approved=0, rejected=1, claims_unpaid=1)
    assert _french(one) == (
        "1 faite · 1 non-qualification · 1 rendue · 1 refusée sur 1 · réclamations\xa0: 1 sur 1 non payée"
        " · 5,40\xa0£/h"
    )


def test_more_than_one_is_plural_in_french(french) -> None:
    several = Reputation(4, 2, 3, None, approved=5, claims_paid=2)
    assert _french(several) == "4 faites · 2 non-qualifications · 3 rendues · 5 approuvées · 2 réclamations payées"
    assert _french(Reputation(0, 0, 0, None, approved=1, claims_paid=1)) == "1 approuvée · 1 réclamation payée"
