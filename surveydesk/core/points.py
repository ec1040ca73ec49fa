"""What the points of a rewards site are worth, as the worker says, dated like exchange rates (kept by
`surveydesk.ledger.points`).

A rewards site that embeds a survey wall often credits its members in points or coins of its own, and the wall
then prices surveys and rewards in them (BitLabs' `value`, CPX Research's `payout`). No platform says what a
point is worth in money, so SurveyDesk never guesses it: the worker says, for one account, "from this day on,
N points are worth this much", as her rewards site's cash-out page shows. Points earned on day D are converted
with the latest value dated D or earlier; points older than every value she gave are not converted (their
reader keeps them aside until she gives one).

A value is kept as the worker typed it, an exact ratio (points, minor units of a currency): an amount is
rounded once, half up, to the currency's minor unit when it is converted.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from surveydesk.core.money import Money

# Beyond these, a number of points is a typing slip (or a reply that is not an amount), not a reward.
_MOST_POINTS = Decimal(10) ** 12
_FINEST_POINTS = Decimal("0.000001")


class PointsError(ValueError):
    """A number of points, or a value of points, that cannot be right."""


def parse_points(value: object) -> Decimal:
    """A number of points as a wall writes it ("172", 172, "1010.5") or the worker types it ("1 000", "2,5"),
    exactly; `PointsError` for anything else, negative amounts included (they are read as reversals)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise PointsError(f"not a number of points: {value!r}")
    text = str(value).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise PointsError(f"not a number of points: {value!r}") from None
    if not number.is_finite() or abs(number) > _MOST_POINTS or (number and abs(number) < _FINEST_POINTS):
        raise PointsError(f"not a plausible number of points: {value!r}")
    return number


@dataclass(frozen=True, slots=True)
class PointsValue:
    """From `day` on, `points` of the site are worth `worth`."""

    day: date
    points: Decimal
    worth: Money

    def __post_init__(self) -> None:
        if not self.points > 0 or self.worth.minor <= 0:
            raise PointsError("a value of points needs a number of points and an amount above zero")

    def money(self, points: Decimal) -> Money:
        """`points` at this value, rounded half up once to the currency's minor unit."""
        exact = points * self.worth.minor / self.points
        return Money(int(exact.to_integral_value(rounding=ROUND_HALF_UP)), self.worth.currency)


class PointsValues:
    """One account's values over time; `money` converts points of a day with the value in force that day."""

    def __init__(self, values: Iterable[PointsValue] = ()) -> None:
        self._values = sorted(values, key=lambda value: value.day)
        self._days = [value.day for value in self._values]

    def __bool__(self) -> bool:
        return bool(self._values)

    def __iter__(self) -> Iterator[PointsValue]:
        return iter(self._values)

    def in_force(self, day: date) -> PointsValue | None:
        index = bisect.bisect_right(self._days, day) - 1
        return self._values[index] if index >= 0 else None

    def money(self, points: Decimal, day: date) -> Money | None:
        """`points` earned on `day` in money, rounded half up once; None when no value was in force that day."""
        value = self.in_force(day)
        return None if value is None else value.money(points)


NO_VALUES = PointsValues()
