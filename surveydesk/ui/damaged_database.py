"""The question asked before any window when the database is damaged: put back the newest sound backup, or quit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from surveydesk.store.backups import Backup
from surveydesk.ui.application import create_application
from surveydesk.ui.formatting import format_date
from surveydesk.ui.translations import SYSTEM_LANGUAGE, install_translators


class DamagedDatabaseBox(QMessageBox):
    """The message in words, with a button that puts the backup back when there is a sound one."""

    def __init__(self, database_path: Path, backup: Backup | None) -> None:
        super().__init__()
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("SurveyDesk's data is damaged"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        damaged = self.tr(
            "The file where SurveyDesk keeps your data is damaged:\n{0}\n\n"
            "SurveyDesk did not open it, so nothing more was written to it."
        ).format(database_path)
        self.restore_button: QPushButton | None = None
        if backup is None:
            advice = self.tr(
                "There is no sound backup to put in its place. Keep this file: it may still hold your data."
            )
            self.setText(f"{damaged}\n\n{advice}")
            self.setStandardButtons(QMessageBox.StandardButton.Close)
            return
        day = format_date(backup.day)
        question = self.tr(
            "SurveyDesk keeps a copy of your data every day. Put back the copy of {0}? What you did after it "
            "is not in it. The damaged file stays beside it, renamed."
        ).format(day)
        self.setText(f"{damaged}\n\n{question}")
        self.restore_button = self.addButton(
            self.tr("Put back the copy of {0}").format(day), QMessageBox.ButtonRole.AcceptRole
        )
        self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button)

    def restore_chosen(self) -> bool:
        return self.restore_button is not None and self.clickedButton() is self.restore_button


def ask_to_restore(database_path: Path, backup: Backup | None) -> bool:
    """Whether the worker chose to put `backup` back (always False without one, after saying so).

    The worker's language choice is stored in the damaged file, so the question is asked in the system's."""
    app = create_application(["surveydesk"])
    install_translators(app, SYSTEM_LANGUAGE)
    box = DamagedDatabaseBox(database_path, backup)
    box.exec()
    return box.restore_chosen()
