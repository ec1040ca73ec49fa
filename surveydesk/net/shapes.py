"""What a reader expects of a platform's reply, and what a reply did otherwise: shape reports.

Real platforms change their replies without notice. Each reader declares the keys it reads (`Shape`,
`expect`): the kinds of JSON value each may hold, whether it must be there, and the values it knows where it
reads a code. The same declaration is what msgspec decodes the reply through (`Shape.decoding`, a
`json_shapes.json_shape`), so what is read and what is watched cannot drift apart.

A reply that differs (a key missing, a value of another kind, a code not known) gives `Difference`s: a path
made of the declaration's own keys ("data.surveys[].cpi") and a kind from a fixed vocabulary. Never a value of
the reply, nor a key the reply added: a worker pastes the report into a public issue, and nothing personal or
secret can be in it. `ShapeWatch` keeps them, with whether the reading went on despite them, and says once
per change in words what still works.

A value of the declared kind can still be impossible: an amount beyond what the platform pays, negative where
none can be, in a unit nobody knows, or unreadable. The reader sets that one record aside (platforms/records.py)
and reads the rest; the `Reading` of the reply notes the difference with the others, and the watch counts the
records set aside per platform (forgetting one as soon as it is read whole) for the worker's words. It keeps
them where it is given a place to (`KeepsSetAside`, the app's database), so the worker is still told after a
restart until those records book; a record is kept there as a digest of its key, never its id.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final, Protocol, runtime_checkable

from surveydesk.core.errors import BadPayload
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.net.json_shapes import json_list, json_shape

# The kinds of JSON value, in the words a report uses for them (JSON's own: read by whoever mends a reader).
STRING: Final = "string"
NUMBER: Final = "number"
BOOLEAN: Final = "boolean"
NULL: Final = "null"
OBJECT: Final = "object"
LIST: Final = "list"
KINDS: Final = (STRING, NUMBER, BOOLEAN, NULL, OBJECT, LIST)
MAX_DIFFERENCES: Final = 50  # per reply: a reply that differs everywhere says so in the first fifty
LIST_SAMPLE: Final = 16  # items of a list compared with their declaration (`_spread`)


# The kind of each type a JSON decoder makes, looked up in one step where the value is of one of them.
_KIND_OF_TYPE: Final[Mapping[type, str]] = {
    str: STRING,
    int: NUMBER,
    float: NUMBER,
    bool: BOOLEAN,
    type(None): NULL,
    list: LIST,
    dict: OBJECT,
}


def kind_of(value: object) -> str:
    """The JSON kind of a decoded value."""
    kind = _KIND_OF_TYPE.get(type(value))
    if kind is not None:
        return kind
    if value is None:
        return NULL
    if isinstance(value, bool):
        return BOOLEAN
    if isinstance(value, int | float):
        return NUMBER
    if isinstance(value, str):
        return STRING
    return LIST if isinstance(value, list) else OBJECT


@dataclass(frozen=True, slots=True)
class Expect:
    """What one key may hold: `kinds` of value; `required` or not; `known` codes (empty: any value is
    fine); `shape`, the keys read inside an object; `items`, what a list holds."""

    kinds: frozenset[str]
    required: bool = True
    known: frozenset[str] = frozenset()
    shape: Shape | None = None
    items: Expect | None = None
    # Nothing to compare inside, nor codes to know: a value of one of `kinds` is all there is to check, and
    # `_compare` checks it without a call. A reply of bench/poll_pipeline.py's 5 × 200 set-up took 0.43 ms to
    # compare with a call per value, 0.14 ms so; its ratio 2.01 then, 1.66 now, 1.59 comparing nothing
    # (5 interleaved runs each, on a loaded machine).
    plain: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "plain", not self.known and self.shape is None and self.items is None)

    @property
    def decoding(self) -> object:
        """What msgspec decodes this key's value as: the nested shape where there is one, else anything."""
        if self.shape is not None and OBJECT in self.kinds:
            nested: Any = self.shape.decoding
        elif self.items is not None and LIST in self.kinds and self.items.decoding is not Any:
            nested = json_list(self.items.decoding)
        else:
            return Any
        if self.kinds - {OBJECT, LIST, NULL}:
            return Any  # a value that may also be a string or a number is read as it comes
        return nested | None if NULL in self.kinds else nested


