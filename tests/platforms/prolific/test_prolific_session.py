"""Staying signed in to Prolific: the access token is refreshed before it ends, the rotated refresh token is kept
before the new access token is used (even when the process is killed at any moment), and a refused refresh
means "signed out"."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time as wall
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from surveydesk.core.clock import SystemClock
from surveydesk.core.errors import AuthExpired
from surveydesk.core.model import Account, AccountKey
from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts
from surveydesk.demo.sign_in_pages import DEMO_CLIENT_ID, ProlificAuthSite
from surveydesk.platforms.prolific.sign_in import ProlificSession, ProlificSessionKeeper, SignedInSecrets
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
from tests.conftest import bare_environment
from tests.ledger_helpers import PROLIFIC_UNPACED

KEY = AccountKey("prolific", "me")


class WallClock:
    """Epoch seconds that move only when the test says."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def signed_in(session: requests.Session) -> Iterator[tuple[DemoExchange, ProlificSession]]:
    """A demo exchange and a session signed in through its authorization code, as the web app gets one."""
    with DemoExchange(seed=3, clock=ManualClock(), sites=PROLIFIC_UNPACED) as exchange:
        yield exchange, _sign_in(exchange, session, WallClock()())


def _sign_in(exchange: DemoExchange, http: requests.Session, now: float) -> ProlificSession:
    auth = f"{exchange.base_url}/prolific-auth"
    answer = http.post(
        f"{auth}/authorize",
        data={"email": "a@example.com", "password": "pw", "redirect_uri": f"{auth}/callback"},
        allow_redirects=False,
    )
    code = answer.headers["Location"].split("code=")[1]
    grant = {"grant_type": "authorization_code", "code": code, "client_id": DEMO_CLIENT_ID}
    token = http.post(f"{auth}/oauth/token", data=grant).json()
    return ProlificSession(
        DEMO_CLIENT_ID, token["access_token"], token["refresh_token"], int(now) + 120, token["expires_in"]
    )


def _keeper(exchange: DemoExchange, secrets: MemorySecrets, http: requests.Session, clock: WallClock):
    return ProlificSessionKeeper(KEY, secrets, http, f"{exchange.base_url}/prolific-auth/oauth/token", clock)


def _studies(exchange: DemoExchange, http: requests.Session, token: str) -> int:
    url = f"{exchange.prolific_url}/api/v1/participant/studies/"
    return http.get(url, headers={"Authorization": f"Bearer {token}"}).status_code


def test_a_fresh_access_token_is_used_as_it_is(signed_in, session):
    exchange, first = signed_in
    secrets, clock = MemorySecrets({KEY: first.to_secret()}), WallClock()
    assert _keeper(exchange, secrets, session, clock).access_token() == first.access_token
    assert exchange.sign_ins.prolific.counts.refreshed == 0


def test_shortly_before_it_ends_the_token_is_refreshed_and_the_new_pair_stored_first(signed_in, session):
    exchange, first = signed_in
    secrets, clock = MemorySecrets({KEY: first.to_secret()}), WallClock()
    keeper = _keeper(exchange, secrets, session, clock)
    clock.now += 120 - 29  # the margin of a two-minute token is a quarter of it, 30 s
    token = keeper.access_token()
    stored = ProlificSession.from_secret(secrets.get(KEY) or "")
    assert token != first.access_token and stored.access_token == token
    assert stored.refresh_token != first.refresh_token  # rotated, and the new one kept
    assert stored.expires_at == int(clock.now) + 120
    assert _studies(exchange, session, token) == 200
    assert exchange.sign_ins.prolific.counts.refreshed == 1


def test_once_the_new_pair_is_used_the_old_refresh_token_is_refused(signed_in, session):
    exchange, first = signed_in
    secrets, clock = MemorySecrets({KEY: first.to_secret()}), WallClock()
    clock.now += 200
    token = _keeper(exchange, secrets, session, clock).access_token()
    assert token is not None and _studies(exchange, session, token) == 200
    auth = exchange.sign_ins.prolific
    assert not auth.is_valid_refresh_token(first.refresh_token)
    stale = MemorySecrets({KEY: first.to_secret()})  # a copy of the keyring from before the refresh
    with pytest.raises(AuthExpired) as refused:
        _keeper(exchange, stale, session, clock).access_token()
    assert refused.value.message == "Prolific signed you out: sign in to Prolific again"


