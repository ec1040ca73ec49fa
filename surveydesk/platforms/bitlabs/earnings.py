"""BitLabs' record of one app user's surveys (`GET /v1/client/user/history`), as ledger reports.

Each event of the history is one step of a survey (OPEN, LEAVE, SCREENOUT, COMPLETE) and meets the others in
the survey's entry. A COMPLETE is credited `callback_delay_seconds` after it happened (until then it awaits
review); one BitLabs later `reconciled` (took back from the panel) is reversed. An event with a negative
`user_value` is money taken back: a reversal of its own. Amounts are in the app's currency (the account's).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any, Final

from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import NO_REASON, REPORTED, AuthExpired, BadPayload, Unavailable
from surveydesk.core.money import MoneyError, normalise_currency
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import excerpt, get, json_object, json_or_none, without_secrets
from surveydesk.platforms import fields, records
from surveydesk.platforms.bitlabs.tasks import FALLBACK_WAIT, error_text
from surveydesk.platforms.client import AccountClient

HISTORY_PATH: Final = "/v1/client/user/history"
MAX_EVENTS: Final = 100_000
_STEPS: Final = {"OPEN": Status.IN_PROGRESS, "LEAVE": Status.RETURNED, "SCREENOUT": Status.SCREENED_OUT}
_LONGEST_DELAY: Final = 365 * 86400


class BitLabsEarnings(AccountClient):
    """Reads the whole history in one request (BitLabs pages none), as one batch."""

    def read(self, cursor: str) -> Iterator[Batch]:
        token = self._secret_provider()
        if not token:
            raise AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP("BitLabsEarnings", "Not signed in to BitLabs: add your app's API token"),
            )
        if not self._option("user_id"):
            raise AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "BitLabsEarnings", "BitLabs keeps a history per user: add your user id to the account"
                ),
            )
        try:
            currency = normalise_currency(self._option("currency", "USD"))
        except MoneyError:
            raise AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "BitLabsEarnings", "the app pays in its own points, which SurveyDesk cannot count as money"
                ),
            ) from None
        events = self._history(token)
        reports = tuple(report for event in events for report in self._reports(event, currency))
        yield Batch(reports, "", done=True)

    def _history(self, token: str) -> list[Any]:
        headers = {"X-Api-Token": token, "X-User-Id": self._option("user_id")}
        response = get(self._session, self._base_url + HISTORY_PATH, platform=self._platform, headers=headers)
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
        records.raise_for_status(response, self._platform, "BitLabs", self._clock.now(), FALLBACK_WAIT)
        body = json_object(response, self._platform)
        if body.get("status") == "error":
            reason = without_secrets(error_text(body), (token,))
            raise Unavailable(self._platform, REPORTED.filled("BitLabs", excerpt(reason) if reason else NO_REASON))
        events = records.listed(
            body, "data", self._platform, QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs' answer holds no history")
        )
        if len(events) > MAX_EVENTS:
            too_many = QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs' history holds more than {0} events")
            raise BadPayload(self._platform, too_many.filled(MAX_EVENTS))
        return events

    def _reports(self, event: object, currency: str) -> list[Report]:
        if not isinstance(event, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("BitLabsEarnings", "an event of BitLabs' history is not an object"),
            )
        transaction = records.identifier(event.get("tx_id"), self._platform, "transaction id")
        at = records.moment(event.get("created_at"), self._platform, "time")
        value = records.amount(event.get("user_value"), currency, self._platform)
        named = event.get("type")
        kind = named if isinstance(named, str) else ""
        details = event.get("details")
        category = details.get("category") if isinstance(details, dict) else None
        topic = records.name(category.get("name")) if isinstance(category, dict) else ""
        title = f"BitLabs survey · {topic}" if topic else "BitLabs survey"
        if value.minor < 0:  # money taken back, whatever the step
            header = EntryHeader(self._platform, self._account.account, Kind.REVERSAL, at, currency,
                                 record_id=transaction, title=f"Taken back: {title}")  # fmt: skip
            return [Report(header, at, Status.REVERSED, value)]
        survey = records.identifier(event.get("survey_id"), self._platform, "survey id")
        header = EntryHeader(self._platform, self._account.account, Kind.TASK, at, currency, task_id=survey,
                             title=title)  # fmt: skip
        if kind in _STEPS:
            return [Report(header, at, _STEPS[kind], value)]
        if kind != "COMPLETE":
            unknown = QT_TRANSLATE_NOOP("BitLabsEarnings", "BitLabs' history has an event of unknown type {0}")
            raise BadPayload(self._platform, unknown.filled(excerpt(named)))
        delay = fields.count(event.get("callback_delay_seconds")) or 0
        credited = at + timedelta(seconds=min(max(delay, 0), _LONGEST_DELAY))
        reports = [Report(header, at, Status.AWAITING_REVIEW, value)]
        if event.get("reconciled") is True:
            reports.append(Report(header, credited, Status.REVERSED, value))
        elif credited <= self._clock.now():
            reports.append(Report(header, credited, Status.APPROVED, value))
        return reports
