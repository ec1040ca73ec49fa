"""The worker's records as replicated documents: their ids, their bodies, their revisions, and which body wins.

Documents (the body never holds a local integer id, which differs between computers):
- `event:<ledger event id>`: one ledger event with its entry's description and who gave each of its fields.
  Events never change; two computers that learnt of the same report at different times keep the earlier time on
  both (the ledger uses it to order amounts dated only by their day), so every computer derives the same state
  from the same events. An entry's description may change (a platform's title beats an attempt's): its events
  are then sent again, and every computer merges the descriptions it receives field by field
  (`surveydesk.ledger.model.merge_description`), so all end with the same one. A link event (an attempt's entry
  counted under the platform's) names the entry it links to. The platform's own times of the entry (Prolific's
  `time_taken`, its estimate) ride along the same way, as `measured`, only where the platform gave some; copies
  merge them by taking the greater of each.
- `attempt:<sync id>` and `shift:<sync id>`: a finished attempt or shift with its closed stretches of time; an
  attempt's completion code (her evidence in a claim) only where she gave one.
- `setting:<key>`: one of the worker's settings that belong to the worker rather than to this computer.
- `profile:<field>`: one answer of the worker's profile, only when the worker opted in; a removed answer is a
  document whose value is null, so the removal travels too.
- `claim:<ledger entry id>`: the worker's claim for money she may be owed, and what became of it.

A document of a kind this version does not know, or holding a status, kind or outcome it does not know, was
written by a newer SurveyDesk: reading it raises `NewerDocument`, and it is kept as received until a version that
knows it reads it (surveydesk.sync.local). Anything else unreadable raises `DocumentError` and is skipped.
A document of a kind this version knows may hold fields a newer SurveyDesk added (`KNOWN_FIELDS` are the ones
this version reads and writes): they are remembered as received (`unknown_fields`) and put back into the body this
version sends for that document (`with_unknown_fields`), so a change made here does not erase what a newer
computer recorded, and a body sent again unchanged keeps its revision.

Conflicts are resolved by `winner`: one body under one total order, so every computer picks the same body
whatever the order it sees them in, and merging a merge changes nothing. An entry's status needs no rule
here: its events are all kept and the ledger derives the status from their union (a platform's status beats a
local guess, a later review status an earlier one, the latest note stays; see surveydesk.ledger.model).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.earnings import EntryHeader, Kind, Status
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.sanitize import NAME_LIMIT, TITLE_LIMIT, clean_text
from surveydesk.ledger.claims import ClaimKind, ClaimOutcome, ClaimRecord
from surveydesk.ledger.model import DESCRIBED_FIELDS, UNKNOWN_ORIGIN, LedgerEvent, Source, merge_description
from surveydesk.profile.store import SharedAnswer
from surveydesk.work.completion_code import CODE_LIMIT, CompletionCodeError, read_completion_code
from surveydesk.work.model import AttemptRecord, Outcome, ShiftRecord, Stretch

JsonObject = dict[str, Any]

EVENT: Final = "event"
ATTEMPT: Final = "attempt"
SHIFT: Final = "shift"
SETTING: Final = "setting"
PROFILE: Final = "profile"
CLAIM: Final = "claim"
KINDS: Final = (
    SHIFT,
    ATTEMPT,
    EVENT,
    CLAIM,
    SETTING,
    PROFILE,
)  # the order a batch is applied in: what others point at first
# What a kind of document, or a code in one, that a newer SurveyDesk may write looks like.
_NAME: Final = re.compile(r"[a-z][a-z0-9_-]{0,39}")

# The settings that are the worker's, not this computer's (window state, a tray notice, local cursors such as
# the ledger's "attempt events seen" are not): the rules, the alerts, the country and the minimum wage.
SHARED_SETTINGS: Final = frozenset({"country", "minimum_wage"})
SHARED_SETTING_PREFIXES: Final = ("rules.", "alerts.")
NOTE_LIMIT: Final = 4000
MAX_AMOUNT_MINOR: Final = 10**12
MAX_SECONDS: Final = 10**8  # three years: no stretch of work is longer


class DocumentError(ValueError):
    """A document that is not one of ours or cannot be read; it is skipped, never half-applied."""


class NewerDocument(DocumentError):
    """A document written by a newer SurveyDesk: a kind of document, or a code in one, this version does not
    know. It is kept as received, to be read by a version that knows it."""


def newer_kind(document_id: str, body: JsonObject, known: Iterable[str] = KINDS) -> bool:
    """Whether the document is of a kind of ours this version does not know: its id names the kind its body's
    `type` says, as all our documents' do (a design document or another application's is neither)."""
    kind, sep, key = document_id.partition(":")
    named = bool(sep and key) and _NAME.fullmatch(kind) is not None
    return named and kind not in known and body.get("type") == kind


def may_be_ours(document_id: str) -> bool:
    """Whether a document id is one of ours, or shaped like one a newer SurveyDesk may write."""
    kind, sep, key = document_id.partition(":")
    return bool(sep and key) and len(key) <= 1000 and _NAME.fullmatch(kind) is not None


def doc_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def split_id(document_id: str) -> tuple[str, str]:
    """(kind, key) of a document id; DocumentError for anything that is not one of our documents."""
    kind, sep, key = document_id.partition(":")
    if not sep or kind not in KINDS or not key or len(key) > 1000:
        raise DocumentError(f"not a SurveyDesk document: {document_id[:60]!r}")
    return kind, key


def setting_travels(key: str) -> bool:
    """Whether a setting is replicated: the worker's own settings, not this computer's."""
    return key in SHARED_SETTINGS or key.startswith(SHARED_SETTING_PREFIXES)


# --- revisions ----------------------------------------------------------------------------------------------


# `json.dumps` with these options makes an encoder each call: a quarter of a body's canonical text (made for
# every document a first sync sends, bench/replication.py push_per_s).
_CANONICAL: Final = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def canonical(body: JsonObject) -> str:
    """The one text of a body: sorted keys, no spaces, so equal bodies are equal texts on every computer."""
    return _CANONICAL.encode(body)


def digest(body: JsonObject) -> str:
    return digest_of(canonical(body))


def digest_of(text: str) -> str:
    return hashlib.md5(text.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()


def rev_generation(rev: str) -> int:
    head, sep, _ = rev.partition("-")
    if not sep or not head.isdigit():
        raise DocumentError(f"not a revision: {rev[:60]!r}")
    return int(head)


def rev_hash(rev: str) -> str:
    return rev.partition("-")[2]


def next_rev(parent: str | None, body: JsonObject) -> str:
    """The revision after `parent` with this body: the same on every computer that makes the same change on the
    same parent, so two computers merging a conflict alike make one revision, not two."""
    return next_rev_of(parent, canonical(body))


def next_rev_of(parent: str | None, text: str) -> str:
    """`next_rev` of a body already in its canonical text."""
    generation = 1 if parent is None else rev_generation(parent) + 1
    seed = (parent or "") + "\n" + text
    return f"{generation}-{digest_of(seed)}"


def couch_winner(revs: Iterable[str]) -> str:
    """The revision CouchDB shows for a document: the highest generation, then the greatest id."""
    return max(revs, key=lambda rev: (rev_generation(rev), rev_hash(rev)))


def with_revision(document_id: str, rev: str, parent: str | None, body: JsonObject) -> JsonObject:
    """The document as `_bulk_docs` with `new_edits: false` wants it: its revision and the ones before it."""
    ids = [rev_hash(rev)] + ([rev_hash(parent)] if parent else [])
    return {**body, "_id": document_id, "_rev": rev, "_revisions": {"start": rev_generation(rev), "ids": ids}}


def body_of(document: JsonObject) -> JsonObject:
    """A fetched document without the server's fields (`_id`, `_rev`, `_revisions`…)."""
    return {name: value for name, value in document.items() if not name.startswith("_")}


