"""Packaging: every package folder is installed, and the resources are reachable through importlib."""

from __future__ import annotations

import tomllib
from importlib import resources

from tests.locations import ROOT


def test_every_package_folder_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "surveydesk").rglob("__init__.py")
    }
    assert folders | {"surveydesk.resources"} == listed


def test_icon_and_desktop_file_are_installed_as_package_resources():
    files = resources.files("surveydesk.resources")
    assert files.joinpath("icons/surveydesk.svg").read_text().startswith("<svg")
    assert "Exec=surveydesk" in files.joinpath("surveydesk.desktop").read_text()


def test_the_window_icon_loads(qapp):
    from surveydesk.ui.icons import app_icon

    assert not app_icon().pixmap(32, 32).isNull()  # the SVG really renders, not just a path is set


def test_the_smoke_tests_resource_check_finds_everything(qapp):
    """What `--smoke-test` checks in a bundle (icons, translations, keyring's backend) is all there installed."""
    from surveydesk.ui.resource_check import missing_resources

    assert missing_resources() == []
