"""The alert settings: how many alerts a minute at most, quiet hours, a sound, and alerts on the phone."""

from __future__ import annotations

from datetime import time
from typing import cast

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from surveydesk.feed.alerts import AlertSettings
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.phone_alerts_section import PhoneAlertsSection
from surveydesk.ui.text import plain_label


def save_alert_settings(settings: SettingsStore, alerts: AlertSettings) -> None:
    """Store what the dialog shows, under the keys `feed_controller.alert_settings` reads."""
    settings.set("alerts.per_minute", alerts.per_minute)
    settings.set("alerts.quiet_from", alerts.quiet_from.isoformat() if alerts.quiet_from else "")
    settings.set("alerts.quiet_until", alerts.quiet_until.isoformat() if alerts.quiet_until else "")
    settings.set("alerts.sound", alerts.sound)


class AlertsDialog(QDialog):
    """Edits the alert settings; `changed` carries the new ones once saved."""

    changed = Signal(object)  # AlertSettings
    test_requested = Signal()  # a test alert on this computer's screen
    sound_test_requested = Signal()  # the alerts' sound, played once

    def __init__(
        self,
        settings: SettingsStore,
        current: AlertSettings,
        parent: QWidget | None = None,
        phone: PhoneAlertsSection | None = None,
    ) -> None:
        super().__init__(parent)
        self.phone = phone
        self.setWindowTitle(self.tr("Alerts"))
        self._settings = settings
        self.per_minute = QSpinBox(self)
        self.per_minute.setRange(0, 60)
        self.per_minute.setSpecialValueText(self.tr("none (count them in the tray only)"))
        self.per_minute.setValue(current.per_minute)
        self.quiet = QCheckBox(self.tr("Quiet hours"), self)
        self.quiet_from = QTimeEdit(self)
        self.quiet_from.setAccessibleName(self.tr("Quiet from"))
        self.quiet_until = QTimeEdit(self)
        self.quiet_until.setAccessibleName(self.tr("Quiet until"))
        for edit, value, fallback in (
            (self.quiet_from, current.quiet_from, time(22)),
            (self.quiet_until, current.quiet_until, time(7, 30)),
        ):
            edit.setDisplayFormat("HH:mm")
            chosen = value or fallback
            edit.setTime(QTime(chosen.hour, chosen.minute))
        self.quiet.setChecked(current.quiet_from is not None and current.quiet_until is not None)
        self.quiet.toggled.connect(self._on_quiet_toggled)
        self._on_quiet_toggled(self.quiet.isChecked())
        self.sound = QCheckBox(self.tr("Play a sound with each alert"), self)
        self.sound.setChecked(current.sound)
        self.test = QPushButton(self.tr("Send a test alert"), self)
        self.test.clicked.connect(self._on_test)
        self.test_said = self._outcome_label()
        self.test_sound = QPushButton(self.tr("Play the sound"), self)
        self.test_sound.clicked.connect(self._on_test_sound)
        self.sound_said = self._outcome_label()

        hours = QHBoxLayout()
        hours.addWidget(self.quiet)
        hours.addWidget(self.quiet_from)
        hours.addWidget(self.quiet_until)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.setParent(self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        computer = QWidget(self)
        form = QFormLayout(computer)
        form.addRow(self.tr("Alerts a minute, at most:"), self.per_minute)
        form.addRow(hours)
        form.addRow(self.sound)
        form.addRow(self.test, self.test_said)
        form.addRow(self.test_sound, self.sound_said)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(computer, self.tr("On this computer"))
        if phone is not None:
            phone.setParent(self)
            self.tabs.addTab(phone, self.tr("On my phone"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def show_desktop_test(self, words: str) -> None:
        """How the test alert went, in words, beside its button."""
        self.test_said.setText(words)

    def show_sound_test(self, words: str) -> None:
        self.sound_said.setText(words)

    def _outcome_label(self) -> QLabel:
        label = plain_label(self)
        label.setWordWrap(True)
        return label

    def _on_test(self) -> None:
        self.test_said.setText(self.tr("Sending a test alert…"))
        self.test_requested.emit()

    def _on_test_sound(self) -> None:
        self.sound_said.setText(self.tr("Playing the sound…"))
        self.sound_test_requested.emit()

    def chosen(self) -> AlertSettings:
        quiet = self.quiet.isChecked()
        return AlertSettings(
            per_minute=self.per_minute.value(),
            # PySide6 types QTime.toPython() as object; it gives a datetime.time.
            quiet_from=cast(time, self.quiet_from.time().toPython()) if quiet else None,
            quiet_until=cast(time, self.quiet_until.time().toPython()) if quiet else None,
            sound=self.sound.isChecked(),
        )

    def save(self) -> None:
        if self.phone is not None and not self.phone.save():
            self.tabs.setCurrentWidget(self.phone)  # where it says what to put right
            return
        alerts = self.chosen()
        save_alert_settings(self._settings, alerts)
        self.changed.emit(alerts)
        self.accept()

    def _on_quiet_toggled(self, on: bool) -> None:
        self.quiet_from.setEnabled(on)
        self.quiet_until.setEnabled(on)
