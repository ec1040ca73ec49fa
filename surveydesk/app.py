"""The composition root: builds paths → logging → database → secrets → services → QApplication → windows.

Nothing else in SurveyDesk creates long-lived objects on its own; each gets what it needs from here.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from surveydesk import APP_NAME, __version__
from surveydesk.core.clock import Clock, SystemClock
from surveydesk.core.connector import Connector
from surveydesk.core.earnings import EarningsReader
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.platform_gate import PlatformGate
from surveydesk.core.politeness import Politeness
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_places, demo_points_values, demo_sign_ins, demo_signed_in
from surveydesk.demo.sign_in_pages import demo_worker_script
from surveydesk.feed.alerts import Alert
from surveydesk.feed.task_list import TaskList
from surveydesk.ledger import LedgerStore
from surveydesk.ledger.attempts import AttemptIngest, WorkLogAsHistorySays
from surveydesk.ledger.ecb import ECB_BASE_URL
from surveydesk.ledger.minimum_in_currency import MinimumWages
from surveydesk.ledger.points import PointsValueStore
from surveydesk.ledger.reconcile import Reconciler
from surveydesk.ledger.zone import system_zone
from surveydesk.logging_setup import LOG_FILE_NAME, LogFile, configure_logging
from surveydesk.net.shapes import ShapeWatch, share_shape_watch
from surveydesk.paths import AppPaths, UnusableFolderError, why
from surveydesk.platforms.prolific.sign_in import SignedInSecrets
from surveydesk.platforms.registry import BUILT_IN, Registry, UnknownPlatform
from surveydesk.platforms.set_aside_store import SetAsideStore
from surveydesk.platforms.walls import share_points_values
from surveydesk.platforms.web_session import SignInPlace, SignIns
from surveydesk.profile.store import ProfileStore
from surveydesk.secrets import KeyringSecrets, MemorySecrets, SecretStore, SecretsWithRunOnlyFallback
from surveydesk.store import AccountStore, DamagedDatabaseError, Database, StoreError, TaskStore
from surveydesk.store.backups import BACKUP_FOLDER_NAME, RollingBackups, restore
from surveydesk.store.settings import SettingsStore
from surveydesk.work.closing_clocks import ClosingClocks
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import KEEP_ALIVE_INTERVAL, Timekeeper
from surveydesk.work.wage_settings import WageSettings

# isort: split
# Qt after the layers below the services, which need none: once imported, PySide6 reads the source of every
# module imported after it (looking for `from __feature__ import`, PYSIDE-2029), about 0.15 ms a module, and
# those layers are many of the start-up's modules (bench/startup.py). requests and urllib3 come after the first
# frame, with the first session made (`_new_session`).
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from surveydesk.services.background import Background
from surveydesk.services.gui_thread_gc import GuiThreadCollector
from surveydesk.services.platform_changes import PlatformChanges
from surveydesk.services.poller import Poller
from surveydesk.services.reconciliation import Connectivity, ReconciliationService, SyncStatus
from surveydesk.services.single_instance import SingleInstance, server_name
from surveydesk.services.smoke_test import SmokeTest
from surveydesk.services.wage_reports import WageReports

if TYPE_CHECKING:
    import requests

    from surveydesk.services.desktop_notifications import DesktopNotifications
    from surveydesk.services.idle import SessionIdle
    from surveydesk.services.money_outlook import Outlook
    from surveydesk.services.phone_alerts import PhoneAlerts
    from surveydesk.services.sync_service import SyncService
    from surveydesk.sync.replicator import SyncReport
    from surveydesk.ui.feed_controller import FeedController
    from surveydesk.ui.first_frame import FirstFrame
    from surveydesk.ui.history_view import HistoryView
    from surveydesk.ui.main_window import MainWindow
    from surveydesk.ui.wages_panel import WagesPanel

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_REFUSED = 0, 1, 2
WAGES_REFRESH_MS = 60_000


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="surveydesk", description=f"{APP_NAME}: one desk for click work.")
    parser.add_argument("--demo", action="store_true", help="run against the built-in demo exchange")
    parser.add_argument("--smoke-test", action="store_true", help="start, poll every platform once, report, exit")
    parser.add_argument("--data-dir", type=Path, help="keep all data, settings and logs under this folder")
    parser.add_argument("--seed", type=int, help="make the demo exchange's market repeatable")
    parser.add_argument("--verbose", action="store_true", help="log debugging details")
    # SurveyDesk started again by itself to show a sign-in window (ui/sign_in_process.py), not by the worker.
    parser.add_argument("--sign-in", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser.parse_args(argv)


@dataclass(frozen=True, slots=True)
class Core:
    """Everything below the UI, built before any window exists."""

    paths: AppPaths
    database: Database
    secrets: SecretStore
    signed_in: SecretStore  # the secrets as connectors read them (Prolific's session gives an access token)
    sign_ins: SignIns  # where each platform is signed in to: the real sites, or the demo exchange's pages
    sign_in_places: Mapping[str, SignInPlace] | None  # the same, for a sign-in process: None for the real sites
    clock: SystemClock
    poller: Poller
    timekeeper: Timekeeper
    closing_clocks: ClosingClocks  # stops the clocks at every close; remembers a full disk that refused it
    settings: SettingsStore
    wage_reports: WageReports
    pool: QThreadPool  # the GUI's background work: history, exports, sync, wages, takes
    platform_pool: QThreadPool  # the platforms' polls and earnings reads, apart (see `platform_pool`)
    notices: tuple[str, ...]
    attempt_ingest: AttemptIngest
    connectivity: Connectivity
    reconciliation: ReconciliationService
    profile: ProfileStore
    rates_url: str  # the folder of the ECB's reference-rate feeds, or of the demo exchange's
    registry: Registry
    platform_changes: PlatformChanges  # the platforms' replies that differ from what SurveyDesk reads
    log_file: LogFile  # says when the log cannot be written


def choose_paths(args: argparse.Namespace, stack: ExitStack) -> AppPaths:
    if args.data_dir is not None:
        return AppPaths.under(args.data_dir)
    if args.smoke_test:
        return AppPaths.under(Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="surveydesk-smoke-"))))
    if args.demo:
        # The demo never writes next to the worker's real data.
        return AppPaths.under(AppPaths.for_user().data / "demo")
    return AppPaths.for_user()


def _accounts(
    database: Database, exchange: DemoExchange | None, secrets: SecretStore, registry: Registry
) -> list[Account]:
    """The accounts to poll: the worker's enabled ones, or in the demo one per platform of the exchange (their
    addresses change with the exchange's port at every start); the demo starts signed in."""
    accounts = AccountStore(database)
    if exchange is not None:
        points = PointsValueStore(database)
        for key, value in demo_points_values(exchange, registry).items():
            points.set(key, value)
        for account, secret in demo_signed_in(exchange, registry):
            accounts.save(account)
            secrets.set(account.key, secret)
    return [account for account in accounts.list_accounts() if account.enabled]


