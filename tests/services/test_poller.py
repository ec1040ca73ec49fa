"""The poller over real loopback HTTP: results arrive by signal, errors become visible statuses, back-off holds."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from surveydesk.core.clock import SystemClock
from surveydesk.core.connector import Connector
from surveydesk.core.model import Account, AccountKey, PlatformStatus, PollState
from surveydesk.core.politeness import RATE_LIMIT_BUFFER, Politeness
from surveydesk.demo import DemoExchange
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.poller import Poller
from tests.conftest import DEMO, add_demo_account
from tests.windows import attached_window


def _wait_for_state(qtbot, poller, key: AccountKey, state: PollState) -> PlatformStatus:
    statuses: list[PlatformStatus] = []

    def reached(status: PlatformStatus) -> bool:
        statuses.append(status)
        return status.account == key and status.state is state

    with qtbot.waitSignal(poller.status_changed, timeout=10_000, check_params_cb=reached):
        pass
    return statuses[-1]


def test_first_poll_stores_tasks_and_reports_them(qtbot, poller, exchange, store):
    add_demo_account(poller, exchange)
    with qtbot.waitSignal(poller.tasks_changed, timeout=10_000) as changed:
        poller.start()
    result = changed.args[0]
    assert result.account == DEMO
    assert len(result.new) > 0
    assert {task.external_id for task in result.new} == {task.external_id for task in store.current_tasks(DEMO)}


def test_ok_status_counts_tasks_and_schedules_next_poll_after_the_interval(qtbot, poller, exchange):
    add_demo_account(poller, exchange, interval=timedelta(seconds=30))
    poller.start()
    status = _wait_for_state(qtbot, poller, DEMO, PollState.OK)
    assert status.task_count > 0
    assert status.last_success is not None
    assert status.next_poll - status.last_success == timedelta(seconds=30)


def test_expired_login_is_shown_in_words_and_other_accounts_go_on(qtbot, poller, exchange):
    stale = AccountKey("prolific", "stale")
    add_demo_account(poller, exchange, key=stale, token="expired-token")
    add_demo_account(poller, exchange)
    poller.start()
    failed = _wait_for_state(qtbot, poller, stale, PollState.ERROR)
    assert failed.error_kind == "auth"
    assert "expired" in failed.message.lower()
    assert "expired-token" not in failed.message
    qtbot.waitUntil(lambda: any(s.account == DEMO and s.state is PollState.OK for s in poller.statuses()))


def test_rate_limit_waits_for_the_servers_hint(qtbot, poller, exchange):
    exchange.inject_fault(
        "prolific", 429, b'{"error": {"detail": "Request was throttled. Expected available in 90 seconds."}}'
    )
    add_demo_account(poller, exchange, interval=timedelta(seconds=10))
    poller.start()
    status = _wait_for_state(qtbot, poller, DEMO, PollState.ERROR)
    assert status.error_kind == "rate-limited"
    assert status.next_poll is not None
    now = status.next_poll - RATE_LIMIT_BUFFER - timedelta(seconds=90)
    assert abs((now - datetime.now(UTC)).total_seconds()) < 5


def test_server_error_backs_off_then_check_now_recovers(qtbot, poller, exchange):
    exchange.inject_fault("prolific", 503, b"<html>Service Unavailable</html>", content_type="text/html")
    politeness = add_demo_account(poller, exchange, interval=timedelta(seconds=10))
    poller.start()
    status = _wait_for_state(qtbot, poller, DEMO, PollState.ERROR)
    assert status.error_kind == "unavailable"
    assert politeness.failures == 1
    assert status.next_poll - datetime.now(UTC) > timedelta(seconds=15)
    poller.poll_all_now()
    _wait_for_state(qtbot, poller, DEMO, PollState.OK)
    assert politeness.failures == 0


def test_a_malformed_reply_keeps_what_was_stored(qtbot, poller, exchange, store):
    add_demo_account(poller, exchange)
    poller.start()
    _wait_for_state(qtbot, poller, DEMO, PollState.OK)
    before = store.current_tasks(DEMO)
    exchange.inject_fault("prolific", 200, b'{"results": [{"id": 5}]}')
    poller.poll_all_now()
    status = _wait_for_state(qtbot, poller, DEMO, PollState.ERROR)
    assert status.error_kind == "bad-payload"
    assert store.current_tasks(DEMO) == before


def test_paused_poller_sends_nothing_until_resumed(qtbot, poller, exchange):
    add_demo_account(poller, exchange)
    poller.set_paused(True)
    poller.start()
    qtbot.waitUntil(lambda: poller.statuses()[0].message == "Paused")
    assert poller.statuses()[0].last_success is None
    poller.set_paused(False)
    _wait_for_state(qtbot, poller, DEMO, PollState.OK)


class _GatedConnector:
    """A connector that holds its request open until the test lets it go, and records what ran at once."""

    def __init__(self, account: AccountKey, gate: threading.Event, log: list[tuple[str, AccountKey]]) -> None:
        self.account = account
        self._gate = gate
        self._log = log

    def fetch_tasks(self) -> list:
        self._log.append(("start", self.account))
        self._gate.wait(10)
        self._log.append(("end", self.account))
        return []


def _most_at_once(log: list[tuple[str, AccountKey]], platform: str) -> int:
    running = most = 0
    for event, key in log:
        if key.platform == platform:
            running += 1 if event == "start" else -1
            most = max(most, running)
    return most


def test_one_request_at_a_time_per_platform_while_other_platforms_go_on(qtbot, poller):
    gate, log = threading.Event(), []
    keys = [AccountKey("prolific", "a"), AccountKey("prolific", "b"), AccountKey("mturk", "c")]
    for key in keys:
        account = Account(key, key.account, "http://127.0.0.1:9")
        poller.add_account(account, _GatedConnector(key, gate, log), Politeness(timedelta(minutes=5)))
    poller.start()
    qtbot.waitUntil(lambda: {key for event, key in log if event == "start"} == {keys[0], keys[2]})
    assert ("start", keys[1]) not in log  # the second Prolific account waits for the first

    gate.set()
    qtbot.waitUntil(lambda: all(status.state is PollState.OK for status in poller.statuses()), timeout=10_000)
    assert _most_at_once(log, "prolific") == 1
    assert log.count(("end", keys[1])) == 1


def test_accounts_can_be_replaced_and_removed_while_polling(qtbot, poller, exchange):
    add_demo_account(poller, exchange, token="wrong")
    poller.start()
    qtbot.waitUntil(lambda: poller.statuses()[0].state is PollState.ERROR)
    add_demo_account(poller, exchange)  # the worker fixed the login
    qtbot.waitUntil(lambda: poller.statuses()[0].state is PollState.OK)
    with qtbot.waitSignal(poller.account_removed) as removed:
        poller.remove_account(DEMO)
    assert removed.args == [DEMO] and poller.statuses() == []


FLOOR = timedelta(seconds=20)  # Prolific's


@pytest.fixture
def floored(qtbot, store, pool) -> Iterator[Poller]:
    """A poller that keeps Prolific's floor, as the composition root builds it."""
    service = Poller(store, SystemClock(), pool, floor_of=lambda _platform: FLOOR)
    yield service
    service.stop()
    pool.waitForDone(10_000)


