"""The connectors' JSON reader: msgspec for speed, with exactly what requests' own reader would give."""

from __future__ import annotations

import pytest
import requests

from surveydesk.net.http import json_or_none, json_value

# Bodies msgspec reads itself and bodies it refuses that requests' reader takes; each must come out the same.
BODIES = {
    "object": b'{"id": "s1", "reward": {"amount": 150, "currency": "GBP"}, "places": [1, 2.5, null, true]}',
    "duplicate-keys": b'{"id": "first", "id": "second"}',
    "integer-past-64-bits": b'{"amount": 123456789012345678901234567890}',
    "negative-zero": b"[-0.0, -0, 1E2, 0.07]",
    "nan-and-infinity": b'{"amount": NaN, "rate": Infinity, "floor": -Infinity}',
    "overflowing-float": b'{"amount": 1e400}',
    "byte-order-mark": b'\xef\xbb\xbf{"id": "s1"}',
    "utf-16": '{"id": "s1", "title": "Café"}'.encode("utf-16"),
    "lone-surrogate": b'{"title": "\\ud800 alone"}',
    "invalid-utf-8": b'{"title": "Survey \xff\xfe end"}',
    "spaces-around": b' \n {"id": "s1"} \n ',
}

NOT_JSON = {
    "html": b"<html><body>Please sign in</body></html>",
    "empty": b"",
    "cut-short": b'{"results": [{"id": "s1"',
    "trailing-garbage": b'{"id": "s1"} extra',
}


def _response(body: bytes) -> requests.Response:
    response = requests.Response()
    response.status_code = 200
    response._content = body
    return response


@pytest.mark.parametrize("body", BODIES.values(), ids=BODIES.keys())
def test_a_body_reads_as_requests_reads_it(body: bytes) -> None:
    # repr: NaN equals nothing, not even itself
    assert repr(json_value(_response(body))) == repr(_response(body).json())


def test_integers_stay_exact_whatever_their_size() -> None:
    body = json_value(_response(b'{"amount": 123456789012345678901234567890}'))
    assert body == {"amount": 123456789012345678901234567890}
    assert type(body["amount"]) is int


@pytest.mark.parametrize("body", NOT_JSON.values(), ids=NOT_JSON.keys())
def test_what_is_not_json_is_refused(body: bytes) -> None:
    with pytest.raises(ValueError):
        json_value(_response(body))
    assert json_or_none(_response(body)) is None


def test_absurd_nesting_is_refused() -> None:
    assert json_or_none(_response(b"[" * 100_000 + b"]" * 100_000)) is None