def _new_session() -> requests.Session:
    """A session for the connectors' HTTP layer (net/http.py)."""
    from surveydesk.net.http import make_session  # with requests and urllib3: after the first frame

    return make_session()


def _sign_ins(exchange: DemoExchange | None, registry: Registry) -> SignIns:
    """Where each platform's account is connected: the real sites' sign-in pages and survey walls, or the demo
    exchange's."""
    return registry.sign_ins() if exchange is None else demo_sign_ins(exchange, registry)


def connect(
    account: Account,
    registry: Registry,
    secrets: SecretStore,
    clock: Clock,
    profile: ProfileStore,
    poller: Poller,
    reconciliation: ReconciliationService,
    points: PointsValueStore,
    shapes: ShapeWatch,
) -> None:
    """Poll the account for tasks and reconcile its earnings from now on (replacing what it had: a new login,
    new settings); `UnknownPlatform` when no platform folder knows its platform, another `ValueError` when
    its platform refuses one of its settings. Its clients are built when first used (its first poll and
    earnings run, after the window's first frame), the account listed at once."""
    registry.check(account)
    spec = registry.spec(account.key.platform)
    values = partial(points.of, account.key)  # what the worker says her points are worth, read at each request

    def build_connector() -> Connector:
        connector = registry.build_connector(account, secrets, clock)
        sharing = spec.profile_sharing
        if sharing is not None and sharing.attach is not None:
            sharing.attach(connector, profile, account.key)  # only what the worker allowed
        share_points_values(connector, values)  # survey walls only
        share_shape_watch(connector, shapes)
        return connector

    def build_reader() -> EarningsReader:
        reader = registry.build_reader(account, secrets, clock)
        assert reader is not None  # its spec names an earnings reader
        share_points_values(reader, values)
        share_shape_watch(reader, shapes)
        return reader

    poller.add_account_built_later(account, build_connector, registry.politeness_for(account))
    if spec.earnings is not None:
        # Its pages go at the platform's floor, the pace its own tools keep: a first sync of a year reads many
        # pages, and at the polling interval (a minute by default) it would take most of an hour.
        pages = Politeness(min_interval=registry.cadence(account.key.platform).floor)
        reconciliation.add_account_built_later(account, build_reader, pages)


