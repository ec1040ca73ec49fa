"""What a sign-in process and SurveyDesk say to each other through its pipes (ui/sign_in_process.py): the request
on the child's standard input, and the reply on the last line of its standard output. Plain JSON, one line each;
the session travels in them only where SurveyDesk holds the logins in its memory (`KEEPER_PARENT`), and is never
quoted in an error or a log.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Final

from surveydesk.core.model import AccountKey

KEEPER_KEYRING: Final = "keyring"  # the child keeps the session in the keyring
KEEPER_PARENT: Final = "parent"  # the child hands the session back to the parent, which holds it in memory


class SignInOutcome(Enum):
    """How a sign-in process ended, as its reply (`SignInReply`) says."""

    SIGNED_IN = "signed-in"  # the session is in the keyring, or in the reply for the parent to keep
    CLOSED = "closed"  # the window was closed before the worker was signed in
    NO_SESSION = "no-session"  # the page gave nothing the platform's connector can use
    KEYRING_REFUSED = "keyring-refused"  # the keyring would not give the stored session or keep the new one
    UNUSABLE_REQUEST = "unusable-request"  # what the parent asked names no platform signed in to in a page


@dataclass(frozen=True, slots=True)
class SignInReply:
    """How the sign-in went, and the session when the parent keeps it (`KEEPER_PARENT`): the last line of the
    child's standard output, so that whatever else a library writes there before it is never read as the reply."""

    outcome: SignInOutcome
    session: str | None = field(default=None, repr=False)  # a secret: never in a log or an error

    def line(self) -> str:
        said: dict[str, str] = {"outcome": self.outcome.value}
        if self.session is not None:
            said["session"] = self.session
        return json.dumps(said) + "\n"

    @classmethod
    def read(cls, output: bytes) -> SignInReply | None:
        """The reply in the child's output, None when it wrote none that can be read (it crashed, or was killed
        half-way). The text is never quoted back: it may hold the session."""
        lines = output.decode("utf-8", "replace").strip().splitlines()
        try:
            said = json.loads(lines[-1]) if lines else None
        except ValueError:
            return None
        if not isinstance(said, dict):
            return None
        known = {outcome.value: outcome for outcome in SignInOutcome}
        outcome, session = known.get(str(said.get("outcome"))), said.get("session")
        if outcome is None or not (session is None or isinstance(session, str)):
            return None
        return cls(outcome, session)


@dataclass(frozen=True, slots=True)
class SignInRequest:
    """What the parent asks: sign in to `platform` for the account `account`, at its real site or at `page`
    (`server`: its sign-in server, where it is not the page's own), in `language` (a code of
    ui/translations.LANGUAGES, or the system's); `hands` is a script run on each page loaded, which plays the
    worker (the demo worker's, for the tests and the benchmark), none for the worker herself; `keeper` says who
    keeps the session: the keyring, or the parent (which then sends the stored one on the next line)."""

    platform: str
    account: str
    language: str
    page: str = ""
    server: str = ""
    hands: str = ""
    keeper: str = KEEPER_KEYRING

    def line(self) -> bytes:
        return (json.dumps(asdict(self)) + "\n").encode()

    @classmethod
    def read(cls, line: str) -> SignInRequest:
        """The request of one line; `ValueError` when it is not one."""
        fields = json.loads(line)
        if not isinstance(fields, dict) or not all(isinstance(value, str) for value in fields.values()):
            raise ValueError("a sign-in request is one JSON object of strings")
        request = cls(**fields)  # a missing or unknown field is a TypeError
        if request.keeper not in (KEEPER_KEYRING, KEEPER_PARENT):
            raise ValueError("a sign-in request names who keeps the session: the keyring or the parent")
        return request

    @property
    def key(self) -> AccountKey:
        return AccountKey(self.platform, self.account)