def expect(
    *kinds: str,
    required: bool = True,
    known: Iterable[str] = (),
    shape: Shape | None = None,
    items: Expect | None = None,
) -> Expect:
    """A key's expectation, kinds named as in `KINDS`."""
    unknown = set(kinds) - set(KINDS)
    if unknown or not kinds:
        raise ValueError(f"kinds must be among {KINDS}, not {sorted(unknown) or 'none'}")
    return Expect(frozenset(kinds), required, frozenset(known), shape, items)


def list_of(shape: Shape, *, required: bool = True, null: bool = False) -> Expect:
    """A key holding a list of objects of `shape`."""
    kinds = (LIST, NULL) if null else (LIST,)
    return expect(*kinds, required=required, items=expect(OBJECT, shape=shape))


class Shape:
    """The keys a reader reads of one JSON object, each with its `Expect`; `decoding` is the `json_shape`
    msgspec reads the object through, keeping those keys only."""

    def __init__(self, name: str, /, **fields: Expect) -> None:
        self.name = name
        self.fields: Mapping[str, Expect] = fields
        nested = {key: declared.decoding for key, declared in fields.items() if declared.decoding is not Any}
        self.decoding: Any = json_shape(name, [key for key in fields if key not in nested], **nested)

    def __repr__(self) -> str:
        return f"Shape({self.name!r}, {sorted(self.fields)})"


class Change(Enum):
    MISSING = "missing"
    KIND = "kind"
    UNKNOWN_CODE = "unknown code"
    # An amount of the declared kind that cannot be true: its record is set aside, the rest of the reply read.
    BEYOND_BOUNDS = "beyond bounds"
    NEGATIVE = "negative"
    UNKNOWN_UNIT = "unknown unit"
    UNREADABLE_AMOUNT = "unreadable amount"

    @property
    def sets_aside(self) -> bool:
        return self in _SETTING_ASIDE


_SETTING_ASIDE: Final = frozenset(
    {Change.BEYOND_BOUNDS, Change.NEGATIVE, Change.UNKNOWN_UNIT, Change.UNREADABLE_AMOUNT}
)
_CHANGE_WORDS: Final = {
    Change.MISSING: QT_TRANSLATE_NOOP("ShapeReport", "{0}: missing"),
    Change.KIND: QT_TRANSLATE_NOOP("ShapeReport", "{0}: {1} expected, {2} found"),
    Change.UNKNOWN_CODE: QT_TRANSLATE_NOOP("ShapeReport", "{0}: a value SurveyDesk does not know"),
    Change.BEYOND_BOUNDS: QT_TRANSLATE_NOOP(
        "ShapeReport", "{0}: an amount beyond what the platform pays; its record is set aside"
    ),
    Change.NEGATIVE: QT_TRANSLATE_NOOP(
        "ShapeReport", "{0}: a negative amount where there cannot be one; its record is set aside"
    ),
    Change.UNKNOWN_UNIT: QT_TRANSLATE_NOOP(
        "ShapeReport", "{0}: an amount in a unit SurveyDesk does not know; its record is set aside"
    ),
    Change.UNREADABLE_AMOUNT: QT_TRANSLATE_NOOP(
        "ShapeReport", "{0}: an amount SurveyDesk cannot read; its record is set aside"
    ),
}
# Why records were set aside, in the sentence the worker reads (`SET_ASIDE`).
_ASIDE_WORDS: Final = {
    Change.BEYOND_BOUNDS: QT_TRANSLATE_NOOP("ShapeReport", "amounts beyond what it pays"),
    Change.NEGATIVE: QT_TRANSLATE_NOOP("ShapeReport", "negative amounts where there cannot be any"),
    Change.UNKNOWN_UNIT: QT_TRANSLATE_NOOP("ShapeReport", "amounts in a unit SurveyDesk does not know"),
    Change.UNREADABLE_AMOUNT: QT_TRANSLATE_NOOP("ShapeReport", "amounts SurveyDesk cannot read"),
}
_OR: Final = " or "


@dataclass(frozen=True, slots=True)
class Difference:
    """One way a reply differs from its shape: where (`path`, of the declaration's keys) and how. `expected`
    and `found` are kinds of value (`KINDS`), for a `Change.KIND` only."""

    path: str
    change: Change
    expected: tuple[str, ...] = ()
    found: str = ""

    @property
    def words(self) -> Sentence:
        words = _CHANGE_WORDS[self.change]
        if self.change is Change.KIND:
            return words.filled(self.path, _OR.join(self.expected), self.found)
        return words.filled(self.path)


