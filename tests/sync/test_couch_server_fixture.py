"""The sync tests' server fixture installs PouchDB Server itself when it is missing (so the README's one test
command is all a fresh machine needs besides Python and npm), once even when two test processes start together,
and fails saying what to install when npm is missing: a sync test that skipped silently would prove nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.locations import ROOT

# npm may not reach the registry from a test: everything it installs here is a local folder.
OFFLINE_NPM = {"npm_config_offline": "true", "npm_config_update_notifier": "false", "npm_config_audit": "false"}


def test_without_npm_the_sync_test_fails_and_says_what_to_install(tmp_path: Path):
    probe = tmp_path / "test_probe.py"
    probe.write_text(
        "from tests.couch_server import couch_server  # noqa: F401\n\ndef test_probe(couch_server):\n    pass\n",
        "utf-8",
    )
    nothing = tmp_path / "empty-path"
    nothing.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe), "--rootdir", str(ROOT)],
        cwd=ROOT,
        env={
            **os.environ,
            "SURVEYDESK_POUCHDB_DIR": str(tmp_path / "nothing-here"),
            "PYTHONPATH": str(ROOT),
            "PATH": str(nothing),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stdout
    assert "1 error" in result.stdout and "skipped" not in result.stdout
    assert "npm (or node) is missing" in result.stdout
    assert "sudo apt install npm" in result.stdout


def _local_package(folder: Path, name: str, version: str) -> Path:
    folder.mkdir()
    (folder / "package.json").write_text(json.dumps({"name": name, "version": version}), "utf-8")
    (folder / "index.js").write_text("module.exports = 42;\n", "utf-8")
    return folder


def test_two_test_processes_install_a_missing_package_once(tmp_path: Path):
    """The same path as PouchDB Server's, with a package from a local folder (tests reach no registry)."""
    source = _local_package(tmp_path / "source", "surveydesk-probe", "1.2.3")
    cache = tmp_path / "cache"
    script = (
        "import sys; from pathlib import Path; from tests.couch_server import ensure_npm_package\n"
        f"ensure_npm_package(Path({str(cache)!r}), 'surveydesk-probe', '1.2.3', "
        f"lambda text: print(text, flush=True), source={str(source)!r})\n"
    )
    environment = {**os.environ, **OFFLINE_NPM, "PYTHONPATH": str(ROOT)}
    both = [
        subprocess.Popen(
            [sys.executable, "-c", script], cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=300)[0] for process in both]
    assert [process.returncode for process in both] == [0, 0], outputs
    said = "".join(outputs)
    assert said.count("Installing surveydesk-probe 1.2.3 for the sync tests") == 1, said
    assert said.count("surveydesk-probe 1.2.3 is installed.") == 1, said
    manifest = json.loads((cache / "node_modules" / "surveydesk-probe" / "package.json").read_text("utf-8"))
    assert manifest["version"] == "1.2.3"
