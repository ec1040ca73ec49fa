"""Money, numbers and dates as the worker's language writes them (`1 234,56 €` in French, `€1,234.56` in English).

Everything goes through QLocale, whose default the translator loader sets from the language setting. Amounts stay
exact: the digits come from the integer minor units, and QLocale only supplies the separators and where the
currency symbol goes, never a float's rounding.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from surveydesk.core.money import Money, currency_symbol, minor_exponent


def display_locale(locale: QLocale | None = None) -> QLocale:
    """The locale to write with: the given one, else the application's default.

    The POSIX "C" locale (a machine with no language set) has no thousands separator and puts symbols after the
    number; it is read as US English, the language of the untranslated interface.
    """
    chosen = QLocale() if locale is None else locale
    if chosen.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return chosen


def format_money(money: Money, locale: QLocale | None = None) -> str:
    """An amount with its currency, e.g. `1 234,56 €` (fr), `€1,234.56` (en), `12,50 CHF` (fr)."""
    return _money_text(money, (QLocale() if locale is None else locale).name())


def format_rate(money: Money, locale: QLocale | None = None) -> str:
    """An hourly rate: `12,00 €/h`."""
    return f"{format_money(money, locale)}/h"


def format_wage(wage: Money | None, seconds: float, locale: QLocale | None = None) -> str:
    """A wage measured over `seconds` of work: as `format_rate`, "—" without a figure, or "too short to count"
    under a minute (`work.wages.long_enough_to_count`), where the figure would be absurd (2,648 $/h for a task
    submitted seconds after it started). Every view that shows a wage words it so."""
    from surveydesk.work.wages import long_enough_to_count  # with the work log's model, not before the first frame

    if wage is None:
        return "—"
    if not long_enough_to_count(seconds):
        return QCoreApplication.translate("WagesPanel", "too short to count")
    return format_rate(wage, locale)


def format_number(value: int, locale: QLocale | None = None) -> str:
    """A whole number with the language's thousands separator: `1 234` (fr), `1,234` (en)."""
    return display_locale(locale).toString(value)


def amount_text(value: Money | Decimal | str, locale: QLocale | None = None) -> str:
    """An amount to type or edit: digits with the language's decimal separator and no currency, e.g. `11,88`
    (fr), `11.88` (en); `read_amount` reads it back."""
    number = value.as_decimal() if isinstance(value, Money) else Decimal(value)
    return f"{number:f}".replace(".", display_locale(locale).decimalPoint())


# Spaces in a typed amount: French groups thousands with a (narrow) no-break space, and copied text brings any.
_SPACES = re.compile(r"[\s\u00a0\u202f]")


def read_amount(text: str, currency: str) -> Money:
    """An amount the worker typed, exactly: a comma or a point before the decimals (in either language), spaces
    ignored. Raises MoneyError for what is not an amount."""
    return Money.parse(_SPACES.sub("", text).replace(",", "."), currency)


def format_date(moment: date | datetime, locale: QLocale | None = None) -> str:
    """A calendar day in the language's short form: `30/11/2026` (fr), `11/30/26` (en); a UTC moment is shown
    on the worker's own calendar."""
    day = moment.astimezone().date() if isinstance(moment, datetime) else moment
    return display_locale(locale).toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


def format_date_time(moment: datetime, locale: QLocale | None = None) -> str:
    """A day and a time to the minute, as the moment's own clock reads it (convert it to the worker's zone
    first): `30/11/2026 14:02` (fr), `11/30/26 2:02 PM` (en)."""
    shown = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute))
    return display_locale(locale).toString(shown, QLocale.FormatType.ShortFormat)


def format_month(day: date, locale: QLocale | None = None, *, short: bool = True) -> str:
    """A month and its year: short enough for a chart's axis, `nov. 2026` (fr), `Nov 2026` (en), or in full,
    `novembre 2026`, `November 2026`."""
    return display_locale(locale).toString(QDate(day.year, day.month, 1), "MMM yyyy" if short else "MMMM yyyy")


