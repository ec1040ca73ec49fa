"""The sign-in window: a platform's own sign-in page inside SurveyDesk, watched until the worker is signed in.

The worker signs in as in her browser (a captcha or a code sent to her phone included); the window watches for
what the platform's sign-in names (a page storage entry, read by a script run in the page; cookies, HttpOnly ones
included, from the profile's cookie store), hands it over by `signed_in` and closes. Its web profile is off the
record: no cookie, cache or storage reaches the disk, and all of it is gone with the window; what SurveyDesk keeps
goes to the keyring through the caller.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtNetwork import QNetworkCookie
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from surveydesk.platforms.web_session import CapturedSession, LoadedPage, SessionWatch, WebCookie, origin_of

STORAGE_CHECK_MS = 400  # how often the page storage is read: a web app writes its signed-in user after a fetch
# What the window reads of a page once it is loaded: whether it asks for a password, and where its forms send.
PAGE_LOOK = (
    "JSON.stringify({password: !!document.querySelector('input[type=password]'),"
    " targets: Array.from(document.forms, form => form.action)})"
)


class SignInWindow(QDialog):
    """Opens `watch.start_url` in an off-the-record web view and emits `signed_in(CapturedSession)` once the
    session it watches for is there, then closes. Closed by the worker first, it emits nothing."""

    signed_in = Signal(object)

    def __init__(self, watch: SessionWatch, platform_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Sign in to {0}").format(platform_name))
        self._watch = watch
        self._cookies: dict[tuple[str, str], WebCookie] = {}  # the cookie host's, seeds included, by name and path
        self._storage: dict[str, str] = {}
        self._shown: LoadedPage | None = None  # the page loaded, once read; None while one loads
        self._done = False
        # A page must go before its profile. Children are deleted in the order they were made, so the view (and
        # the page it holds) is made first: deleting the window, or closing it, ends the page, then the profile.
        self._view = QWebEngineView(self)
        self._profile = QWebEngineProfile(self)  # no storage name: off the record
        self._page = QWebEnginePage(self._profile, self._view)
        self._view.setPage(self._page)
        intro = QLabel(
            self.tr(
                "Sign in as you do in your web browser. SurveyDesk keeps only what lets it see your tasks and "
                "earnings, in your computer's keyring; it never takes a task without your click."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self._status = QLabel(self)
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._status)
        self.resize(860, 620)  # fits a 1366x768 screen with its panel

        store = self._profile.cookieStore()
        store.cookieAdded.connect(self._cookie_added)
        store.cookieRemoved.connect(self._cookie_removed)
        for seed in watch.seed_cookies:
            store.setCookie(_qt_cookie(seed), QUrl(watch.start_url))
        self._page.loadStarted.connect(self._loading)
        self._page.loadFinished.connect(self._loaded)
        self._storage_check = QTimer(self)
        self._storage_check.setInterval(STORAGE_CHECK_MS)
        self._storage_check.timeout.connect(self._read_storage)
        if watch.storage_prefix:
            self._storage_check.start()
        self._view.load(QUrl(watch.start_url))

    @property
    def page(self) -> QWebEnginePage:
        """The sign-in page, for a caller that plays the worker on it (the smoke test, the tests)."""
        return self._page

    def done(self, result: int) -> None:
        """Closing, for any reason, deletes the window (WA_DeleteOnClose): its page, then its profile, and with
        them the web engine's processes. The window as a whole goes, never its view alone: a slot on the page may
        hold the last reference to the window, and freeing it while the view is deleted would delete the window
        from inside its own child."""
        self._done = True
        self._storage_check.stop()
        super().done(result)

    def _loading(self) -> None:
        self._shown = None

    def _loaded(self, ok: bool) -> None:
        if self._done:
            return
        if not ok:
            self._status.setText(
                self.tr("The sign-in page could not be opened. Check your internet connection and try again.")
            )
            return
        self._status.clear()
        self._read_storage()
        if self._watch.cookie_names:
            url = self._page.url().toString()
            self._page.runJavaScript(PAGE_LOOK, 0, lambda result: self._page_read(url, result))

    def _page_read(self, url: str, result: object) -> None:
        """What the loaded page shows; a page that could not be read (another page loads already) shows nothing."""
        if self._done or not isinstance(result, str) or url != self._page.url().toString():
            return
        try:
            look = json.loads(result)
            self._shown = LoadedPage(
                url, look["password"] is True, tuple(str(target) for target in look["targets"])
            )
        except (ValueError, KeyError, TypeError):
            return
        self._check()

    def _read_storage(self) -> None:
        prefix = self._watch.storage_prefix
        if self._done or not prefix or origin_of(self._page.url().toString()) != self._watch.storage_origin:
            return
        script = (
            "(function (prefix) { const found = {};"
            " for (let i = 0; i < localStorage.length; i++) { const key = localStorage.key(i);"
            " if (key.startsWith(prefix)) found[key] = localStorage.getItem(key); }"
            f" return JSON.stringify(found); }})({json.dumps(prefix)})"
        )
        self._page.runJavaScript(script, 0, self._storage_read)

    def _storage_read(self, result: object) -> None:
        if self._done or not isinstance(result, str):
            return
        try:
            found = json.loads(result)
        except ValueError:
            return
        if isinstance(found, dict):
            self._storage = {str(key): value for key, value in found.items() if isinstance(value, str)}
            self._check()

    def _cookie_added(self, cookie: QNetworkCookie) -> None:
        seen = _web_cookie(cookie)
        if self._done or seen.domain != self._watch.cookie_host:
            return  # another host's
        self._cookies.pop((seen.name, seen.path), None)  # a renewed one comes last: it wins in the `Cookie` line
        self._cookies[(seen.name, seen.path)] = seen
        self._check()

    def _cookie_removed(self, cookie: QNetworkCookie) -> None:
        seen = _web_cookie(cookie)
        if self._cookies.get((seen.name, seen.path)) == seen:
            del self._cookies[(seen.name, seen.path)]

    def _check(self) -> None:
        captured = CapturedSession(dict(self._storage), tuple(self._cookies.values()))
        if not self._done and self._watch.is_signed_in(captured, self._shown):
            self._done = True
            self.signed_in.emit(captured)
            self.accept()


def _qt_cookie(cookie: WebCookie) -> QNetworkCookie:
    """A seed for the start page's host (a host-only cookie, as the site set it: no domain given)."""
    made = QNetworkCookie(cookie.name.encode(), cookie.value.encode())
    made.setPath(cookie.path)
    made.setSecure(cookie.secure)
    made.setHttpOnly(cookie.http_only)
    return made


def _web_cookie(cookie: QNetworkCookie) -> WebCookie:
    return WebCookie(
        bytes(cookie.name().data()).decode("utf-8", "replace"),
        bytes(cookie.value().data()).decode("utf-8", "replace"),
        cookie.domain().lstrip("."),
        cookie.path() or "/",
        cookie.isSecure(),
        cookie.isHttpOnly(),
    )
