"""A marker for the few sentences the pure layers write for the worker (the keyring's notice).

The pure packages cannot import Qt, yet their words must reach the worker in the worker's language. A sentence
written here is marked with `QT_TRANSLATE_NOOP(context, text)`: lupdate reads this name in any Python file, so
the English text lands in the .ts under its context, and the UI translates it with
`QCoreApplication.translate(context, text)` where it shows it. At run time the marker only returns the text.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """`text` unchanged; lupdate files it under `context` (a class name, where the UI looks it up)."""
    del context
    return text
