"""A server's text as put in a message: cut short, secrets hidden. Sending nothing, so the platforms' record
readers (platforms/records.py) quote without importing requests before the main window's first frame."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

QUOTE_LIMIT: Final = 120


def without_secrets(text: str, secrets: Iterable[str]) -> str:
    """A server's text with any of `secrets` (a server may echo a login or a hash back) replaced by "…"."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "…")
    return text


def excerpt(value: object, hide: Iterable[str] = ()) -> str:
    """A server-supplied value cut short enough to put in a message; control characters come out escaped,
    and any of the secrets in `hide` comes out as "…"."""
    text = without_secrets(repr(value)[1:-1] if isinstance(value, str) else repr(value), hide)
    return text if len(text) <= QUOTE_LIMIT else f"{text[: QUOTE_LIMIT - 1]}…"
