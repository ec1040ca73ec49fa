"""The minimum wage table and the country guessed from the locale."""

from __future__ import annotations

from datetime import date

import pytest

from surveydesk.core.money import Money
from surveydesk.work.minimum_wage import (
    MINIMUM_WAGES,
    country_of_locale,
    default_country,
    default_minimum_wage,
    statutory_rates,
    wage_on,
)


@pytest.mark.parametrize(
    ("country", "wage"),
    [
        ("FR", Money(952, "EUR")),
        ("GB", Money(1271, "GBP")),
        ("DE", Money(1390, "EUR")),
        ("US", Money(725, "USD")),
        ("fr", Money(952, "EUR")),
        ("IT", None),
        ("ZZ", None),
    ],
)
def test_table_lookups(country: str, wage: Money | None) -> None:
    assert default_minimum_wage(country) == wage


def test_every_entry_is_keyed_by_its_code_and_dated_when_it_has_a_figure() -> None:
    for code, wage in MINIMUM_WAGES.items():
        assert code == wage.country and len(code) == 2 and code.isupper()
        assert (wage.hourly is None) == (wage.since is None)
        assert [rate.since for rate in wage.rates] == sorted({rate.since for rate in wage.rates})


@pytest.mark.parametrize(
    ("day", "net"),
    [
        (date(2022, 12, 31), None),  # before the first rate known: none is guessed
        (date(2023, 1, 1), 892),
        (date(2024, 10, 31), 922),
        (date(2024, 11, 1), 940),  # the November 2024 rise applies from its day on
        (date(2025, 12, 31), 940),
        (date(2026, 1, 1), 952),
    ],
)
def test_an_old_month_is_judged_by_the_smic_of_its_time(day: date, net: int | None) -> None:
    rate = wage_on(statutory_rates("FR"), day)
    assert (None if rate is None else rate.hourly) == (None if net is None else Money(net, "EUR"))
    assert MINIMUM_WAGES["FR"].net and not MINIMUM_WAGES["GB"].net


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("fr_FR.UTF-8", "FR"),
        ("en_GB", "GB"),
        ("de_DE@euro", "DE"),
        ("nl-BE", "BE"),
        ("pt_BR.utf8", "BR"),
        ("French_France", "FR"),
        ("English_United Kingdom.1252", "GB"),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("fr", None),
        ("", None),
        (None, None),
    ],
)
def test_country_of_locale(name: str | None, country: str | None) -> None:
    assert country_of_locale(name) == country


def test_default_country_follows_the_posix_variables_in_order() -> None:
    assert default_country({"LANG": "en_GB.UTF-8"}) == "GB"
    assert default_country({"LC_MONETARY": "de_DE.UTF-8", "LANG": "en_GB.UTF-8"}) == "DE"
    assert default_country({"LC_ALL": "en_IE.UTF-8", "LC_MONETARY": "de_DE.UTF-8"}) == "IE"


def test_default_country_falls_back_to_france() -> None:
    assert default_country({"LANG": "C.UTF-8"}) == "FR"


def test_default_country_without_variables_asks_the_process_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("locale.getlocale", lambda: ("English_Canada", "1252"))
    assert default_country({}) == "CA"
