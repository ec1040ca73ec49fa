"""The core and the rest of the window, composed once the window's frame is on the screen (app.py starts there).

`build_services` builds the core on the opened data folder: the platforms' registry, the stores, the poller, the
earnings' reconciliation, the clocks, the demo exchange in the demo. `attach_core` then gives the window what it
shows (the list, the accounts' lines, the timer), and, a turn of the event loop later, the feed, the Wages and
History tabs and the sync between computers, before the first polls start. Nothing else in SurveyDesk creates
long-lived objects on its own; each gets what it needs from here.
"""

from __future__ import annotations

import argparse
import gc
import logging
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal

from surveydesk.core.clock import Clock, SystemClock
from surveydesk.core.connector import Connector
from surveydesk.core.earnings import EarningsReader
from surveydesk.core.model import Account, AccountKey
from surveydesk.core.platform_gate import PlatformGate
from surveydesk.core.politeness import Politeness
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.data_folder import DataFolder
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
from surveydesk.logging_setup import LogFile
from surveydesk.net.shapes import ShapeWatch, share_shape_watch
from surveydesk.paths import AppPaths
from surveydesk.platforms.prolific.sign_in import SignedInSecrets
from surveydesk.platforms.registry import BUILT_IN, Registry, UnknownPlatform
from surveydesk.platforms.set_aside_store import SetAsideStore
from surveydesk.platforms.walls import share_points_values
from surveydesk.platforms.web_session import SignInPlace, SignIns
from surveydesk.profile.store import ProfileStore
from surveydesk.secrets import KeyringSecrets, MemorySecrets, SecretStore, SecretsWithRunOnlyFallback
from surveydesk.services.background import Background
from surveydesk.services.platform_changes import PlatformChanges
from surveydesk.services.poller import Poller
from surveydesk.services.reconciliation import Connectivity, ReconciliationService, SyncStatus
from surveydesk.services.smoke_test import SmokeTest
from surveydesk.services.wage_reports import WageReports
from surveydesk.store import AccountStore, Database, TaskStore
from surveydesk.store.backups import BACKUP_FOLDER_NAME, RollingBackups
from surveydesk.store.settings import SettingsStore
from surveydesk.work.closing_clocks import ClosingClocks
from surveydesk.work.store import WorkLog
from surveydesk.work.timekeeper import KEEP_ALIVE_INTERVAL, Timekeeper
from surveydesk.work.wage_settings import WageSettings

if TYPE_CHECKING:
    import requests

    from surveydesk.services.desktop_notifications import DesktopNotifications
    from surveydesk.services.idle import SessionIdle
    from surveydesk.services.money_outlook import Outlook
    from surveydesk.services.phone_alerts import PhoneAlerts
    from surveydesk.services.stop_signals import StopSignals
    from surveydesk.services.sync_service import SyncService
    from surveydesk.sync.replicator import SyncReport
    from surveydesk.ui.feed_controller import FeedController
    from surveydesk.ui.history_view import HistoryView
    from surveydesk.ui.main_window import MainWindow
    from surveydesk.ui.wages_panel import WagesPanel

log = logging.getLogger(__name__)

EXIT_FAILED = 1
WAGES_REFRESH_MS = 60_000


@dataclass(frozen=True, slots=True)
class Core:
    """Everything below the UI, built once the window's frame is on the screen (app.py)."""

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
def build_services(args: argparse.Namespace, data: DataFolder, registry: Registry | None = None) -> Iterator[Core]:
    """Build the core on the opened data folder in the documented order, and take it down in reverse when the
    block ends; with the built-in platforms unless `registry` says others."""
    registry = BUILT_IN if registry is None else registry
    paths, database, handler = data.paths, data.database, data.log_file
    with ExitStack() as stack:
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


def _add_wages_page(window: MainWindow, core: Core) -> WagesPanel:
    """The wages tab (and the list's "Your history" column), computed at once, then
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
    refresh()
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


def _add_history_page(window: MainWindow, core: Core) -> HistoryView:
    """The history tab, read at once, again whenever the worker turns to it and after
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
    view.refresh()
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
    from surveydesk.ui.feed_controller import FeedController
    from surveydesk.ui.icons import tray_icon
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


