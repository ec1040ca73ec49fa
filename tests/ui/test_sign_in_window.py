"""The sign-in window against the demo's sign-in pages, in the real Qt WebEngine (offscreen): the worker fills the
platform's own forms, and the window hands over the session it watched for (page storage for Prolific, cookies,
HttpOnly ones included, for MTurk and Toloka) and closes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from surveydesk.demo import DemoExchange
from surveydesk.demo.sign_in_pages import read_cookies
from surveydesk.platforms.cookie_sign_in import CookieSignIn
from surveydesk.platforms.mturk.sign_in import mturk_sign_in
from surveydesk.platforms.prolific.sign_in import read_signed_in_user, session_watch
from surveydesk.platforms.toloka.sign_in import toloka_sign_in
from surveydesk.platforms.web_session import CapturedSession
from surveydesk.ui.sign_in_window import SignInWindow
from tests.ledger_helpers import PROLIFIC_UNPACED

# Offscreen, Chromium finds no GPU and says so; it then draws in software, which is all these tests need.
SOFTWARE_DRAWING = pytest.mark.qt_log_ignore(
    "QRhiGles2",
    "Failed to create RHI",
    "createPlatformVulkanInstance",
    "QVulkanInstance",
    "GBM is not supported",
    "GPUInfo not initialized",
)
pytestmark = SOFTWARE_DRAWING
SIGN_IN_MS = 30_000


@pytest.fixture
def demo() -> Iterator[DemoExchange]:
    with DemoExchange(seed=11, sites=PROLIFIC_UNPACED) as exchange:
        yield exchange


def fill_when_loaded(window: SignInWindow, forms: list[dict[str, str]]) -> None:
    """Play the worker: on each page loaded, fill and send the form that has the fields of one of `forms` (the
    address does not tell: Amazon answers the password's POST with the code's form at the same address)."""

    def loaded(ok: bool) -> None:
        if ok:
            for fields in forms:
                window._page.runJavaScript(form(fields))

    window._page.loadFinished.connect(loaded)


def form(fields: dict[str, str]) -> str:
    """A script that fills and sends the page's form if it has all these fields, and does nothing otherwise."""
    find = " && ".join(f"document.querySelector('[name={name}]')" for name in fields)
    filled = "".join(f"document.querySelector('[name={name}]').value = '{text}';" for name, text in fields.items())
    return f"if ({find}) {{ {filled} document.querySelector('form').submit(); }}"


def watch(window: SignInWindow) -> tuple[list[CapturedSession], list[bool]]:
    """What the window hands over, and whether it is gone (deleted, its web page with it). Lists filled by the
    signals, as pytest-qt cannot disconnect from a window that deleted itself."""
    handed: list[CapturedSession] = []
    gone: list[bool] = []
    window.signed_in.connect(handed.append)
    window.destroyed.connect(lambda: gone.append(True))
    return handed, gone


def sign_in(qtbot, window: SignInWindow) -> CapturedSession:
    handed, gone = watch(window)
    window.show()
    qtbot.waitUntil(lambda: bool(gone), timeout=SIGN_IN_MS)
    assert len(handed) == 1 and isinstance(handed[0], CapturedSession)
    return handed[0]


def test_prolific_sign_in_captures_the_web_apps_signed_in_user(qtbot, demo: DemoExchange, session):
    authority = f"{demo.base_url}/prolific-auth"
    window = SignInWindow(session_watch(demo.sign_in_url("prolific"), authority), "Prolific")
    fill_when_loaded(window, [{"email": "me@example.com", "password": "secret"}])
    signed_in = read_signed_in_user(sign_in(qtbot, window), time.time(), authority)
    assert 100 <= signed_in.lifetime <= 120
    studies = f"{demo.prolific_url}/api/v1/participant/studies/"
    assert session.get(studies, headers={"Authorization": f"Bearer {signed_in.access_token}"}).status_code == 200
    assert demo.sign_ins.prolific.is_valid_refresh_token(signed_in.refresh_token)


def _cookie_sign_in(qtbot, demo: DemoExchange, sign_in_of: CookieSignIn, forms: list[dict[str, str]], name: str):
    window = SignInWindow(sign_in_of.session_watch(), name)
    fill_when_loaded(window, forms)
    captured = sign_in(qtbot, window)
    return captured, sign_in_of.secret(captured)


MTURK_FORMS = [{"email": "me@example.com", "password": "secret"}, {"otpCode": "123456"}]
TOLOKA_FORMS = [{"login": "me", "password": "secret"}]


def test_mturk_sign_in_goes_through_the_verification_code_and_captures_the_httponly_session(
    qtbot, demo: DemoExchange, session
):
    captured, secret = _cookie_sign_in(qtbot, demo, mturk_sign_in(demo.sign_in_url("mturk")), MTURK_FORMS, "MTurk")
    session_cookie = next(cookie for cookie in captured.cookies if cookie.name == "session-token")
    assert session_cookie.http_only
    assert secret is not None
    answer = session.get(f"{demo.url_of('mturk')}/tasks?format=json", headers={"Cookie": secret})
    assert answer.headers["Content-Type"].startswith("application/json")


