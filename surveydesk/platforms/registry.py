"""The platforms SurveyDesk talks to: one line per platform folder, and what the rest of SurveyDesk asks of them.

The composition root builds connectors, earnings readers and cadences through a `Registry`; the accounts dialog,
the rules and the lists read names and settings from it. No other module keeps a list of platforms.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING, Final

from surveydesk.core.clock import Clock
from surveydesk.core.connector import Connector
from surveydesk.core.earnings import ClaimDeadline, ClaimRoute, EarningsReader, ReviewDeadline
from surveydesk.core.model import Account
from surveydesk.core.politeness import DEFAULT_CADENCE, Cadence, Politeness
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.platforms.cookie_sign_in import CookieSignIn, keep_renewed_cookies
from surveydesk.platforms.history_file import HistoryFile
from surveydesk.platforms.offerwall_links import WallLinkSignIn
from surveydesk.platforms.spec import PlatformSpec, Profiler, ProfileSharing, SecretProvider
from surveydesk.platforms.web_session import SignInPlace, SignIns, WebSignIn
from surveydesk.profile.sharing import Permission
from surveydesk.secrets import SecretStore, SecretsUnavailable

if TYPE_CHECKING:
    import requests

# Adding a platform: a folder beside these whose __init__.py defines SPEC, and its line here.
PLATFORM_PACKAGES: Final = (
    "surveydesk.platforms.prolific",
    "surveydesk.platforms.mturk",
    "surveydesk.platforms.bitlabs",
    "surveydesk.platforms.cpx",
    "surveydesk.platforms.toloka",
)

SessionFactory = Callable[[], "requests.Session"]


class UnknownPlatform(ValueError):
    """An account row names a platform this version cannot talk to; `message` is a Sentence, shown translated."""

    def __init__(self, message: Sentence) -> None:
        super().__init__(message)
        self.message = message


class Registry:
    """The platforms, in the order the worker sees them, each by its `PlatformSpec`."""

    def __init__(self, specs: Iterable[PlatformSpec]) -> None:
        self._specs = {spec.platform: spec for spec in specs}
        self._renewals = threading.Lock()  # one renewal of a signed-in session written at a time

    @classmethod
    def from_packages(cls, packages: Iterable[str]) -> Registry:
        """The platforms of these packages, each of which defines `SPEC`."""
        return cls(importlib.import_module(package).SPEC for package in packages)

    def __iter__(self) -> Iterator[PlatformSpec]:
        return iter(self._specs.values())

    def __contains__(self, platform: object) -> bool:
        return platform in self._specs

    def spec(self, platform: str) -> PlatformSpec:
        spec = self._specs.get(platform)
        if spec is None:
            raise UnknownPlatform(
                QT_TRANSLATE_NOOP("UnknownPlatform", "SurveyDesk cannot talk to {0} yet").filled(repr(platform))
            )
        return spec

    def name(self, platform: str) -> str:
        """The platform's own name ("MTurk", "CPX Research"); a platform entered by hand keeps the worker's
        word."""
        spec = self._specs.get(platform)
        return spec.name if spec is not None else platform.capitalize()

    def sharing(self) -> dict[str, ProfileSharing]:
        """The platforms that can receive profile answers, each with what it can receive."""
        return {spec.platform: spec.profile_sharing for spec in self if spec.profile_sharing is not None}

    def review_deadlines(self) -> dict[str, ReviewDeadline]:
        """The platforms whose documented rule approves a submission left unreviewed, each with its rule."""
        return {spec.platform: spec.review_deadline for spec in self if spec.review_deadline is not None}

    def claim_deadlines(self) -> dict[str, ClaimDeadline]:
        """The platforms that document a window to contest a rejection, each with its window."""
        return {spec.platform: spec.claim_deadline for spec in self if spec.claim_deadline is not None}

    def claim_routes(self) -> dict[str, ClaimRoute]:
        """The platforms that document how a worker claims money owed, each with its way."""
        return {spec.platform: spec.claim_route for spec in self if spec.claim_route is not None}

    def history_files(self) -> dict[str, HistoryFile]:
        """The platforms whose workers can download a file of their past work, each with how it is read."""
        return {spec.platform: spec.history_file for spec in self if spec.history_file is not None}

    def profilers(self) -> dict[str, Profiler]:
        """The platforms that ask profiler questions before a survey, each with how to ask them."""
        return {spec.platform: spec.profiler for spec in self if spec.profiler is not None}

    def default_permission(self, platform: str) -> Permission:
        """What the platform may receive of a field the worker chose nothing for: never, unless its spec says."""
        spec = self._specs.get(platform)
        sharing = spec.profile_sharing if spec is not None else None
        return sharing.default if sharing is not None else Permission.NEVER

    def is_survey_wall(self, platform: str) -> bool:
        spec = self._specs.get(platform)
        return spec is not None and spec.survey_wall

    def entry_words(self, platform: str) -> tuple[Sentence, ...]:
        """The English its earnings reader writes where the platform gives none (see the spec); none for a
        platform unknown here (a manual entry's)."""
        spec = self._specs.get(platform)
        return () if spec is None else spec.entry_words

    def gives_completion_codes(self, platform: str) -> bool:
        """Whether the platform's tasks end with a completion code she may keep as evidence (see the spec)."""
        spec = self._specs.get(platform)
        return spec is not None and spec.completion_codes

    def shares_task_ids(self, platform: str) -> bool:
        spec = self._specs.get(platform)
        return spec is not None and spec.task_ids_shared

    def cadence(self, platform: str) -> Cadence:
        spec = self._specs.get(platform)
        return spec.cadence if spec is not None else DEFAULT_CADENCE

    def sign_ins(self, places: Mapping[str, SignInPlace] | None = None) -> SignIns:
        """How each platform's account is connected, at its real site; given `places` (the demo's), only the
        platforms placed there, each at its place."""
        web: dict[str, WebSignIn] = {}
        walls: dict[str, WallLinkSignIn] = {}
        for spec in self:
            if spec.sign_in is None or (places is not None and spec.platform not in places):
                continue
            method = spec.sign_in(None if places is None else places[spec.platform])
            if isinstance(method, WallLinkSignIn):
                walls[spec.platform] = method
            else:
                web[spec.platform] = method
        return SignIns(web, walls)

    def check(self, account: Account) -> None:
        """`UnknownPlatform` for an account no platform folder knows, `ValueError` for a setting its platform
        refuses (each option's `check`), before any of its clients is built."""
        for option in self.spec(account.key.platform).options:
            value = account.options.get(option.key, "")
            if option.check is not None and value:
                option.check(value)

    def build_connector(
        self, account: Account, secrets: SecretStore, clock: Clock, session_factory: SessionFactory | None = None
    ) -> Connector:
        """One connector per account, each with its own HTTP session (its own cookies and connection pool)."""
        spec = self.spec(account.key.platform)
        session = self._session(spec, account, secrets, session_factory)
        return spec.connector(account, secret_reader(account, secrets), session, clock)

    def build_reader(
        self, account: Account, secrets: SecretStore, clock: Clock, session_factory: SessionFactory | None = None
    ) -> EarningsReader | None:
        """The account's earnings reader, with a session of its own; None for a platform with no earnings record
        to read (one whose tasks are entered by hand)."""
        spec = self._specs.get(account.key.platform)
        if spec is None or spec.earnings is None:
            return None
        session = self._session(spec, account, secrets, session_factory)
        return spec.earnings(account, secret_reader(account, secrets), session, clock)

    def _session(
        self, spec: PlatformSpec, account: Account, secrets: SecretStore, factory: SessionFactory | None
    ) -> requests.Session:
        """A session of the account's own; for a platform signed in to by cookies, one whose replies' renewed
        cookies go back to the keyring (cookie_sign_in.py), so the worker stays signed in. requests is imported
        here, by the first client built, rather than with the platforms' names."""
        from surveydesk.net.http import USER_AGENT, make_session

        session = factory() if factory else make_session(USER_AGENT)
        if spec.sign_in is not None and isinstance(spec.sign_in(None), CookieSignIn):
            keep_renewed_cookies(session, account.key, secrets, account.base_url, self._renewals)
        return session

    def politeness_for(self, account: Account) -> Politeness:
        """The account's polling interval: the worker's choice (`options["interval"]`, seconds), never below the
        platform's floor, else the platform's default. The demo keeps the same cadence as the real platforms."""
        wanted = account.options.get("interval", "")
        cadence = self.cadence(account.key.platform)
        return Politeness(
            min_interval=cadence.interval(timedelta(seconds=int(wanted)) if wanted.isdigit() else None)
        )


def secret_reader(account: Account, secrets: SecretStore) -> SecretProvider:
    """Read the secret on each request (on the pool), so a fresh login takes effect at the next poll."""

    def read() -> str | None:
        try:
            return secrets.get(account.key)
        except SecretsUnavailable:
            return None

    return read


BUILT_IN: Final = Registry.from_packages(PLATFORM_PACKAGES)


def platform_name(platform: str) -> str:
    """The name of a built-in platform ("MTurk"), else the worker's own word for it (see `Registry.name`)."""
    return BUILT_IN.name(platform)
