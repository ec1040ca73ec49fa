"""The demo exchange's CPX Research: the survey list, its md5 secure hash, its 120 s refresh rule, click pages,
and the member's unpaid transactions (an inbox), all in the rewards site's coins."""

from __future__ import annotations

import hashlib
import html
import math
import threading
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from surveydesk.core.money import Money
from surveydesk.core.points import PointsValue
from surveydesk.demo.catalog import Study
from surveydesk.demo.market import Market
from surveydesk.demo.payroll import Payroll, Stage, Submission
from surveydesk.demo.wire import (
    HTML_TYPE,
    JSON_TYPE,
    DemoSite,
    Request,
    Response,
    SiteContext,
    encode_json,
    method_not_allowed,
)

CPX_APP_ID: Final = "1234"
CPX_EXT_USER_ID: Final = "demo-user"
CPX_SECRET: Final = "demo-cpx-secret"  # noqa: S105 - a public demo credential, on purpose
SURVEYS_PATH: Final = "/api/get-surveys.php"
CLICK_PATH: Final = "/click"
# The demo's rewards site credits its members in coins, one per US cent of this share of what it earns
# (`payout_publisher_usd`), and says so by name in every reply (`text`, as CPX's SDK reads it).
USER_SHARE_PERCENT: Final = 50
COINS: Final = {"currency_name_singular": "Coin", "currency_name_plural": "Coins"}
INBOX_DAYS: Final = timedelta(days=1)  # how long a settled transaction stays in the unpaid list
# The profile parameters CPX's documentation names (v1.1); the site records which ones each request carried.
PROFILE_PARAMS: Final = (
    "main_info", "birthday_day", "birthday_month", "birthday_year", "gender", "user_country_code", "zip_code",
)  # fmt: skip
_CLOSED_PAGE: Final = b"<!doctype html><title>Not found</title><p>This survey has closed.</p>"


def cpx_site(context: SiteContext, min_interval: float = 120.0) -> CPXSite:
    """The factory the exchange builds CPX Research from, on a market of its own."""
    site = CPXSite(context.market(3), CPX_APP_ID, CPX_SECRET, min_interval, context.clock)
    site.payroll = context.payroll(3, lambda study, seed: (_survey_id(study), str(int(seed[:10], 16))))
    return site


def expected_hash(ext_user_id: str, secret: str) -> str:
    """What CPX checks `secure_hash` against: md5 of the user id, a dash and the app's secret key."""
    return hashlib.md5(f"{ext_user_id}-{secret}".encode(), usedforsecurity=False).hexdigest()


class CPXSite:
    """Speaks CPX's `get-surveys.php` over a market for one app, whose users are anyone the app vouches for.

    CPX answers every request with HTTP 200 and tells failures by `status: error`, so this site does too. Any
    `ext_user_id` is served when `secure_hash` matches it, as CPX trusts the app to name its users; an app that
    asks for no signature (`signature_required` false: its wall links carry none) serves any user without one.
    """

    platform = "cpx"

    def __init__(
        self, market: Market, app_id: str, secret: str, min_interval: float, clock: Callable[[], float]
    ) -> None:
        self._market = market
        self._app_id = app_id
        self._secret = secret
        self._min_interval = min_interval
        self._clock = clock
        self._lock = threading.Lock()
        self._last_accepted: dict[str, float] = {}
        self.payroll: Payroll | None = None  # the users' transactions; without one, jsscriptv1 is refused
        self.profile_params_received: list[dict[str, str]] = []  # per survey request, for tests to check
        self.signature_required = True

    def handle(self, request: Request) -> Response:
        if request.method != "GET":
            return method_not_allowed("GET")
        if request.path == SURVEYS_PATH:
            return self._surveys(request)
        if request.path == CLICK_PATH:
            return self._click_page(request.query.get("k", ""))
        return _reply({"status": "error", "message": "not found"}, status=404)

    def _surveys(self, request: Request) -> Response:
        query = request.query
        user_id = query.get("ext_user_id", "")
        if query.get("app_id") != self._app_id:
            return _error("app_id is missing or unknown")
        if not user_id:
            return _error("ext_user_id is missing")
        signature = query.get("secure_hash")
        checked = signature is not None or self.signature_required
        if checked and signature != expected_hash(user_id, self._secret):
            return _error("secure_hash is wrong")
        if query.get("output_method") == "jsscriptv1" and self.payroll is not None:
            # The SDK's form, which adds the member's unpaid transactions when asked; the 120 s rule is the
            # survey list's.
            unpaid = transactions(self.payroll) if query.get("show_unpaid_transactions") == "1" else []
            return _reply({"status": "success", "surveys": [], "transactions": unpaid, "text": COINS})
        if query.get("output_method") != "api":
            return _error("output_method must be api")
        self.profile_params_received.append({key: query[key] for key in PROFILE_PARAMS if key in query})
        with self._lock:
            now = self._clock()
            last = self._last_accepted.get(user_id)
            if last is not None and now - last < self._min_interval:
                wait = max(1, math.ceil(last + self._min_interval - now))
                return _error(f"please refresh at most every {self._min_interval:g} seconds; wait {wait} seconds")
            self._last_accepted[user_id] = now
        _, studies = self._market.snapshot()
        ranked = sorted(studies, key=lambda study: study.reward_per_hour.minor, reverse=True)
        limit = query.get("limit", "")
        shown = ranked[: int(limit)] if limit.isdigit() else ranked
        return _reply(
            {
                "status": "success",
                "count_available_surveys": len(ranked),
                "count_returned_surveys": len(shown),
                "surveys": [_survey(request.site_url, study) for study in shown],
                "text": COINS,  # [G: the docs' `api` example has no `text`; the SDK's replies do]
            }
        )

    def _click_page(self, survey_id: str) -> Response:
        _, studies = self._market.snapshot()
        study = next((study for study in studies if _survey_id(study) == survey_id), None)
        if study is None:
            return Response(404, _CLOSED_PAGE, HTML_TYPE)
        if self.payroll is not None:  # following the link is taking the survey
            self.payroll.take(study, survey_id, str(int(study.id[:10], 16)))
        return Response(200, _page(study), HTML_TYPE)