@contextmanager
def build_core(args: argparse.Namespace, registry: Registry = BUILT_IN) -> Iterator[Core]:
    """Build the core in the documented order, and take it down in reverse when the block ends."""
    with ExitStack() as stack:
        paths = choose_paths(args, stack).create()
        handler = configure_logging(paths.log, why, verbose=args.verbose)
        stack.callback(logging.getLogger().removeHandler, handler)
        stack.callback(handler.close)
        log.info("%s %s starting; data in %s", APP_NAME, __version__, paths.data)  # opens the log file

        database = Database.open(paths.database)
        stack.callback(database.close)
        clock = SystemClock()

        exchange = None
        if args.demo:
            exchange = DemoExchange(seed=args.seed, registry=registry).start()
            stack.callback(exchange.stop)
        # The demo's logins are public and live in memory; the worker's go to the keyring only.
        secrets: SecretStore = MemorySecrets() if args.demo else SecretsWithRunOnlyFallback(KeyringSecrets())
        notices: list[str] = [handler.problem] if handler.problem else []  # the log file cannot be written
        if secrets.problem:
            notices.append(secrets.problem)
        sign_ins = _sign_ins(exchange, registry)
        signed_in = SignedInSecrets.at(sign_ins, secrets, _new_session)

        timekeeper = Timekeeper(WorkLog(database), clock)
        closing_clocks = ClosingClocks(timekeeper, paths.data)
        stack.callback(closing_clocks.stop)  # stop the running clocks before the database closes
        pool = QThreadPool()  # as many threads as cores: more only make the GUI wait longer for the GIL
        stack.callback(pool.waitForDone, 10_000)
        requests_pool = platform_pool(registry)
        stack.callback(requests_pool.waitForDone, 10_000)
        pool.start(lambda: _back_up_daily(database, paths, clock))  # about 1 s for a million entries

        def floor_of(platform: str) -> timedelta:
            """No request closer than this after the last, whoever asks: polls and earnings syncs alike."""
            return registry.cadence(platform).floor

        gate = PlatformGate(floor_of)  # one request at a time per platform, polls and earnings syncs together
        poller = Poller(TaskStore(database), clock, requests_pool, floor_of=floor_of, gate=gate)
        settings = SettingsStore(database)
        stack.callback(poller.stop)
        profile = ProfileStore(database, clock, registry.default_permission)
        ledger = LedgerStore(database)
        wage_reports = WageReports(
            WorkLogAsHistorySays(database),
            pool,
            reviews=ledger.reviews_by_requester,
            minimums=MinimumWages(database).on,
        )
        attempt_ingest = AttemptIngest(database, ledger, registry.shares_task_ids)
        connectivity = Connectivity()
        reconciliation = ReconciliationService(
            Reconciler(ledger, attempt_ingest, clock),
            ledger,
            clock,
            requests_pool,
            connectivity,
            floor_of=floor_of,
            gate=gate,
        )
        stack.callback(reconciliation.stop)  # a run in flight stops after its batch, before the pool is awaited
        points = PointsValueStore(database)
        platform_changes = PlatformChanges(ShapeWatch(kept=SetAsideStore(database)), registry.name)
        for account in _accounts(database, exchange, secrets, registry):
            try:
                connect(
                    account, registry, signed_in, clock, profile, poller, reconciliation, points,
                    platform_changes.watch,
                )  # fmt: skip
            except ValueError as error:  # an account SurveyDesk cannot use is said, never a reason not to start
                notices.append(_account_problem(account, error, registry))
        yield Core(
            paths,
            database,
            secrets,
            signed_in,
            sign_ins,
            None if exchange is None else demo_places(exchange),
            clock,
            poller,
            timekeeper,
            closing_clocks,
            settings,
            wage_reports,
            pool,
            requests_pool,
            tuple(notices),
            attempt_ingest,
            connectivity,
            reconciliation,
            profile,
            ECB_BASE_URL if exchange is None else exchange.ecb_url,
            registry,
            platform_changes,
            handler,
        )


def platform_pool(registry: Registry) -> QThreadPool:
    """The threads the platforms' requests wait on, apart from the GUI's other background work: a platform
    whose server trickles its answer holds a thread until the request's deadline (net/http.py), and on the
    shared pool, as large as the cores, two such platforms stalled history, exports and sync. One thread per
    platform: its gate lets one request at a time go, a poll or an earnings read, so a stuck platform never
    delays another's. The threads mostly wait on the network, so more than the cores costs the GUI little."""
    requests_pool = QThreadPool()
    requests_pool.setMaxThreadCount(len(list(registry)))
    return requests_pool


