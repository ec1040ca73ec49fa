"""A seeded, live simulation of a study market: studies are published, fill up and close as time passes.

The market moves in fixed steps of simulated time, worked off lazily whenever someone looks at it, so the same
seed and the same clock readings always give the same market, however often it was looked at in between.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from surveydesk.demo.catalog import Study, invent_researchers, invent_study

STEP_SECONDS = 5.0
# A market of 12 open studies sees a new one every 25 s on average; other sizes scale the pace, so a market
# keeps about the size it started with (a 1,000-study benchmark does not drain to a dozen).
MEAN_PUBLISH_GAP = 25.0
TYPICAL_SIZE = 12
FILL_SECONDS = (60.0, 600.0)  # how long a study takes to fill, from eager to slow
LIFETIME = (0.6, 2.5)  # times its fill time a study stays open at most: some close before they fill
CLOSED_KEPT = 1000  # closed studies remembered for their pages; older ones are forgotten
INITIAL_PROGRESS = (0.0, 0.9)  # how far studies open at the start have got towards being full


@dataclass(slots=True)
class _Dynamics:
    """How one open study evolves: places it fills per second, and when its researcher closes it anyway."""

    fill_rate: float
    closes_at: float


class Market:
    """The open studies at any moment of simulated time, about `initial_studies` of them; thread-safe.

    `clock` gives monotonic seconds; simulated time starts at its first reading, which maps to `epoch`.
    `speed` divides every duration (how long studies take to fill, the gaps between new ones).
    """

    def __init__(
        self,
        seed: int | None,
        clock: Callable[[], float],
        initial_studies: int,
        epoch: datetime,
        speed: float = 1.0,
    ) -> None:
        if speed <= 0:
            raise ValueError(f"market speed must be positive, not {speed}")
        self._speed = speed
        self._rng = random.Random(seed)
        self._clock = clock
        self._origin = clock()
        self._epoch = epoch
        self._lock = threading.Lock()
        self._researchers = invent_researchers(self._rng)
        self._open: dict[str, Study] = {}
        self._closed: dict[str, Study] = {}
        self._dynamics: dict[str, _Dynamics] = {}
        self._steps = 0
        self._version = 0
        for _ in range(initial_studies):
            self._publish(at=0.0, progress=self._rng.uniform(*INITIAL_PROGRESS))
        self._publish_rate = max(initial_studies, 1) / TYPICAL_SIZE / MEAN_PUBLISH_GAP * speed
        self._next_publish = self._rng.expovariate(self._publish_rate)

    def snapshot(self) -> tuple[int, tuple[Study, ...]]:
        """The market's version and its open studies in publishing order; the version changes with them."""
        with self._lock:
            self._catch_up()
            return self._version, tuple(self._open.values())

    def find(self, study_id: str) -> tuple[Study, bool] | None:
        """A study by id, open or already closed, and whether it is still open."""
        with self._lock:
            self._catch_up()
            if study_id in self._open:
                return self._open[study_id], True
            closed = self._closed.get(study_id)
            return None if closed is None else (closed, False)

    def take_place(self, study_id: str) -> Study | None:
        """Give the demo worker one place of an open study: the study as it then stands, or None when it is
        full, closed or unknown. Taking the last place closes the study at once, as a full study leaves the list.
        """
        with self._lock:
            self._catch_up()
            study = self._open.get(study_id)
            if study is None or study.places_left == 0:
                return None
            study = self._open[study_id] = replace(study, places_taken=study.places_taken + 1)
            if study.places_left == 0:
                self._close(study_id)
            self._version += 1
            return study

    def _catch_up(self) -> None:
        due = math.floor((self._clock() - self._origin) / STEP_SECONDS)
        changed = False
        while self._steps < due:
            self._steps += 1
            changed = self._step(self._steps * STEP_SECONDS) or changed
        if changed:
            self._version += 1

    def _step(self, end: float) -> bool:
        """Move the market to simulated second `end`; tell whether anything changed."""
        changed = False
        while self._next_publish <= end:
            self._publish(at=self._next_publish, progress=0.0)
            self._next_publish += self._rng.expovariate(self._publish_rate)
            changed = True
        for study_id, study in list(self._open.items()):
            dynamics = self._dynamics[study_id]
            arrivals = _poisson(self._rng, dynamics.fill_rate * STEP_SECONDS)
            taken = min(study.total_places, study.places_taken + arrivals)
            if taken != study.places_taken:
                study = self._open[study_id] = replace(study, places_taken=taken)
                changed = True
            if study.places_left == 0 or end >= dynamics.closes_at:
                self._close(study_id)
                changed = True
        return changed

    def _close(self, study_id: str) -> None:
        self._closed[study_id] = self._open.pop(study_id)
        del self._dynamics[study_id]
        if len(self._closed) > CLOSED_KEPT:
            del self._closed[next(iter(self._closed))]

    def _publish(self, at: float, progress: float) -> None:
        """Add a study that is open at simulated second `at` and has got `progress` (0..1) of the way to full."""
        fill_seconds = self._rng.uniform(*FILL_SECONDS) / self._speed
        published = at - progress * fill_seconds
        study = invent_study(self._rng, self._researchers, self._epoch + timedelta(seconds=published), progress)
        self._open[study.id] = study
        self._dynamics[study.id] = _Dynamics(
            fill_rate=study.total_places / fill_seconds,
            closes_at=published + fill_seconds * self._rng.uniform(*LIFETIME),
        )


def _poisson(rng: random.Random, mean: float) -> int:
    """How many workers took a place in one step (Knuth's method; the means here stay small)."""
    limit = math.exp(-mean)
    count, product = 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count
