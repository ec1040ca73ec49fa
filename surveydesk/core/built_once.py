"""A client built when first asked for, once, by whichever thread asks first."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class BuiltOnce(Generic[T]):
    """An account's client (its connector, its earnings reader), built by `build` at the first `get`: the
    services call it from the first job of the account on the pool, so that the GUI thread never imports the
    platform's modules and requests just after the window shows (a demo account's first poll held the GUI
    thread 150-235 ms in its slot, 0.1-2 ms once built on the pool; December 2026, on a loaded machine). The
    lock keeps a second caller meanwhile from building a second client: it waits for the first."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build = build
        self._lock = threading.Lock()
        self._built: T | None = None

    def get(self) -> T:
        with self._lock:
            if self._built is None:
                self._built = self._build()
            return self._built

    @property
    def built(self) -> T | None:
        """The client if it was built, without building it."""
        return self._built
