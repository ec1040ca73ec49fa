"""A logout, a shutdown, SIGTERM or Ctrl+C end SurveyDesk cleanly: the timer is suspended, nothing is left to ask
about at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import SIGNAL

from surveydesk.core.clock import SystemClock
from surveydesk.paths import AppPaths
from surveydesk.services.stop_signals import StopSignals
from surveydesk.store import Database
from surveydesk.ui.application import when_the_session_ends
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_stop_signal_suspends_the_timer_and_quits_cleanly(tmp_path: Path, number: signal.Signals) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.timing_child", "--data-dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "timing"
    child.send_signal(number)
    _, err = child.communicate(timeout=60)

    assert child.returncode == 0, err
    assert "Traceback" not in err
    with Database.open(AppPaths.under(tmp_path).database) as database:
        keeper = Timekeeper(WorkLog(database), SystemClock())
        assert keeper.interruptions() == []  # the next start asks about no "unexpected" stop
        (attempt,) = keeper.open_attempts()
        assert attempt.title == "A survey about tea"


def test_stop_signals_reach_the_event_loop_and_are_given_back(qtbot) -> None:
    before = signal.getsignal(signal.SIGTERM)
    stop = StopSignals()
    try:
        with qtbot.waitSignal(stop.received, timeout=5000) as received:
            signal.raise_signal(signal.SIGTERM)
        assert received.args == [signal.SIGTERM]
    finally:
        stop.close()
    assert signal.getsignal(signal.SIGTERM) is before


def test_the_end_of_the_desktop_session_quits_cleanly(qapp) -> None:
    asked: list[str] = []
    signature = SIGNAL("commitDataRequest(QSessionManager&)")
    before = qapp.receivers(signature)
    when_the_session_ends(qapp, lambda: asked.append("quit"))
    assert qapp.receivers(signature) == before + 1
