"""The accounts dialog: add, test, edit and remove an account against the demo exchange; secrets in the keyring."""

from __future__ import annotations

from collections.abc import Iterator

import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import KeyringSecrets, SecretsWithRunOnlyFallback
from surveydesk.services.background import Background
from surveydesk.store import AccountStore, Database
from surveydesk.ui.accounts_dialog import AccountsDialog
from tests.factories import DictKeyring

KEY = AccountKey("prolific", "me@example.org")


@pytest.fixture
def accounts(database: Database) -> AccountStore:
    return AccountStore(database)


@pytest.fixture
def backend() -> DictKeyring:
    return DictKeyring()


@pytest.fixture
def dialog(qtbot, accounts, backend, pool) -> Iterator[AccountsDialog]:
    secrets = SecretsWithRunOnlyFallback(KeyringSecrets(backend, trusted=True))
    widget = AccountsDialog(accounts, secrets, SystemClock(), Background(pool), BUILT_IN)
    qtbot.addWidget(widget)
    yield widget


def _fill(dialog: AccountsDialog, exchange: DemoExchange, token: str) -> None:
    dialog.new_account()
    dialog.label.setText("me@example.org")
    dialog.secret.setText(token)
    dialog.base_url.setText(exchange.prolific_url)


def test_a_new_account_is_saved_with_its_token_in_the_keyring_only(qtbot, dialog, accounts, backend, exchange):
    _fill(dialog, exchange, DemoExchange.PROLIFIC_TOKEN)
    with qtbot.waitSignal(dialog.account_saved) as saved:
        dialog.save_button.click()
    account = saved.args[0]
    assert account.key == KEY and accounts.list_accounts() == [account]
    assert backend.entries == {("SurveyDesk", "prolific/me@example.org"): DemoExchange.PROLIFIC_TOKEN}
    assert DemoExchange.PROLIFIC_TOKEN not in repr(account)
    assert dialog.secret.text() == "" and dialog.feedback.text() == "Saved."


def test_test_connection_says_how_it_went(qtbot, dialog, exchange):
    _fill(dialog, exchange, DemoExchange.PROLIFIC_TOKEN)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.feedback.text().startswith("Connected: "))
    assert dialog.feedback.text().endswith("available right now.")
    dialog.secret.setText("not-the-token")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.feedback.text().startswith("Not connected: "))
    assert "sign in again" in dialog.feedback.text()


def test_a_name_and_a_token_are_required(dialog, exchange, accounts):
    _fill(dialog, exchange, "")
    dialog.save_button.click()
    assert dialog.feedback.text() == "Paste the access token first."
    dialog.label.clear()
    dialog.save_button.click()
    assert "Give the account a name" in dialog.feedback.text()
    assert accounts.list_accounts() == []


def test_removing_forgets_the_token(qtbot, dialog, accounts, backend, exchange, monkeypatch):
    _fill(dialog, exchange, DemoExchange.PROLIFIC_TOKEN)
    dialog.save_button.click()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.account_removed) as removed:
        dialog.remove_current()
    assert removed.args == [KEY]
    assert accounts.list_accounts() == [] and backend.entries == {}


def test_without_a_keyring_the_token_is_kept_for_this_run_only(qtbot, accounts, pool, exchange, monkeypatch):
    secrets = SecretsWithRunOnlyFallback(KeyringSecrets(keyring.backends.fail.Keyring()))
    dialog = AccountsDialog(accounts, secrets, SystemClock(), Background(pool), BUILT_IN)
    qtbot.addWidget(dialog)
    assert "No system keyring is available" in dialog.feedback.text()
    asked: list[str] = []

    def answer(_parent, _title, text):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    _fill(dialog, exchange, DemoExchange.PROLIFIC_TOKEN)
    dialog.save_button.click()
    assert "this run of SurveyDesk only" in asked[0]
    assert secrets.get(KEY) == DemoExchange.PROLIFIC_TOKEN


def test_closing_leaves_qt_its_own_result(dialog):
    """The line that reports a test or a save has its own name: an attribute called `result` hid
    QDialog.result(), so asking how the dialog was closed raised instead of answering."""
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_setting_the_platform_refuses_is_said_and_not_saved(dialog, accounts, exchange):
    dialog.new_account()
    dialog.platform.setCurrentIndex(dialog.platform.findData("mturk"))
    dialog.label.setText("worker-7")
    dialog.secret.setText("session=abc")
    dialog.option_fields["min_reward"].setText("fifty cents")
    dialog.save_button.click()
    assert dialog.feedback.text().startswith("SurveyDesk cannot use these settings: ")
    assert "fifty cents" in dialog.feedback.text()
    assert accounts.list_accounts() == []
    dialog.test_button.click()  # the test refuses it the same way, before any request
    assert dialog.feedback.text().startswith("SurveyDesk cannot use these settings: ")
    dialog.option_fields["min_reward"].setText("0.50")
    dialog.save_button.click()
    assert dialog.feedback.text() == "Saved."
    assert [account.options["min_reward"] for account in accounts.list_accounts()] == ["0.50"]


def test_an_account_with_a_refused_setting_is_shown_broken_and_the_rest_starts(qapp, tmp_path):
    from surveydesk.app import build_core, parse_args
    from surveydesk.core.model import Account
    from surveydesk.paths import AppPaths

    with Database.open(AppPaths.under(tmp_path).create().database) as database:
        AccountStore(database).save(
            Account(AccountKey("mturk", "worker-7"), "worker-7", "https://worker.mturk.com", True,
                    {"min_reward": "fifty cents"})
        )  # fmt: skip
        AccountStore(database).save(
            Account(AccountKey("prolific", "me"), "me", "https://internal-api.prolific.com", True, {})
        )
    with build_core(parse_args(["--data-dir", str(tmp_path)])) as core:
        (problem,) = [notice for notice in core.notices if "worker-7" in notice]
        assert problem.startswith("Your MTurk account “worker-7” is not checked: ")
        assert problem.endswith("Correct it in Tasks ▸ Accounts…")
        assert [status.account for status in core.poller.statuses()] == [AccountKey("prolific", "me")]
