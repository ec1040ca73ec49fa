"""Small helpers for showing text safely: plain-text labels for untrusted words, local times for UTC ones."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from surveydesk.secrets import SecretsUnavailable


def plain_label(parent: QWidget) -> QLabel:
    """A label that never interprets markup: titles, names and server messages are untrusted text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def local_time(moment: datetime | None) -> str:
    """A stored UTC time shown in the worker's own time zone."""
    return "" if moment is None else moment.astimezone().strftime("%H:%M:%S")


def keyring_text(problem: str | SecretsUnavailable) -> str:
    """The keyring's trouble (secrets.py writes it in English, marked for translation) in the worker's language."""
    if isinstance(problem, SecretsUnavailable):
        return QCoreApplication.translate("KeyringSecrets", problem.template).format(*problem.values)
    return QCoreApplication.translate("KeyringSecrets", problem)
