"""Alerts: new and returning tasks, grouping, the rate limit and quiet hours (fake clock); the alert's words."""

from __future__ import annotations

from datetime import UTC, time, timedelta

import pytest

from surveydesk.core.money import Money
from surveydesk.feed.alerts import Alerts, AlertSettings
from surveydesk.ui.alert_text import describe_task, task_alert
from tests.factories import T0, FixedClock, make_task, merge


def _alerts(clock: FixedClock, **settings) -> Alerts:
    return Alerts(
        matches=lambda task: task.reward.minor >= 100, now=clock.now, settings=AlertSettings(**settings), zone=UTC
    )


def test_one_new_matching_task_makes_one_alert_naming_it():
    alerts = _alerts(FixedClock())
    alert = task_alert(
        alerts.tasks_to_alert(merge(new=[make_task("a", title="Habits", reward=Money(150, "GBP"))])), False
    )
    assert alert.title == "New task"
    assert alert.body == "Habits — £1.50 · £9.00/h · 10 min (Prolific)"
    assert alerts.unseen == 1


def test_several_new_tasks_are_grouped_best_paid_first_and_non_matches_left_out():
    tasks = [make_task(str(i), reward=Money(100 + i * 50, "GBP")) for i in range(5)] + [
        make_task("cheap", reward=Money(20, "GBP"))
    ]
    alert = task_alert(_alerts(FixedClock()).tasks_to_alert(merge(new=tasks)), sound=False)
    assert alert.title == "5 new tasks"
    lines = alert.body.splitlines()
    assert lines[0].startswith("Study 4 — £3.00") and lines[-1] == "and 2 more"
    assert "cheap" not in alert.body


def test_the_rate_limit_holds_alerts_back_but_counts_the_matches():
    clock = FixedClock()
    alerts = _alerts(clock, per_minute=2)
    sent = [alerts.tasks_to_alert(merge(new=[make_task(f"t{i}")])) for i in range(3)]
    assert [bool(tasks) for tasks in sent] == [True, True, False]
    assert alerts.unseen == 3
    clock.advance(61)
    assert alerts.tasks_to_alert(merge(new=[make_task("later")]))


@pytest.mark.parametrize(
    ("quiet_from", "quiet_until", "hour", "quiet"),
    [
        (time(22), time(7, 30), 23, True),
        (time(22), time(7, 30), 3, True),
        (time(22), time(7, 30), 12, False),
        (time(13), time(14), 13, True),
        (time(13), time(14), 14, False),
        (None, None, 3, False),
    ],
)
def test_quiet_hours_even_over_midnight(quiet_from, quiet_until, hour, quiet):
    clock = FixedClock(T0.replace(hour=hour))
    alerts = _alerts(clock, quiet_from=quiet_from, quiet_until=quiet_until)
    assert (alerts.tasks_to_alert(merge(new=[make_task("a")])) == []) == quiet


def test_a_task_back_after_a_short_absence_is_not_new_but_one_back_after_a_while_is():
    clock = FixedClock()
    alerts = _alerts(clock)
    task = make_task("a")
    gone = merge(gone=["a"])
    assert alerts.tasks_to_alert(gone) == []
    back_soon = merge(new=[task])
    assert alerts.new_matches(back_soon) == []
    alerts.new_matches(merge(gone=["a"]))
    later = type(back_soon)(back_soon.account, (task,), (), (), back_soon.seen_at + timedelta(minutes=11))
    assert alerts.new_matches(later) == [task]


def test_a_full_study_that_gets_places_again_alerts_like_a_new_one_at_most_once_an_hour():
    clock = FixedClock()
    alerts = _alerts(clock, per_minute=100)
    alerts.tasks_to_alert(merge(new=[make_task("listed", places_left=3)]))
    assert alerts.tasks_to_alert(merge(updated=[make_task("listed", places_left=0)])) == []
    reopened = make_task("listed", places_left=2)  # a researcher added places
    assert alerts.tasks_to_alert(merge(updated=[reopened])) == [reopened]
    assert alerts.unseen == 2
    alerts.tasks_to_alert(merge(updated=[make_task("listed", places_left=0)]))
    assert alerts.tasks_to_alert(merge(updated=[make_task("listed", places_left=1)])) == []  # within the hour
    clock.advance(3600)
    alerts.tasks_to_alert(merge(updated=[make_task("listed", places_left=0)]))
    assert alerts.tasks_to_alert(merge(updated=[make_task("listed", places_left=1)]))
    assert alerts.tasks_to_alert(merge(updated=[make_task("listed", places_left=5)])) == []  # it was not full


def test_a_study_that_left_the_list_full_and_comes_back_with_places_is_open_again_not_a_flicker():
    alerts = _alerts(FixedClock(), per_minute=100)
    alerts.tasks_to_alert(merge(new=[make_task("p", places_left=1)]))
    alerts.tasks_to_alert(merge(gone=["p"]))  # Prolific's list leaves full studies out
    back = make_task("p", places_left=2)  # reservations expired
    assert alerts.tasks_to_alert(merge(new=[back])) == [back]
    alerts.tasks_to_alert(merge(gone=["p"]))
    assert alerts.tasks_to_alert(merge(new=[make_task("p", places_left=2)])) == []  # a flicker: no more places
    cheap = make_task("cheap", reward=Money(20, "GBP"), places_left=0)
    alerts.tasks_to_alert(merge(new=[cheap]))
    assert alerts.tasks_to_alert(merge(updated=[make_task("cheap", reward=Money(20, "GBP"), places_left=4)])) == []


def test_seeing_the_list_clears_the_unseen_count():
    alerts = _alerts(FixedClock())
    alerts.tasks_to_alert(merge(new=[make_task("a")]))
    alerts.seen()
    assert alerts.unseen == 0


def test_a_task_line_leaves_out_what_is_unknown():
    assert describe_task(make_task("a", estimated_minutes=None, title="T")) == "T — £1.50 (Prolific)"
    assert task_alert([make_task("a")], sound=True).sound


def test_an_alert_speaks_the_worker_s_language(french):
    tasks = [make_task(str(i), title=f"Étude {i}", reward=Money(100 + i * 50, "EUR")) for i in range(5)]
    alert = task_alert(tasks, sound=False)
    assert alert.title == "5 nouvelles tâches"
    lines = alert.body.splitlines()
    assert lines[0] == "Étude 0 — 1,00\xa0€ · 6,00\xa0€/h · 10 min (Prolific)"
    assert lines[-1] == "et 2 de plus"


@pytest.mark.parametrize(
    ("platform", "name"),
    [("mturk", "MTurk"), ("cpx", "CPX Research"), ("bitlabs", "BitLabs"), ("clickworker", "Clickworker")],
)
def test_an_alert_names_the_platform_as_it_calls_itself(platform: str, name: str) -> None:
    task = make_task("a", platform=platform, estimated_minutes=None, title="T", reward=Money(150, "USD"))
    assert describe_task(task) == f"T — $1.50 ({name})"
