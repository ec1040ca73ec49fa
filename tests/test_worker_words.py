"""What the signed-in platforms say to the worker is in her words: none of their messages names a token, a cookie,
a header or a hash, or asks her to paste one; when a platform signs her out it tells her to sign in again."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.locations import ROOT

TS = ROOT / "resources" / "translations" / "surveydesk_fr.ts"
# The modules of the platforms signed in to in a web page: their connectors, earnings readers and sign-ins.
SIGNED_IN_MODULES = sorted(
    path
    for platform in ("prolific", "mturk", "toloka")
    for path in (ROOT / "surveydesk" / "platforms" / platform).glob("*.py")
    if path.stem in ("tasks", "earnings", "sign_in")
)
# The words of a developer's tools, in English and in French.
TOOL_WORDS = re.compile(r"token|cookie|header|hash|paste|jeton|en-tête|hachage|coll(er|ez)", re.IGNORECASE)


def _sentences(path: Path) -> list[tuple[str, str]]:
    """(context, English) of every message `path` marks for translation."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
            context, text = (argument.value for argument in node.args if isinstance(argument, ast.Constant))
            found.append((str(context), str(text)))
    return found


def _french() -> dict[tuple[str, str], str]:
    root = ET.parse(TS).getroot()  # noqa: S314 - our own committed file
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message.findtext("translation", "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_signed_in_platforms_modules_are_all_read():
    assert {path.parent.name for path in SIGNED_IN_MODULES} == {"prolific", "mturk", "toloka"}
    assert all(_sentences(path) for path in SIGNED_IN_MODULES if path.stem == "tasks")


@pytest.mark.parametrize("path", SIGNED_IN_MODULES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_no_message_names_a_developers_tool(path: Path):
    french = _french()
    for context, english in _sentences(path):
        assert not TOOL_WORDS.search(english), english
        assert not TOOL_WORDS.search(french.get((context, english), "")), french[(context, english)]


@pytest.mark.parametrize("platform", ["prolific", "mturk", "toloka"])
def test_a_platform_that_signs_the_worker_out_says_to_sign_in_again(platform: str):
    tasks = ROOT / "surveydesk" / "platforms" / platform / "tasks.py"
    name = {"prolific": "Prolific", "mturk": "MTurk", "toloka": "Toloka"}[platform]
    signed_in = [
        path for path in SIGNED_IN_MODULES if path.parent.name == platform and path.stem in ("tasks", "sign_in")
    ]
    sentences = [english for path in signed_in for _context, english in _sentences(path)]
    assert tasks in signed_in
    assert any(f"sign in to {name} again" in english for english in sentences), sentences
