"""The accounts dialog: add, edit, test and remove platform accounts; their secrets go to the keyring only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.clock import Clock
from surveydesk.core.errors import PlatformError
from surveydesk.core.model import Account, AccountKey, Task
from surveydesk.net.http import make_session
from surveydesk.platforms.registry import Registry
from surveydesk.platforms.spec import PlatformSpec
from surveydesk.secrets import MemorySecrets, SecretStore, SecretsUnavailable
from surveydesk.services.background import Background
from surveydesk.store import AccountStore
from surveydesk.ui.keep_secret import keep_secret
from surveydesk.ui.text import plain_label, translated


def describe_test_result(outcome: list[Task] | PlatformError) -> str:
    """What "Test connection" says, in words a worker understands."""
    if isinstance(outcome, PlatformError):
        return QCoreApplication.translate("AccountsDialog", "Not connected: {0}").format(
            translated(outcome.message)
        )
    count = len(outcome)
    if count == 1:
        return QCoreApplication.translate("AccountsDialog", "Connected: 1 task available right now.")
    return QCoreApplication.translate("AccountsDialog", "Connected: {0} tasks available right now.").format(count)


class AccountsDialog(QDialog):
    """Lists the worker's accounts; the form on the right edits the selected one or a new one."""

    account_saved = Signal(object)  # Account
    account_removed = Signal(object)  # AccountKey

    def __init__(
        self,
        accounts: AccountStore,
        secrets: SecretStore,
        clock: Clock,
        background: Background,
        registry: Registry,
        select: AccountKey | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(760, 420)
        self._accounts = accounts
        self._secrets = secrets
        self._clock = clock
        self._background = background
        self._registry = registry
        self._editing: Account | None = None

        self.account_list = QListWidget(self)
        self.account_list.setAccessibleName(self.tr("Accounts"))
        self.account_list.currentItemChanged.connect(self._on_current_changed)
        add_button = QPushButton(self.tr("Add account"), self)
        add_button.clicked.connect(self.new_account)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_current)

        self.platform = QComboBox(self)
        for spec in registry:
            self.platform.addItem(spec.name, spec.platform)
        self.platform.currentIndexChanged.connect(self._on_platform_changed)
        self.label = QLineEdit(self)
        self.label.setPlaceholderText(self.tr("A name for this account, e.g. your e-mail"))
        self.base_url = QLineEdit(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_help = plain_label(self)
        self.secret_help.setWordWrap(True)
        self.enabled = QCheckBox(self.tr("Check this account for tasks"), self)
        self.option_fields: dict[str, QLineEdit] = {}
        self.feedback = plain_label(self)
        self.feedback.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)

        self._form = QFormLayout()
        left = QVBoxLayout()
        left.addWidget(self.account_list, 1)
        row = QHBoxLayout()
        row.addWidget(add_button)
        row.addWidget(self.remove_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addLayout(self._form)
        right.addWidget(self.feedback)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.test_button)
        actions.addWidget(self.save_button)
        right.addLayout(actions)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)

        if secrets.problem:
            self.feedback.setText(translated(secrets.problem))
        self._reload(select)

    # --- what the buttons do ---------------------------------------------------------------------------------

    def new_account(self) -> None:
        self.account_list.setCurrentRow(-1)
        self._show(None)

    def save(self) -> None:
        account = self._account_from_form()
        if account is None:
            return
        secret = self.secret.text().strip()
        if self._editing is None and not secret:
            self.feedback.setText(
                self.tr("Paste the {0} first.").format(translated(self._spec().sign_in_label).lower())
            )
            return
        if secret and not keep_secret(self, self._secrets, account.key, secret, self.feedback):
            return
        if self._editing is not None and self._editing.key != account.key:
            self._forget(self._editing.key)
        self._accounts.save(account)
        self.secret.clear()
        self.feedback.setText(self.tr("Saved."))
        self.account_saved.emit(account)
        self._reload(account.key)

    def remove_current(self) -> None:
        if self._editing is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove account"),
            self.tr("Remove {0}? Its login is deleted from the keyring; your earnings are kept.").format(
                self._editing.label
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._forget(self._editing.key)
            self._reload(None)

    def test_connection(self) -> None:
        """Poll once with what the form says, on the pool, and say how it went."""
        account = self._account_from_form()
        if account is None:
            return
        typed = self.secret.text().strip()
        stored = self._secrets

        def secret() -> str | None:
            if typed:
                return typed
            try:
                return stored.get(account.key)
            except SecretsUnavailable:
                return None

        connector = self._spec().connector(account, secret, make_session(), self._clock)

        def poll_once() -> list[Task] | PlatformError:
            try:
                return connector.fetch_tasks()
            except PlatformError as error:
                return error

        self.feedback.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)
        self._background.run(poll_once, self._show_test_result, self._show_test_failure)

    # --- form ------------------------------------------------------------------------------------------------

    def _reload(self, select: AccountKey | None) -> None:
        self.account_list.blockSignals(True)
        self.account_list.clear()
        for account in self._accounts.list_accounts():
            item = QListWidgetItem(f"{self._registry.name(account.key.platform)} — {account.label}")
            item.setData(Qt.ItemDataRole.UserRole, account)
            self.account_list.addItem(item)
            if account.key == select:
                self.account_list.setCurrentItem(item)
        self.account_list.blockSignals(False)
        current = self.account_list.currentItem()
        self._show(current.data(Qt.ItemDataRole.UserRole) if current else None)

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self._show(current.data(Qt.ItemDataRole.UserRole) if current else None)

    def _show(self, account: Account | None) -> None:
        self._editing = account
        self.remove_button.setEnabled(account is not None)
        self.platform.setEnabled(account is None)
        if account is not None:
            self.platform.setCurrentIndex(self.platform.findData(account.key.platform))
        self._build_fields(self._spec(), account)
        self.label.setText("" if account is None else account.label)
        self.base_url.setText(self._spec().base_url if account is None else account.base_url)
        self.enabled.setChecked(True if account is None else account.enabled)
        self.secret.clear()
        self.secret.setPlaceholderText(self.tr("unchanged") if account is not None else "")

    def _on_platform_changed(self, _index: int) -> None:
        if self._editing is None:
            self.base_url.setText(self._spec().base_url)
            self._build_fields(self._spec(), None)

    def _build_fields(self, spec: PlatformSpec, account: Account | None) -> None:
        kept = {self.platform, self.label, self.secret, self.secret_help, self.base_url, self.enabled}
        while self._form.rowCount():
            row = self._form.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                widget = item.widget() if item is not None else None
                if widget is not None and widget not in kept:
                    widget.hide()  # a row label or an option field of the platform shown before:
                    widget.setParent(None)  # Python frees it once nothing refers to it
        self.option_fields = {}
        self._form.addRow(self.tr("Platform:"), self.platform)
        self._form.addRow(self.tr("Account:"), self.label)
        self._form.addRow(self.tr("{0}:").format(translated(spec.sign_in_label)), self.secret)
        self._form.addRow("", self.secret_help)
        self.secret_help.setText(translated(spec.sign_in_help))
        for option in spec.options:
            field = QLineEdit(self)
            field.setText(option.default if account is None else account.options.get(option.key, option.default))
            self.option_fields[option.key] = field
            self._form.addRow(self.tr("{0}:").format(translated(option.label)), field)
        self._form.addRow(self.tr("Server:"), self.base_url)
        self._form.addRow("", self.enabled)

    def _spec(self) -> PlatformSpec:
        return self._registry.spec(str(self.platform.currentData()))

    def _account_from_form(self) -> Account | None:
        spec = self._spec()
        label = self.label.text().strip()
        if not label:
            self.feedback.setText(self.tr("Give the account a name (your e-mail or user name on the platform)."))
            return None
        options = {key: field.text().strip() for key, field in self.option_fields.items()}
        missing = [translated(o.label) for o in spec.options if o.required and not options.get(o.key)]
        if missing:
            self.feedback.setText(self.tr("Fill in: {0}.").format(", ".join(missing)))
            return None
        base_url = self.base_url.text().strip() or spec.base_url
        enabled = self.enabled.isChecked()
        account = Account(AccountKey(spec.platform, label), label, base_url, enabled, options)
        problem = self._settings_problem(account)
        if problem is not None:
            self.feedback.setText(self.tr("SurveyDesk cannot use these settings: {0}").format(problem))
            return None
        return account

    def _settings_problem(self, account: Account) -> str | None:
        """What the platform's connector or earnings reader refuses in the account's settings (the same
        check that would otherwise stop it at the next start), None when both accept them."""
        with make_session() as session:
            try:
                self._registry.build_connector(account, MemorySecrets(), self._clock, lambda: session)
                self._registry.build_reader(account, MemorySecrets(), self._clock, lambda: session)
            except ValueError as error:
                return str(error)
        return None

    def _forget(self, key: AccountKey) -> None:
        try:
            self._secrets.delete(key)
        except SecretsUnavailable as problem:
            self.feedback.setText(translated(problem.message))
        self._accounts.remove(key)
        self.account_removed.emit(key)

    def _show_test_result(self, outcome: list[Task] | PlatformError) -> None:
        self.test_button.setEnabled(True)
        self.feedback.setText(describe_test_result(outcome))

    def _show_test_failure(self, _error: Exception) -> None:
        self.test_button.setEnabled(True)
        self.feedback.setText(self.tr("The test failed with an error of ours; see the log file."))
