"""The demo worker's accounts: one per platform of a running demo exchange, with the demo's public logins."""

from __future__ import annotations

from surveydesk.core.model import Account, AccountKey
from surveydesk.demo.exchange import DemoExchange
from surveydesk.demo.sites import demo_sites
from surveydesk.platforms.registry import Registry

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
