"""Countries by their names in the worker's language (`Royaume-Uni` in French), never as the ISO codes the profile
and the settings store.

Qt names a country only in English or in its own language, so the names come from the Unicode CLDR through
Babel, for the language of the interface's locale (ui/translations.py makes it QLocale's default).
"""

from __future__ import annotations

import functools
import unicodedata

from babel import Locale, UnknownLocaleError
from PySide6.QtCore import QLocale

from surveydesk.ui.formatting import display_locale

# CLDR also names regions that are no country (the world, Europe, the EU, "Unknown Region"): only two-letter
# codes are countries, and these few are groupings or placeholders.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "ZZ"})


def _names_locale(locale: QLocale | None) -> Locale:
    chosen = display_locale(locale)
    try:
        return Locale.parse(chosen.name())
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def country_name(code: str, locale: QLocale | None = None) -> str:
    """A country's name, e.g. `FR` → `France`, `GB` → `Royaume-Uni` (fr); an unknown code stays as it is."""
    return str(_names_locale(locale).territories.get(code.upper(), code))


def countries(locale: QLocale | None = None) -> list[tuple[str, str]]:
    """Every country as (code, name), in the alphabetical order of the worker's language."""
    return list(_countries(display_locale(locale).name()))


@functools.cache
def _countries(locale_name: str) -> tuple[tuple[str, str], ...]:
    names = _names_locale(QLocale(locale_name)).territories
    found = [(code, name) for code, name in names.items() if _is_country(code)]
    # Accented initials (Émirats arabes unis) sort with their letter, not after Z.
    return tuple(sorted(found, key=lambda pair: _sort_key(pair[1])))


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES


def _sort_key(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))
