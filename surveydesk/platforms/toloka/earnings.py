"""Toloka's records of one worker's money, as ledger reports: what she earned (the income log of her completed
tasks) and what she sent to her wallet (the withdrawal log).

`GET /api/worker/finance/income-log` lists days, newest first, each with the worker's assignments of that day:
`income` (accepted), `blockedIncome` (held while the task is under review) and `additionalReward` (a bonus), as
public worker clients read it (platform-apis.md §4.1; the web app shows about two months). Only those fields and
the day are evidenced: an assignment's `id`, `poolId` and `title` are read when present; without an id, the day
and the assignment's place in it name it. Each assignment is an entry of its own (a worker does many task suites
of one pool), which the worker's attempt at the pool joins by title and amount.

`GET /api/users/current/worker/transactions` is most likely the withdrawal log, not task income (§8.2: the web
app's "Actions history" of withdrawals, with a button to cancel one while it is pending; public clients read only
`amount`, `startDate` and `endDate`). A withdrawal is booked as a payout: money leaving Toloka for the worker's
wallet, which earns nothing and takes nothing back.

The cursor keeps, for each log, the newest day or start before which everything is settled, so a run reads pages
only until it reaches them; within a run it also keeps the income log's next page, so a run cut off resumes there.
Withdrawals are few: they are read at the start of a run, a batch per page that keeps the run's first cursor
(a run cut off among them reads them again, which adds nothing).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any, Final

from surveydesk.core.clock import parse_utc_iso, utc_iso
from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import AuthExpired, BadPayload
from surveydesk.core.money import Money
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.addresses import origin
from surveydesk.net.http import get, json_or_none, json_value
from surveydesk.net.quoting import excerpt
from surveydesk.net.shapes import BOOLEAN, NULL, NUMBER, STRING, Expect, Part, Reading, Shape, expect, list_of
from surveydesk.platforms import records
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.toloka import BONUS_FOR
from surveydesk.platforms.toloka.tasks import DEFAULT_CURRENCY, FALLBACK_WAIT, SENT_AWAY, SIGNED_OUT, login_headers

INCOME_PATH: Final = "/api/worker/finance/income-log"
WITHDRAWALS_PATH: Final = "/api/users/current/worker/transactions"
INCOME_PAGE_DAYS: Final = 10  # as the web app asks
WITHDRAWALS_PAGE_SIZE: Final = 20
MAX_PAGES: Final = 5000
# What one assignment, its bonus and one withdrawal can move: Toloka's tasks pay cents; a withdrawal is a
# balance sent to a wallet. An amount beyond, or a negative reward, is set aside, never booked
# (platforms/records.py); a day or withdrawal with one set aside is read again at the next sync.
BOUNDS: Final = records.Bounds(task=100, bonus=100, payout=10_000)
_ASSIGNMENT_ID: Final = records.field_key("id", "assignmentId")
# What the two logs are read for (the evidence of each field: docs/platforms.md). Only the income log's amounts
# and days, and the withdrawals' amounts, dates and `last`, are evidenced: the rest may be absent.
_AMOUNT: Final = expect(STRING, NUMBER, NULL)  # a decimal string ("0.05"), or a number
_GUESSED: Final = expect(STRING, NUMBER, NULL, required=False)
ASSIGNMENT_SHAPE: Final = Shape(
    "TolokaIncome",
    income=_AMOUNT,
    blockedIncome=_AMOUNT,
    additionalReward=_AMOUNT,
    id=_GUESSED,
    assignmentId=_GUESSED,
    poolId=_GUESSED,
    title=expect(STRING, NULL, required=False),
    currency=expect(STRING, NULL, required=False),
)
INCOME_REPLY: Final = list_of(
    Shape("TolokaIncomeDay", date=expect(STRING), assignments=list_of(ASSIGNMENT_SHAPE))
)  # a JSON list of days, newest first
INCOME_ENDPOINT: Final = f"GET {INCOME_PATH}?page=N&size={INCOME_PAGE_DAYS}&properties=date&direction=DESC"
WITHDRAWALS_REPLY: Final = Shape(
    "TolokaWithdrawals",
    content=list_of(
        Shape(
            "TolokaWithdrawal",
            amount=expect(STRING, NUMBER),
            startDate=expect(STRING),
            endDate=expect(STRING, NULL, required=False),  # none while it is pending
            id=_GUESSED,
            currency=expect(STRING, NULL, required=False),
        )
    ),
    last=expect(BOOLEAN),
)
WITHDRAWALS_ENDPOINT: Final = (
    f"GET {WITHDRAWALS_PATH}?properties=startDate&direction=DESC&page=N&size={WITHDRAWALS_PAGE_SIZE}"
)


class TolokaEarnings(AccountClient):
    """Reads the withdrawals down to the settled ones, then the income log, newest first, one batch per page of
    either."""

    def read(self, cursor: str) -> Iterator[Batch]:
        headers = login_headers(self._secret_provider(), self._platform)
        stored = _stored(cursor)
        income, withdrawals = _Position.of(stored.get("income")), _Position.of(stored.get("withdrawals"))
        if income.page == 0:
            for payouts in self._withdrawals(headers, withdrawals):
                yield Batch(tuple(payouts), cursor)
        for _ in range(MAX_PAGES):
            days = self._income_page(headers, income.page)
            reports: list[Report] = []
            reached_settled = False
            for moment, day_reports, set_aside in days:
                reports.extend(day_reports)
                income.saw(
                    moment,
                    settled=not set_aside
                    and all(report.status is not Status.AWAITING_REVIEW for report in day_reports),
                )
                reached_settled = reached_settled or (income.settled is not None and moment < income.settled)
            if len(days) < INCOME_PAGE_DAYS or reached_settled:
                finished = {"income": income.finished(), "withdrawals": withdrawals.finished()}
                yield Batch(tuple(reports), json.dumps(finished), done=True)
                return
            income.page += 1
            yield Batch(
                tuple(reports), json.dumps({"income": income.stored(), "withdrawals": withdrawals.stored()})
            )
        too_long = QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's income log went on for more than {0} pages")
        raise BadPayload(self._platform, too_long.filled(MAX_PAGES))

    def _get(self, path: str, headers: dict[str, str], params: dict[str, str], shape: Shape | Expect) -> object:
        response = get(self._session, self._base_url + path, platform=self._platform, headers=headers,
                       params=params)  # fmt: skip
        if origin(response.url) != origin(self._base_url):
            raise AuthExpired(self._platform, SENT_AWAY)
        body = json_or_none(response)
        if isinstance(body, dict) and body.get("code") == "ACCESS_DENIED":
            raise AuthExpired(self._platform, SIGNED_OUT)
        records.raise_for_status(response, self._platform, "Toloka", self._clock.now(), FALLBACK_WAIT)
        try:
            return json_value(response, shape.decoding)
        except (ValueError, RecursionError):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's answer is not readable")
            ) from None

    # --- the income log ---------------------------------------------------------------------------------------

    def _income_page(self, headers: dict[str, str], page: int) -> list[tuple[datetime, list[Report], int]]:
        """One page of the income log: each day's start, with its reports and how many tasks were set aside."""
        params = {"page": str(page), "size": str(INCOME_PAGE_DAYS), "properties": "date", "direction": "DESC"}
        body = self._get(INCOME_PATH, headers, params, INCOME_REPLY)
        with self._shapes.watching(self._platform, Part.EARNINGS, INCOME_ENDPOINT, body, INCOME_REPLY) as reading:
            if not isinstance(body, list):
                raise BadPayload(
                    self._platform,
                    QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's income log is not a list of days"),
                )
            return [self._day(day, reading) for day in body]

    def _day(self, item: object, reading: Reading) -> tuple[datetime, list[Report], int]:
        """One day of the income log: each assignment's reward, and its bonus as an entry of its own."""
        if not isinstance(item, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("TolokaEarnings", "a day of Toloka's income log is not an object"),
            )
        named = item.get("date")
        try:
            day = date.fromisoformat(named) if isinstance(named, str) and len(named) == 10 else None
        except ValueError:
            day = None
        if day is None:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP(
                    "TolokaEarnings", "a day of Toloka's income log has no readable date: {0}"
                ).filled(excerpt(named)),
            )
        at = datetime(day.year, day.month, day.day, tzinfo=UTC)
        assignments = item.get("assignments")
        if not isinstance(assignments, list):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("TolokaEarnings", "a day of Toloka's income log has no list of tasks"),
            )
        reports, set_aside = records.read_records(
            reading,
            enumerate(assignments),
            lambda placed: self._assignment(placed[1], at, f"{day.isoformat()}/{placed[0]}"),
            lambda placed: _ASSIGNMENT_ID(placed[1]) or f"{day.isoformat()}/{placed[0]}",
        )
        return at, reports, set_aside

    def _assignment(self, item: object, at: datetime, place: str) -> list[Report]:
        if not isinstance(item, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("TolokaEarnings", "a task of Toloka's income log is not an object"),
            )
        named = item.get("currency")
        currency = named if isinstance(named, str) else DEFAULT_CURRENCY
        income = self._money(item, "income", currency, Kind.TASK)
        blocked = self._money(item, "blockedIncome", currency, Kind.TASK)
        bonus = self._money(item, "additionalReward", currency, Kind.BONUS)
        identity = item.get("id", item.get("assignmentId"))
        key = place if identity is None else records.identifier(identity, self._platform, "id")
        pool = item.get("poolId")
        title = records.title(item.get("title"), "Toloka tasks")
        header = EntryHeader(self._platform, self._account.account, Kind.TASK, at, currency, task_id=key,
                             record_id=key, title=title, claimable=True,
                             requester=f"pool {pool}" if isinstance(pool, int) else "")  # fmt: skip
        if blocked.minor:  # under review until a date; what is accepted already stays with it
            reports = [Report(header, at, Status.AWAITING_REVIEW, Money(income.minor + blocked.minor, currency))]
        elif income.minor:
            reports = [Report(header, at, Status.APPROVED, income)]
        else:  # accepted for nothing: rejected
            reports = [Report(header, at, Status.REJECTED, income)]
        if bonus.minor:
            bonus_title = str(BONUS_FOR.filled(title))  # in English (`entry_words`)
            bonus_header = EntryHeader(self._platform, self._account.account, Kind.BONUS, at, currency,
                                       task_id=key, record_id=f"{key}/bonus", title=bonus_title)  # fmt: skip
            reports.append(Report(bonus_header, at, Status.APPROVED, bonus))
        return reports

    def _money(self, item: dict[str, Any], key: str, currency: str, kind: Kind) -> Money:
        """The amount `key` of an assignment (a decimal string or a number); null is nothing. A missing one is a
        change of Toloka's (a shape report names it) that leaves the page unread: read as nothing, a task under
        review whose `blockedIncome` was renamed would be booked rejected. A negative one sets the task aside."""
        value = item.get(key)
        if value is None and key in item:
            return Money(0, currency)
        return records.amount(value, currency, self._platform, path=f"[].assignments[].{key}", kind=kind,
                              bounds=BOUNDS)  # fmt: skip

    # --- the withdrawal log -----------------------------------------------------------------------------------

    def _withdrawals(self, headers: dict[str, str], position: _Position) -> Iterator[list[Report]]:
        """Every withdrawal down to the settled ones, newest first, a page at a time (Spring pages of `content`
        until `last`)."""
        for page in range(MAX_PAGES):
            params = {"properties": "startDate", "direction": "DESC", "page": str(page),
                      "size": str(WITHDRAWALS_PAGE_SIZE)}  # fmt: skip
            body = self._get(WITHDRAWALS_PATH, headers, params, WITHDRAWALS_REPLY)
            with self._watching(Part.EARNINGS, WITHDRAWALS_ENDPOINT, body, WITHDRAWALS_REPLY) as reading:
                if not isinstance(body, dict):
                    raise BadPayload(
                        self._platform,
                        QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's withdrawals are not a page of them"),
                    )
                items = records.listed(
                    body,
                    "content",
                    self._platform,
                    QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's answer holds no withdrawals"),
                )
                read, set_aside = records.read_records(
                    reading, items, lambda item: [self._withdrawal(item)], records.field_key("id", "startDate")
                )
            position.held = position.held or bool(set_aside)
            reports: list[Report] = []
            reached_settled = False
            for start, report in read:
                reports.append(report)
                position.saw(start, settled=report.status is Status.PAID)
                reached_settled = reached_settled or (position.settled is not None and start < position.settled)
            yield reports
            if body.get("last") is not False or not items or reached_settled:
                return
        too_long = QT_TRANSLATE_NOOP("TolokaEarnings", "Toloka's withdrawals went on for more than {0} pages")
        raise BadPayload(self._platform, too_long.filled(MAX_PAGES))

    def _withdrawal(self, item: object) -> tuple[datetime, Report]:
        """A payout: requested at its start, sent at its end; its sign (unknown) does not matter."""
        if not isinstance(item, dict):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("TolokaEarnings", "a withdrawal of Toloka is not an object")
            )
        start = records.moment(item.get("startDate"), self._platform, "start date")
        named = item.get("currency")
        currency = named if isinstance(named, str) else DEFAULT_CURRENCY
        value = records.amount(
            item.get("amount"), currency, self._platform, path="content[].amount", kind=Kind.PAYOUT, bounds=BOUNDS
        )
        value = Money(abs(value.minor), value.currency)
        # Only amount and dates are documented: without an id, they name the withdrawal themselves.
        identity = item.get("id")
        record = (
            records.identifier(identity, self._platform, "transaction id")
            if identity is not None
            else f"{utc_iso(start)}/{value.minor}{value.currency}"
        )
        end = item.get("endDate")
        header = EntryHeader(self._platform, self._account.account, Kind.PAYOUT, start, value.currency,
                             record_id=record, title="Withdrawal to your wallet")  # fmt: skip
        if end is None:
            return start, Report(header, start, Status.SUBMITTED, value)
        return start, Report(header, records.moment(end, self._platform, "end date"), Status.PAID, value)


