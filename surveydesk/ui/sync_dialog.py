"""File ▸ Sync between computers…: where the log is replicated (server, database, user; the password to the
keyring), a test, "Sync now", when the last sync succeeded, and in plain words what travels between the worker's
computers."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.clock import Clock
from surveydesk.secrets import SecretStore, SecretsUnavailable
from surveydesk.services.background import Background
from surveydesk.services.sync_service import SyncService
from surveydesk.sync.target import SyncSettings, SyncTarget, TargetError, describe_connection
from surveydesk.ui.formatting import format_date_time
from surveydesk.ui.keep_secret import keep_secret
from surveydesk.ui.text import plain_label, translated

# The database a first set-up proposes: shown as the field's value, so that leaving it as it is works.
DEFAULT_DATABASE = "surveydesk"


class SyncDialog(QDialog):
    """Edits this computer's sync target; saving it (or "Sync now") starts an exchange through the service."""

    def __init__(
        self,
        settings: SyncSettings,
        secrets: SecretStore,
        service: SyncService,
        clock: Clock,
        background: Background,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync between computers"))
        self.resize(560, 440)
        self._settings = settings
        self._secrets = secrets
        self._service = service
        self._clock = clock
        self._background = background

        self.server_url = QLineEdit(self)
        self.server_url.setPlaceholderText(self.tr("https://couch.example.org"))
        self.database = QLineEdit(DEFAULT_DATABASE, self)  # a value to keep or change, not a grey example
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.include_profile = QCheckBox(self.tr("Also replicate my profile answers"), self)
        self.explanation = plain_label(self)
        self.explanation.setWordWrap(True)
        self.explanation.setText(self._what_travels())
        self.feedback = plain_label(self)
        self.feedback.setWordWrap(True)
        self.state = plain_label(self)
        self.state.setWordWrap(True)
        self.last_success = plain_label(self)

        self.test_button = QPushButton(self.tr("Test"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.sync_button = QPushButton(self.tr("Sync now"), self)
        self.sync_button.clicked.connect(self.sync_now)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.turn_off_button = QPushButton(self.tr("Turn sync off"), self)
        self.turn_off_button.clicked.connect(self.turn_off)

        form = QFormLayout()
        form.addRow(self.tr("Server address:"), self.server_url)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", self.include_profile)
        actions = QHBoxLayout()
        actions.addWidget(self.turn_off_button)
        actions.addStretch(1)
        actions.addWidget(self.test_button)
        actions.addWidget(self.sync_button)
        actions.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.explanation)
        layout.addWidget(self.feedback)
        layout.addWidget(self.state)
        layout.addWidget(self.last_success)
        layout.addStretch(1)
        layout.addLayout(actions)
        layout.addWidget(close)

        service.state_changed.connect(self._show_state)
        service.synced.connect(self._on_synced)  # a method, so the connection ends with the dialog
        self._load()

    def _what_travels(self) -> str:
        return "\n".join(
            (
                self.tr("What is replicated between your computers:"),
                self.tr("• Earnings log entries and the history of their status, with your notes"),
                self.tr("• Timed attempts at tasks and your shifts, once they are finished"),
                self.tr(
                    "• Your rules for the task list and for alerts, your alert settings, country and minimum wage"
                ),
                self.tr("• Your profile answers, only if you tick the box above"),
                self.tr("Never: platform logins, passwords, or these sync settings themselves."),
            )
        )

    def _load(self) -> None:
        target = self._settings.target()
        if target is not None:
            self.server_url.setText(target.server_url)
            self.database.setText(target.database)
            self.user.setText(target.user)
            self.password.setPlaceholderText(self.tr("kept in your keyring; type to change it"))
        self.include_profile.setChecked(self._settings.include_profile())
        if self._secrets.problem:
            self.feedback.setText(translated(self._secrets.problem))
        self._show_state(self._service.state)
        self._show_last_success()

    def _show_state(self, text: str) -> None:
        self.state.setText(text)

    def _on_synced(self, _report: object) -> None:
        self._show_last_success()

    def _show_last_success(self) -> None:
        last = self._settings.last_success()
        self.last_success.setText(
            self.tr("Last successful sync: {0}").format(format_date_time(last.astimezone()))
            if last is not None
            else self.tr("Last successful sync: never")
        )

    def _target_from_form(self) -> SyncTarget | None:
        target = SyncTarget(self.server_url.text().strip(), self.database.text().strip(), self.user.text().strip())
        try:
            target.check()
        except TargetError as problem:
            self.feedback.setText(translated(problem.message))
            return None
        return target

    def _password_for(self, target: SyncTarget) -> str | None:
        typed = self.password.text()
        if typed:
            return typed
        try:
            return self._secrets.get(target.secret_key)
        except SecretsUnavailable as problem:
            self.feedback.setText(translated(problem.message))
            return None

    # --- actions -------------------------------------------------------------------------------------------

    def test_connection(self) -> None:
        """Reach the server with what the form says, on the pool, and say what was found."""
        target = self._target_from_form()
        if target is None:
            return
        password = self._password_for(target)
        if password is None:
            self.feedback.setText(self.tr("Enter the password to test the connection."))
            return
        self.feedback.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)
        clock = self._clock
        self._background.run(
            lambda: describe_connection(target, password, clock), self._tested, self._test_crashed
        )

    def _tested(self, words: str) -> None:
        self.test_button.setEnabled(True)
        self.feedback.setText(translated(words))

    def _test_crashed(self, _error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.feedback.setText(self.tr("The test failed with an error of ours; see the log file."))

    def save(self) -> bool:
        """Keep the target here and the password in the keyring; the service syncs with them at once."""
        target = self._target_from_form()
        if target is None:
            return False
        typed = self.password.text()
        if typed and not keep_secret(self, self._secrets, target.secret_key, typed, self.feedback):
            return False
        self._settings.set_target(target)
        self._settings.set_include_profile(self.include_profile.isChecked())
        self.password.clear()
        self.password.setPlaceholderText(self.tr("kept in your keyring; type to change it"))
        self.feedback.setText(self.tr("Saved."))
        self._service.settings_changed()
        return True

    def sync_now(self) -> None:
        if self.save():
            self.feedback.setText(self.tr("Syncing…"))

    def turn_off(self) -> None:
        target = self._settings.target()
        self._settings.set_target(None)
        if target is not None:
            try:
                self._secrets.delete(target.secret_key)
            except SecretsUnavailable as problem:
                self.feedback.setText(translated(problem.message))
        self.server_url.clear()
        self.database.setText(DEFAULT_DATABASE)
        self.user.clear()
        self.password.clear()
        self._service.settings_changed()
        self.feedback.setText(self.tr("Sync is off. Nothing on the server was deleted."))
