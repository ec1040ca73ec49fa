"""The plain request and reply values passed between the demo exchange and the platform sites it hosts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import parse_qsl

JSON_TYPE = "application/json; charset=utf-8"
HTML_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Request:
    """One GET as a site sees it: the path below the site's prefix, and where the site itself lives."""

    site_url: str
    path: str
    query_string: str
    headers: Mapping[str, str]  # names in lower case

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


def encode_json(payload: object) -> bytes:
    """Compact UTF-8 JSON, as real APIs send it."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def json_response(status: int, payload: object, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    return Response(status, encode_json(payload), JSON_TYPE, headers)
