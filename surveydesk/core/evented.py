"""A list that tells what changed in it, so state lives in plain Python and a Qt model only adapts it.

The pattern is napari's `EventedList` with its `_BaseEventedItemModel`: the list says it is about to insert or
remove rows and that it did, and a Qt model turns each pair into `beginInsertRows`/`endInsertRows` (Qt needs to
hear before the rows move, to keep selections and persistent indexes). Written here rather than taken from
psygnal's `EventedList` because that one tells each item on its own, where a poll inserts, removes and changes
rows by the hundred: here every event covers a run of rows, so a poll costs a handful of events, not hundreds.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from typing import Generic, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)


class Event(Generic[P]):
    """One kind of change: every connected callback is called, in the order they connected, on the thread that
    made the change."""

    __slots__ = ("_callbacks",)

    def __init__(self) -> None:
        self._callbacks: list[Callable[P, object]] = []

    def connect(self, callback: Callable[P, object]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[P, object]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> None:
        for callback in tuple(self._callbacks):
            callback(*args, **kwargs)


def runs(rows: Iterable[int], gap: int = 0) -> list[tuple[int, int]]:
    """Rows folded into sorted, inclusive (first, last) runs, so one event covers each run; rows at most `gap`
    apart share a run (which then also covers the rows between them)."""
    folded: list[tuple[int, int]] = []
    for row in sorted(rows):
        if folded and row <= folded[-1][1] + 1 + gap:
            folded[-1] = (folded[-1][0], row)
        else:
            folded.append((row, row))
    return folded


class EventedList(Generic[T, K]):
    """Items in order, each found by its key; every change is told by events over runs of rows.

    Events (rows are inclusive): `inserting(first, last)` then `inserted(first, last)` around an append;
    `removing(first, last)` then `removed(first, last)` around each run taken out (last run first, so the rows
    an event names are still right); `changed(first, last, aspects)` after items changed in place, where
    `aspects` names what about them changed (the owner's words: field names, a verdict); `resetting()` then
    `reset()` around a change of everything.
    """

    def __init__(self, key: Callable[[T], K]) -> None:
        self._key = key
        self._items: list[T] = []
        self._keys: list[K] = []  # each row's key, beside `_items`, to number the rows again without `key`
        self._rows: dict[K, int] = {}
        self.inserting: Event[[int, int]] = Event()
        self.inserted: Event[[int, int]] = Event()
        self.removing: Event[[int, int]] = Event()
        self.removed: Event[[int, int]] = Event()
        self.changed: Event[[int, int, frozenset[str]]] = Event()
        self.resetting: Event[[]] = Event()
        self.reset: Event[[]] = Event()

    @property
    def items(self) -> Sequence[T]:
        """The items themselves, live: the same sequence always, changed in place (a model may keep it)."""
        return self._items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, row: int) -> T:
        return self._items[row]

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    @property
    def rows(self) -> Mapping[K, int]:
        """Each key's row, live: the same mapping always, kept up to date as rows move."""
        return self._rows

    def replace_all(self, items: Iterable[T]) -> None:
        self.resetting.emit()
        self._items[:] = items
        self._keys[:] = map(self._key, self._items)
        self._number_from(0)
        self.reset.emit()

    def extend(self, items: Sequence[T]) -> None:
        """Append `items`, whose keys must not be in the list yet."""
        if not items:
            return
        first = len(self._items)
        last = first + len(items) - 1
        self.inserting.emit(first, last)
        self._items.extend(items)
        self._keys.extend(map(self._key, items))
        self._number_from(first)
        self.inserted.emit(first, last)

    def remove_keys(self, keys: Iterable[K]) -> list[T]:
        """Take out the items with these keys, and give them back; keys not in the list are passed over."""
        found = runs(row for row in map(self._rows.get, keys) if row is not None)
        removed: list[T] = []
        for first, last in reversed(found):
            self.removing.emit(first, last)
            for key in self._keys[first : last + 1]:
                del self._rows[key]
            removed += self._items[first : last + 1]
            del self._items[first : last + 1]
            del self._keys[first : last + 1]
            self.removed.emit(first, last)
        if found:
            self._number_from(found[0][0])
        return removed

    def announce(self, rows: Iterable[int], aspects: frozenset[str], gap: int = 0) -> None:
        """Tell that the items at `rows` changed in place, in these aspects; rows at most `gap` apart are told
        in one event (cheaper for a listener that pays per event than per row)."""
        for first, last in runs(rows, gap):
            self.changed.emit(first, last, aspects)

    def _number_from(self, start: int) -> None:
        """Number the rows again from `start` on; the rows before it did not move."""
        keys = self._keys
        if start == 0:
            self._rows.clear()
        self._rows.update(zip(keys[start:], range(start, len(keys)), strict=True))