def winner(candidates: Sequence[JsonObject]) -> JsonObject:
    """The body that wins a conflict, the same on every computer. A ledger event: the one learnt first
    (`recorded_at`), with its entry's descriptions merged field by field. Anything else: the latest change
    (`changed_at`). Then the canonical text, a tie-break with no meaning but a fixed one."""
    if not candidates:
        raise ValueError("no candidates")
    if all(body.get("type") == EVENT for body in candidates):
        first = min(candidates, key=lambda body: (str(body.get("recorded_at", "")), canonical(body)))
        return _with_merged_description(first, candidates)
    return max(candidates, key=lambda body: (str(body.get("changed_at", "")), canonical(body)))


def _with_merged_description(first: JsonObject, candidates: Sequence[JsonObject]) -> JsonObject:
    """`first` with the description of its entry merged from every candidate's (those readable as one), and the
    platform's times the greatest any candidate holds."""
    merged: tuple[tuple[str, ...], str] | None = None
    measured: dict[str, int] = {}
    for body in candidates:
        entry = body.get("entry")
        description = _description(entry) if isinstance(entry, dict) else None
        if description is not None:
            merged = description if merged is None else merge_description(merged, description)
        times = entry.get("measured") if isinstance(entry, dict) else None
        for name, value in times.items() if isinstance(times, dict) else ():
            if name in MEASURED_FIELDS and isinstance(value, int) and not isinstance(value, bool):
                measured[name] = max(value, measured.get(name, value))
    if not isinstance(first.get("entry"), dict):
        return first
    entry = dict(first["entry"])
    if merged is not None:
        values, origins = merged
        entry.update({**dict(zip(DESCRIBED_FIELDS, values, strict=True)), "described_by": origins})
    if measured:
        entry["measured"] = {name: measured[name] for name in MEASURED_FIELDS if name in measured}
    return {**first, "entry": entry}