def test_check_now_keeps_the_platforms_floor_and_says_when(qtbot, floored, exchange):
    add_demo_account(floored, exchange, interval=timedelta(seconds=60))
    floored.start()
    polled = _wait_for_state(qtbot, floored, DEMO, PollState.OK)
    for _ in range(3):  # an impatient worker
        with qtbot.waitSignal(floored.status_changed, timeout=5_000) as told:
            floored.poll_all_now()
        status = told.args[0]
        assert status.state is PollState.OK  # nothing went out
        # The floor counts from when the request went out, a moment before the success was recorded.
        assert polled.last_success - timedelta(seconds=2) < status.next_poll - FLOOR <= polled.last_success


def test_check_now_honours_a_503s_retry_after_and_keeps_the_back_off(qtbot, poller, exchange):
    exchange.inject_fault("prolific", 503, b"busy", content_type="text/plain", headers=(("Retry-After", "30"),))
    politeness = add_demo_account(poller, exchange, interval=timedelta(seconds=10))
    poller.start()
    failed = _wait_for_state(qtbot, poller, DEMO, PollState.ERROR)
    assert failed.next_poll - datetime.now(UTC) > timedelta(seconds=30)
    with qtbot.waitSignal(poller.status_changed, timeout=5_000) as told:
        poller.poll_all_now()
    assert told.args[0].state is PollState.ERROR and told.args[0].next_poll >= failed.next_poll - timedelta(
        seconds=1
    )
    assert politeness.failures == 1  # the back-off is cut short by nothing but a success


