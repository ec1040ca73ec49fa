"""Lint, format and type checks run as part of the suite, so CI fails on them like on any test."""

from __future__ import annotations

import subprocess
import sys
import tomllib

from tests.locations import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_no_lint_problems() -> None:
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_the_code_as_it_is() -> None:
    result = _run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_errors() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_checks_the_ui_as_strictly_as_the_core() -> None:
    """PySide6 ships its types (py.typed), so no package of ours is left out of the check or relaxed: the
    overrides only let untyped third-party libraries in."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["mypy"]
    assert config["files"] == ["surveydesk"] and config["strict"] is True
    assert "exclude" not in config
    overridden = [module for override in config.get("overrides", []) for module in override["module"]]
    assert [module for module in overridden if module.startswith("surveydesk")] == []
