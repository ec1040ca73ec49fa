"""MTurk's record of one worker's HITs: the dashboard's days, each day's status details (20 a page), and the
dashboard's daily bonuses, as ledger reports.

MTurk dates none of it more finely than the (US Pacific) day, so every report of a day is dated at that day's
start; a HIT's entry is named by its HIT id, and its assignment id is the record. The cursor is the last day up
to which every HIT is settled (paid or rejected): later runs read only the days after it. Within a run it also
names the last day read, so a run cut short (a rate limit half-way through a year) goes on from there.

The dashboard and the status details cover about the last 45 days (platform-apis.md §8.2): a HIT still pending
or approved when its day leaves them is never reported settled. A finished run says so (`unreported_before`),
and the ledger presumes it approved (MTurk approves on its own what waits too long) or paid.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Final
from urllib.parse import urlsplit

from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import AuthExpired, BadPayload
from surveydesk.core.money import Money
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.addresses import origin
from surveydesk.net.http import get, json_object
from surveydesk.net.quoting import excerpt
from surveydesk.net.shapes import NULL, NUMBER, OBJECT, STRING, Part, Reading, Shape, expect, list_of
from surveydesk.platforms import fields, records
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.mturk import BONUSES_OF
from surveydesk.platforms.mturk.tasks import FALLBACK_WAIT, SIGN_IN_MARK, SIGNED_OUT, session_cookie

DASHBOARD_PATH: Final = "/dashboard"
DETAILS_PATH: Final = "/status_details/"
PAGE_SIZE: Final = 20  # MTurk's status details come 20 to a page
MAX_DAYS: Final = 800
MAX_PAGES_PER_DAY: Final = 500
# The day starts at midnight Pacific time: 08:00 UTC, an hour off in summer (no time zone data is needed).
DAY_START: Final = timedelta(hours=8)
# How far back the worker site reports HITs; what the dashboard lists, when it lists more, counts as reported.
RECORDS_WINDOW: Final = timedelta(days=45)
_STATES: Final = {"Pending": Status.AWAITING_REVIEW, "Approved": Status.APPROVED, "Rejected": Status.REJECTED,
                  "Paid": Status.PAID}  # fmt: skip
_SETTLED: Final = frozenset({Status.PAID, Status.REJECTED})
# What one HIT and one day's bonuses can pay: HITs pay cents to a few dollars, rarely tens; a day's bonuses are
# one total. An amount beyond is set aside, never booked (platforms/records.py).
BOUNDS: Final = records.Bounds(task=500, bonus=2000)
REWARD_PATH: Final = "results[].reward.amount_in_dollars"
BONUS_PATH: Final = "daily_hit_statistics_overview[].bonus_rewards"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What the dashboard and the status details are read for (the evidence of each field: docs/platforms.md).
DASHBOARD_SHAPE: Final = Shape(
    "MTurkDashboard",
    daily_hit_statistics_overview=list_of(
        Shape(
            "MTurkDay",
            date=expect(STRING),
            submitted=expect(NUMBER, NULL),
            bonus_rewards=expect(NUMBER, STRING),
        )
    ),
)
DASHBOARD_ENDPOINT: Final = f"GET {DASHBOARD_PATH}?format=json"
DETAILS_SHAPE: Final = Shape(
    "MTurkStatusDetails",
    total_num_results=expect(NUMBER),
    results=list_of(
        Shape(
            "MTurkSubmittedHit",
            assignment_id=expect(STRING, NUMBER),
            hit_id=expect(STRING, NUMBER),
            state=expect(STRING, known=_STATES),
            title=expect(STRING, NULL),
            requester_name=expect(STRING, NULL),
            reward=expect(OBJECT, shape=Shape("MTurkReward", amount_in_dollars=expect(NUMBER, STRING))),
        )
    ),
)
DETAILS_ENDPOINT: Final = f"GET {DETAILS_PATH}{{YYYY-MM-DD}}?page_number=N&format=json"


class MTurkEarnings(AccountClient):
    """Reads the days the dashboard lists after the settled one, oldest first, one batch per page of a day."""

    def read(self, cursor: str) -> Iterator[Batch]:
        cookie = session_cookie(self._secret_provider, self._platform)
        settled, after = _day_of(cursor, "settled"), _day_of(cursor, "after")
        dashboard = self._get(DASHBOARD_PATH, cookie, {"format": "json"}, DASHBOARD_SHAPE)
        with self._watching(Part.EARNINGS, DASHBOARD_ENDPOINT, dashboard, DASHBOARD_SHAPE) as reading:
            days = self._days(dashboard, reading)
        # The dashboard's bonuses first: one entry a day, its amount the day's total as last reported (none for a
        # day whose total was set aside: the dashboard is read again at every sync).
        yield Batch(tuple(self._bonus(day, amount) for day, (_, amount) in days.items() if amount), cursor)
        pending = [day for day, (submitted, _) in sorted(days.items()) if submitted and day > max(settled, after)]
        # Settled moves on only over days all settled, read one after the other from it.
        contiguous = after <= settled
        unreported = self._unreported_before(days)
        before = cursor  # where a run cut off inside a day resumes: that day's start
        for index, day in enumerate(pending):
            all_settled = True
            for reports, end_of_day, set_aside in self._day(day, cookie):
                # A day with a HIT set aside is not settled: the next run reads it again.
                settled_page = not set_aside and all(report.status in _SETTLED for report in reports)
                all_settled = all_settled and settled_page
                if not end_of_day:
                    yield Batch(tuple(reports), before)
                    continue
                contiguous = contiguous and all_settled
                if contiguous:
                    settled = day
                last = index == len(pending) - 1
                position = {"settled": settled} if last else {"settled": settled, "after": day}
                before = json.dumps(position)
                yield Batch(tuple(reports), before, done=last,
                            unreported_before=unreported if last else None)  # fmt: skip
        if not pending:
            yield Batch((), json.dumps({"settled": settled}), done=True, unreported_before=unreported)

    def _unreported_before(self, days: Mapping[str, object]) -> datetime:
        """Where MTurk's reports end: the start of the oldest day the dashboard lists, or `RECORDS_WINDOW` ago
        if that is earlier (a worker who took a break has fewer days listed, not a shorter window)."""
        starts = [start for start in map(_start, days) if start is not None]
        return min([self._clock.now() - RECORDS_WINDOW, *starts])

    def _get(self, path: str, cookie: str, params: Mapping[str, str], shape: Shape) -> dict[str, Any]:
        """A worker-site page as JSON; Amazon's sign-in page (where a lost session ends up) is `AuthExpired`."""
        response = get(self._session, self._base_url + path, platform=self._platform, headers={"Cookie": cookie},
                       params=params)  # fmt: skip
        if "/ap/signin" in urlsplit(response.url).path or origin(response.url) != origin(self._base_url):
            raise AuthExpired(self._platform, SIGNED_OUT)
        records.raise_for_status(response, self._platform, "MTurk", self._clock.now(), FALLBACK_WAIT, SIGNED_OUT)
        try:
            return json_object(response, self._platform, shape.decoding)
        except BadPayload:
            if SIGN_IN_MARK in response.content:
                raise AuthExpired(self._platform, SIGNED_OUT) from None
            raise

    def _days(self, dashboard: dict[str, Any], reading: Reading) -> dict[str, tuple[int, Money | None]]:
        """Each listed day: how many HITs were submitted, and its bonuses (float dollars, read exactly; None
        when set aside)."""
        overview = records.listed(
            dashboard,
            "daily_hit_statistics_overview",
            self._platform,
            QT_TRANSLATE_NOOP("MTurkEarnings", "MTurk's dashboard has no daily overview"),
        )
        if len(overview) > MAX_DAYS:
            too_many = QT_TRANSLATE_NOOP("MTurkEarnings", "MTurk's dashboard lists more than {0} days")
            raise BadPayload(self._platform, too_many.filled(MAX_DAYS))
        days: dict[str, tuple[int, Money | None]] = {}
        for item in overview:
            if not isinstance(item, dict):
                raise BadPayload(
                    self._platform,
                    QT_TRANSLATE_NOOP("MTurkEarnings", "a day of MTurk's dashboard is not an object"),
                )
            date = item.get("date")
            day = date[:10] if isinstance(date, str) else ""
            if not _DAY.fullmatch(day) or _start(day) is None:
                raise BadPayload(
                    self._platform,
                    QT_TRANSLATE_NOOP(
                        "MTurkEarnings", "a day of MTurk's dashboard has no readable date: {0}"
                    ).filled(excerpt(date)),
                )
            submitted = fields.count(item.get("submitted"))
            bonus, _ = records.read_records(reading, [item], self._day_bonus, records.field_key("date"))
            days[day] = (submitted if submitted is not None else 1, bonus[0] if bonus else None)
        return days

    def _day_bonus(self, item: dict[str, Any]) -> list[Money]:
        money = self._dollars(item.get("bonus_rewards", 0), BONUS_PATH, Kind.BONUS)
        return [money] if money.minor else []

    def _dollars(self, value: object, path: str, kind: Kind) -> Money:
        """Float dollars as MTurk writes them (1.1), exactly (a float is read by its shortest repr)."""
        if isinstance(value, bool) or not isinstance(value, (int, float, str)) or value is None:
            wrong = QT_TRANSLATE_NOOP("MTurkEarnings", "MTurk sent an amount of the wrong type: {0}")
            raise BadPayload(self._platform, wrong.filled(excerpt(value)))
        return records.amount(value, "USD", self._platform, path=path, kind=kind, bounds=BOUNDS)

    def _bonus(self, day: str, amount: Money) -> Report:
        at = _start(day)
        assert at is not None
        header = EntryHeader(
            self._platform, self._account.account, Kind.BONUS, at, "USD", record_id=f"bonus-{day}",
            title=str(BONUSES_OF.filled(day)),  # in English (`entry_words`)
        )  # fmt: skip
        return Report(header, at, Status.APPROVED, amount)

    def _day(self, day: str, cookie: str) -> Iterator[tuple[list[Report], bool, int]]:
        """Every HIT of one day, a page at a time (one request each), with whether the page ends the day and
        how many of its HITs were set aside."""
        for number in range(1, MAX_PAGES_PER_DAY + 1):
            params = {"page_number": str(number), "format": "json"}
            page = self._get(f"{DETAILS_PATH}{day}", cookie, params, DETAILS_SHAPE)
            with self._watching(Part.EARNINGS, DETAILS_ENDPOINT, page, DETAILS_SHAPE) as reading:
                results = records.listed(
                    page,
                    "results",
                    self._platform,
                    QT_TRANSLATE_NOOP("MTurkEarnings", "MTurk's status details have no results"),
                )
                reports, set_aside = records.read_records(
                    reading, results, lambda item: [self._hit(item, day)], records.field_key("assignment_id")
                )
            total = fields.count(page.get("total_num_results"))
            end = not results or (total is not None and number * PAGE_SIZE >= total) or len(results) < PAGE_SIZE
            yield reports, end, set_aside
            if end:
                return
        raise BadPayload(
            self._platform,
            QT_TRANSLATE_NOOP(
                "MTurkEarnings", "MTurk's status details of {0} went on for more than {1} pages"
            ).filled(day, MAX_PAGES_PER_DAY),
        )

    def _hit(self, item: object, day: str) -> Report:
        if not isinstance(item, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("MTurkEarnings", "a HIT in MTurk's status details is not an object"),
            )
        assignment = records.identifier(item.get("assignment_id"), self._platform, "assignment id")
        hit = records.identifier(item.get("hit_id"), self._platform, "HIT id")
        state = item.get("state")
        status = _STATES.get(state) if isinstance(state, str) else None
        if status is None:
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("MTurkEarnings", "HIT {0} has a state SurveyDesk does not know: {1}").filled(
                    excerpt(hit), excerpt(state)
                ),
            )
        reward = item.get("reward")
        value = reward.get("amount_in_dollars") if isinstance(reward, dict) else None
        at = _start(day)
        assert at is not None
        header = EntryHeader(
            platform=self._platform,
            account=self._account.account,
            kind=Kind.TASK,
            occurred_at=at,
            currency="USD",
            task_id=hit,
            record_id=assignment,
            title=records.title(item.get("title"), "MTurk HIT"),
            requester=records.name(item.get("requester_name")),
            claimable=True,  # the worker's attempt knows the HIT group, not the HIT
        )
        return Report(header, at, status, self._dollars(value, REWARD_PATH, Kind.TASK))


def _day_of(cursor: str, name: str) -> str:
    """A day the cursor names ("" if none); a cursor that cannot be read starts from the beginning (reading
    again is harmless)."""
    try:
        stored = json.loads(cursor) if cursor else {}
    except ValueError:
        return ""
    day = stored.get(name) if isinstance(stored, dict) else None
    return day if isinstance(day, str) and _DAY.fullmatch(day) else ""


def _start(day: str) -> datetime | None:
    try:
        return datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC) + DAY_START
    except ValueError:
        return None