def differences(body: object, shape: Shape | Expect, *, every_item: bool = False) -> tuple[Difference, ...]:
    """How `body` (decoded through `shape.decoding`, or whole) differs from `shape`, each difference once, the
    first `MAX_DIFFERENCES`; in a long list, in a sample of its items (`_spread`) unless `every_item`. A reply
    that is not an object (Toloka's lists) is declared by an `Expect`: its items' paths start with "[]"."""
    found: dict[Difference, None] = {}
    _compare(body, reply_expect(shape), "", found, (lambda items: items) if every_item else _spread)
    return tuple(found)


def reply_expect(shape: Shape | Expect) -> Expect:
    """What a whole reply is expected to be: an object of `shape`, or what an `Expect` says."""
    return shape if isinstance(shape, Expect) else Expect(frozenset({OBJECT}), shape=shape)


def _compare(
    value: object,
    expected: Expect,
    path: str,
    found: dict[Difference, None],
    items_of: Callable[[list[object]], list[object]],
) -> None:
    if len(found) >= MAX_DIFFERENCES:
        return
    kind = kind_of(value)
    if kind not in expected.kinds:
        kinds = tuple(kind for kind in KINDS if kind in expected.kinds)
        found[Difference(path or "(reply)", Change.KIND, kinds, kind)] = None
        return
    if expected.known and kind in (STRING, NUMBER) and str(value) not in expected.known:
        found[Difference(path, Change.UNKNOWN_CODE)] = None
    if isinstance(value, dict) and expected.shape is not None:
        for key, declared in expected.shape.fields.items():
            if key in value:
                inner = value[key]
                if declared.plain and _KIND_OF_TYPE.get(type(inner)) in declared.kinds:
                    continue  # most of a reply: told without a call
                _compare(inner, declared, f"{path}.{key}" if path else key, found, items_of)
            elif declared.required:
                found[Difference(f"{path}.{key}" if path else key, Change.MISSING)] = None
    elif isinstance(value, list) and expected.items is not None:
        for item in items_of(value):
            _compare(item, expected.items, f"{path}[]", found, items_of)


def _spread(items: list[object]) -> list[object]:
    """At most `LIST_SAMPLE` items, spread evenly over the list from its first to its last.

    A platform changes its reply for every item at once (a field renamed, a value of another kind): a sample
    spread over the list finds it as surely as the whole list. Walking every one of 1,000 studies of a poll
    cost 10–14 ms a poll and put bench/poll_pipeline.py's ratio at 2.15 (target 1.5); 32 items put its 5 × 200
    ratio at 1.51 against 1.45 for 16 (medians of 4 interleaved runs). A code only some items carry may be
    missed by the sample: a reader that cannot read it fails, and every item is compared then
    (`ShapeWatch.watching`)."""
    count = len(items)
    if count <= LIST_SAMPLE:
        return items
    step = (count - 1) / (LIST_SAMPLE - 1)
    return [items[round(index * step)] for index in range(LIST_SAMPLE)]


class Part(Enum):
    """What part of SurveyDesk a reply feeds, for the worker's words."""

    TASKS = "tasks"
    EARNINGS = "earnings"
    TAKE = "take"


