"""Statutory hourly minimum wages by country, dated, to hold a true wage against; and the likely country.

Each country has its rates with the day each took effect: a rate applies from its day until the next one, so a
month of 2024 is judged by the rate of 2024, not by today's. France's figures are the **net** hourly SMIC (what
an employee paid the SMIC takes home per hour, after social contributions, before income tax), the figure a
click worker's own earnings are best held against; the other countries' are the **gross** hourly rate for an
adult, as their law states it (none states a net one). They apply to employees, not to the self-employed: they
are a yardstick, not a claim, and the worker can type her own figure in the settings. A country whose law sets no
hourly figure is listed without rates, so the worker can pick it and type their own.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from surveydesk.core.money import Money
from surveydesk.core.translatable import QT_TRANSLATE_NOOP

# Most SurveyDesk users work from France.
FALLBACK_COUNTRY = "FR"

# Where the locale of money is set, in POSIX precedence: the first one set wins.
_LOCALE_VARIABLES = ("LC_ALL", "LC_MONETARY", "LANG")
_TERRITORY_CODE = re.compile(r"^[A-Za-z]{2}$")


@dataclass(frozen=True, slots=True)
class DatedWage:
    """An hourly minimum wage in force from `since` until the next rate; None: no minimum from that day."""

    since: date
    hourly: Money | None


def wage_on(rates: Sequence[DatedWage], day: date) -> DatedWage | None:
    """The rate in force on `day`: the latest dated on or before it; None before the first (never guessed)."""
    in_force = [rate for rate in rates if rate.since <= day]
    return max(in_force, key=lambda rate: rate.since) if in_force else None


@dataclass(frozen=True, slots=True)
class MinimumWage:
    """One country's statutory minimum, as the law states it, with the day each rate took effect."""

    country: str  # ISO 3166-1 alpha-2
    name: str  # the English name, also what Windows puts in its locale names ("French_France"); a Sentence
    rates: tuple[DatedWage, ...]  # oldest first; none where the law sets no hourly figure
    net: bool = False  # after the employee's social contributions (France's); else gross, as the law states it

    @property
    def hourly(self) -> Money | None:
        """The latest rate."""
        return self.rates[-1].hourly if self.rates else None

    @property
    def since(self) -> date | None:
        """When the latest rate took effect."""
        return self.rates[-1].since if self.rates else None


def _rates(*dated: tuple[date, int, str]) -> tuple[DatedWage, ...]:
    return tuple(DatedWage(since, Money(minor, currency)) for since, minor, currency in dated)


# SMIC horaire net (the gross SMIC less the employee's social contributions), as service-public.fr
# ("Montant du Smic") and the decrees raising the gross rate state it, each from the day the gross rate rose:
# gross €11.27 (1 Jan 2023), €11.52 (1 May 2023), €11.65 (1 Jan 2024), €11.88 (1 Nov 2024, unchanged on
# 1 Jan 2025), €12.02 (1 Jan 2026, +1.18 %, by the decree of December 2025).
SMIC_NET = _rates(
    (date(2023, 1, 1), 892, "EUR"),
    (date(2023, 5, 1), 911, "EUR"),
    (date(2024, 1, 1), 922, "EUR"),
    (date(2024, 11, 1), 940, "EUR"),
    (date(2026, 1, 1), 952, "EUR"),
)