# A year and the separator that ties it to the rest of a long date: ", yyyy" (en_US), " yyyy" (fr), "yyyy年".
_YEAR = re.compile(r"[\s,]*y+[\s,.年]*")


def format_day(day: date, locale: QLocale | None = None, *, weekday: bool = True) -> str:
    """A day in words without its year, in the language's own order: `dimanche 20 décembre` (fr), `Sunday,
    December 20` (en_US), `Sunday 20 December` (en_GB); without the weekday, `20 décembre`, `December 20`."""
    chosen = display_locale(locale)
    pattern = _YEAR.sub(" ", chosen.dateFormat(QLocale.FormatType.LongFormat)).strip(" ,")
    if not weekday:
        pattern = re.sub(r"d{4}[\s,]*", "", pattern).strip(" ,")
    return chosen.toString(QDate(day.year, day.month, day.day), pattern)


def format_weekday(day: date, locale: QLocale | None = None) -> str:
    """A day of the coming week by its name alone: `dimanche` (fr), `Sunday` (en)."""
    return display_locale(locale).toString(QDate(day.year, day.month, day.day), "dddd")


def format_time(moment: datetime, locale: QLocale | None = None, *, seconds: bool = False) -> str:
    """A time of day on the worker's clock (a UTC moment is converted): `14:02` (fr, en_GB), `2:02 PM` (en_US);
    with its seconds, `14:02:05`, `2:02:05 PM`."""
    local = moment.astimezone()
    chosen = display_locale(locale)
    pattern = chosen.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return chosen.toString(QTime(local.hour, local.minute, local.second), pattern)


def date_entry_format(locale: QLocale | None = None) -> str:
    """The pattern of a date field: the language's short date with the year in full (`dd/MM/yyyy` in French and
    British English, `M/d/yyyy` in US English), so a typed or shown birth year is never ambiguous."""
    pattern = display_locale(locale).dateFormat(QLocale.FormatType.ShortFormat)
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy", 1)


def date_entry_text(day: date, locale: QLocale | None = None) -> str:
    """A day as a date field shows it and `read_date` reads it back: `17/04/1985` (fr), `4/17/1985` (en_US)."""
    return display_locale(locale).toString(QDate(day.year, day.month, day.day), date_entry_format(locale))


def read_date(text: str, locale: QLocale | None = None) -> date | None:
    """A date the worker typed in her language's form (`17/04/1985` in French, `4/17/1985` in US English; a
    two-digit year too), or as year-month-day; None for what is not a date."""
    chosen = display_locale(locale)
    typed = text.strip()
    for pattern in (date_entry_format(chosen), chosen.dateFormat(QLocale.FormatType.ShortFormat), "yyyy-MM-dd"):
        read = chosen.toDate(typed, pattern)
        if read.isValid():
            return date(read.year(), read.month(), read.day())
    return None


# The list repaints its reward cells often; an amount is written once per language.
@functools.lru_cache(maxsize=4096)
def _money_text(money: Money, locale_name: str) -> str:
    locale = display_locale(QLocale(locale_name))
    symbol = currency_symbol(money.currency)
    exponent = minor_exponent(money.currency)
    major, minor = divmod(abs(money.minor), 10**exponent)
    number = locale.toString(major)
    if exponent:
        fraction = locale.toString(minor)  # below 1000: no separator, but the language's own digits
        number += locale.decimalPoint() + locale.zeroDigit() * (exponent - len(fraction)) + fraction
    # QLocale places the symbol (before or after, with or without a space) around the number it writes; the
    # number 1 marks the place, and is replaced by the exact one.
    one = locale.toString(1)
    template = locale.toCurrencyString(1, symbol or money.currency)
    if symbol is None:  # a code such as CHF is a word: never glued to the digits
        template = template.replace(money.currency + one, f"{money.currency}\xa0{one}")
        template = template.replace(one + money.currency, f"{one}\xa0{money.currency}")
    text = template.replace(one, number, 1)
    return locale.negativeSign() + text if money.minor < 0 else text
