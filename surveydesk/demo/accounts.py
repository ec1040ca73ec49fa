"""The demo worker's accounts: one per platform of a running demo exchange, with the demo's public logins."""

from __future__ import annotations

from surveydesk.core.model import Account, AccountKey
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID
from surveydesk.demo.cpx_site import CPX_APP_ID, CPX_EXT_USER_ID, CPX_SECRET
from surveydesk.demo.exchange import DemoExchange
from surveydesk.demo.mturk_site import MTURK_COOKIE
from surveydesk.demo.toloka_site import TOLOKA_COOKIE
from surveydesk.platforms.registry import Registry

DEMO_ACCOUNT_NAME = "demo"

_SECRETS = {
    "prolific": DemoExchange.PROLIFIC_TOKEN,
    "mturk": MTURK_COOKIE,
    "bitlabs": BITLABS_TOKEN,
    "cpx": CPX_SECRET,
    "toloka": TOLOKA_COOKIE,
}
_OPTIONS = {
    "bitlabs": {"user_id": BITLABS_USER_ID, "currency": "USD"},
    "cpx": {"app_id": CPX_APP_ID, "ext_user_id": CPX_EXT_USER_ID, "currency": "USD"},
}


def demo_accounts(exchange: DemoExchange, registry: Registry) -> list[tuple[Account, str]]:
    """Each platform of the registry that the exchange serves, as an account of the demo worker, with the secret
    to log in and the platform's default settings beside the demo's own."""
    return [
        (
            Account(
                AccountKey(platform, DEMO_ACCOUNT_NAME),
                DEMO_ACCOUNT_NAME,
                exchange.url_of(platform),
                options={
                    **{option.key: option.default for option in registry.spec(platform).options if option.default},
                    **_OPTIONS.get(platform, {}),
                },
            ),
            _SECRETS[platform],
        )
        for platform in exchange.platforms
        if platform in registry
    ]
