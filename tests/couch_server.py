"""A real CouchDB-compatible server for the sync tests: PouchDB Server on 127.0.0.1, in memory, one per test.

`.ci/system-packages` installs it from the npm registry into a cache folder; without it the fixture fails with
a message saying so (a sync test that skipped silently would prove nothing). The server gets an admin user
through its config.json, so requests need the right password, as with a CouchDB out of its "admin party".
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest
import requests

POUCHDB_DIR: Final = Path(
    os.environ.get("SURVEYDESK_POUCHDB_DIR", Path.home() / ".cache" / "surveydesk-ci" / "pouchdb")
)
SERVER_SCRIPT: Final = POUCHDB_DIR / "node_modules" / "pouchdb-server" / "bin" / "pouchdb-server"
ADMIN: Final = "sync-admin"
ADMIN_PASSWORD: Final = "correct horse battery staple"
READY_DEADLINE_SECONDS: Final = 30.0
STARTED: Final = b"pouchdb-server has started on"  # the line it prints once it listens


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class CouchServer:
    """One running PouchDB Server: its address, an admin session, and ways to make it go away."""

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        if not SERVER_SCRIPT.exists() or shutil.which("node") is None:
            pytest.fail(
                f"PouchDB Server (or node) is not installed in {POUCHDB_DIR}: run `bash .ci/system-packages` "
                "(it installs node and pouchdb-server from the npm registry), then run the tests again.",
                pytrace=False,
            )
        self.workdir = workdir
        self._fixed_port = port is not None
        self._use_port(port or _free_port())
        self.admin = requests.Session()
        self.admin.trust_env = False
        self.admin.auth = (ADMIN, ADMIN_PASSWORD)
        self._process: subprocess.Popen[bytes] | None = None
        self._reader: threading.Thread | None = None  # copies the output; ends (closing the pipe) with the server

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
def couch_server(tmp_path: Path) -> Iterator[CouchServer]:
    server = CouchServer(tmp_path / "couch").start()
    yield server
    server.stop()
