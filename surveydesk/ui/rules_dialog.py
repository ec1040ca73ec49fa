"""The rules dialog: what the task list shows and what notifies the worker, as two forms of the same rules."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.money import Money, MoneyError
from surveydesk.feed.rule_store import RuleStore
from surveydesk.feed.rules import DEVICES, Rules
from surveydesk.ui.formatting import amount_text, read_amount
from surveydesk.ui.text import plain_label, whole_placeholder

# The currencies the platforms pay in today; a stored rule in another one is offered as well, not lost.
CURRENCIES = ("GBP", "EUR", "USD")
ERROR_COLOUR = "#c0392b"
_MAX_MINUTES = 24 * 60
_MAX_PLACES = 1_000_000


def _error_label(parent: QWidget) -> QLabel:
    """Where a field says what is wrong with it; hidden while nothing is."""
    label = plain_label(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {ERROR_COLOUR};")
    label.hide()
    return label


def _say(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


class MoneyField(QWidget):
    """An amount the worker types, read exactly, in a currency they pick; empty means no rule.

    The amount applies to tasks in every currency through the History's exchange rates; the field names the
    currencies of the listed tasks that have no rate yet (`missing_rates(code)`), whose tasks pass the rule.
    """

    def __init__(
        self,
        placeholder: str,
        parent: QWidget | None = None,
        missing_rates: Callable[[str], list[str]] = lambda _code: [],
        currency: str = "EUR",
    ) -> None:
        """`currency`: the one an empty field offers, hers (History's)."""
        super().__init__(parent)
        self._missing_rates = missing_rates
        self.amount = QLineEdit(self)
        self.amount.setPlaceholderText(placeholder)
        self.amount.setClearButtonEnabled(True)
        self.currency = QComboBox(self)
        self.currency.addItems(CURRENCIES)
        if self.currency.findText(currency) < 0:
            self.currency.addItem(currency)
        self.currency.setCurrentText(currency)
        self.currency.currentTextChanged.connect(self._show_scope)
        self.scope = plain_label(self)
        self.scope.setWordWrap(True)
        self.error = _error_label(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount, 1)
        row.addWidget(self.currency)
        row.addStretch(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        # Under the amount, across the form's width: beside it, the lines were cut on a 1366-pixel screen.
        layout.addWidget(self.scope)
        layout.addWidget(self.error)
        self._show_scope(self.currency.currentText())

    def set_accessible_name(self, name: str) -> None:
        """Names the amount and the currency for screen readers (the row's label names only this composite)."""
        self.setAccessibleName(name)
        self.amount.setAccessibleName(name)
        self.currency.setAccessibleName(self.tr("{0}: currency").format(name))

    def show_money(self, money: Money | None) -> None:
        _say(self.error, "")
        if money is None:
            self.amount.clear()
            return
        if self.currency.findText(money.currency) < 0:
            self.currency.addItem(money.currency)
        self.currency.setCurrentText(money.currency)
        self.amount.setText(amount_text(money))

    def read(self) -> tuple[bool, Money | None]:
        """(True, the amount or None when empty), or (False, None) with the reason shown under the field."""
        text = self.amount.text().strip()
        code = self.currency.currentText()
        if not text:
            _say(self.error, "")
            return True, None
        try:
            money = read_amount(text, code)
        except MoneyError:
            example = amount_text("0.50")
            _say(self.error, self.tr("Not an amount in {0}: enter a number such as {1}.").format(code, example))
            return False, None
        if money.minor < 0:
            _say(self.error, self.tr("Enter an amount of zero or more."))
            return False, None
        _say(self.error, "")
        return True, money

    def _show_scope(self, code: str) -> None:
        scope = self.tr("in every currency, at History's exchange rates")
        missing = self._missing_rates(code)
        if missing:
            scope += "\n" + self.tr("No rate for {0} yet: those tasks pass.").format(", ".join(missing))
        self.scope.setText(scope)


class RulesForm(QWidget):
    """Every rule of one rule set; an empty field lets every task through that rule."""

    def __init__(
        self,
        platforms: Sequence[tuple[str, str]],
        intro: str,
        parent: QWidget | None = None,
        eligibility_rule: bool = False,
        missing_rates: Callable[[str], list[str]] = lambda _code: [],
        currency: str = "EUR",
    ) -> None:
        super().__init__(parent)
        # Only the list judges tasks against the profile; alerts do not, so their form does not offer it.
        self.hide_ineligible = QCheckBox(self.tr("Hide tasks my profile says I cannot take"), self)
        self.hide_ineligible.setVisible(eligibility_rule)
        self._eligibility_rule = eligibility_rule
        self.min_reward = MoneyField(amount_text("0.50"), self, missing_rates, currency)
        self.min_reward_per_hour = MoneyField(amount_text("9.00"), self, missing_rates, currency)
        self.max_minutes = QSpinBox(self)
        self.max_minutes.setRange(0, _MAX_MINUTES)
        self.max_minutes.setSuffix(self.tr(" min"))
        self.max_minutes.setSpecialValueText(self.tr("No limit"))
        self.min_places = QSpinBox(self)
        self.min_places.setRange(0, _MAX_PLACES)
        self.min_places.setSpecialValueText(self.tr("No minimum"))
        self.include_words = QLineEdit(self)
        whole_placeholder(self.include_words, self.tr("e.g. survey, diary: a task must mention one of them"))
        self.exclude_words = QLineEdit(self)
        whole_placeholder(self.exclude_words, self.tr("e.g. webcam, download: a task must mention none"))
        self.allowed_requesters = QPlainTextEdit(self)
        self.allowed_requesters.setPlaceholderText(self.tr("One name or id per line; empty for everyone"))
        self.blocked_requesters = QPlainTextEdit(self)
        self.blocked_requesters.setPlaceholderText(self.tr("One name or id per line"))
        for box in (self.allowed_requesters, self.blocked_requesters):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(72)
        self.platform_boxes = {platform: QCheckBox(name, self) for platform, name in platforms}
        self.platform_error = _error_label(self)
        device_names = {"desktop": self.tr("Desktop"), "mobile": self.tr("Mobile"), "tablet": self.tr("Tablet")}
        self.device_boxes = {device: QCheckBox(device_names[device], self) for device in DEVICES}
        self.device_error = _error_label(self)

        intro_label = plain_label(self)
        intro_label.setWordWrap(True)
        intro_label.setText(intro)
        form = QFormLayout()
        form.addRow(self.tr("Minimum reward:"), self.min_reward)
        form.addRow(self.tr("Minimum reward per hour:"), self.min_reward_per_hour)
        self.min_reward.set_accessible_name(self.tr("Minimum reward"))
        self.min_reward_per_hour.set_accessible_name(self.tr("Minimum reward per hour"))
        form.addRow(self.tr("Maximum estimated time:"), self.max_minutes)
        form.addRow(self.tr("Minimum places left:"), self.min_places)
        form.addRow(self.tr("Words to look for:"), self.include_words)
        form.addRow(self.tr("Words to avoid:"), self.exclude_words)
        form.addRow(self.tr("Only these requesters:"), self.allowed_requesters)
        form.addRow(self.tr("Never these requesters:"), self.blocked_requesters)
        form.addRow(self.tr("Platforms:"), self._boxes(self.platform_boxes.values(), self.platform_error))
        form.addRow(self.tr("Devices I work on:"), self._boxes(self.device_boxes.values(), self.device_error))
        if eligibility_rule:
            form.addRow(self.tr("My profile:"), self.hide_ineligible)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addStretch(1)

    def _boxes(self, boxes: Iterable[QCheckBox], error: QLabel) -> QWidget:
        holder = QWidget(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for box in boxes:
            row.addWidget(box)
        row.addStretch(1)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(error)
        return holder

    def show_rules(self, rules: Rules) -> None:
        self.min_reward.show_money(rules.min_reward)
        self.min_reward_per_hour.show_money(rules.min_reward_per_hour)
        self.max_minutes.setValue(rules.max_minutes or 0)
        self.min_places.setValue(rules.min_places or 0)
        self.include_words.setText(", ".join(rules.include_words))
        self.exclude_words.setText(", ".join(rules.exclude_words))
        self.allowed_requesters.setPlainText("\n".join(rules.allowed_requesters))
        self.blocked_requesters.setPlainText("\n".join(rules.blocked_requesters))
        # Everything ticked is how "no restriction" looks: an empty set in the rules.
        for platform, box in self.platform_boxes.items():
            box.setChecked(not rules.platforms or platform in rules.platforms)
        for device, box in self.device_boxes.items():
            box.setChecked(not rules.devices or device in rules.devices)
        self.hide_ineligible.setChecked(rules.hide_ineligible)
        _say(self.platform_error, "")
        _say(self.device_error, "")

    def rules(self) -> Rules | None:
        """The rules the fields say, or None when one cannot be read (each such field then says why)."""
        reward_ok, min_reward = self.min_reward.read()
        rate_ok, min_rate = self.min_reward_per_hour.read()
        platforms = _ticked(self.platform_boxes, self.platform_error, self.tr("Tick at least one platform."))
        devices = _ticked(self.device_boxes, self.device_error, self.tr("Tick at least one device you work on."))
        if not (reward_ok and rate_ok) or platforms is None or devices is None:
            return None
        return Rules(
            min_reward=min_reward,
            min_reward_per_hour=min_rate,
            max_minutes=self.max_minutes.value() or None,
            min_places=self.min_places.value() or None,
            include_words=tuple(self.include_words.text().split(",")),
            exclude_words=tuple(self.exclude_words.text().split(",")),
            allowed_requesters=tuple(self.allowed_requesters.toPlainText().splitlines()),
            blocked_requesters=tuple(self.blocked_requesters.toPlainText().splitlines()),
            platforms=platforms,
            devices=devices,
            hide_ineligible=self._eligibility_rule and self.hide_ineligible.isChecked(),
        )


def _ticked(boxes: dict[str, QCheckBox], error: QLabel, message: str) -> frozenset[str] | None:
    """The ticked keys, or the empty set (no restriction) when all are; None, said in `error`, when none is."""
    ticked = frozenset(key for key, box in boxes.items() if box.isChecked())
    if boxes and not ticked:
        _say(error, message)
        return None
    _say(error, "")
    return frozenset() if len(ticked) == len(boxes) else ticked


class RulesDialog(QDialog):
    """Edits both rule sets; Save keeps them only when every field of both can be read."""

    rules_changed = Signal()  # both rule sets were saved

    def __init__(
        self,
        store: RuleStore,
        platforms: Sequence[tuple[str, str]],
        parent: QWidget | None = None,
        task_currencies: Iterable[str] = (),
        currency: str = "EUR",
    ) -> None:
        """`task_currencies`: those of the tasks listed, so a money rule can say which of them have no rate;
        `currency`: hers, which an empty money rule offers."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rules"))
        self._store = store
        listed = sorted(set(task_currencies))

        def missing_rates(code: str) -> list[str]:
            return store.unconverted(code, listed)

        self.list_form = RulesForm(
            platforms,
            self.tr(
                "The list hides the tasks that break any of these rules; “Show hidden tasks” brings them back. "
                "Leave a rule empty to let every task through it."
            ),
            self,
            eligibility_rule=True,
            missing_rates=missing_rates,
            currency=currency,
        )
        self.notify_form = RulesForm(
            platforms,
            self.tr("You are told about a new task only when it passes every one of these rules."),
            self,
            missing_rates=missing_rates,
            currency=currency,
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.list_form, self.tr("What the list shows"))
        self.tabs.addTab(self.notify_form, self.tr("What notifies me"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self.list_form.show_rules(store.list_rules())
        self.notify_form.show_rules(store.notify_rules())

    def save(self) -> None:
        """Keep both rule sets and close; if a field cannot be read, show its tab and keep nothing."""
        list_rules = self.list_form.rules()
        notify_rules = self.notify_form.rules()
        if list_rules is None or notify_rules is None:
            self.tabs.setCurrentWidget(self.list_form if list_rules is None else self.notify_form)
            return
        self._store.save_list_rules(list_rules)
        self._store.save_notify_rules(notify_rules)
        self.rules_changed.emit()
        self.accept()
