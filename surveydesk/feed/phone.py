"""Alerts on the worker's phone, decided in pure Python: where they go (an ntfy topic nobody can guess, a
self-hosted ntfy server, any other Apprise address), when (on or off, only when the worker is away) and what
they say (the desktop's alert, worded for a phone).

The topic is a capability: whoever knows it reads the alerts. It is therefore a secret, kept in the keyring
like the server's access key and the other services' addresses (which often carry a bot's key); only the
server's address and the on/off choices are settings.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from surveydesk.core.model import AccountKey
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.store.settings import SettingsStore

NTFY_CLOUD = "https://ntfy.sh"
DEFAULT_AWAY_MINUTES = 5

# The keyring's names for the phone's secrets (secrets.py keys everything by an AccountKey).
TOPIC_KEY = AccountKey("phone", "ntfy-topic")
REPLY_TOPIC_KEY = AccountKey("phone", "ntfy-reply-topic")  # where the phone's "Take" posts (feed/phone_take.py)
TOKEN_KEY = AccountKey("phone", "ntfy-access-key")
OTHER_SERVICES_KEY = AccountKey("phone", "other-services")

# ntfy accepts topics of [-_A-Za-z0-9]{1,64}; token_urlsafe's alphabet is exactly that. 24 random bytes are 192
# bits: a topic nobody can guess or list.
_TOPIC_PREFIX = "sd-"
_TOPIC_BYTES = 24


def new_topic() -> str:
    """A fresh topic for the worker's alerts."""
    return _TOPIC_PREFIX + secrets.token_urlsafe(_TOPIC_BYTES)


class PhoneAddressError(ValueError):
    """An address the worker typed or pasted that cannot be used; `message` says why, in her words."""

    def __init__(self, message: Sentence) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class NtfyServer:
    """An ntfy server: ntfy.sh, or the worker's own."""

    scheme: str
    host: str
    port: int | None

    @property
    def address(self) -> str:
        port = f":{self.port}" if self.port is not None else ""
        return f"{self.scheme}://{self.host}{port}"

    @property
    def secure(self) -> bool:
        return self.scheme == "https"

    def topic_url(self, topic: str) -> str:
        return f"{self.address}/{topic}"

    def stream_url(self, topic: str) -> str:
        """ntfy's JSON subscription stream of a topic: one event a line, for as long as the connection lives."""
        return f"{self.topic_url(topic)}/json"

    def subscription_link(self, topic: str) -> str:
        """What the QR code says: the ntfy app's own link to subscribe to a topic on a server (its deep link
        `ntfy://host/topic`, with `secure=false` for a server without HTTPS)."""
        port = f":{self.port}" if self.port is not None else ""
        plain = "" if self.secure else "?secure=false"
        return f"ntfy://{self.host}{port}/{topic}{plain}"


def ntfy_server(text: str) -> NtfyServer:
    """The server at the address the worker typed ("ntfy.example.org", "https://ntfy.example.org:8443")."""
    written = text.strip() or NTFY_CLOUD
    if "://" not in written:
        written = "https://" + written
    try:
        parts = urlsplit(written)
        port = parts.port
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise PhoneAddressError(
            QT_TRANSLATE_NOOP(
                "PhoneAlerts", "“{0}” is not the address of a server: write it like ntfy.example.org."
            ).filled(text.strip())
        )
    return NtfyServer(parts.scheme, parts.hostname, port)


def other_service_addresses(text: str) -> list[str]:
    """The addresses pasted under "Other services", one a line; blank lines do not count."""
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True, slots=True)
class PhoneSettings:
    """The worker's choices for her phone that are not secret (settings may travel to her other computers)."""

    enabled: bool = False
    only_when_away: bool = True
    away_minutes: int = DEFAULT_AWAY_MINUTES
    server: str = NTFY_CLOUD

    def wants(self, idle: timedelta | None) -> bool:
        """Whether an alert goes to the phone now, given how long nobody has touched the keyboard or mouse
        (None: not known, which counts as present: better no phone alert than one at the desk)."""
        if not self.enabled:
            return False
        if not self.only_when_away:
            return True
        return idle is not None and idle >= timedelta(minutes=self.away_minutes)


@dataclass(frozen=True, slots=True)
class PhoneMessage:
    """One push to the phone: what ntfy shows (title, text, priority, tags, a link opened on a tap)."""

    title: str
    body: str
    priority: str = "high"
    tags: tuple[str, ...] = ("bell",)
    click: str | None = None
    take_nonce: str | None = None  # an alert about one task: its "Take" button posts this (feed/phone_take.py)


def load_phone_settings(settings: SettingsStore) -> PhoneSettings:
    """The worker's phone choices; a stored value that cannot be read falls back to the default."""
    minutes = settings.get("phone.away_minutes", DEFAULT_AWAY_MINUTES)
    server = settings.get("phone.server", NTFY_CLOUD)
    return PhoneSettings(
        enabled=settings.get("phone.enabled", False) is True,
        only_when_away=settings.get("phone.only_when_away", True) is not False,
        away_minutes=minutes if isinstance(minutes, int) and minutes > 0 else DEFAULT_AWAY_MINUTES,
        server=server if isinstance(server, str) and server else NTFY_CLOUD,
    )


def save_phone_settings(settings: SettingsStore, phone: PhoneSettings) -> None:
    settings.set("phone.enabled", phone.enabled)
    settings.set("phone.only_when_away", phone.only_when_away)
    settings.set("phone.away_minutes", phone.away_minutes)
    settings.set("phone.server", phone.server)
