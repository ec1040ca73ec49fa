"""What an address says, read without sending anything: whether it is a sign-in page's, and its origin.

Apart from http.py so that the sign-in descriptions and the platform specs, read before the first frame, need
neither requests nor urllib3 (tests/test_start_imports.py), which only what sends imports.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Where sites keep their sign-in pages: a sign-in server (auth.prolific.com, passport.yandex.com), or a sign-in
# path on any server (Amazon's /ap/signin, /login, /sign-in, OpenID Connect's /authorize).
_SIGN_IN_HOST = re.compile(r"(?:auth|login|signin|passport|sso|accounts)\.", re.IGNORECASE)
_SIGN_IN_PATH = re.compile(r"/(?:log-?in|sign-?in|sign_in|signin|authorize)(?:[/.;]|$)", re.IGNORECASE)


def is_sign_in_address(url: str) -> bool:
    """Whether `url` is where sites keep their sign-in pages: a sign-in server, or a sign-in path."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return bool(_SIGN_IN_HOST.match(parts.hostname or "") or _SIGN_IN_PATH.search(parts.path))


def origin(url: str) -> tuple[str, str]:
    """Scheme and host of an address: requests carry a login only where this stays the same."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ("", url)
    return parts.scheme.lower(), parts.netloc.lower()
