"""The demo exchange's sign-in pages, shaped like the real ones: Prolific's OpenID Connect provider with rotating
refresh tokens, Amazon's sign-in with a verification code for MTurk, and Toloka's with a session and a CSRF cookie.

Each can sign the worker out, from its page or from a test (`sign_out`). The sites they sign in to check the
session they hand out: MTurk's and Toloka's through a `CookieSession`, Prolific's by asking the provider whether
an access token is one it issued (`accepts_access_token`).
"""

from __future__ import annotations

import html
import json
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Protocol
from urllib.parse import parse_qsl, urlencode

from surveydesk.demo.wire import HTML_TYPE, Request, Response, json_response, method_not_allowed

DEMO_CLIENT_ID: Final = "surveydesk-demo-web-app"
ACCESS_LIFETIME: Final = 120  # seconds: a couple of minutes, so a demo session exercises refresh
VERIFICATION_CODE: Final = "123456"  # the demo's "code sent to your phone", written on its page


class CookieSession:
    """The cookies of one worker's session on a cookie site: fixed at first (what the demo's pasted lines hold),
    new ones after each sign-in that follows a sign-out, none accepted while signed out."""

    def __init__(self, initial: Mapping[str, str]) -> None:
        self._names = tuple(initial)
        self._values: dict[str, str] | None = dict(initial)
        self._lock = threading.Lock()

    def accepts(self, cookies: Mapping[str, str]) -> bool:
        with self._lock:
            values = self._values
        return values is not None and all(cookies.get(name) == value for name, value in values.items())

    def sign_in(self) -> dict[str, str]:
        """The session's cookies, new ones if the worker had signed out."""
        with self._lock:
            if self._values is None:
                self._values = {name: f"demo-{secrets.token_urlsafe(16)}" for name in self._names}
            return dict(self._values)

    def sign_out(self) -> None:
        with self._lock:
            self._values = None


def read_cookies(header: str) -> dict[str, str]:
    pairs = (piece.strip().partition("=") for piece in header.split(";"))
    return {name.strip(): value.strip() for name, _, value in pairs}


@dataclass(slots=True)
class _Family:
    """The refresh tokens of one sign-in: the current one and, until the current pair is used, the previous."""

    current: str
    previous: str | None = None
    revoked: bool = False
    pair_access: str = ""  # the access token issued with `current`


@dataclass(slots=True)
class TokenCounts:
    """What the token endpoint saw, for tests: grants made, refusals, and pairs issued but never used (a client
    that lost them and came back with the previous refresh token)."""

    refreshed: int = 0
    refused: int = 0
    abandoned_pairs: int = 0


