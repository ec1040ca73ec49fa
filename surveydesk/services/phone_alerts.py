"""Sends alerts to the worker's phone through Apprise, on the pool, and says per channel whether it worked.

Two channels: "ntfy" (the guided way, or the worker's own ntfy server) and "other" (every address pasted under
Other services, each spoken by its Apprise plugin). Apprise does the talking; this module only builds its
targets from the worker's settings and secrets, so no service has a hand-written client here. Apprise (about
80 ms to load, with its plugins) is loaded on the pool by the first alert or check, not at start.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from surveydesk import APP_NAME
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.feed.phone import (
    OTHER_SERVICES_KEY,
    REPLY_TOPIC_KEY,
    TOKEN_KEY,
    TOPIC_KEY,
    NtfyServer,
    PhoneMessage,
    PhoneSettings,
    ntfy_server,
    other_service_addresses,
)
from surveydesk.feed.phone_take import take_action
from surveydesk.secrets import SecretStore, SecretsUnavailable
from surveydesk.services.background import Background

if TYPE_CHECKING:
    import apprise
    from apprise.plugins.base import NotifyBase
    from apprise.plugins.ntfy import NotifyNtfy

log = logging.getLogger(__name__)

NTFY = "ntfy"
OTHER = "other"

NO_PHONE = QT_TRANSLATE_NOOP(
    "PhoneAlerts", "No phone is set up yet: scan the code with the ntfy app, or paste another service's address."
)
NTFY_REFUSED = QT_TRANSLATE_NOOP(
    "PhoneAlerts",
    "The alert did not reach the ntfy server. Check that this computer is online and, for your own server, "
    "its address and access key.",
)
OTHER_REFUSED = QT_TRANSLATE_NOOP(
    "PhoneAlerts",
    "The alert did not reach {0}. Check that this computer is online and that the address you pasted is right.",
)
NOT_AN_ADDRESS = QT_TRANSLATE_NOOP(
    "PhoneAlerts", "SurveyDesk does not know this address: “{0}”. Paste it again as the service gave it."
)


@dataclass(frozen=True, slots=True)
class PhoneTargets:
    """Where a phone alert goes: an ntfy topic on a server (with its access key), and other Apprise addresses;
    and the topic the phone's "Take" answers on. Holds secrets: never logged, never stored but in the keyring."""

    server: NtfyServer
    topic: str | None = field(default=None, repr=False)
    access_key: str | None = field(default=None, repr=False)
    others: tuple[str, ...] = field(default=(), repr=False)
    reply_topic: str | None = field(default=None, repr=False)

    @property
    def empty(self) -> bool:
        return self.topic is None and not self.others


@dataclass(frozen=True, slots=True)
class Delivery:
    """How one channel took one alert: `problem` is None when the service accepted it."""

    channel: str
    problem: str | None = None  # a Sentence, shown translated


def read_targets(settings: PhoneSettings, secrets: SecretStore) -> PhoneTargets:
    """The saved targets; the keyring may block on its D-Bus call, so this runs on the pool."""
    return PhoneTargets(
        server=ntfy_server(settings.server),
        topic=secrets.get(TOPIC_KEY),
        access_key=secrets.get(TOKEN_KEY),
        others=tuple(other_service_addresses(secrets.get(OTHER_SERVICES_KEY) or "")),
        reply_topic=secrets.get(REPLY_TOPIC_KEY),
    )


def unknown_addresses(addresses: list[str]) -> list[str]:
    """The pasted addresses no Apprise plugin reads: the worker is told which, and keeps what she pasted."""
    import apprise

    return [address for address in addresses if not apprise.Apprise().add(address)]


def _apprise(targets: list[str | NotifyBase]) -> apprise.Apprise:
    # In memory only: Apprise would otherwise keep a cache of its plugins' state in the user's folders.
    import apprise

    sender = apprise.Apprise(asset=apprise.AppriseAsset(app_id=APP_NAME, storage_mode="memory"))
    for target in targets:
        sender.add(target)
    return sender


