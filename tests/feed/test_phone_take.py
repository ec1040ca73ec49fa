"""A tap to take, from the phone: an alert about one task carries a "Take" button posting a one-time nonce to the
reply topic; SurveyDesk listens there, takes the task as a click would, and answers on the phone. A replayed or
forged message takes nothing; the stream survives the server restarting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from surveydesk.core.model import MergeResult, Task
from surveydesk.feed.phone_take import TAP_WITHIN, TakeNonces, take_action
from tests.factories import make_task


@pytest.fixture
def tapping(qtbot, desk, ntfy, poller, phone, session):
    """The desk after its first poll (its grouped alert sent to the phone, she being away), listening for taps;
    `alert_one(task)` makes the feed alert about that one task and gives the Take button the phone got."""
    desk.idle_for = timedelta(minutes=6)
    with qtbot.waitSignal(phone.delivered, timeout=15_000):
        poller.start()
    qtbot.waitUntil(lambda: ntfy.subscribers_of(desk.reply_topic) == 1)
    taken: list[Task] = []
    refused: list[Task] = []
    desk.feed.take_flow.taken.connect(taken.append)
    desk.feed.take_flow.not_taken.connect(lambda task, _words: refused.append(task))

    def alert_one(task: Task) -> dict[str, str]:
        before = len(ntfy.on_topic(desk.topic))
        # The poll's report of one new task, as the poller gives it: one alert, about this task alone.
        poller.tasks_changed.emit(MergeResult(task.account_key, (task,), (), (), datetime.now(UTC)))
        qtbot.waitUntil(lambda: len(ntfy.on_topic(desk.topic)) > before, timeout=10_000)
        (button,) = ntfy.on_topic(desk.topic)[-1].actions
        return button

    def tap(button: dict[str, str], body: str | None = None) -> None:
        """What the ntfy app does on a tap: the button's request."""
        headers = {
            key.removeprefix("headers."): value for key, value in button.items() if key.startswith("headers.")
        }
        sent = button["body"] if body is None else body
        session.request(button["method"], button["url"], data=sent, headers=headers, timeout=5)

    return alert_one, tap, taken, refused


def answers(ntfy, desk) -> list[tuple[str, str]]:
    return [(message.title, message.message) for message in ntfy.on_topic(desk.topic)[1:] if not message.actions]


def test_an_alert_about_one_task_carries_a_take_button_to_the_reply_topic(tapping, desk, ntfy):
    alert_one, _tap, _taken, _refused = tapping
    task = desk.window.model.task_list.task(0)
    button = alert_one(task)
    assert (button["action"], button["label"], button["method"]) == ("http", "Take", "POST")
    assert button["url"] == f"{ntfy.address}/{desk.reply_topic}" and len(button["body"]) >= 20
    assert button["clear"] == "true"
    published = ntfy.on_topic(desk.topic)[-1]
    assert published.title == "New task" and task.title in published.message


def test_a_tap_takes_the_task_as_a_click_would_and_the_phone_is_told(qtbot, tapping, desk, ntfy, exchange):
    alert_one, tap, taken, _refused = tapping
    task = desk.window.model.task_list.task(0)
    tap(alert_one(task))
    qtbot.waitUntil(
        lambda: ("Taken", f"“{task.title}” is yours: it is open on your computer.") in answers(ntfy, desk)
    )
    assert [one.key for one in taken] == [task.key]
    assert desk.opened and desk.opened[0].startswith(exchange.prolific_url)  # reserved, and its page opened here
    assert desk.window.statusBar().currentMessage().startswith("Place reserved")


def test_a_replayed_or_forged_nonce_takes_nothing(qtbot, tapping, desk, ntfy):
    alert_one, tap, taken, refused = tapping
    first, second = desk.window.model.task_list.task(0), desk.window.model.task_list.task(1)
    button = alert_one(first)
    tap(button)
    qtbot.waitUntil(lambda: len(taken) == 1)
    tap(button)  # the same message again
    tap(button, body="forged-" + button["body"][7:])
    tap(button, body="")
    later = alert_one(second)
    tap(later)  # the stream is read in order: once this one is taken, the three before it were read
    # The phone is told after the take, from the network's thread: the second answer may follow the take.
    qtbot.waitUntil(lambda: len(taken) == 2 and len(answers(ntfy, desk)) >= 2)
    assert [task.key for task in taken] == [first.key, second.key] and refused == []
    assert [title for title, _text in answers(ntfy, desk)] == ["Taken", "Taken"]


