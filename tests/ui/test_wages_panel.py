"""The wages panel in words: wages against the minimum wage, the empty state, the month's table, the editor."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea

from surveydesk.core.money import Money
from surveydesk.ledger.minimum_in_currency import MinimumInCurrency, MinimumOfDay
from surveydesk.services.wage_reports import WageSummary
from surveydesk.store import Database
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.wages_panel import (
    WagesPanel,
    compare_wage,
    format_duration,
    format_rate,
    format_share,
)
from surveydesk.work.minimum_wage import DatedWage
from surveydesk.work.model import UnpaidCause
from surveydesk.work.wage_settings import WageSettings
from surveydesk.work.wages import CurrencyFigures, WageReport

NOTHING = WageReport(shift_seconds=0.0, attempt_seconds=0.0, by_currency={})


def _gbp(paid: int, paid_seconds: float, task: int, true: int) -> dict[str, CurrencyFigures]:
    return {"GBP": CurrencyFigures(Money(paid, "GBP"), paid_seconds, Money(task, "GBP"), Money(true, "GBP"))}


TODAY = WageReport(
    shift_seconds=3900.0,
    attempt_seconds=2700.0,
    by_currency=_gbp(250, 1800.0, 500, 231),
    unpaid_seconds={UnpaidCause.SEARCHING: 1200.0, UnpaidCause.SCREENED_OUT: 900.0},
)
MONTH = WageReport(
    shift_seconds=36000.0,
    attempt_seconds=30000.0,
    by_currency=_gbp(13000, 30000.0, 1560, 1300),
    unpaid_seconds={UnpaidCause.SEARCHING: 6000.0},
)


DAY = date(2026, 12, 7)
UK_SINCE = date(2025, 4, 1)
UK_MINIMUM = MinimumOfDay(
    DAY,
    DatedWage(UK_SINCE, Money(1221, "GBP")),
    {"GBP": MinimumInCurrency(Money(1221, "GBP"), UK_SINCE, "GBP", Money(1221, "GBP"), None)},
)
FULL = WageSummary(
    today=TODAY,
    this_week=TODAY,
    this_month=MONTH,
    by_platform={"prolific": MONTH},
    by_requester={"<b>Lab</b>": TODAY, "": MONTH},
    minimum=UK_MINIMUM,
)


def _summary(**changes: object) -> WageSummary:
    return replace(FULL, **changes)


@pytest.fixture
def settings(database: Database) -> WageSettings:
    wage_settings = WageSettings(SettingsStore(database))
    wage_settings.set_country("GB")
    return wage_settings


@pytest.fixture
def panel(qtbot, settings: WageSettings) -> WagesPanel:
    widget = WagesPanel(settings)
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (29, "0:00"), (3900, "1:05"), (36_000, "10:00")])
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_in_french_a_duration_is_written_in_hours_and_minutes(french) -> None:
    """ "1:05" beside the timer strip's minutes and seconds ("Session 0:12") could be read as either."""
    assert format_duration(3900) == "1\xa0h\xa005"
    assert format_duration(0) == "0\xa0h\xa000"


def test_format_rate_share_and_comparison() -> None:
    assert format_rate(Money(812, "GBP")) == "£8.12/h"
    assert format_rate(None) == "—"
    assert format_share(0.7249) == "72%"
    assert format_share(None) == "—"
    minimum = Money(1188, "EUR")
    assert compare_wage(Money(1187, "EUR"), minimum) == -1
    assert compare_wage(Money(1188, "EUR"), minimum) == 0
    assert compare_wage(Money(1300, "EUR"), minimum) == 1
    assert compare_wage(Money(1300, "GBP"), minimum) is None
    assert compare_wage(None, minimum) is None


def test_each_period_shows_both_wages_hours_and_unpaid_time_by_cause(panel: WagesPanel) -> None:
    panel.show_summary(_summary())
    assert panel.today.texts() == [
        "£5.00/h task · £2.31/h true",
        "Task wage: below the minimum wage of £12.21/h",
        "True wage: below the minimum wage of £12.21/h",
        "Hours worked: 1:05",
        "Unpaid: 54% (Searching 0:20 · Screened out 0:15)",
    ]
    assert panel.this_month.texts()[:3] == [
        "£15.60/h task · £13.00/h true",
        "Task wage: above the minimum wage of £12.21/h",
        "True wage: above the minimum wage of £12.21/h",
    ]
    assert panel.today.warnings() == panel.today.texts()[1:3]
    assert panel.this_month.warnings() == []
    assert not panel.empty_label.isVisibleTo(panel)