def test_check_now_after_an_error_does_not_forget_the_back_off(qtbot, poller, exchange):
    for _ in range(2):
        exchange.inject_fault("prolific", 500, b"<html>oops</html>", content_type="text/html")
    politeness = add_demo_account(poller, exchange, interval=timedelta(seconds=10))
    poller.start()
    first = _wait_for_state(qtbot, poller, DEMO, PollState.ERROR)
    poller.poll_all_now()
    _wait_for_state(qtbot, poller, DEMO, PollState.POLLING)
    second = _wait_for_state(qtbot, poller, DEMO, PollState.ERROR)
    assert politeness.failures == 2  # twice 10 s, then four times, each with up to a quarter more
    assert first.next_poll - datetime.now(UTC) < timedelta(seconds=26)
    assert second.next_poll - datetime.now(UTC) > timedelta(seconds=38)


def test_the_window_says_when_an_impatient_check_will_happen(qtbot, floored, exchange):

    window = attached_window(floored, SystemClock().now)
    qtbot.addWidget(window)
    add_demo_account(floored, exchange, interval=timedelta(seconds=60))
    window.check_now_action.trigger()
    assert window.statusBar().currentMessage() == "Checking every account now."
    floored.start()
    _wait_for_state(qtbot, floored, DEMO, PollState.OK)
    window.check_now_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Accounts checked moments ago wait as their platform asks; all are checked by ")


def test_an_account_is_listed_at_once_and_its_connector_built_at_its_first_poll_on_the_pool(
    qtbot, poller, exchange, store
):
    """Start-up lists every account in the window's first frame; the connectors (the platforms' readers, requests:
    about 0.1 s the first time) are built after it, when the polls start, in the first poll's job on the pool:
    built on the GUI thread, they paused the window just after it showed."""
    account = Account(DEMO, DEMO.account, exchange.prolific_url)
    secrets = MemorySecrets({DEMO: DemoExchange.PROLIFIC_TOKEN})
    built: list[tuple[AccountKey, bool]] = []  # each account built, and whether on the GUI thread

    def build() -> Connector:
        built.append((account.key, threading.current_thread() is threading.main_thread()))
        return BUILT_IN.build_connector(account, secrets, SystemClock())

    with qtbot.waitSignal(poller.status_changed, timeout=1_000) as listed:
        poller.add_account_built_later(account, build, Politeness(min_interval=timedelta(seconds=30)))
    assert (listed.args[0].account, listed.args[0].state) == (DEMO, PollState.WAITING)
    assert [status.account for status in poller.statuses()] == [DEMO]
    assert poller.built_connector_of(DEMO) is None  # asking what a connector learnt builds none
    assert built == []
    with qtbot.waitSignal(poller.tasks_changed, timeout=10_000) as changed:
        poller.start()
    assert built == [(DEMO, False)]
    assert {task.external_id for task in changed.args[0].new} == {t.external_id for t in store.current_tasks(DEMO)}
    assert poller.connector_of(DEMO) is poller.connector_of(DEMO) is poller.built_connector_of(DEMO)  # built once
    assert built == [(DEMO, False)]
