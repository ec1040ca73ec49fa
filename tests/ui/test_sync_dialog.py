"""File ▸ Sync…: the target saved with its password in the keyring only, a test and "Sync now" against a real
server, what travels in plain words, and the state line in the window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from surveydesk.core.clock import SystemClock
from surveydesk.core.money import Money
from surveydesk.feed.rule_store import RuleStore
from surveydesk.feed.rules import Rules
from surveydesk.ledger import Status
from surveydesk.secrets import KeyringSecrets, SecretsWithRunOnlyFallback
from surveydesk.services.background import Background
from surveydesk.services.sync_service import SyncService
from surveydesk.sync.target import SyncSettings
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.formatting import format_time
from surveydesk.ui.icons import app_icon
from surveydesk.ui.sync_dialog import SyncDialog
from tests.couch_server import ADMIN, ADMIN_PASSWORD, CouchServer
from tests.factories import DictKeyring
from tests.forms import form_labels
from tests.sync_helpers import Computer
from tests.windows import attached_window


@pytest.fixture
def backend() -> DictKeyring:
    return DictKeyring()


@pytest.fixture
def secrets(backend: DictKeyring) -> SecretsWithRunOnlyFallback:
    return SecretsWithRunOnlyFallback(KeyringSecrets(backend, trusted=True))


@pytest.fixture
def service(laptop: Computer, secrets: SecretsWithRunOnlyFallback, pool) -> Iterator[SyncService]:
    running = SyncService(
        laptop.db, SyncSettings(laptop.settings), secrets, laptop.clock, Background(pool), time_text=format_time
    )
    yield running
    running.stop()
    pool.waitForDone(10_000)


@pytest.fixture
def dialog(qtbot, laptop: Computer, secrets, service: SyncService, pool) -> SyncDialog:
    widget = SyncDialog(SyncSettings(laptop.settings), secrets, service, SystemClock(), Background(pool))
    qtbot.addWidget(widget)
    return widget


def _fill(dialog: SyncDialog, url: str, password: str, database: str = "log") -> None:
    dialog.server_url.setText(url)
    dialog.database.setText(database)
    dialog.user.setText(ADMIN)
    dialog.password.setText(password)


def test_it_says_in_plain_words_what_is_replicated(dialog: SyncDialog):
    text = dialog.explanation.text()
    assert dialog.explanation.textFormat() == Qt.TextFormat.PlainText
    for words in ("Earnings log entries", "attempts", "shifts", "rules", "profile answers, only if", "Never"):
        assert words in text
    assert dialog.last_success.text() == "Last successful sync: never"


def test_closing_leaves_qt_its_own_result(dialog: SyncDialog):
    """The line that reports a test or a sync has its own name: an attribute called `result` hid
    QDialog.result(), so asking how the dialog was closed raised instead of answering."""
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_password_goes_to_the_keyring_and_nowhere_else(
    dialog: SyncDialog, laptop: Computer, backend: DictKeyring
):
    _fill(dialog, "https://couch.example.org", "s3cret-sync-password")
    assert dialog.save()
    assert "s3cret-sync-password" in backend.entries.values()
    laptop.db.connection().execute("PRAGMA wal_checkpoint(FULL)")
    assert b"s3cret-sync-password" not in laptop.path.read_bytes()
    assert SyncSettings(laptop.settings).target() is not None
    assert dialog.password.text() == ""


@pytest.mark.parametrize(
    ("url", "database", "words"),
    [
        ("https://me:pw@couch.example.org", "log", "Leave the user name and password out of the address"),
        ("ftp://couch.example.org", "log", "must start with https://"),
        ("https://couch.example.org", "Log With Spaces", "database name starts with a lower-case letter"),
    ],
)
def test_an_unusable_target_is_refused_in_words(dialog: SyncDialog, laptop: Computer, url, database, words):
    _fill(dialog, url, "pw", database)
    assert not dialog.save()
    assert words in dialog.feedback.text()
    assert SyncSettings(laptop.settings).target() is None


def test_test_says_whether_the_server_and_password_work(qtbot, dialog: SyncDialog, couch_server: CouchServer):
    couch_server.create_database("log")
    _fill(dialog, couch_server.url, ADMIN_PASSWORD)
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    assert dialog.feedback.text() == f"Connected to 127.0.0.1:{couch_server.port}/log. It holds 0 records."
    _fill(dialog, couch_server.url, "wrong")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    assert dialog.feedback.text().startswith("Not connected:") and "refused the user name or password" in (
        dialog.feedback.text()
    )


def test_a_refused_password_reads_in_french(qtbot, dialog: SyncDialog, couch_server: CouchServer, french):
    couch_server.create_database("log")
    _fill(dialog, couch_server.url, "wrong")
    dialog.test_connection()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    server = f"127.0.0.1:{couch_server.port}/log"
    assert (
        dialog.feedback.text() == f"Non connecté\xa0: {server} a refusé le nom d’utilisateur ou le mot de passe."
    )


def test_in_french_each_field_s_name_ends_in_a_spaced_colon(french, dialog: SyncDialog) -> None:
    """They read "Adresse du serveur" with no colon, where the Accounts dialog's read "Plateforme :"."""
    assert form_labels(dialog) == [
        "Adresse du serveur\xa0:",
        "Base de données\xa0:",
        "Utilisateur\xa0:",
        "Mot de passe\xa0:",
    ]


