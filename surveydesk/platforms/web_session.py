"""What a sign-in window looks for in a platform's own web page, and what it hands back: plain values, no Qt.

A platform's sign-in (prolific/sign_in.py, mturk/sign_in.py, toloka/sign_in.py) says where its sign-in page is and
which page storage entry or which cookies mean "signed in" (a `SessionWatch`); the window (ui/sign_in_window.py)
opens the page, waits for them and gives back a `CapturedSession`, which the platform turns into what its
connector needs. Both travel between the layers as values so that the platforms never import Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Protocol
from urllib.parse import urlsplit

from surveydesk.platforms.offerwall_links import WallLinkSignIn


@dataclass(frozen=True, slots=True)
class WebCookie:
    """One cookie as the site set it; `http_only` ones are hidden from the page's scripts, yet kept."""

    name: str
    value: str
    domain: str  # the host it was set for (no leading dot)
    path: str = "/"
    secure: bool = False
    http_only: bool = False


@dataclass(frozen=True, slots=True)
class SessionWatch:
    """Where to sign in and what proves it worked.

    `storage_prefix`: a page storage (localStorage) key starting with it, on a page of `storage_origin`, means
    signed in. `cookie_names`: all these cookies set for `cookie_host` mean signed in. `seed_cookies` are put in
    the window's cookie jar before the page opens, so a site that remembers the worker skips the password.
    """

    start_url: str
    storage_prefix: str = ""
    storage_origin: str = ""
    cookie_names: frozenset[str] = frozenset()
    cookie_host: str = ""
    seed_cookies: tuple[WebCookie, ...] = ()

    def __post_init__(self) -> None:
        if not (self.storage_prefix or self.cookie_names):
            raise ValueError("a sign-in must watch for a page storage entry or for cookies")
        if self.storage_prefix and not self.storage_origin:
            raise ValueError("a page storage entry is read from one site only: give its origin")
        if self.cookie_names and not self.cookie_host:
            raise ValueError("cookies are read from one host only: give it")

    def is_signed_in(self, captured: CapturedSession) -> bool:
        """Whether what the window saw so far is a whole session."""
        if self.storage_prefix and not any(key.startswith(self.storage_prefix) for key in captured.storage):
            return False
        return self.cookie_names <= {cookie.name for cookie in captured.cookies}


@dataclass(frozen=True, slots=True)
class CapturedSession:
    """What the window took from the page: matching storage entries (key → value) and the host's cookies."""

    storage: dict[str, str] = field(default_factory=dict)
    cookies: tuple[WebCookie, ...] = ()


class WebSignIn(Protocol):
    """A platform signed in to in a web page: what the window watches for (seeded with what is stored, if the site
    can use it), and the secret its connector needs from what was captured (None: not a usable session)."""

    def session_watch(self, stored: str | None = None) -> SessionWatch: ...

    def secret(self, captured: CapturedSession) -> str | None: ...


def origin_of(url: str) -> str:
    """`scheme://host[:port]` of a URL, as browsers compare pages' origins."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def cookie_header(cookies: Iterable[WebCookie]) -> str:
    """The cookies as one request would send them (`a=1; b=2`), the last of each name winning."""
    by_name = {cookie.name: cookie.value for cookie in cookies}
    return "; ".join(f"{name}={value}" for name, value in by_name.items())


def cookies_from_header(header: str, host: str, secure: bool = True) -> tuple[WebCookie, ...]:
    """The cookies of a stored `a=1; b=2` line, set back for `host` (to seed a sign-in window with them); `secure`
    ones go over HTTPS only.

    An unreadable line gives none: the worker then simply signs in with the password again.
    """
    jar = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return ()
    return tuple(WebCookie(name, morsel.value, host, secure=secure) for name, morsel in jar.items())


@dataclass(frozen=True, slots=True)
class SignIns:
    """How each platform's account is connected: signed in to in a web page (`web`), or by pasting the link of
    a survey wall (`walls`). The composition root makes it, with the demo's pages in the demo."""

    web: Mapping[str, WebSignIn] = field(default_factory=dict)
    walls: Mapping[str, WallLinkSignIn] = field(default_factory=dict)
