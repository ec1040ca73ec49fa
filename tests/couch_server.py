"""A real CouchDB-compatible server for the sync tests: PouchDB Server on 127.0.0.1, in memory, one per test.

The first sync test on a machine installs it from the npm registry into a cache folder outside the repository
(`ensure_pouchdb_server`), saying so while it does, under a file lock so that two test processes install it
once; without npm the test fails saying what to install (a sync test that skipped silently would prove
nothing). The server gets an admin user through its config.json, so requests need the right password, as with
a CouchDB out of its "admin party".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final

import pytest
import requests
from filelock import FileLock

POUCHDB_DIR: Final = Path(
    os.environ.get("SURVEYDESK_POUCHDB_DIR", Path.home() / ".cache" / "surveydesk-ci" / "pouchdb")
)
POUCHDB_VERSION: Final = "4.2.0"
SERVER_SCRIPT: Final = POUCHDB_DIR / "node_modules" / "pouchdb-server" / "bin" / "pouchdb-server"
INSTALL_DEADLINE_SECONDS: Final = 900.0  # the first install downloads some 60 MB of packages
ADMIN: Final = "sync-admin"
ADMIN_PASSWORD: Final = "correct horse battery staple"
READY_DEADLINE_SECONDS: Final = 30.0
STARTED: Final = b"pouchdb-server has started on"  # the line it prints once it listens


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def installed_version(folder: Path, package: str) -> str | None:
    """The version of `package` installed by npm under `folder`, or None."""
    try:
        manifest = json.loads((folder / "node_modules" / package / "package.json").read_text("utf-8"))
    except (OSError, ValueError):
        return None
    version = manifest.get("version") if isinstance(manifest, dict) else None
    return version if isinstance(version, str) else None


def ensure_npm_package(
    folder: Path, package: str, version: str, announce: Callable[[str], None], source: str | None = None
) -> None:
    """Install `package` at `version` under `folder` with npm unless it is there already.

    One process installs while the others wait on the lock, then find it installed. `source` is what npm is
    asked to install (the registry's `package@version` unless given, e.g. a local folder).
    """
    if installed_version(folder, package) == version:
        return
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.fail(
            f"The sync tests need {package} {version}, installed with npm, and npm (or node) is missing: install "
            "them (Debian/Ubuntu: `sudo apt install npm`, or `bash .ci/system-packages`), then run the tests "
            "again. The tests install the rest themselves.",
            pytrace=False,
        )
    folder.mkdir(parents=True, exist_ok=True)
    with FileLock(folder / "install.lock", timeout=INSTALL_DEADLINE_SECONDS):
        if installed_version(folder, package) == version:
            return
        announce(
            f"Installing {package} {version} for the sync tests into {folder} with npm; this happens once and "
            "takes a minute or two…"
        )
        command = [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error"]
        try:
            result = subprocess.run(
                [*command, source or f"{package}@{version}"],
                capture_output=True,
                text=True,
                timeout=INSTALL_DEADLINE_SECONDS,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(f"npm did not install {package} within {INSTALL_DEADLINE_SECONDS:.0f} s", pytrace=False)
        if result.returncode != 0 or installed_version(folder, package) != version:
            pytest.fail(
                f"npm could not install {package} {version} into {folder} (exit {result.returncode}):\n"
                f"{(result.stderr or result.stdout)[-3000:]}",
                pytrace=False,
            )
        announce(f"{package} {version} is installed.")


def ensure_pouchdb_server(announce: Callable[[str], None] | None = None) -> None:
    ensure_npm_package(POUCHDB_DIR, "pouchdb-server", POUCHDB_VERSION, announce or _to_stderr)


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


class CouchServer:
    """One running PouchDB Server: its address, an admin session, and ways to make it go away."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        ensure_pouchdb_server()
        self.workdir = workdir
        self._fixed_port = port is not None
        self._use_port(port or _free_port())
        self.admin = requests.Session()
        self.admin.trust_env = False
        self.admin.auth = (ADMIN, ADMIN_PASSWORD)
        self._process: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None  # copies the output; ends (closing the pipe) with the server
        self._output_grew = threading.Condition()  # notified after each line the reader copies

    def start(self) -> CouchServer:
        """Start the server and wait until it answers. A free port can be taken by another process between
        choosing it and the server binding it; then, unless the port was asked for, another one is tried."""
        for _attempt in range(5):
            if self._start_once():
                return self
            if self._fixed_port:
                break
            self._use_port(_free_port())
        raise RuntimeError(f"pouchdb-server could not start:\n{self.output()}")

    def _use_port(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def _start_once(self) -> bool:
        self.workdir.mkdir(parents=True, exist_ok=True)
        # The server hashes the plain-text password at start-up, as CouchDB does with its local.ini.
        (self.workdir / "config.json").write_text(json.dumps({"admins": {ADMIN: ADMIN_PASSWORD}}), "utf-8")
        self._process = subprocess.Popen(
            ["node", str(SERVER_SCRIPT), "--host", "127.0.0.1", "--port", str(self.port), "--in-memory"],
            cwd=self.workdir,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        started = threading.Event()
        self._reader = threading.Thread(target=self._keep_output, args=(self._process, started), daemon=True)
        self._reader.start()
        return self._wait_until_ready(started)

    def _keep_output(self, process: subprocess.Popen[bytes], started: threading.Event) -> None:
        """Copy the server's output to server.out; `started` is set when it says it listens, or when it exits."""
        assert process.stdout is not None
        with process.stdout, (self.workdir / "server.out").open("ab") as log:
            for line in process.stdout:
                log.write(line)
                log.flush()
                with self._output_grew:
                    self._output_grew.notify_all()
                if STARTED in line:
                    started.set()
        started.set()

    def _wait_until_ready(self, started: threading.Event) -> bool:
        """True once our server answers as our admin; False if it exited (its port was taken)."""
        assert self._process is not None
        if not started.wait(READY_DEADLINE_SECONDS):
            self.stop()
            raise RuntimeError(f"pouchdb-server did not start within {READY_DEADLINE_SECONDS} s")
        if self._process.poll() is not None:
            return False
        reply = self.admin.get(f"{self.url}/_session", timeout=10)
        if reply.status_code == 200 and reply.json().get("userCtx", {}).get("name") == ADMIN:
            return True
        self.stop()
        raise RuntimeError(f"pouchdb-server does not know our admin: {reply.status_code} {reply.text[:200]}")

    def output(self) -> str:
        return (self.workdir / "server.out").read_text("utf-8", errors="replace")

    def requests(self) -> list[str]:
        """Each request the server answered so far, as "METHOD /path" in order, from the lines it logs.

        A request of a path of its own marks now: its line comes after those of every request answered before,
        so once it is read (the output is copied by a thread), so are they."""
        marker = f"/_marker-{uuid.uuid4().hex}"
        self.admin.get(self.url + marker, timeout=10)
        with self._output_grew:
            if not self._output_grew.wait_for(lambda: marker in self.output(), timeout=READY_DEADLINE_SECONDS):
                raise AssertionError(f"pouchdb-server did not log the request of {marker}:\n{self.output()}")
        lines = re.findall(r"\b(GET|POST|PUT|DELETE|HEAD) (/\S*)", self.output())
        return [f"{method} {path}" for method, path in lines if not path.startswith("/_marker-")]

    def create_database(self, name: str) -> str:
        """Create `name` and return its address."""
        reply = self.admin.put(f"{self.url}/{name}", timeout=10)
        assert reply.status_code in (201, 412), reply.text
        return f"{self.url}/{name}"

    def docs(self, database: str) -> dict[str, dict[str, object]]:
        """Every live document of `database` by id, as the server has it now (its winning revision)."""
        reply = self.admin.get(f"{self.url}/{database}/_all_docs", params={"include_docs": "true"}, timeout=30)
        reply.raise_for_status()
        return {row["id"]: row["doc"] for row in reply.json()["rows"]}

    def conflicts(self, database: str) -> dict[str, list[str]]:
        """The documents of `database` that still have conflicting revisions, with those revisions."""
        reply = self.admin.get(
            f"{self.url}/{database}/_all_docs", params={"include_docs": "true", "conflicts": "true"}, timeout=30
        )
        reply.raise_for_status()
        return {row["id"]: row["doc"]["_conflicts"] for row in reply.json()["rows"] if "_conflicts" in row["doc"]}

    def kill(self) -> None:
        """Make the server vanish at once, as a machine that loses power would."""
        if self._process is not None and self._process.poll() is None:
            self._process.send_signal(signal.SIGKILL)
            self._process.wait(10)
        self._join_reader()

    def _join_reader(self) -> None:
        if self._reader is not None:
            self._reader.join(10)

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self._join_reader()
        self.admin.close()


@pytest.fixture
def couch_server(tmp_path: Path, pytestconfig: pytest.Config) -> Iterator[CouchServer]:
    ensure_pouchdb_server(lambda text: _on_terminal(pytestconfig, text))
    server = CouchServer(tmp_path / "couch").start()
    yield server
    server.stop()


def _on_terminal(config: pytest.Config, text: str) -> None:
    """Say it where the person running the tests looks, not into the test's captured output."""
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is None:
        _to_stderr(text)
        return
    with capture.global_and_fixture_disabled():
        _to_stderr(text)