def _description(entry: JsonObject) -> tuple[tuple[str, ...], str] | None:
    values = tuple(entry.get(name) for name in DESCRIBED_FIELDS)
    origins = entry.get("described_by", UNKNOWN_ORIGIN)
    if not all(isinstance(value, str) for value in values) or not _is_origins(origins):
        return None
    return values, origins  # type: ignore[return-value]


def _is_origins(value: object) -> bool:
    return isinstance(value, str) and len(value) == len(DESCRIBED_FIELDS) and set(value) <= set("012")


# --- ledger events ------------------------------------------------------------------------------------------


# The platform's own times of an entry: seconds it says the worker took, minutes it said the task would take.
MEASURED_FIELDS: Final = ("seconds", "minutes")
Measured = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class ForeignEvent:
    """A ledger event received from the server, with its entry, the attempt it belongs to (by sync id) and the
    platform's times of the entry where it gave some."""

    header: EntryHeader
    event: LedgerEvent
    attempt: str | None
    measured: Measured | None = None


def event_body(
    header: EntryHeader, event: LedgerEvent, attempt: str | None, measured: Measured | None = None
) -> JsonObject:
    """The event's document; a link is written only on link events, and the platform's times only where it gave
    some, so other events' bodies (and revisions) stay as they were before links and times travelled."""
    body: JsonObject = {
        "type": EVENT,
        "entry": {
            "id": event.entry_id,
            "platform": header.platform,
            "account": header.account,
            "kind": header.kind.value,
            "task_id": header.task_id,
            "record_id": header.record_id,
            "title": header.title,
            "requester": header.requester,
            "occurred_at": utc_iso(header.occurred_at),
            "currency": header.currency,
            "attempt": attempt,
            "described_by": header.described_by or UNKNOWN_ORIGIN,
        },
        "at": utc_iso(event.at),
        "recorded_at": utc_iso(event.recorded_at),
        "source": event.source.value,
        "status": None if event.status is None else event.status.value,
        "amount": _money_json(event.amount),
        "note": event.note,
    }
    if event.link is not None:
        body["link"] = event.link
    if measured is not None and any(value is not None for value in measured):
        body["entry"]["measured"] = {
            name: value for name, value in zip(MEASURED_FIELDS, measured, strict=True) if value is not None
        }
    return body