def ntfy_target(targets: PhoneTargets, message: PhoneMessage) -> NotifyNtfy:
    """Apprise's ntfy plugin, built from parts (never from a URL, which would carry the topic and access key
    into Apprise's URL parsing and logs)."""
    from apprise.plugins.ntfy import NotifyNtfy

    server = targets.server
    actions = None
    if message.take_nonce is not None and targets.reply_topic is not None:
        actions = take_action(server.topic_url(targets.reply_topic), message.take_nonce, targets.access_key)
    return NotifyNtfy(  # type: ignore[no-untyped-call]  # Apprise's plugins are not annotated
        host=server.host,
        port=server.port,
        secure=server.secure,
        targets=[targets.topic],
        mode="private",  # the address is ours to give, ntfy.sh included
        auth="token" if targets.access_key else "basic",
        token=targets.access_key,
        include_image=False,  # Apprise's image would be fetched by the phone from Apprise's web site
        priority=message.priority,
        xtags=",".join(message.tags),
        click=message.click,
        actions=actions,
    )


def deliver(message: PhoneMessage, targets: PhoneTargets) -> list[Delivery]:
    """Sends one message through every channel set up; blocking (network): call it on the pool."""
    if targets.empty:
        return [Delivery(NTFY, NO_PHONE)]
    deliveries = []
    if targets.topic is not None:
        sent = _apprise([ntfy_target(targets, message)]).notify(body=message.body, title=message.title)
        deliveries.append(Delivery(NTFY, None if sent else NTFY_REFUSED))
    if targets.others:
        refused: list[str] = []
        for address in targets.others:
            sender = _apprise([address])
            if not len(sender):
                deliveries.append(Delivery(OTHER, NOT_AN_ADDRESS.filled(_shown(address))))
                return deliveries
            if not sender.notify(body=message.body, title=message.title):
                refused.append(str(sender[0].service_name))
        deliveries.append(Delivery(OTHER, OTHER_REFUSED.filled(", ".join(refused)) if refused else None))
    return deliveries


def _shown(address: str) -> str:
    """An address named in a message without its secret part: the service's scheme only."""
    return address.split("://", 1)[0] + "://…"


class PhoneAlerts(QObject):
    """Sends on the pool and reports each channel's outcome by signal on the GUI thread."""

    delivered = Signal(str)  # the channel
    tested = Signal(object)  # list[Delivery]: how a test alert went, for the settings to show
    failed = Signal(str, object)  # the channel, what went wrong (a Sentence)

    def __init__(
        self,
        secrets: SecretStore,
        background: Background,
        settings: Callable[[], PhoneSettings],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.secrets = secrets  # the settings keep the phone's secrets through it
        self._background = background
        self._settings = settings

    def send(self, message: PhoneMessage) -> None:
        """Sends to the saved targets (read from the keyring on the pool)."""
        self._send(message, None, self._report)

    def send_test(self, message: PhoneMessage, targets: PhoneTargets) -> None:
        """Sends to what the settings show, saved or not; `tested` says how it went, and the channels' health
        follows as for any alert."""

        def report(deliveries: list[Delivery]) -> None:
            self._report(deliveries)
            self.tested.emit(deliveries)

        self._send(message, targets, report)

    def load_targets(self, then: Callable[[PhoneTargets | str], None]) -> None:
        """The saved targets for the settings to show, or why the keyring would not give them."""
        settings, secrets = self._settings(), self.secrets

        def work() -> PhoneTargets | str:
            try:
                return read_targets(settings, secrets)
            except SecretsUnavailable as error:
                return error.message

        self._background.run(work, then, lambda _bug: then(NO_PHONE))

    def _send(
        self, message: PhoneMessage, targets: PhoneTargets | None, report: Callable[[list[Delivery]], None]
    ) -> None:
        settings, secrets = self._settings(), self.secrets

        def work() -> list[Delivery]:
            try:
                chosen = targets if targets is not None else read_targets(settings, secrets)
            except SecretsUnavailable as error:
                return [Delivery(NTFY, error.message)]
            return deliver(message, chosen)

        self._background.run(work, report, lambda _bug: report([Delivery(NTFY, NTFY_REFUSED)]))

    def _report(self, deliveries: list[Delivery]) -> None:
        for delivery in deliveries:
            if delivery.problem is None:
                self.delivered.emit(delivery.channel)
            else:
                log.info("phone alert not delivered through %s", delivery.channel)
                self.failed.emit(delivery.channel, delivery.problem)