def test_the_reply_stream_survives_the_server_restarting(qtbot, tapping, desk, ntfy):
    alert_one, tap, taken, _refused = tapping
    button = alert_one(desk.window.model.task_list.task(0))
    port = ntfy.port
    ntfy.stop()
    ntfy.start()
    assert ntfy.port == port
    qtbot.waitUntil(lambda: ntfy.subscribers_of(desk.reply_topic) == 1, timeout=15_000)
    tap(button)
    qtbot.waitUntil(lambda: len(taken) == 1, timeout=10_000)


def _restart_with_the_stream_kept_out(qtbot, ntfy) -> None:
    ntfy.stop()
    ntfy.streams_down = True  # restarted behind a proxy that keeps the stream out for a while
    ntfy.start()
    qtbot.waitUntil(lambda: ntfy.streams_refused >= 1, timeout=10_000)


def test_a_tap_while_the_stream_is_down_is_taken_once_it_is_back_and_no_tap_seen_is_sent_again(
    qtbot, tapping, desk, ntfy
):
    alert_one, tap, taken, refused = tapping
    first, second = desk.window.model.task_list.task(0), desk.window.model.task_list.task(1)
    tap(alert_one(first))
    qtbot.waitUntil(lambda: len(taken) == 1)
    seen = ntfy.on_topic(desk.reply_topic)[-1]
    _restart_with_the_stream_kept_out(qtbot, ntfy)
    tap(alert_one(second))  # nobody listens: the server keeps it
    assert ntfy.subscribers_of(desk.reply_topic) == 0
    ntfy.streams_down = False
    qtbot.waitUntil(lambda: len(taken) == 2, timeout=15_000)
    assert [task.key for task in taken] == [first.key, second.key] and refused == []
    assert ntfy.since_asked[-1] == seen.id  # the stream asked for what came after the last tap it saw
    assert [message.message for message in ntfy.sent_again] == [ntfy.on_topic(desk.reply_topic)[-1].message]


def test_a_tap_while_the_stream_is_down_before_any_other_is_taken_once_it_is_back(qtbot, tapping, desk, ntfy):
    alert_one, tap, taken, _refused = tapping
    task = desk.window.model.task_list.task(0)
    _restart_with_the_stream_kept_out(qtbot, ntfy)
    tap(alert_one(task))
    ntfy.streams_down = False
    qtbot.waitUntil(lambda: len(taken) == 1, timeout=15_000)
    assert ntfy.since_asked[0] == "" and ntfy.since_asked[-1].isdigit()  # from when it first listened


def test_a_nonce_is_good_once_for_its_own_task_while_the_task_is_there():
    nonces, now = TakeNonces(), datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
    task, other = make_task("a"), make_task("b")
    nonce = nonces.issue(task, now)
    assert nonces.redeem("not-" + nonce, now) is None
    assert nonces.redeem(f" {nonce}\n", now) is task  # as a phone may send it
    assert nonces.redeem(nonce, now) is None  # used

    late = nonces.issue(task, now)
    assert nonces.redeem(late, now + TAP_WITHIN + timedelta(seconds=1)) is None

    gone, kept = nonces.issue(task, now), nonces.issue(other, now)
    nonces.forget_tasks([task.key])
    assert nonces.redeem(gone, now) is None and nonces.redeem(kept, now) is other


def test_the_take_button_carries_the_server_s_access_key_only_when_there_is_one():
    assert (
        take_action("https://h/r", "n0nce", None) == "http, Take, https://h/r, method=POST, body=n0nce, clear=true"
    )
    assert "headers.Authorization=Bearer tk_1" in take_action("https://h/r", "n0nce", "tk_1")
