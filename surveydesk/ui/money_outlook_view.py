"""The money the worker can count on, in her words: goals and their progress (Wages tab, tray), the forecast of
pending money by week and what each month was (History tab).

The figures come worked out (services/money_outlook.py); this module only writes them, every amount, date and
number the worker's language's way, every sentence translated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from surveydesk.core.money import Money, MoneyError, minor_exponent, normalise_currency
from surveydesk.ledger.forecast import Forecast
from surveydesk.ledger.goals import GOAL_PERIODS, GoalProgress, GoalSettings
from surveydesk.ledger.month_review import MonthReview
from surveydesk.services.money_outlook import Outlook
from surveydesk.ui.formatting import (
    amount_text,
    display_locale,
    format_day,
    format_money,
    format_month,
    format_number,
    format_wage,
    format_weekday,
    read_amount,
)
from surveydesk.ui.text import plain_label

translate = QCoreApplication.translate


def day_words(day: date, today: date) -> str:
    """A coming day as she would say it: "today", a weekday within the week ahead, else "Sunday 20 December"."""
    if day <= today:
        return translate("MoneyOutlook", "today")
    if (day - today).days < 7:
        return format_weekday(day)
    return format_day(day)


def duration_words(minutes: int) -> str:
    """1 → "1 minute", 45 → "45 minutes", 90 → "1 h 30", 120 → "2 h"."""
    if minutes == 1:
        return translate("MoneyOutlook", "1 minute")
    if minutes < 60:
        return translate("MoneyOutlook", "{0} minutes").format(format_number(minutes))
    hours, rest = divmod(minutes, 60)
    return (
        translate("MoneyOutlook", "{0} h {1:02d}").format(format_number(hours), rest)
        if rest
        else translate("MoneyOutlook", "{0} h").format(hours)
    )


# --- goals ------------------------------------------------------------------------------------------------------


def goal_progress(goal: GoalProgress) -> str:
    """ "€6.20 of €10.00 today": short enough for the timer strip."""
    period = {
        "day": translate("MoneyOutlook", "today"),
        "week": translate("MoneyOutlook", "this week"),
        "month": translate("MoneyOutlook", "this month"),
    }[goal.period]
    return translate("MoneyOutlook", "{0} of {1} {2}").format(
        format_money(goal.earned), format_money(goal.goal), period
    )


def goal_line(goal: GoalProgress) -> str:
    """ "€6.20 of €10.00 today; at today's true wage, about 45 minutes more; €3.00 pending"."""
    line = goal_progress(goal)
    if goal.reached:
        line += translate("MoneyOutlook", ": goal reached")
    elif goal.minutes_more is not None:
        line += translate("MoneyOutlook", "; at today's true wage, about {0} more").format(
            duration_words(goal.minutes_more)
        )
    elif goal.true_wage is not None:  # measured over too short a time to count
        line += translate("MoneyOutlook", "; today's true wage: {0}").format(
            format_wage(goal.true_wage, goal.true_wage_seconds)
        )
    if goal.pending.minor > 0:
        line += translate("MoneyOutlook", "; {0} pending").format(format_money(goal.pending))
    return line


def goal_reached_words(goal: GoalProgress) -> str:
    text = {
        "day": translate("MoneyOutlook", "You reached your goal for today: {0} earned."),
        "week": translate("MoneyOutlook", "You reached your goal for this week: {0} earned."),
        "month": translate("MoneyOutlook", "You reached your goal for this month: {0} earned."),
    }[goal.period]
    return text.format(format_money(goal.earned))


class GoalsBox(QGroupBox):
    """The three goals, each typed as an amount in the worker's currency, with their progress beneath."""

    changed = Signal()  # a goal was saved

    def __init__(self, settings: GoalSettings, currency: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Earnings goals"), parent)
        self._settings = settings
        self._currency = currency
        names = {"day": self.tr("A day"), "week": self.tr("A week"), "month": self.tr("A month")}
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        self.progress: dict[str, QLabel] = {}
        kept = settings.goals()
        for period in GOAL_PERIODS:
            field = QLineEdit(self)
            field.setPlaceholderText(self.tr("no goal"))
            field.setMaximumWidth(120)
            goal = kept.get(period)
            if goal is not None:
                field.setText(_major_text(goal))
            label = plain_label(self)
            row = QHBoxLayout()
            row.addWidget(field)
            row.addWidget(label, 1)
            form.addRow(names[period], row)
            self.inputs[period] = field
            self.progress[period] = label
        self.save_button = QPushButton(self.tr("Save goals"), self)
        self.save_button.clicked.connect(self.save)
        self.error = plain_label(self)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.error)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def save(self) -> None:
        """Keep every goal typed; one that is not an amount is refused in words and nothing is saved."""
        currency = normalise_currency(self._currency())
        parsed: dict[str, Money | None] = {}
        for period, field in self.inputs.items():
            text = field.text().strip()
            try:
                parsed[period] = read_amount(text, currency) if text else None
            except MoneyError:
                example = amount_text("10.50")
                self.error.setText(
                    self.tr("“{0}” is not an amount; write it like 10 or {1}.").format(text, example)
                )
                self.error.show()
                return
        self.error.hide()
        for period, goal in parsed.items():
            self._settings.set_goal(period, goal)
        self.changed.emit()

    def show_progress(self, goals: Sequence[GoalProgress]) -> None:
        shown = {goal.period: goal for goal in goals}
        for period, label in self.progress.items():
            goal = shown.get(period)
            label.setText("" if goal is None else goal_line(goal))


