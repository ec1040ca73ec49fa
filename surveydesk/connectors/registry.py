"""Every platform SurveyDesk can talk to: what its account needs, and how to build its connector and cadence.

The composition root and the accounts dialog read this table; neither needs a list of platforms of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

import requests

from surveydesk.connectors.bitlabs import BitLabsConnector
from surveydesk.connectors.cpx import CPXConnector
from surveydesk.connectors.http import USER_AGENT, make_session
from surveydesk.connectors.mturk import MTurkConnector
from surveydesk.connectors.prolific import ProlificConnector
from surveydesk.connectors.toloka import TolokaConnector
from surveydesk.core.clock import Clock
from surveydesk.core.connector import Connector
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.politeness import CADENCES, DEFAULT_CADENCE, Politeness
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.secrets import SecretStore, SecretsUnavailable

SecretProvider = Callable[[], str | None]
ConnectorFactory = Callable[[Account, SecretProvider, requests.Session, Clock], Connector]

PROLIFIC_API = "https://internal-api.prolific.com"
PROLIFIC_STUDY_PAGES = "https://app.prolific.com/studies/"


class UnknownPlatform(ValueError):
    """An account row names a platform this version cannot talk to; `message` is a Sentence, shown translated."""

    def __init__(self, message: Sentence) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """A setting of an account that is not secret, as the accounts dialog asks for it."""

    key: str
    label: str
    required: bool = True
    default: str = ""


@dataclass(frozen=True, slots=True)
class PlatformSpec:
    """One platform: its name, where its API lives, what its secret is called, and its other settings."""

    platform: str
    name: str
    base_url: str
    sign_in_label: str
    sign_in_help: str
    options: tuple[OptionSpec, ...]
    build: ConnectorFactory


def _prolific(account: Account, secret: SecretProvider, session: requests.Session, clock: Clock) -> Connector:
    official = account.base_url.rstrip("/") == PROLIFIC_API
    pages = PROLIFIC_STUDY_PAGES if official else account.base_url.rstrip("/") + "/studies/"
    return ProlificConnector(account.key, account.base_url, secret, session, clock, study_page_base=pages)


class _OptionsConnector(Protocol):
    """The constructor the connectors after Prolific share."""

    def __call__(
        self,
        account: AccountKey,
        base_url: str,
        secret_provider: SecretProvider,
        session: requests.Session,
        clock: Clock,
        options: Mapping[str, str],
    ) -> Connector: ...


def _with_options(connector: _OptionsConnector) -> ConnectorFactory:
    """The factory of a connector that takes the account's options (user ids, currency) as its last argument."""

    def build(account: Account, secret: SecretProvider, session: requests.Session, clock: Clock) -> Connector:
        return connector(account.key, account.base_url, secret, session, clock, account.options)

    return build


PLATFORMS: Mapping[str, PlatformSpec] = {
    "prolific": PlatformSpec(
        platform="prolific",
        name="Prolific",
        base_url=PROLIFIC_API,
        sign_in_label="Access token",
        sign_in_help="The bearer token of your signed-in Prolific web app.",
        options=(),
        build=_prolific,
    ),
    "mturk": PlatformSpec(
        platform="mturk",
        name="MTurk",
        base_url="https://worker.mturk.com",
        sign_in_label="Session cookie",
        sign_in_help="The Cookie header of your signed-in worker.mturk.com tab.",
        options=(OptionSpec("min_reward", "Lowest reward (USD)", required=False),),
        build=_with_options(MTurkConnector),
    ),
    "bitlabs": PlatformSpec(
        platform="bitlabs",
        name="BitLabs",
        base_url="https://api.bitlabs.ai",
        sign_in_label="API token",
        sign_in_help="The app's API token from the BitLabs dashboard of the app you earn in.",
        options=(
            OptionSpec("user_id", "User id"),
            OptionSpec("currency", "Currency the app pays in (ISO code)", required=False, default="USD"),
        ),
        build=_with_options(BitLabsConnector),
    ),
    "cpx": PlatformSpec(
        platform="cpx",
        name="CPX Research",
        base_url="https://live-api.cpx-research.com",
        sign_in_label="Secure hash key",
        sign_in_help="The app's secure hash key; SurveyDesk sends only its MD5 hash, never the key.",
        options=(
            OptionSpec("app_id", "App id"),
            OptionSpec("ext_user_id", "Your user id in the app"),
            OptionSpec("currency", "Currency the app pays in (ISO code)", default="USD"),
        ),
        build=_with_options(CPXConnector),
    ),
    "toloka": PlatformSpec(
        platform="toloka",
        name="Toloka",
        base_url="https://toloka.yandex.com",
        sign_in_label="Cookie",
        sign_in_help="The Cookie header of your signed-in Toloka web app (with its CSRF token).",
        options=(OptionSpec("language", "Language of task texts", required=False, default="EN"),),
        build=_with_options(TolokaConnector),
    ),
}


def platform_name(platform: str) -> str:
    """The platform's own name ("MTurk", "CPX Research"); a platform entered by hand keeps the worker's word."""
    spec = PLATFORMS.get(platform)
    return spec.name if spec is not None else platform.capitalize()


def spec_of(platform: str) -> PlatformSpec:
    spec = PLATFORMS.get(platform)
    if spec is None:
        raise UnknownPlatform(
            QT_TRANSLATE_NOOP("UnknownPlatform", "SurveyDesk cannot talk to {0} yet").filled(repr(platform))
        )
    return spec


def secret_reader(account: Account, secrets: SecretStore) -> SecretProvider:
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
    spec = spec_of(account.key.platform)
    session = session_factory() if session_factory else make_session(USER_AGENT)
    return spec.build(account, secret_reader(account, secrets), session, clock)


def politeness_for(account: Account) -> Politeness:
    """The account's polling interval: the worker's choice (`options["interval"]`, seconds), never below the
    platform's floor, else the platform's default. The demo keeps the same cadence as the real platforms."""
    cadence = CADENCES.get(account.key.platform, DEFAULT_CADENCE)
    wanted = account.options.get("interval", "")
    interval = cadence.interval(timedelta(seconds=int(wanted)) if wanted.isdigit() else None)
    return Politeness(min_interval=interval)