MINIMUM_WAGES: Mapping[str, MinimumWage] = {
    wage.country: wage
    for wage in (
        MinimumWage("FR", QT_TRANSLATE_NOOP("MinimumWage", "France"), SMIC_NET, net=True),
        # National Living Wage, workers aged 21 and over, from 1 April 2025 and 1 April 2026 (gov.uk, National
        # Minimum Wage rates; the 2026 rate as announced in the Autumn Budget 2025).
        MinimumWage(
            "GB",
            QT_TRANSLATE_NOOP("MinimumWage", "United Kingdom"),
            _rates((date(2025, 4, 1), 1221, "GBP"), (date(2026, 4, 1), 1271, "GBP")),
        ),
        # Gesetzlicher Mindestlohn (MiLoG), as set by the Mindestlohnkommission for 1 January 2025 and, in its
        # decision of June 2025, for 1 January 2026.
        MinimumWage(
            "DE",
            QT_TRANSLATE_NOOP("MinimumWage", "Germany"),
            _rates((date(2025, 1, 1), 1282, "EUR"), (date(2026, 1, 1), 1390, "EUR")),
        ),
        # Wettelijk minimumuurloon, workers aged 21 and over, from 1 July 2025 (rijksoverheid.nl).
        MinimumWage(
            "NL", QT_TRANSLATE_NOOP("MinimumWage", "Netherlands"), _rates((date(2025, 7, 1), 1440, "EUR"))
        ),
        # National Minimum Wage, adult rate, from 1 January 2025 (Workplace Relations Commission).
        MinimumWage("IE", QT_TRANSLATE_NOOP("MinimumWage", "Ireland"), _rates((date(2025, 1, 1), 1350, "EUR"))),
        # Federal minimum under the Fair Labor Standards Act since 24 July 2009; many states set a higher one.
        MinimumWage(
            "US", QT_TRANSLATE_NOOP("MinimumWage", "United States"), _rates((date(2009, 7, 24), 725, "USD"))
        ),
        # Salario mínimo interprofesional: set per day and per month, not per hour.
        MinimumWage("ES", QT_TRANSLATE_NOOP("MinimumWage", "Spain"), ()),
        # No statutory minimum wage: pay floors come from the collective agreement of each sector.
        MinimumWage("IT", QT_TRANSLATE_NOOP("MinimumWage", "Italy"), ()),
        # Revenu minimum mensuel moyen garanti: a monthly figure, indexed, with sector agreements above it.
        MinimumWage("BE", QT_TRANSLATE_NOOP("MinimumWage", "Belgium"), ()),
        # Each province sets its own; the federal figure covers only federally regulated work.
        MinimumWage("CA", QT_TRANSLATE_NOOP("MinimumWage", "Canada"), ()),
    )
}


def statutory_rates(country: str) -> tuple[DatedWage, ...]:
    """The dated statutory hourly minimums of `country` (ISO code, any case); none when none is known."""
    wage = MINIMUM_WAGES.get(country.strip().upper())
    return () if wage is None else wage.rates


def default_minimum_wage(country: str) -> Money | None:
    """The latest statutory hourly minimum of `country` (ISO code, any case), or None when none is known."""
    wage = MINIMUM_WAGES.get(country.strip().upper())
    return None if wage is None else wage.hourly


def country_of_locale(name: str | None) -> str | None:
    """The country a locale name points to: "fr_FR.UTF-8" → "FR", "en-GB" → "GB", "French_France" → "FR".

    None for a locale that names no country ("C", "POSIX", "fr").
    """
    if not name:
        return None
    language_territory = re.split(r"[.@]", name.strip(), maxsplit=1)[0].replace("-", "_")
    if "_" not in language_territory:
        return None
    territory = language_territory.split("_", 1)[1].strip()
    if _TERRITORY_CODE.match(territory):
        return territory.upper()
    by_name = {wage.name.casefold(): code for code, wage in MINIMUM_WAGES.items()}
    return by_name.get(territory.casefold())


def default_country(environ: Mapping[str, str] = os.environ) -> str:
    """The worker's likely country, from the process locale; France when the locale names none.

    The environment is read first because `locale.getlocale()` reports "C.UTF-8" as en_US, which would send
    every minimal Linux session to the United States; Windows sets no such variable, and there the locale
    Python took at start-up names the country.
    """
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            return country_of_locale(value) or FALLBACK_COUNTRY
    return country_of_locale(locale.getlocale()[0]) or FALLBACK_COUNTRY
