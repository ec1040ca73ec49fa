"""The layering rule: only `surveydesk.ui` may import Qt's widget and GUI modules; the core runs without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "surveydesk"
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
