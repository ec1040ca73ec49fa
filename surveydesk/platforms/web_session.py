"""What a sign-in window looks for in a platform's own web page, and what it hands back: plain values, no Qt.

A platform's sign-in (prolific/sign_in.py, mturk/sign_in.py, toloka/sign_in.py) says where its sign-in page is and
which page storage entry or which cookies mean "signed in" (a `SessionWatch`); the window (ui/sign_in_window.py)
opens the page, waits for them and gives back a `CapturedSession`, which the platform turns into what its
connector needs. Both travel between the layers as values so that the platforms never import Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Protocol, TypeAlias, TypeVar
from urllib.parse import urlsplit

from surveydesk.net.addresses import is_sign_in_address
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
class LoadedPage:
    """A page the window finished loading: its address, whether it asks for a password, and where its forms send
    what is typed in them (a sign-in form may send it to another site: Amazon's, for MTurk)."""

    url: str
    asks_password: bool = False
    form_targets: tuple[str, ...] = ()

    @property
    def is_sign_in(self) -> bool:
        return self.asks_password or any(map(is_sign_in_address, (self.url, *self.form_targets)))


@dataclass(frozen=True, slots=True)
class SessionWatch:
    """Where to sign in and what proves it worked.

    `storage_prefix`: a page storage (localStorage) key starting with it, on a page of `storage_origin`, means
    signed in. `cookie_names`: all these cookies set for `cookie_host` mean signed in. `seed_cookies` are put in
    the window's cookie jar before the page opens, so a site that remembers the worker skips the password; a seed
    proves nothing by itself (it may be a session the site ended), so it counts only once the site set it anew
    with another value, or once the site showed a page of the signed-in worker with it.
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

    def is_signed_in(self, captured: CapturedSession, page: LoadedPage | None = None) -> bool:
        """Whether what the window saw so far (the host's cookies in its jar, seeds included, and the page last
        loaded) is a whole session.

        The site's cookies prove it when each one named is new or has a value other than its seed's; a site that
        sets back the very values it was seeded with (a session still valid, signed in again) proves it by the
        page it then shows: one of the cookie host that asks for no password and is no sign-in page."""
        if self.storage_prefix and not any(key.startswith(self.storage_prefix) for key in captured.storage):
            return False
        seeds = {(seed.name, seed.value) for seed in self.seed_cookies}
        if self.cookie_names <= {
            cookie.name for cookie in captured.cookies if (cookie.name, cookie.value) not in seeds
        }:
            return True
        shown = page is not None and host_of(page.url) == self.cookie_host and not page.is_sign_in
        return shown and self.cookie_names <= {cookie.name for cookie in captured.cookies}


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


@dataclass(frozen=True, slots=True)
class SignInPlace:
    """Where an account is connected, when not at the real site (the demo exchange's stand-ins): the first page of
    its sign-in, or its survey wall's address; and the sign-in server where it is not the page's own (Prolific's
    auth.prolific.com)."""

    page: str
    server: str = ""


# How a platform is signed in to (`PlatformSpec.sign_in`): made for its real site (None), or at a place.
SignInMethod: TypeAlias = Callable[[SignInPlace | None], "WebSignIn | WallLinkSignIn"]
S = TypeVar("S", bound="WebSignIn | WallLinkSignIn")


def at_page(make: Callable[..., S]) -> Callable[[SignInPlace | None], S]:
    """The sign-in method of `make(page)`: called with no page (its default, the real site's), or the place's."""

    def sign_in(place: SignInPlace | None) -> S:
        return make() if place is None else make(place.page)

    return sign_in


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
    a survey wall (`walls`). The registry makes it from the platforms' specs (`Registry.sign_ins`), at the demo's
    places in the demo."""

    web: Mapping[str, WebSignIn] = field(default_factory=dict)
    walls: Mapping[str, WallLinkSignIn] = field(default_factory=dict)
