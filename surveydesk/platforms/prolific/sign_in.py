"""Prolific's sign-in: what the web app keeps once the worker signed in, and how SurveyDesk keeps it fresh.

The web app signs in through auth.prolific.com (OpenID Connect, a public client) and keeps the signed-in user in
its page storage under `oidc.user:<authority>:<client id>`: JSON with `access_token`, `refresh_token` and
`expires_at` (epoch seconds). An access token lasts about an hour; the OAuth 2 refresh grant gives a new one and
a new refresh token, after which the old refresh token stops working (platform-apis.md §8.1).

So the order of a refresh is what keeps the worker signed in: the new pair is written to the keyring, in one
entry, before the new access token is used. Authorization servers that rotate refresh tokens keep the previous one
valid until the new pair is used (or for a grace period), so a crash at any moment leaves a refresh token that
works in the keyring: the old one while the new pair was unused, the new one once it was stored
(tests/platforms/prolific/test_prolific_session.py kills a refreshing process at random moments to prove it).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from surveydesk.core.errors import IN_TROUBLE, AuthExpired, BadPayload, Unavailable
from surveydesk.core.model import AccountKey
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.platforms.prolific import NOT_SIGNED_IN
from surveydesk.platforms.web_session import CapturedSession, SessionWatch, SignInPlace, SignIns, origin_of
from surveydesk.secrets import SecretStore, SecretsUnavailable

if TYPE_CHECKING:
    import requests

log = logging.getLogger(__name__)

PLATFORM: Final = "prolific"
AUTHORITY: Final = "https://auth.prolific.com"
APP_URL: Final = "https://app.prolific.com/"
TOKEN_PATH: Final = "/oauth/token"  # noqa: S105 - an address, not a secret
# Refresh this long before the access token ends (public clients use about 2 minutes; we take a little more), but
# never more than a quarter of its life, so the demo's two-minute tokens are not refreshed at every request.
LARGEST_MARGIN: Final = 300
SIGNED_OUT: Final = QT_TRANSLATE_NOOP("ProlificSignIn", "Prolific signed you out: sign in to Prolific again")
UNREADABLE: Final = QT_TRANSLATE_NOOP(
    "ProlificSignIn", "Prolific's page did not give SurveyDesk what it needs; please sign in again"
)


class SignInUnreadable(ValueError):
    """What the page kept is not a Prolific sign-in SurveyDesk can use; `message` says so in words."""

    def __init__(self) -> None:
        super().__init__(UNREADABLE)
        self.message = UNREADABLE


@dataclass(frozen=True, slots=True)
class ProlificSession:
    """A signed-in Prolific worker: kept whole, as one keyring entry, so the two tokens never part."""

    client_id: str
    access_token: str
    refresh_token: str
    expires_at: int  # epoch seconds
    lifetime: int = 3600  # seconds the last access token was given for

    def to_secret(self) -> str:
        return json.dumps(
            {
                "client_id": self.client_id,
                "access_token": self.access_token,
                "refresh_token": self.refresh_token,
                "expires_at": self.expires_at,
                "lifetime": self.lifetime,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_secret(cls, secret: str) -> ProlificSession:
        """The session a `to_secret` text holds; `SignInUnreadable` for anything else (a pasted token, say)."""
        try:
            value = json.loads(secret)
        except ValueError:
            raise SignInUnreadable from None
        if not isinstance(value, dict):
            raise SignInUnreadable
        lifetime = value.get("lifetime", 3600)
        return _session(value.get("client_id"), value, lifetime if _is_whole(lifetime) else 3600)

    def refresh_due(self, now: float) -> bool:
        margin = min(LARGEST_MARGIN, self.lifetime // 4)
        return now >= self.expires_at - margin


def storage_prefix(authority: str = AUTHORITY) -> str:
    return f"oidc.user:{authority}:"


def session_watch(app_url: str = APP_URL, authority: str = AUTHORITY) -> SessionWatch:
    """Open the web app (it sends the worker to its sign-in page) and wait for its signed-in user."""
    return SessionWatch(app_url, storage_prefix=storage_prefix(authority), storage_origin=origin_of(app_url))


@dataclass(frozen=True, slots=True)
class ProlificSignIn:
    """Signing in to Prolific's web app (a `WebSignIn`): `app_url` and `authority` are the real ones, or the
    demo's."""

    app_url: str = APP_URL
    authority: str = AUTHORITY

    @property
    def token_url(self) -> str:
        return self.authority + TOKEN_PATH

    def session_watch(self, stored: str | None = None) -> SessionWatch:
        """The web app keeps its session in page storage, which a new window never has: `stored` is not used."""
        return session_watch(self.app_url, self.authority)

    def secret(self, captured: CapturedSession) -> str | None:
        """The signed-in user as the keyring keeps it, or None when the page kept none SurveyDesk can use."""
        try:
            return read_signed_in_user(captured, time.time(), self.authority).to_secret()
        except SignInUnreadable:
            return None


