"""The shapes of JSON a reader reads (`json_value` in net/http.py reads a reply with one), built without importing
requests: net/shapes.py builds them at start-up, before the main window's first frame."""

from __future__ import annotations

from collections.abc import Iterable
from types import GenericAlias
from typing import Any, TypedDict


def json_shape(name: str, keys: Iterable[str] = (), **shaped: object) -> Any:
    """The part of a JSON object a connector reads, for `json_value`: `keys` taken as they come, `shaped`
    keys with a shape of their own (a `json_list` of another `json_shape`, say).

    Read with its shape, a reply comes out as the same dicts and lists as without, less the keys nobody
    reads, which msgspec skips without building them: a list of studies holding twice the fields a Task is
    made of is read in 60 % of the time. A key absent from the reply stays absent.
    """
    return TypedDict(name, {**dict.fromkeys(keys, Any), **shaped}, total=False)  # type: ignore[operator]


def json_list(shape: object) -> Any:
    """The shape of a JSON list of `shape`s."""
    return GenericAlias(list, (shape,))