def test_sessions_last_across_many_refreshes(signed_in, session):
    exchange, first = signed_in
    secrets, clock = MemorySecrets({KEY: first.to_secret()}), WallClock()
    keeper = _keeper(exchange, secrets, session, clock)
    for _ in range(5):
        clock.now += 100
        token = keeper.access_token()
        assert token is not None and _studies(exchange, session, token) == 200
    assert exchange.sign_ins.prolific.counts.refreshed == 5


def test_when_prolific_signs_the_worker_out_the_refresh_is_refused_in_words(signed_in, session):
    exchange, first = signed_in
    secrets, clock = MemorySecrets({KEY: first.to_secret()}), WallClock()
    exchange.sign_ins.prolific.sign_out()
    clock.now += 200
    with pytest.raises(AuthExpired) as refused:
        _keeper(exchange, secrets, session, clock).access_token()
    assert refused.value.message == "Prolific signed you out: sign in to Prolific again"
    assert secrets.get(KEY) == first.to_secret()  # kept as it was: signing in again replaces it


def test_no_stored_session_gives_no_token(signed_in, session):
    exchange, _ = signed_in
    assert _keeper(exchange, MemorySecrets(), session, WallClock()).access_token() is None


def test_an_access_token_kept_by_an_older_surveydesk_is_used_as_it_is(signed_in, session):
    exchange, first = signed_in
    keeper = _keeper(exchange, MemorySecrets({KEY: first.access_token}), session, WallClock())
    assert keeper.access_token() == first.access_token
    assert exchange.sign_ins.prolific.counts.refreshed == 0


@pytest.mark.parametrize(
    "stored",
    ["{}", "{not json", '{"client_id": "x", "access_token": 1}', "[1]"],
)
def test_a_stored_secret_that_is_not_a_session_asks_to_sign_in_again(signed_in, session, stored: str):
    exchange, _ = signed_in
    with pytest.raises(AuthExpired):
        _keeper(exchange, MemorySecrets({KEY: stored}), session, WallClock()).access_token()


def test_a_server_error_during_refresh_keeps_the_session_for_the_next_try(signed_in, session):
    exchange, first = signed_in
    secrets, clock = MemorySecrets({KEY: first.to_secret()}), WallClock()
    exchange.inject_fault("prolific-auth", 503, b"{}")
    clock.now += 200
    keeper = _keeper(exchange, secrets, session, clock)
    with pytest.raises(Exception, match="having trouble") as failed:
        keeper.access_token()
    assert failed.value.kind == "unavailable"
    assert secrets.get(KEY) == first.to_secret()
    assert keeper.access_token() != first.access_token  # the next try refreshes


# --- The SIGKILL test: a real keyring (gnome-keyring on a private session bus), a child refreshing in a loop ---

NEEDED = ("dbus-run-session", "gnome-keyring-daemon")
MISSING = [tool for tool in NEEDED if shutil.which(tool) is None]
ROUNDS = 12

# Inside the private session: each round starts a worker that refreshes without pause, kills it at a random
# moment, and prints the refresh token the keyring then holds. The worker's first refresh uses what the keyring
# held, so a lost token shows as a worker that is refused ("signed-out").
SUPERVISOR = """
import json, random, signal, subprocess, sys
import keyring
from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey
from surveydesk.secrets import KeyringSecrets
token_url, first, worker, rounds, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
secrets = KeyringSecrets()
key = AccountKey("prolific", "me")
secrets.set(key, first)
chance = random.Random(seed)
print(json.dumps({"backend": type(keyring.get_keyring()).__module__}), flush=True)
for number in range(rounds):
    child = subprocess.Popen([sys.executable, "-c", worker, token_url], stdout=subprocess.PIPE, text=True)
    ready = child.stdout.readline().strip()
    if ready != "ready":
        print(json.dumps({"round": number, "worker": ready or "died"}), flush=True)
        child.wait()
        continue
    for _ in range(chance.randint(0, 30)):  # a random number of refreshes in, at whatever point of the next
        if not child.stdout.readline():
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    stored = json.loads(secrets.get(key))
    print(json.dumps({"round": number, "worker": "killed", "refresh_token": stored["refresh_token"]}), flush=True)
"""

