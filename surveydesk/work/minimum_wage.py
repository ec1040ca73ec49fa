"""Statutory hourly minimum wages by country, to hold a worker's true wage against, and their likely country.

Every figure is the **gross** hourly rate for an adult (before social contributions and income tax: the French
SMIC brut, not the net), from the date given. They change every year or so and apply to employees, not to the
self-employed: they are a yardstick, not a claim, and the worker can edit the figure in the settings. A country
whose law sets no hourly figure is listed with None, so the worker can pick it and type their own.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping
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
class MinimumWage:
    """One country's statutory minimum, as the law states it."""

    country: str  # ISO 3166-1 alpha-2
    name: str  # the English name, also what Windows puts in its locale names ("French_France"); a Sentence
    hourly: Money | None  # gross, per hour; None where the law sets no hourly figure
    since: date | None  # when `hourly` took effect


MINIMUM_WAGES: Mapping[str, MinimumWage] = {
    wage.country: wage
    for wage in (
        # SMIC horaire brut, raised by 2% on 1 November 2024 and unchanged on 1 January 2025 (service-public.fr).
        MinimumWage("FR", QT_TRANSLATE_NOOP("MinimumWage", "France"), Money(1188, "EUR"), date(2024, 11, 1)),
        # National Living Wage, workers aged 21 and over, from 1 April 2025 (gov.uk, National Minimum Wage rates).
        MinimumWage(
            "GB", QT_TRANSLATE_NOOP("MinimumWage", "United Kingdom"), Money(1221, "GBP"), date(2025, 4, 1)
        ),
        # Gesetzlicher Mindestlohn (MiLoG), as set by the Mindestlohnkommission for 1 January 2025.
        MinimumWage("DE", QT_TRANSLATE_NOOP("MinimumWage", "Germany"), Money(1282, "EUR"), date(2025, 1, 1)),
        # Wettelijk minimumuurloon, workers aged 21 and over, from 1 July 2025 (rijksoverheid.nl).
        MinimumWage("NL", QT_TRANSLATE_NOOP("MinimumWage", "Netherlands"), Money(1440, "EUR"), date(2025, 7, 1)),
        # National Minimum Wage, adult rate, from 1 January 2025 (Workplace Relations Commission).
        MinimumWage("IE", QT_TRANSLATE_NOOP("MinimumWage", "Ireland"), Money(1350, "EUR"), date(2025, 1, 1)),
        # Federal minimum under the Fair Labor Standards Act since 24 July 2009; many states set a higher one.
        MinimumWage("US", QT_TRANSLATE_NOOP("MinimumWage", "United States"), Money(725, "USD"), date(2009, 7, 24)),
        # Salario mínimo interprofesional: set per day and per month, not per hour.
        MinimumWage("ES", QT_TRANSLATE_NOOP("MinimumWage", "Spain"), None, None),
        # No statutory minimum wage: pay floors come from the collective agreement of each sector.
        MinimumWage("IT", QT_TRANSLATE_NOOP("MinimumWage", "Italy"), None, None),
        # Revenu minimum mensuel moyen garanti: a monthly figure, indexed, with sector agreements above it.
        MinimumWage("BE", QT_TRANSLATE_NOOP("MinimumWage", "Belgium"), None, None),
        # Each province sets its own; the federal figure covers only federally regulated work.
        MinimumWage("CA", QT_TRANSLATE_NOOP("MinimumWage", "Canada"), None, None),
    )
}


def default_minimum_wage(country: str) -> Money | None:
    """The statutory hourly minimum of `country` (ISO code, any case), or None when none is known."""
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
