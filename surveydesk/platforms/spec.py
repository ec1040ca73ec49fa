"""What SurveyDesk must know of one platform, stated once in the platform's own folder.

Each folder under `surveydesk/platforms/` holds its task connector, its earnings reader and its `SPEC`; the
registry (registry.py) lists the folders, and everything else reads the platforms from it. A spec names its
clients ("module:Class", `client`) rather than importing them: the first frame reads the platforms' names,
cadences and options, and their readers (with requests and urllib3) are imported when the first is built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from surveydesk.core.clock import Clock
from surveydesk.core.connector import Connector
from surveydesk.core.earnings import ClaimDeadline, ClaimRoute, EarningsReader, ReviewDeadline
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.politeness import Cadence
from surveydesk.core.questions import QuestionFlow
from surveydesk.core.translatable import Sentence
from surveydesk.platforms.history_file import HistoryFile
from surveydesk.platforms.offerwall_links import WallLinkSignIn
from surveydesk.platforms.web_session import SignInMethod, SignInPlace, WebSignIn
from surveydesk.profile.mappings import BitLabsMapping
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import ProfileStore

if TYPE_CHECKING:
    import requests

SecretProvider = Callable[[], str | None]
ConnectorFactory = Callable[[Account, SecretProvider, "requests.Session", Clock], Connector]
ReaderFactory = Callable[[Account, SecretProvider, "requests.Session", Clock], EarningsReader]
FlowFactory = Callable[[Account, SecretProvider, "requests.Session", Clock], QuestionFlow]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """A setting of an account that is not secret, as the accounts dialog asks for it.

    `label` is English marked for translation in the "PlatformSpec" context (`QT_TRANSLATE_NOOP`), so the
    dialog shows it in the worker's language. `check` reads a value the worker gave, raising `ValueError` in
    words for one the platform cannot use: start-up asks it of each account's settings (`Registry.check`)
    before the connector, which reads the value the same way, is built after the first frame."""

    key: str
    label: str
    required: bool = True
    default: str = ""
    check: Callable[[str], object] | None = None


@dataclass(frozen=True, slots=True)
class ProfileSharing:
    """What a platform can receive from the worker's profile: the fields its mapping table names, the choices
    she has for each (`choices`), the one that holds until she chooses (`default`), and how its connector is
    given the answers she allows (`attach`, for a platform that sends them unasked with its requests)."""

    default: Permission
    choices: tuple[Permission, ...]
    fields: Callable[[], frozenset[str]]
    attach: Callable[[object, ProfileStore, AccountKey], None] | None = None


@dataclass(frozen=True, slots=True)
class Profiler:
    """A platform that asks profiler questions between the take and the survey: how its question flow is built
    for an account, and how its questions map to the profile's fields (its mapping table)."""

    flow: FlowFactory
    mapping: Callable[[], BitLabsMapping]


@dataclass(frozen=True, slots=True)
class PlatformSpec:
    """One platform: its name, where its API lives, how its clients are built, and how it behaves.

    `survey_wall`: a wall of third-party surveys, which state a length but no time limit. `task_ids_shared`:
    the platform's records name a task by the id the worker's attempt knows (a study, a survey), so the two
    meet in one earnings entry. `review_deadline`: the platform's documented rule that approves a submission
    left unreviewed, with its evidence. `claim_deadline` and `claim_route`: its documented window to contest a
    rejection and its way to claim money owed, each with its evidence (None where it documents none).
    `profile_sharing`: what it can receive of the profile; `profiler`: the questions it asks before a survey.
    `demo_site`: the module of its site in the demo exchange, which defines `DEMO` (a
    `surveydesk.demo.wire.DemoSite`); named, not imported, so that no platform depends on the demo.
    `sign_in`: how its account is connected (web_session.py): in its own sign-in page (a `WebSignIn`) or by the
    link of its survey wall (a `WallLinkSignIn`); None when SurveyDesk cannot connect it yet. `history_file`: a
    file of past work the platform lets its workers download, which the History tab imports (history_file.py).
    `completion_codes`: the platform's tasks end by giving the worker a code (or a link holding one) that proves
    she completed them; the timer strip then offers a field to keep it (surveydesk.work.completion_code) as her
    evidence for a claim. Set only where the platform documents it, with that evidence beside it.
    `entry_words`: the English its earnings reader writes where the platform gives no words of its own (an
    entry's title, a note), each at most one `{0}` around the platform's words; stored as written, shown in the
    worker's language (ui/task_titles.py).
    """

    platform: str
    name: str
    base_url: str
    options: tuple[OptionSpec, ...]
    connector: ConnectorFactory
    cadence: Cadence
    earnings: ReaderFactory | None = None
    survey_wall: bool = False
    task_ids_shared: bool = False
    demo_site: str | None = None
    profile_sharing: ProfileSharing | None = None
    sign_in: SignInMethod | None = None
    profiler: Profiler | None = None
    review_deadline: ReviewDeadline | None = None
    claim_deadline: ClaimDeadline | None = None
    claim_route: ClaimRoute | None = None
    history_file: HistoryFile | None = None
    completion_codes: bool = False
    entry_words: tuple[Sentence, ...] = ()


def with_options(
    client: Callable[[AccountKey, str, SecretProvider, requests.Session, Clock, Mapping[str, str]], T],
) -> Callable[[Account, SecretProvider, requests.Session, Clock], T]:
    """The factory of a client built from the account's key, address, secret, session, clock and options (the
    constructor of platforms/client.py's `AccountClient`)."""

    def build(account: Account, secret: SecretProvider, session: requests.Session, clock: Clock) -> T:
        return client(account.key, account.base_url, secret, session, clock, account.options)

    return build


def seconds(floor: int, default: int) -> Cadence:
    """A cadence written in seconds, as the specs state it: the floor the worker cannot go below, and the
    interval used until she chooses one."""
    return Cadence(timedelta(seconds=floor), timedelta(seconds=default))


def client(target: str) -> Callable[[Account, SecretProvider, requests.Session, Clock], Any]:
    """The factory of the client named `target`, "module:attribute": a class built from the account's key,
    address, secret, session, clock and options (as `with_options` builds it), or a factory taking the account,
    secret, session and clock. Its module is imported when the first client is built, not with the spec."""

    def build(account: Account, secret: SecretProvider, session: requests.Session, clock: Clock) -> Any:
        made = imported(target)
        factory = with_options(made) if isinstance(made, type) else made
        return factory(account, secret, session, clock)

    return build


def sign_in_named(target: str) -> SignInMethod:
    """The sign-in method named `target`, "module:attribute", imported when a sign-in is first described."""

    def sign_in(place: SignInPlace | None) -> WebSignIn | WallLinkSignIn:
        method: SignInMethod = imported(target)
        return method(place)

    return sign_in


def imported(target: str) -> Any:
    """The attribute named by "module:attribute", its module imported now if it was not yet."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)
