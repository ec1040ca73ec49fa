"""What the worker's own history says about a requester: how often their tasks screened out or were returned,
how their reviews went (from the earnings log), how they answered her claims for money owed (a claim paid is
the requester putting it right; one refused or left unanswered counts against them), and what they really paid
per hour of work. Only the worker's own attempts and records count; nothing is guessed."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from surveydesk.core.money import Money
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.work.model import Attempt, Outcome
from surveydesk.work.wages import hourly, paid_by


@dataclass(frozen=True, slots=True)
class Reviews:
    """How a requester dealt with the worker's tasks in the earnings log (`LedgerStore.reviews_by_requester`):
    tasks approved or paid, tasks rejected or taken back, and the worker's claims for money owed that ended."""

    approved: int = 0
    rejected: int = 0
    claims_paid: int = 0
    claims_unpaid: int = 0  # refused, or left without an answer

    def __bool__(self) -> bool:
        """Whether the requester decided anything yet."""
        return any((self.approved, self.rejected, self.claims_paid, self.claims_unpaid))


@dataclass(frozen=True, slots=True)
class Reputation:
    """A requester's record in the worker's history: finished attempts and how they went, and how the
    requester reviewed the worker's tasks in the earnings log."""

    attempts: int
    screened_out: int
    returned: int
    rate: Money | None  # paid ÷ working time over their attempts, in the currency they paid most in
    approved: int = 0  # tasks approved or paid
    rejected: int = 0  # tasks rejected, or approved and then taken back
    claims_paid: int = 0  # the worker's claims for money owed that the requester paid
    claims_unpaid: int = 0  # her claims they refused or left without an answer

    def parts(self) -> list[Sentence]:
        """The cell's parts, e.g. "4 done", "1 screen-out", "1 of 6 rejected", "1 of 2 claims unpaid", "£8.10/h"
        (translatable, see
        core/translatable.py)."""
        parts = []
        if self.attempts:
            parts.append(
                _counted(
                    self.attempts,
                    QT_TRANSLATE_NOOP("Reputation", "1 done"),
                    QT_TRANSLATE_NOOP("Reputation", "{0} done"),
                )
            )
        if self.screened_out:
            parts.append(
                _counted(
                    self.screened_out,
                    QT_TRANSLATE_NOOP("Reputation", "1 screen-out"),
                    QT_TRANSLATE_NOOP("Reputation", "{0} screen-outs"),
                )
            )
        if self.returned:
            parts.append(
                _counted(
                    self.returned,
                    QT_TRANSLATE_NOOP("Reputation", "1 returned"),
                    QT_TRANSLATE_NOOP("Reputation", "{0} returned"),
                )
            )
        if self.rejected:
            reviewed = self.approved + self.rejected
            parts.append(
                _counted(
                    self.rejected,
                    QT_TRANSLATE_NOOP("Reputation", "1 of {0} rejected"),
                    QT_TRANSLATE_NOOP("Reputation", "{0} of {1} rejected"),
                    reviewed,
                )
            )
        elif self.approved:
            parts.append(
                _counted(
                    self.approved,
                    QT_TRANSLATE_NOOP("Reputation", "1 approved"),
                    QT_TRANSLATE_NOOP("Reputation", "{0} approved"),
                )
            )
        if self.claims_unpaid:
            claims = self.claims_paid + self.claims_unpaid
            parts.append(
                _counted(
                    self.claims_unpaid,
                    QT_TRANSLATE_NOOP("Reputation", "1 of {0} claims unpaid"),
                    QT_TRANSLATE_NOOP("Reputation", "{0} of {1} claims unpaid"),
                    claims,
                )
            )
        elif self.claims_paid:
            parts.append(
                _counted(
                    self.claims_paid,
                    QT_TRANSLATE_NOOP("Reputation", "1 claim paid"),
                    QT_TRANSLATE_NOOP("Reputation", "{0} claims paid"),
                )
            )
        if self.rate is not None:
            parts.append(QT_TRANSLATE_NOOP("Reputation", "{0}/h").filled(self.rate))
        return parts

    def describe(self) -> str:
        """A short cell text in English, e.g. "4 done · 1 screen-out · £8.10/h"."""
        return " · ".join(self.parts())


def _counted(count: int, one: Sentence, many: Sentence, *also: object) -> Sentence:
    """`one` for a single one, else `many` filled with the count: French agrees its words with the number
    ("1 faite", "2 faites"), which one "{0} done" cannot. `also` fills their further places (`one`'s from {0})."""
    return one.filled(*also) if count == 1 else many.filled(count, *also)


def reputations(
    attempts: Iterable[Attempt], reviews: Mapping[tuple[str, str], Reviews] | None = None
) -> dict[tuple[str, str], Reputation]:
    """Each requester's record, keyed by (platform, requester name), from the worker's finished attempts and
    their `reviews` in the earnings log; a requester known from the log alone (tasks not timed, or imported)
    has a record of reviews only."""
    groups: dict[tuple[str, str], list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        if not attempt.is_open and attempt.requester:
            groups[(attempt.platform, attempt.requester)].append(attempt)
    reviews = reviews or {}
    return {
        key: _reputation(groups.get(key, []), reviews.get(key, Reviews()))
        for key in groups.keys() | {key for key, decided in reviews.items() if decided}
    }


def _reputation(attempts: list[Attempt], reviews: Reviews) -> Reputation:
    paid: dict[str, int] = defaultdict(int)
    for attempt in attempts:
        earned = paid_by(attempt)
        if earned is not None:
            paid[earned.currency] += earned.minor
    seconds = sum(attempt.worked_seconds for attempt in attempts)
    rate = None
    if paid:
        currency, minor = max(paid.items(), key=lambda item: item[1])
        rate = hourly(Money(minor, currency), seconds)
    return Reputation(
        attempts=len(attempts),
        screened_out=sum(attempt.outcome is Outcome.SCREENED_OUT for attempt in attempts),
        returned=sum(attempt.outcome is Outcome.RETURNED for attempt in attempts),
        rate=rate,
        approved=reviews.approved,
        rejected=reviews.rejected,
        claims_paid=reviews.claims_paid,
        claims_unpaid=reviews.claims_unpaid,
    )
