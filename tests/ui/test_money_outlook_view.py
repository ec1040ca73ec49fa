"""The goals, the forecast and the month in words, in English and in French, and the service that feeds them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QThreadPool

from surveydesk.core.earnings import EntryHeader, Kind, Report, ReviewDeadline, Status
from surveydesk.core.money import Money
from surveydesk.ledger.forecast import Expected, Forecast
from surveydesk.ledger.goals import GoalProgress, GoalSettings
from surveydesk.ledger.minimum_in_currency import MinimumInCurrency
from surveydesk.ledger.model import Source
from surveydesk.ledger.month_review import MonthReview, Spread
from surveydesk.ledger.store import LedgerStore
from surveydesk.services.money_outlook import MoneyOutlook, Outlook
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.money_outlook_view import (
    forecast_words,
    goal_line,
    goal_progress,
    month_words,
    spread_words,
    week_lines,
)
from tests.history_data import add_entry

TODAY = date(2026, 12, 7)  # a Monday


def euros(minor: int) -> Money:
    return Money(minor, "EUR")


MARCH = MonthReview(
    month=date(2026, 3, 1),
    earned=euros(7400),
    pending=euros(1200),
    hours=19.0,
    unpaid_hours=6.0,
    true_wage=euros(390),
    true_wage_seconds=19 * 3600.0,
    best_platform="prolific",
    spread=Spread(12, euros(1200), euros(4100), euros(9600)),
    minimum=MinimumInCurrency(euros(1188), date(2024, 11, 1), "EUR", euros(1188), None),
)
FORECAST = Forecast(
    currency="EUR",
    today=TODAY,
    total=euros(4883),
    expected=(
        Expected("a", "prolific", euros(3000), date(2026, 12, 11), date(2026, 12, 13), False),
        Expected("b", "prolific", euros(1383), date(2026, 12, 15), date(2026, 12, 20), False),
    ),
    unforeseen={"bitlabs": euros(500)},
)


def names(platform: str) -> str:
    return {"prolific": "Prolific", "bitlabs": "BitLabs"}[platform]


def test_a_month_in_english(qapp) -> None:
    assert month_words(MARCH, names) == (
        "March 2026: €74.00 approved or paid, 19 h of work of which 6 h unpaid; true wage €3.90/h, "
        "33% of your minimum wage; best platform Prolific; €12.00 pending."
    )
    assert month_words(replace(MARCH, unconverted=("GBP", "USD")), names).endswith(
        "€12.00 pending. Amounts in GBP, USD are left out: no exchange rate for their day."
    )
    assert spread_words(MARCH) == (
        "Over the last 12 months you earned between €12.00 and €96.00 a month; half the months under €41.00."
    )


def test_a_month_in_french(french) -> None:
    assert month_words(MARCH, names) == (
        "Mars 2026\u00a0: 74,00\u00a0€ approuvés ou payés, 19 h de travail dont 6 h sans paiement\u00a0; "
        "vrai salaire 3,90\u00a0€/h, 33\u00a0% de votre salaire minimum\u00a0; "
        "meilleure plateforme Prolific\u00a0; 12,00\u00a0€ en attente."
    )
    assert month_words(replace(MARCH, unconverted=("USD",)), names).endswith(
        "12,00\u00a0€ en attente. Les montants en USD sont laissés de côté\u00a0: pas de taux de change pour leur "
        "jour."
    )
    assert spread_words(MARCH).startswith("Sur les 12 derniers mois, vous avez gagné entre 12,00\u00a0€ et ")


def test_a_month_of_seconds_of_work_names_no_minutes_and_one_minute_is_singular(french) -> None:
    """The demo's month read "0 minutes de travail dont 0 minutes non payées"."""
    seconds = replace(MARCH, hours=20 / 3600, unpaid_hours=20 / 3600)
    assert month_words(seconds, names).startswith(
        "Mars 2026\u00a0: 74,00\u00a0€ approuvés ou payés\u00a0; vrai salaire "
    )
    minutes = replace(MARCH, hours=1 / 60, unpaid_hours=1 / 60)
    assert ", 1 minute de travail dont 1 minute sans paiement\u00a0;" in month_words(minutes, names)


def test_the_forecast_in_words_and_by_week(qapp) -> None:
    assert forecast_words(FORECAST, names) == [
        "€48.83 pending.",
        "Going by your history, about €30.00 should be approved by Friday.",
        "Nine times in ten, all of it is approved by Sunday, December 20.",
        "€5.00 on BitLabs cannot be forecast yet: too few of your tasks there have been reviewed.",
    ]
    assert week_lines(FORECAST) == ["Week of December 7: about €30.00", "Week of December 14: about €13.83"]


