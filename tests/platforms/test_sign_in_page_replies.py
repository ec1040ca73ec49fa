"""A platform that signed the worker out answers with its sign-in page: by a redirect to it (on the same server or
another), or with a copy of it in place of the data. Either is a sign-out in words ("sign in again"), never an
unreadable reply, and the login is never sent to the sign-in page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from surveydesk.core.errors import AuthExpired, BadPayload, PlatformError
from surveydesk.core.model import Account, AccountKey
from surveydesk.net.addresses import is_sign_in_address
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from tests.factories import FixedClock
from tests.hostile_server import HostileServer, Reply

HTML = (("Content-Type", "text/html; charset=utf-8"),)
SIGN_IN_PAGE = (
    b"<!doctype html><html><head><title>Sign in</title></head><body><form method='post' action='/session'>"
    b"<input name='email' type='email'><input name=password type=password autocomplete='current-password'>"
    b"<button>Sign in</button></form></body></html>"
)
# Each platform's login in the keyring, and the settings its connector needs.
LOGINS = {
    "prolific": ("CANARY-prolific-access", {}),
    "mturk": ("session-token=CANARY-mturk-session", {}),
    "bitlabs": ("CANARY-bitlabs-app-key", {"user_id": "member-1"}),
    "cpx": ("0123456789abcdef0123456789abcdef", {"app_id": "1234", "ext_user_id": "member-1"}),
    "toloka": ("toloka-session=CANARY-toloka-session; toloka-csrftoken=CANARY-toloka-csrf", {}),
}
# The platforms signed in to with a login a sign-in page could be shown (survey walls send theirs in the query,
# but BitLabs sends its app key in a header).
SIGNED_IN = ["prolific", "mturk", "bitlabs", "toloka"]
WEB_SIGN_IN = frozenset(BUILT_IN.sign_ins().web)  # their words say to sign in again; a wall's, to check its link


def _is_sign_out(error: PlatformError, platform: str) -> bool:
    return isinstance(error, AuthExpired) and ("sign in" in error.message or platform not in WEB_SIGN_IN)


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


def _clients(platform: str, base_url: str) -> list[object]:
    """The platform's task connector and earnings reader, signed in, asking `base_url`."""
    secret, options = LOGINS[platform]
    account = Account(AccountKey(platform, "me"), "me", base_url, options=options)
    secrets = MemorySecrets({account.key: secret})
    reader = BUILT_IN.build_reader(account, secrets, FixedClock())
    return [BUILT_IN.build_connector(account, secrets, FixedClock()), reader]


def _failure(client: object) -> PlatformError:
    with pytest.raises(PlatformError) as raised:
        if hasattr(client, "fetch_tasks"):
            client.fetch_tasks()
        else:
            list(client.read(""))  # type: ignore[attr-defined]
    return raised.value


def _login_parts(platform: str) -> list[str]:
    secret = LOGINS[platform][0]
    return [part.split("=", 1)[-1] for part in secret.split("; ")]


@pytest.mark.parametrize("platform", SIGNED_IN)
def test_a_redirect_to_the_sign_in_page_on_the_same_server_is_a_sign_out_and_takes_no_login(
    server: HostileServer, platform: str
) -> None:
    for client in _clients(platform, server.url):
        server.script(Reply(302, b"", (("Location", "/login?next=%2Fapi"),)), Reply(200, SIGN_IN_PAGE, HTML))
        before = len(server.requests)

        error = _failure(client)

        assert _is_sign_out(error, platform), error
        shown_the_form = [request for request in server.requests[before:] if request.path == "/login"]
        for request in shown_the_form:
            sent = " ".join(request.headers.values())
            assert not any(part in sent for part in _login_parts(platform)), request.headers


@pytest.mark.parametrize("platform", SIGNED_IN)
def test_a_sign_in_page_in_place_of_the_data_is_a_sign_out(server: HostileServer, platform: str) -> None:
    for client in _clients(platform, server.url):
        server.script(Reply(200, SIGN_IN_PAGE, HTML))

        error = _failure(client)

        assert _is_sign_out(error, platform), error


@pytest.mark.parametrize("platform", ["prolific", "bitlabs", "toloka"])
def test_a_page_that_asks_for_no_password_is_still_an_unreadable_reply(
    server: HostileServer, platform: str
) -> None:
    server.script(Reply(200, b"<html><body>Down for maintenance, back soon.</body></html>", HTML))
    connector = _clients(platform, server.url)[0]

    assert isinstance(_failure(connector), BadPayload)


@pytest.mark.parametrize(
    ("url", "sign_in"),
    [
        ("https://auth.prolific.com/u/login?state=x", True),
        ("https://www.amazon.com/ap/signin?openid.assoc_handle=amzn_mturk_worker", True),
        ("https://passport.yandex.com/auth", True),
        ("https://toloka.ai/sign-in", True),
        ("http://127.0.0.1:8080/prolific-auth/authorize?client_id=x", True),
        ("https://internal-api.prolific.com/api/v1/participant/studies/", False),
        ("https://worker.mturk.com/projects?format=json", False),
        ("https://toloka.ai/api/i-v2/task-suite-pool-groups", False),
        ("https://api.bitlabs.ai/v2/client/surveys", False),
        ("https://example.com/blog/login-tips-for-workers", False),
        ("not a url [", False),
    ],
)
def test_sign_in_addresses_are_told_from_data_addresses(url: str, sign_in: bool) -> None:
    assert is_sign_in_address(url) is sign_in
