"""No secret leaks: every platform polls with a canary secret through errors of every kind, and afterwards no
file in the data, config, cache or log folders holds the canary (nor CPX's hash of it); signing in to each
platform's page in the web engine leaves nothing of the sign-in in any folder the web engine could write to."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from PySide6.QtWebEngineCore import QWebEngineProfile

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import PlatformStatus, PollState
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_accounts, demo_sign_ins
from surveydesk.logging_setup import configure_logging
from surveydesk.paths import AppPaths, why
from surveydesk.platforms.cpx.tasks import secure_hash
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.poller import Poller
from surveydesk.store import AccountStore, Database, TaskStore
from surveydesk.ui.sign_in_window import SignInWindow
from tests.conftest import no_floor
from tests.ledger_helpers import PROLIFIC_UNPACED
from tests.ui.test_sign_in_window import fill_when_loaded, sign_in

# After a first round in which each site refuses the canary as a wrong login, one round per fault; the rate
# limit comes last, since the poller then waits for the server's hint.
FAULTS = [
    (500, b"<html>Internal Server Error</html>"),
    (200, b"{not json"),
    (200, b'{"results": [{"id": 5}], "data": {"surveys": "no"}, "surveys": 7}'),
    (429, b'{"error": {"detail": "Request was throttled. Expected available in 1 seconds."}}'),
]


def canary(platform: str) -> str:
    return f"CANARY-{platform}-7f3a9c"


def canary_secret(platform: str) -> str:
    """The canary as the platform's secret; cookie platforms get a well-formed cookie string holding it."""
    if platform == "toloka":
        return f"toloka-session={canary(platform)}; toloka-csrftoken={canary(platform)}"
    if platform == "mturk":
        return f"session-token={canary(platform)}"
    return canary(platform)


def test_canary_secrets_reach_no_file(qtbot, tmp_path: Path, pool):
    paths = AppPaths.under(tmp_path).create()
    handler = configure_logging(paths.log, why, verbose=True)
    database = Database.open(paths.database)
    secrets = MemorySecrets()
    poller = Poller(TaskStore(database), SystemClock(), pool, floor_of=no_floor)
    try:
        with DemoExchange(seed=3, sites=PROLIFIC_UNPACED) as exchange:
            accounts = AccountStore(database)
            for account, _demo_secret in demo_accounts(exchange, BUILT_IN):
                accounts.save(account)
                secrets.set(account.key, canary_secret(account.key.platform))
                connector = BUILT_IN.build_connector(account, secrets, SystemClock())
                poller.add_account(account, connector, BUILT_IN.politeness_for(account))
            errors: dict[str, list[str]] = {platform: [] for platform in exchange.platforms}
            previous: dict[str, PollState] = {}

            def record(status: PlatformStatus) -> None:
                """One entry per finished poll: an ERROR right after POLLING (later ones only reschedule)."""
                platform = status.account.platform
                if status.state is PollState.ERROR and previous.get(platform) is PollState.POLLING:
                    errors[platform].append(status.error_kind)
                previous[platform] = status.state

            poller.status_changed.connect(record)
            poller.start()
            for done, (status, body) in enumerate(FAULTS, start=1):
                # A 5xx's Retry-After is honoured (1 s and the 5 s margin) before the next check.
                qtbot.waitUntil(
                    lambda done=done: all(len(kinds) >= done for kinds in errors.values()), timeout=15_000
                )
                for platform in exchange.platforms:
                    exchange.inject_fault(platform, status, body, headers=(("Retry-After", "1"),))
                poller.poll_all_now()
            qtbot.waitUntil(lambda: all(len(kinds) > len(FAULTS) for kinds in errors.values()), timeout=15_000)
            assert {kinds[-1] for kinds in errors.values()} == {"rate-limited"}
            seen = {kind for kinds in errors.values() for kind in kinds}
            assert seen == {"auth", "unavailable", "bad-payload", "rate-limited"}
            poller.stop()
            pool.waitForDone(10_000)
    finally:
        database.close()
        logging.getLogger().removeHandler(handler)
        handler.close()

    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert any(path.suffix == ".log" for path in written) and any(".sqlite3" in path.name for path in written)
    needles = [canary(platform).encode() for platform in ("prolific", "mturk", "bitlabs", "cpx", "toloka")]
    needles.append(secure_hash("demo-user", canary("cpx")).encode())
    for path in written:
        content = path.read_bytes()
        assert not [needle for needle in needles if needle in content], f"a secret reached {path}"


CANARY_EMAIL = "canary-7f3a9c@example.com"
CANARY_PASSWORD = "CANARY-password-7f3a9c"
SIGN_IN_FORMS = {
    "prolific": [{"email": CANARY_EMAIL, "password": CANARY_PASSWORD}],
    "mturk": [{"email": CANARY_EMAIL, "password": CANARY_PASSWORD}, {"otpCode": "123456"}],
    "toloka": [{"login": CANARY_EMAIL, "password": CANARY_PASSWORD}],
}


@pytest.mark.qt_log_ignore(
    "QRhiGles2", "Failed to create RHI", "createPlatformVulkanInstance", "QVulkanInstance", "GBM is not supported",
    "GPUInfo not initialized",
)  # fmt: skip
def test_signing_in_leaves_nothing_in_the_web_engines_folders(qtbot, tmp_path: Path, monkeypatch):
    """The web engine writes its profiles, caches and cookies under the home, data, cache and config folders
    (and temporary files under TMPDIR): all of them are in `tmp_path` here, and none may hold the worker's
    e-mail, password, or what the sign-in gave (tokens, session cookies), which only the keyring keeps."""
    folders = {"HOME": "home", "XDG_DATA_HOME": "data", "XDG_CACHE_HOME": "cache", "XDG_CONFIG_HOME": "config"}
    for variable, name in {**folders, "TMPDIR": "tmp"}.items():
        (tmp_path / name).mkdir()
        monkeypatch.setenv(variable, str(tmp_path / name))
    needles = [CANARY_EMAIL.encode(), CANARY_PASSWORD.encode()]
    with DemoExchange(seed=5, sites=PROLIFIC_UNPACED) as demo:
        for platform, sign_in_of in demo_sign_ins(demo, BUILT_IN).web.items():
            window = SignInWindow(sign_in_of.session_watch(), platform)
            profile = window.findChild(QWebEngineProfile)
            assert profile is not None and profile.isOffTheRecord()
            assert profile.httpCacheType() is QWebEngineProfile.HttpCacheType.MemoryHttpCache
            fill_when_loaded(window, SIGN_IN_FORMS[platform])
            captured = sign_in(qtbot, window)
            assert sign_in_of.secret(captured) is not None
            needles += [cookie.value.encode() for cookie in captured.cookies if len(cookie.value) >= 8]
            for entry in captured.storage.values():
                user = json.loads(entry)
                needles += [user["access_token"].encode(), user["refresh_token"].encode()]
    assert len(needles) > 4  # each platform gave something to look for

    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    for path in written:
        content = path.read_bytes()
        assert not [needle for needle in needles if needle in content], f"a sign-in reached {path}"
