"""BitLabs' record of one app user's surveys (`GET /v1/client/user/history?filter=surveys`), as ledger reports.

The history holds other kinds of entries too (offers, receipts), so it is asked for surveys only, as BitLabs'
support docs do (platform-apis.md §8.2). Each event is one step of a survey (OPEN, LEAVE, SCREENOUT, COMPLETE)
and meets the others in the survey's entry. A COMPLETE is credited `callback_delay_seconds` after it happened
(until then it awaits review); one BitLabs later `reconciled` (took back from the panel) is reversed. An event
with a negative `user_value` is money taken back: a reversal of its own. Each entry keeps BitLabs'
`support_form_url` as its note, where the worker claims a reward that did not come.

`user_value` is in the app's own unit, often points: it becomes money at the worth the worker gave for her
rewards site's points on the event's day. What cannot be booked is set aside (`SetAside`), never a reason to
fail the sync: an event of a kind not known here, points of a day she gave no worth for, an amount that cannot be
true (platforms/records.py). The history is read whole at every sync, so what was set aside is booked once it
can be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta
from typing import Any, Final

from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import NO_REASON, REPORTED, AuthExpired, BadPayload, Unavailable
from surveydesk.core.points import PointsError, PointsValues, parse_points
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import get, json_object, json_or_none, web_url
from surveydesk.net.quoting import excerpt, without_secrets
from surveydesk.net.shapes import BOOLEAN, NULL, NUMBER, OBJECT, STRING, Part, Shape, expect, list_of
from surveydesk.platforms import fields, records
from surveydesk.platforms.bitlabs import SUPPORT_NOTE, SURVEY_ENTRY, SURVEY_ON, TAKEN_BACK
from surveydesk.platforms.bitlabs.tasks import CONNECT_AGAIN, FALLBACK_WAIT, REFUSED, error_text
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.walls import SETTING_POINTS_VALUE, UNKNOWN_KIND, WALL_BOUNDS, PricedInPoints, SetAside

HISTORY_PATH: Final = "/v1/client/user/history"
SURVEYS_ONLY: Final = {"filter": "surveys"}
MAX_EVENTS: Final = 100_000
_STEPS: Final = {"OPEN": Status.IN_PROGRESS, "LEAVE": Status.RETURNED, "SCREENOUT": Status.SCREENED_OUT}
# What a history is read for: each event's step, ids, time, value, topic, delay, reconciliation and support form.
EVENT_SHAPE: Final = Shape(
    "BitLabsEvent",
    type=expect(STRING, known=(*_STEPS, "COMPLETE")),
    tx_id=expect(STRING, NUMBER),
    survey_id=expect(STRING, NUMBER),
    created_at=expect(STRING),
    user_value=expect(STRING, NUMBER),
    details=expect(
        OBJECT, NULL, required=False,
        shape=Shape(
            "BitLabsEventDetails",
            category=expect(
                OBJECT, NULL, required=False, shape=Shape("BitLabsEventCategory", name=expect(STRING, NULL))
            ),
        ),
    ),
    callback_delay_seconds=expect(NUMBER, NULL, required=False),
    reconciled=expect(BOOLEAN, NULL, required=False),
    support_form_url=expect(STRING, NULL, required=False),
)  # fmt: skip
HISTORY_REPLY: Final = Shape(
    "BitLabsHistory",
    status=expect(STRING, required=False, known=("success", "error")),
    error=expect(OBJECT, STRING, NULL, required=False),
    data=list_of(EVENT_SHAPE),
)
HISTORY_ENDPOINT: Final = f"GET {HISTORY_PATH}?filter=surveys"
VALUE_PATH: Final = "data[].user_value"
_LONGEST_DELAY: Final = 365 * 86400
_LONGEST_URL: Final = 1000
_BARE_HOST: Final = re.compile(r"[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/|$)")  # "support.bitlabs.link/…"


class BitLabsEarnings(AccountClient, PricedInPoints):
    """Reads the whole history in one request (BitLabs pages none), as one batch; `set_aside` says what the
    app's run so far left out."""

    set_aside: SetAside | None = None

    def read(self, cursor: str) -> Iterator[Batch]:
        token = self._secret_provider()
        if not token or not self._option("user_id"):
            raise AuthExpired(self._platform, CONNECT_AGAIN)
        if self.set_aside is None:
            self.set_aside = SetAside()
        body = self._history(token)
        values = self._points_values()
        with self._watching(Part.EARNINGS, HISTORY_ENDPOINT, body, HISTORY_REPLY) as reading:
            aside = self.set_aside
            reports, _ = records.read_records(
                reading, self._events(body), lambda event: self._reports(event, values, aside),
                records.field_key("tx_id"),
            )  # fmt: skip
        yield Batch(tuple(reports), "", done=True)

    def _history(self, token: str) -> dict[str, Any]:
        headers = {"X-Api-Token": token, "X-User-Id": self._option("user_id")}
        response = get(
            self._session, self._base_url + HISTORY_PATH, platform=self._platform, params=SURVEYS_ONLY,
            headers=headers,
        )  # fmt: skip
        if response.status_code == 406:
            reason = without_secrets(error_text(json_or_none(response)), (token,))
            refusal = (
                QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs will not show this user's history: {0}").filled(
                    excerpt(reason)
                )
                if reason
                else QT_TRANSLATE_NOOP(
                    "BitLabsEarnings", "BitLabs will not show this user's history: no reason given (HTTP 406)"
                )
            )
            raise Unavailable(self._platform, refusal)
        records.raise_for_status(response, self._platform, "BitLabs", self._clock.now(), FALLBACK_WAIT, REFUSED)
        body = json_object(response, self._platform, HISTORY_REPLY.decoding)
        if body.get("status") == "error":
            reason = without_secrets(error_text(body), (token,))
            raise Unavailable(self._platform, REPORTED.filled("BitLabs", excerpt(reason) if reason else NO_REASON))
        return body

    def _events(self, body: dict[str, Any]) -> list[Any]:
        events = records.listed(
            body, "data", self._platform, QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs' answer holds no history")
        )
        if len(events) > MAX_EVENTS:
            too_many = QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs' history holds more than {0} events")
            raise BadPayload(self._platform, too_many.filled(MAX_EVENTS))
        return events

    def _reports(self, event: object, values: PointsValues, aside: SetAside) -> list[Report]:
        if not isinstance(event, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("BitLabsEarnings", "an event of BitLabs' history is not an object"),
            )
        named = event.get("type")
        kind = named if isinstance(named, str) else ""
        if kind not in _STEPS and kind != "COMPLETE":
            aside.add(UNKNOWN_KIND.filled("BitLabs", excerpt(named)))
            return []
        transaction = records.identifier(event.get("tx_id"), self._platform, "transaction id")
        at = records.moment(event.get("created_at"), self._platform, "time")
        try:
            points = parse_points(event.get("user_value"))
        except PointsError:
            raise records.unreadable_amount(VALUE_PATH) from None
        value = values.money(points, at.date())
        if value is None:
            aside.add(SETTING_POINTS_VALUE.filled("BitLabs"))
            return []
        entry = Kind.REVERSAL if value.minor < 0 else Kind.TASK  # money taken back, whatever the step
        records.bounded(value, entry, WALL_BOUNDS, VALUE_PATH)
        details = event.get("details")
        category = details.get("category") if isinstance(details, dict) else None
        topic = records.name(category.get("name")) if isinstance(category, dict) else ""
        title = str(SURVEY_ON.filled(topic) if topic else SURVEY_ENTRY)  # stored in English (`entry_words`)
        note = _support_note(event.get("support_form_url"))
        currency = value.currency
        if entry is Kind.REVERSAL:
            header = EntryHeader(self._platform, self._account.account, Kind.REVERSAL, at, currency,
                                 record_id=transaction, title=str(TAKEN_BACK.filled(title)))  # fmt: skip
            return [Report(header, at, Status.REVERSED, value, note)]
        survey = records.identifier(event.get("survey_id"), self._platform, "survey id")
        header = EntryHeader(self._platform, self._account.account, Kind.TASK, at, currency, task_id=survey,
                             title=title)  # fmt: skip
        if kind in _STEPS:
            return [Report(header, at, _STEPS[kind], value, note)]
        delay = fields.count(event.get("callback_delay_seconds")) or 0
        credited = at + timedelta(seconds=min(max(delay, 0), _LONGEST_DELAY))
        reports = [Report(header, at, Status.AWAITING_REVIEW, value, note)]
        if event.get("reconciled") is True:
            reports.append(Report(header, credited, Status.REVERSED, value, note))
        elif credited <= self._clock.now():
            reports.append(Report(header, credited, Status.APPROVED, value, note))
        return reports


def _support_note(value: object) -> str | None:
    """The entry's note naming BitLabs' support form; BitLabs' docs write the address without its scheme."""
    if not isinstance(value, str) or not value.strip():
        return None
    address = value.strip()
    if "://" not in address:
        address = "https://" + address if _BARE_HOST.match(address) else ""
    url = web_url(address)
    return str(SUPPORT_NOTE.filled(url)) if url and len(url) <= _LONGEST_URL else None
