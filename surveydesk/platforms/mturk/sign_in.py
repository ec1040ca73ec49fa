"""MTurk's sign-in: the worker site keeps its session in cookies set after an Amazon sign-in (which may ask for a
captcha or a second code, so only a real web page can do it); `session-token` is the one without which the site
sends the worker back to the sign-in page."""

from __future__ import annotations

from typing import Final

from surveydesk.platforms.cookie_sign_in import CookieSignIn

SIGN_IN_URL: Final = "https://worker.mturk.com/"


def mturk_sign_in(sign_in_url: str = SIGN_IN_URL) -> CookieSignIn:
    return CookieSignIn(sign_in_url, frozenset({"session-token"}))