def test_sync_now_syncs_and_shows_when(
    qtbot,
    dialog: SyncDialog,
    service: SyncService,
    laptop: Computer,
    couch_server: CouchServer,
):
    couch_server.create_database("log")
    laptop.report("s1", Status.PAID)
    _fill(dialog, couch_server.url, ADMIN_PASSWORD)
    with qtbot.waitSignal(service.synced, timeout=20_000):
        dialog.sync_now()
    assert dialog.last_success.text().startswith("Last successful sync: ")
    assert dialog.state.text().startswith("Synced at")
    assert [doc for doc in couch_server.docs("log") if doc.startswith("event:")]


def test_the_window_shows_the_sync_state_and_offers_the_settings(qtbot, poller):
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    window.show_sync_state("Offline: 3 changes wait; trying again at 14:05")
    label = window._sync_state
    assert label is not None and label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "Offline: 3 changes wait; trying again at 14:05"
    (sync_action,) = [
        action for action in window.menuBar().actions()[0].menu().actions() if "ync" in action.text()
    ]
    with qtbot.waitSignal(window.sync_requested):
        sync_action.trigger()


def test_rules_received_from_another_computer_apply_to_the_list_at_once(
    qtbot,
    laptop: Computer,
    tmp_path: Path,
    poller,
    pool,
    couch_server: CouchServer,
):
    couch_server.create_database("log")
    desktop = Computer(tmp_path / "desktop")
    try:
        RuleStore(desktop.settings).save_list_rules(Rules(min_reward=Money(500, "GBP")))
        desktop.settings.set("alerts.per_minute", 1)
        desktop.sync(couch_server)
    finally:
        desktop.close()
    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    feed = FeedController(
        window, poller, None, Background(pool, window), laptop.settings, SystemClock(), app_icon()
    )
    report = laptop.sync(couch_server)
    assert report.kinds == {"setting"}
    feed.reload_settings()
    assert feed.alerts.settings.per_minute == 1
    assert window.model.task_list.rules() == Rules(min_reward=Money(500, "GBP"))


def test_a_closed_dialog_hears_no_more_from_the_service(qtbot, laptop: Computer, secrets, service, pool):
    dialog = SyncDialog(SyncSettings(laptop.settings), secrets, service, SystemClock(), Background(pool))
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    service.state_changed.emit("Synced at 12:00")  # would raise in a slot of the deleted dialog
    service.synced.emit(None)


def test_the_proposed_database_is_a_value_kept_when_left_as_it_is(dialog: SyncDialog, laptop: Computer):
    """The field showed "surveydesk" in grey, which looks like a value but was empty: saving refused it."""
    assert dialog.database.text() == "surveydesk" and dialog.database.placeholderText() == ""
    dialog.server_url.setText("https://couch.example.org")
    dialog.user.setText(ADMIN)
    dialog.password.setText("s3cret-sync-password")
    assert dialog.save()
    target = SyncSettings(laptop.settings).target()
    assert target is not None and target.database == "surveydesk"
    dialog.turn_off()
    assert dialog.database.text() == "surveydesk"
