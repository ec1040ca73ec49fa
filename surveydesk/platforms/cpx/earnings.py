"""CPX Research's unpaid transactions of one app user, as ledger reports.

CPX sends them with the survey list when asked in its SDK's form (`output_method=jsscriptv1`) with
`show_unpaid_transactions=1`. The list is an inbox, not a history (platform-apis.md §8.2): it holds what the
rewards site has not yet paid its member, and a transaction leaves it once paid out or acknowledged. So a
transaction that disappears was paid (a completed one) or acknowledged (a canceled one); it is never reversed
for leaving. `status` is read as CPX's publisher postbacks send it, 1 completed and 2 canceled, and `type` as
`complete`, `out` (a screen-out) or `bonus`; an unknown code or type is set aside (`SetAside`), never fatal.

The inbox is remembered between syncs in the reconciliation cursor: every transaction last seen, so one that
disappeared is known, and one that cannot be booked yet (points of a day whose worth the worker has not given)
waits there until it can, whether or not CPX still lists it.

Amounts (`verdienst_user_local_money`) are in the rewards site's unit. When the worker gave what her site's
points are worth, they are points at that worth on the transaction's day; when CPX names a unit that is no
currency code (`text.currency_name_plural`, "Coins") and she gave none, they wait; otherwise they are money in
the account's currency.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Final

from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import NO_REASON, REPORTED, AuthExpired, BadPayload, RateLimited, Unavailable
from surveydesk.core.money import Money, MoneyError, normalise_currency
from surveydesk.core.points import PointsError, PointsValues, parse_points
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import get, json_object
from surveydesk.net.quoting import excerpt, without_secrets
from surveydesk.net.shapes import NULL, NUMBER, STRING, Part, Shape, expect, list_of
from surveydesk.platforms import records
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.cpx import BONUS_ENTRY, SCREEN_OUT_ENTRY, SURVEY_ENTRY
from surveydesk.platforms.cpx.tasks import (
    CONNECT_AGAIN,
    ERROR_FIELDS,
    REFRESH_FLOOR,
    REFUSED,
    SURVEYS_PATH,
    TEXT_SHAPE,
    error_text,
    points_unit,
    signed,
)
from surveydesk.platforms.walls import SETTING_POINTS_VALUE, UNKNOWN_KIND, WALL_BOUNDS, PricedInPoints, SetAside

MAX_TRANSACTIONS: Final = 100_000
MAX_KEPT: Final = 10_000  # transactions remembered between syncs; beyond, the oldest are forgotten
_STATUSES: Final = {"1": Status.APPROVED, "2": Status.REVERSED}
_KINDS: Final = {"complete": Kind.TASK, "out": Kind.TASK, "bonus": Kind.BONUS}
# What is remembered of a transaction between syncs: what its reports are made of, nothing else (no IP).
_KEPT_FIELDS: Final = (
    "trans_id", "type", "status", "survey_id", "datetime", "verdienst_user_local_money", "is_paid_to_user",
    "is_paid_to_user_datetime",
)  # fmt: skip
_REFRESH = re.compile(r"refresh", re.IGNORECASE)
# What the inbox is read for: each transaction's id, kind, code, survey, time, amount and payout.
TRANSACTION_SHAPE: Final = Shape(
    "CPXTransaction",
    trans_id=expect(STRING, NUMBER),
    type=expect(STRING, known=_KINDS),
    status=expect(STRING, NUMBER, known=_STATUSES),
    survey_id=expect(STRING, NUMBER, required=False),  # a bonus names none
    datetime=expect(STRING),
    verdienst_user_local_money=expect(STRING, NUMBER),
    is_paid_to_user=expect(STRING, NUMBER, required=False),
    is_paid_to_user_datetime=expect(STRING, NULL, required=False),
)
INBOX: Final = Shape(
    "CPXInbox",
    status=expect(STRING, known=("success", "error")),
    **dict.fromkeys(ERROR_FIELDS, expect(STRING, NULL, required=False)),
    transactions=list_of(TRANSACTION_SHAPE, required=False),
    text=TEXT_SHAPE,
)
INBOX_ENDPOINT: Final = f"GET {SURVEYS_PATH}?output_method=jsscriptv1&show_unpaid_transactions=1"
VALUE_PATH: Final = "transactions[].verdienst_user_local_money"


class CPXEarnings(AccountClient, PricedInPoints):
    """Reads the inbox in one request, as one batch whose cursor remembers it; `set_aside` says what the app's
    run so far left out."""

    set_aside: SetAside | None = None

    def read(self, cursor: str) -> Iterator[Batch]:
        app_id = self._option("app_id")
        user_id = self._option("ext_user_id")
        if not app_id or not user_id:
            raise AuthExpired(self._platform, CONNECT_AGAIN)
        try:
            currency = normalise_currency(self._option("currency", "USD"))
        except MoneyError:
            raise AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP("CPXEarnings", "the account's currency is not an ISO 4217 code such as USD"),
            ) from None
        if self.set_aside is None:
            self.set_aside = SetAside()
        asked = {"app_id": app_id, "ext_user_id": user_id, "output_method": "jsscriptv1",
                 "show_unpaid_transactions": "1"}  # fmt: skip
        params, secrets = signed(asked, self._secret_provider())
        body = self._answer(params, secrets)
        reports: list[Report] = []
        kept: dict[str, dict[str, Any]] = {}
        with self._watching(Part.EARNINGS, INBOX_ENDPOINT, body, INBOX) as reading:
            inbox = {self._id(item): item for item in self._transactions(body)}
            unit = _Unit(self._points_values(), bool(points_unit(body)), currency)
            aside = self.set_aside
            known = {**_remembered(cursor), **inbox}
            # One whose amount cannot be true is set aside (and read again while CPX lists it).
            read, _ = records.read_records(
                reading, known, lambda one: [(one, self._reports(known[one], unit, one not in inbox, aside))], str
            )
            for transaction, made in read:
                if made is None or transaction in inbox:  # waiting for a worth, or still unpaid: remembered
                    kept[transaction] = {
                        key: known[transaction][key] for key in _KEPT_FIELDS if key in known[transaction]
                    }
                reports.extend(made or ())
        remembered = dict(list(kept.items())[-MAX_KEPT:])
        yield Batch(tuple(reports), json.dumps({"kept": remembered}, separators=(",", ":")), True)

    def _answer(self, params: dict[str, str], secrets: tuple[str, ...]) -> dict[str, Any]:
        response = get(self._session, self._base_url + SURVEYS_PATH, platform=self._platform, params=params)
        now = self._clock.now()
        records.raise_for_status(response, self._platform, "CPX Research", now, REFRESH_FLOOR, REFUSED)
        body = json_object(response, self._platform, INBOX.decoding)
        if body.get("status") == "error":
            reason = without_secrets(error_text(body), secrets)
            if _REFRESH.search(reason):
                patience = QT_TRANSLATE_NOOP("CPXEarnings", "CPX Research asks for patience: {0}").filled(
                    excerpt(reason)
                )
                raise RateLimited(self._platform, patience, now + REFRESH_FLOOR)
            said = excerpt(reason) if reason else NO_REASON
            raise Unavailable(self._platform, REPORTED.filled("CPX Research", said))
        return body

    def _transactions(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        if body.get("status") != "success":
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("CPXEarnings", "CPX Research answered with an unknown status: {0}").filled(
                    excerpt(body.get("status"))
                ),
            )
        transactions = body.get("transactions", [])
        if not isinstance(transactions, list):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("CPXEarnings", "CPX Research's transactions are not a list")
            )
        if len(transactions) > MAX_TRANSACTIONS:
            too_many = QT_TRANSLATE_NOOP("CPXEarnings", "CPX Research sent more than {0} transactions")
            raise BadPayload(self._platform, too_many.filled(MAX_TRANSACTIONS))
        for item in transactions:
            if not isinstance(item, dict):
                raise BadPayload(
                    self._platform,
                    QT_TRANSLATE_NOOP("CPXEarnings", "a transaction of CPX Research is not an object"),
                )
        return transactions

    def _id(self, item: dict[str, Any]) -> str:
        return records.identifier(item.get("trans_id"), self._platform, "transaction id")

    def _reports(self, item: dict[str, Any], unit: _Unit, gone: bool, aside: SetAside) -> list[Report] | None:
        """The reports of one transaction; None while it waits for the worth of its points."""
        transaction = self._id(item)
        named = item.get("type")
        kind = _KINDS.get(named) if isinstance(named, str) else None
        status = _STATUSES.get(str(item.get("status")))
        if kind is None or status is None:
            unknown = named if kind is None else f"status {item.get('status')}"
            aside.add(UNKNOWN_KIND.filled("CPX Research", excerpt(unknown)))
            return []
        at = self._when(item.get("datetime"), "time")
        value = unit.money(item.get("verdienst_user_local_money"), at, self._platform, kind)
        if value is None:
            aside.add(SETTING_POINTS_VALUE.filled("CPX Research"))
            return None
        records.bounded(value, kind, WALL_BOUNDS, VALUE_PATH)
        if kind is Kind.TASK:
            survey = records.identifier(item.get("survey_id"), self._platform, "survey id")
            title = str(SCREEN_OUT_ENTRY if named == "out" else SURVEY_ENTRY)  # in English (`entry_words`)
            header = EntryHeader(self._platform, self._account.account, kind, at, value.currency, task_id=survey,
                                 record_id=transaction, title=title)  # fmt: skip
            if status is Status.APPROVED and named == "out":
                status = Status.SCREENED_OUT
        else:
            header = EntryHeader(self._platform, self._account.account, kind, at, value.currency,
                                 record_id=transaction, title=str(BONUS_ENTRY))  # fmt: skip
        reports = [Report(header, at, status, value)]
        if status is Status.REVERSED:
            return reports  # canceled: leaving the inbox only acknowledges it
        paid = item.get("is_paid_to_user_datetime")
        if str(item.get("is_paid_to_user")) == "1":
            reports.append(Report(header, self._when(paid, "payout time") if paid else at, Status.PAID, value))
        elif gone:  # left the inbox: the rewards site paid it out
            reports.append(Report(header, self._clock.now(), Status.PAID, value))
        return reports

    def _when(self, value: object, what: str) -> datetime:
        """CPX writes "2025-03-25 16:20:31", without a zone: taken as UTC."""
        if isinstance(value, str):
            try:
                return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                pass
        return records.moment(value, self._platform, what)


class _Unit:
    """What one sync reads amounts in: points at the worker's worth, points without one, or the account's
    currency."""

    def __init__(self, values: PointsValues, named_points: bool, currency: str) -> None:
        self._values = values
        self._points = bool(values) or named_points
        self._currency = currency

    def money(self, amount: object, at: datetime, platform: str, kind: Kind) -> Money | None:
        if not self._points:
            return records.amount(amount, self._currency, platform, path=VALUE_PATH, kind=kind, bounds=WALL_BOUNDS)
        try:
            points = parse_points(amount)
        except PointsError:
            raise records.unreadable_amount(VALUE_PATH) from None
        return self._values.money(points, at.date())


def _remembered(cursor: str) -> dict[str, dict[str, Any]]:
    """The transactions the last sync kept; nothing from a cursor of another form (an older SurveyDesk's "")."""
    try:
        kept = json.loads(cursor).get("kept") if cursor else None
    except (ValueError, AttributeError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {key: item for key, item in kept.items() if isinstance(key, str) and isinstance(item, dict)}
