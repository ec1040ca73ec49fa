"""The platforms' names, cadences and options are read without their readers: a spec names its clients
("module:Class") and the registry imports them, with requests and urllib3, when the first client is built."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import bare_environment

READ_THE_SPECS = """
import json, sys
from surveydesk.core.model import Account, AccountKey
from surveydesk.platforms.registry import BUILT_IN
for spec in BUILT_IN:
    assert spec.name and [option.label for option in spec.options] is not None
    BUILT_IN.politeness_for(Account(AccountKey(spec.platform, "w1"), "me", spec.base_url))
print(json.dumps(sorted(sys.modules)))
"""

PLATFORMS = ("prolific", "mturk", "bitlabs", "cpx", "toloka")


def test_reading_the_platforms_imports_no_reader_nor_requests(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-c", READ_THE_SPECS],
        env=bare_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout))
    readers = {f"surveydesk.platforms.{p}.{part}" for p in PLATFORMS for part in ("tasks", "earnings")}
    assert sorted(loaded & (readers | {"requests", "urllib3", "surveydesk.net.http"})) == []


def test_a_client_is_imported_when_first_built(tmp_path: Path):
    """The registry builds an MTurk connector from the name its spec gives, in a process that had not imported
    it."""
    built = """
import sys
from surveydesk.core.clock import SystemClock
from surveydesk.core.model import Account, AccountKey
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.secrets import MemorySecrets
account = Account(AccountKey("mturk", "w1"), "me", "http://127.0.0.1:9")
assert "surveydesk.platforms.mturk.tasks" not in sys.modules
connector = BUILT_IN.build_connector(account, MemorySecrets(), SystemClock())
print(type(connector).__module__, type(connector).__name__)
"""
    result = subprocess.run(
        [sys.executable, "-c", built], env=bare_environment(tmp_path), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["surveydesk.platforms.mturk.tasks", "MTurkConnector"]