def read_event(key: str, body: JsonObject) -> ForeignEvent:
    """The event in a document, checked field by field; DocumentError if anything is missing or unreadable."""
    check_type(EVENT, body)
    entry = _object(body, "entry")
    kind = _enum(Kind, entry, "kind")
    if not _header_ids_present(entry, kind):
        raise DocumentError("the event's entry has no task or record id")
    header = EntryHeader(
        platform=_text(entry, "platform", NAME_LIMIT),
        account=_text(entry, "account", NAME_LIMIT),
        kind=kind,
        occurred_at=_time(entry, "occurred_at"),
        currency=_currency(entry, "currency"),
        task_id=_text(entry, "task_id", NAME_LIMIT, empty=True),
        record_id=_text(entry, "record_id", NAME_LIMIT, empty=True),
        title=clean_text(_text(entry, "title", 100_000, empty=True), TITLE_LIMIT),
        requester=clean_text(_text(entry, "requester", 100_000, empty=True), NAME_LIMIT),
        described_by=_origins(entry),
    )
    if _text(entry, "id", 1000) != header.id:
        raise DocumentError("the event's entry id does not match its description")
    link = _link(body, header)
    status = None if body.get("status") is None else _enum(Status, body, "status")
    note = body.get("note")
    if note is not None and not isinstance(note, str):
        raise DocumentError("the event's note is not text")
    event = LedgerEvent(
        id=key,
        entry_id=header.id,
        at=_time(body, "at"),
        recorded_at=_time(body, "recorded_at"),
        source=_enum(Source, body, "source"),
        status=status,
        amount=_money(body.get("amount")),
        note=None if note is None else clean_text(note, NOTE_LIMIT, one_line=False),
        link=link,
    )
    attempt = entry.get("attempt")
    if attempt is not None and not (isinstance(attempt, str) and 0 < len(attempt) <= 64):
        raise DocumentError("the event's attempt is not an id")
    return ForeignEvent(header, event, attempt, _measured(entry))


def _measured(entry: JsonObject) -> Measured | None:
    if entry.get("measured") is None:
        return None
    times = _object(entry, "measured")
    seconds, minutes = (_count(times, name) for name in MEASURED_FIELDS)
    return None if seconds is None and minutes is None else (seconds, minutes)


def _origins(entry: JsonObject) -> str:
    """Who gave each described field; a document written before this was sent says nothing: unknown."""
    origins = entry.get("described_by", UNKNOWN_ORIGIN)
    if not _is_origins(origins):
        raise DocumentError("the event's entry does not say readably who described it")
    return str(origins)


def _link(body: JsonObject, header: EntryHeader) -> str | None:
    """The entry a link event links to: a task entry of the same account, never the event's own."""
    link = body.get("link")
    if link is None:
        return None
    same_account = f"{header.platform}/{header.account}/{Kind.TASK.value}/"
    if not isinstance(link, str) or len(link) > 1000 or not link.startswith(same_account) or link == header.id:
        raise DocumentError("the event links to an entry that is not one of the same account's tasks")
    if header.kind is not Kind.TASK or body.get("status") is not None or body.get("amount") is not None:
        raise DocumentError("a link event says something besides its link")
    return link


def _header_ids_present(entry: JsonObject, kind: Kind) -> bool:
    name = "task_id" if kind is Kind.TASK else "record_id"
    value = entry.get(name)
    return isinstance(value, str) and bool(value)


# --- shifts and attempts ------------------------------------------------------------------------------------


def shift_body(record: ShiftRecord, changed_at: str) -> JsonObject:
    return {
        "type": SHIFT,
        "started_at": record.started_at,
        "ended_at": record.ended_at,
        "automatic": record.automatic,
        "stretches": _stretch_list(record.stretches),
        "changed_at": changed_at,
    }


def read_shift(key: str, body: JsonObject) -> ShiftRecord:
    check_type(SHIFT, body)
    return ShiftRecord(
        sync_id=_sync_id(key),
        started_at=utc_iso(_time(body, "started_at")),
        ended_at=utc_iso(_time(body, "ended_at")),
        automatic=_flag(body, "automatic"),
        stretches=_stretches(body),
    )


def attempt_body(record: AttemptRecord, changed_at: str) -> JsonObject:
    """The attempt's document; its completion code only where she gave one, so other attempts' bodies (and
    revisions) stay as they were before codes travelled."""
    body: JsonObject = {
        "type": ATTEMPT,
        "shift": record.shift,
        "platform": record.platform,
        "account": record.account,
        "external_id": record.external_id,
        "title": record.title,
        "requester": record.requester,
        "reward": _money_json(record.reward),
        "time_limit_seconds": record.time_limit_seconds,
        "started_at": record.started_at,
        "ended_at": record.ended_at,
        "outcome": record.outcome.value,
        "paid": _money_json(record.paid),
        "estimated_minutes": record.estimated_minutes,
        "stretches": _stretch_list(record.stretches),
        "changed_at": changed_at,
    }
    if record.completion_code is not None:
        body["completion_code"] = record.completion_code
    return body


