"""No secret leaks: every platform polls with a canary secret through errors of every kind, and afterwards no
file in the data, config, cache or log folders holds the canary (nor CPX's hash of it)."""

from __future__ import annotations

import logging
from pathlib import Path

from surveydesk.core.clock import SystemClock
from surveydesk.core.model import PlatformStatus, PollState
from surveydesk.demo import DemoExchange
from surveydesk.demo.accounts import demo_accounts
from surveydesk.logging_setup import configure_logging
from surveydesk.paths import AppPaths
from surveydesk.platforms.cpx.tasks import secure_hash
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from surveydesk.services.poller import Poller
from surveydesk.store import AccountStore, Database, TaskStore
from tests.conftest import no_floor
from tests.ledger_helpers import PROLIFIC_UNPACED

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
    handler = configure_logging(paths.log, verbose=True)
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
