"""What the first frame does not need waits for it (bench/startup.py), and never longer than a moment."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QMainWindow

from surveydesk.ui.first_frame import LATEST_MS, FirstFrame


def test_work_waits_for_the_windows_first_frame_then_runs_once_in_order(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    first_frame = FirstFrame(window)
    done: list[str] = []
    first_frame.later(lambda: done.append("history"))
    first_frame.later(lambda: done.append("polls"))
    qtbot.wait(10)  # the event loop turns: nothing is painted yet, nothing runs
    assert done == []
    window.show()
    qtbot.waitUntil(lambda: done == ["history", "polls"], timeout=LATEST_MS // 2)
    first_frame.later(lambda: done.append("after"))  # once the frame is there, at once
    assert done == ["history", "polls", "after"]
    qtbot.wait(50)
    assert done == ["history", "polls", "after"]


def test_a_window_not_shown_holds_nothing_back_for_long(qtbot):
    window = QMainWindow()  # started hidden in the tray
    qtbot.addWidget(window)
    first_frame = FirstFrame(window)
    began = time.monotonic()
    done: list[float] = []
    first_frame.later(lambda: done.append(time.monotonic() - began))
    qtbot.waitUntil(lambda: bool(done), timeout=LATEST_MS * 3)
    assert done[0] >= LATEST_MS / 1000 * 0.9