def test_the_forecast_in_french(french) -> None:
    words = forecast_words(FORECAST, names)
    assert words[0] == "48,83\u00a0€ en attente."
    assert words[1] == "D’après votre historique, environ 30,00\u00a0€ devraient être approuvés d’ici vendredi."


def test_a_goal_in_english(qapp) -> None:
    goal = GoalProgress("day", TODAY, euros(1000), euros(620), euros(300), euros(500), 3600.0)
    assert goal_progress(goal) == "€6.20 of €10.00 today"  # the timer strip's
    assert goal_line(goal) == "€6.20 of €10.00 today; at today's true wage, about 46 minutes more; €3.00 pending"


def test_a_true_wage_over_under_a_minute_is_too_short_to_count_in_goals_and_months(qapp) -> None:
    """Paid two seconds into the day, the true wage is thousands an hour: the goal promises no time from it and
    the month does not judge it against the minimum, in the Wages tab's words."""
    goal = GoalProgress("day", TODAY, euros(1000), euros(620), euros(0), euros(1_116_000), 2.0)
    assert goal.minutes_more is None
    assert goal_line(goal) == "€6.20 of €10.00 today; today's true wage: too short to count"
    brief = replace(MARCH, true_wage=euros(1_116_000), true_wage_seconds=2.0)
    assert brief.share_of_minimum() is None
    assert "; true wage too short to count; best platform Prolific;" in month_words(brief, names)


def test_too_short_to_count_in_french(french) -> None:
    goal = GoalProgress("day", TODAY, euros(1000), euros(620), euros(0), euros(1_116_000), 2.0)
    assert goal_line(goal) == (
        "6,20\u00a0€ sur 10,00\u00a0€ aujourd’hui\u00a0; vrai salaire d’aujourd’hui\u00a0: trop court pour compter"
    )
    brief = replace(MARCH, true_wage=euros(1_116_000), true_wage_seconds=59.0)
    assert "vrai salaire trop court pour compter\u00a0;" in month_words(brief, names)


def test_a_goal_in_french(french) -> None:
    goal = GoalProgress("week", TODAY, euros(5000), euros(5200), euros(0), None, 0.0)
    assert goal_line(goal) == "52,00\u00a0€ sur 50,00\u00a0€ cette semaine\u00a0: objectif atteint"


def test_the_service_brings_goals_forecast_and_months_and_says_a_goal_once(qtbot, database: Database) -> None:
    goals = GoalSettings(SettingsStore(database))
    goals.set_goal("day", euros(500))
    now = datetime(2026, 12, 7, 15, tzinfo=UTC)
    add_entry(database, "paid", now - timedelta(hours=2), 700, "EUR", status="paid", platform="prolific")
    submitted = now - timedelta(days=5)
    waiting = EntryHeader("prolific", "me", Kind.TASK, submitted, "EUR", task_id="waiting")
    LedgerStore(database).record(
        [Report(waiting, submitted, Status.AWAITING_REVIEW, euros(300))], Source.PLATFORM, submitted
    )
    deadline = {"prolific": ReviewDeadline(timedelta(days=21), "the platform's help page")}
    service = MoneyOutlook(database, goals, QThreadPool.globalInstance(), UTC, deadline)

    with qtbot.waitSignal(service.ready, timeout=10_000) as first:
        service.refresh(now, "EUR")
    outlook: Outlook = first.args[0]
    assert [goal.earned for goal in outlook.goals] == [euros(700)]
    assert [goal.period for goal in outlook.newly_reached] == ["day"]
    assert outlook.forecast.total == euros(300)
    assert outlook.forecast.expected[0].latest == date(2026, 12, 23)  # the deadline alone: too little history
    assert [review.month for review in outlook.months] == [date(2026, 12, 1), date(2026, 11, 1)]

    with qtbot.waitSignal(service.ready, timeout=10_000) as second:
        service.refresh(now, "EUR")
    assert second.args[0].newly_reached == []


def test_pending_money_without_a_rate_is_not_called_nothing(qapp) -> None:
    waiting_for_rates = Forecast("EUR", TODAY, euros(0), (), {}, unconverted=("USD",))

    assert forecast_words(waiting_for_rates, names) == [
        "€0.00 pending.",
        "Amounts in USD are left out: no exchange rate for their day.",
    ]