def prolific_sign_in(place: SignInPlace | None = None) -> ProlificSignIn:
    """Prolific's web app and its sign-in server (`PlatformSpec.sign_in`): the real ones, or a place's."""
    return ProlificSignIn() if place is None else ProlificSignIn(place.page, place.server)


def read_signed_in_user(captured: CapturedSession, now: float, authority: str = AUTHORITY) -> ProlificSession:
    """The session in the web app's `oidc.user:` entry; `SignInUnreadable` when there is none or it is wrong.

    The entry does not say how long its access token was given for: what is left of it at `now` stands for it.
    """
    prefix = storage_prefix(authority)
    for key, text in captured.storage.items():
        if key.startswith(prefix) and key != prefix:
            try:
                value = json.loads(text)
            except ValueError:
                raise SignInUnreadable from None
            if not isinstance(value, dict):
                raise SignInUnreadable
            session = _session(key.removeprefix(prefix), value, 3600)
            return replace(session, lifetime=max(0, session.expires_at - int(now)))
    raise SignInUnreadable


def _session(client_id: object, value: Mapping[str, object], lifetime: int) -> ProlificSession:
    access, refresh, expires_at = value.get("access_token"), value.get("refresh_token"), value.get("expires_at")
    if not (_is_text(client_id) and _is_text(access) and _is_text(refresh) and _is_whole(expires_at)):
        raise SignInUnreadable
    assert isinstance(client_id, str) and isinstance(access, str) and isinstance(refresh, str)
    assert isinstance(expires_at, int)
    return ProlificSession(client_id, access, refresh, expires_at, lifetime)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value) and value.isprintable() and len(value) < 16_384


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**40


