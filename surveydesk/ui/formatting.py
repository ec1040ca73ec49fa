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

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

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


def format_month(day: date, locale: QLocale | None = None) -> str:
    """A month and its year, short enough for a chart's axis: `nov. 2026` (fr), `Nov 2026` (en)."""
    return display_locale(locale).toString(QDate(day.year, day.month, 1), "MMM yyyy")


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
