"""The accounts dialog against the demo exchange: each platform is connected as a worker would, by signing in on
its own page (Qt WebEngine, offscreen, in a sign-in process of its own that hands the session back, as where no
keyring works: the test's keyring lives in this process only) or by pasting a survey wall's link; what is kept
goes to the keyring only, and no field asks for a token, a cookie, a header or a hash."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import keyring.backends.fail
import pytest
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QPushButton

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_places, demo_sign_ins, demo_wall_link
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID
from surveydesk.demo.sign_in_pages import demo_worker_script, read_cookies
from surveydesk.net.http import make_session
from surveydesk.platforms.prolific.sign_in import ProlificSession, SignedInSecrets
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import KeyringSecrets, SecretsWithRunOnlyFallback
from surveydesk.services.background import Background
from surveydesk.store import AccountStore, Database
from surveydesk.ui.accounts_dialog import AccountsDialog
from surveydesk.ui.sign_in_process import SignInApart
from tests.factories import DictKeyring
from tests.ui.test_sign_in_window import SIGN_IN_MS, SOFTWARE_DRAWING

pytestmark = SOFTWARE_DRAWING
WORDS_SHE_NEVER_SEES = re.compile(r"token|cookie|header|hash", re.IGNORECASE)


@pytest.fixture
def accounts(database: Database) -> AccountStore:
    return AccountStore(database)


@pytest.fixture
def backend() -> DictKeyring:
    return DictKeyring()


def make_dialog(
    qtbot, accounts, secrets, pool, exchange: DemoExchange, apart: SignInApart | None = None
) -> AccountsDialog:
    """The dialog at the demo's pages; by default its sign-in processes hand the session back, the demo worker
    filling the forms."""
    sign_ins = demo_sign_ins(exchange, BUILT_IN)
    if apart is None:
        apart = SignInApart("en", demo_places(exchange), demo_worker_script(), hand_back=True)
    widget = AccountsDialog(
        accounts,
        secrets,
        SystemClock(),
        Background(pool),
        BUILT_IN,
        sign_ins=sign_ins,
        signed_in=SignedInSecrets.at(sign_ins, secrets, make_session),
        sign_in_apart=apart,
    )
    qtbot.addWidget(widget)
    return widget


def _in(backend: DictKeyring) -> SecretsWithRunOnlyFallback:
    """The secrets of the dialog, kept in the test's keyring (in memory, so vouched for)."""
    return SecretsWithRunOnlyFallback(KeyringSecrets(backend, trusted=True))


@pytest.fixture
def dialog(qtbot, accounts, backend, pool, exchange) -> Iterator[AccountsDialog]:
    yield make_dialog(qtbot, accounts, _in(backend), pool, exchange)


def _new(dialog: AccountsDialog, exchange: DemoExchange, platform: str, label: str = "me") -> None:
    dialog.new_account()
    dialog.platform.setCurrentIndex(dialog.platform.findData(platform))
    dialog.label.setText(label)
    dialog.base_url.setText(exchange.url_of(platform))


def _sign_in(qtbot, dialog: AccountsDialog) -> None:
    """Press "Sign in…" and wait until the account is tested (the sign-in process has ended by then)."""
    dialog.sign_in_button.click()
    assert dialog.feedback.text() == "Signing in… (a window opened)"
    qtbot.waitUntil(lambda: dialog.feedback.text().startswith(("Connected", "Not connected")), timeout=SIGN_IN_MS)


def _kept(backend: DictKeyring, key: AccountKey) -> str:
    return backend.entries[("SurveyDesk", f"{key.platform}/{key.account}")]


def test_prolific_is_connected_by_signing_in_and_the_keyring_keeps_its_session(
    qtbot, dialog, accounts, backend, exchange
):
    _new(dialog, exchange, "prolific")
    with qtbot.waitSignal(dialog.account_saved, timeout=SIGN_IN_MS) as saved:
        _sign_in(qtbot, dialog)
    assert dialog.feedback.text().startswith("Connected: "), dialog.feedback.text()
    account = saved.args[0]
    assert accounts.list_accounts() == [account]
    assert list(backend.entries) == [("SurveyDesk", "prolific/me")]
    kept = ProlificSession.from_secret(_kept(backend, account.key))
    assert exchange.sign_ins.prolific.is_valid_refresh_token(kept.refresh_token)
    assert kept.refresh_token not in repr(account) and kept.access_token not in repr(account)
    assert dialog.connection.text() == "Signed in." and dialog.sign_in_button.text() == "Sign in again…"


