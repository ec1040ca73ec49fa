"""The worker says what her rewards site's points are worth: typed her way, kept dated, refused in words, removed;
the History tab opens it with the survey-wall accounts."""

from __future__ import annotations

from datetime import UTC, date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, QLocale

from surveydesk.core.model import Account, AccountKey
from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue
from surveydesk.ledger.points import PointsValueStore
from surveydesk.store import Database
from surveydesk.ui.formatting import format_time
from surveydesk.ui.points_dialog import PointsValueDialog
from tests.factories import FixedClock, ledger_files

BITLABS = Account(AccountKey("bitlabs", "Rewardy"), "Rewardy", "https://api.bitlabs.ai")
CPX = Account(AccountKey("cpx", "Coinsite"), "Coinsite", "https://live-api.cpx-research.com")


@pytest.fixture
def store(database: Database) -> PointsValueStore:
    return PointsValueStore(database)


@pytest.fixture
def dialog(qtbot, store: PointsValueStore) -> PointsValueDialog:
    widget = PointsValueDialog(store, lambda: [BITLABS, CPX])
    qtbot.addWidget(widget)
    return widget


def test_a_value_typed_her_way_is_kept_from_its_day(qtbot, dialog: PointsValueDialog, store) -> None:
    dialog.account.setCurrentIndex(1)
    dialog.day.setDate(QDate(2026, 11, 1))
    dialog.points.setText("1 000")
    dialog.amount.setText("1,50")
    dialog.currency.setCurrentText("EUR")

    with qtbot.waitSignal(dialog.changed):
        assert dialog.add()

    (kept,) = store.of(CPX.key)
    assert kept == PointsValue(date(2026, 11, 1), Decimal(1000), Money(150, "EUR"))
    assert not store.of(BITLABS.key)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "CPX Research — Coinsite"
    assert dialog.message.text() == ""


@pytest.mark.parametrize(("points", "amount"), [("many", "1.00"), ("0", "1.00"), ("1000", "1.005"), ("1000", "")])
def test_a_value_that_cannot_be_right_is_refused_in_words_and_nothing_typed_is_lost(
    dialog: PointsValueDialog, store, points: str, amount: str
) -> None:
    dialog.points.setText(points)
    dialog.amount.setText(amount)

    assert not dialog.add()

    assert not store.of(BITLABS.key)
    assert dialog.message.text().startswith("Not kept: enter a number of points such as 1000")
    assert (dialog.points.text(), dialog.amount.text()) == (points, amount)


def test_a_value_can_be_removed(qtbot, dialog: PointsValueDialog, store) -> None:
    store.set(BITLABS.key, PointsValue(date(2026, 1, 1), Decimal(100), Money(100, "USD")))
    store.set(BITLABS.key, PointsValue(date(2026, 6, 1), Decimal(100), Money(90, "USD")))
    dialog.refresh()
    dialog.table.selectRow(1)

    with qtbot.waitSignal(dialog.changed):
        dialog.remove_selected()

    assert [value.day for value in store.of(BITLABS.key)] == [date(2026, 1, 1)]


def test_numbers_and_days_are_shown_the_french_way(qtbot, store) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        store.set(CPX.key, PointsValue(date(2026, 11, 30), Decimal(1000), Money(150, "EUR")))
        widget = PointsValueDialog(store, lambda: [CPX])
        qtbot.addWidget(widget)
        texts = [widget.table.item(0, column).text() for column in range(1, 4)]
    finally:
        QLocale.setDefault(before)
    assert texts[0] == "30/11/2026"
    assert texts[1].replace("\u202f", " ").replace("\u00a0", " ") == "1 000"
    assert texts[2].replace("\u00a0", " ") == "1,50 €"


def test_without_a_survey_wall_it_says_to_connect_one_first(qtbot, store) -> None:
    widget = PointsValueDialog(store, lambda: [])
    qtbot.addWidget(widget)

    assert widget.message.text() == "Connect a survey wall in Accounts first."
    assert not widget.add_button.isEnabled() and not widget.add()


def test_the_history_tab_opens_it_with_the_survey_wall_accounts(qtbot, database, pool) -> None:
    from surveydesk.services.history_service import HistoryService
    from surveydesk.services.long_job import LongJob
    from surveydesk.store.settings import SettingsStore
    from surveydesk.ui.history_view import HistoryView

    clock = FixedClock()
    service = HistoryService(database, pool, clock, UTC, time_text=format_time)
    view = HistoryView(
        service,
        LongJob(pool),
        ledger_files(database),
        PointsValueStore(database),
        SettingsStore(database),
        clock,
        lambda: [],
        wall_accounts=lambda: [CPX],
    )
    qtbot.addWidget(view)

    view.points_button.click()

    (dialog,) = view.findChildren(PointsValueDialog)
    assert view.points_button.text() == "Value of points…"
    assert [dialog.account.itemText(i) for i in range(dialog.account.count())] == ["CPX Research — Coinsite"]
    dialog.close()


def test_the_value_s_example_and_its_refusal_are_written_the_french_way(qtbot, store, french) -> None:
    """The field's example and the refusal showed "1.00" to a French worker; "1 000,50" typed her way is read."""
    widget = PointsValueDialog(store, lambda: [CPX])
    qtbot.addWidget(widget)
    assert widget.amount.placeholderText() == "1,00"
    widget.amount.setText("abc")
    assert not widget.add()
    assert "1,00" in widget.message.text()


def test_two_walls_of_one_label_are_told_apart_by_their_platform(qtbot, store: PointsValueStore) -> None:
    """The demo's BitLabs and CPX walls are both "demo": the list and the form read "demo" twice."""
    walls = [Account(AccountKey("bitlabs", "demo"), "demo", ""), Account(AccountKey("cpx", "demo"), "demo", "")]
    dialog = PointsValueDialog(store, lambda: walls)
    qtbot.addWidget(dialog)
    for wall in walls:
        store.set(wall.key, PointsValue(date(2026, 1, 1), Decimal(100), Money(100, "USD")))
    dialog.refresh()
    assert [dialog.account.itemText(i) for i in range(2)] == ["BitLabs — demo", "CPX Research — demo"]
    assert {dialog.table.item(row, 0).text() for row in range(2)} == {"BitLabs — demo", "CPX Research — demo"}
    dialog.show()
    qtbot.waitExposed(dialog)
    # on one line: the column of the default width wrapped it as "CPX Research" over "— demo"
    assert dialog.table.columnWidth(0) > dialog.table.fontMetrics().horizontalAdvance("CPX Research — demo")