def _major_text(money: Money) -> str:
    """A goal as typed back into its field: "10,50" or "10.50" as the language writes decimals; "10" if whole."""
    places = minor_exponent(money.currency)
    major, minor = divmod(money.minor, 10**places)
    if not minor:
        return str(major)
    return f"{major}{display_locale().decimalPoint()}{minor:0{places}d}"


# --- the forecast -----------------------------------------------------------------------------------------------


def forecast_words(forecast: Forecast, platform_name: Callable[[str], str]) -> list[str]:
    """The forecast as sentences: the total, what should come soon and when the rest should, what is late,
    and what cannot be forecast yet."""
    if forecast.total.minor <= 0 and not forecast.unconverted:
        return [translate("MoneyOutlook", "Nothing is waiting for review.")]
    lines = [translate("MoneyOutlook", "{0} pending.").format(format_money(forecast.total))]
    today = forecast.today
    weeks = forecast.by_week()
    likely = [item for item in forecast.expected if item.likely is not None and not item.late]
    if weeks and likely:
        first_week = weeks[0][0]
        soon = [
            item for item in likely if item.likely is not None and item.likely < first_week + timedelta(days=7)
        ]
        if soon:
            amount = Money(sum(item.amount.minor for item in soon), forecast.currency)
            last = max(item.likely for item in soon if item.likely is not None)
            soon_words = translate("MoneyOutlook", "Going by your history, about {0} should be approved by {1}.")
            lines.append(soon_words.format(format_money(amount), day_words(last, today)))
    dated = [item for item in forecast.expected if item.latest is not None and not item.late]
    if dated:
        latest = max(item.latest for item in dated if item.latest is not None)
        ruled = any(item.by_deadline for item in dated if item.latest == latest)
        template = (
            translate(
                "MoneyOutlook",
                "All of it should be approved by {0} at the latest: the platform's own review deadline.",
            )
            if ruled
            else translate("MoneyOutlook", "Nine times in ten, all of it is approved by {0}.")
        )
        lines.append(template.format(day_words(latest, today)))
    if forecast.late.minor > 0:
        late_words = translate("MoneyOutlook", "{0} is later than usual: worth a look on the platform.")
        lines.append(late_words.format(format_money(forecast.late)))
    for platform, amount in forecast.unforeseen.items():
        thin = translate(
            "MoneyOutlook", "{0} on {1} cannot be forecast yet: too few of your tasks there have been reviewed."
        )
        lines.append(thin.format(format_money(amount), platform_name(platform)))
    if forecast.unconverted:
        lines.append(left_out_words(forecast.unconverted))
    return lines