def _account_problem(account: Account, error: ValueError, registry: Registry) -> Sentence:
    """Why an account is not checked, for the window: its platform is unknown to this version, or a setting
    its platform refused (said in the platform's words until each option is checked where it is declared)."""
    if isinstance(error, UnknownPlatform):
        return error.message
    return QT_TRANSLATE_NOOP(
        "Core", "Your {0} account “{1}” is not checked: {2}. Correct it in Tasks ▸ Accounts…"
    ).filled(registry.name(account.key.platform), account.label, str(error))


# How often a running thread hands the interpreter over: shorter than Python's 5 ms default, so the GUI thread,
# which calls into Python for every table cell it paints, does not wait behind a pool thread parsing a reply.
# bench/notify_latency.py with 5 ms: p99 102 ms against 69, GUI stall 55 ms against 48 (medians of 6 runs each,
# interleaved, on a loaded machine).
GIL_SWITCH_SECONDS = 0.001


def settle_heap() -> None:
    """Put what start-up made out of the garbage collector's sight, once the window is built.

    Modules, Qt's wrappers and the window live as long as the app. A full collection walks every object it
    tracks while holding the interpreter (on the GUI thread now, services/gui_thread_gc.py; it ran on a polling
    thread then): the window froze for 62 ms (bench/notify_latency.py); with start-up's objects frozen the same
    collection takes 4–5 ms. Measured again with collection on the GUI thread: a full collection of what the app
    imports takes 34–53 ms unfrozen, under 0.1 ms frozen; bench/notify_latency.py's GUI stall is 55 ms without
    the freeze against 48 with it, p99 86 ms against 69 (medians of 6 interleaved runs on a loaded machine: its
    30 s rarely holds a full collection, which the GUI-thread collector makes about every two minutes). What
    start-up made and will drop is collected first, so nothing dead is kept.
    """
    gc.collect()
    gc.freeze()


def _back_up_daily(database: Database, paths: AppPaths, clock: SystemClock) -> None:
    """Today's copy of the database, if there is none yet (on the pool: it reads the whole file); a copy that
    cannot be made (a full disk) is logged and does not stop SurveyDesk."""
    try:
        RollingBackups(paths.data / BACKUP_FOLDER_NAME).make_daily(database, clock.now().date())
    except (OSError, sqlite3.Error):
        log.warning("today's backup of %s could not be made", database.path, exc_info=True)


def main(argv: Sequence[str] | None = None) -> int:
    with _no_automatic_collection():
        args = parse_args(sys.argv[1:] if argv is None else argv)
        if args.sign_in:  # a sign-in window in a process of its own: none of SurveyDesk's data is opened
            from surveydesk.ui.sign_in_process import sign_in_here

            gc.enable()  # nor the GUI thread's collector: Python collects there as it would
            return sign_in_here(sys.stdin, sys.stdout)
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        while True:
            try:
                with build_core(args) as core:
                    return _run_ui(args, core)
            except DamagedDatabaseError as error:
                print(f"{APP_NAME}: {error}", file=sys.stderr)
                if args.smoke_test or not _restore_backup(error.path):
                    return EXIT_REFUSED
            except (StoreError, UnusableFolderError) as error:
                print(f"{APP_NAME}: {error}", file=sys.stderr)
                return EXIT_REFUSED


