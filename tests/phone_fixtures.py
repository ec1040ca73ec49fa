"""Fixtures the phone alerts' tests share: a local ntfy server, the phone's sender, and a window whose feed sends
to a fresh topic on that server, with a tap's reply topic."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from surveydesk.core.clock import SystemClock
from surveydesk.feed.phone import (
    REPLY_TOPIC_KEY,
    TOPIC_KEY,
    PhoneSettings,
    load_phone_settings,
    new_topic,
    save_phone_settings,
)
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.services.idle import SessionIdle
from surveydesk.services.phone_alerts import PhoneAlerts
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.feed_controller import FeedController
from surveydesk.ui.icons import app_icon
from surveydesk.ui.main_window import MainWindow
from tests.factories import a_browser
from tests.ntfy_server import NtfyServer
from tests.windows import attached_window


@pytest.fixture
def ntfy() -> Iterator[NtfyServer]:
    with NtfyServer() as server:
        yield server


@pytest.fixture
def phone_secrets() -> MemorySecrets:
    return MemorySecrets()


@pytest.fixture
def phone(qtbot, pool, database, phone_secrets) -> PhoneAlerts:
    settings = SettingsStore(database)
    return PhoneAlerts(phone_secrets, Background(pool), lambda: load_phone_settings(settings))


@dataclass
class Desk:
    """The window, its feed and what the test controls: how long she has not touched this computer
    (`idle_for`), how often the feed asked (`asked`), the pages opened on this computer (`opened`)."""

    window: MainWindow
    topic: str
    reply_topic: str
    feed: FeedController | None = None
    idle_for: timedelta = timedelta(0)
    asked: int = 0
    opened: list[str] = field(default_factory=list)

    def own_idle(self) -> timedelta:
        self.asked += 1
        return self.idle_for


@pytest.fixture
def desk(qtbot, poller, database, pool, phone_secrets, phone, ntfy, exchange) -> Desk:
    """Phone alerts on, to the local ntfy server, only when she is away (5 minutes); the demo's Prolific
    account."""
    from tests.conftest import add_demo_account  # conftest imports these fixtures

    window = attached_window(poller, SystemClock().now)
    qtbot.addWidget(window)
    shown = Desk(window, new_topic(), new_topic())
    phone_secrets.set(TOPIC_KEY, shown.topic)
    phone_secrets.set(REPLY_TOPIC_KEY, shown.reply_topic)
    save_phone_settings(SettingsStore(database), PhoneSettings(True, True, 5, ntfy.address))
    shown.feed = FeedController(
        window, poller, None, Background(pool, window), SettingsStore(database), SystemClock(), app_icon(),
        open_url=a_browser(lambda url: shown.opened.append(url.toString())),
        phone=phone, idle=SessionIdle(shown.own_idle, Background(pool, window)),
    )  # fmt: skip
    add_demo_account(poller, exchange)
    return shown
