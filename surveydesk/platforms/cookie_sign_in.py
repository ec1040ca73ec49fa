"""Sign-in by cookies, as MTurk's worker site and Toloka's web app keep their session: which cookies make one,
and the line the connector sends them in.

The connectors take the session as the `Cookie` line a request carries (the secret kept in the keyring); a
sign-in window gives back the host's cookies, HttpOnly ones included, and gets them back as seeds next time so a
site that remembers the worker skips the password.
"""

from __future__ import annotations

from dataclasses import dataclass

from surveydesk.platforms.web_session import (
    CapturedSession,
    SessionWatch,
    cookie_header,
    cookies_from_header,
    host_of,
)


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