class ProlificAuthSite:
    """auth.prolific.com in the demo: a sign-in form, an authorization code, a token endpoint that rotates
    refresh tokens, and the web app's callback page that keeps the signed-in user in page storage.

    Rotation follows what rotating servers do (a reuse grace): the previous refresh token keeps working until the
    new pair is used, and presenting one older than that revokes the whole sign-in, as a stolen token would.
    """

    platform = "prolific-auth"

    def __init__(self, clock: Callable[[], float], access_lifetime: int = ACCESS_LIFETIME) -> None:
        self._clock = clock
        self._lifetime = access_lifetime
        self._lock = threading.Lock()
        self._families: list[_Family] = []
        self._by_refresh: dict[str, _Family] = {}
        self._access: dict[str, tuple[_Family, float]] = {}  # token → (its sign-in, monotonic expiry)
        self._codes: set[str] = set()  # authorization codes not yet traded for tokens
        self.counts = TokenCounts()

    def handle(self, request: Request) -> Response:
        routes = {
            "/authorize": self._authorize,
            "/callback": self._callback,
            "/oauth/token": self._token,
            "/logout": self._logout,
        }
        route = routes.get(request.path)
        if route is None:
            return Response(404, _page("Not found", "<p>No such page.</p>"), HTML_TYPE)
        return route(request)

    def start_url(self, site_url: str) -> str:
        """Where the web app sends a worker who is not signed in."""
        query = urlencode({"client_id": DEMO_CLIENT_ID, "redirect_uri": f"{site_url}/callback"})
        return f"{site_url}/authorize?{query}"

    def accepts_access_token(self, token: str) -> bool:
        """Whether `token` is a live access token; its first use makes the previous refresh token stop working."""
        with self._lock:
            found = self._access.get(token)
            if found is None or found[0].revoked or self._clock() >= found[1]:
                return False
            if found[0].pair_access == token:
                found[0].previous = None
            return True

    def is_valid_refresh_token(self, token: str) -> bool:
        """Whether a refresh with `token` would succeed now (a test's look, which changes nothing)."""
        with self._lock:
            family = self._by_refresh.get(token)
            return family is not None and not family.revoked and token in (family.current, family.previous)

    def sign_out(self) -> None:
        """Prolific signs the worker out everywhere: no refresh token or access token works any more."""
        with self._lock:
            for family in self._families:
                family.revoked = True

    def _authorize(self, request: Request) -> Response:
        if request.method == "GET":
            query = request.query
            form = (
                '<form method="post">'
                f'<input type="hidden" name="redirect_uri" value="{html.escape(query.get("redirect_uri", ""))}">'
                f'<input type="hidden" name="client_id" value="{html.escape(query.get("client_id", ""))}">'
                '<p><label>Email <input name="email" type="email" autocomplete="username"></label></p>'
                '<p><label>Password <input name="password" type="password" autocomplete="current-password">'
                "</label></p>"
                '<p><button type="submit" id="sign-in">Log in</button></p></form>'
                "<p><small>Demo: any email and password sign you in.</small></p>"
            )
            return Response(200, _page("Log in · Prolific (demo)", form), HTML_TYPE)
        if request.method != "POST":
            return method_not_allowed("GET, POST")
        fields = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        target = fields.get("redirect_uri", "")
        if not (fields.get("email") and fields.get("password")) or not target.startswith(request.site_url + "/"):
            return Response(
                400, _page("Log in · Prolific (demo)", "<p>Give an email and a password.</p>"), HTML_TYPE
            )
        code = secrets.token_urlsafe(16)
        with self._lock:
            self._codes.add(code)
        return Response(302, b"", HTML_TYPE, (("Location", f"{target}?{urlencode({'code': code})}"),))

    def _callback(self, request: Request) -> Response:
        """The web app's page after sign-in: it trades the code for tokens, keeps them like oidc-client-ts does."""
        settings = json.dumps(
            {
                "token_url": f"{request.site_url}/oauth/token",
                "key": f"oidc.user:{request.site_url}:{DEMO_CLIENT_ID}",
                "client_id": DEMO_CLIENT_ID,
                "code": request.query.get("code", ""),
            }
        ).replace("<", "\\u003c")
        script = (
            f"<script>const s = {settings};\n"
            "fetch(s.token_url, {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
            " body: new URLSearchParams({grant_type: 'authorization_code', code: s.code,"
            " client_id: s.client_id})})"
            ".then(r => r.ok ? r.json() : Promise.reject(r.status)).then(t => {\n"
            " const now = Math.floor(Date.now() / 1000);\n"
            " localStorage.setItem(s.key, JSON.stringify({id_token: 'demo', session_state: null,"
            " access_token: t.access_token, refresh_token: t.refresh_token, token_type: t.token_type,"
            " scope: 'openid profile', profile: {sub: 'demo-participant'}, expires_at: now + t.expires_in}));\n"
            " document.getElementById('state').textContent = 'You are signed in.';\n"
            "}).catch(() => { document.getElementById('state').textContent = 'Sign-in failed.'; });</script>"
        )
        return Response(200, _page("Prolific (demo)", f'<p id="state">Signing you in…</p>{script}'), HTML_TYPE)

    def _token(self, request: Request) -> Response:
        if request.method != "POST":
            return method_not_allowed("POST")
        fields = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        grant = fields.get("grant_type")
        with self._lock:
            if fields.get("client_id") != DEMO_CLIENT_ID:
                return self._refuse("invalid_client")
            if grant == "authorization_code":
                if fields.get("code") not in self._codes:
                    return self._refuse("invalid_grant")
                self._codes.discard(fields.get("code", ""))
                family = _Family(current="")
                self._families.append(family)
                return self._issue(family)
            if grant == "refresh_token":
                return self._rotate(fields.get("refresh_token", ""))
        return self._refuse("unsupported_grant_type")

    def _rotate(self, presented: str) -> Response:
        family = self._by_refresh.get(presented)
        if family is None or family.revoked:
            return self._refuse("invalid_grant")
        if presented == family.previous:
            self.counts.abandoned_pairs += 1  # the client never used the last pair: issue another in its place
            del self._by_refresh[family.current]
            del self._access[family.pair_access]
            family.current = presented
        elif presented != family.current:
            family.revoked = True  # an old refresh token came back: treat the sign-in as stolen
            return self._refuse("invalid_grant")
        self.counts.refreshed += 1
        return self._issue(family)

    def signed_in(self) -> dict[str, object]:
        """A new sign-in's token reply, as the web app gets one (`surveydesk --demo` starts signed in with it)."""
        with self._lock:
            family = _Family(current="")
            self._families.append(family)
            return self._pair(family)

    def _issue(self, family: _Family) -> Response:
        return json_response(200, self._pair(family), (("Cache-Control", "no-store"),))

    def _pair(self, family: _Family) -> dict[str, object]:
        """A new pair for `family`; the refresh token it replaces stays valid until the new pair is used."""
        access, refresh = f"demo-at-{secrets.token_urlsafe(24)}", f"demo-rt-{secrets.token_urlsafe(24)}"
        family.previous = family.current or None
        family.current, family.pair_access = refresh, access
        self._by_refresh[refresh] = family
        self._access[access] = (family, self._clock() + self._lifetime)
        return {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": self._lifetime,
            "refresh_token": refresh,
            "scope": "openid profile",
        }

    def _refuse(self, error: str) -> Response:
        self.counts.refused += 1
        status = 401 if error == "invalid_client" else 400
        return json_response(status, {"error": error, "error_description": "The grant was refused."})

    def _logout(self, request: Request) -> Response:
        self.sign_out()
        clear = "<p>You are signed out.</p><script>localStorage.clear();</script>"
        return Response(200, _page("Signed out · Prolific (demo)", clear), HTML_TYPE)