def _survey_id(study: Study) -> str:
    """A CPX-style numeric id, the same at every poll."""
    return str(int(study.id[-8:], 16))


def _survey(site_url: str, study: Study) -> dict[str, object]:
    """One survey in the docs' form, with `loi` and `payout` as strings for some and numbers for others."""
    survey_id = _survey_id(study)
    digits = int(study.id[-6:], 16)  # stable per study, so a survey's details do not change between polls
    coins = _coins(study.reward)
    return {
        "id": survey_id,
        "loi": str(study.minutes) if digits % 2 else study.minutes,
        "payout": coins if digits % 3 else str(coins),
        "conversion_rate": f"{40 + digits % 61:.2f}",
        "score": f"{study.reward_per_hour.minor / 100:.4f}",
        "statistics_rating_count": str(digits % 40),
        "statistics_rating_avg": str(digits % 6),
        "type": "need_qualification" if study.custom_screening or digits % 4 == 0 else "",
        "top": 1 if digits % 5 == 0 else 0,
        "details": 0,
        "payout_publisher_usd": f"{study.reward.minor // 100}.{study.reward.minor % 100:02d}",
        "href": f"{site_url}{CLICK_PATH}?k={survey_id}&subid_1=&subid_2=",
        # The docs' mobile-optimised link, which readers prefer (docs/platforms.md); the demo has one design.
        "href_new": f"{site_url}{CLICK_PATH}?k={survey_id}&subid_1=&subid_2=",
    }


def _coins(price: Money) -> int:
    """What the demo's rewards site credits for a survey of this price (in cents, read as US cents)."""
    return (price.minor * USER_SHARE_PERCENT + 50) // 100


def transactions(payroll: Payroll) -> list[dict[str, object]]:
    """The member's unpaid transactions (`show_unpaid_transactions=1`): a complete or a screen-out ("out"),
    status 1 once done and 2 once canceled, and bonuses of their own. The demo's rewards site settles with its
    members daily: a transaction leaves the list a day after it was paid out, canceled or screened out."""
    now, submissions = payroll.history()
    listed: list[dict[str, object]] = []
    for submission in submissions:
        stage = submission.stage(now)
        settled = {
            Stage.PAID: submission.paid_at,
            Stage.REVERSED: submission.reversed_at,
            Stage.REJECTED: submission.decided_at,
            Stage.SCREENED_OUT: submission.decided_at,
        }.get(stage)
        if stage in (Stage.ACTIVE, Stage.RETURNED, Stage.TIMED_OUT) or (settled and now - settled > INBOX_DAYS):
            continue
        status = "2" if stage in (Stage.REVERSED, Stage.REJECTED) else "1"
        kind = "out" if stage is Stage.SCREENED_OUT else "complete"
        amount = submission.reward if stage is not Stage.AWAITING_REVIEW else submission.study.reward
        listed.append(_transaction(submission, submission.record_id, kind, status, amount))
        bonus = submission.bonus_given(now)
        if bonus is not None:
            listed.append(_transaction(submission, submission.record_id + "1", "bonus", "1", bonus))
    return listed


def _transaction(
    submission: Submission, trans_id: str, kind: str, status: str, amount: Money
) -> dict[str, object]:
    """One transaction: the site earns twice the member's `amount`, which she is credited a coin a cent."""
    return {
        "trans_id": trans_id,
        "message_id": f"m{trans_id}",
        "type": kind,
        "verdienst_publisher": str(Money(amount.minor * 2, "USD").as_decimal()),
        "verdienst_user_local_money": str(amount.minor),
        "subid_1": "",
        "subid_2": "",
        "datetime": submission.submitted_at.strftime("%Y-%m-%d %H:%M:%S"),
        "status": status,
        "survey_id": submission.task_id,
        "ip": "203.0.113.5",
        "loi": str(submission.study.minutes),
        "is_paid_to_user": "0",
        "is_paid_to_user_datetime": "",
        "is_paid_to_user_type": "",
    }


def _error(message: str) -> Response:
    return _reply({"status": "error", "message": message})


def _reply(payload: object, status: int = 200) -> Response:
    """JSON as CPX's PHP writes it, slashes escaped (`https:\\/\\/`): any JSON reader must cope."""
    return Response(status, encode_json(payload).replace(b"/", b"\\/"), JSON_TYPE)


def _page(study: Study) -> bytes:
    """The page a survey's link opens: the demo runs no real survey, so it says so."""
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8"><title>Survey · CPX Research (demo)</title></head><body>\n'
        f"<h1>A survey of about {study.minutes} minutes</h1>\n"
        f"<p>{html.escape(study.description)}</p>\n"
        "<p><small>SurveyDesk demo exchange: no real survey runs here.</small></p>\n"
        "</body></html>\n"
    ).encode()


# The demo worker's account keeps what her wall link carries: the signature, never the app's key; her coins
# are worth a cent each, from long before the demo's history begins.
DEMO: Final = DemoSite(
    cpx_site,
    expected_hash(CPX_EXT_USER_ID, CPX_SECRET),
    {"app_id": CPX_APP_ID, "ext_user_id": CPX_EXT_USER_ID, "currency": "USD"},
    PointsValue(date(2000, 1, 1), Decimal(100), Money(100, "USD")),
)
