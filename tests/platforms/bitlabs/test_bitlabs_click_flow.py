"""BitLabs' click flow end to end against the demo exchange: questions answered from the profile, skipped,
asked of the worker, refused when invalid, left, and the redirect to the survey at the end."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import requests

from surveydesk.core.errors import AuthExpired, BadPayload, RateLimited, Unavailable
from surveydesk.core.model import AccountKey, Task
from surveydesk.core.questions import ClickRefused, ClickStep, Question
from surveydesk.demo import DemoExchange
from surveydesk.demo.bitlabs_profiler import CHILDREN, UNMAPPED_QUESTION, YOUNGEST_CHILD, BitLabsProfiler
from surveydesk.demo.bitlabs_site import BITLABS_TOKEN, BITLABS_USER_ID, bitlabs_site
from surveydesk.platforms.bitlabs.clicks import BitLabsClicks, impression_of
from surveydesk.platforms.bitlabs.tasks import BitLabsConnector
from surveydesk.profile.mappings import load_bitlabs_mapping
from surveydesk.profile.profiler import Fill, learned_from, plan
from surveydesk.profile.schema import load_schema
from surveydesk.profile.sharing import Permission
from tests.conftest import one_site
from tests.factories import FixedClock

ACCOUNT = AccountKey("bitlabs", "main")
OPTIONS = {"user_id": BITLABS_USER_ID}
TODAY = datetime.now(UTC).date()
SCHEMA = load_schema()
MAPPING = load_bitlabs_mapping()
PROFILE = {
    "gender": "female",
    "birth_date": "1985-06-01",
    "postal_code": "80331",
    "employment": "part_time",
    "children": "0",
    "languages": ("en", "de", "pl"),
    "education": "master",
}


@pytest.fixture
def site_and_exchange():
    with one_site(bitlabs_site, seed=5, min_interval=0) as served:
        yield served


def first_task(exchange: DemoExchange, session: requests.Session) -> Task:
    connector = BitLabsConnector(
        ACCOUNT, exchange.url_of("bitlabs"), lambda: BITLABS_TOKEN, session, FixedClock(), OPTIONS
    )
    return connector.fetch_tasks()[0]


def clicks_for(
    exchange: DemoExchange, session: requests.Session, token: str | None = BITLABS_TOKEN
) -> BitLabsClicks:
    return BitLabsClicks(ACCOUNT, exchange.url_of("bitlabs"), lambda: token, session, FixedClock(), OPTIONS)


def permissions(value: Permission) -> dict[str, Permission]:
    return {field.id: value for field in SCHEMA.fields}


def run_from_profile(
    clicks: BitLabsClicks, click_id: str, step: ClickStep, allowed: Permission, stop_at: str = ""
) -> list[Question]:
    """Answer what the profile answers, skip what may be skipped; the questions left to the worker."""
    asked: list[Question] = []
    while step.question is not None:
        if step.question.id == stop_at:
            return [*asked, step.question]
        item = plan(step.question, SCHEMA, MAPPING, PROFILE, permissions(allowed), TODAY, "bitlabs")
        if item.fill is not Fill.ASK:
            step = clicks.answer(click_id, item.answers)
        elif step.question.can_skip:
            asked.append(step.question)
            step = clicks.skip(click_id)
        else:
            return [*asked, step.question]
    return asked


def test_the_click_url_names_an_impression_and_a_session() -> None:
    docs = "https://api.bitlabs.ai/v2/client/clicks?i=7e0ae30e-96af-4843-b447-e86a05688691&s=e59b6d24-c5c0"
    assert impression_of(docs) == {"s": "e59b6d24-c5c0", "i": "7e0ae30e-96af-4843-b447-e86a05688691"}
    assert impression_of("https://api.bitlabs.ai/v2/client/clicks?s=e59b") is None
    assert impression_of("https://x/?i=../../etc&s=1") is None
    assert impression_of("https://x/?i=a%2Fb&s=1") is None
    assert impression_of("https://x/?i=a&i=b&s=1") is None


def test_the_click_is_created_from_the_impression_and_its_own_id_used(site_and_exchange, session) -> None:
    """The `i` of a click URL is an impression: the flow runs on the id `POST /v2/client/clicks` answers."""
    site, exchange = site_and_exchange
    task = first_task(exchange, session)
    sent: list[tuple[str, str]] = []
    session.hooks["response"].append(lambda reply, *args, **kwargs: sent.append((reply.request.method, reply.url)))
    clicks = clicks_for(exchange, session)

    click_id, step = clicks.start(task)

    impression = impression_of(task.url)
    assert impression is not None and click_id not in (impression["i"], impression["s"], task.external_id)
    (create_method, create_url), (_, step_url) = sent
    assert create_method == "POST" and impression_of(create_url) == impression
    assert step_url.endswith(f"/v2/client/clicks/{click_id}") and step.question is not None
    clicks.answer(click_id, ["2"])
    assert [click for click, _, _ in site.profiler.received] == [click_id]


def test_the_click_url_opened_in_a_browser_redirects_to_the_survey_with_its_click(
    site_and_exchange, session
) -> None:
    _, exchange = site_and_exchange
    task = first_task(exchange, session)

    opened = session.get(task.url, timeout=5, allow_redirects=False)

    assert opened.status_code == 307 and "/survey?clk=" in opened.headers["Location"]
    assert "survey" in session.get(opened.headers["Location"], timeout=5).text


def test_the_profile_answers_the_profiler_then_the_redirect_opens_the_survey(site_and_exchange, session) -> None:
    site, exchange = site_and_exchange
    task = first_task(exchange, session)
    clicks = clicks_for(exchange, session)
    click_id, step = clicks.start(task)
    assert step.question is not None and step.question.type == "SINGLE" and step.required
    left_to_worker = run_from_profile(clicks, click_id, step, Permission.ALWAYS)
    # Income is not in this profile (skipped); the survey's own question is no profile field's (skipped too).
    assert [question.id for question in left_to_worker] == ["f6e9d0b154", UNMAPPED_QUESTION]
    sent = {question: answers for _, question, answers in site.profiler.received}
    assert sent["a1f3c09e2b"] == ("2",)  # female
    assert sent["b7d24e8f10"] == ("1985-06-01",)
    assert sent["0a7b3c2d65"] == ("1", "2")  # English and German; Polish is not offered
    assert sent[CHILDREN] == ("0",) and YOUNGEST_CHILD not in sent  # the skip rule held
    final = clicks.step(click_id)
    assert final.question is None and final.redirect_type == "survey"
    page = session.get(final.redirect_url, timeout=5)
    assert page.status_code == 200 and "survey" in page.text


def test_a_field_the_worker_did_not_allow_never_reaches_the_server(site_and_exchange, session) -> None:
    site, exchange = site_and_exchange
    clicks = clicks_for(exchange, session)
    _, step = clicks.start(first_task(exchange, session))
    assert step.question is not None
    item = plan(step.question, SCHEMA, MAPPING, PROFILE, permissions(Permission.NEVER), TODAY, "bitlabs")
    assert item.fill is Fill.ASK and item.answers == ()  # put to the worker, with nothing filled in
    assert site.profiler.received == []


def test_an_unknown_question_is_asked_and_its_answer_kept_for_next_time(site_and_exchange, session) -> None:
    site, exchange = site_and_exchange
    clicks = clicks_for(exchange, session)
    click_id, step = clicks.start(first_task(exchange, session))
    question = run_from_profile(clicks, click_id, step, Permission.ALWAYS, stop_at=UNMAPPED_QUESTION)[-1]
    assert question.id == UNMAPPED_QUESTION and question.text.startswith("Which of these streaming services")
    item = plan(question, SCHEMA, MAPPING, PROFILE, permissions(Permission.ALWAYS), TODAY, "bitlabs")
    assert item.fill is Fill.ASK and item.schema_field is None  # no profile field: the worker answers
    learned = learned_from(item, ["1", "3"], MAPPING, PROFILE, "bitlabs")
    assert learned is not None and learned.field == f"bitlabs:{UNMAPPED_QUESTION}" and learned.value == ("1", "3")
    assert learned.label == question.text and learned.platform == "bitlabs"
    again = plan(question, SCHEMA, MAPPING, {learned.field: learned.value}, {}, TODAY, "bitlabs")
    assert again.fill is Fill.CONFIRM and again.answers == ("1", "3")  # next time: shown ready to send
    clicks.answer(click_id, again.answers)
    assert site.profiler.received[-1][1:] == (UNMAPPED_QUESTION, ("1", "3"))


def test_an_invalid_answer_is_refused_with_bitlabs_reason(site_and_exchange, session) -> None:
    site, exchange = site_and_exchange
    clicks = clicks_for(exchange, session)
    click_id, step = clicks.start(first_task(exchange, session))
    with pytest.raises(ClickRefused, match="unknown answer code"):
        clicks.answer(click_id, ["7"])
    step = clicks.answer(click_id, ["1"])
    assert step.question is not None and step.question.type == "DATE"
    assert step.question.problem(["2020-01-01"], TODAY) is not None  # checked here before it is sent
    with pytest.raises(ClickRefused, match="age out of range"):
        clicks.answer(click_id, ["2020-01-01"])
    with pytest.raises(ClickRefused, match="cannot be skipped"):
        clicks.skip(click_id)
    assert [answers for _, _, answers in site.profiler.received] == [("1",)]


def test_leaving_ends_the_click(site_and_exchange, session) -> None:
    _, exchange = site_and_exchange
    clicks = clicks_for(exchange, session)
    click_id, _ = clicks.start(first_task(exchange, session))
    clicks.leave(click_id, "TOO_LONG")
    with pytest.raises(ClickRefused, match="left"):
        clicks.step(click_id)
    with pytest.raises(ValueError, match="no leave reason"):
        clicks.leave(click_id, "BORED")


def test_a_wrong_token_is_an_expired_login_and_never_echoed(site_and_exchange, session) -> None:
    _, exchange = site_and_exchange
    task = first_task(exchange, session)
    with pytest.raises(AuthExpired):
        clicks_for(exchange, session, token="wrong-token-123").start(task)
    with pytest.raises(AuthExpired):
        clicks_for(exchange, session, token=None).start(task)


def asking(**question: object) -> bytes:
    return json.dumps({"data": {"answer_question": {"question": {"localized_text": "?", **question}}}}).encode()


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (asking(id="q1", type="COLOUR"), "unknown type"),
        (asking(id="../x", type="TEXT"), "unreadable id"),
        (asking(id="q1", type="SINGLE", answers=[]), "no readable answers"),
        (asking(id="q1", type="SINGLE", answers=[{"code": 1, "localized_text": "One"}]), "answer .* unreadable"),
        (asking(id="q1", type="TEXT", localized_text=""), "no text"),
        (b'{"data": {"redirect": {"url": "javascript:alert(1)", "type": "survey"}}}', "neither a question"),
        (b'{"data": null}', "no next step"),
        (b"<html>", "not JSON"),
    ],
)
def test_hostile_replies_are_typed_errors(site_and_exchange, session, body: bytes, problem: str) -> None:
    _, exchange = site_and_exchange
    clicks = clicks_for(exchange, session)
    click_id = clicks.create(first_task(exchange, session))
    exchange.inject_fault("bitlabs", 200, body)
    with pytest.raises(BadPayload, match=problem):
        clicks.step(click_id)


@pytest.mark.parametrize(
    "body", [b'{"data": {"id": "../x"}}', b'{"data": {}}', b'{"data": {"id": 7}}', b'{"data": null}']
)
def test_a_created_click_without_a_usable_id_is_a_typed_error(site_and_exchange, session, body: bytes) -> None:
    _, exchange = site_and_exchange
    task = first_task(exchange, session)
    exchange.inject_fault("bitlabs", 200, body)
    with pytest.raises(BadPayload, match="did not say which click"):
        clicks_for(exchange, session).start(task)


def test_question_texts_are_cleaned_of_control_characters(site_and_exchange, session) -> None:
    _, exchange = site_and_exchange
    clicks = clicks_for(exchange, session)
    click_id = clicks.create(first_task(exchange, session))
    rules = {"min": 1, "max": 5, "regex": "^[a-z]+$"}
    exchange.inject_fault(
        "bitlabs",
        200,
        asking(id="q1", type="TEXT", localized_text="Your \u202ename\u0007?", validation_info=rules),
    )
    step = clicks.step(click_id)
    assert step.question is not None and step.question.text == "Your name?"
    assert step.question.problem(["abcdef"], TODAY) == "Enter at most 5 characters."
    assert step.question.problem(["AB"], TODAY) == "This answer is not in the form the survey asks for."


def test_the_profiler_refuses_clicks_of_closed_surveys() -> None:
    profiler = BitLabsProfiler(lambda _click: None, lambda: TODAY)
    from surveydesk.demo.wire import Request

    reply = profiler.handle(Request("http://x", "/v2/client/clicks/abc", "", {}, "GET", b""), "abc")
    assert reply.status == 404


def test_rate_limits_and_outages_are_typed_with_the_server_s_wait(site_and_exchange, session) -> None:
    _, exchange = site_and_exchange
    task = first_task(exchange, session)
    clicks = clicks_for(exchange, session)
    exchange.inject_fault("bitlabs", 429, b"{}", headers=(("Retry-After", "17"),))
    with pytest.raises(RateLimited, match="17 s") as caught:
        clicks.start(task)
    assert (caught.value.retry_at - FixedClock().now()).total_seconds() == 17
    exchange.inject_fault("bitlabs", 502, b"<html>bad gateway</html>", "text/html")
    with pytest.raises(Unavailable):
        clicks.start(task)
    echo = json.dumps({"error": {"details": {"http": "406", "msg": f"vpn detected for {BITLABS_TOKEN}"}}})
    exchange.inject_fault("bitlabs", 406, echo.encode())
    with pytest.raises(ClickRefused) as refused:
        clicks.start(task)
    assert "vpn detected" in refused.value.message and BITLABS_TOKEN not in refused.value.message