def read_attempt(key: str, body: JsonObject) -> AttemptRecord:
    check_type(ATTEMPT, body)
    shift = body.get("shift")
    if shift is not None:
        shift = _sync_id(shift)
    reward = _money(body.get("reward"))
    if reward is None:
        raise DocumentError("the attempt has no reward")
    return AttemptRecord(
        sync_id=_sync_id(key),
        shift=shift,
        platform=_text(body, "platform", NAME_LIMIT),
        account=_text(body, "account", NAME_LIMIT),
        external_id=_text(body, "external_id", NAME_LIMIT),
        title=clean_text(_text(body, "title", 100_000, empty=True), TITLE_LIMIT),
        requester=clean_text(_text(body, "requester", 100_000, empty=True), NAME_LIMIT),
        reward=reward,
        time_limit_seconds=_count(body, "time_limit_seconds"),
        started_at=utc_iso(_time(body, "started_at")),
        ended_at=utc_iso(_time(body, "ended_at")),
        outcome=_enum(Outcome, body, "outcome"),
        paid=_money(body.get("paid")),
        estimated_minutes=_count(body, "estimated_minutes"),
        stretches=_stretches(body),
        completion_code=_completion_code(body),
    )


def _completion_code(body: JsonObject) -> str | None:
    """The attempt's completion code as she gave it: one code, read back exactly as `work.completion_code` kept
    it (a link, several words or control characters are no code it keeps); None where there is none."""
    if body.get("completion_code") is None:
        return None
    code = _text(body, "completion_code", CODE_LIMIT)
    try:
        kept = read_completion_code(code)
    except CompletionCodeError:
        kept = None
    if kept != code:
        raise DocumentError("the attempt's completion code is not one")
    return code


def _stretch_list(stretches: Iterable[Stretch]) -> list[list[object]]:
    """Each stretch as [start, milliseconds]: whole numbers, because a server written in JavaScript sends 720.0
    back as 720, and a body must read back exactly as it was sent for its revision to stay the same."""
    return [[stretch.started_at, round(stretch.seconds * 1000)] for stretch in stretches]


def _stretches(body: JsonObject) -> tuple[Stretch, ...]:
    listed = body.get("stretches")
    if not isinstance(listed, list) or len(listed) > 10_000:
        raise DocumentError("the record's stretches of time are not a list")
    stretches = []
    for item in listed:
        if not (isinstance(item, list) and len(item) == 2 and isinstance(item[0], str)):
            raise DocumentError("a stretch of time is unreadable")
        milliseconds = item[1]
        if isinstance(milliseconds, bool) or not isinstance(milliseconds, int):
            raise DocumentError("a stretch of time has an unreadable length")
        if not 0 <= milliseconds <= MAX_SECONDS * 1000:
            raise DocumentError("a stretch of time has an impossible length")
        stretches.append(Stretch(utc_iso(_parse_time(item[0])), milliseconds / 1000))
    return tuple(stretches)


# --- claims -------------------------------------------------------------------------------------------------


def claim_body(record: ClaimRecord, changed_at: str) -> JsonObject:
    """A claim's document: as the latest change wins a conflict (`winner`), the worker's latest word on it
    (sent, paid, refused) is what every computer keeps."""
    return {
        "type": CLAIM,
        "kind": record.kind.value,
        "found_at": utc_iso(record.found_at),
        "sent_at": _time_json(record.sent_at),
        "outcome": None if record.outcome is None else record.outcome.value,
        "outcome_at": _time_json(record.outcome_at),
        "changed_at": changed_at,
    }


def read_claim(key: str, body: JsonObject) -> ClaimRecord:
    check_type(CLAIM, body)
    if len(key) > 1000:
        raise DocumentError("the claim's entry id is unreadable")
    outcome = None if body.get("outcome") is None else _enum(ClaimOutcome, body, "outcome")
    return ClaimRecord(
        entry_id=key,
        kind=_enum(ClaimKind, body, "kind"),
        found_at=_time(body, "found_at"),
        sent_at=_maybe_time(body, "sent_at"),
        outcome=outcome,
        outcome_at=_maybe_time(body, "outcome_at"),
    )


def _time_json(moment: datetime | None) -> str | None:
    return None if moment is None else utc_iso(moment)


