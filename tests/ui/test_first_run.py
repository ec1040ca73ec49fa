"""First run: a welcome page while no account exists (not in the demo), and an empty list that says why it is
empty and what to do next."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from surveydesk.autostart import Autostart, launch_command
from surveydesk.core.clock import SystemClock
from surveydesk.core.money import Money
from surveydesk.feed.rules import Rules
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.demo_launcher import DemoLauncher, demo_command
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.shell_controller import ShellController
from tests.conftest import add_demo_account
from tests.factories import HANDED_OVER, make_task, merge
from tests.windows import attached_window


def _build(qtbot, poller, database, tmp_path: Path, demo: bool = False, demo_command=HANDED_OVER):
    window = attached_window(poller, SystemClock().now, demo=demo)
    qtbot.addWidget(window)
    autostart = Autostart(launch_command(), {"XDG_CONFIG_HOME": str(tmp_path / "config")})
    launcher = DemoLauncher(demo_command)
    shell = ShellController(window, poller, SettingsStore(database), autostart, launcher, demo=demo)
    window.show()
    return window, shell


def test_without_accounts_the_welcome_page_comes_first_and_explains(qtbot, poller, database, tmp_path):
    window, shell = _build(qtbot, poller, database, tmp_path)
    assert shell.welcome is not None
    assert window.tabs.currentWidget() is shell.welcome
    assert window.tabs.tabText(0) == "Welcome"
    assert "one list" in shell.welcome.explanation.text()
    assert all(spec.name in shell.welcome.explanation.text() for spec in BUILT_IN)
    assert shell.welcome.explanation.textFormat() == Qt.TextFormat.PlainText


def test_add_an_account_opens_the_accounts_dialog(qtbot, poller, database, tmp_path):
    window, shell = _build(qtbot, poller, database, tmp_path)
    with qtbot.waitSignal(window.accounts_requested) as asked:
        qtbot.mouseClick(shell.welcome.add_button, Qt.MouseButton.LeftButton)
    assert asked.args == [None]


def test_try_the_demo_starts_it_and_says_so(qtbot, poller, database, tmp_path):
    _window, shell = _build(qtbot, poller, database, tmp_path)
    with qtbot.waitSignal(shell._demo.settled, timeout=10_000):
        qtbot.mouseClick(shell.welcome.demo_button, Qt.MouseButton.LeftButton)
        assert "window of its own" in shell.welcome.status.text()
    assert "window of its own" in shell.welcome.status.text()


def test_a_demo_that_cannot_start_is_said(qtbot, poller, database, tmp_path):
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_command=[str(tmp_path / "no-such-program")])
    qtbot.mouseClick(shell.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert "could not be started" in shell.welcome.status.text()


def test_the_first_account_replaces_the_welcome_page_with_the_list(qtbot, poller, exchange, database, tmp_path):
    window, shell = _build(qtbot, poller, database, tmp_path)
    add_demo_account(poller, exchange)
    assert shell.welcome is None
    assert window.tabs.currentWidget().isAncestorOf(window.table)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Tasks"]


def test_no_welcome_page_in_the_demo_or_with_accounts(qtbot, poller, exchange, database, tmp_path):
    _window, shell = _build(qtbot, poller, database, tmp_path, demo=True)
    assert shell.welcome is None
    add_demo_account(poller, exchange)
    _window, shell = _build(qtbot, poller, database, tmp_path)
    assert shell.welcome is None


def test_the_empty_list_says_what_to_do_at_each_stage(qtbot, poller, exchange, database, tmp_path):
    window, shell = _build(qtbot, poller, database, tmp_path)
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


def test_an_account_checked_with_no_open_task_says_it_checks_again(qtbot, poller, exchange, database, tmp_path):
    empty = json.dumps({"results": [], "_links": {"next": {"href": None}}, "meta": {"count": 0}}).encode()
    exchange.inject_fault("prolific", 200, empty)
    add_demo_account(poller, exchange)
    _window, shell = _build(qtbot, poller, database, tmp_path)
    poller.start()
    qtbot.waitUntil(lambda: "No open task right now" in shell.hint.label.text(), timeout=10_000)


def test_accounts_that_all_fail_point_to_their_status(qtbot, poller, exchange, database, tmp_path):
    add_demo_account(poller, exchange, token="wrong")
    _window, shell = _build(qtbot, poller, database, tmp_path)
    poller.start()
    qtbot.waitUntil(lambda: "could be checked" in shell.hint.label.text(), timeout=10_000)
    assert "status below" in shell.hint.label.text()


def test_a_demo_that_dies_as_it_starts_is_said_in_the_window(qtbot, poller, database, tmp_path):
    dies = [sys.executable, "-c", "import sys; sys.exit(\"No module named 'surveydesk.resources'\")"]
    _window, shell = _build(qtbot, poller, database, tmp_path, demo_command=dies)
    with qtbot.waitSignal(shell._demo.failed, timeout=10_000) as stopped:
        qtbot.mouseClick(shell.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert stopped.args == ["No module named 'surveydesk.resources'"]
    assert "stopped as soon as it started" in shell.welcome.status.text()


def test_the_demo_runs_the_installed_surveydesk_even_from_a_folder_holding_another(qtbot, tmp_path, monkeypatch):
    """Started from the project folder (where the README leaves the worker), `python -m surveydesk` imported the
    sources, which lack the built resources, and died."""
    sources = tmp_path / "surveydesk"
    sources.mkdir()
    (sources / "__init__.py").write_text("raise ImportError(\"No module named 'surveydesk.resources'\")\n")
    monkeypatch.chdir(tmp_path)
    command = demo_command()
    assert command[-1] == "--demo"
    launcher = DemoLauncher([*command, "--version"])  # the same start, stopping once the package is imported
    outcome: list[str] = []
    launcher.failed.connect(outcome.append)
    launcher.settled.connect(lambda: outcome.append("ran"))
    assert launcher.start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    assert outcome == ["ran"]
