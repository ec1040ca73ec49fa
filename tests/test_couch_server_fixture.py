"""The sync tests' server fixture fails, and says how to install the server, when it is missing: a sync test that
skipped silently would prove nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_missing_pouchdb_server_fails_the_test_with_the_command_to_install_it(tmp_path: Path):
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "from tests.couch_server import couch_server  # noqa: F401\n\ndef test_probe(couch_server):\n    pass\n",
        "utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe), "--rootdir", str(ROOT)],
        cwd=ROOT,
        env={**os.environ, "SURVEYDESK_POUCHDB_DIR": str(tmp_path / "nothing-here"), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout
    assert "1 error" in result.stdout and "skipped" not in result.stdout
    assert "run `bash .ci/system-packages`" in result.stdout
