"""Survey walls added by link: read what BitLabs' and CPX's web offerwall links carry, and refuse anything else.

A worker earns on a rewards site that embeds the wall; the wall's link holds what the wall's API needs
(platform-apis.md §8.1): BitLabs `https://web.bitlabs.ai/?uid=<member>&token=<the app's public key>`, CPX
`https://offers.cpx-research.com/index.php?app_id=<…>&ext_user_id=<…>[&secure_hash=<md5>]`. The CPX value is
already computed by the publisher: the publisher's own secret never appears, and SurveyDesk never asks for it.

A pasted link is untrusted text: only the wall's own address over HTTPS is read, each value must look like what
the wall puts there, and a refusal says in words what was wrong, never echoing the link (it may hold a key).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Protocol
from urllib.parse import parse_qs, urlsplit

from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence

BITLABS_WALL: Final = "https://web.bitlabs.ai/"
CPX_WALL: Final = "https://offers.cpx-research.com/"
LONGEST_LINK: Final = 4096
_MEMBER = re.compile(r"[A-Za-z0-9._@:+~-]{1,128}")  # a rewards site's own id for its member
_APP_KEY = re.compile(r"[A-Za-z0-9-]{8,64}")  # BitLabs app keys are UUIDs
_APP_ID = re.compile(r"[0-9]{1,10}")
_SIGNATURE = re.compile(r"[0-9a-fA-F]{32}")  # an MD5, in hex


class LinkRefused(ValueError):
    """The pasted text is not a wall link SurveyDesk can use; `message` tells the worker why, in words."""

    def __init__(self, message: Sentence) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class BitLabsLink:
    member_id: str  # `uid`: an account option
    app_key: str  # `token`: the app's public key, kept in the keyring all the same

    @property
    def found(self) -> Sentence:
        return QT_TRANSLATE_NOOP(
            "WallLinkSignIn", "A BitLabs survey wall for member {0}: SurveyDesk can list its surveys."
        ).filled(self.member_id)

    @property
    def secret(self) -> str | None:
        return self.app_key

    @property
    def options(self) -> Mapping[str, str]:
        return {"user_id": self.member_id}


@dataclass(frozen=True, slots=True)
class CpxLink:
    app_id: str
    member_id: str  # `ext_user_id`
    signature: str | None  # `secure_hash`, ready-made by the publisher; some walls need none

    @property
    def found(self) -> Sentence:
        if self.signature is None:
            return QT_TRANSLATE_NOOP(
                "WallLinkSignIn",
                "A CPX Research survey wall (app {0}) for member {1}, without a signature: "
                "CPX lists surveys only if the rewards site does not ask for one.",
            ).filled(self.app_id, self.member_id)
        return QT_TRANSLATE_NOOP(
            "WallLinkSignIn",
            "A CPX Research survey wall (app {0}) for member {1}: SurveyDesk can list its surveys.",
        ).filled(self.app_id, self.member_id)

    @property
    def secret(self) -> str | None:
        return self.signature

    @property
    def options(self) -> Mapping[str, str]:
        return {"app_id": self.app_id, "ext_user_id": self.member_id}


class WallLink(Protocol):
    """What a wall link gives an account: its secret for the keyring (None: the wall needs none), the settings
    that are not secret, and what was found, in words."""

    @property
    def secret(self) -> str | None: ...

    @property
    def options(self) -> Mapping[str, str]: ...

    @property
    def found(self) -> Sentence: ...


@dataclass(frozen=True, slots=True)
class WallLinkSignIn:
    """A survey wall added by its link: the wall's address (the real one, or the demo's), its link reader, and
    the account settings the link fills (which the accounts dialog therefore does not ask for)."""

    wall: str
    reader: Callable[[str, str], WallLink]
    filled_options: frozenset[str]

    def read(self, text: str) -> WallLink:
        """What the pasted `text` gives; `LinkRefused` in words when it is not this wall's link."""
        return self.reader(text, self.wall)


