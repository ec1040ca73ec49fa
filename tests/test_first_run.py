"""First run: a welcome page while no account exists (not in the demo), and an empty list that says why it is
empty and what to do next."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from surveydesk.autostart import Autostart, launch_command
from surveydesk.core.clock import SystemClock
from surveydesk.core.money import Money
from surveydesk.feed.rules import Rules
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.shell_controller import ShellController, demo_starter
from tests.conftest import add_demo_account
from tests.factories import make_task, merge


@pytest.fixture
def demo_starts() -> list[str]:
    return []


def _build(qtbot, poller, database, tmp_path: Path, demo_starts: list[str], demo: bool = False, works=True):
    window = MainWindow(poller, SystemClock().now, demo=demo)
    qtbot.addWidget(window)
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(tmp_path / "config")})

    def start_demo() -> bool:
        demo_starts.append("demo")
        return works

    shell = ShellController(window, poller, SettingsStore(database), autostart, start_demo, demo=demo)
    window.show()
    return window, shell


def test_without_accounts_the_welcome_page_comes_first_and_explains(
    qtbot, poller, database, tmp_path, demo_starts
):
    window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    assert shell.welcome is not None
    assert window.tabs.currentWidget() is shell.welcome
    assert window.tabs.tabText(0) == "Welcome"
    assert "one list" in shell.welcome.explanation.text()
    assert all(spec.name in shell.welcome.explanation.text() for spec in BUILT_IN)
    assert shell.welcome.explanation.textFormat() == Qt.TextFormat.PlainText


def test_add_an_account_opens_the_accounts_dialog(qtbot, poller, database, tmp_path, demo_starts):
    window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    with qtbot.waitSignal(window.accounts_requested) as asked:
        qtbot.mouseClick(shell.welcome.add_button, Qt.MouseButton.LeftButton)
    assert asked.args == [None]


def test_try_the_demo_starts_it_and_says_so(qtbot, poller, database, tmp_path, demo_starts):
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    qtbot.mouseClick(shell.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert demo_starts == ["demo"]
    assert "window of its own" in shell.welcome.status.text()


def test_a_demo_that_cannot_start_is_said(qtbot, poller, database, tmp_path, demo_starts):
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_starts, works=False)
    qtbot.mouseClick(shell.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert "could not be started" in shell.welcome.status.text()


def test_the_first_account_replaces_the_welcome_page_with_the_list(
    qtbot, poller, exchange, database, tmp_path, demo_starts
):
    window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    add_demo_account(poller, exchange)
    assert shell.welcome is None
    assert window.tabs.currentWidget().isAncestorOf(window.table)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Tasks"]


def test_no_welcome_page_in_the_demo_or_with_accounts(qtbot, poller, exchange, database, tmp_path, demo_starts):
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_starts, demo=True)
    assert shell.welcome is None
    add_demo_account(poller, exchange)
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    assert shell.welcome is None


def test_the_empty_list_says_what_to_do_at_each_stage(qtbot, poller, exchange, database, tmp_path, demo_starts):
    window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    hint = shell.hint.label
    assert not hint.isHidden()
    assert "No platform account yet" in hint.text() and "Accounts…" in hint.text()

    add_demo_account(poller, exchange)
    assert hint.text() == "Waiting for the first check of your accounts…"

    window.pause_action.setChecked(True)
    assert "Checking is paused" in hint.text()
    window.pause_action.setChecked(False)

    window.model.task_list.apply(merge(new=[make_task("a", reward=Money(20, "GBP")), make_task("b")]))
    assert hint.isHidden()

    window.proxy.set_rules(Rules(min_reward=Money(1000, "GBP")))
    assert not hint.isHidden()
    assert "All 2 tasks are outside your rules" in hint.text()
    assert "Show hidden tasks" in hint.text()
    window.show_hidden_action.setChecked(True)
    assert hint.isHidden()
    window.show_hidden_action.setChecked(False)
    window.proxy.set_rules(Rules())

    window.search.setText("nothing has this title")
    assert "No task matches your search" in hint.text()
    assert "all 2 tasks" in hint.text()
    window.search.clear()
    assert hint.isHidden()


def test_an_account_checked_with_no_open_task_says_it_checks_again(
    qtbot, poller, exchange, database, tmp_path, demo_starts
):
    empty = json.dumps({"results": [], "_links": {"next": {"href": None}}, "meta": {"count": 0}}).encode()
    exchange.inject_fault("prolific", 200, empty)
    add_demo_account(poller, exchange)
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    poller.start()
    qtbot.waitUntil(lambda: "No open task right now" in shell.hint.label.text(), timeout=10_000)


def test_accounts_that_all_fail_point_to_their_status(qtbot, poller, exchange, database, tmp_path, demo_starts):
    add_demo_account(poller, exchange, token="wrong")
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_starts)
    poller.start()
    qtbot.waitUntil(lambda: "could be checked" in shell.hint.label.text(), timeout=10_000)
    assert "status below" in shell.hint.label.text()


def test_the_demo_starter_starts_a_process_of_its_own_with_demo(qtbot, tmp_path: Path):
    marker = tmp_path / "started-with.txt"
    script = f"import sys, pathlib; pathlib.Path({str(marker)!r}).write_text(' '.join(sys.argv[1:]))"
    assert demo_starter([sys.executable, "-c", script])()
    qtbot.waitUntil(lambda: marker.exists() and marker.read_text() == "--demo", timeout=10_000)


def test_a_demo_starter_without_a_program_says_it_failed(qtbot, tmp_path: Path):
    assert not demo_starter([str(tmp_path / "no-such-program")])()
