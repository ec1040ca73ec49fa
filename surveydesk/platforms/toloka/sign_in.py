"""Toloka's sign-in: the web app keeps its session in `toloka-session` and a CSRF cookie, `toloka-csrftoken`,
whose value every change must repeat in a header (platform-apis.md §8.1), so both make a session."""

from __future__ import annotations

from typing import Final

from surveydesk.platforms.cookie_sign_in import CookieSignIn

SIGN_IN_URL: Final = "https://toloka.ai/tasks"


def toloka_sign_in(sign_in_url: str = SIGN_IN_URL) -> CookieSignIn:
    return CookieSignIn(sign_in_url, frozenset({"toloka-session", "toloka-csrftoken"}))