class RunningUi:
    """What `attach_core` started that the composition root ends once the event loop has: the signals that quit
    SurveyDesk cleanly, the desktop's alerts and the sync between computers; and the smoke test's verdict."""

    def __init__(self, stop_signals: StopSignals) -> None:
        self.stop_signals = stop_signals
        self.desktop: DesktopNotifications | None = None
        self.sync: SyncService | None = None
        self.smoke_test_code = EXIT_FAILED  # until the smoke test reports

    def end(self) -> None:
        self.stop_signals.close()
        if self.desktop is not None:
            self.desktop.close()
        if self.sync is not None:
            self.sync.stop()


def attach_core(args: argparse.Namespace, core: Core, window: MainWindow, stop_signals: StopSignals) -> RunningUi:
    """The window's list, accounts' lines and timer, given the core; once they are painted, the feed, the Wages
    and History tabs and the sync, then the first polls."""
    from surveydesk.ui.first_frame import FirstFrame
    from surveydesk.ui.platform_change import PlatformChangeReporting
    from surveydesk.ui.shell_controller import add_shell

    window.attach(
        core.poller,
        core.clock.now,
        notices=core.notices,
        timekeeper=core.timekeeper,
        tasks=TaskList(),
        stop_clocks=core.closing_clocks.stop,
        gives_completion_codes=core.registry.gives_completion_codes,
    )
    # Read (and cleared) now, while nothing else has run: whether the last quit could not save the clocks.
    closed_on_a_full_disk = not args.smoke_test and core.closing_clocks.closed_on_a_full_disk()
    running = RunningUi(stop_signals)
    _say_when_the_log_stops(core.log_file, window)
    _add_earnings_sync(window, core)
    # Before the feed: what an earlier run left to tell (records still set aside) is told at once.
    PlatformChangeReporting(window, core.platform_changes)  # the window keeps it
    add_shell(window, core.poller, core.settings, args.data_dir, args.demo)
    # Signs of life for the running clocks, whether or not the window is shown (it may be in the tray).
    keep_alive = QTimer(window)
    keep_alive.timeout.connect(core.timekeeper.keep_alive)
    keep_alive.start(int(KEEP_ALIVE_INTERVAL.total_seconds() * 1000))
    window.accounts_requested.connect(lambda key: _open_accounts(window, core, key))
    if args.smoke_test:
        _start_smoke_test(args, core, window, running)

    def add_the_rest() -> None:
        """What the list's first frame does not show, built before the first polls: the feed and the profile's
        marks (the list is empty until the first polls), the Wages and History tabs, which appear beside the
        Tasks tab, with what they feed (goals, the money outlook, the sync between computers); then the work."""
        feed, running.desktop = _add_feed(window, core)
        wages = _add_wages_page(window, core)
        history = _add_history_page(window, core)
        history.rates_changed.connect(feed.reload_rules)
        _add_money_outlook(window, core, wages, history, feed)
        running.sync = _add_sync(window, core, feed, history)
        settle_heap()
        core.poller.start()
        if not args.smoke_test:
            core.reconciliation.start()
        if not args.smoke_test and not args.demo:  # the demo's data is not hers to replicate
            running.sync.start()
        if not args.smoke_test:
            window.ask_about_interruptions(closed_on_a_full_disk)  # last: it may wait for her answer

    FirstFrame(window.status_panel).later(add_the_rest)  # once the accounts' lines are on the screen
    return running


def _start_smoke_test(args: argparse.Namespace, core: Core, window: MainWindow, running: RunningUi) -> None:
    """Every platform polled once, then, in the demo, the sign-in window signs in to each platform's page, as
    the worker would, each in a sign-in process of its own; the verdict is printed and SurveyDesk quits."""
    smoke = SmokeTest(core.poller, parent=window)  # the window keeps it

    def report(code: int, line: str) -> None:
        running.smoke_test_code = code
        print(line, flush=True)
        QCoreApplication.quit()

    def polled(code: int, line: str) -> None:
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
