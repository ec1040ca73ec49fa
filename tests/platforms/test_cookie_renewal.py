"""MTurk and Toloka keep their session in cookies, which their replies renew (`Set-Cookie`): the renewed values go
back to the keyring, so the worker stays signed in as long as she would in her browser; a refusal, a sign-in page
or another server renews nothing, and no cookie the line did not hold is added to it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from surveydesk.core.errors import PlatformError
from surveydesk.core.model import Account, AccountKey
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from tests.factories import FixedClock
from tests.hostile_server import JSON, HostileServer, Reply

# Each platform's signed-in line, an empty reply of its task list, and a reply of its earnings reader.
SITES = {
    "mturk": (
        "session-token=old-session; ubid-main=131-1",
        b'{"results": [], "num_results": 0, "total_num_results": 0}',
    ),
    "toloka": ("toloka-session=old-session; toloka-csrftoken=old-csrf", b"[]"),
}
RENEWING = (
    ("Set-Cookie", "session-token=new-session; Path=/; Secure; HttpOnly"),
    ("Set-Cookie", "toloka-session=new-session; Path=/; HttpOnly"),
    ("Set-Cookie", "tracker=abc; Path=/"),
)


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


def _poll(platform: str, base_url: str, secrets: MemorySecrets, key: AccountKey) -> None:
    account = Account(key, "me", base_url)
    connector = BUILT_IN.build_connector(account, secrets, FixedClock())
    with contextlib.suppress(PlatformError):  # what the reply meant for the tasks is not what is looked at here
        connector.fetch_tasks()


@pytest.mark.parametrize("platform", SITES)
def test_a_renewed_session_cookie_goes_back_to_the_keyring(server: HostileServer, platform: str) -> None:
    line, listing = SITES[platform]
    key = AccountKey(platform, "me")
    secrets = MemorySecrets({key: line})
    server.script(Reply(200, listing, JSON + RENEWING))

    _poll(platform, server.url, secrets, key)

    kept = secrets.get(key)
    assert kept == line.replace("old-session", "new-session")  # the other cookies as they were, in order
    assert "tracker" not in (kept or "")


@pytest.mark.parametrize("platform", SITES)
def test_the_renewed_cookie_is_sent_at_the_next_poll(server: HostileServer, platform: str) -> None:
    line, listing = SITES[platform]
    key = AccountKey(platform, "me")
    secrets = MemorySecrets({key: line})
    server.script(Reply(200, listing, JSON + RENEWING), Reply(200, listing))

    _poll(platform, server.url, secrets, key)
    _poll(platform, server.url, secrets, key)

    assert "new-session" in server.requests[-1].headers["cookie"]


@pytest.mark.parametrize("platform", SITES)
@pytest.mark.parametrize(
    "reply",
    [
        Reply(401, b'{"detail": "signed out"}', JSON + RENEWING),
        Reply(302, b"", (("Location", "/sign-in"), *RENEWING)),
        Reply(200, b"[]", (*JSON, ("Set-Cookie", "tracker=abc; Path=/"))),
    ],
    ids=["refused", "sent-to-sign-in", "nothing-held"],
)
def test_a_refusal_or_a_sign_in_page_renews_nothing(server: HostileServer, platform: str, reply: Reply) -> None:
    line, _listing = SITES[platform]
    key = AccountKey(platform, "me")
    secrets = MemorySecrets({key: line})
    server.script(reply, Reply(200, b"<html><input type=password></html>", (("Set-Cookie", RENEWING[0][1]),)))

    _poll(platform, server.url, secrets, key)

    assert secrets.get(key) == line
