"""The HTTP layer all connectors share: one session, timeouts, and failures turned into calm platform errors.

Messages built here name the server at most, never a URL's path or query, a header, or a token: they end up on
screen and in logs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from surveydesk import __version__
from surveydesk.core.errors import BadPayload, Unavailable

USER_AGENT: Final = f"SurveyDesk/{__version__}"
DEFAULT_TIMEOUT: Final = (5.0, 20.0)  # seconds to connect, seconds between bytes of the answer
QUOTE_LIMIT: Final = 120
MAX_BODY_BYTES: Final = 10 * 1024 * 1024  # no list of tasks is this big; a bigger reply is refused unread
_CHUNK: Final = 64 * 1024


def make_session(user_agent: str = USER_AGENT) -> requests.Session:
    """A session for one connector, so polls reuse their connections to the platform.

    A connection that cannot be made is tried twice more after a short, jittered pause (urllib3's `Retry`);
    nothing else is retried here, since the poller's politeness decides when to ask a server again.
    """
    session = requests.Session()
    session.headers.update({"User-Agent": user_agent, "Accept": "application/json"})
    retry = Retry(
        total=2,
        connect=2,
        read=0,
        status=0,
        other=0,
        redirect=5,
        backoff_factor=0.3,
        backoff_jitter=0.3,
        # A 429's Retry-After is the poller's business (the connector turns it into RateLimited).
        respect_retry_after_header=False,
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def get(
    session: requests.Session,
    url: str,
    *,
    platform: str,
    headers: Mapping[str, str] | None = None,
    params: Mapping[str, str] | None = None,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
) -> requests.Response:
    """GET `url`, whatever its status; no answer at all, or one cut off half-way, becomes `Unavailable`.

    The body is read here, at most `MAX_BODY_BYTES` of it: a bigger one is `BadPayload` and is not kept in
    memory. TLS certificates are always verified. The original exception is dropped on purpose: its text
    carries the full URL, which may hold ids or hashes that belong in no message.
    """
    try:
        response = session.get(url, headers=headers, params=params, timeout=timeout, stream=True, verify=True)
        with response:
            # Filling requests' own cache makes .json() and .text read what was read here, and nothing more.
            response._content = _read_capped(response, platform)
    except requests.Timeout:
        raise Unavailable(platform, f"{_server(url)} did not answer in time") from None
    except requests.ConnectionError:
        raise Unavailable(platform, f"cannot connect to {_server(url)}") from None
    except requests.RequestException as exc:
        raise Unavailable(platform, f"the request to {_server(url)} failed ({type(exc).__name__})") from None
    return response


def _read_capped(response: requests.Response, platform: str) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise BadPayload(platform, f"the server sent a reply of {int(declared) // 1_000_000} MB; it was refused")
    body = bytearray()
    for chunk in response.iter_content(_CHUNK):
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise BadPayload(platform, "the server sent a reply of more than 10 MB; it was refused")
    return bytes(body)


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