def _stored(cursor: str) -> dict[str, Any]:
    """The stored cursor; one that cannot be read starts from the newest pages (reading again is harmless)."""
    try:
        stored = json.loads(cursor) if cursor else {}
    except ValueError:
        return {}
    return stored if isinstance(stored, dict) else {}


class _Position:
    """Where a run is in one log: the page to read next, the settled moment it reads down to, and what it saw;
    `held` when a record of unknown date was set aside, so the next run reads down to the same settled moment."""

    def __init__(self, page: int, settled: datetime | None, oldest_pending: datetime | None,
                 newest: datetime | None, held: bool = False) -> None:  # fmt: skip
        self.page = page
        self.settled = settled
        self.oldest_pending = oldest_pending
        self.newest = newest
        self.held = held

    @classmethod
    def of(cls, stored: object) -> _Position:
        stored = stored if isinstance(stored, dict) else {}
        page = stored.get("page")
        return cls(
            page if isinstance(page, int) and not isinstance(page, bool) and 0 <= page < MAX_PAGES else 0,
            _moment(stored.get("settled")),
            _moment(stored.get("oldest_pending")),
            _moment(stored.get("newest")),
            stored.get("held") is True,
        )

    def saw(self, moment: datetime, settled: bool) -> None:
        if self.newest is None or moment > self.newest:
            self.newest = moment
        if not settled and (self.oldest_pending is None or moment < self.oldest_pending):
            self.oldest_pending = moment

    def stored(self) -> dict[str, object]:
        return {
            "page": self.page,
            "settled": _text(self.settled),
            "oldest_pending": _text(self.oldest_pending),
            "newest": _text(self.newest),
            **({"held": True} if self.held else {}),
        }

    def finished(self) -> dict[str, object]:
        """After a whole run: the next run reads down to the oldest record still pending, or down to the newest
        one seen when none is; down to where it read this time when a record was set aside."""
        if self.held:
            return {"settled": _text(self.settled)}
        return {"settled": _text(self.oldest_pending or self.newest or self.settled)}


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_utc_iso(value)
    except ValueError:
        return None


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else utc_iso(moment)
