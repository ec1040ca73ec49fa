"""Which addresses SurveyDesk opens in the worker's browser: the task links platforms send are untrusted text.

A link is opened only when what the browser will visit is what the worker sees: `https`, a host, no user-info
(`https://app.prolific.com@evil.example/` visits evil.example), no blank anywhere (a padded or split address is
read differently by different programs), no backslash (browsers read it as a slash). Plain `http` is kept for
the demo exchange on this computer only.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_BLANK_OR_BACKSLASH = re.compile(r"[\s\\]")  # \s: every character `str.isspace` calls a blank


def openable(url: str) -> bool:
    """Whether `url` may be opened in the browser (see the module's rules)."""
    if not url or _BLANK_OR_BACKSLASH.search(url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. "https://[not-an-ip]/"
        return False
    if not host or "@" in parts.netloc:
        return False
    scheme = parts.scheme.lower()
    return scheme == "https" or (scheme == "http" and host in LOOPBACK_HOSTS)


def host_of(url: str) -> str:
    """The host the browser would visit for an `openable` url, to show beside it."""
    return urlsplit(url).hostname or ""
