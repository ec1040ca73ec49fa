"""CPX Research's record of one app user's transactions, as ledger reports.

CPX sends them with the survey list when asked in its SDK's form (`output_method=jsscriptv1`). The meanings of
`type` and `status` are not documented; read here as CPX's postbacks use them: a `complete`, an `out`
(screen-out) or a `bonus`; status 1 credited, 2 reversed, and 0 (seen in no example) as not yet credited.
`is_paid_to_user` says the app has paid it out. Amounts are in the app's currency (the account's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, Final

from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import NO_REASON, REPORTED, AuthExpired, BadPayload, RateLimited, Unavailable
from surveydesk.core.money import MoneyError, normalise_currency
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import excerpt, get, json_object, without_secrets
from surveydesk.platforms import records
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.cpx.tasks import REFRESH_FLOOR, SURVEYS_PATH, error_text, secure_hash

MAX_TRANSACTIONS: Final = 100_000
_CREDIT: Final = {"0": Status.AWAITING_REVIEW, "1": Status.APPROVED, "2": Status.REVERSED}
_KINDS: Final = {"complete": Kind.TASK, "out": Kind.TASK, "bonus": Kind.BONUS}
_REFRESH = re.compile(r"refresh", re.IGNORECASE)


class CPXEarnings(AccountClient):
    """Reads every transaction in one request, as one batch."""

    def read(self, cursor: str) -> Iterator[Batch]:
        secret = self._secret_provider()
        if not secret:
            raise AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP("CPXEarnings", "Not signed in to CPX Research: add your app's secure hash key"),
            )
        app_id = self._option("app_id")
        user_id = self._option("ext_user_id")
        if not app_id or not user_id:
            raise AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP("CPXEarnings", "CPX Research needs the app id and your user id: add them"),
            )
        try:
            currency = normalise_currency(self._option("currency", "USD"))
        except MoneyError:
            raise AuthExpired(
                self._platform,
                QT_TRANSLATE_NOOP("CPXEarnings", "the account's currency is not an ISO 4217 code such as USD"),
            ) from None
        hashed = secure_hash(user_id, secret)
        params = {"app_id": app_id, "ext_user_id": user_id, "output_method": "jsscriptv1", "secure_hash": hashed}
        transactions = self._transactions(params, (secret, hashed))
        yield Batch(tuple(report for item in transactions for report in self._reports(item, currency)), "", True)

    def _transactions(self, params: dict[str, str], secrets: tuple[str, str]) -> list[Any]:
        response = get(self._session, self._base_url + SURVEYS_PATH, platform=self._platform, params=params)
        now = self._clock.now()
        records.raise_for_status(response, self._platform, "CPX Research", now, REFRESH_FLOOR)
        body = json_object(response, self._platform)
        if body.get("status") == "error":
            reason = without_secrets(error_text(body), secrets)
            if _REFRESH.search(reason):
                patience = QT_TRANSLATE_NOOP("CPXEarnings", "CPX Research asks for patience: {0}").filled(
                    excerpt(reason)
                )
                raise RateLimited(self._platform, patience, now + REFRESH_FLOOR)
            said = excerpt(reason) if reason else NO_REASON
            raise Unavailable(self._platform, REPORTED.filled("CPX Research", said))
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
        return transactions

    def _reports(self, item: object, currency: str) -> list[Report]:
        if not isinstance(item, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("CPXEarnings", "a transaction of CPX Research is not an object")
            )
        transaction = records.identifier(item.get("trans_id"), self._platform, "transaction id")
        named = item.get("type")
        kind = _KINDS.get(named) if isinstance(named, str) else None
        status = _CREDIT.get(str(item.get("status")))
        if kind is None or status is None:
            problem = excerpt(named if kind is None else item.get("status"))
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("CPXEarnings", "transaction {0} is of an unknown kind: {1}").filled(
                    excerpt(transaction), problem
                ),
            )
        at = self._when(item.get("datetime"), "time")
        value = records.amount(item.get("verdienst_user_local_money"), currency, self._platform)
        if kind is Kind.TASK:
            survey = records.identifier(item.get("survey_id"), self._platform, "survey id")
            title = "CPX screen-out" if named == "out" else "CPX survey"
            header = EntryHeader(self._platform, self._account.account, kind, at, currency, task_id=survey,
                                 record_id=transaction, title=title)  # fmt: skip
            if status is Status.APPROVED and named == "out":
                status = Status.SCREENED_OUT
        else:
            header = EntryHeader(self._platform, self._account.account, kind, at, currency, record_id=transaction,
                                 title="CPX bonus")  # fmt: skip
        reports = [Report(header, at, status, value)]
        if status is not Status.REVERSED and str(item.get("is_paid_to_user")) == "1":
            paid = item.get("is_paid_to_user_datetime")
            reports.append(Report(header, self._when(paid, "payout time") if paid else at, Status.PAID, value))
        return reports

    def _when(self, value: object, what: str) -> datetime:
        """CPX writes "2025-03-25 16:20:31", without a zone: taken as UTC."""
        if isinstance(value, str):
            try:
                return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            except ValueError:
                pass
        return records.moment(value, self._platform, what)