SMIC = DatedWage(date(2026, 1, 1), Money(952, "EUR"))


def test_a_minimum_wage_in_euros_is_compared_with_pounds_at_the_rate_it_names(panel: WagesPanel) -> None:
    """She earns in pounds, her minimum is the SMIC in euros: the cards said "Minimum wage: —" with no reason."""
    in_pounds = MinimumInCurrency(SMIC.hourly, SMIC.since, "GBP", Money(806, "GBP"), date(2026, 12, 4))
    panel.show_summary(_summary(minimum=MinimumOfDay(DAY, SMIC, {"GBP": in_pounds})))
    assert panel.today.texts()[1:4] == [
        "Minimum wage €9.52/h = £8.06/h at the rate of 12/4/26",
        "Task wage: below the minimum wage of £8.06/h",
        "True wage: below the minimum wage of £8.06/h",
    ]
    assert panel.this_month.texts()[1:4] == [
        "Minimum wage €9.52/h = £8.06/h at the rate of 12/4/26",
        "Task wage: above the minimum wage of £8.06/h",
        "True wage: above the minimum wage of £8.06/h",
    ]
    assert panel.today.warnings() == panel.today.texts()[2:4]


def test_a_missing_rate_is_said_not_guessed(panel: WagesPanel) -> None:
    no_rate = MinimumInCurrency(SMIC.hourly, SMIC.since, "GBP", None, None)
    panel.show_summary(_summary(minimum=MinimumOfDay(DAY, SMIC, {"GBP": no_rate})))
    assert panel.today.texts()[1] == (
        "Minimum wage of €9.52/h: no exchange rate to GBP on 12/7/26 yet, so it is not compared "
        "(History, Exchange rates…)."
    )
    assert panel.today.warnings() == []


def test_hours_that_paid_nothing_are_below_any_minimum(panel: WagesPanel) -> None:
    unpaid = WageReport(3600.0, 600.0, {}, {UnpaidCause.SEARCHING: 3000.0, UnpaidCause.RETURNED: 600.0})
    panel.show_summary(_summary(today=unpaid))
    assert panel.today.texts() == [
        "Nothing paid for these hours.",
        "True wage: below the minimum wage of £12.21/h",
        "Hours worked: 1:00",
        "Unpaid: 100% (Searching 0:50 · Returned 0:10)",
    ]


def test_a_shift_under_a_minute_is_not_judged_against_the_minimum(panel: WagesPanel) -> None:
    """A shift just begun showed "0:00" worked beside "below the minimum wage" (seen on the Wages tab)."""
    begun = WageReport(20.0, 0.0, {}, {UnpaidCause.SEARCHING: 20.0})
    panel.show_summary(_summary(today=begun))
    assert panel.today.texts()[:2] == ["Nothing paid yet.", "Hours worked: 0:00"]
    assert panel.today.warnings() == []


def test_nothing_worked_yet_says_so_instead_of_a_blank_panel(panel: WagesPanel) -> None:
    panel.show_summary(
        _summary(today=NOTHING, this_week=NOTHING, this_month=NOTHING, by_platform={}, by_requester={})
    )
    assert panel.empty_label.isVisibleTo(panel)
    assert panel.empty_label.text() == "No finished tasks yet: the figures appear when you end your first task."
    assert not panel.today.isVisibleTo(panel)
    panel.show_summary(_summary())
    assert not panel.empty_label.isVisibleTo(panel)
    assert panel.today.isVisibleTo(panel)


def test_the_months_tables_list_platforms_and_requesters(panel: WagesPanel) -> None:
    panel.show_summary(_summary())
    headers = [panel.platforms.horizontalHeaderItem(column).text() for column in range(5)]
    assert headers == ["Name", "Time", "Earned or pending", "Task wage", "True wage"]  # was "Paid": not yet
    row = [panel.platforms.item(0, column).text() for column in range(5)]
    assert row == ["Prolific", "8:20", "£130.00", "£15.60/h", "£13.00/h"]
    names = {panel.requesters.item(r, 0).text() for r in range(panel.requesters.rowCount())}
    assert names == {"<b>Lab</b>", "Unknown requester"}
    assert not panel.requesters.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable


