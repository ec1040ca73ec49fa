"""Ties the profile into the window: the Profile… editor, BitLabs' profiler during a take, and the marks in
the task list (eligibility from the profile, screen-out risk from the worker's own history)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from surveydesk.core.clock import Clock
from surveydesk.core.model import AccountKey, PlatformStatus, PollState, Task
from surveydesk.core.take import TakeResult
from surveydesk.net.http import USER_AGENT, make_session
from surveydesk.net.shapes import ShapeWatch, share_shape_watch
from surveydesk.platforms.registry import BUILT_IN, Registry, secret_reader
from surveydesk.profile.eligibility import Eligibility, load_eligibility_table
from surveydesk.profile.marks import Marker, requirements_from
from surveydesk.profile.risk import ScreenOutHistory, screen_out_history
from surveydesk.profile.schema import load_schema
from surveydesk.profile.store import ProfileStore
from surveydesk.secrets import SecretStore
from surveydesk.services.background import Background
from surveydesk.services.poller import Poller
from surveydesk.store import AccountStore
from surveydesk.store.database import Database
from surveydesk.ui.main_window import MainWindow
from surveydesk.ui.take_flow import TakeFlow
from surveydesk.work.store import WorkLog

if TYPE_CHECKING:  # the dialogs are imported when first opened, not by the first frame
    from surveydesk.ui.profile_editor import ProfileEditor
    from surveydesk.ui.profiler_dialog import ProfilerDialog

_HISTORY_START = datetime(2000, 1, 1, tzinfo=UTC)  # before any attempt SurveyDesk can have recorded


class ProfileController(QObject):
    """Built by the composition root with what it needs; owns no state the database does not hold."""

    def __init__(
        self,
        window: MainWindow,
        database: Database,
        secrets: SecretStore,
        poller: Poller,
        take_flow: TakeFlow,
        background: Background,
        clock: Clock,
        today: Callable[[], date] | None = None,
        registry: Registry = BUILT_IN,
        shapes: ShapeWatch | None = None,
    ) -> None:
        super().__init__(window)
        self._shapes = shapes  # where the click flow reports a changed reply; None: nowhere
        self._window = window
        self._database = database
        self._secrets = secrets
        self._poller = poller
        self._background = background
        self._clock = clock
        self._today = today or (lambda: datetime.now().date())  # the worker's own calendar day, for ages
        self.schema = load_schema()
        self._registry = registry
        self._sharing = registry.sharing()
        self._table = load_eligibility_table()
        self.store = ProfileStore(database, clock, registry.default_permission)
        self._history = ScreenOutHistory()
        self.dialog: ProfilerDialog | None = None
        # Accounts polled since their connector was made: requirements (MTurk's qualifications, Prolific's
        # peripherals) are known from a connector's first poll on, also for tasks that poll did not change.
        self._polled: set[AccountKey] = set()
        poller.status_changed.connect(self._on_status)
        poller.account_removed.connect(self._polled.discard)
        for platform in registry.profilers():
            take_flow.set_before_opening(platform, self.run_profiler)
        self.refresh_marks()
        self.refresh_history()

    def edit(self) -> ProfileEditor:
        from surveydesk.ui.profile_editor import ProfileEditor

        editor = ProfileEditor(self.store, self.schema, self._sharing, self._today, self._window)
        editor.changed.connect(self.refresh_marks)
        return editor

    def open_editor(self) -> None:
        editor = self.edit()
        editor.exec()
        editor.setParent(None)  # freed with the last reference, as the other dialogs are

    def refresh_marks(self) -> None:
        """Mark every task again from the profile as saved now and the last history read."""
        eligibility = Eligibility(self._table, self.store.answers())
        self._window.model.task_list.set_marker(
            Marker(eligibility, self._history, requirements_from(self._poller.built_connector_of))
        )

    def _on_status(self, status: PlatformStatus) -> None:
        if status.state is PollState.OK and status.account not in self._polled:
            self._polled.add(status.account)
            self.refresh_marks()

    def refresh_history(self) -> None:
        """Read the worker's finished attempts on the pool, then mark the list again."""
        log = WorkLog(self._database)
        now = self._clock.now()

        def work() -> ScreenOutHistory:
            return screen_out_history(log.attempts_between(_HISTORY_START, now))

        def done(history: ScreenOutHistory) -> None:
            self._history = history
            self.refresh_marks()

        self._background.run(work, done, lambda _error: None)

    def run_profiler(self, task: Task, taken: TakeResult, proceed: Callable[[str], None]) -> None:
        """The platform's profiler questions in a dialog before the survey opens; without a usable account, the
        survey opens in the browser as before, where the platform asks them itself."""
        account = next(
            (a for a in AccountStore(self._database).list_accounts() if a.key == task.account_key), None
        )
        if account is None:
            proceed(taken.opened_url)
            return
        profiler = self._registry.profilers()[task.platform]
        clicks = profiler.flow(
            account, secret_reader(account, self._secrets), make_session(USER_AGENT), self._clock
        )
        if self._shapes is not None:
            share_shape_watch(clicks, self._shapes)
        from surveydesk.ui.profiler_dialog import ProfilerDialog

        dialog = ProfilerDialog(
            clicks,
            task,
            self._registry.name(task.platform),
            self.schema,
            profiler.mapping(),
            self.store,
            self._background,
            self._today,
            self._window,
        )
        dialog.proceed.connect(proceed)
        dialog.said.connect(self._window.say)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()
        dialog.start()
