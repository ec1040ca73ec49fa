"""The demo worker's accounts: one per platform of a running demo exchange, with the demo's public logins."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from surveydesk.core.model import Account, AccountKey
from surveydesk.core.points import PointsValue
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID
from surveydesk.demo.cpx_site import CPX_APP_ID, CPX_EXT_USER_ID, CPX_SECRET, expected_hash
from surveydesk.demo.exchange import DemoExchange
from surveydesk.demo.sign_in_pages import DEMO_CLIENT_ID
from surveydesk.demo.sites import demo_sites
from surveydesk.platforms.prolific.sign_in import ProlificSession
from surveydesk.platforms.registry import Registry
from surveydesk.platforms.web_session import SignInPlace, SignIns

DEMO_ACCOUNT_NAME = "demo"


def demo_accounts(exchange: DemoExchange, registry: Registry) -> list[tuple[Account, str]]:
    """Each platform of the registry that the exchange serves, as an account of the demo worker, with the secret
    to log in and the platform's default settings beside the demo's own."""
    sites = demo_sites(registry)
    return [
        (
            Account(
                AccountKey(platform, DEMO_ACCOUNT_NAME),
                DEMO_ACCOUNT_NAME,
                exchange.url_of(platform),
                options={
                    **{option.key: option.default for option in registry.spec(platform).options if option.default},
                    **sites[platform].options,
                },
            ),
            sites[platform].secret,
        )
        for platform in exchange.platforms
        if platform in sites
    ]


def demo_points_values(exchange: DemoExchange, registry: Registry) -> dict[AccountKey, PointsValue]:
    """What the points of the demo worker's rewards sites are worth, for the platforms that pay her in points."""
    sites = demo_sites(registry)
    return {
        AccountKey(platform, DEMO_ACCOUNT_NAME): value
        for platform in exchange.platforms
        if platform in sites and (value := sites[platform].points_value) is not None
    }


def demo_signed_in(exchange: DemoExchange, registry: Registry) -> list[tuple[Account, str]]:
    """The demo accounts as SurveyDesk starts with them: signed in, to Prolific as its web app is, with a session
    that must be refreshed; elsewhere with the site's demo login."""
    return [
        (account, demo_prolific_session(exchange) if account.key.platform == "prolific" else secret)
        for account, secret in demo_accounts(exchange, registry)
    ]


def demo_sign_ins(exchange: DemoExchange, registry: Registry) -> SignIns:
    """The exchange's own sign-in pages and survey walls, in place of the real sites'; a platform signed in to in
    a web page is offered only where the exchange has its page."""
    pages = exchange.sign_ins.by_platform
    placed = registry.sign_ins(demo_places(exchange))
    return SignIns({platform: web for platform, web in placed.web.items() if platform in pages}, placed.walls)


def demo_places(exchange: DemoExchange) -> dict[str, SignInPlace]:
    """Where each platform of the exchange is signed in to: its sign-in page (and server), or its survey wall."""
    pages = exchange.sign_ins.by_platform
    return {
        platform: (
            SignInPlace(exchange.sign_in_url(platform), exchange.sign_in_server(platform))
            if platform in pages
            else SignInPlace(demo_wall(exchange, platform))
        )
        for platform in exchange.platforms
    }


def demo_wall(exchange: DemoExchange, platform: str) -> str:
    """Where the demo's survey wall of `platform` is, as its links name it."""
    return exchange.url_of(platform) + "/"


def demo_wall_link(exchange: DemoExchange, platform: str) -> str:
    """The demo worker's link to a survey wall, as her rewards site gives it (CPX's signature made by the site)."""
    wall = demo_wall(exchange, platform)
    if platform == "bitlabs":
        return f"{wall}?{urlencode({'uid': BITLABS_USER_ID, 'token': BITLABS_TOKEN})}"
    signature = expected_hash(CPX_EXT_USER_ID, CPX_SECRET)
    return f"{wall}?{urlencode({'app_id': CPX_APP_ID, 'ext_user_id': CPX_EXT_USER_ID, 'secure_hash': signature})}"


def demo_prolific_session(exchange: DemoExchange) -> str:
    """A Prolific session of the demo's sign-in page, as the keyring keeps one: the demo starts signed in, and its
    two-minute access tokens are refreshed as a real session's are."""
    tokens = exchange.sign_ins.prolific.signed_in()
    lifetime = tokens["expires_in"]
    access, refresh = tokens["access_token"], tokens["refresh_token"]
    assert isinstance(lifetime, int) and isinstance(access, str) and isinstance(refresh, str)
    return ProlificSession(DEMO_CLIENT_ID, access, refresh, int(time.time()) + lifetime, lifetime).to_secret()