@pytest.mark.parametrize("platform", ["mturk", "toloka"])
def test_cookie_sites_are_connected_by_signing_in_with_every_step_the_site_asks(
    qtbot, dialog, accounts, backend, exchange, platform
):
    exchange.sign_ins.of(platform).sign_out()  # so the demo's own session does not count: a new one is made
    _new(dialog, exchange, platform)
    _sign_in(qtbot, dialog)
    assert dialog.feedback.text().startswith("Connected: "), dialog.feedback.text()
    assert [account.key for account in accounts.list_accounts()] == [AccountKey(platform, "me")]
    assert _kept(backend, AccountKey(platform, "me")).count("=") >= 1


def test_signing_in_again_hands_the_child_the_session_held_here_and_keeps_what_it_hands_back(
    qtbot, dialog, accounts, backend, exchange
):
    """Signed in already, "Sign in again…" seeds the child's page with the session held here (sent through its
    input, as nothing else of this process can reach it: the device cookie Amazon remembers travels with it); the
    site keeps that session and sets back the same cookies, and the account is connected again."""
    key = AccountKey("mturk", "me")
    _new(dialog, exchange, "mturk")
    _sign_in(qtbot, dialog)
    first = read_cookies(_kept(backend, key))
    backend.entries[("SurveyDesk", "mturk/me")] += "; ubid-main=remembered-device"
    assert dialog.sign_in_button.text() == "Sign in again…"
    _sign_in(qtbot, dialog)
    assert dialog.feedback.text().startswith("Connected: "), dialog.feedback.text()
    again = read_cookies(_kept(backend, key))
    assert again["session-token"] == first["session-token"] and again["ubid-main"] == "remembered-device"


def test_signing_in_without_a_name_names_the_account_after_its_platform(qtbot, dialog, accounts, exchange):
    _new(dialog, exchange, "toloka", label="")
    _sign_in(qtbot, dialog)
    assert [account.label for account in accounts.list_accounts()] == ["Toloka"]


def test_a_survey_wall_is_connected_by_its_link_and_says_what_it_found(qtbot, dialog, accounts, backend, exchange):
    _new(dialog, exchange, "bitlabs")
    assert set(dialog.option_fields) == set()  # the member number comes from the link; BitLabs asks no currency
    dialog.wall_link.setText(demo_wall_link(exchange, "bitlabs"))
    found = f"A BitLabs survey wall for member {BITLABS_USER_ID}: SurveyDesk can list its surveys."
    assert dialog.feedback.text() == found
    with qtbot.waitSignal(dialog.account_saved) as saved:
        dialog.save_button.click()
    assert saved.args[0].options == {"user_id": BITLABS_USER_ID}
    assert _kept(backend, AccountKey("bitlabs", "me")) == BITLABS_TOKEN
    assert dialog.wall_link.text() == "" and dialog.feedback.text() == "Saved."
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.feedback.text().startswith("Connected: "))


def test_a_cpx_link_gives_its_ids_and_keeps_the_ready_made_signature(qtbot, dialog, accounts, backend, exchange):
    _new(dialog, exchange, "cpx")
    link = demo_wall_link(exchange, "cpx")
    dialog.wall_link.setText(link)
    assert dialog.feedback.text().startswith("A CPX Research survey wall (app ")
    dialog.save_button.click()
    [account] = accounts.list_accounts()
    assert (account.options["app_id"], account.options["ext_user_id"]) == ("1234", "demo-user")
    assert re.fullmatch("[0-9a-f]{32}", _kept(backend, account.key))  # the signature, not the publisher's key


@pytest.mark.parametrize(
    "link",
    [
        "https://evil.example/?uid=me&token=3f1d2c4b-5a69",
        "javascript:alert(1)//?uid=me&token=3f1d2c4b-5a69",
        "not a link at all",
    ],
)
def test_a_wrong_link_is_refused_in_words_and_nothing_is_saved(dialog, accounts, backend, exchange, link: str):
    _new(dialog, exchange, "bitlabs")
    dialog.wall_link.setText(link)
    assert dialog.feedback.text().startswith("This is not a BitLabs link.")
    dialog.save_button.click()
    assert dialog.feedback.text().startswith("This is not a BitLabs link.")
    assert accounts.list_accounts() == [] and backend.entries == {}
    assert link not in dialog.feedback.text()


def test_a_new_account_must_be_signed_in_or_linked_and_named(dialog, exchange, accounts):
    _new(dialog, exchange, "prolific")
    dialog.save_button.click()
    assert dialog.feedback.text() == "Sign in first."
    _new(dialog, exchange, "bitlabs")
    dialog.save_button.click()
    assert dialog.feedback.text() == "Paste the survey wall's link first."
    dialog.label.clear()
    dialog.save_button.click()
    assert "Give the account a name" in dialog.feedback.text()
    assert accounts.list_accounts() == []


