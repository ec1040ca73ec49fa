"""The rules dialog: what the worker fills in is saved exactly and shown again; what cannot be read is refused."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from surveydesk.core.money import Money
from surveydesk.feed import Rules, RuleStore
from surveydesk.feed.rule_store import RatesToday
from surveydesk.ledger.rates import RateStore
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.rules_dialog import RulesDialog
from surveydesk.work.wage_settings import WageSettings

PLATFORMS = [("prolific", "Prolific"), ("mturk", "MTurk"), ("toloka", "Toloka")]


@pytest.fixture
def store(database: Database) -> RuleStore:
    return RuleStore(SettingsStore(database))


@pytest.fixture
def dialog(qtbot, store: RuleStore) -> RulesDialog:
    opened = RulesDialog(store, PLATFORMS, currency="GBP")
    qtbot.addWidget(opened)
    return opened


def _save(qtbot, dialog: RulesDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_tabs_are_named_for_what_they_decide(dialog: RulesDialog) -> None:
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "What the list shows",
        "What notifies me",
    ]


def test_money_fields_apply_in_every_currency_and_name_those_without_a_rate(qtbot, database: Database) -> None:
    """ "Minimum reward … applies to tasks paid in GBP": a minimum in her currency now judges every task."""
    RateStore(database).set_by_worker("USD", date(2026, 12, 4), Decimal("1.08"))
    store = RuleStore(SettingsStore(database), RatesToday(database, lambda: date(2026, 12, 7)))
    dialog = RulesDialog(store, PLATFORMS, task_currencies=["USD", "GBP", "EUR", "USD"])
    qtbot.addWidget(dialog)
    field = dialog.list_form.min_reward
    field.currency.setCurrentText("EUR")
    assert (
        field.scope.text()
        == "in every currency, at History's exchange rates\nNo rate for GBP yet: those tasks pass."
    )
    RateStore(database).set_by_worker("GBP", date(2026, 12, 4), Decimal("0.85"))
    field.currency.setCurrentText("USD")
    assert field.scope.text() == "in every currency, at History's exchange rates"


def test_unsaved_rules_show_as_every_box_ticked_and_nothing_filled(dialog: RulesDialog) -> None:
    form = dialog.list_form
    assert form.min_reward.amount.text() == ""
    assert form.max_minutes.value() == 0
    assert form.max_minutes.text() == "No limit"
    assert all(box.isChecked() for box in form.platform_boxes.values())
    assert all(box.isChecked() for box in form.device_boxes.values())


def test_fill_save_and_reload(qtbot, dialog: RulesDialog, store: RuleStore) -> None:
    form = dialog.list_form
    form.min_reward.amount.setText("0,50")
    form.min_reward_per_hour.currency.setCurrentText("EUR")
    form.min_reward_per_hour.amount.setText("9.60")
    form.max_minutes.setValue(30)
    form.min_places.setValue(2)
    form.include_words.setText("survey,  Diary, ,")
    form.exclude_words.setText("webcam")
    form.allowed_requesters.setPlainText("Lab A\n\nr-17\n")
    form.blocked_requesters.setPlainText("Spam Co")
    form.platform_boxes["toloka"].setChecked(False)
    form.device_boxes["tablet"].setChecked(False)
    dialog.notify_form.min_places.setValue(10)

    with qtbot.waitSignal(dialog.rules_changed):
        _save(qtbot, dialog)

    expected = Rules(
        min_reward=Money(50, "GBP"),
        min_reward_per_hour=Money(960, "EUR"),
        max_minutes=30,
        min_places=2,
        include_words=("survey", "Diary"),
        exclude_words=("webcam",),
        allowed_requesters=("Lab A", "r-17"),
        blocked_requesters=("Spam Co",),
        platforms=frozenset({"prolific", "mturk"}),
        devices=frozenset({"desktop", "mobile"}),
    )
    assert store.list_rules() == expected
    assert store.notify_rules() == Rules(min_places=10)
    assert dialog.result() == QDialog.DialogCode.Accepted

    again = RulesDialog(store, PLATFORMS)
    qtbot.addWidget(again)
    shown = again.list_form
    assert shown.min_reward.amount.text() == "0.50"
    assert shown.min_reward_per_hour.currency.currentText() == "EUR"
    assert shown.min_reward_per_hour.scope.text() == "in every currency, at History's exchange rates"
    assert shown.include_words.text() == "survey, Diary"
    assert shown.allowed_requesters.toPlainText() == "Lab A\nr-17"
    assert not shown.platform_boxes["toloka"].isChecked()
    assert not shown.device_boxes["tablet"].isChecked()
    assert again.notify_form.min_places.value() == 10
    assert shown.rules() == expected


def test_all_boxes_ticked_means_every_platform_and_device(qtbot, dialog: RulesDialog, store: RuleStore) -> None:
    store.save_list_rules(Rules(platforms=frozenset({"mturk"})))
    reopened = RulesDialog(store, PLATFORMS)
    qtbot.addWidget(reopened)
    reopened.list_form.platform_boxes["prolific"].setChecked(True)
    reopened.list_form.platform_boxes["toloka"].setChecked(True)
    _save(qtbot, reopened)
    assert store.list_rules() == Rules()


def test_a_currency_not_offered_is_kept_not_lost(qtbot, store: RuleStore) -> None:
    store.save_list_rules(Rules(min_reward=Money(200, "CHF")))
    dialog = RulesDialog(store, PLATFORMS)
    qtbot.addWidget(dialog)
    assert dialog.list_form.min_reward.currency.currentText() == "CHF"
    _save(qtbot, dialog)
    assert store.list_rules() == Rules(min_reward=Money(200, "CHF"))


@pytest.mark.parametrize("typed", ["abc", "0.505", "£1", "1e400", "-1"])
def test_an_amount_that_cannot_be_read_is_refused_and_nothing_saved(
    qtbot, dialog: RulesDialog, store: RuleStore, typed: str
) -> None:
    dialog.notify_form.min_reward_per_hour.amount.setText(typed)
    dialog.list_form.max_minutes.setValue(20)  # a good field on the other tab is not saved either
    emitted: list[object] = []
    dialog.rules_changed.connect(lambda: emitted.append(True))
    _save(qtbot, dialog)

    error = dialog.notify_form.min_reward_per_hour.error
    assert error.isVisibleTo(dialog)
    assert error.text() in (
        "Not an amount in GBP: enter a number such as 0.50.",
        "Enter an amount of zero or more.",
    )
    assert error.textFormat() == Qt.TextFormat.PlainText
    assert dialog.tabs.currentWidget() is dialog.notify_form
    assert store.list_rules() == Rules()
    assert store.notify_rules() == Rules()
    assert emitted == []
    assert dialog.result() != QDialog.DialogCode.Accepted

    dialog.notify_form.min_reward_per_hour.amount.setText("12")
    _save(qtbot, dialog)
    assert not error.isVisibleTo(dialog)
    assert store.notify_rules() == Rules(min_reward_per_hour=Money(1_200, "GBP"))
    assert store.list_rules() == Rules(max_minutes=20)


def test_no_platform_ticked_is_refused(qtbot, dialog: RulesDialog, store: RuleStore) -> None:
    for box in dialog.list_form.platform_boxes.values():
        box.setChecked(False)
    _save(qtbot, dialog)
    assert dialog.list_form.platform_error.text() == "Tick at least one platform."
    assert dialog.tabs.currentWidget() is dialog.list_form
    assert store.list_rules() == Rules()


def test_no_device_ticked_is_refused(qtbot, dialog: RulesDialog, store: RuleStore) -> None:
    for box in dialog.notify_form.device_boxes.values():
        box.setChecked(False)
    _save(qtbot, dialog)
    assert dialog.notify_form.device_error.text() == "Tick at least one device you work on."
    assert dialog.tabs.currentWidget() is dialog.notify_form
    assert store.notify_rules() == Rules()


def test_cancel_keeps_nothing(qtbot, dialog: RulesDialog, store: RuleStore) -> None:
    dialog.list_form.min_places.setValue(4)
    dialog.reject()
    assert store.list_rules() == Rules()
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_the_amounts_placeholders_are_written_the_french_way(qtbot, store: RuleStore, french) -> None:
    """The Rules' placeholders showed "0.50" to a French worker."""
    dialog = RulesDialog(store, PLATFORMS)
    qtbot.addWidget(dialog)
    form = dialog.list_form
    assert (form.min_reward.amount.placeholderText(), form.min_reward_per_hour.amount.placeholderText()) == (
        "0,50",
        "9,00",
    )


def test_an_empty_money_rule_offers_her_currency_not_the_pound(
    qtbot, store: RuleStore, database: Database
) -> None:
    """Every money field offered GBP, the first of the list, to a worker who counts in euros."""
    settings = SettingsStore(database)
    wages = WageSettings(settings)
    assert wages.currency() == "EUR"  # no choice yet, no minimum wage: the euro
    wages.set_minimum_wage(Money(1202, "CHF"), date(2026, 1, 1))
    assert wages.currency() == "CHF"  # her minimum wage's
    wages.set_currency("EUR")  # as History keeps her choice
    assert settings.get("history_currency", "") == "EUR" and wages.currency() == "EUR"
    dialog = RulesDialog(store, PLATFORMS, currency=wages.currency())
    qtbot.addWidget(dialog)
    for form in (dialog.list_form, dialog.notify_form):
        assert form.min_reward.currency.currentText() == "EUR"
        assert form.min_reward_per_hour.currency.currentText() == "EUR"
    dialog.list_form.min_reward.amount.setText("0,50")
    _save(qtbot, dialog)
    assert store.list_rules().min_reward == Money(50, "EUR")
