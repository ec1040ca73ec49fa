"""The HTTP layer all connectors share: one session, timeouts, and failures turned into calm platform errors.

Messages built here name the server at most, never a URL's path or query, a header, or a token: they end up on
screen and in logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import urlsplit

import requests

from surveydesk import __version__
from surveydesk.core.errors import BadPayload, Unavailable

USER_AGENT: Final = f"SurveyDesk/{__version__}"
DEFAULT_TIMEOUT: Final = (5.0, 20.0)  # seconds to connect, seconds between bytes of the answer
QUOTE_LIMIT: Final = 120


def make_session(user_agent: str = USER_AGENT) -> requests.Session:
    """A session for one connector, so polls reuse their connections to the platform."""
    session = requests.Session()
    session.headers.update({"User-Agent": user_agent, "Accept": "application/json"})
    return session


def get(
    session: requests.Session,
    url: str,
    *,
    platform: str,
    headers: Mapping[str, str] | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> requests.Response:
    """GET `url`, whatever its status; getting no answer at all becomes `Unavailable`.

    The original exception is dropped on purpose: its text carries the full URL.
    """
    try:
        return session.get(url, headers=headers, timeout=timeout)
    except requests.Timeout:
        raise Unavailable(platform, f"{_server(url)} did not answer in time") from None
    except requests.ConnectionError:
        raise Unavailable(platform, f"cannot connect to {_server(url)}") from None
    except requests.RequestException as exc:
        raise Unavailable(platform, f"the request to {_server(url)} failed ({type(exc).__name__})") from None


def json_object(response: requests.Response, platform: str) -> dict[str, Any]:
    """The body as a JSON object; anything else is `BadPayload`."""
    try:
        body = response.json()
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        raise BadPayload(platform, "the server answered with something that is not JSON") from None
    if not isinstance(body, dict):
        raise BadPayload(platform, f"the server answered with a JSON {type(body).__name__}, not an object")
    return body


def excerpt(value: object) -> str:
    """A server-supplied value cut short enough to put in a message; control characters come out escaped."""
    text = repr(value)[1:-1] if isinstance(value, str) else repr(value)
    return text if len(text) <= QUOTE_LIMIT else f"{text[: QUOTE_LIMIT - 1]}…"


def _server(url: str) -> str:
    """The host and port of `url`, without any credentials, path or query."""
    return urlsplit(url).netloc.rpartition("@")[2] or "the server"