class ProlificSessionKeeper:
    """Gives the Prolific connector an access token that works, refreshing it shortly before it ends.

    `access_token` is what the connector's secret provider calls on the pool, before each request; one refresh
    runs at a time. A refused refresh means Prolific signed the worker out: `AuthExpired` with words saying so,
    and the stored session is kept (re-signing in replaces it). A refresh that cannot reach Prolific is
    `Unavailable`, and the next request tries again while the access token may still work.
    """

    def __init__(
        self,
        key: AccountKey,
        secrets: SecretStore,
        http: requests.Session,
        token_url: str = AUTHORITY + TOKEN_PATH,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = key
        self._secrets = secrets
        self._http = http
        self._token_url = token_url
        self._wall_clock = wall_clock
        self._lock = threading.Lock()

    def access_token(self) -> str | None:
        """A valid access token, None when no session is stored (the account was never signed in).

        A stored line that is not JSON is an access token kept by an older SurveyDesk: it
        is used as it is until Prolific refuses it, and signing in replaces it with a session.
        """
        with self._lock:
            stored = self._stored()
            if stored is None or isinstance(stored, str):
                return stored
            if not stored.refresh_due(self._wall_clock()):
                return stored.access_token
            fresh = self._refresh(stored)
            try:
                self._secrets.set(self._key, fresh.to_secret())
            except SecretsUnavailable as refused:
                # The new pair was never used, so the stored refresh token still works: try again later.
                raise Unavailable(PLATFORM, refused.message) from None
            return fresh.access_token

    def _stored(self) -> ProlificSession | str | None:
        try:
            secret = self._secrets.get(self._key)
        except SecretsUnavailable as refused:
            raise Unavailable(PLATFORM, refused.message) from None
        if secret is None or not secret.lstrip().startswith(("{", "[")):
            return secret
        try:
            return ProlificSession.from_secret(secret)
        except SignInUnreadable:
            raise AuthExpired(PLATFORM, SIGNED_OUT) from None

    def _refresh(self, stored: ProlificSession) -> ProlificSession:
        from oauthlib.oauth2 import OAuth2Error, WebApplicationClient  # with the first refresh: not at start-up

        from surveydesk.net.http import post  # with requests, at the first refresh: not at start-up

        client = WebApplicationClient(stored.client_id)
        body = client.prepare_refresh_body(refresh_token=stored.refresh_token, client_id=stored.client_id)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
        now = self._wall_clock()
        answer = post(self._http, self._token_url, platform=PLATFORM, data=body.encode(), headers=headers)
        if answer.status_code >= 500 or answer.status_code == 429:
            raise Unavailable(PLATFORM, IN_TROUBLE.filled("Prolific", answer.status_code))
        try:
            token = client.parse_request_body_response(answer.text)
        except OAuth2Error as refused:
            # invalid_grant, invalid_client…: the server will not refresh this session any more.
            log.info("Prolific refused to refresh the session (%s, HTTP %s)", refused.error, answer.status_code)
            raise AuthExpired(PLATFORM, SIGNED_OUT) from None
        except (ValueError, Warning):
            raise BadPayload(PLATFORM, UNREADABLE) from None
        access = token.get("access_token")
        refresh = token.get("refresh_token") or stored.refresh_token  # a server may keep the refresh token
        expires_in = token.get("expires_in")
        if not isinstance(access, str) or not access or not isinstance(refresh, str) or not _is_whole(expires_in):
            raise BadPayload(PLATFORM, UNREADABLE)
        assert isinstance(expires_in, int)
        return ProlificSession(stored.client_id, access, refresh, int(now) + expires_in, expires_in)


class SignedInSecrets:
    """The secrets as the connectors read them: for a Prolific account, a working access token made from the
    stored session (refreshed when due, see `ProlificSessionKeeper`); for any other, the stored secret as it is.

    Writing and deleting go to the store beneath, which keeps the session itself. Reading a Prolific account
    with nothing stored is `AuthExpired` in words ("sign in"), so no connector ever asks the worker for a token.
    """

    def __init__(
        self,
        secrets: SecretStore,
        http: Callable[[], requests.Session],
        token_url: str = AUTHORITY + TOKEN_PATH,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._secrets = secrets
        self._http = http
        self._token_url = token_url
        self._wall_clock = wall_clock
        self._keepers: dict[AccountKey, ProlificSessionKeeper] = {}
        self._lock = threading.Lock()

    @classmethod
    def at(cls, sign_ins: SignIns, secrets: SecretStore, http: Callable[[], requests.Session]) -> SignedInSecrets:
        """The secrets of connectors refreshing Prolific's sessions where Prolific is signed in to: the real
        sign-in server, or the demo's."""
        prolific = sign_ins.web.get(PLATFORM)
        return cls(
            secrets, http, prolific.token_url if isinstance(prolific, ProlificSignIn) else AUTHORITY + TOKEN_PATH
        )

    @property
    def problem(self) -> str | None:
        return self._secrets.problem

    def get(self, key: AccountKey) -> str | None:
        if key.platform != PLATFORM:
            return self._secrets.get(key)
        token = self._keeper(key).access_token()
        if token is None:
            raise AuthExpired(PLATFORM, NOT_SIGNED_IN)
        return token

    def set(self, key: AccountKey, secret: str) -> None:
        self._secrets.set(key, secret)

    def delete(self, key: AccountKey) -> None:
        self._secrets.delete(key)

    def _keeper(self, key: AccountKey) -> ProlificSessionKeeper:
        """One keeper per account, so that one refresh runs at a time for it (the poller and the earnings reader
        may ask together)."""
        with self._lock:
            keeper = self._keepers.get(key)
            if keeper is None:
                keeper = ProlificSessionKeeper(key, self._secrets, self._http(), self._token_url, self._wall_clock)
                self._keepers[key] = keeper
            return keeper
