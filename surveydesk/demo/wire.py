"""The plain request and reply values passed between the demo exchange and the platform sites it hosts."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol
from urllib.parse import parse_qsl

from surveydesk.core.points import PointsValue
from surveydesk.demo.market import Market
from surveydesk.demo.payroll import HISTORY_DAYS, IdStyle, Payroll

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Request:
    """One request as a site sees it: the path below the site's prefix, and where the site itself lives."""

    site_url: str
    path: str
    query_string: str
    headers: Mapping[str, str]  # names in lower case
    method: str  # "GET" or "POST", in capitals
    body: bytes  # empty for a GET

    @property
    def query(self) -> dict[str, str]:
        return dict(parse_qsl(self.query_string))


@dataclass(frozen=True, slots=True)
class Response:
    """A complete reply, sent as is."""

    status: int
    body: bytes
    content_type: str = JSON_TYPE
    headers: tuple[tuple[str, str], ...] = field(default=())


class Site(Protocol):
    """One platform's fake API; the exchange serves it under `/<platform>`."""

    @property
    def platform(self) -> str: ...

    def handle(self, request: Request) -> Response: ...


UNSEEDED_HISTORY = 0  # the seed of the demo worker's past when the exchange has none


@dataclass(frozen=True, slots=True)
class SiteContext:
    """What every site is built from: its own seeded market, and the exchange's clock.

    `market(offset)` gives each site a market of its own (seeded from the exchange's seed plus `offset`), so
    platforms do not list the same studies, yet the same seed still gives the same replies everywhere.
    """

    seed: int | None
    clock: Callable[[], float]
    epoch: datetime
    initial_studies: int
    market_speed: float
    history_days: int = HISTORY_DAYS

    def market(self, offset: int) -> Market:
        seed = None if self.seed is None else self.seed + offset
        return Market(seed, self.clock, self.initial_studies, self.epoch, speed=self.market_speed)

    def payroll(self, offset: int, ids: IdStyle) -> Payroll:
        """The demo worker's earnings on one platform, seeded apart from its market, with the site's ids. An
        exchange without a seed still gives the one history: the demo's log is kept between starts, and a past
        drawn anew at each start would be counted again beside the last one."""
        seed = (UNSEEDED_HISTORY if self.seed is None else self.seed) + 1000 + offset
        return Payroll(seed, self.clock, self.epoch, ids, self.history_days)


SiteFactory = Callable[[SiteContext], Site]


@dataclass(frozen=True, slots=True)
class DemoSite:
    """A platform's place in the demo: how the exchange builds its site, and the demo worker's login and
    account settings there, with what her rewards site's points are worth when the site pays in points. A
    platform's `PlatformSpec.demo_site` names the module defining its `DEMO`."""

    build: SiteFactory
    secret: str
    options: Mapping[str, str] = field(default_factory=dict)
    points_value: PointsValue | None = None


def encode_json(payload: object) -> bytes:
    """Compact UTF-8 JSON, as real APIs send it."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def json_response(status: int, payload: object, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    return Response(status, encode_json(payload), JSON_TYPE, headers)


def method_not_allowed(allowed: str) -> Response:
    """The reply to a method a site does not serve at a path; `Allow` names the one it does, as HTTP asks."""
    return json_response(405, {"error": {"detail": "Method not allowed.", "status": 405}}, (("Allow", allowed),))
