"""What the keyboard tests ask of a window's menus, in any language."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow


def menus_of(window: QMainWindow) -> list[list[QAction]]:
    """The menu bar's entries, then each menu's, as the keyboard reaches them with Alt and a letter."""
    bar = window.menuBar().actions()
    return [bar, *[action.menu().actions() for action in bar if action.menu() is not None]]


def mnemonic_of(text: str) -> str | None:
    """The letter after a single "&" (a doubled "&&" is a plain ampersand), in lower case."""
    cleaned = text.replace("&&", "")
    index = cleaned.find("&")
    return cleaned[index + 1].casefold() if 0 <= index < len(cleaned) - 1 else None


def repeated_mnemonics(window: QMainWindow) -> list[list[str]]:
    """The entries of each menu that share a letter with another entry of the same menu: Alt+letter would then
    only cycle between them."""
    repeated = []
    for entries in menus_of(window):
        letters = [mnemonic_of(action.text()) for action in entries if not action.isSeparator()]
        letters = [letter for letter in letters if letter]
        if len(letters) != len(set(letters)):
            repeated.append([action.text() for action in entries])
    return repeated
