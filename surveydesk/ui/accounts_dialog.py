"""The accounts dialog: add, edit, test and remove platform accounts; their secrets go to the keyring only.

The worker connects an account as she would in her browser: "Sign in" opens the platform's own sign-in page
(ui/sign_in_window.py, always in a process of its own, ui/sign_in_process.py, so that the web engine never lives in
SurveyDesk's), or, for a survey wall, she pastes the link of the wall she earns on. No field asks for a token, a
cookie, a header or a hash.
"""

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
from surveydesk.core.errors import PlatformError, platform_outcome
from surveydesk.core.model import Account, AccountKey, Task
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import make_session
from surveydesk.platforms.offerwall_links import LinkRefused, WallLink
from surveydesk.platforms.registry import Registry
from surveydesk.platforms.spec import PlatformSpec
from surveydesk.platforms.web_session import SignIns
from surveydesk.secrets import MemorySecrets, SecretStore, SecretsUnavailable
from surveydesk.services.background import Background
from surveydesk.store import AccountStore
from surveydesk.ui.keep_secret import keep_secret
from surveydesk.ui.sign_in_messages import SignInOutcome
from surveydesk.ui.sign_in_process import SignInApart
from surveydesk.ui.text import account_title, plain_label, translated

# What signing in gives SurveyDesk and what it never does ({0}: the platform's name).
SIGN_IN_PROMISE = QT_TRANSLATE_NOOP(
    "AccountsDialog",
    "Signing in lets SurveyDesk see the tasks {0} offers you and your earnings there. It never takes a task "
    "without your click, and your sign-in stays on this computer, never shared with another.",
)
WALL_PROMISE = QT_TRANSLATE_NOOP(
    "AccountsDialog",
    "Paste the address of the {0} survey page of the rewards site you earn on. SurveyDesk reads your member "
    "number from it to list your surveys; it never takes a survey without your click.",
)


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
        *,
        sign_ins: SignIns,
        signed_in: SecretStore,
        sign_in_apart: SignInApart,
        select: AccountKey | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`secrets` keeps what signing in gives; `signed_in` is the same store as the connectors read it (a
        Prolific session gives an access token); `sign_ins` says where each platform is signed in to;
        `sign_in_apart` opens the sign-in window in a process of its own (which hands the session back where
        `secrets` are held in memory)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(760, 460)  # fits a 1366x768 screen
        self._accounts = accounts
        self._secrets = secrets
        self._signed_in = signed_in
        self._sign_ins = sign_ins
        self._clock = clock
        self._background = background
        self._registry = registry
        self._editing: Account | None = None
        self._apart = sign_in_apart
        self._signing_in: tuple[Account, Account | None] | None = None  # the account, and the one it replaces
        sign_in_apart.setParent(self)
        sign_in_apart.finished.connect(self._signed_in_apart)

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
        self.sign_in_button = QPushButton(self.tr("Sign in…"), self)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.connection = plain_label(self)  # signed in or not, in words
        self.connection_row = QWidget(self)  # the button and the words, one row of the form
        line = QHBoxLayout(self.connection_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.sign_in_button)
        line.addWidget(self.connection, 1)
        self.wall_link = QLineEdit(self)
        self.wall_link.setAccessibleName(self.tr("Survey wall link"))
        self.wall_link.textChanged.connect(self._on_link_changed)
        self.promise = plain_label(self)
        self.promise.setWordWrap(True)
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
        """Save the form; a survey wall's link, if one was pasted, gives the account its ids (and the keyring its
        key). A new account of a platform one signs in to must be signed in first ("Sign in…" saves it)."""
        account = self._account_from_form()
        if account is None:
            return
        wall = self._sign_ins.walls.get(account.key.platform)
        link: WallLink | None = None
        if wall is not None and self.wall_link.text().strip():
            try:
                link = wall.read(self.wall_link.text())
            except LinkRefused as refused:
                self.feedback.setText(translated(refused.message))
                return
            account = Account(account.key, account.label, account.base_url, account.enabled,
                              {**account.options, **link.options})  # fmt: skip
        elif self._editing is None:
            self.feedback.setText(
                self.tr("Paste the survey wall's link first.") if wall else self.tr("Sign in first.")
            )
            return
        if link is not None and link.secret and not self._keep(account.key, link.secret):
            return
        self._store(account)
        self.wall_link.clear()
        self.feedback.setText(self.tr("Saved."))

    def sign_in(self) -> None:
        """Open the platform's sign-in page; once the worker is signed in, keep the session, save the account and
        test it. A site that remembers the worker gets the stored session back and may skip the password."""
        account = self._account_from_form(default_label=True)
        if account is None or self._spec().platform not in self._sign_ins.web:
            return
        if self._apart.start(account.key, self._stored(account.key)):
            self._signing_in = (account, self._editing)
            self.feedback.setText(self.tr("Signing in… (a window opened)"))
        else:
            self.feedback.setText(self.tr("The sign-in window is already open."))

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
        stored = self._signed_in

        def secret() -> str | None:
            try:
                return stored.get(account.key)
            except SecretsUnavailable:
                return None

        connector = self._spec().connector(account, secret, make_session(), self._clock)

        self.feedback.setText(self.tr("Testing…"))
        self.test_button.setEnabled(False)
        self._background.run(
            platform_outcome(connector.fetch_tasks), self._show_test_result, self._show_test_failure
        )

    # --- form ------------------------------------------------------------------------------------------------

    def _reload(self, select: AccountKey | None) -> None:
        self.account_list.blockSignals(True)
        self.account_list.clear()
        for account in self._accounts.list_accounts():
            item = QListWidgetItem(account_title(self._registry.name(account.key.platform), account.label))
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
        self.wall_link.clear()
        self._show_connection(account)

    def _on_platform_changed(self, _index: int) -> None:
        if self._editing is None:
            self.base_url.setText(self._spec().base_url)
            self._build_fields(self._spec(), None)

    def _build_fields(self, spec: PlatformSpec, account: Account | None) -> None:
        kept = {self.platform, self.label, self.base_url, self.enabled, self.wall_link, self.promise}
        kept.add(self.connection_row)
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
        wall = self._sign_ins.walls.get(spec.platform)
        web = spec.platform in self._sign_ins.web
        self.connection_row.setVisible(web)
        self.wall_link.setVisible(wall is not None)
        if web:
            self._form.addRow(self.tr("Connection:"), self.connection_row)
            self.promise.setText(translated(SIGN_IN_PROMISE.filled(spec.name)))
        elif wall is not None:
            self.wall_link.setPlaceholderText(wall.wall + "…")
            self._form.addRow(self.tr("Survey wall link:"), self.wall_link)
            self.promise.setText(translated(WALL_PROMISE.filled(spec.name)))
        else:
            self.promise.setText(self.tr("SurveyDesk cannot connect {0} yet.").format(spec.name))
        self._form.addRow("", self.promise)
        filled = wall.filled_options if wall is not None else frozenset()
        for option in spec.options:
            if option.key in filled:
                continue
            field = QLineEdit(self)
            field.setText(option.default if account is None else account.options.get(option.key, option.default))
            self.option_fields[option.key] = field
            self._form.addRow(self.tr("{0}:").format(translated(option.label)), field)
        self._form.addRow(self.tr("Server:"), self.base_url)
        self._form.addRow("", self.enabled)

    def _spec(self) -> PlatformSpec:
        return self._registry.spec(str(self.platform.currentData()))

    def _account_from_form(self, default_label: bool = False) -> Account | None:
        """The account the form describes, or None after saying what is missing. Signing in needs no name first:
        `default_label` names a new account after its platform, which the worker may change."""
        spec = self._spec()
        label = self.label.text().strip()
        if not label and default_label:
            label = spec.name
            self.label.setText(label)
        if not label:
            self.feedback.setText(self.tr("Give the account a name (your e-mail or user name on the platform)."))
            return None
        options = {key: field.text().strip() for key, field in self.option_fields.items()}
        if self._editing is not None:  # what the wall's link filled stays as it was
            options = {**self._editing.options, **options}
        asked = [option for option in spec.options if option.key in self.option_fields]
        missing = [translated(option.label) for option in asked if option.required and not options[option.key]]
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

    def _signed_in_apart(self, _key: AccountKey, outcome: SignInOutcome | None, session: str | None) -> None:
        """The sign-in process ended: signed in, the session is in the keyring, or handed back (`session`) to be
        kept here, read back by the test (and the poller); otherwise the account is as it was, and the words say
        why."""
        if self._signing_in is None:
            return
        account, replacing = self._signing_in
        self._signing_in = None
        if outcome is SignInOutcome.SIGNED_IN:
            if session is not None and not self._keep(account.key, session):
                return  # the words say why (or she declined to keep it for this run)
            self._editing = replacing  # what was edited when "Sign in" was pressed, whatever is selected now
            self._store(account)
            self.feedback.setText(self.tr("Signed in. Testing…"))
            self.test_connection()
            return
        name = self._registry.name(account.key.platform)
        if outcome is SignInOutcome.CLOSED:
            said = self.tr("The sign-in window was closed before you were signed in; your account is as it was.")
        elif outcome is SignInOutcome.NO_SESSION:
            said = self.tr("{0}'s page did not give SurveyDesk what it needs; please sign in again.").format(name)
        elif outcome is SignInOutcome.KEYRING_REFUSED:
            said = self.tr(
                "Your computer's keyring did not let SurveyDesk keep your sign-in; your account is as it was. "
                "Unlock the keyring, then sign in again."
            )
        else:
            said = self.tr(
                "The sign-in window stopped unexpectedly; your account is as it was. Please sign in again."
            )
        self.feedback.setText(said)

    def _keep(self, key: AccountKey, secret: str) -> bool:
        return keep_secret(self, self._secrets, key, secret, self.feedback)

    def _store(self, account: Account) -> None:
        """Save `account` (renamed: the old one is forgotten) and tell the poller."""
        if self._editing is not None and self._editing.key != account.key:
            self._forget(self._editing.key)
        self._accounts.save(account)
        self.account_saved.emit(account)
        self._reload(account.key)

    def _stored(self, key: AccountKey) -> str | None:
        try:
            return self._secrets.get(key)
        except SecretsUnavailable:
            return None

    def _show_connection(self, account: Account | None) -> None:
        signed_in = account is not None and self._stored(account.key) is not None
        self.connection.setText(self.tr("Signed in.") if signed_in else self.tr("Not signed in yet."))
        self.sign_in_button.setText(self.tr("Sign in again…") if signed_in else self.tr("Sign in…"))

    def _on_link_changed(self, text: str) -> None:
        """Say what the pasted link holds, in words, as soon as it is pasted."""
        wall = self._sign_ins.walls.get(self._spec().platform)
        if wall is None or not text.strip():
            return
        try:
            self.feedback.setText(translated(wall.read(text).found))
        except LinkRefused as refused:
            self.feedback.setText(translated(refused.message))

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
