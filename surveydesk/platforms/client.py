"""What every client of one platform account is built from, whatever it asks the platform for.

The task connectors, the earnings readers and BitLabs' click flow are built by their registries from the same
things: the account, the address of its server, a way to ask for its secret (at every request, and kept nowhere,
so a new login takes effect at once and the secret never reaches disk or a message), an HTTP session, the clock,
and the account's other settings. (Prolific's connector keeps a constructor of its own: its secret is a token and
it takes the address of the study pages.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager

import requests

from surveydesk.core.clock import Clock
from surveydesk.core.model import AccountKey
from surveydesk.net.shapes import Part, Reading, Shape, ShapeWatch
from surveydesk.platforms.fields import NO_OPTIONS


class AccountClient:
    """The account, its server and how to reach it; subclasses say what they ask for."""

    def __init__(
        self,
        account: AccountKey,
        base_url: str,
        secret_provider: Callable[[], str | None],
        session: requests.Session,
        clock: Clock,
        options: Mapping[str, str] = NO_OPTIONS,
    ) -> None:
        self._account = account
        self._base_url = base_url.rstrip("/")
        self._secret_provider = secret_provider
        self._session = session
        self._clock = clock
        self._options = options
        self._shapes = ShapeWatch()  # the app's, once `watch_shapes` gives it

    def watch_shapes(self, watch: ShapeWatch) -> None:
        """Report what replies did otherwise than their shapes to `watch` (the app's, shown to the worker)."""
        self._shapes = watch

    @property
    def account(self) -> AccountKey:
        return self._account

    @property
    def _platform(self) -> str:
        return self._account.platform

    def _watching(self, part: Part, endpoint: str, body: object, shape: Shape) -> AbstractContextManager[Reading]:
        """The block that reads `body`, watched: see `ShapeWatch.watching`."""
        return self._shapes.watching(self._platform, part, endpoint, body, shape)

    def _option(self, name: str, default: str = "") -> str:
        """One of the account's settings, trimmed; `default` when it is not set."""
        return self._options.get(name, "").strip() or default
