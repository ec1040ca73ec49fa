"""Preferences: the interface's language, whether SurveyDesk starts when the worker logs in, and whether it is
in the applications menu (offered only when no package put it there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from surveydesk.autostart import Autostart
from surveydesk.menu_entry import MenuEntry
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.text import plain_label
from surveydesk.ui.translations import LANGUAGES, SYSTEM_LANGUAGE, choose_language, chosen_language


class PreferencesDialog(QDialog):
    """Saved on OK; the language at the next start (every window's words are chosen when it is built)."""

    def __init__(
        self,
        settings: SettingsStore,
        autostart: Autostart,
        menu_entry: MenuEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self._autostart = autostart
        self._menu_entry = menu_entry
        self._language_at_open = chosen_language(settings)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("As the system is set"), SYSTEM_LANGUAGE)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._language_at_open)))
        self.start_at_login = QCheckBox(self.tr("&Start SurveyDesk when I log in"), self)
        self.start_at_login.setChecked(autostart.is_enabled())
        self.in_menu = QCheckBox(self.tr("Show SurveyDesk in the &applications menu"), self)
        self.in_menu.setChecked(menu_entry is not None and menu_entry.is_installed())
        self.in_menu.setVisible(menu_entry is not None)
        self.message = plain_label(self)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.start_at_login)
        form.addRow("", self.in_menu)
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
        """Store the choices; a desktop entry that cannot be written is said, and the dialog stays.

        A wanted entry is written again even when it is there: it then starts this copy of SurveyDesk, also
        after the bundle was moved or a new version unpacked elsewhere.
        """
        choose_language(self._settings, self.language.currentData())
        wanted = self.start_at_login.isChecked()
        if wanted or self._autostart.is_enabled():
            try:
                self._autostart.set_enabled(wanted)
            except OSError as error:
                self._say(self.tr("Could not change the start at login ({0}): {1}"), self._autostart.path, error)
                return
        entry = self._menu_entry
        if entry is not None and (self.in_menu.isChecked() or entry.is_installed()):
            try:
                entry.set_installed(self.in_menu.isChecked())
            except OSError as error:
                self._say(self.tr("Could not change the applications menu ({0}): {1}"), entry.path, error)
                return
        self.accept()

    def _say(self, template: str, path: Path, error: OSError) -> None:
        self.message.setText(template.format(str(path), error.strerror or str(error)))

    @property
    def language_changed(self) -> bool:
        return chosen_language(self._settings) != self._language_at_open
