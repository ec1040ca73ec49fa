"""The layering rules: the import contracts of pyproject.toml (import-linter: the layers from app.py down to the
core, no Qt below the services, the demo started by the composition root only, each platform a folder of its
own); only `surveydesk.ui` imports Qt's widget and GUI modules (import-linter cannot name an external package's
submodules, so that check is ours); the core runs without Qt; replication names only its own tables."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.locations import ROOT

PACKAGE = ROOT / "surveydesk"
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtGui")
CORE_PACKAGES = ("core", "net", "platforms", "store", "demo", "work", "feed", "ledger", "profile", "sync")
CORE_MODULES = ("surveydesk.paths", "surveydesk.secrets", "surveydesk.logging_setup")


def _imported_modules(source: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _modules_outside_ui() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "ui" not in path.relative_to(PACKAGE).parts[:1]]


@pytest.mark.parametrize("source", _modules_outside_ui(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_module_outside_ui_imports_no_qt_widgets_or_gui(source: Path) -> None:
    leaks = sorted(name for name in _imported_modules(source) if name.startswith(FORBIDDEN))
    assert not leaks, f"{source.relative_to(PACKAGE)} imports {leaks}; only surveydesk.ui may"


def test_the_rule_catches_a_widget_import(tmp_path: Path) -> None:
    offender = tmp_path / "offender.py"
    offender.write_text("from PySide6 import QtWidgets\nfrom PySide6.QtGui import QIcon\n", encoding="utf-8")
    assert {"PySide6.QtWidgets", "PySide6.QtGui"} <= _imported_modules(offender)


def test_core_packages_import_without_any_qt() -> None:
    """The core must work in a command-line tool or on a server: importing it loads no PySide6 at all."""
    modules = [
        "surveydesk." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for package in CORE_PACKAGES
        for path in (PACKAGE / package).rglob("*.py")
    ] + list(CORE_MODULES)
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", result.stdout


def test_replication_reads_and_writes_only_its_own_tables() -> None:
    """sync/local.py goes through the ledger's, the work log's, the settings' and the profile's stores; only
    the `sync_*` tables (and its scratch table) are its own to name in SQL."""
    source = (PACKAGE / "sync" / "local.py").read_text(encoding="utf-8")
    named = set(re.findall(r"\b(?:FROM|INTO|UPDATE|JOIN|TABLE(?: IF NOT EXISTS)?)\s+([a-z_]+)", source))
    assert named, "the pattern no longer finds the tables named in sync/local.py"
    others = sorted(name for name in named if not name.startswith("sync_") and name != "requeued")
    assert not others, f"sync/local.py names other packages' tables {others}; go through their stores"


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """import-linter's own command on the contracts of `root`/pyproject.toml, the package found under `root`."""
    command = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    return subprocess.run(
        [sys.executable, "-c", command, "--no-cache", "--no-logo", str(root / "pyproject.toml")],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "", "LANG": "C.UTF-8"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_import_contracts_hold() -> None:
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


def test_the_contracts_catch_an_arrow_against_the_layers(tmp_path: Path) -> None:
    """The same contracts, on a copy of the package where the settings store (below) imports the work package
    (above): the layers contract breaks and names the import."""
    shutil.copytree(PACKAGE, tmp_path / "surveydesk", ignore=shutil.ignore_patterns("__pycache__"))
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    assert config["contracts"], "pyproject.toml lost its import contracts"
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    settings = tmp_path / "surveydesk" / "store" / "settings.py"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nfrom surveydesk.work import wages  # noqa\n")
    result = _lint_imports(tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "The layers, from the composition root down to the core BROKEN" in result.stdout, result.stdout
    assert "surveydesk.store.settings -> surveydesk.work.wages" in result.stdout, result.stdout
