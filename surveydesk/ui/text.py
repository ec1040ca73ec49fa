"""Small helpers for showing text safely: plain-text labels for untrusted words, local times for UTC ones."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(parent: QWidget) -> QLabel:
    """A label that never interprets markup: titles, names and server messages are untrusted text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in the worker's own time zone."""
    return "" if moment is None else moment.astimezone().strftime("%H:%M:%S")