# What still works and what waits, one phrase per part, joined in the sentence `ShapeWatch.news` says.
_PART_WORDS: Final = {
    (Part.TASKS, True): QT_TRANSLATE_NOOP("ShapeReport", "its tasks still show"),
    (Part.TASKS, False): QT_TRANSLATE_NOOP("ShapeReport", "its tasks wait"),
    (Part.EARNINGS, True): QT_TRANSLATE_NOOP("ShapeReport", "earnings from it still come in"),
    (Part.EARNINGS, False): QT_TRANSLATE_NOOP("ShapeReport", "earnings from it wait"),
    (Part.TAKE, True): QT_TRANSLATE_NOOP("ShapeReport", "taking its tasks still works"),
    (Part.TAKE, False): QT_TRANSLATE_NOOP("ShapeReport", "taking its tasks may fail"),
}
CHANGED: Final = QT_TRANSLATE_NOOP(
    "ShapeReport",
    "{0} changed something SurveyDesk reads; {1}. Help, Report a platform change… shows what changed, "
    "to send to SurveyDesk's makers.",
)
SET_ASIDE: Final = QT_TRANSLATE_NOOP(
    "ShapeReport",
    "SurveyDesk set aside {1} of {0}'s records ({2}): they are not in your earnings; the rest are. Check those "
    "amounts on {0} itself; Help, Report a platform change… shows what was wrong, to send to SurveyDesk's makers.",
)
_BOTH: Final = QT_TRANSLATE_NOOP("ShapeReport", "{0} {1}")
_PARTS_JOINED: Final = QT_TRANSLATE_NOOP("ShapeReport", "{0}, {1}")
_STILL_WORKS: Final = QT_TRANSLATE_NOOP("ShapeReport", "still read")
_WAITS: Final = QT_TRANSLATE_NOOP("ShapeReport", "not read")
_PART_NAMES: Final = {
    Part.TASKS: QT_TRANSLATE_NOOP("ShapeReport", "tasks"),
    Part.EARNINGS: QT_TRANSLATE_NOOP("ShapeReport", "earnings"),
    Part.TAKE: QT_TRANSLATE_NOOP("ShapeReport", "taking a task"),
}
_REPORT_LINE: Final = QT_TRANSLATE_NOOP("ShapeReport", "{0} · {1} · {2}: {3}")
NO_REPORT: Final = QT_TRANSLATE_NOOP(
    "ShapeReport", "No platform has changed anything SurveyDesk reads since SurveyDesk started."
)


@dataclass(frozen=True, slots=True)
class ShapeReport:
    """What one reply of one endpoint did otherwise (`differences`), and whether its part still worked."""

    platform: str
    part: Part
    endpoint: str  # the reader's own name of the request ("GET /v2/client/surveys"), never a full address
    differences: tuple[Difference, ...]
    works: bool

    @property
    def heading(self) -> Sentence:
        return _REPORT_LINE.filled(
            self.platform, _PART_NAMES[self.part], self.endpoint, _STILL_WORKS if self.works else _WAITS
        )

    @property
    def changed(self) -> bool:
        """Whether the reply's shape changed, beyond amounts whose records were set aside."""
        return any(not difference.change.sets_aside for difference in self.differences)


class Reading:
    """What reading one reply set aside: the differences that made records impossible to book (`put_aside`),
    and which records were set aside (with why) or read whole, by a key of the reader's (an id kept in memory
    only, never in a report). `tracking` is False while the platform has nothing set aside: then records read
    whole need not be noted."""

    def __init__(self, tracking: bool) -> None:
        self.differences: dict[Difference, None] = {}
        self.aside: dict[str, Change] = {}
        self.read: set[str] = set()
        self._tracking = tracking

    def put_aside(self, difference: Difference, record: str) -> None:
        self.differences[difference] = None
        self.aside[record] = difference.change

    def read_whole(self, record: str) -> None:
        if self._tracking:
            self.read.add(record)


class KeepsSetAside(Protocol):
    """Where the records set aside are kept across restarts: per platform, each record's digest and why."""

    def set_aside_records(self) -> dict[str, dict[str, Change]]: ...

    def keep_set_aside(self, platform: str, records: Mapping[str, Change]) -> None: ...


