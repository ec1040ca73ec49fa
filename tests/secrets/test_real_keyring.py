"""Secrets through the app's secrets module against a real Secret Service: gnome-keyring in its own D-Bus session.

The rest of the suite uses an in-memory keyring; this one test proves the real path works. It starts a private
session bus and an unlocked keyring daemon in a throw-away home, so the worker's own keyring is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import bare_environment

NEEDED = ("dbus-run-session", "gnome-keyring-daemon")
MISSING = [tool for tool in NEEDED if shutil.which(tool) is None]

# What runs inside the private session: store, read, delete through surveydesk.secrets, and say which backend.
CHILD = """
import keyring
from surveydesk.core.model import AccountKey
from surveydesk.secrets import KeyringSecrets

secrets = KeyringSecrets()
key = AccountKey("prolific", "keyring-test")
print("backend", type(keyring.get_keyring()).__module__)
print("problem", secrets.problem)
secrets.set(key, "a-token-that-lives-in-the-keyring")
print("read", secrets.get(key))
secrets.delete(key)
print("deleted", secrets.get(key))
"""

SCRIPT = 'eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"; exec "$0" -c "$1"'


@pytest.mark.skipif(
    bool(MISSING) and os.environ.get("CI") != "true",
    reason=f"needs {', '.join(MISSING)} (installed by .ci/system-packages); CI runs it",
)
def test_a_secret_is_stored_read_and_deleted_in_a_real_secret_service(tmp_path: Path):
    environment = bare_environment(tmp_path)
    result = subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", SCRIPT, sys.executable, CHILD],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.strip().splitlines())
    assert lines["backend"] == "keyring.backends.SecretService"
    assert lines["problem"] == "None"
    assert lines["read"] == "a-token-that-lives-in-the-keyring"
    assert lines["deleted"] == "None"