def left_out_words(currencies: Sequence[str]) -> str:
    """What a figure leaves out because a rate is missing: said, never guessed."""
    left_out = translate("MoneyOutlook", "Amounts in {0} are left out: no exchange rate for their day.")
    return left_out.format(", ".join(currencies))


def week_lines(forecast: Forecast) -> list[str]:
    """One line a week: "Week of Monday 7 December: about €30.00"."""
    lines = []
    for start, amount in forecast.by_week():
        shown = format_day(start, weekday=False)
        lines.append(translate("MoneyOutlook", "Week of {0}: about {1}").format(shown, format_money(amount)))
    return lines


# --- a month in words -------------------------------------------------------------------------------------------


def month_words(review: MonthReview, platform_name: Callable[[str], str]) -> str:
    """ "March: €74.00 earned, 19 h of work of which 6 h unpaid; true wage €3.90/h, 33% of your minimum wage;
    best platform Prolific; €12.00 pending.", then which currencies it leaves out for want of a rate."""
    name = format_month(review.month, short=False)
    parts = [
        # Not "earned": the History tab's totals call pending money earned too, and this figure leaves it out.
        translate("MoneyOutlook", "{0}: {1} approved or paid").format(
            name[:1].upper() + name[1:], format_money(review.earned)
        )
    ]
    if round(review.hours * 60) > 0:  # it read "0 minutes of work of which 0 minutes unpaid" under half a minute
        parts[0] += translate("MoneyOutlook", ", {0} of work of which {1} unpaid").format(
            duration_words(round(review.hours * 60)), duration_words(round(review.unpaid_hours * 60)))  # fmt: skip
    if review.true_wage is not None:
        wage = translate("MoneyOutlook", "true wage {0}").format(
            format_wage(review.true_wage, review.true_wage_seconds)
        )
        share = review.share_of_minimum()
        if share is not None:
            wage += translate("MoneyOutlook", ", {0}% of your minimum wage").format(
                format_number(round(share * 100))
            )
        parts.append(wage)
    if review.best_platform:
        parts.append(translate("MoneyOutlook", "best platform {0}").format(platform_name(review.best_platform)))
    if review.pending.minor > 0:
        parts.append(translate("MoneyOutlook", "{0} pending").format(format_money(review.pending)))
    said = translate("MoneyOutlook", "; ").join(parts) + "."
    return f"{said} {left_out_words(review.unconverted)}" if review.unconverted else said


def spread_words(review: MonthReview) -> str:
    spread = review.spread
    if spread is None:
        return ""
    words = translate(
        "MoneyOutlook",
        "Over the last {0} months you earned between {1} and {2} a month; half the months under {3}.",
    )
    return words.format(
        format_number(spread.months), format_money(spread.lowest), format_money(spread.highest),
        format_money(spread.median),
    )  # fmt: skip


class OutlookPanel(QWidget):
    """The History tab's page of pending money and months in words; plain text only."""

    def __init__(
        self,
        platform_name: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._platform_name = platform_name
        self.forecast = plain_label(self)
        self.weeks = plain_label(self)
        self.months = plain_label(self)
        for label in (self.forecast, self.weeks, self.months):
            label.setWordWrap(True)
        self.forecast.setText(self.tr("Working out your pending money…"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.forecast)
        layout.addWidget(self.weeks)
        layout.addWidget(self.months)
        layout.addStretch(1)

    def show_outlook(self, outlook: Outlook) -> None:
        self.forecast.setText("\n".join(forecast_words(outlook.forecast, self._platform_name)))
        self.weeks.setText("\n".join(week_lines(outlook.forecast)))
        said = [month_words(review, self._platform_name) for review in outlook.months]
        spread = spread_words(outlook.months[0]) if outlook.months else ""
        self.months.setText("\n".join([*said, *([spread] if spread else [])]))

    def show_error(self, message: str) -> None:
        self.forecast.setText(message)
