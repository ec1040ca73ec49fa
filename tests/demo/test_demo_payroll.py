"""The demo worker's history is a function of the seed and the calendar: a restart, which re-anchors the demo at
a new "now", finds every past day as it was, so what a platform reports by day (MTurk's bonuses) is not counted
again under another day."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from surveydesk.demo import ManualClock
from surveydesk.demo.catalog import Study
from surveydesk.demo.payroll import Payroll, Submission
from surveydesk.demo.statements import MTURK_DAYS_LISTED, mturk_dashboard
from surveydesk.demo.wire import SiteContext

FIRST_START = datetime(2026, 3, 25, 9, 0, tzinfo=UTC)
RESTART = FIRST_START + timedelta(days=1, hours=5, minutes=17)


def payroll(epoch: datetime) -> Payroll:
    return Payroll(11, ManualClock(), epoch, lambda study, seed: (study.id, seed))


def settled_days(epoch: datetime, since: datetime, until: datetime) -> dict[str, float]:
    """The dashboard's bonuses of the days between `since` and `until`, by day."""
    overview = mturk_dashboard(payroll(epoch))["daily_hit_statistics_overview"]
    assert isinstance(overview, list)
    return {
        day["date"][:10]: day["bonus_rewards"]
        for day in overview
        if since.date().isoformat() < day["date"][:10] < until.date().isoformat()
    }


def test_a_restart_finds_each_past_days_bonuses_on_the_same_day():
    # The days both starts' dashboards list (MTurk's covers about 45 days).
    since, until = RESTART - timedelta(days=MTURK_DAYS_LISTED - 1), FIRST_START - timedelta(days=1)
    before, after = settled_days(FIRST_START, since, until), settled_days(RESTART, since, until)
    assert sum(1 for bonus in before.values() if bonus) >= 3  # six weeks have some: the test can see them move
    assert after == before


def test_a_restart_finds_each_past_submission_as_it_was():
    def past(epoch: datetime) -> dict[str, Submission]:
        _, submissions = payroll(epoch).history()
        window = (RESTART - timedelta(days=360), FIRST_START - timedelta(days=1))
        return {s.record_id: s for s in submissions if window[0] < s.started_at < window[1]}

    before, after = past(FIRST_START), past(RESTART)
    assert len(before) > 100
    assert after == before


def test_an_exchange_without_a_seed_keeps_one_past_from_start_to_start():
    def past(epoch: datetime) -> dict[str, Submission]:
        context = SiteContext(None, ManualClock(), epoch, initial_studies=0, market_speed=1.0)
        _, submissions = context.payroll(1, lambda study, seed: (study.id, seed)).history()
        return {s.record_id: s for s in submissions if s.started_at < FIRST_START - timedelta(days=1)}

    before, after = past(FIRST_START), past(RESTART)
    assert len(after.keys() & before.keys()) > 100
    assert all(after[record] == before[record] for record in after.keys() & before.keys())


def test_the_year_is_drawn_when_first_asked_for_not_when_the_demo_starts():
    """The app's first frame does not wait for the demo's year of statements (bench/startup.py)."""
    drawn: list[str] = []

    def ids(study: Study, seed: str) -> tuple[str, str]:
        drawn.append(seed)
        return study.id, seed

    started = Payroll(11, ManualClock(), FIRST_START, ids)
    assert drawn == []
    _, submissions = started.history()
    assert len(drawn) >= len(submissions) > 100
    again = len(drawn)
    started.history()
    assert len(drawn) == again  # drawn once