def _maybe_time(body: JsonObject, name: str) -> datetime | None:
    return None if body.get(name) is None else _time(body, name)


# --- settings -----------------------------------------------------------------------------------------------


def setting_body(key: str, value: str, changed_at: str) -> JsonObject:
    """`value` is the setting's stored JSON text, carried as text so it comes back exactly as it was."""
    return {"type": SETTING, "key": key, "value": value, "changed_at": changed_at}


def read_setting(key: str, body: JsonObject) -> str:
    """The setting's JSON text; DocumentError unless it is JSON and the document is about `key`."""
    check_type(SETTING, body)
    if body.get("key") != key:
        raise DocumentError("the setting's document names another setting")
    value = _text(body, "value", 1_000_000, empty=True)
    try:
        json.loads(value)
    except (ValueError, RecursionError):
        raise DocumentError("the setting's value is not JSON") from None
    return value


# --- profile answers ----------------------------------------------------------------------------------------


def profile_body(answer: SharedAnswer) -> JsonObject:
    return {
        "type": PROFILE,
        "field": answer.field,
        "value": answer.value,
        "label": answer.label,
        "platform": answer.platform,
        "changed_at": answer.changed_at,
    }


def read_profile(key: str, body: JsonObject) -> SharedAnswer:
    check_type(PROFILE, body)
    if body.get("field") != key or len(key) > NAME_LIMIT:
        raise DocumentError("the profile answer's document names another field")
    value = body.get("value")
    if value is not None:
        value = _text(body, "value", 100_000, empty=True)
        try:
            json.loads(value)
        except (ValueError, RecursionError):
            raise DocumentError("the profile answer is not JSON") from None
    return SharedAnswer(
        field=key,
        value=value,
        label=clean_text(_text(body, "label", 100_000, empty=True), TITLE_LIMIT),
        platform=_text(body, "platform", NAME_LIMIT, empty=True),
        changed_at=utc_iso(_time(body, "changed_at")),
    )


# --- fields a newer SurveyDesk added -----------------------------------------------------------------------

# The fields of each kind's body that this version writes and reads, whether or not a given body holds them (an
# attempt's completion code, an event's link): any other field of a received body a newer SurveyDesk added.
KNOWN_FIELDS: Final[dict[str, frozenset[str]]] = {
    EVENT: frozenset(["type", "entry", "at", "recorded_at", "source", "status", "amount", "note", "link"]),
    ATTEMPT: frozenset(
        [
            "type",
            "shift",
            "platform",
            "account",
            "external_id",
            "title",
            "requester",
            "reward",
            "time_limit_seconds",
            "started_at",
            "ended_at",
            "outcome",
            "paid",
            "estimated_minutes",
            "stretches",
            "changed_at",
            "completion_code",
        ]
    ),
    SHIFT: frozenset(["type", "started_at", "ended_at", "automatic", "stretches", "changed_at"]),
    CLAIM: frozenset(["type", "kind", "found_at", "sent_at", "outcome", "outcome_at", "changed_at"]),
    SETTING: frozenset(["type", "key", "value", "changed_at"]),
    PROFILE: frozenset(["type", "field", "value", "label", "platform", "changed_at"]),
}
# The objects inside a body whose own fields this version knows (an event's entry): a field a newer SurveyDesk
# adds there is remembered and put back there.
_ENTRY_FIELDS: Final = ("id", "platform", "account", "kind", "task_id", "currency", "attempt", "described_by")
KNOWN_INNER_FIELDS: Final[dict[str, dict[str, frozenset[str]]]] = {
    EVENT: {"entry": frozenset([*_ENTRY_FIELDS, *DESCRIBED_FIELDS, "measured"])},
}


def unknown_fields(kind: str, body: JsonObject) -> JsonObject:
    """The fields of a received body of `kind` that this version does not know, and under the name of an object
    inside it (an event's `entry`) the ones of that object it does not know; empty when there are none."""
    unknown = _not_in(body, KNOWN_FIELDS[kind])
    for name, known in KNOWN_INNER_FIELDS.get(kind, {}).items():
        inner = body.get(name)
        added = _not_in(inner, known) if isinstance(inner, dict) else {}
        if added:
            unknown[name] = added
    return unknown