def test_the_table_sorts_time_by_value_not_by_text(panel: WagesPanel) -> None:
    nine, ten = WageReport(9 * 3600.0, 9 * 3600.0, {}), WageReport(10 * 3600.0, 10 * 3600.0, {})
    panel.show_summary(_summary(by_platform={"a": ten, "b": nine}))
    panel.platforms.sortItems(1, Qt.SortOrder.AscendingOrder)
    assert [panel.platforms.item(r, 1).text() for r in range(2)] == ["9:00", "10:00"]


def test_errors_are_shown_in_words(panel: WagesPanel) -> None:
    panel.show_error("Your wages could not be worked out from the work log; see the log file.")
    assert panel.status.isVisibleTo(panel)
    assert panel.status.text().startswith("Your wages could not be worked out")
    assert panel.status.textFormat() == Qt.TextFormat.PlainText


def test_the_editor_saves_an_exact_amount_to_the_settings(
    qtbot, panel: WagesPanel, settings: WageSettings
) -> None:
    editor = panel.editor
    assert (editor.country.currentData(), editor.amount.text(), editor.currency.text()) == ("GB", "12.71", "GBP")
    assert editor.message.text() == "Gross hourly minimum since 4/1/26"
    assert editor.country.currentText() == "United Kingdom"  # named, not "United Kingdom (GB)"
    editor.country.setCurrentIndex(editor.country.findData("FR"))
    editor.country.activated.emit(editor.country.currentIndex())
    assert (editor.amount.text(), editor.currency.text()) == ("9.52", "EUR")
    assert editor.message.text() == "Net hourly minimum since 1/1/26"
    editor.amount.setText("12,02")
    with qtbot.waitSignal(panel.minimum_changed):
        assert editor.save()
    assert settings.country() == "FR"
    assert settings.minimum_wage() == Money(1202, "EUR")


def test_the_editor_refuses_an_amount_it_cannot_read_exactly(panel: WagesPanel, settings: WageSettings) -> None:
    panel.editor.amount.setText("12.345")
    assert not panel.editor.save()
    assert "11.88" in panel.editor.message.text()
    assert settings.minimum_wage() == Money(1271, "GBP")


def test_an_empty_amount_means_no_minimum_and_the_panel_says_so(panel: WagesPanel, settings: WageSettings) -> None:
    panel.editor.amount.clear()
    assert panel.editor.save()
    assert settings.minimum_wage() is None
    panel.show_summary(_summary(minimum=MinimumOfDay(DAY, DatedWage(DAY, None), {})))
    assert panel.today.texts()[1] == "Minimum wage: none set; you can type one below."
    assert panel.today.warnings() == []


def test_the_month_tables_headers_are_whole_in_french_on_a_laptop(qtbot, settings: WageSettings, french) -> None:
    """At its default width a column cut its French header ("Salaire par tâche" read "alaire par tâch")."""
    panel = WagesPanel(settings)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    panel.show_summary(_summary())
    qtbot.waitExposed(panel)
    header = panel.platforms.horizontalHeader()
    cut = [
        panel.platforms.horizontalHeaderItem(column).text()
        for column in range(header.count())
        if header.sectionSize(column) < header.sectionSizeHint(column)
    ]
    assert cut == []


def test_the_minimum_wage_is_written_the_french_way(qtbot, settings: WageSettings, french) -> None:
    panel = WagesPanel(settings)
    qtbot.addWidget(panel)
    editor = panel.editor
    editor.country.setCurrentIndex(editor.country.findData("FR"))
    editor.country.activated.emit(editor.country.currentIndex())
    assert editor.amount.text() == "9,52"
    editor.amount.setText("12.345")
    assert not editor.save()
    assert "11,88" in editor.message.text()


