"""Sign-in by cookies, as MTurk's worker site and Toloka's web app keep their session: which cookies make one,
and the line the connector sends them in.

The connectors take the session as the `Cookie` line a request carries (the secret kept in the keyring); a
sign-in window gives back the host's cookies, HttpOnly ones included, and gets them back as seeds next time so a
site that remembers the worker skips the password. Sites renew their session cookies in their replies
(`Set-Cookie`, a new expiry or a new value): `keep_renewed_cookies` writes them back to the keyring, so the
worker stays signed in as long as she would in her browser.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from surveydesk.core.model import AccountKey
from surveydesk.net.addresses import is_sign_in_address, origin
from surveydesk.platforms.web_session import (
    CapturedSession,
    SessionWatch,
    cookie_header,
    cookies_from_header,
    host_of,
)
from surveydesk.secrets import SecretStore, SecretsUnavailable

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CookieSignIn:
    """One site's cookie session: where to sign in and the cookies without which nobody is signed in."""

    sign_in_url: str
    session_cookies: frozenset[str]

    def session_watch(self, stored: str | None = None) -> SessionWatch:
        """Wait for the session's cookies; `stored` (the keyring's line, if any) seeds the window's cookie jar."""
        host = host_of(self.sign_in_url)
        secure = self.sign_in_url.startswith("https:")
        seeds = cookies_from_header(stored, host, secure) if stored else ()
        return SessionWatch(
            self.sign_in_url, cookie_names=self.session_cookies, cookie_host=host, seed_cookies=seeds
        )

    def secret(self, captured: CapturedSession) -> str | None:
        """The `Cookie` line the connector needs, or None when the captured cookies are not a whole session."""
        if not self.session_cookies <= {cookie.name for cookie in captured.cookies}:
            return None
        return cookie_header(captured.cookies)


def keep_renewed_cookies(
    session: requests.Session, key: AccountKey, secrets: SecretStore, base_url: str, lock: threading.Lock
) -> None:
    """From now on, each reply of `base_url`'s server to `session` that renews a cookie of the stored line
    (a 2xx, not a refusal, nor a reply from a sign-in address) writes the renewed line back to the keyring.
    `lock` is held from reading the line to writing it, and shared by the sessions of the accounts (a poller's
    and an earnings sync's), so that no renewal writes over another.

    Only the cookies the line holds are renewed: a new cookie the site sets (a tracker, a fresh anonymous
    session) would only make the line longer. A cookie the site deletes stays: whether the worker is still
    signed in is the site's next answer to say. The keyring is written only when a value changed.
    """

    def renewed(response: requests.Response, *_args: Any, **_kwargs: Any) -> None:
        if not (200 <= response.status_code < 300) or origin(response.url) != origin(base_url):
            return
        if is_sign_in_address(response.url) or not response.cookies:
            return
        with lock:
            try:
                stored = secrets.get(key)
            except SecretsUnavailable:
                return
            if not stored:
                return
            line = _renewed_line(stored, response.cookies)
            if line != stored:
                try:
                    secrets.set(key, line)
                except SecretsUnavailable:
                    log.info("a renewed sign-in of %s could not be kept: the keyring refused it", key.platform)

    session.hooks["response"].append(renewed)


def _renewed_line(stored: str, renewals: requests.cookies.RequestsCookieJar) -> str:
    """The stored `Cookie` line with the values a reply renewed, each part otherwise as it was (its order, any
    part that is not `name=value`); the same line when the reply renewed none of its cookies."""
    values = {cookie.name: cookie.value for cookie in renewals if cookie.value}
    changed = False
    parts = []
    for part in stored.split(";"):
        name, equals, old = part.strip().partition("=")
        new = values.get(name) if equals else None
        changed = changed or (new is not None and new != old)
        parts.append(part.strip() if new is None else f"{name}={new}")
    return "; ".join(parts) if changed else stored
