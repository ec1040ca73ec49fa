"""Keeping a secret the worker typed: in the keyring, or, when there is none, for this run only if they agree."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from surveydesk.core.model import AccountKey
from surveydesk.secrets import SecretStore, SecretsUnavailable, SecretsWithRunOnlyFallback
from surveydesk.ui.text import translated


def keep_secret(parent: QWidget, secrets: SecretStore, key: AccountKey, secret: str, said: QLabel) -> bool:
    """Whether the secret is kept; when it is not, `said` tells why (or the worker declined)."""
    try:
        secrets.set(key, secret)
    except SecretsUnavailable as problem:
        if not isinstance(secrets, SecretsWithRunOnlyFallback):
            said.setText(translated(problem.message))
            return False
        question = QCoreApplication.translate(
            "SecretsWithRunOnlyFallback",
            "{0}\n\nKeep it for this run of SurveyDesk only? It will not be written anywhere.",
        )
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("SecretsWithRunOnlyFallback", "No keyring"),
            question.format(translated(problem.message)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        secrets.keep_for_this_run(key, secret)
    return True