@contextmanager
def _no_automatic_collection() -> Iterator[None]:
    """Python's own collection of reference cycles off for the run, put back as it was when the run ends.

    The GUI thread's collector (services/gui_thread_gc.py) collects from the application's start on; before it,
    Python collected several times during the core's build and the UI's imports, once a full collection of
    every object start-up had made (25–80 ms before the first frame, bench/startup.py), when nothing start-up
    keeps is garbage: what it drops is collected once the window is painted (`settle_heap`). Nor can one run on
    a pool thread meanwhile (the daily backup, the demo exchange's threads).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        else:
            gc.disable()


def _restore_backup(database_path: Path) -> bool:
    """Offer the worker the newest sound backup in place of the damaged database; True once it is in place."""
    from surveydesk.ui.damaged_database import ask_to_restore

    backup = RollingBackups(database_path.parent / BACKUP_FOLDER_NAME).newest_sound()
    if not ask_to_restore(database_path, backup) or backup is None:
        return False
    restore(database_path, backup)
    return True


def _add_wages_page(window: MainWindow, core: Core, first_frame: FirstFrame) -> WagesPanel:
    """The wages tab (and the list's "Your history" column), computed after the window's first frame, then
    again when a task or the shift changes, when the earnings log was reconciled, and every minute (a shift keeps
    growing)."""
    from surveydesk.ui.wages_panel import WagesPanel

    panel = WagesPanel(WageSettings(core.settings), window, lambda: core.clock.now().astimezone().date())
    window.add_page(panel, QCoreApplication.translate("MainWindow", "Wages"))
    core.wage_reports.ready.connect(panel.show_summary)
    core.wage_reports.ready.connect(lambda summary: window.model.task_list.set_reputations(summary.reputations))
    core.wage_reports.failed.connect(panel.show_error)

    def refresh() -> None:
        core.timekeeper.keep_alive()  # so the running shift counts up to now, not to its last sign of life
        core.wage_reports.refresh(core.clock.now())

    if window.timer_strip is not None:
        window.timer_strip.changed.connect(refresh)
    panel.minimum_changed.connect(refresh)
    core.reconciliation.synced.connect(lambda _result: refresh())  # the requesters' reviews may have moved
    every_minute = QTimer(window)
    every_minute.timeout.connect(refresh)
    every_minute.start(WAGES_REFRESH_MS)
    first_frame.later(refresh)
    return panel


def _add_money_outlook(
    window: MainWindow, core: Core, wages: WagesPanel, history: HistoryView, feed: FeedController
) -> None:
    """Goals (Wages tab, tray), the forecast of pending money, the months in words and the claims for money owed
    (History tab), worked out again with the wages: when a task or the shift changes, after each sync, every
    minute, when a goal is saved and when the worker says something of a claim; a goal reached is said once, in
    the tray or, without one, in the window's status bar."""
    from surveydesk.ledger.goals import GoalSettings
    from surveydesk.services.money_outlook import MoneyOutlook
    from surveydesk.ui.claims_view import ClaimsPanel
    from surveydesk.ui.money_outlook_view import (
        GoalsBox,
        OutlookPanel,
        goal_line,
        goal_progress,
        goal_reached_words,
    )

    goal_settings = GoalSettings(core.settings)
    outlook = MoneyOutlook(
        core.database, goal_settings, core.pool, system_zone(), core.registry.review_deadlines(), window
    )
    goals = GoalsBox(goal_settings, history.currency.text, wages)
    wages.add_section(goals)
    panel = OutlookPanel(core.registry.name, history)
    history.views.addTab(panel, QCoreApplication.translate("MainWindow", "Pending and months"))
    claims = ClaimsPanel(
        core.registry.name, core.registry.claim_deadlines(), core.registry.claim_routes(), history
    )
    history.views.addTab(claims, QCoreApplication.translate("MainWindow", "Money owed"))
    claims.sent.connect(lambda entry: outlook.claim_sent(entry, core.clock.now()))
    claims.ended.connect(lambda entry, outcome: outlook.claim_ended(entry, outcome, core.clock.now()))
    outlook.claim_not_saved.connect(claims.show_error)
    outlook.claim_saved.connect(lambda: core.wage_reports.refresh(core.clock.now()))  # the requester's reputation

    def show(result: Outlook) -> None:
        goals.show_progress(result.goals)
        panel.show_outlook(result)
        claims.show_claims(result.claims)
        if window.timer_strip is not None:  # the nearest period's goal: the day's, else the week's, the month's
            nearest = result.goals[0] if result.goals else None
            window.timer_strip.show_goal(
                "" if nearest is None else goal_progress(nearest), "" if nearest is None else goal_line(nearest)
            )
        feed.tray.set_goals([goal_line(goal) for goal in result.goals])
        for goal in result.newly_reached:
            feed.announce(Alert(goal_reached_words(goal), "", (), sound=False))

    outlook.ready.connect(show)
    outlook.failed.connect(panel.show_error)
    core.wage_reports.ready.connect(lambda _summary: outlook.refresh(core.clock.now(), history.currency.text()))
    goals.changed.connect(lambda: outlook.refresh(core.clock.now(), history.currency.text()))


def _add_history_page(window: MainWindow, core: Core, first_frame: FirstFrame) -> HistoryView:
    """The history tab, read after the window's first frame, again whenever the worker turns to it and after
    each sync of the earnings; its rates come from the ECB (the demo exchange's stand-in in the demo) when the
    network is there."""
    from surveydesk.services.history_service import HistoryService
    from surveydesk.services.ledger_files import LedgerFiles
    from surveydesk.services.long_job import LongJob
    from surveydesk.ui.formatting import format_time
    from surveydesk.ui.history_view import HistoryView

    service = HistoryService(
        core.database,
        core.pool,
        core.clock,
        system_zone(),
        session_factory=_new_session,
        rates_url=core.rates_url,
        connectivity=core.connectivity,
        time_text=format_time,
    )
    service.setParent(window)
    accounts = AccountStore(core.database)

    def wall_accounts() -> list[Account]:
        return [a for a in accounts.list_accounts() if a.key.platform in core.registry
                and core.registry.is_survey_wall(a.key.platform)]  # fmt: skip

    files = LedgerFiles(core.database, core.registry.history_files(), core.registry.name)
    points_values = PointsValueStore(core.database)
    view = HistoryView(service, LongJob(core.pool, window), files, points_values, core.settings, core.clock,
                       accounts.list_accounts, window, wall_accounts)  # fmt: skip
    window.add_page(view, QCoreApplication.translate("MainWindow", "History"))

    def turned_to(index: int) -> None:
        if window.tabs.widget(index) is view:  # the table too, unless she left it in the middle of it
            view.ledger_changed()

    window.tabs.currentChanged.connect(turned_to)
    core.reconciliation.synced.connect(lambda _result: view.ledger_changed())
    first_frame.later(view.refresh)
    return view


def _open_accounts(window: MainWindow, core: Core, select: AccountKey | None) -> None:
    """The accounts dialog; what the worker saves or removes takes effect in the poller at once."""
    from surveydesk.ui.accounts_dialog import AccountsDialog

    def saved(account: Account) -> None:
        if account.enabled:
            connect(
                account,
                core.registry,
                core.signed_in,
                core.clock,
                core.profile,
                core.poller,
                core.reconciliation,
                PointsValueStore(core.database),
                core.platform_changes.watch,
            )
        else:
            core.poller.remove_account(account.key)
            core.reconciliation.remove_account(account.key)

    def removed(key: AccountKey) -> None:
        core.poller.remove_account(key)
        core.reconciliation.remove_account(key)

    from surveydesk.ui.sign_in_process import SignInApart
    from surveydesk.ui.translations import chosen_language

    background = Background(core.pool, window)
    # A sign-in process keeps the session in the keyring; logins held in memory (the demo's, or this run's only
    # when no keyring works) only this process can hold, so there the sign-in process hands the session back.
    in_memory = isinstance(core.secrets, MemorySecrets) or core.secrets.problem is not None
    apart = SignInApart(chosen_language(core.settings), core.sign_in_places, hand_back=in_memory)
    dialog = AccountsDialog(
        AccountStore(core.database),
        core.secrets,
        core.clock,
        background,
        core.registry,
        sign_ins=core.sign_ins,
        signed_in=core.signed_in,
        sign_in_apart=apart,
        select=select,
        parent=window,
    )
    dialog.account_saved.connect(saved)
    dialog.account_removed.connect(removed)
    dialog.exec()


def _add_sync(window: MainWindow, core: Core, feed: FeedController, history: HistoryView) -> SyncService:
    """Replication of the log: the state in the window, File ▸ Sync between computers… for its settings, exchanges
    on the pool."""
    from surveydesk.services.sync_service import SyncService
    from surveydesk.sync.target import SyncSettings
    from surveydesk.ui.formatting import format_time

    settings = SyncSettings(core.settings)
    background = Background(core.pool, window)
    service = SyncService(
        core.database, settings, core.secrets, core.clock, background, window, time_text=format_time
    )
    service.state_changed.connect(window.show_sync_state)
    core.connectivity.changed.connect(service.network_changed)

    def received(report: SyncReport) -> None:
        """What the worker's other computers sent shows at once: in the wages, the history, the list's rules,
        the alerts."""
        if report.received:
            core.wage_reports.refresh(core.clock.now())
            history.ledger_changed()
        if "setting" in report.kinds:
            feed.reload_settings()

    service.synced.connect(received)

    def open_dialog() -> None:
        from surveydesk.ui.sync_dialog import SyncDialog

        dialog = SyncDialog(settings, core.secrets, service, core.clock, background, window)
        dialog.exec()
        dialog.setParent(None)  # freed with its last reference, its connections to the service with it

    window.sync_requested.connect(open_dialog)
    return service


def _add_earnings_sync(window: MainWindow, core: Core) -> None:
    """Each account's earnings sync at the end of its status line, the network and "Sync earnings now" under
    them (and in the Tasks menu), and the worker's attempts brought into the ledger as they change (on the pool:
    it writes the database)."""
    from surveydesk.ui.sync_panel import SyncPanel

    core.connectivity.watch_system()  # Qt's network information needs the application to exist
    panel = SyncPanel(core.reconciliation.online, window)
    window.add_status_widget(panel)

    def show(status: SyncStatus) -> None:
        window.status_panel.update_sync(status, core.clock.now().astimezone().date())

    for status in core.reconciliation.statuses():
        show(status)
    core.reconciliation.status_changed.connect(show)
    core.reconciliation.online_changed.connect(panel.set_online)
    core.reconciliation.first_sync_progress.connect(panel.set_progress)
    panel.sync_requested.connect(core.reconciliation.sync_now)
    panel.cancel_requested.connect(core.reconciliation.cancel)
    window.tasks_menu.addAction(panel.sync_action)
    if window.timer_strip is not None:
        background = Background(core.pool, window)

        def ingest() -> None:
            background.run(
                lambda: core.attempt_ingest.ingest(core.clock.now()), lambda _count: None, lambda _bug: None
            )

        window.timer_strip.changed.connect(ingest)


def _phone_alerts(window: MainWindow, core: Core) -> tuple[PhoneAlerts, SessionIdle]:
    """Alerts on the phone, and how long the worker has been away (the desktop's idle time, else the input in
    SurveyDesk's own windows, watched from the application)."""
    from surveydesk.feed.phone import load_phone_settings
    from surveydesk.services.idle import SessionIdle
    from surveydesk.services.phone_alerts import PhoneAlerts
    from surveydesk.ui.input_idle import InputIdle

    background = Background(core.pool, window)
    own_input = InputIdle(parent=window)
    application = QCoreApplication.instance()
    assert application is not None  # the window exists
    own_input.watch_windows(application)
    phone = PhoneAlerts(core.secrets, background, lambda: load_phone_settings(core.settings), window)
    return phone, SessionIdle(own_input.idle, background, parent=window)


def _add_feed(window: MainWindow, core: Core) -> tuple[FeedController, DesktopNotifications | None]:
    """The feed (the rules over the list, alerts in the tray, on the desktop and on the phone, one-click take) and
    the profile's marks on the list; with the desktop's alerts, if the desktop has them, to close when the event
    loop has ended."""
    from surveydesk.feed.rule_store import RatesToday
    from surveydesk.services.desktop_notifications import DesktopNotifications, on_session_bus
    from surveydesk.ui.application import tray_icon
    from surveydesk.ui.feed_controller import FeedController
    from surveydesk.ui.profile_controller import ProfileController

    phone, idle = _phone_alerts(window, core)
    background = Background(core.pool, window)
    desktop = DesktopNotifications(background, parent=window) if on_session_bus() else None
    rates_today = RatesToday(core.database, lambda: core.clock.now().astimezone().date())
    feed = FeedController(window, core.poller, core.timekeeper, background, core.settings, core.clock, tray_icon(),
                          phone=phone, idle=idle, conversions=rates_today, notifications=desktop)  # fmt: skip
    profile = ProfileController(
        window,
        core.database,
        core.secrets,
        core.poller,
        feed.take_flow,
        Background(core.pool, window),
        core.clock,
        registry=core.registry,
        shapes=core.platform_changes.watch,
    )
    window.profile_requested.connect(profile.open_editor)
    if window.timer_strip is not None:
        window.timer_strip.changed.connect(profile.refresh_history)  # an ended attempt may change the risk
    return feed, desktop


class _LogProblem(QObject):
    """Brings the log file's problem, met on whichever thread logged, to the GUI thread."""

    met = Signal(object)


def _say_when_the_log_stops(log_file: LogFile, window: MainWindow) -> None:
    """A log file that stops being writable while SurveyDesk runs (a disk that fills) is said in the window once;
    one that could not be written at start is among the window's notices already."""
    from surveydesk.ui.text import translated

    relay = _LogProblem(window)
    relay.met.connect(lambda problem: window.say(translated(problem)))
    log_file.when_unwritable(relay.met.emit)


def _run_ui(args: argparse.Namespace, core: Core) -> int:
    # The UI is imported only here, after the core exists, so the core never depends on it.
    from surveydesk.ui.application import add_shell, create_application, missing_resources, quit_cleanly_when_asked
    from surveydesk.ui.crash_report import CrashReporter
    from surveydesk.ui.first_frame import FirstFrame
    from surveydesk.ui.main_window import MainWindow
    from surveydesk.ui.platform_change import PlatformChangeReporting

    app = create_application([sys.argv[0] if sys.argv else "surveydesk"], core.settings)  # and the language
    GuiThreadCollector(app).start()
    if args.smoke_test and (missing := missing_resources()):
        print("smoke-test failed: missing " + "; ".join(missing), flush=True)
        return EXIT_FAILED
    instance = SingleInstance(server_name(core.paths.data), app)
    if not instance.claim():
        print(f"{APP_NAME} is already running with this data; its window was brought forward.", flush=True)
        return EXIT_OK
    window = MainWindow(
        core.poller,
        core.clock.now,
        demo=args.demo,
        notices=core.notices,
        timekeeper=core.timekeeper,
        tasks=TaskList(),
        stop_clocks=core.closing_clocks.stop,
        gives_completion_codes=core.registry.gives_completion_codes,
    )
    instance.activation_requested.connect(window.bring_forward)
    first_frame = FirstFrame(window)  # what the first frame does not need runs after it
    _say_when_the_log_stops(core.log_file, window)
    crashes = CrashReporter(core.paths.log / LOG_FILE_NAME, lambda: window)
    crashes.install()
    _add_earnings_sync(window, core)
    # Before the event loop runs: what an earlier run left to tell (records still set aside) is told at its start.
    PlatformChangeReporting(window, core.platform_changes)  # the window keeps it
    add_shell(window, core.poller, core.settings, args.data_dir, args.demo)
    # Signs of life for the running clocks, whether or not the window is shown (it may be in the tray).
    keep_alive = QTimer(window)
    keep_alive.timeout.connect(core.timekeeper.keep_alive)
    keep_alive.start(int(KEEP_ALIVE_INTERVAL.total_seconds() * 1000))
    window.accounts_requested.connect(lambda key: _open_accounts(window, core, key))
    sync: SyncService | None = None
    desktop: DesktopNotifications | None = None

    def add_the_rest() -> None:
        """What the first frame does not show, built once it is painted and before the first polls: the feed and
        the profile's marks (the list is empty until the first polls), the Wages and History tabs, which appear
        beside the Tasks tab, with what they feed (goals, the money outlook, the sync between computers)."""
        nonlocal sync, desktop
        feed, desktop = _add_feed(window, core)
        wages = _add_wages_page(window, core, first_frame)
        history = _add_history_page(window, core, first_frame)
        history.rates_changed.connect(feed.reload_rules)
        _add_money_outlook(window, core, wages, history, feed)
        sync = _add_sync(window, core, feed, history)

    first_frame.later(add_the_rest)
    exit_code = EXIT_OK
    if args.smoke_test:
        smoke = SmokeTest(core.poller)

        def report(code: int, line: str) -> None:
            nonlocal exit_code
            exit_code = code
            print(line, flush=True)
            app.quit()

        def polled(code: int, line: str) -> None:
            """In the demo, the sign-in window then signs in to each platform's page, as the worker would, each
            in a sign-in process of its own."""
            if code != 0 or not args.demo or not core.sign_ins.web:
                report(code, line)
                return
            from surveydesk.ui.sign_in_process import SignInApart
            from surveydesk.ui.smoke_sign_in import SignInSmokeTest

            apart = SignInApart("en", core.sign_in_places, demo_worker_script(), hand_back=True, parent=window)
            signing = SignInSmokeTest(apart, list(core.sign_ins.web), parent=window)
            signing.finished.connect(lambda signed, words: report(signed, f"{line}; {words}"))
            signing.start()

        smoke.finished.connect(polled)
        smoke.start()
    stop_signals = quit_cleanly_when_asked(app, core.closing_clocks.stop)
    window.show()
    # Read (and cleared) now, while nothing else has run: whether the last quit could not save the clocks.
    closed_on_a_full_disk = not args.smoke_test and core.closing_clocks.closed_on_a_full_disk()

    def start_work() -> None:
        settle_heap()
        core.poller.start()
        if not args.smoke_test:
            core.reconciliation.start()
        if sync is not None and not args.smoke_test and not args.demo:  # the demo's data is not hers to replicate
            sync.start()
        if not args.smoke_test:
            window.ask_about_interruptions(closed_on_a_full_disk)  # last: it may wait for her answer

    first_frame.later(start_work)
    try:
        code = app.exec()
    finally:
        stop_signals.close()
        crashes.uninstall()
        if desktop is not None:
            desktop.close()
    if sync is not None:  # built unless SurveyDesk quit before its window's first frame
        sync.stop()
    window.close()
    return exit_code if args.smoke_test else code