class ShapeWatch:
    """The shape reports of this run of the app, kept from any thread, and the records set aside per platform
    (kept in `kept` too, when given, and read back from it); `listener` is called (on the reader's thread) after
    each new or changed report or count."""

    def __init__(self, listener: Callable[[], None] = lambda: None, kept: KeepsSetAside | None = None) -> None:
        self._lock = threading.Lock()
        self._reports: dict[tuple[str, Part, str], ShapeReport] = {}
        # per platform: the digest of "<endpoint>\n<record key>" of each record set aside, and why
        self._aside: dict[str, dict[str, Change]] = {} if kept is None else kept.set_aside_records()
        self._kept = kept
        self._told: dict[str, Sentence | None] = {}
        self.listener = listener

    @contextmanager
    def watching(
        self, platform: str, part: Part, endpoint: str, body: object, shape: Shape | Expect
    ) -> Iterator[Reading]:
        """Compare `body` with `shape`, then run the block that reads it: a difference is reported with
        whether the block still read the reply (ended without `BadPayload`), and so are the records the block
        set aside (`Reading.put_aside`)."""
        found = differences(body, shape)
        with self._lock:
            reading = Reading(tracking=bool(self._aside.get(platform)))
        try:
            yield reading
        except BadPayload:
            found = found or differences(body, shape, every_item=True)  # what the sample missed, if anything
            if found or reading.differences:
                self._keep(ShapeReport(platform, part, endpoint, (*found, *reading.differences), works=False))
            raise
        counted = self._count(platform, endpoint, reading)
        kept = bool(found or reading.differences) and self._keep(
            ShapeReport(platform, part, endpoint, (*found, *reading.differences), works=True), tell=False
        )
        if counted or kept:
            self.listener()

    def reports(self) -> list[ShapeReport]:
        with self._lock:
            return list(self._reports.values())

    def set_aside(self, platform: str) -> int:
        """How many of the platform's records are set aside now (as its last replies of each one said)."""
        with self._lock:
            return len(self._aside.get(platform, ()))

    def news(self, name_of: Callable[[str], str]) -> list[Sentence]:
        """What each platform whose reports or records set aside changed since it was last told means for the
        worker, in words (`name_of` gives a platform's name); each sentence once."""
        told: list[Sentence] = []
        with self._lock:
            for platform in dict.fromkeys([*(key[0] for key in self._reports), *self._aside]):
                sentence = self._sentence(platform, name_of(platform))
                if self._told.get(platform) != sentence:
                    self._told[platform] = sentence
                    if sentence is not None:
                        told.append(sentence)
        return told

    def lines(self) -> list[tuple[int, Sentence]]:
        """The report to copy into an issue, line by line with its depth: each endpoint, then its
        differences."""
        lines: list[tuple[int, Sentence]] = []
        for report in self.reports():
            lines.append((0, report.heading))
            lines.extend((1, difference.words) for difference in report.differences)
        return lines

    def _keep(self, report: ShapeReport, tell: bool = True) -> bool:
        """Keep `report`; whether it is news (then the listener is called, if `tell`)."""
        key = (report.platform, report.part, report.endpoint)
        with self._lock:
            if self._reports.get(key) == report:
                return False
            self._reports[key] = report
        if tell:
            self.listener()
        return True

    def _count(self, platform: str, endpoint: str, reading: Reading) -> bool:
        """Note the records a reading set aside and those it read whole (and keep them, if they changed);
        whether the platform's count moved."""
        with self._lock:
            aside = self._aside.setdefault(platform, {})
            before = dict(aside)
            for record in reading.read:
                aside.pop(_record_digest(endpoint, record), None)
            aside.update((_record_digest(endpoint, record), why) for record, why in reading.aside.items())
            now = dict(aside)
        if self._kept is not None and now != before:
            self._kept.keep_set_aside(platform, now)
        return len(now) != len(before)

    def _sentence(self, platform: str, name: str) -> Sentence | None:
        works: dict[Part, bool] = {}
        reasons: dict[Change, None] = {}
        for (owner, part, _endpoint), report in self._reports.items():
            if owner != platform:
                continue
            if report.changed:
                works[part] = works.get(part, True) and report.works
            reasons.update((difference.change, None) for difference in report.differences
                           if difference.change.sets_aside)  # fmt: skip
        reasons.update(dict.fromkeys(self._aside.get(platform, {}).values()))  # those kept from an earlier run
        told: list[Sentence] = []
        if works:
            told.append(CHANGED.filled(name, _joined([_PART_WORDS[part, works[part]] for part in Part
                                                      if part in works])))  # fmt: skip
        count = len(self._aside.get(platform, ()))
        if count and reasons:
            told.append(SET_ASIDE.filled(name, count, _joined([_ASIDE_WORDS[change] for change in reasons])))
        return _BOTH.filled(*told) if len(told) == 2 else (told[0] if told else None)


def _record_digest(endpoint: str, record: str) -> str:
    """A record set aside as the watch keeps it: the same for the same record, with nothing of its id in it."""
    return hashlib.sha256(f"{endpoint}\n{record}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _joined(phrases: list[Sentence]) -> Sentence:
    joined = phrases[0]
    for phrase in phrases[1:]:
        joined = _PARTS_JOINED.filled(joined, phrase)
    return joined


@runtime_checkable
class WatchesShapes(Protocol):
    """A platform client that reports its replies' shapes to the app's `ShapeWatch`."""

    def watch_shapes(self, watch: ShapeWatch) -> None: ...


def share_shape_watch(client: object, watch: ShapeWatch) -> None:
    """Give a platform's client the app's watch, if it reports shapes (every one built on `AccountClient`)."""
    if isinstance(client, WatchesShapes):
        client.watch_shapes(watch)