@pytest.mark.parametrize("platform", ["prolific", "mturk", "bitlabs", "cpx", "toloka"])
def test_no_word_of_the_form_asks_for_a_token_a_cookie_a_header_or_a_hash(dialog, exchange, platform):
    _new(dialog, exchange, platform)
    words = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    words += [button.text() for button in dialog.findChildren(QPushButton) if button.isVisibleTo(dialog)]
    words += [field.placeholderText() for field in dialog.findChildren(QLineEdit) if field.isVisibleTo(dialog)]
    assert [word for word in words if WORDS_SHE_NEVER_SEES.search(word)] == []
    assert not any(field.echoMode() is QLineEdit.EchoMode.Password for field in dialog.findChildren(QLineEdit))


def test_removing_forgets_the_login(qtbot, dialog, accounts, backend, exchange, monkeypatch):
    _new(dialog, exchange, "bitlabs")
    dialog.wall_link.setText(demo_wall_link(exchange, "bitlabs"))
    dialog.save_button.click()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.account_removed) as removed:
        dialog.remove_current()
    assert removed.args == [AccountKey("bitlabs", "me")]
    assert accounts.list_accounts() == [] and backend.entries == {}


def test_without_a_keyring_the_login_is_kept_for_this_run_only(qtbot, accounts, pool, exchange, monkeypatch):
    secrets = SecretsWithRunOnlyFallback(KeyringSecrets(keyring.backends.fail.Keyring()))
    dialog = make_dialog(qtbot, accounts, secrets, pool, exchange)
    assert "No system keyring is available" in dialog.feedback.text()
    asked: list[str] = []

    def answer(_parent, _title, text):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    _new(dialog, exchange, "bitlabs")
    dialog.wall_link.setText(demo_wall_link(exchange, "bitlabs"))
    dialog.save_button.click()
    assert "this run of SurveyDesk only" in asked[0]
    assert secrets.get(AccountKey("bitlabs", "me")) == BITLABS_TOKEN
    assert json.dumps(asked).lower().count("token") == 0

    _new(dialog, exchange, "toloka")  # signed in in a sign-in process, which hands the session back
    _sign_in(qtbot, dialog)
    assert dialog.feedback.text().startswith("Connected: "), dialog.feedback.text()
    assert len(asked) == 2 and "this run of SurveyDesk only" in asked[1]
    assert "toloka-session=" in (secrets.get(AccountKey("toloka", "me")) or "")


def test_closing_leaves_qt_its_own_result(dialog):
    """The line that reports a test or a save has its own name: an attribute called `result` hid
    QDialog.result(), so asking how the dialog was closed raised instead of answering."""
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_each_platform_is_connected_as_its_spec_states_at_the_real_sites():
    real = BUILT_IN.sign_ins()
    assert set(real.web) == {"prolific", "mturk", "toloka"} and set(real.walls) == {"bitlabs", "cpx"}
    assert real.web["mturk"].session_watch().start_url == "https://worker.mturk.com/"
    assert real.web["prolific"].session_watch().start_url == "https://app.prolific.com/"
    assert real.walls["cpx"].wall == "https://offers.cpx-research.com/"


def test_the_demo_connects_each_platform_at_its_own_pages(exchange):
    demo = demo_sign_ins(exchange, BUILT_IN)
    assert set(demo.web) == {"prolific", "mturk", "toloka"} and set(demo.walls) == {"bitlabs", "cpx"}
    assert demo.web["toloka"].session_watch().start_url == exchange.sign_in_url("toloka")
    assert demo.walls["bitlabs"].read(demo_wall_link(exchange, "bitlabs")).options == {"user_id": BITLABS_USER_ID}


def test_a_setting_the_platform_refuses_is_said_and_not_saved(qtbot, accounts, backend, pool, exchange):
    worker = Account(AccountKey("mturk", "worker-7"), "worker-7", exchange.url_of("mturk"), True, {})
    accounts.save(worker)
    dialog = make_dialog(qtbot, accounts, _in(backend), pool, exchange)
    dialog.account_list.setCurrentRow(0)
    dialog.option_fields["min_reward"].setText("fifty cents")
    dialog.save_button.click()
    assert dialog.feedback.text().startswith("SurveyDesk cannot use these settings: ")
    assert "fifty cents" in dialog.feedback.text()
    assert accounts.list_accounts() == [worker]
    dialog.test_button.click()  # the test refuses it the same way, before any request
    assert dialog.feedback.text().startswith("SurveyDesk cannot use these settings: ")
    dialog.option_fields["min_reward"].setText("0.50")
    dialog.save_button.click()
    assert dialog.feedback.text() == "Saved."
    assert [account.options["min_reward"] for account in accounts.list_accounts()] == ["0.50"]


def test_an_account_with_a_refused_setting_is_shown_broken_and_the_rest_starts(qapp, tmp_path):
    from surveydesk.app import build_core, parse_args
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
