"""Prolific's record of one participant's submissions (`GET /api/v1/participant/submissions/`), as ledger reports.

Statuses are read however Prolific spells them ("AWAITING REVIEW", "AWAITING_REVIEW", "awaiting-review").
Prolific says when a submission started, was completed or returned, but not when it was reviewed: a verdict is
dated at the completion, which keeps the report the same each time it is read. A submission awaiting review
without a completion time (seen in public clients' data) is awaiting review all the same, dated when it started
plus the time it took, else when it started.

A submission's `time_taken` (seconds, platform-apis.md §8.2) is kept beside the worker's own timer, and its study's
`estimated_completion_time` (minutes) with it: her evidence when a study takes longer than it says.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import parse_qs, urljoin, urlsplit

from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
from surveydesk.core.errors import AuthExpired, BadPayload
from surveydesk.core.translatable import QT_TRANSLATE_NOOP
from surveydesk.net.addresses import origin
from surveydesk.net.http import get, json_object
from surveydesk.net.quoting import excerpt
from surveydesk.net.shapes import LIST, NULL, NUMBER, OBJECT, STRING, Part, Shape, expect, list_of
from surveydesk.platforms import fields, records
from surveydesk.platforms.client import AccountClient
from surveydesk.platforms.prolific import BONUS_FOR, NOT_SIGNED_IN
from surveydesk.platforms.prolific.tasks import (
    FALLBACK_WAIT,
    LINKS,
    LOGIN_EXPIRED,
    MONEY,
    wait_in_detail,
)

SUBMISSIONS_PATH: Final = "/api/v1/participant/submissions/"
MAX_PAGES: Final = 1000  # 40 a page: far beyond any participant's history
# What one submission or bonus can pay: studies pay pence to tens of pounds (a long or multi-part study a
# little more). A submission or bonus beyond is set aside, never booked (platforms/records.py). Prolific takes no
# money back: it has no reversals.
BOUNDS: Final = records.Bounds(task=500, bonus=500)
REWARD_PATH: Final = "results[].submission_reward"
BONUS_PATH: Final = "results[].submission_bonuses[]"
LONGEST_TAKEN: Final = 7 * 24 * 3600  # seconds; a longer `time_taken` is no study's and is not kept
_STATUSES: Final = {
    "RESERVED": Status.IN_PROGRESS,
    "ACTIVE": Status.IN_PROGRESS,
    "AWAITING REVIEW": Status.AWAITING_REVIEW,
    "APPROVED": Status.APPROVED,
    "PARTIALLY APPROVED": Status.APPROVED,  # paid in part: the amount says how much
    "REJECTED": Status.REJECTED,
    "RETURNED": Status.RETURNED,
    "TIMED OUT": Status.RETURNED,
    "SCREENED OUT": Status.SCREENED_OUT,
}
_LEFT: Final = frozenset({Status.RETURNED, Status.REJECTED})
# Every spelling of a status `_status` reads: the docs' ("TIMED-OUT"), with "_" (the researcher API's models), in
# either case; a status spelled otherwise is a change of Prolific's to report.
_SPELLINGS: Final = frozenset(
    spelled
    for status in _STATUSES
    for joined in (status, status.replace(" ", "_"), status.replace(" ", "-"))
    for spelled in (joined, joined.lower())
)
_TIME: Final = expect(STRING, NULL, required=False)
# What a page of submissions is read for (the evidence of each field: docs/platforms.md).
SUBMISSION_SHAPE: Final = Shape(
    "ProlificSubmission",
    id=expect(STRING, NUMBER),
    status=expect(STRING, known=_SPELLINGS),
    study_id=expect(STRING, NULL, required=False),
    study=expect(
        OBJECT, NULL, required=False,
        shape=Shape(
            "ProlificSubmittedStudy",
            id=expect(STRING, NULL, required=False),
            name=expect(STRING, NULL, required=False),
            estimated_completion_time=expect(NUMBER, NULL, required=False),
            researcher=expect(
                OBJECT, NULL, required=False,
                shape=Shape("ProlificStudyResearcher", name=expect(STRING, NULL, required=False)),
            ),
        ),
    ),
    study_url=expect(STRING, NULL, required=False),
    started_at=expect(STRING, NULL),
    completed_at=_TIME,
    returned_at=_TIME,
    submission_reward=expect(OBJECT, NUMBER, shape=MONEY),  # a bare number: the legacy pence
    submission_bonuses=expect(LIST, NULL, required=False, items=expect(OBJECT, NUMBER, shape=MONEY)),
    time_taken=expect(NUMBER, NULL, required=False),
)  # fmt: skip
SUBMISSIONS_PAGE: Final = Shape("ProlificSubmissions", results=list_of(SUBMISSION_SHAPE), _links=LINKS)
SUBMISSIONS_ENDPOINT: Final = f"GET {SUBMISSIONS_PATH}"


class ProlificEarnings(AccountClient):
    """Reads every submission page by page; the cursor is the next page's query, so a cut-off run resumes."""

    @property
    def _submissions_url(self) -> str:
        return self._base_url + SUBMISSIONS_PATH

    def read(self, cursor: str) -> Iterator[Batch]:
        token = self._secret_provider()
        if not token:
            raise AuthExpired(self._platform, NOT_SIGNED_IN)
        query = cursor
        for _ in range(MAX_PAGES):
            page = self._page(query, token)
            with self._watching(Part.EARNINGS, SUBMISSIONS_ENDPOINT, page, SUBMISSIONS_PAGE) as reading:
                reports, _ = records.read_records(
                    reading, _results(page, self._platform), self._reports, records.field_key("id")
                )
                query = self._next_query(page)
            yield Batch(tuple(reports), query, done=not query)
            if not query:
                return
        too_long = QT_TRANSLATE_NOOP(
            "ProlificEarnings", "Prolific's list of submissions went on for more than {0} pages"
        )
        raise BadPayload(self._platform, too_long.filled(MAX_PAGES))

    def _page(self, query: str, token: str) -> dict[str, Any]:
        url = f"{self._submissions_url}?{query}" if query else self._submissions_url
        response = get(self._session, url, platform=self._platform, headers={"Authorization": f"Bearer {token}"})
        now = self._clock.now()
        records.raise_for_status(
            response, self._platform, "Prolific", now, FALLBACK_WAIT, LOGIN_EXPIRED, wait_hint=wait_in_detail
        )
        return json_object(response, self._platform, SUBMISSIONS_PAGE.decoding)

    def _next_query(self, page: dict[str, Any]) -> str:
        """The next page's query, "" at the end; a link to anywhere but this list is refused (the token would
        follow it), and only its query is kept, so a cursor outlives a change of the server's address."""
        links = page.get("_links")
        following = links.get("next") if isinstance(links, dict) else None
        href = following.get("href") if isinstance(following, dict) else None
        if href is None or href == "":
            return ""
        if not isinstance(href, str):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificEarnings", "Prolific's link to the next page is not an address"),
            )
        target = urlsplit(urljoin(self._submissions_url, href))
        if (
            origin(target.geturl()) != origin(self._submissions_url)
            or target.path != urlsplit(self._submissions_url).path
        ):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificEarnings", "Prolific's link to the next page points elsewhere"),
            )
        if not target.query or not parse_qs(target.query):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificEarnings", "Prolific's link to the next page names no page"),
            )
        return target.query

    def _reports(self, item: object) -> list[Report]:
        if not isinstance(item, dict):
            raise BadPayload(
                self._platform,
                QT_TRANSLATE_NOOP("ProlificEarnings", "a submission in Prolific's list is not an object"),
            )
        submission_id = records.identifier(item.get("id"), self._platform, "submission id")
        subject = QT_TRANSLATE_NOOP("ProlificEarnings", "submission {0}").filled(excerpt(submission_id))
        status = self._status(item.get("status"), subject)
        study = _object(item.get("study"))
        researcher = _object(study.get("researcher"))
        named = item.get("study_id") or study.get("id") or _study_in(item.get("study_url"))
        study_id = records.identifier(named, self._platform, "study id")
        started = fields.moment(item.get("started_at"))
        completed = fields.moment(item.get("completed_at"))
        returned = fields.moment(item.get("returned_at"))
        occurred = started or completed or returned
        if occurred is None:
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("ProlificEarnings", "{0} has no time").filled(subject)
            )
        # Prolific pays in pence or cents: a bare number is the legacy form, in pence.
        reward = records.amount(
            item.get("submission_reward"), "GBP", self._platform, unit="minor", path=REWARD_PATH, kind=Kind.TASK,
            bounds=BOUNDS,
        )  # fmt: skip
        header = EntryHeader(
            platform=self._platform,
            account=self._account.account,
            kind=Kind.TASK,
            occurred_at=occurred,
            currency=reward.currency,
            task_id=study_id,
            record_id=submission_id,
            title=records.title(study.get("name"), "Prolific study"),
            requester=records.name(researcher.get("name")),
        )
        taken = _seconds(item.get("time_taken"))
        estimate = _minutes(study.get("estimated_completion_time"))
        reports = [
            Report(
                header, occurred, Status.IN_PROGRESS, reward, platform_seconds=taken, estimated_minutes=estimate
            )
        ]
        submitted = completed or (
            None if status is not Status.AWAITING_REVIEW else _after(started, taken) or occurred
        )
        if submitted is not None and status.rank >= Status.AWAITING_REVIEW.rank:
            reports.append(Report(header, submitted, Status.AWAITING_REVIEW, reward))
        if status.rank > Status.IN_PROGRESS.rank and status is not Status.AWAITING_REVIEW:
            decided = (returned if status in _LEFT else None) or completed or returned or occurred
            reports.append(Report(header, decided, status, reward))
        reports.extend(
            self._bonuses(item.get("submission_bonuses"), header, completed or occurred, reward.currency)
        )
        return reports

    def _status(self, value: object, subject: str) -> Status:
        spelled = value.strip().upper().replace("_", " ").replace("-", " ") if isinstance(value, str) else ""
        status = _STATUSES.get(" ".join(spelled.split()))
        if status is None:
            unknown = QT_TRANSLATE_NOOP("ProlificEarnings", "{0} has a status SurveyDesk does not know: {1}")
            raise BadPayload(self._platform, unknown.filled(subject, excerpt(value)))
        return status

    def _bonuses(self, value: object, task: EntryHeader, at: datetime, currency: str) -> list[Report]:
        """Each bonus is an entry of its own, named by its submission and its place in the list."""
        if value is None:
            return []
        if not isinstance(value, list):
            raise BadPayload(
                self._platform, QT_TRANSLATE_NOOP("ProlificEarnings", "a submission's bonuses are not a list")
            )
        reports = []
        for index, bonus in enumerate(value):
            money = records.amount(
                bonus, currency, self._platform, unit="minor", path=BONUS_PATH, kind=Kind.BONUS, bounds=BOUNDS
            )
            header = EntryHeader(
                platform=task.platform,
                account=task.account,
                kind=Kind.BONUS,
                occurred_at=at,
                currency=money.currency,
                task_id=task.task_id,
                record_id=f"{task.record_id}/bonus/{index}",
                title=str(BONUS_FOR.filled(task.title)),  # in English (`entry_words`)
                requester=task.requester,
            )
            reports.append(Report(header, at, Status.APPROVED, money))
        return reports


def _seconds(value: object) -> int | None:
    """A `time_taken` in whole seconds, if it is one a study can take."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= LONGEST_TAKEN:
        return None
    return round(value)


def _minutes(value: object) -> int | None:
    """A study's estimate in whole minutes, if it is one a study can have."""
    minutes = fields.count(value)
    return minutes if minutes is not None and 0 < minutes <= LONGEST_TAKEN // 60 else None


def _after(started: datetime | None, seconds: int | None) -> datetime | None:
    return None if started is None or seconds is None else started + timedelta(seconds=seconds)


def _object(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _study_in(url: object) -> str | None:
    """The `STUDY_ID` a submission's study link carries, the last place Prolific's clients look for it."""
    if not isinstance(url, str):
        return None
    try:
        found = parse_qs(urlsplit(url).query).get("STUDY_ID")
    except ValueError:
        return None
    return found[0] if found else None


def _results(page: dict[str, Any], platform: str) -> list[Any]:
    return records.listed(
        page,
        "results",
        platform,
        QT_TRANSLATE_NOOP("ProlificEarnings", "Prolific's answer has no list of submissions"),
    )
