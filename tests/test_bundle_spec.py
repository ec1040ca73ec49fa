"""The PyInstaller spec is complete: every resource is packaged where importlib.resources looks for it, every
module loaded by name (SurveyDesk's own, keyring's backends) is a hidden import, and name and version come from
the package.

The spec is run here as PyInstaller runs it, with PyInstaller's building blocks replaced by recorders, so the
test needs no PyInstaller and takes milliseconds; `scripts/build-bundle` builds the real bundle and smoke-tests it.
"""

from __future__ import annotations

import ast
import pkgutil
import runpy
from pathlib import Path
from typing import Any

import keyring.backends
import pytest

import surveydesk
from surveydesk import APP_ID
from tests.locations import ROOT

SPEC = ROOT / "build_installer.spec"


class Recorder:
    """Stands in for Analysis, PYZ, EXE and COLLECT: keeps what the spec passed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure, self.scripts, self.binaries, self.datas = [], [], [], []


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    blocks = {name: type(name, (Recorder,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")}
    return runpy.run_path(str(SPEC), init_globals={"SPECPATH": str(ROOT), **blocks})


def _modules_named_by_string(source: Path) -> set[str]:
    """Modules that `importlib.import_module("…")` or `__import__("…")` loads: invisible to PyInstaller."""
    names = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            called = ast.unparse(node.func)
            if called in {"import_module", "importlib.import_module", "__import__"}:
                names.add(str(node.args[0].value))
    return names


def test_every_file_under_resources_is_packaged_where_importlib_resources_finds_it(spec):
    packaged = {(Path(source), Path(target)) for source, target in spec["a"].kwargs["datas"]}
    expected = {
        (path, Path("surveydesk/resources") / path.parent.relative_to(ROOT / "resources"))
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert expected <= packaged, f"not packaged: {sorted(str(p) for p, _ in expected - packaged)}"
    assert (ROOT / "resources" / "__init__.py", Path("surveydesk/resources")) in packaged  # it stays a package


def test_every_keyring_backend_is_a_hidden_import(spec):
    """keyring finds its backends by entry point; a frozen app without them has only the failing one."""
    backends = {info.name for info in pkgutil.walk_packages(keyring.backends.__path__, "keyring.backends.")}
    assert "keyring.backends.SecretService" in backends
    assert backends <= set(spec["a"].kwargs["hiddenimports"])


def test_every_surveydesk_module_is_a_hidden_import(spec):
    """The UI modules are imported inside functions, after the core is built: listed so none can be missed."""
    modules = {info.name for info in pkgutil.walk_packages(surveydesk.__path__, "surveydesk.")}
    assert "surveydesk.ui.main_window" in modules
    assert modules <= set(spec["a"].kwargs["hiddenimports"])


def test_modules_loaded_by_name_are_hidden_imports(spec):
    named = set().union(*(_modules_named_by_string(path) for path in (ROOT / "surveydesk").rglob("*.py")))
    assert named <= set(spec["a"].kwargs["hiddenimports"])


def test_the_by_name_finder_sees_import_module_calls(tmp_path):
    source = tmp_path / "plugin_loader.py"
    source.write_text("import importlib\nimportlib.import_module('surveydesk.plugins.extra')\n", encoding="utf-8")
    assert _modules_named_by_string(source) == {"surveydesk.plugins.extra"}


def test_plugins_of_unused_qt_modules_are_dropped_and_the_rest_kept(spec):
    keep = ("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY")
    web_engine_needs = ("PySide6/Qt/lib/libQt6Quick.so.6", "x", "BINARY")
    drop = ("PySide6/Qt/plugins/imageformats/libqpdf.so", "x", "BINARY")
    drop_lib = ("PySide6/Qt/lib/libQt6QuickControls2.so.6", "x", "BINARY")
    blocks = {name: type(name, (Recorder,), {}) for name in ("PYZ", "EXE", "COLLECT")}

    class Analysis(Recorder):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.binaries = [keep, web_engine_needs, drop, drop_lib]

    built = runpy.run_path(str(SPEC), init_globals={"SPECPATH": str(ROOT), "Analysis": Analysis, **blocks})
    assert built["coll"].args[1] == [keep, web_engine_needs]


def test_name_comes_from_the_package_and_unused_qt_is_left_out(spec):
    assert spec["exe"].kwargs["name"] == APP_ID
    assert spec["coll"].kwargs["name"] == APP_ID
    icon = spec["exe"].kwargs["icon"]
    assert icon is None or Path(icon).is_file()
    excluded = set(spec["a"].kwargs["excludes"])
    assert {"PySide6.QtWebEngineQuick", "PySide6.QtQml", "tkinter"} <= excluded
    assert not excluded & set(spec["a"].kwargs["hiddenimports"])


def test_the_sign_in_windows_web_engine_travels_in_the_worker_languages_only(spec):
    """The sign-in window's modules are imported inside functions: named, and not excluded."""
    web_engine = {"PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel"}
    assert web_engine <= set(spec["a"].kwargs["hiddenimports"])
    assert not web_engine & set(spec["a"].kwargs["excludes"])
    locales = "PySide6/Qt/translations/qtwebengine_locales"
    datas = [
        (f"{locales}/fr.pak", "x", "DATA"),
        (f"{locales}/en-US.pak", "x", "DATA"),
        (f"{locales}/ja.pak", "x", "DATA"),
        ("PySide6/Qt/resources/qtwebengine_resources.pak", "x", "DATA"),
        ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", "x", "DATA"),
    ]
    blocks = {name: type(name, (Recorder,), {}) for name in ("PYZ", "EXE", "COLLECT")}

    class Analysis(Recorder):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.datas = list(datas)

    built = runpy.run_path(str(SPEC), init_globals={"SPECPATH": str(ROOT), "Analysis": Analysis, **blocks})
    assert built["coll"].args[2] == datas[:2] + datas[3:4]
