"""Preferences: the interface's language and whether SurveyDesk starts when the worker logs in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from surveydesk.autostart import Autostart
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.text import plain_label
from surveydesk.ui.translations import LANGUAGES, SYSTEM_LANGUAGE, choose_language, chosen_language


class PreferencesDialog(QDialog):
    """Saved on OK; the language at the next start (every window's words are chosen when it is built)."""

    def __init__(self, settings: SettingsStore, autostart: Autostart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self._autostart = autostart
        self._language_at_open = chosen_language(settings)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("As the system is set"), SYSTEM_LANGUAGE)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._language_at_open)))
        self.start_at_login = QCheckBox(self.tr("&Start SurveyDesk when I log in"), self)
        self.start_at_login.setChecked(autostart.is_enabled())
        self.message = plain_label(self)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.start_at_login)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
            Qt.Orientation.Horizontal,
            self,
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def save(self) -> None:
        """Store the choices; a start-at-login entry that cannot be written is said, and the dialog stays."""
        choose_language(self._settings, self.language.currentData())
        wanted = self.start_at_login.isChecked()
        if wanted != self._autostart.is_enabled():
            try:
                self._autostart.set_enabled(wanted)
            except OSError as error:
                self.message.setText(
                    self.tr("Could not change the start at login ({0}): {1}").format(
                        str(self._autostart.path), error.strerror or str(error)
                    )
                )
                return
        self.accept()

    @property
    def language_changed(self) -> bool:
        return chosen_language(self._settings) != self._language_at_open
