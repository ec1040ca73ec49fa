"""The screenshot tour's own checks (tests/screenshot_harness.py), on widgets whose faults are known."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tests.screenshot_harness import cut_texts

LONG = "SurveyDesk keeps every task you timed, and this sentence wraps onto several lines at this width. " * 3


def _shown_label(qtbot, height: int | None) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel(LONG, window)
    label.setWordWrap(True)
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    window.resize(300, 600)
    if height is not None:
        label.setFixedHeight(height)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_wrapped_label_too_short_for_its_lines_is_cut(qtbot) -> None:
    """Its last lines were clipped and the check passed it over, since a wrapping label grows in height."""
    cut = cut_texts(_shown_label(qtbot, height=20))
    assert len(cut) == 1 and cut[0].startswith("wrapped label 'SurveyDesk keeps") and "has 20" in cut[0]


def test_a_wrapped_label_given_its_lines_is_not_cut(qtbot) -> None:
    assert cut_texts(_shown_label(qtbot, height=None)) == []
