"""Creates the QApplication with SurveyDesk's name, icon and language, and ends it cleanly when asked, for the
composition root."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QApplication

from surveydesk import APP_ID, APP_NAME, __version__
from surveydesk.services.stop_signals import StopSignals
from surveydesk.store.settings import SettingsStore
from surveydesk.ui.icons import app_icon
from surveydesk.ui.translations import chosen_language, install_translators

log = logging.getLogger(__name__)


def create_application(argv: Sequence[str], settings: SettingsStore | None = None) -> QApplication:
    """The one QApplication of the process; names are set first so Qt's settings and paths use them.

    With the worker's settings (the composition root passes them), the language they chose, or the system's, is
    installed here, before any window exists; tests and harnesses pass none and keep Qt's English.
    """
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if settings is not None:
        language = install_translators(app, chosen_language(settings))
        log.info(
            "interface locale %s; translated by Qt: %s, by SurveyDesk: %s",
            language.locale.name(),
            language.qt_translated,
            language.surveydesk_translated,
        )
    return app


def quit_cleanly_when_asked(app: QApplication, suspend_the_timer: Callable[[], object]) -> StopSignals:
    """A logout, a shutdown, SIGTERM or Ctrl+C end SurveyDesk as its Quit does, not as a crash: the running clocks
    are suspended at once (the session manager may end the process soon after it asked), then the event loop
    ends and the composition root takes the core down in order, the write in progress finished. `close()` the
    result once the event loop has ended."""

    def quit_cleanly() -> None:
        suspend_the_timer()
        app.quit()

    stop_signals = StopSignals(app)
    stop_signals.received.connect(lambda number: log.info("signal %d received: quitting", number))
    stop_signals.received.connect(quit_cleanly)
    when_the_session_ends(app, quit_cleanly)
    app.aboutToQuit.connect(suspend_the_timer)
    return stop_signals


def when_the_session_ends(app: QApplication, quit_cleanly: Callable[[], None]) -> None:
    """At a logout or shutdown the session manager asks each application to save its work (`commitDataRequest`)
    and may end the process soon after: SurveyDesk saves and quits then, without asking anything."""
    app.commitDataRequest.connect(lambda _manager: quit_cleanly())
