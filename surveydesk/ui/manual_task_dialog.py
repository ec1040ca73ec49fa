"""The dialog for starting a task by hand, for platforms with no API (Clickworker, Wirk, any other)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from surveydesk.core.money import MoneyError
from surveydesk.core.sanitize import typed_amount_problem
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.ui.formatting import amount_text, read_amount
from surveydesk.ui.text import plain_label, translated, whole_placeholder, whole_title
from surveydesk.work.model import NewAttempt

KNOWN_PLATFORMS = ("Clickworker", "Wirk (Foule Factory)", "Appen", QT_TRANSLATE_NOOP("ManualTaskDialog", "Other"))
CURRENCIES = ("EUR", "GBP", "USD")


translate = QCoreApplication.translate


def manual_attempt(
    platform: str, title: str, reward_text: str, currency: str, limit_minutes: int, estimated_minutes: int = 0
) -> NewAttempt:
    """The attempt a worker describes by hand; raises ValueError with a message for the dialog to show."""
    platform = platform.strip()
    title = title.strip()
    if not platform:
        raise ValueError(translate("ManualTaskDialog", "Say which platform the task is on."))
    if not title:
        raise ValueError(
            translate("ManualTaskDialog", "Give the task a title, so you can find it in your history.")
        )
    try:
        reward = read_amount(reward_text.strip() or "0", currency)
    except MoneyError:
        raise ValueError(
            translate("ManualTaskDialog", "“{0}” is not an amount in {1}.").format(reward_text, currency)
        ) from None
    problem = typed_amount_problem(reward)
    if problem is not None:
        raise ValueError(translated(problem))
    return NewAttempt(
        platform=platform.casefold(),
        account="manual",
        external_id=uuid.uuid4().hex,
        title=title,
        requester="",
        reward=reward,
        time_limit_seconds=limit_minutes * 60 if limit_minutes > 0 else None,
        estimated_minutes=estimated_minutes if estimated_minutes > 0 else None,
    )


class ManualTaskDialog(QDialog):
    """Asks for platform, title, reward, currency and time limit; `attempt` holds the result once accepted."""

    def __init__(self, default_currency: str = "EUR", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a task by hand"))
        self.attempt: NewAttempt | None = None
        self.platform = QComboBox(self)
        self.platform.setEditable(True)
        self.platform.addItems([self.tr(name) for name in KNOWN_PLATFORMS])
        self.title = QLineEdit(self)
        whole_placeholder(self.title, self.tr("What the task is called on the platform"))
        self.reward = QLineEdit(self)
        self.reward.setPlaceholderText(amount_text("0.50"))
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setCurrentText(default_currency)
        self.estimate = QSpinBox(self)
        self.estimate.setRange(0, 24 * 60)
        self.estimate.setSpecialValueText(self.tr("not known"))
        self.estimate.setSuffix(self.tr(" min"))
        self.limit = QSpinBox(self)
        self.limit.setRange(0, 24 * 60)
        self.limit.setSpecialValueText(self.tr("no limit"))
        self.limit.setSuffix(self.tr(" min"))
        self.error = plain_label(self)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)  # a refusal is a sentence: it wraps within the dialog's width
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start timer"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Platform:"), self.platform)
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Reward:"), self.reward)
        form.addRow(self.tr("Currency:"), self.currency)
        form.addRow(self.tr("Estimated time:"), self.estimate)
        form.addRow(self.tr("Time limit:"), self.limit)
        form.addRow(self.error)
        form.addRow(buttons)
        whole_title(self)

    def _accept(self) -> None:
        try:
            self.attempt = manual_attempt(
                self.platform.currentText(),
                self.title.text(),
                self.reward.text(),
                self.currency.currentText().strip().upper(),
                self.limit.value(),
                self.estimate.value(),
            )
        except ValueError as error:
            self.error.setText(str(error))
            self.adjustSize()  # a wrapped label does not make a shown dialog taller by itself
            return
        self.accept()
