"""Exact money: an integer count of minor units plus an ISO 4217 code, parsed from every form platforms send.

Platforms disagree on how they write an amount: Prolific sends integer pence inside `{amount, currency}`, MTurk
float dollars (`0.07`), Toloka and BitLabs decimal strings (`"0.05"`), CPX numbers or numbers-as-strings. Every
form goes through `Decimal(str(value))`, so a float's shortest repr is taken literally and no binary rounding
error reaches the ledger.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

# ISO 4217 minor-unit exponents that differ from the usual 2.
_EXPONENTS: dict[str, int] = {
    "BHD": 3, "IQD": 3, "JOD": 3, "KWD": 3, "LYD": 3, "OMR": 3, "TND": 3,
    "BIF": 0, "CLP": 0, "DJF": 0, "GNF": 0, "ISK": 0, "JPY": 0, "KMF": 0, "KRW": 0, "PYG": 0,
    "RWF": 0, "UGX": 0, "UYI": 0, "VND": 0, "VUV": 0, "XAF": 0, "XOF": 0, "XPF": 0,
}  # fmt: skip
_CURRENCY_CODE = re.compile(r"^[A-Z]{3}$")
_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}

Unit = Literal["major", "minor"]
# Amounts are read only between 10^-12 and 10^15 (whatever the unit): far beyond any reward, far within what
# Decimal and int handle at once.
_SMALLEST_EXPONENT = -12
_LARGEST_EXPONENT = 15


class MoneyError(ValueError):
    """An amount or currency that cannot be read exactly."""


def minor_exponent(currency: str) -> int:
    """How many decimal places the currency's minor unit has (2 for GBP, 0 for JPY, 3 for KWD)."""
    return _EXPONENTS.get(currency, 2)


def currency_symbol(currency: str) -> str | None:
    """The symbol a worker knows the currency by (£, $, €, ¥), or None where the ISO code is clearer."""
    return _SYMBOLS.get(currency)


def normalise_currency(code: Any) -> str:
    """Return the upper-case ISO 4217 code, or raise `MoneyError` for anything else."""
    if not isinstance(code, str):
        raise MoneyError(f"not an ISO 4217 currency code: {code!r}")
    return _normalised_code(code)


@functools.lru_cache(maxsize=64)
def _normalised_code(code: str) -> str:
    # Cached: every amount of every poll passes through here, and platforms use a handful of codes.
    upper = code.strip().upper()
    if not _CURRENCY_CODE.match(upper):
        raise MoneyError(f"not an ISO 4217 currency code: {code!r}")
    return upper


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or value is None:
        raise MoneyError(f"not an amount: {value!r}")
    if isinstance(value, (int, Decimal)):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().replace("\u00a0", "").replace(" ", "")
        if not text:
            raise MoneyError("empty amount")
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise MoneyError(f"not an amount: {value!r}") from exc
    else:
        raise MoneyError(f"not an amount: {value!r}")
    if not number.is_finite():
        raise MoneyError(f"not a finite amount: {value!r}")
    return number


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount: `minor` units (pence, cents) of `currency`."""

    minor: int
    currency: str

    def __post_init__(self) -> None:
        if type(self.minor) is not int:
            raise MoneyError(f"minor units must be an int, not {type(self.minor).__name__}")
        if self.currency != normalise_currency(self.currency):
            raise MoneyError(f"currency must be an upper-case ISO 4217 code: {self.currency!r}")

    @classmethod
    def parse(cls, value: Any, currency: str | None = None, unit: Unit = "major") -> Money:
        """Read an amount in any platform form.

        `value` may be an int, float, Decimal or numeric string in `unit` (major = pounds/dollars, minor =
        pence/cents), or a mapping `{"amount": ..., "currency": ...}` whose amount is in `unit`. `currency` is
        required unless the mapping carries one. Amounts finer than the currency's minor unit are refused
        rather than rounded, so a surprising payload is noticed instead of silently changed.
        """
        if isinstance(value, dict):
            if "amount" not in value:
                raise MoneyError(f"money object without an amount: {value!r}")
            currency = value.get("currency") or currency
            value = value["amount"]
        if currency is None:
            raise MoneyError("amount without a currency")
        code = normalise_currency(currency)
        if unit == "minor" and type(value) is int:
            return cls(value, code)  # the common Prolific case, and exact already
        number = _to_decimal(value)
        # Checked before any arithmetic: "1e999999999" would overflow, and turning a number with a
        # million-digit exponent into an int runs for hours while holding the interpreter.
        if number and not _SMALLEST_EXPONENT <= number.adjusted() <= _LARGEST_EXPONENT:
            raise MoneyError(f"{value!r} {code} is not an amount any task pays")
        if unit == "major":
            number = number.scaleb(minor_exponent(code))
        if number != number.to_integral_value():
            raise MoneyError(f"{value!r} {code} is finer than the currency's smallest unit")
        return cls(int(number), code)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, normalise_currency(currency))

    def as_decimal(self) -> Decimal:
        """The amount in major units, exactly (for display and export, never for storage)."""
        return Decimal(self.minor).scaleb(-minor_exponent(self.currency))

    def per_hour(self, minutes: int | None) -> Money | None:
        """The hourly rate this amount pays for `minutes` of work, rounded half-up to the minor unit."""
        if not minutes or minutes <= 0:
            return None
        return Money((self.minor * 60 * 2 + minutes) // (minutes * 2), self.currency)

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        if other.currency != self.currency:
            raise MoneyError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.minor + other.minor, self.currency)

    def format(self) -> str:
        """A short human form such as `£1.50`, `$0.07` or `12.50 CHF`."""
        exponent = minor_exponent(self.currency)
        text = f"{abs(self.as_decimal()):,.{exponent}f}"
        sign = "-" if self.minor < 0 else ""
        symbol = _SYMBOLS.get(self.currency)
        return f"{sign}{symbol}{text}" if symbol else f"{sign}{text} {self.currency}"

    def __str__(self) -> str:
        return self.format()