class AmazonSignInSite:
    """Amazon's sign-in for the MTurk worker site: email and password, then a verification code, then the
    session's cookies (HttpOnly) for the worker site, and a redirect to it."""

    platform = "amazon"

    def __init__(self, session: CookieSession, worker_site_path: str = "/mturk") -> None:
        self._session = session
        self._site_path = worker_site_path
        self._pending: set[str] = set()
        self._lock = threading.Lock()

    def handle(self, request: Request) -> Response:
        if request.path == "/ap/signin":
            return self._sign_in(request)
        if request.path == "/ap/mfa" and request.method == "POST":
            return self._verify(request)
        if request.path == "/ap/signout":
            return self._sign_out(request)
        return Response(404, _page("Not found", "<p>Looking for something?</p>"), HTML_TYPE)

    def start_url(self, site_url: str) -> str:
        return f"{site_url}/ap/signin?{urlencode({'openid.assoc_handle': 'amzn_mturk_worker'})}"

    def sign_out(self) -> None:
        self._session.sign_out()

    def _sign_in(self, request: Request) -> Response:
        if request.method == "GET":
            form = (
                '<form method="post" name="signIn">'
                '<p><label>Email or mobile phone number <input name="email" autocomplete="username"></label></p>'
                '<p><label>Password <input name="password" type="password"></label></p>'
                '<p><button type="submit" id="signInSubmit">Sign in</button></p></form>'
                "<p><small>Demo: any email and password, then the code shown.</small></p>"
            )
            return Response(200, _page("Amazon Sign-In", form), HTML_TYPE)
        fields = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        if not (fields.get("email") and fields.get("password")):
            return Response(200, _page("Amazon Sign-In", "<p>Enter your email and password.</p>"), HTML_TYPE)
        ticket = secrets.token_urlsafe(12)
        with self._lock:
            self._pending.add(ticket)
        return Response(200, _verification_page(ticket, ""), HTML_TYPE)

    def _verify(self, request: Request) -> Response:
        fields = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        ticket = fields.get("ticket", "")
        with self._lock:
            known = ticket in self._pending
            if known and fields.get("otpCode") == VERIFICATION_CODE:
                self._pending.discard(ticket)
                cookies = self._session.sign_in()
            else:
                cookies = {}
        if not known:
            return Response(200, _page("Amazon Sign-In", "<p>Your sign-in timed out: start again.</p>"), HTML_TYPE)
        if not cookies:
            return Response(200, _verification_page(ticket, "The code is not right."), HTML_TYPE)
        path = request.site_url.rsplit("/", 1)[0] + self._site_path
        headers = [("Location", f"{path}/")]
        headers += [
            ("Set-Cookie", f"{name}={value}; Path={self._site_path}; HttpOnly") for name, value in cookies.items()
        ]
        headers.append(("Set-Cookie", f"session-id={secrets.token_hex(8)}; Path=/"))
        return Response(302, b"", HTML_TYPE, tuple(headers))

    def _sign_out(self, request: Request) -> Response:
        self.sign_out()
        return Response(200, _page("Amazon Sign-In", "<p>You are signed out.</p>"), HTML_TYPE)


