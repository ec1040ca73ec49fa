"""Adding a platform is one folder, one demo site and one registry line: a throw-away platform, written into a
temporary package here exactly as docs/architecture.md's "Adding a platform" tells, is polled, reconciled and
offered in the accounts dialog by the app as the composition root builds it, with no other file touched."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from surveydesk.app import build_core, parse_args
from surveydesk.core.earnings import Status
from surveydesk.core.model import AccountKey, MergeResult
from surveydesk.ledger.store import LedgerStore
from surveydesk.platforms.registry import PLATFORM_PACKAGES, Registry
from surveydesk.store.accounts import AccountStore

# The platform's folder: its SPEC, its tasks reader and its earnings reader.
PLATFORM = {
    "__init__.py": '''
        """QuizHub: quizzes paid in euro cents."""

        from surveydesk.platforms.cookie_sign_in import CookieSignIn
        from surveydesk.platforms.spec import PlatformSpec, client, seconds
        from surveydesk.platforms.web_session import at_page


        def quizhub_sign_in(page="https://quizhub.example/sign-in"):
            """Signed in to on its own page, which keeps the session in a cookie."""
            return CookieSignIn(page, frozenset({"quiz-session"}))


        SPEC = PlatformSpec(
            platform="quizhub",
            name="QuizHub",
            base_url="https://quizhub.example",
            options=(),
            connector=client("quizhub.tasks:QuizHubTasks"),
            earnings=client("quizhub.earnings:QuizHubEarnings"),
            cadence=seconds(floor=1, default=1),
            demo_site="quizhub.demo_site",
            sign_in=at_page(quizhub_sign_in),
        )
    ''',
    "replies.py": '''
        """What both readers share: asking QuizHub with the password, and its statuses as typed errors."""

        from datetime import timedelta

        from surveydesk.core.translatable import QT_TRANSLATE_NOOP
        from surveydesk.net.http import get, json_object
        from surveydesk.net.status import raise_for_status
        from surveydesk.platforms.client import AccountClient


        class QuizHubClient(AccountClient):
            def _ask(self, path):
                headers = {"Authorization": f"Bearer {self._secret_provider() or ''}"}
                response = get(self._session, self._base_url + path, platform=self._platform, headers=headers)
                raise_for_status(
                    response, self._platform, "QuizHub", self._clock.now(),
                    login_refused=QT_TRANSLATE_NOOP("PlatformError", "QuizHub refused the password"),
                    fallback_wait=timedelta(minutes=1),
                )
                return json_object(response, self._platform)
    ''',
    "tasks.py": """
        from surveydesk.core.model import Task
        from surveydesk.core.money import Money
        from surveydesk.core.take import TakeResult
        from quizhub.replies import QuizHubClient


        class QuizHubTasks(QuizHubClient):
            def fetch_tasks(self):
                now = self._clock.now()
                return [
                    Task(self._platform, self._account.account, quiz["id"], quiz["title"],
                         Money(quiz["cents"], "EUR"), now, now, url=self._base_url + "/quiz/" + quiz["id"])
                    for quiz in self._ask("/quizzes")["quizzes"]
                ]

            def take(self, task):
                return TakeResult(task.url, "The quiz is open in your browser.")
    """,
    "earnings.py": """
        from datetime import datetime

        from surveydesk.core.money import Money
        from surveydesk.core.earnings import Batch, EntryHeader, Kind, Report, Status
        from quizhub.replies import QuizHubClient


        class QuizHubEarnings(QuizHubClient):
            def read(self, cursor):
                reports = []
                for paid in self._ask("/payments")["payments"]:
                    at = datetime.fromisoformat(paid["at"])
                    header = EntryHeader(self._platform, self._account.account, Kind.TASK, at, "EUR",
                                         task_id=paid["quiz"], record_id=paid["id"], title=paid["title"])
                    reports.append(Report(header, at, Status.APPROVED, Money(paid["cents"], "EUR")))
                yield Batch(tuple(reports), "", True)
    """,
    # Its demo site, which the registry names and the demo exchange serves.
    "demo_site.py": """
        from surveydesk.demo.wire import DemoSite, json_response

        PASSWORD = "quiz-demo"
        QUIZZES = [
            {"id": "q1", "title": "Capitals of Europe", "cents": 40},
            {"id": "q2", "title": "Rivers of France", "cents": 55},
        ]
        PAYMENTS = [{"id": "p1", "quiz": "q0", "title": "Birds", "cents": 30, "at": "2025-03-20T10:00:00+00:00"}]


        class QuizHubSite:
            platform = "quizhub"

            def handle(self, request):
                if request.headers.get("authorization") != f"Bearer {PASSWORD}":
                    return json_response(401, {"error": "who are you?"})
                if request.path == "/quizzes":
                    return json_response(200, {"quizzes": QUIZZES})
                if request.path == "/payments":
                    return json_response(200, {"payments": PAYMENTS})
                return json_response(404, {"error": "no such page"})


        DEMO = DemoSite(lambda context: QuizHubSite(), PASSWORD)
    """,
}
QUIZHUB = AccountKey("quizhub", "demo")


@pytest.fixture
def registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Registry:
    folder = tmp_path / "packages" / "quizhub"
    folder.mkdir(parents=True)
    for name, source in PLATFORM.items():
        (folder / name).write_text(textwrap.dedent(source).lstrip(), encoding="utf-8")
    monkeypatch.syspath_prepend(str(folder.parent))
    return Registry.from_packages([*PLATFORM_PACKAGES, "quizhub"])  # the registry line


def test_a_platform_from_one_folder_is_polled_reconciled_and_offered(qtbot, tmp_path: Path, registry: Registry):
    from surveydesk.services.background import Background
    from surveydesk.ui.accounts_dialog import AccountsDialog
    from surveydesk.ui.sign_in_process import SignInApart

    with build_core(parse_args(["--demo", "--data-dir", str(tmp_path / "data"), "--seed", "2"]), registry) as core:
        assert QUIZHUB in {account.key for account in AccountStore(core.database).list_accounts()}

        polled: list[MergeResult] = []
        core.poller.tasks_changed.connect(lambda result: polled.append(result))
        core.poller.start()
        qtbot.waitUntil(lambda: any(result.account == QUIZHUB for result in polled), timeout=20_000)
        (quizzes,) = [result for result in polled if result.account == QUIZHUB]
        assert sorted((task.title, task.reward.minor) for task in quizzes.new) == [
            ("Capitals of Europe", 40), ("Rivers of France", 55),
        ]  # fmt: skip

        with qtbot.waitSignal(
            core.reconciliation.synced, timeout=20_000, check_params_cb=lambda result: result.account == QUIZHUB
        ):
            core.reconciliation.sync_now()
        (entry,) = LedgerStore(core.database).entries(QUIZHUB)
        assert (entry.title, entry.status, entry.amount.minor) == ("Birds", Status.APPROVED, 30)

        dialog = AccountsDialog(
            AccountStore(core.database),
            core.secrets,
            core.clock,
            Background(core.pool),
            core.registry,
            sign_ins=core.sign_ins,
            signed_in=core.signed_in,
            sign_in_apart=SignInApart("en", core.sign_in_places, hand_back=True),
        )
        qtbot.addWidget(dialog)
        offered = [dialog.platform.itemText(index) for index in range(dialog.platform.count())]
        listed = [dialog.account_list.item(row).text() for row in range(dialog.account_list.count())]
        assert "QuizHub" in offered and "QuizHub — demo" in listed

        # At the real sites, it is signed in to on its own page, as its spec states.
        real = AccountsDialog(
            AccountStore(core.database),
            core.secrets,
            core.clock,
            Background(core.pool),
            core.registry,
            sign_ins=core.registry.sign_ins(),
            signed_in=core.signed_in,
            sign_in_apart=SignInApart("en", hand_back=True),
        )
        qtbot.addWidget(real)
        real.new_account()
        real.platform.setCurrentIndex(real.platform.findData("quizhub"))
        assert real.connection_row.isVisibleTo(real) and not real.wall_link.isVisibleTo(real)
        assert (
            core.registry.sign_ins().web["quizhub"].session_watch().start_url == "https://quizhub.example/sign-in"
        )
        core.poller.stop()
        core.platform_pool.waitForDone(20_000)
        core.pool.waitForDone(20_000)