def test_toloka_sign_in_captures_the_session_and_csrf_cookies(qtbot, demo: DemoExchange, session):
    toloka = toloka_sign_in(demo.sign_in_url("toloka"))
    captured, secret = _cookie_sign_in(qtbot, demo, toloka, TOLOKA_FORMS, "Toloka")
    cookies = {cookie.name: cookie for cookie in captured.cookies}
    assert cookies["toloka-session"].http_only and not cookies["toloka-csrftoken"].http_only
    headers = {"Cookie": secret or "", "X-CSRF-Token": cookies["toloka-csrftoken"].value}
    answer = session.get(f"{demo.url_of('toloka')}/api/i-v2/task-suite-pool-groups", headers=headers)
    assert answer.status_code == 200


def test_after_a_sign_out_the_old_cookies_are_refused_and_signing_in_again_gives_new_ones(
    qtbot, demo: DemoExchange, session
):
    sign_in_of = mturk_sign_in(demo.sign_in_url("mturk"))
    _, first = _cookie_sign_in(qtbot, demo, sign_in_of, MTURK_FORMS, "MTurk")
    demo.sign_ins.of("mturk").sign_out()
    queue = f"{demo.url_of('mturk')}/tasks?format=json"
    assert "Amazon Sign-In" in session.get(queue, headers={"Cookie": first or ""}).text
    window = SignInWindow(sign_in_of.session_watch(stored=first), "MTurk")  # seeded with the stale session
    fill_when_loaded(window, MTURK_FORMS)
    second = sign_in_of.secret(sign_in(qtbot, window))
    assert second is not None and second != first
    assert session.get(queue, headers={"Cookie": second}).headers["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(
    ("platform", "sign_in_of", "forms"),
    [("mturk", mturk_sign_in, MTURK_FORMS), ("toloka", toloka_sign_in, TOLOKA_FORMS)],
)
def test_signing_in_again_to_a_session_the_site_kept_hands_it_over_though_its_cookies_are_the_same(
    qtbot, demo: DemoExchange, session, platform, sign_in_of, forms
):
    """Signing in again while the site still holds the session (the worker was not signed out), the site sets back
    the very cookies the window was seeded with: the page of the signed-in worker that follows proves the session
    (the window used to wait for a changed value, and stayed open)."""
    cookie_sign_in = sign_in_of(demo.sign_in_url(platform))
    _, first = _cookie_sign_in(qtbot, demo, cookie_sign_in, forms, platform)
    window = SignInWindow(cookie_sign_in.session_watch(stored=first), platform)
    fill_when_loaded(window, forms)
    again = cookie_sign_in.secret(sign_in(qtbot, window))
    assert first is not None and again is not None
    kept, renewed = read_cookies(first), read_cookies(again)
    assert {name: renewed[name] for name in cookie_sign_in.session_cookies} == {
        name: kept[name] for name in cookie_sign_in.session_cookies
    }


def test_a_seeded_session_on_the_sign_in_page_itself_is_not_yet_a_sign_in(qtbot, demo: DemoExchange):
    """Seeded with a session the site ended, the window waits on the sign-in page (which asks for a password):
    the seeds alone never close it."""
    cookie_sign_in = toloka_sign_in(demo.sign_in_url("toloka"))
    demo.sign_ins.of("toloka").sign_out()
    window = SignInWindow(
        cookie_sign_in.session_watch(stored="toloka-session=old; toloka-csrftoken=old"), "Toloka"
    )
    handed, gone = watch(window)
    with qtbot.waitSignal(window._page.loadFinished, timeout=SIGN_IN_MS):
        window.show()
    qtbot.waitUntil(lambda: window._shown is not None, timeout=SIGN_IN_MS)
    assert window._shown.is_sign_in and handed == []
    window.reject()
    qtbot.waitUntil(lambda: bool(gone), timeout=SIGN_IN_MS)
    assert handed == []


def test_a_window_closed_by_the_worker_hands_nothing_over(qtbot, demo: DemoExchange):
    window = SignInWindow(toloka_sign_in(demo.sign_in_url("toloka")).session_watch(), "Toloka")
    handed, gone = watch(window)
    with qtbot.waitSignal(window._page.loadFinished, timeout=SIGN_IN_MS):
        window.show()
    window.reject()
    qtbot.waitUntil(lambda: bool(gone), timeout=SIGN_IN_MS)
    assert handed == []


def test_a_page_that_cannot_be_opened_says_so_in_words(qtbot):
    window = SignInWindow(toloka_sign_in("http://127.0.0.1:9/sign-in").session_watch(), "Toloka")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._status.text() != "", timeout=SIGN_IN_MS)
    assert window._status.text().startswith("The sign-in page could not be opened.")


def test_the_worker_s_input_is_watched_without_crashing_a_sign_in_window(qtbot, qapp, demo: DemoExchange):
    """SurveyDesk notes when the worker last typed (ui/input_idle.py) in the windows she turns to; the sign-in
    window's web view opens and signs in under that watch (an application-wide Python event filter crashed it)."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent

    from surveydesk.ui.input_idle import InputIdle

    ticks = [100.0]
    own_input = InputIdle(clock=lambda: ticks[0])
    own_input.watch_windows(qapp)
    window = SignInWindow(toloka_sign_in(demo.sign_in_url("toloka")).session_watch(), "Toloka")
    fill_when_loaded(window, TOLOKA_FORMS)
    assert sign_in(qtbot, window).cookies

    watched = QObject()  # what a watched window is to the watch: events pass through it first
    watched.installEventFilter(own_input)
    ticks[0] = 160.0
    assert own_input.idle().total_seconds() == 60
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    qapp.sendEvent(watched, key)
    assert own_input.idle().total_seconds() == 0
