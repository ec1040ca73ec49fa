"""Done when: a worker fills the profile once, takes a demo BitLabs survey and sees the profiler answered from
it; questions it cannot answer are asked and the answers saved; the survey opens at the redirect; a field the
worker did not allow never reaches the server."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QUrl

from surveydesk.core.clock import SystemClock
from surveydesk.core.connector import Connector
from surveydesk.core.model import Account, AccountKey, Task
from surveydesk.core.politeness import Politeness
from surveydesk.demo import DemoExchange
from surveydesk.demo.bitlabs_profiler import UNMAPPED_QUESTION
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID, bitlabs_site
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.profile.sharing import Permission
from surveydesk.secrets import MemorySecrets
from surveydesk.services.background import Background
from surveydesk.store import AccountStore
from surveydesk.ui.profile_controller import ProfileController
from surveydesk.ui.take_flow import TakeFlow
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import Timekeeper
from tests.conftest import one_site
from tests.factories import a_browser
from tests.ui.test_accessibility import unnamed_controls
from tests.windows import attached_window

KEY = AccountKey("bitlabs", "demo")
PROFILE = {
    "gender": "female",
    "birth_date": "1985-06-01",
    "postal_code": "80331",
    "employment": "part_time",
    "children": "2",
    "languages": ("en", "de"),
    "education": "master",
}


@pytest.fixture
def site_and_exchange():
    with one_site(bitlabs_site, seed=9, min_interval=0) as served:
        yield served


@pytest.fixture
def desk(qtbot, site_and_exchange, database, poller, pool):
    """The window, its take flow and the profile controller over one demo BitLabs account."""
    _, exchange = site_and_exchange
    account = Account(KEY, "demo", exchange.url_of("bitlabs"), options={"user_id": BITLABS_USER_ID})
    AccountStore(database).save(account)
    secrets = MemorySecrets({KEY: BITLABS_TOKEN})
    connector = BUILT_IN.build_connector(account, secrets, SystemClock())
    poller.add_account(account, connector, Politeness(min_interval=timedelta(seconds=60)))
    window = attached_window(poller, lambda: datetime.now(UTC))
    qtbot.addWidget(window)
    opened: list[QUrl] = []
    timekeeper = Timekeeper(WorkLog(database), SystemClock())
    take_flow = TakeFlow(poller, Background(pool, window), timekeeper, a_browser(opened.append), window)
    controller = ProfileController(
        window, database, secrets, poller, take_flow, Background(pool, window), SystemClock()
    )
    task = connector.fetch_tasks()[0]
    return controller, take_flow, opened, task, timekeeper


def take(qtbot, controller: ProfileController, take_flow: TakeFlow, task: Task):
    take_flow.take(task)
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.input is not None, timeout=10_000)
    return controller.dialog


def answer_with(qtbot, dialog, answers: list[str]) -> None:
    dialog.input.set_answers(answers)
    before = dialog.input
    dialog.send()
    qtbot.waitUntil(lambda: dialog.input is not before or not dialog.isVisible(), timeout=10_000)


def test_the_profile_answers_the_profiler_and_the_survey_opens(qtbot, desk, site_and_exchange) -> None:
    controller, take_flow, opened, task, timekeeper = desk
    site, _ = site_and_exchange
    for field, value in PROFILE.items():
        controller.store.set_answer(field, value)
        controller.store.set_permission(field, "bitlabs", Permission.ALWAYS)
    controller.store.set_permission("household_income", "bitlabs", Permission.NEVER)

    dialog = take(qtbot, controller, take_flow, task)
    assert unnamed_controls(dialog) == []
    # Everything the profile answers went without a question; the first one left is the youngest child's age.
    assert dialog.question.text() == "How old is your youngest child?"
    assert dialog.filled.count() == 5
    assert dialog.filled.item(0).text() == "What is your gender? → Female"
    answer_with(qtbot, dialog, ["4"])
    # Income: not allowed for BitLabs, so nothing is filled in; the worker skips it.
    assert dialog.question.text() == "What is your household's yearly income before tax?"
    assert dialog.input.answers() == []
    dialog.skip()
    qtbot.waitUntil(lambda: dialog.question.text().startswith("Which of these streaming"), timeout=10_000)
    assert dialog.save_box.isChecked()  # the survey's own question: kept for next time unless unticked
    assert dialog.filled.count() == 7  # languages and education too
    dialog.input.set_answers(["1", "3"])
    with qtbot.waitSignal(dialog.proceed, timeout=10_000) as proceeded:
        dialog.send()
    assert "/bitlabs/survey?clk=" in proceeded.args[0]  # the survey page, named by the click just made
    assert [url.toString() for url in opened] == [proceeded.args[0]]
    assert [attempt.external_id for attempt in timekeeper.open_attempts()] == [task.external_id]  # timed

    received = {question: answers for _, question, answers in site.profiler.received}
    assert received["a1f3c09e2b"] == ("2",) and received["0a7b3c2d65"] == ("1", "2")
    assert "f6e9d0b154" not in received  # never allowed, never sent
    assert controller.store.answers()[f"bitlabs:{UNMAPPED_QUESTION}"] == ("1", "3")
    sent = {(item.platform, item.field) for item in controller.store.disclosures()}
    assert ("bitlabs", "gender") in sent and ("bitlabs", "household_income") not in sent


def test_asking_first_shows_the_profile_s_answer_and_warns_on_a_contradiction(
    qtbot, desk, site_and_exchange
) -> None:
    controller, take_flow, _, task, _ = desk
    site, _ = site_and_exchange
    controller.store.set_answer("gender", "female")  # "ask first" is the default for BitLabs

    dialog = take(qtbot, controller, take_flow, task)
    assert dialog.question.text() == "What is your gender?"
    assert dialog.input.answers() == ["2"]  # filled in from the profile, not sent yet
    assert site.profiler.received == []
    dialog.input.set_answers(["1"])
    dialog.send()
    assert "your profile says “Female”" in dialog.warning.text()
    assert dialog.send_button.text() == "Send anyway" and site.profiler.received == []
    dialog.input.set_answers(["2"])
    answer_with(qtbot, dialog, ["2"])
    assert dialog.question.text() == "What is your date of birth?"
    assert dialog.input.answers() == []  # not in the profile: asked
    answer_with(qtbot, dialog, ["1990-02-03"])
    assert controller.store.answers()["birth_date"] == "1990-02-03"  # saved to the profile
    assert [entry[1:] for entry in site.profiler.received] == [
        ("a1f3c09e2b", ("2",)),
        ("b7d24e8f10", ("1990-02-03",)),
    ]


def test_an_answer_bitlabs_refuses_keeps_the_question_with_its_reason(qtbot, desk, site_and_exchange) -> None:
    controller, take_flow, _, task, _ = desk
    dialog = take(qtbot, controller, take_flow, task)
    answer_with(qtbot, dialog, ["2"])
    assert dialog.question.text() == "What is your date of birth?"
    dialog.input.set_answers(["2020-01-01"])
    dialog.send()  # checked here first: never sent
    assert "at least 18" in dialog.error.text()


def test_leaving_sends_nothing_more_and_opens_nothing(qtbot, desk, site_and_exchange) -> None:
    controller, take_flow, opened, task, _ = desk
    dialog = take(qtbot, controller, take_flow, task)
    with qtbot.waitSignal(dialog.rejected, timeout=10_000):
        dialog.leave()
    assert opened == []


def test_a_dead_flow_offers_the_browser_instead(qtbot, desk, site_and_exchange) -> None:
    controller, take_flow, opened, task, _ = desk
    _, exchange = site_and_exchange
    exchange.inject_fault("bitlabs", 503, b"{}")
    take_flow.take(task)
    qtbot.waitUntil(
        lambda: controller.dialog is not None and controller.dialog.browser_button.isVisibleTo(controller.dialog),
        timeout=10_000,
    )
    assert "trouble" in controller.dialog.error.text()
    with qtbot.waitSignal(controller.dialog.proceed):
        controller.dialog.browser_button.click()
    assert [url.toString() for url in opened] == [task.url]


def test_a_dead_flow_says_why_in_french(qtbot, desk, site_and_exchange, french) -> None:
    controller, take_flow, _, task, _ = desk
    _, exchange = site_and_exchange
    exchange.inject_fault("bitlabs", 503, b"{}")
    take_flow.take(task)

    def says_why() -> None:
        # The same line first says the dialog is asking BitLabs: waiting for any text would catch that one.
        assert controller.dialog is not None
        said = controller.dialog.error.text()
        assert said == "BitLabs rencontre des difficultés (HTTP 503)\xa0; réessayez plus tard"

    qtbot.waitUntil(says_why, timeout=10_000)  # on a timeout, the last failed comparison shows the text there was


def test_a_refused_take_is_said_in_french_with_the_wall_s_title(qtbot, desk, french) -> None:
    _, take_flow, opened, task, _ = desk
    assert task.title.startswith("Survey · ")
    with qtbot.waitSignal(take_flow.said, check_params_cb=lambda text: text.startswith("Impossible")) as said:
        take_flow.take(replace(task, url=""))
    assert said.args[0] == (
        f"Impossible de prendre «\xa0Enquête · {task.title.removeprefix('Survey · ')}\xa0»\xa0: "
        "BitLabs n’a donné aucun lien web pour cette enquête"
    )
    assert opened == []


def test_mturk_tasks_listed_before_a_poll_are_marked_once_it_brings_requirements(
    qtbot, database, poller, pool
) -> None:
    """Tasks loaded from the store at start-up have no requirements until their connector's first poll, which
    may change none of them: the first successful poll of each account marks the whole list again."""
    from surveydesk.core.model import PlatformStatus, PollState
    from surveydesk.demo.mturk_site import MTURK_COOKIE
    from surveydesk.ui.task_model import Column

    with DemoExchange(seed=4) as exchange:
        key = AccountKey("mturk", "demo")
        account = Account(key, "demo", exchange.url_of("mturk"))
        secrets = MemorySecrets({key: MTURK_COOKIE})
        stored = BUILT_IN.build_connector(account, secrets, SystemClock()).fetch_tasks()  # what the store holds
        connector = BUILT_IN.build_connector(account, secrets, SystemClock())
        poller.add_account(account, connector, Politeness(min_interval=timedelta(seconds=60)))
        window = attached_window(poller, lambda: datetime.now(UTC))
        qtbot.addWidget(window)
        take_flow = TakeFlow(poller, Background(pool, window), None, a_browser(lambda _url: None), window)
        controller = ProfileController(
            window, database, MemorySecrets(), poller, take_flow, Background(pool, window), SystemClock()
        )
        controller.store.set_answer("country", "DE")
        controller.refresh_marks()
        model = window.model
        model.task_list.reset(stored)

        def marks() -> list[str]:
            return [model.index(row, Column.FIT).data() for row in range(model.rowCount())]

        assert set(marks()) == {""}  # nothing known of their requirements yet
        connector.fetch_tasks()
        poller.status_changed.emit(PlatformStatus(key, "demo", PollState.OK))
        assert "✗ cannot take" in marks()
        tips = [
            model.index(row, Column.FIT).data(Qt.ItemDataRole.ToolTipRole) or "" for row in range(model.rowCount())
        ]
        assert any("is for workers in US; your profile says DE" in tip for tip in tips)


def test_a_stored_task_is_marked_and_taken_before_any_poll_with_its_connector_built_on_the_pool(
    qtbot, site_and_exchange, database, poller, pool
) -> None:
    """Before its account's first poll, a task loaded from the store is marked without building the account's
    connector (it learnt no requirements yet), and taking it builds the connector in the take's job on the pool:
    built on the GUI thread, its imports (about 0.1 s the first time) paused the window."""
    _, exchange = site_and_exchange
    account = Account(KEY, "demo", exchange.url_of("bitlabs"), options={"user_id": BITLABS_USER_ID})
    secrets = MemorySecrets({KEY: BITLABS_TOKEN})
    on_gui_thread: list[bool] = []  # for each connector built, whether the GUI thread built it

    def build() -> Connector:
        on_gui_thread.append(threading.current_thread() is threading.main_thread())
        return BUILT_IN.build_connector(account, secrets, SystemClock())

    poller.add_account_built_later(account, build, Politeness(min_interval=timedelta(seconds=60)))
    window = attached_window(poller, lambda: datetime.now(UTC))
    qtbot.addWidget(window)
    opened: list[QUrl] = []
    take_flow = TakeFlow(poller, Background(pool, window), None, a_browser(opened.append), window)
    controller = ProfileController(
        window, database, secrets, poller, take_flow, Background(pool, window), SystemClock()
    )
    task = BUILT_IN.build_connector(account, secrets, SystemClock()).fetch_tasks()[0]  # what the store holds
    window.model.task_list.reset([task])
    controller.refresh_marks()
    assert on_gui_thread == []
    with qtbot.waitSignal(take_flow.taken, timeout=10_000):  # no account stored: no profiler, the page opens
        take_flow.take(task)
    assert on_gui_thread == [False]
    assert [url.toString() for url in opened] == [task.url]
