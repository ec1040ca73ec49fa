"""SurveyDesk as `surveydesk --demo` starts it, driven as the worker would: open the accounts dialog, press
"Sign in…" on a platform signed in to in a web page, wait until the sign-in window runs its web engine (in its own
process), close it, close the dialog; then print, as one JSON line, what of Qt WebEngine this process loaded and
what the dialog said, and quit. Run as `python -m tests.sign_in_parent DATA_DIR` by
tests/ui/test_sign_in_process.py, in an interpreter of its own: the test process loaded the web engine itself."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from surveydesk.app import main
from surveydesk.ui.accounts_dialog import AccountsDialog
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.sign_in_process import SignInApart, web_engine_in_this_process
from tests.engine_processes import engine_processes

STEP_MS = 100


def _shown(kind: type) -> object | None:
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


class Worker:
    """Each step is tried every STEP_MS until it is done (True); the last one quits."""

    def __init__(self) -> None:
        self.steps: list[Callable[[], bool]] = [self.open_accounts, self.sign_in, self.close_the_window]
        self.steps += [self.close_the_dialog, self.report]
        self.dialog: AccountsDialog | None = None
        self.apart: SignInApart | None = None
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(STEP_MS)

    def tick(self) -> None:
        if self.steps and self.steps[0]():
            self.steps.pop(0)

    def open_accounts(self) -> bool:
        window = _shown(MainWindow)
        if isinstance(window, MainWindow):
            QTimer.singleShot(0, lambda: window.accounts_requested.emit(None))  # its modal loop runs the next
        return window is not None

    def sign_in(self) -> bool:
        dialog = _shown(AccountsDialog)
        if not isinstance(dialog, AccountsDialog):
            return False
        rows = range(dialog.account_list.count())
        for row in rows:
            dialog.account_list.setCurrentRow(row)
            if dialog.sign_in_button.isVisibleTo(dialog):
                dialog.sign_in_button.click()
                break
        self.dialog, self.apart = dialog, dialog.findChild(SignInApart)
        return True

    def close_the_window(self) -> bool:
        apart = self.apart
        process = None if apart is None else apart._process
        if process is None or process.processId() <= 0 or not engine_processes(process.processId()):
            return apart is None or not apart.running  # it ended without a window: the report says so
        apart.stop()  # as the worker closes it
        return True

    def close_the_dialog(self) -> bool:
        if self.apart is not None and self.apart.running:
            return False
        if self.dialog is not None:
            self.dialog.reject()
        return True

    def report(self) -> bool:
        said = "" if self.dialog is None else self.dialog.feedback.text()
        print(json.dumps({"web_engine": web_engine_in_this_process(), "said": said}), flush=True)
        application = QApplication.instance()
        if application is not None:
            application.quit()
        return True


if __name__ == "__main__":
    # Posted now, run once main()'s event loop runs: the worker starts beside SurveyDesk as it starts.
    QTimer.singleShot(0, lambda: setattr(sys.modules[__name__], "worker", Worker()))
    sys.exit(main(["--demo", "--data-dir", sys.argv[1]]))
