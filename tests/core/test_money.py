"""Tests of exact money: every platform's way of writing an amount, refusals, formatting and hourly rates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from surveydesk.core.money import Money, MoneyError, Unit


@pytest.mark.parametrize(
    ("value", "currency", "unit", "expected"),
    [
        # Prolific: integer pence inside a money object, and the legacy bare int.
        ({"amount": 150, "currency": "GBP"}, None, "minor", Money(150, "GBP")),
        (150, "GBP", "minor", Money(150, "GBP")),
        # MTurk: float dollars, exact wherever the float's shortest repr is.
        (0.07, "USD", "major", Money(7, "USD")),
        (1.1, "USD", "major", Money(110, "USD")),
        (19.99, "USD", "major", Money(1999, "USD")),
        # Toloka and BitLabs: decimal strings.
        ("0.05", "USD", "major", Money(5, "USD")),
        (" 1.50 ", "GBP", "major", Money(150, "GBP")),
        ("3", "EUR", "major", Money(300, "EUR")),
        (Decimal("2.25"), "EUR", "major", Money(225, "EUR")),
        # CPX: numbers, or numbers as strings.
        ("0.4", "USD", "major", Money(40, "USD")),
        (0.4, "USD", "major", Money(40, "USD")),
        # Currencies whose minor unit is not a hundredth.
        (150, "JPY", "major", Money(150, "JPY")),
        ("150", "JPY", "minor", Money(150, "JPY")),
        ("1.234", "KWD", "major", Money(1234, "KWD")),
        # Lower-case codes, given or inside the object.
        ("1.50", "gbp", "major", Money(150, "GBP")),
        ({"amount": "2.00", "currency": " usd "}, None, "major", Money(200, "USD")),
    ],
)
def test_parse_reads_every_platform_form(value: Any, currency: str | None, unit: Unit, expected: Money) -> None:
    assert Money.parse(value, currency, unit) == expected


@pytest.mark.parametrize(
    ("value", "currency"),
    [
        (None, "USD"),
        (True, "USD"),
        ("", "USD"),
        ("   ", "USD"),
        ("abc", "USD"),
        ("NaN", "USD"),
        ("Infinity", "USD"),
        (float("nan"), "USD"),
        (float("inf"), "USD"),
        ({"currency": "GBP"}, None),
        ("1.50", None),
        ({"amount": 150}, None),
        ("1.50", "EURO"),
        ("1.50", "€"),
        ("0.005", "USD"),
        (0.1 + 0.2, "USD"),  # 0.30000000000000004 dollars is not a whole number of cents
        ("1.5", "JPY"),
        ("1.2345", "KWD"),
        ([1, 50], "USD"),
    ],
)
def test_parse_refuses_what_it_cannot_read_exactly(value: Any, currency: str | None) -> None:
    with pytest.raises(MoneyError):
        Money.parse(value, currency)


@pytest.mark.parametrize(
    ("money", "text"),
    [
        (Money(150, "GBP"), "£1.50"),
        (Money(7, "USD"), "$0.07"),
        (Money(-150, "GBP"), "-£1.50"),
        (Money(123456, "EUR"), "€1,234.56"),
        (Money(1500, "JPY"), "¥1,500"),
        (Money(1250, "CHF"), "12.50 CHF"),
        (Money(-1234, "KWD"), "-1.234 KWD"),
    ],
)
def test_format(money: Money, text: str) -> None:
    assert money.format() == text
    assert str(money) == text


@pytest.mark.parametrize(
    ("minor", "minutes", "expected"),
    [
        (150, 10, 900),  # £1.50 for ten minutes is £9.00 an hour
        (1, 8, 8),  # 7.5 rounds half up
        (1, 9, 7),  # 6.67
        (1, 7, 9),  # 8.57
        (100, 60, 100),
    ],
)
def test_per_hour(minor: int, minutes: int, expected: int) -> None:
    assert Money(minor, "GBP").per_hour(minutes) == Money(expected, "GBP")


@pytest.mark.parametrize("minutes", [0, None, -5])
def test_per_hour_without_a_duration_is_unknown(minutes: int | None) -> None:
    assert Money(150, "GBP").per_hour(minutes) is None


def test_adding_money() -> None:
    assert Money(150, "GBP") + Money(25, "GBP") == Money(175, "GBP")
    with pytest.raises(MoneyError, match="cannot add USD to GBP"):
        Money(150, "GBP") + Money(150, "USD")


@pytest.mark.parametrize(("minor", "currency"), [(1.5, "GBP"), (True, "GBP"), (150, "gbp"), (150, "POUND")])
def test_the_constructor_refuses_inexact_parts(minor: Any, currency: str) -> None:
    with pytest.raises(MoneyError):
        Money(minor, currency)
