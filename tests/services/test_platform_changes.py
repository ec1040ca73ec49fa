"""At start, the app's platform changes tell what an earlier run left to tell: records still set aside."""

from __future__ import annotations

from surveydesk.net.shapes import Change, Difference, Part, ShapeWatch
from surveydesk.platforms.prolific import earnings as prolific_earnings
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.set_aside_store import SetAsideStore
from surveydesk.services.platform_changes import PlatformChanges
from surveydesk.store import Database

PAGE = {"results": [], "_links": {"next": {"href": None}}}


def test_records_set_aside_in_an_earlier_run_are_told_at_start(qtbot, database: Database) -> None:
    earlier = ShapeWatch(kept=SetAsideStore(database))
    shape = prolific_earnings.SUBMISSIONS_PAGE
    with earlier.watching("prolific", Part.EARNINGS, "GET /subs", PAGE, shape) as read:
        read.put_aside(Difference("results[].submission_reward.amount", Change.BEYOND_BOUNDS), "str:sub1")

    changes = PlatformChanges(ShapeWatch(kept=SetAsideStore(database)), BUILT_IN.name)
    with qtbot.waitSignal(changes.told, timeout=5_000) as told:
        pass

    said = str(told.args[0])
    assert said.startswith("SurveyDesk set aside 1 of Prolific's records (amounts beyond what it pays)")
