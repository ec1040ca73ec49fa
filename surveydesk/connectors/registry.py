"""Builds the connector and politeness rules for an account, so the composition root needs no platform list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import requests

from surveydesk import __version__
from surveydesk.connectors.http import make_session
from surveydesk.connectors.prolific import ProlificConnector
from surveydesk.core.clock import Clock
from surveydesk.core.connector import Connector
from surveydesk.core.model import Account
from surveydesk.core.politeness import CADENCES, DEFAULT_CADENCE, Politeness
from surveydesk.secrets import SecretStore, SecretsUnavailable

PROLIFIC_API = "https://internal-api.prolific.com"
PROLIFIC_STUDY_PAGES = "https://app.prolific.com/studies/"



class UnknownPlatform(ValueError):
    """An account row names a platform this version cannot talk to."""


def _secret_of(account: Account, secrets: SecretStore) -> Callable[[], str | None]:
    """Read the secret on each request (on the pool), so a fresh login takes effect at the next poll."""

    def read() -> str | None:
        try:
            return secrets.get(account.key)
        except SecretsUnavailable:
            return None

    return read


def build_connector(
    account: Account,
    secrets: SecretStore,
    clock: Clock,
    session_factory: Callable[[], requests.Session] | None = None,
) -> Connector:
    """One connector per account, each with its own HTTP session (its own cookies and connection pool)."""
    session = session_factory() if session_factory else make_session(f"SurveyDesk/{__version__}")
    if account.key.platform == "prolific":
        official = account.base_url.rstrip("/") == PROLIFIC_API
        pages = PROLIFIC_STUDY_PAGES if official else account.base_url.rstrip("/") + "/studies/"
        return ProlificConnector(
            account=account.key,
            base_url=account.base_url,
            token_provider=_secret_of(account, secrets),
            session=session,
            clock=clock,
            study_page_base=pages,
        )
    raise UnknownPlatform(f"SurveyDesk cannot talk to {account.key.platform!r} yet")


def politeness_for(account: Account) -> Politeness:
    """The account's polling interval: the worker's choice (`options["interval"]`, seconds), never below the
    platform's floor, else the platform's default. The demo keeps the same cadence as the real platforms."""
    cadence = CADENCES.get(account.key.platform, DEFAULT_CADENCE)
    wanted = account.options.get("interval", "")
    interval = cadence.interval(timedelta(seconds=int(wanted)) if wanted.isdigit() else None)
    return Politeness(min_interval=interval)