class TolokaSignInSite:
    """Toloka's sign-in: one form, then the session cookie (HttpOnly) and the CSRF cookie the web app's scripts
    read to repeat in their requests."""

    platform = "toloka-auth"

    def __init__(self, session: CookieSession, app_path: str = "/toloka") -> None:
        self._session = session
        self._app_path = app_path

    def handle(self, request: Request) -> Response:
        if request.path == "/sign-in":
            return self._sign_in(request)
        if request.path == "/signed-in":
            return Response(200, _page("Toloka (demo)", "<p>You are signed in.</p>"), HTML_TYPE)
        if request.path == "/sign-out":
            self.sign_out()
            return Response(200, _page("Toloka (demo)", "<p>You are signed out.</p>"), HTML_TYPE)
        return Response(404, _page("Not found", "<p>No such page.</p>"), HTML_TYPE)

    def start_url(self, site_url: str) -> str:
        return f"{site_url}/sign-in"

    def sign_out(self) -> None:
        self._session.sign_out()

    def _sign_in(self, request: Request) -> Response:
        if request.method == "GET":
            form = (
                '<form method="post"><p><label>Login <input name="login" autocomplete="username"></label></p>'
                '<p><label>Password <input name="password" type="password"></label></p>'
                '<p><button type="submit" id="sign-in">Sign in</button></p></form>'
                "<p><small>Demo: any login and password sign you in.</small></p>"
            )
            return Response(200, _page("Toloka: sign in", form), HTML_TYPE)
        fields = dict(parse_qsl(request.body.decode("utf-8", "replace")))
        if not (fields.get("login") and fields.get("password")):
            return Response(200, _page("Toloka: sign in", "<p>Enter your login and password.</p>"), HTML_TYPE)
        cookies = self._session.sign_in()
        headers = [("Location", f"{request.site_url}/signed-in")]
        for name, value in cookies.items():
            flags = "; HttpOnly" if name == "toloka-session" else ""  # the app's scripts read the CSRF one
            headers.append(("Set-Cookie", f"{name}={value}; Path={self._app_path}{flags}"))
        return Response(302, b"", HTML_TYPE, tuple(headers))


def _verification_page(ticket: str, problem: str) -> bytes:
    form = (
        "<p>For your security, we sent a code to your phone.</p>"
        f"<p>{html.escape(problem)}</p>"
        '<form method="post" action="mfa">'
        f'<input type="hidden" name="ticket" value="{html.escape(ticket)}">'
        '<p><label>Enter code <input name="otpCode" inputmode="numeric" autocomplete="one-time-code"></label></p>'
        '<p><button type="submit" id="auth-signin-button">Sign in</button></p></form>'
        f"<p><small>Demo: the code is {VERIFICATION_CODE}.</small></p>"
    )
    return _page("Two-Step Verification", form)


def _page(title: str, body: str) -> bytes:
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
        f"<body>\n<h1>{html.escape(title)}</h1>\n{body}\n</body></html>\n"
    ).encode()


class SignInPage(Protocol):
    """A sign-in site: served like a platform, and it knows its first page and how to sign the worker out."""

    @property
    def platform(self) -> str: ...

    def handle(self, request: Request) -> Response: ...

    def start_url(self, site_url: str) -> str: ...

    def sign_out(self) -> None: ...


@dataclass(frozen=True, slots=True)
class SignInSites:
    """The sign-in pages of the platforms an exchange serves, by the platform they sign in to."""

    by_platform: Mapping[str, SignInPage]

    @property
    def routes(self) -> dict[str, SignInPage]:
        return {page.platform: page for page in self.by_platform.values()}

    @property
    def prolific(self) -> ProlificAuthSite:
        page = self.of("prolific")
        assert isinstance(page, ProlificAuthSite)
        return page

    def of(self, platform: str) -> SignInPage:
        page = self.by_platform.get(platform)
        if page is None:
            raise ValueError(f"the demo exchange has no sign-in page for {platform!r}")
        return page


def sign_in_sites(sites: Mapping[str, object], clock: Callable[[], float]) -> SignInSites:
    """A sign-in page for each served platform that has one, wired to the site it signs in to.

    A site served in another's place (a test's recording wrapper) has no sign-in page: it keeps no sessions.
    """
    pages: dict[str, SignInPage] = {}
    for platform, site in sites.items():
        session = getattr(site, "session", None)
        if platform == "prolific" and hasattr(site, "also_accepts"):
            auth = ProlificAuthSite(clock)
            site.also_accepts = auth.accepts_access_token
            pages[platform] = auth
        elif platform == "mturk" and isinstance(session, CookieSession):
            pages[platform] = AmazonSignInSite(session)
        elif platform == "toloka" and isinstance(session, CookieSession):
            pages[platform] = TolokaSignInSite(session)
    return SignInSites(pages)