def with_unknown_fields(kind: str, body: JsonObject, unknown: JsonObject) -> JsonObject:
    """`body` (this version's) with the remembered `unknown` fields put back where it has none of its own: a
    field this version knows is always its own, present or absent, never a remembered one."""
    merged = {**_not_in(unknown, KNOWN_FIELDS[kind]), **body}
    for name, known in KNOWN_INNER_FIELDS.get(kind, {}).items():
        added, inner = unknown.get(name), body.get(name)
        if isinstance(added, dict) and isinstance(inner, dict):
            merged[name] = {**_not_in(added, known), **inner}
    return merged


def with_unknown_fields_of(kind: str, body: JsonObject, received: JsonObject) -> JsonObject:
    """`body` (this version's, with the unknown fields it remembered) with those of `received` instead: a newer
    body's, for a change made here that wins over it."""
    known = {name: value for name, value in body.items() if name in KNOWN_FIELDS[kind]}
    for name, inner_known in KNOWN_INNER_FIELDS.get(kind, {}).items():
        inner = known.get(name)
        if isinstance(inner, dict):
            known[name] = {field: value for field, value in inner.items() if field in inner_known}
    return with_unknown_fields(kind, known, unknown_fields(kind, received))


def _not_in(fields: JsonObject, known: frozenset[str]) -> JsonObject:
    return {name: value for name, value in fields.items() if name not in known}


# --- field readers ------------------------------------------------------------------------------------------


def check_type(kind: str, body: JsonObject) -> None:
    if body.get("type") != kind:
        raise DocumentError(f"a {kind} document of another type")
    changed_at = body.get("changed_at")
    if changed_at is not None and not (isinstance(changed_at, str) and len(changed_at) <= 64):
        raise DocumentError("the document's time of change is unreadable")


def _object(body: JsonObject, name: str) -> JsonObject:
    value = body.get(name)
    if not isinstance(value, dict):
        raise DocumentError(f"the document's {name} is not an object")
    return value


def _text(body: JsonObject, name: str, limit: int, *, empty: bool = False) -> str:
    value = body.get(name)
    if not isinstance(value, str) or len(value) > limit or (not value and not empty):
        raise DocumentError(f"the document's {name} is missing or unreadable")
    return value


def _sync_id(value: object) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        raise DocumentError("a record's id is unreadable")
    return value


def _enum(kind: Any, body: JsonObject, name: str) -> Any:
    """A code of ours; one shaped like a code but not known here was written by a newer SurveyDesk."""
    value = body.get(name)
    try:
        return kind(value)
    except ValueError:
        if isinstance(value, str) and _NAME.fullmatch(value):
            raise NewerDocument(f"the document's {name} {value!r} is one a newer SurveyDesk knows") from None
        raise DocumentError(f"the document's {name} is not one we know") from None


def _parse_time(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > 64:
        raise DocumentError("a time in the document is unreadable")
    try:
        return parse_utc_iso(value)
    except ValueError:
        raise DocumentError("a time in the document is unreadable") from None


def _time(body: JsonObject, name: str) -> datetime:
    return _parse_time(body.get(name))


def _flag(body: JsonObject, name: str) -> bool:
    value = body.get(name)
    if not isinstance(value, bool):
        raise DocumentError(f"the document's {name} is not true or false")
    return value


def _count(body: JsonObject, name: str) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SECONDS:
        raise DocumentError(f"the document's {name} is not a sensible number")
    return value


def _currency(body: JsonObject, name: str) -> str:
    value = _text(body, name, 8)
    try:
        return Money(0, value).currency
    except MoneyError:
        raise DocumentError(f"the document's {name} is not a currency") from None


def _money_json(money: Money | None) -> JsonObject | None:
    return None if money is None else {"minor": money.minor, "currency": money.currency}


def _money(value: object) -> Money | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise DocumentError("an amount in the document is unreadable")
    minor, currency = value.get("minor"), value.get("currency")
    if isinstance(minor, bool) or not isinstance(minor, int) or abs(minor) > MAX_AMOUNT_MINOR:
        raise DocumentError("an amount in the document is not a sensible number")
    try:
        return Money(minor, currency)  # type: ignore[arg-type]
    except (MoneyError, TypeError):
        raise DocumentError("an amount in the document has no readable currency") from None