def read_bitlabs_link(text: str, wall: str = BITLABS_WALL) -> BitLabsLink:
    """The member and app key of a BitLabs wall link; `LinkRefused` for anything else. `wall` is the demo's."""
    values = _wall_query(text, wall, "BitLabs")
    member = _value(values, "uid", _MEMBER, "BitLabs", MEMBER)
    app_key = _value(values, "token", _APP_KEY, "BitLabs", APP_KEY)
    assert member is not None and app_key is not None
    return BitLabsLink(member, app_key)


def read_cpx_link(text: str, wall: str = CPX_WALL) -> CpxLink:
    """The app, member and signature of a CPX Research wall link; `LinkRefused` for anything else."""
    values = _wall_query(text, wall, "CPX Research")
    app_id = _value(values, "app_id", _APP_ID, "CPX Research", APP_NUMBER)
    member = _value(values, "ext_user_id", _MEMBER, "CPX Research", MEMBER)
    signature = _value(values, "secure_hash", _SIGNATURE, "CPX Research", SIGNATURE, required=False)
    assert app_id is not None and member is not None
    return CpxLink(app_id, member, signature.lower() if signature else None)


# What a link can lack or get wrong, in words ({0} is the wall's name).
NOT_A_LINK: Final = QT_TRANSLATE_NOOP(
    "WallLinkSignIn", "This is not a {0} link. Copy the address of the {0} survey page of your rewards site."
)
MEMBER: Final = QT_TRANSLATE_NOOP("WallLinkSignIn", "your member number")
APP_KEY: Final = QT_TRANSLATE_NOOP("WallLinkSignIn", "the rewards site's key")
APP_NUMBER: Final = QT_TRANSLATE_NOOP("WallLinkSignIn", "the rewards site's number")
SIGNATURE: Final = QT_TRANSLATE_NOOP("WallLinkSignIn", "the signature")
MISSING: Final = QT_TRANSLATE_NOOP(
    "WallLinkSignIn", "This {0} link lacks {1}: copy the whole address, from the survey page itself."
)
WRONG: Final = QT_TRANSLATE_NOOP(
    "WallLinkSignIn", "This {0} link has {1} in an unexpected form: copy the address again, without changing it."
)


def _wall_query(text: str, wall: str, name: str) -> dict[str, list[str]]:
    link = text.strip()
    if not link or len(link) > LONGEST_LINK or not link.isprintable() or any(c.isspace() for c in link):
        raise LinkRefused(NOT_A_LINK.filled(name))
    parts, expected = urlsplit(link), urlsplit(wall)
    try:
        port = parts.port
    except ValueError:
        raise LinkRefused(NOT_A_LINK.filled(name)) from None
    same_place = (
        parts.scheme.lower() == expected.scheme
        and parts.username is None
        and parts.password is None
        and (parts.hostname or "") == expected.hostname
        and port == expected.port
        and parts.path.startswith(expected.path.rstrip("/"))
    )
    if not same_place or (parts.scheme != "https" and expected.hostname != "127.0.0.1"):
        raise LinkRefused(NOT_A_LINK.filled(name))
    return parse_qs(parts.query, keep_blank_values=True)


def _value(
    values: dict[str, list[str]],
    field: str,
    shape: re.Pattern[str],
    name: str,
    what: Sentence,
    required: bool = True,
) -> str | None:
    given = {value.strip() for value in values.get(field, [])} - {""}
    if not given:
        if required:
            raise LinkRefused(MISSING.filled(name, what))
        return None
    if len(given) > 1 or not shape.fullmatch(next(iter(given))):
        raise LinkRefused(WRONG.filled(name, what))
    return next(iter(given))


def bitlabs_wall(wall: str = BITLABS_WALL) -> WallLinkSignIn:
    return WallLinkSignIn(wall, read_bitlabs_link, frozenset({"user_id"}))


def cpx_wall(wall: str = CPX_WALL) -> WallLinkSignIn:
    return WallLinkSignIn(wall, read_cpx_link, frozenset({"app_id", "ext_user_id"}))