WORKER = """
import itertools, sys
from surveydesk.net.http import make_session
from surveydesk.core.errors import AuthExpired
from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey
from surveydesk.platforms.prolific.sign_in import ProlificSessionKeeper
from surveydesk.secrets import KeyringSecrets
session = make_session("SurveyDesk/test")
session.trust_env = False
keeper = ProlificSessionKeeper(AccountKey("prolific", "me"), KeyringSecrets(), session, sys.argv[1],
                               wall_clock=itertools.count(4_000_000_000, 1000).__next__)  # every call refreshes
try:
    token = keeper.access_token()
except AuthExpired:
    print("signed-out", flush=True)
    sys.exit(3)
print("ready", flush=True)
while True:
    token = keeper.access_token()
    print("refreshed", flush=True)
    session.get(sys.argv[1].replace("/prolific-auth/oauth/token", "/prolific/api/v1/participant/studies/"),
                headers={"Authorization": "Bearer " + token})
"""

SCRIPT = 'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; exec "$0" -c "$@"'


@pytest.mark.skipif(
    bool(MISSING) and os.environ.get("CI") != "true",
    reason=f"needs {', '.join(MISSING)} (installed by .ci/system-packages); CI runs it",
)
def test_killing_a_refreshing_process_at_any_moment_never_loses_the_valid_refresh_token(
    tmp_path: Path, session: requests.Session
):
    with DemoExchange(seed=5, sites=PROLIFIC_UNPACED) as exchange:
        first = _sign_in(exchange, session, wall.time())
        auth: ProlificAuthSite = exchange.sign_ins.prolific
        token_url = f"{exchange.base_url}/prolific-auth/oauth/token"
        seed = random.SystemRandom().randrange(1_000_000)
        result = subprocess.run(
            [
                *("dbus-run-session", "--", "bash", "-c", SCRIPT, sys.executable, SUPERVISOR, token_url),
                *(first.to_secret(), WORKER, str(ROUNDS), str(seed)),
            ],
            env=bare_environment(tmp_path),
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert result.returncode == 0, result.stderr
        lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        assert lines[0] == {"backend": "keyring.backends.SecretService"}
        rounds = lines[1:]
        assert [line["worker"] for line in rounds] == ["killed"] * ROUNDS, f"seed {seed}: {rounds}"
        # The last token the keyring holds still refreshes; so did every earlier one (each round began with it).
        assert auth.is_valid_refresh_token(rounds[-1]["refresh_token"]), f"seed {seed}"
        assert auth.counts.refreshed >= ROUNDS  # every round refreshed at least once before it was killed
        assert auth.counts.refused == 0, f"seed {seed}"


def test_a_connector_reads_prolific_through_the_session_and_a_sign_out_stops_only_prolific(signed_in, session):
    """What the app wires: connectors built with SignedInSecrets. Prolific signing the worker out is "signed out,
    sign in again" in words for Prolific, while another platform's account reads its secret as before."""
    exchange, first = signed_in
    clock = WallClock()
    stored = MemorySecrets({KEY: first.to_secret()})
    for account, secret in demo_accounts(exchange, BUILT_IN):
        if account.key.platform == "bitlabs":
            stored.set(account.key, secret)
            bitlabs = account
    secrets = SignedInSecrets(stored, lambda: session, f"{exchange.base_url}/prolific-auth/oauth/token", clock)
    prolific = BUILT_IN.build_connector(Account(KEY, "me", exchange.prolific_url), secrets, SystemClock())
    assert prolific.fetch_tasks() is not None
    exchange.sign_ins.prolific.sign_out()
    clock.now += 200
    with pytest.raises(AuthExpired) as refused:
        prolific.fetch_tasks()
    assert refused.value.message == "Prolific signed you out: sign in to Prolific again"
    assert BUILT_IN.build_connector(bitlabs, secrets, SystemClock()).fetch_tasks() is not None
    with pytest.raises(AuthExpired) as never:
        SignedInSecrets(MemorySecrets(), lambda: session).get(KEY)
    assert "token" not in never.value.message
