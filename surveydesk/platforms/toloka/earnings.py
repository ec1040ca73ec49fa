"""Toloka's record of one worker's transactions (`/api/users/current/worker/transactions`), as ledger reports.

Transactions come newest first in Spring pages. Only `amount`, `startDate` and `endDate` are documented; `id`,
`type`, `poolId` and `title` are read when present (the demo sends them; without an id, the start date and the
amount name a transaction). A transaction without an end date awaits acceptance; a negative one takes money
back. Each is an entry of its own (a worker does many task suites of one pool), which the worker's attempt at
the pool joins by title and amount.

The cursor keeps the start date before which every transaction is settled, so a run reads pages only until it
reaches them; within a run it also keeps the next page, so a run cut off resumes where it was.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, Final

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import AuthExpired, BadPayload
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.http import get, json_object, json_or_none, origin
from surveydesk.platforms import records
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.toloka.tasks import DEFAULT_CURRENCY, FALLBACK_WAIT, SENT_AWAY, SIGNED_OUT, login_headers

TRANSACTIONS_PATH: Final = "/api/users/current/worker/transactions"
PAGE_SIZE: Final = 20
MAX_PAGES: Final = 5000


class TolokaEarnings(AccountClient):
    """Reads pages of transactions, newest first, down to the settled ones; one batch per page."""

    def read(self, cursor: str) -> Iterator[Batch]:
        headers = login_headers(self._secret_provider(), self._platform)
        position = _Position.of(cursor)
        for _ in range(MAX_PAGES):
            body = self._page(headers, position.page)
            items = records.listed(
                body,
                "content",
                self._platform,
                QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's answer holds no transactions"),
            )
            reports: list[Report] = []
            reached_settled = False
            for item in items:
                start, item_reports = self._reports(item)
                reports.extend(item_reports)
                position.saw(start, settled=item_reports[-1].status is not Status.AWAITING_REVIEW)
                reached_settled = reached_settled or (position.settled is not None and start < position.settled)
            if body.get("last") is not False or not items or reached_settled:
                yield Batch(tuple(reports), position.finished(), done=True)
                return
            position.page += 1
            yield Batch(tuple(reports), position.text())
        too_long = QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's transactions went on for more than {0} pages")
        raise BadPayload(self._platform, too_long.filled(MAX_PAGES))

    def _page(self, headers: dict[str, str], page: int) -> dict[str, Any]:
        params = {"properties": "startDate", "direction": "DESC", "page": str(page), "size": str(PAGE_SIZE)}
        response = get(self._session, self._base_url + TRANSACTIONS_PATH, platform=self._platform,
                       headers=headers, params=params)  # fmt: skip
        if origin(response.url) != origin(self._base_url):
            raise AuthExpired(self._platform, SENT_AWAY)
        body = json_or_none(response)
        if isinstance(body, dict) and body.get("code") == "ACCESS_DENIED":
            raise AuthExpired(self._platform, SIGNED_OUT)
        records.raise_for_status(response, self._platform, "Toloka", self._clock.now(), FALLBACK_WAIT)
        return json_object(response, self._platform)

    def _reports(self, item: object) -> tuple[datetime, list[Report]]:
        if not isinstance(item, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("TolokaEarnings", "a transaction of Toloka is not an object")
            )
        start = records.moment(item.get("startDate"), self._platform, "start date")
        named = item.get("currency")
        value = records.amount(
            item.get("amount"), named if isinstance(named, str) else DEFAULT_CURRENCY, self._platform
        )
        # Only amount and dates are documented: without an id, they name the transaction themselves.
        named = item.get("id")
        transaction = (
            records.identifier(named, self._platform, "transaction id")
            if named is not None
            else f"{utc_iso(start)}/{value.minor}{value.currency}"
        )
        end = item.get("endDate")
        ended = None if end is None else records.moment(end, self._platform, "end date")
        title = records.title(item.get("title"), "Toloka tasks")
        account = self._account.account
        if value.minor < 0:
            header = EntryHeader(self._platform, account, Kind.REVERSAL, start, value.currency,
                                 record_id=transaction, title=f"Taken back: {title}")  # fmt: skip
            return start, [Report(header, ended or start, Status.REVERSED, value)]
        if item.get("type") == "BONUS":
            header = EntryHeader(self._platform, account, Kind.BONUS, start, value.currency, record_id=transaction,
                                 title=f"Bonus: {title}")  # fmt: skip
        else:
            pool = item.get("poolId")
            header = EntryHeader(self._platform, account, Kind.TASK, start, value.currency, task_id=transaction,
                                 record_id=transaction, title=title, claimable=True,
                                 requester=f"pool {pool}" if isinstance(pool, int) else "")  # fmt: skip
        reports = [Report(header, start, Status.AWAITING_REVIEW, value)]
        if ended is not None:  # accepted; a task suite accepted for nothing was rejected
            rejected = header.kind is Kind.TASK and value.minor == 0
            reports.append(Report(header, ended, Status.REJECTED if rejected else Status.APPROVED, value))
        return start, reports


class _Position:
    """Where a run is: the page to read next, the settled start date it reads down to, and what it has seen."""

    def __init__(self, page: int, settled: datetime | None, oldest_pending: datetime | None,
                 newest: datetime | None) -> None:  # fmt: skip
        self.page = page
        self.settled = settled
        self.oldest_pending = oldest_pending
        self.newest = newest

    @classmethod
    def of(cls, cursor: str) -> _Position:
        """The stored position; one that cannot be read starts from the newest page (reading again is harmless)."""
        try:
            stored = json.loads(cursor) if cursor else {}
        except ValueError:
            stored = {}
        if not isinstance(stored, dict):
            stored = {}
        page = stored.get("page")
        return cls(
            page if isinstance(page, int) and not isinstance(page, bool) and 0 <= page < MAX_PAGES else 0,
            _moment(stored.get("settled")),
            _moment(stored.get("oldest_pending")),
            _moment(stored.get("newest")),
        )

    def saw(self, start: datetime, settled: bool) -> None:
        if self.newest is None or start > self.newest:
            self.newest = start
        if not settled and (self.oldest_pending is None or start < self.oldest_pending):
            self.oldest_pending = start

    def text(self) -> str:
        return json.dumps(
            {
                "page": self.page,
                "settled": _text(self.settled),
                "oldest_pending": _text(self.oldest_pending),
                "newest": _text(self.newest),
            }
        )

    def finished(self) -> str:
        """The cursor after a whole run: the next run reads down to the oldest transaction still pending, or
        down to the newest one seen when none is."""
        settled = self.oldest_pending or self.newest or self.settled
        return json.dumps({"settled": _text(settled)})


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_utc_iso(value)
    except ValueError:
        return None


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else utc_iso(moment)