def test_a_wage_measured_over_seconds_is_too_short_to_count(panel: WagesPanel) -> None:
    """A task submitted two seconds after it started showed 2,648 $/h, "above the minimum wage"."""
    seconds = WageReport(2.0, 2.0, _gbp(147, 2.0, 264_600, 264_600))
    panel.show_summary(_summary(today=seconds, by_platform={"prolific": seconds}))
    assert panel.today.texts() == [
        "Wages: too short to count yet",
        "Hours worked: 0:00",
        "Unpaid: 0%",
    ]
    assert panel.today.warnings() == []
    row = [panel.platforms.item(0, column).text() for column in range(5)]
    assert row[3:] == ["too short to count", "too short to count"]
    a_minute = WageReport(60.0, 60.0, _gbp(147, 60.0, 8820, 8820))
    panel.show_summary(_summary(today=a_minute))
    assert panel.today.texts()[0] == "£88.20/h task · £88.20/h true"
    longer_shift = WageReport(600.0, 2.0, _gbp(147, 2.0, 264_600, 882))
    panel.show_summary(_summary(today=longer_shift))
    assert panel.today.texts()[0] == "too short to count task · £8.82/h true"


def test_a_period_too_short_to_count_says_so_once_whatever_its_currencies(panel: WagesPanel, french) -> None:
    """Pounds and dollars earned in seconds: the French card said "Salaires : trop tôt pour compter" once per
    currency, each time with a minimum wage compared with nothing, and the month's table "trop court pour
    compter" once per currency of a platform."""
    pounds_and_dollars = {
        **_gbp(147, 2.0, 264_600, 264_600),
        "USD": CurrencyFigures(Money(120, "USD"), 2.0, Money(216_000, "USD"), Money(216_000, "USD")),
    }
    seconds = WageReport(2.0, 2.0, pounds_and_dollars)
    panel.show_summary(_summary(today=seconds, by_platform={"prolific": seconds}))
    assert panel.today.texts() == [
        "Salaires\xa0: trop tôt pour compter",
        "Heures travaillées\xa0: 0\xa0h\xa000",
        "Non payé\xa0: 0\xa0%",
    ]
    row = [panel.platforms.item(0, column).text() for column in range(5)]
    assert row[3:] == ["trop court pour compter", "trop court pour compter"]


def test_on_a_narrow_window_the_figures_scroll_rather_than_clip_a_line(qtbot, panel: WagesPanel) -> None:
    """The window made as small as she can: the cards' lines wrap and need more height than is left; the tab
    scrolls, each line whole. On a laptop-sized window it does not scroll: the month's tables give up rows."""
    panel.show_summary(FULL)
    long = "Minimum wage of £12.71/h: no exchange rate to USD on 07/12/2026 yet, so it is not compared."
    for view in (panel.today, panel.this_week, panel.this_month):
        view.show_lines([(long, False), (long, False), ("Hours worked: 1:05", False)])
    scroll = panel.findChild(QScrollArea)
    assert scroll is not None
    panel.resize(600, 450)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().isVisible())
    wrapped = [label for label in panel.findChildren(QLabel) if label.isVisible() and label.wordWrap()]
    assert wrapped and all(label.height() >= label.heightForWidth(label.width()) for label in wrapped)
    panel.resize(1220, 600)
    qtbot.waitUntil(lambda: not scroll.verticalScrollBar().isVisible())
    assert panel.editor.isVisible()


def test_in_french_each_line_of_a_card_holds_on_one_line_at_the_width_the_window_opens(qtbot, settings, french):
    """On a 1366×768 screen the window opens 1229 px wide: "au-dessus du salaire minimum de 8,40 £/h" broke
    between "£/" and "h" there (seen on the Wages tab)."""
    panel = WagesPanel(settings)
    qtbot.addWidget(panel)
    in_pounds = MinimumInCurrency(SMIC.hourly, SMIC.since, "GBP", Money(840, "GBP"), date(2026, 12, 4))
    panel.show_summary(_summary(minimum=MinimumOfDay(DAY, SMIC, {"GBP": in_pounds})))
    panel.resize(1229 - 2 * 7, 600)  # the tab's page in the window, less its frame
    panel.show()
    qtbot.waitExposed(panel)
    lines = [label for label in panel.this_month.findChildren(QLabel) if label.isVisible()]
    assert "Salaire par tâche\u00a0: au-dessus du minimum de 8,40\u00a0£/h" in [label.text() for label in lines]
    for label in lines:
        assert label.height() < 2 * label.fontMetrics().lineSpacing(), label.text()
