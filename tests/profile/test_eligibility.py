"""Eligibility and screen-out marks: devices, peripherals and MTurk qualifications against the profile, and
the risk of a screen-out from the worker's own attempts."""

from __future__ import annotations

from datetime import timedelta

from surveydesk.core.money import Money
from surveydesk.core.requirements import Qualification as Requirement
from surveydesk.core.requirements import Requirements
from surveydesk.profile.eligibility import Eligibility, load_eligibility_table
from surveydesk.profile.marks import NO_MARK, Marker
from surveydesk.profile.risk import Risk, ScreenOutHistory, screen_out_history
from surveydesk.work.model import Attempt, Outcome
from tests.factories import T0, make_task

TABLE = load_eligibility_table()
LOCATION_US = Requirement("Location", "EqualTo", ("US",), True)
LOCATION_GB_IE = Requirement("Location", "In", ("GB", "IE"), False)
APPROVAL_99 = Requirement("HIT Approval Rate (%) for all Requesters' HITs", "GreaterThanOrEqualTo", ("99",), False)


def judge(profile, task=None, **requirements) -> tuple[str, ...]:
    return Eligibility(TABLE, profile).unmet(task or make_task("s1"), Requirements(**requirements))


def test_an_empty_profile_marks_nothing_whatever_is_asked() -> None:
    assert (
        judge({}, make_task("s1", devices=("desktop",)), peripherals=("camera",), qualifications=(LOCATION_US,))
        == ()
    )
    assert not Eligibility(TABLE, {}).knows_anything


def test_prolific_devices_against_the_profile() -> None:
    desktop_only = make_task("s1", devices=("desktop",))
    assert judge({"devices": ("mobile",)}, desktop_only) == ("needs a device you do not list: desktop",)
    assert judge({"devices": ("mobile", "desktop")}, desktop_only) == ()
    assert judge({"devices": ("mobile",)}, make_task("s2", devices=())) == ()  # no list: any device


def test_prolific_peripherals_against_the_profile() -> None:
    profile = {"peripherals": ("audio",)}
    assert judge(profile, peripherals=("camera", "microphone")) == (
        "needs camera, which your profile does not list",
        "needs microphone, which your profile does not list",
    )
    assert judge({"peripherals": ("webcam", "microphone")}, peripherals=("camera", "microphone")) == ()
    assert judge(profile, peripherals=("something-new",)) == ()  # unknown to the table: not judged


def test_mturk_location_is_judged_by_the_profile_country() -> None:
    assert judge({"country": "US"}, qualifications=(LOCATION_US,)) == ()
    assert judge({"country": "DE"}, qualifications=(LOCATION_US,)) == (
        "is for workers in US; your profile says DE",
    )
    assert judge({"country": "IE"}, qualifications=(LOCATION_GB_IE,)) == ()  # MTurk said no; the profile says yes
    outside = Requirement("Location", "NotIn", ("US-CA", "US-NY"), None)
    assert judge({"country": "US"}, qualifications=(outside,)) == (
        "is not for workers in US; your profile says US",
    )


def test_other_mturk_qualifications_follow_mturk_s_own_verdict() -> None:
    assert judge({"country": "US"}, qualifications=(APPROVAL_99,)) == (
        "asks for HIT Approval Rate (%) for all Requesters' HITs ≥ 99, which MTurk says you do not have",
    )
    masters = Requirement("Masters", "Exists", (), False)
    assert judge({}, qualifications=(masters,)) == ("asks for Masters, which MTurk says you do not have",)
    assert judge({}, qualifications=(Requirement("Masters", "Exists", (), None),)) == ()  # unknown: no mark


def attempt(number: int, platform: str, requester: str, outcome: Outcome | None) -> Attempt:
    return Attempt(
        id=number, shift_id=None, platform=platform, account="a", external_id=str(number), title="t",
        requester=requester, reward=Money(100, "GBP"), time_limit_seconds=None,
        started_at=T0 + timedelta(minutes=number), worked_seconds=60.0, working_since=None,
        ended_at=None if outcome is None else T0, outcome=outcome, paid=None,
    )  # fmt: skip


def test_screen_out_risk_per_requester_then_per_platform() -> None:
    out, done = Outcome.SCREENED_OUT, Outcome.SUBMITTED
    history = screen_out_history(
        [
            attempt(1, "prolific", "Lab A", out),
            attempt(2, "prolific", "Lab A", out),
            attempt(3, "prolific", "Lab A", done),
            attempt(4, "prolific", "Lab B", done),
            attempt(5, "prolific", "Lab B", done),
            attempt(6, "prolific", "Lab C", out),
            attempt(7, "cpx", "", out),
            attempt(8, "cpx", "", out),
            attempt(9, "cpx", "", done),
            attempt(10, "cpx", "", done),
            attempt(11, "cpx", "", out),  # 3 of 5 on the platform
            attempt(12, "cpx", "", None),  # still open: not counted
        ]
    )
    assert history.risk_of(make_task("x", requester_name="Lab A")) == (
        Risk.HIGH,
        "2 of your 3 attempts on this requester ended screened out",
    )
    assert history.risk_of(make_task("x", requester_name="Lab B")) is None
    # One attempt with Lab C is too few: the platform's record (3 of 6) speaks instead.
    assert history.risk_of(make_task("x", requester_name="Lab C")) == (
        Risk.HIGH,
        "3 of your 6 attempts on this platform ended screened out",
    )
    assert history.risk_of(make_task("x", platform="cpx", requester_name="")) == (
        Risk.HIGH,
        "3 of your 5 attempts on this platform ended screened out",
    )
    assert history.risk_of(make_task("x", platform="bitlabs", requester_name="")) is None
    assert ScreenOutHistory().risk_of(make_task("x")) is None


def test_a_mark_combines_both_and_an_unremarkable_task_shares_one_empty_mark() -> None:
    history = ScreenOutHistory(by_requester={("prolific", "Lab A"): (4, 1)})
    marker = Marker(Eligibility(TABLE, {"devices": ("mobile",)}), history)
    plain = marker.mark(make_task("a", requester_name="Lab B"))
    assert plain is NO_MARK and plain.eligible and plain.severity == 0
    both = marker.mark(make_task("b", requester_name="Lab A", devices=("desktop",)))
    assert not both.eligible and both.risk is Risk.SOME and both.severity == 3
    assert both.reasons() == [
        "needs a device you do not list: desktop",
        "1 of your 4 attempts on this requester ended screened out",
    ]
