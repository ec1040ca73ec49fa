"""Money, numbers and dates as each language writes them, with the amounts' digits kept exact."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from surveydesk.core.money import Money, MoneyError
from surveydesk.ui.formatting import (
    amount_text,
    date_entry_format,
    date_entry_text,
    format_date,
    format_day,
    format_money,
    format_month,
    format_number,
    format_rate,
    format_time,
    read_amount,
    read_date,
)
from tests.locations import ROOT

FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
ENGLISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
BRITISH = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
C = QLocale.c()
# What Qt 6 (CLDR) writes in French: a narrow no-break space between thousands, a no-break space before €.
NARROW_NBSP, NBSP = "\u202f", "\u00a0"


def test_french_money_is_written_1_234_56_euros():
    assert format_money(Money(123456, "EUR"), FRENCH) == f"1{NARROW_NBSP}234,56{NBSP}€"


@pytest.mark.parametrize(
    ("money", "locale", "expected"),
    [
        (Money(123456, "EUR"), ENGLISH, "€1,234.56"),
        (Money(150, "GBP"), BRITISH, "£1.50"),
        (Money(7, "USD"), ENGLISH, "$0.07"),
        (Money(-150, "GBP"), FRENCH, f"-1,50{NBSP}£"),
        (Money(1000, "JPY"), FRENCH, f"1{NARROW_NBSP}000{NBSP}¥"),  # no minor unit
        (Money(1234567, "KWD"), ENGLISH, f"KWD{NBSP}1,234.567"),  # three decimals; a code is never glued on
        (Money(1250, "CHF"), FRENCH, f"12,50{NBSP}CHF"),
        (Money(5, "EUR"), FRENCH, f"0,05{NBSP}€"),
    ],
)
def test_money_in_each_language(money, locale, expected):
    assert format_money(money, locale) == expected


def test_an_amount_beyond_a_floats_precision_keeps_every_digit():
    assert format_money(Money(12345678901234567, "EUR"), ENGLISH) == "€123,456,789,012,345.67"


def test_the_c_locale_of_a_machine_without_a_language_reads_as_english():
    assert format_money(Money(123456, "GBP"), C) == "£1,234.56"


def test_the_default_locale_is_used_when_none_is_given(qapp):
    before = QLocale()
    try:
        QLocale.setDefault(FRENCH)
        assert format_money(Money(123456, "EUR")) == f"1{NARROW_NBSP}234,56{NBSP}€"
        assert format_rate(Money(1200, "EUR")) == f"12,00{NBSP}€/h"
    finally:
        QLocale.setDefault(before)


def test_numbers_and_dates():
    assert format_number(1234567, FRENCH) == f"1{NARROW_NBSP}234{NARROW_NBSP}567"
    assert format_number(1234567, ENGLISH) == "1,234,567"
    assert format_date(date(2026, 11, 30), FRENCH) == "30/11/2026"
    assert format_date(date(2026, 11, 30), ENGLISH) == "11/30/26"
    noon = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # the same day in every time zone from UTC-11 to UTC+11
    assert format_date(noon, FRENCH) == "30/11/2026"


def test_an_amount_to_edit_is_written_with_the_language_s_decimal_separator():
    """The fields showed "11.88" and "0.50" to a French worker, who writes 11,88."""
    french, english = QLocale(QLocale.Language.French, QLocale.Country.France), QLocale("en_GB")
    assert amount_text(Money(1188, "EUR"), french) == "11,88"
    assert amount_text("0.50", french) == "0,50"
    assert amount_text(Money(123456, "GBP"), english) == "1234.56"
    assert amount_text(Money(5, "JPY"), french) == "5"


@pytest.mark.parametrize("typed", ["1234,56", "1234.56", "1 234,56", "1\u202f234,56", " 1234,56 "])
def test_a_typed_amount_is_read_with_a_comma_or_a_point_and_french_spaces(typed: str):
    assert read_amount(typed, "EUR") == Money(123456, "EUR")


def test_a_typed_amount_that_is_not_one_is_refused():
    with pytest.raises(MoneyError):
        read_amount("1,234.56", "EUR")


def test_a_british_or_french_worker_reads_the_day_before_the_month():
    """English meant the US form everywhere; a British locale writes its own."""
    assert format_date(date(2026, 4, 1), BRITISH) == "01/04/2026"
    assert format_date(date(2026, 4, 1), FRENCH) == "01/04/2026"
    assert format_date(date(2026, 4, 1), ENGLISH) == "4/1/26"


@pytest.mark.parametrize(
    ("locale", "with_weekday", "without"),
    [
        (FRENCH, "dimanche 20 décembre", "20 décembre"),
        (BRITISH, "Sunday, 20 December", "20 December"),
        (ENGLISH, "Sunday, December 20", "December 20"),
    ],
)
def test_a_day_in_words_follows_the_language_s_order(locale, with_weekday, without):
    assert format_day(date(2026, 12, 20), locale) == with_weekday
    assert format_day(date(2026, 12, 20), locale, weekday=False) == without
    assert format_month(date(2026, 12, 20), locale, short=False) in ("décembre 2026", "December 2026")


def test_a_time_of_day_follows_the_language_s_clock():
    moment = datetime(2026, 4, 1, 14, 2, 5).astimezone()  # the worker's own clock
    assert format_time(moment, FRENCH) == "14:02"
    assert format_time(moment, ENGLISH) == "2:02\u202fPM" or format_time(moment, ENGLISH) == "2:02 PM"
    assert format_time(moment, BRITISH, seconds=True) == "14:02:05"


def test_a_date_field_shows_the_year_in_full_and_reads_her_form_back():
    assert date_entry_format(FRENCH) == "dd/MM/yyyy" and date_entry_format(ENGLISH) == "M/d/yyyy"
    assert date_entry_text(date(1985, 4, 17), FRENCH) == "17/04/1985"
    assert read_date("17/04/1985", FRENCH) == date(1985, 4, 17)
    assert read_date("4/17/1985", ENGLISH) == date(1985, 4, 17)
    assert read_date(" 1985-04-17 ", FRENCH) == date(1985, 4, 17)  # what the profile stored before
    assert read_date("17/04/1985", ENGLISH) is None and read_date("soon", FRENCH) is None


def test_no_screen_writes_a_date_or_time_with_its_own_pattern():
    """Dates, times and months go through ui/formatting.py, so every screen writes them the language's way."""
    handmade = re.compile(r"strftime|isoformat\(\)|FormatType\.ShortFormat|\"(dddd|d MMMM|MMMM yyyy|yyyy-MM-dd)")
    offenders = [
        f"{path.name}:{number}"
        for path in sorted((ROOT / "surveydesk" / "ui").glob("*.py"))
        if path.name != "formatting.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if handmade.search(line) and not re.search(r"settings\.set\(|stored, not shown", line)
    ]
    assert offenders == []
