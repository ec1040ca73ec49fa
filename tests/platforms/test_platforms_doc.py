"""docs/platforms.md, the evidence behind every reader: it covers every reader, the demo exchange serves every
field it marks as served, the tables of watched replies are exactly the shapes their readers declare, and the
demo's replies fit those shapes."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Final

import pytest

from surveydesk.demo import DemoExchange, ManualClock
from surveydesk.demo.accounts import demo_accounts
from surveydesk.net.shapes import Expect, Part, Shape, ShapeWatch, reply_expect, share_shape_watch
from surveydesk.platforms.bitlabs import clicks as bitlabs_clicks
from surveydesk.platforms.bitlabs import earnings as bitlabs_earnings
from surveydesk.platforms.bitlabs import tasks as bitlabs_tasks
from surveydesk.platforms.cpx import earnings as cpx_earnings
from surveydesk.platforms.cpx import tasks as cpx_tasks
from surveydesk.platforms.mturk import earnings as mturk_earnings
from surveydesk.platforms.mturk import tasks as mturk_tasks
from surveydesk.platforms.mturk.tasks import MTurkConnector
from surveydesk.platforms.prolific import earnings as prolific_earnings
from surveydesk.platforms.prolific import tasks as prolific_tasks
from surveydesk.platforms.records import Bounds
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.platforms.toloka import earnings as toloka_earnings
from surveydesk.platforms.toloka import tasks as toloka_tasks
from surveydesk.platforms.walls import WALL_BOUNDS
from surveydesk.secrets import MemorySecrets
from tests.factories import FixedClock
from tests.ledger_helpers import UNTHROTTLED, DemoTime, loopback_session
from tests.locations import ROOT

DOC: Final = ROOT / "docs" / "platforms.md"
SOURCES: Final = {"docs", "public client code", "public fixture", "inferred", "guess"}
SURENESS: Final = {"high", "medium", "low"}
READER_FILES: Final = ("tasks.py", "earnings.py", "clicks.py", "sign_in.py")
# The requests whose replies are watched, and the shapes their readers declare for them.
SHAPES: Final[dict[tuple[str, str], Shape | Expect]] = {
    ("prolific", prolific_tasks.STUDIES_ENDPOINT): prolific_tasks.STUDIES_PAGE,
    ("prolific", prolific_earnings.SUBMISSIONS_ENDPOINT): prolific_earnings.SUBMISSIONS_PAGE,
    ("mturk", mturk_tasks.SEARCH_ENDPOINT): mturk_tasks.SEARCH_PAGE,
    ("mturk", mturk_tasks.QUEUE_ENDPOINT): mturk_tasks.QUEUE_SHAPE,
    ("mturk", mturk_earnings.DASHBOARD_ENDPOINT): mturk_earnings.DASHBOARD_SHAPE,
    ("mturk", mturk_earnings.DETAILS_ENDPOINT): mturk_earnings.DETAILS_SHAPE,
    ("toloka", toloka_tasks.GROUPS_ENDPOINT): toloka_tasks.GROUPS_REPLY,
    ("toloka", toloka_earnings.INCOME_ENDPOINT): toloka_earnings.INCOME_REPLY,
    ("toloka", toloka_earnings.WITHDRAWALS_ENDPOINT): toloka_earnings.WITHDRAWALS_REPLY,
    ("bitlabs", bitlabs_tasks.SURVEYS_ENDPOINT): bitlabs_tasks.SURVEYS_REPLY,
    ("bitlabs", bitlabs_clicks.CREATE_ENDPOINT): bitlabs_clicks.CREATED,
    ("bitlabs", bitlabs_clicks.STEP_ENDPOINT): bitlabs_clicks.STEP_SHAPE,
    ("bitlabs", bitlabs_earnings.HISTORY_ENDPOINT): bitlabs_earnings.HISTORY_REPLY,
    ("cpx", cpx_tasks.SURVEYS_ENDPOINT): cpx_tasks.ANSWER,
    ("cpx", cpx_earnings.INBOX_ENDPOINT): cpx_earnings.INBOX,
}
_ROW = re.compile(r"\|\s*`(?P<field>[^`]+)`(?P<note>[^|]*)\|(?P<cells>.*)\|\s*$")
IN_AN_ERROR_REPLY: Final = "(in an error reply)"  # a row's note: read from a refusal, not the shaped reply


@dataclass(frozen=True)
class Row:
    field: str
    note: str
    source: str
    sure: str
    evidence: str
    demo: str

    @property
    def key(self) -> str:
        """The name the reply itself carries: the path's last key."""
        return self.field.rsplit(".", 1)[-1].removeprefix("[]")


@dataclass
class Endpoint:
    platform: str
    name: str
    readers: list[str] = field(default_factory=list)
    served_by: str = ""
    rows: list[Row] = field(default_factory=list)


@cache
def endpoints() -> tuple[Endpoint, ...]:
    """The doc's endpoints: `Platform: `x`` opens a platform, `### ` an endpoint, whose lines name its readers
    (`Read by`, `Sent by`), where the demo serves it (`Served by`) and its table."""
    found: list[Endpoint] = []
    platform = ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("Platform: `"):
            platform = line.split("`")[1]
        elif line.startswith("### "):
            found.append(Endpoint(platform, line.removeprefix("### ").strip("`")))
        elif found and line.startswith(("Read by ", "Sent by ")):
            found[-1].readers = re.findall(r"`(surveydesk/[^`]+\.py)`", line.split(". Served by")[0])
            served = re.search(r"Served by `([^`]+)`", line)
            found[-1].served_by = served.group(1) if served else ""
        elif found and (match := _ROW.match(line)):
            cells = [cell.strip() for cell in match.group("cells").split("|")]
            found[-1].rows.append(Row(match.group("field"), match.group("note").strip(), *cells))
    return tuple(found)


def test_every_platform_and_every_reader_has_its_endpoints_in_the_doc() -> None:
    documented = {reader for endpoint in endpoints() for reader in endpoint.readers}
    for spec in BUILT_IN:
        folder = ROOT / "surveydesk" / "platforms" / spec.platform
        readers = {
            f"surveydesk/platforms/{spec.platform}/{name}" for name in READER_FILES if (folder / name).exists()
        }
        assert readers <= documented, f"{spec.platform}: no endpoint names {sorted(readers - documented)}"
        assert any(endpoint.platform == spec.platform for endpoint in endpoints())
    assert all(endpoint.rows and endpoint.readers for endpoint in endpoints())


def test_every_field_says_where_its_knowledge_comes_from_and_how_sure_it_is() -> None:
    for endpoint in endpoints():
        for row in endpoint.rows:
            where = f"{endpoint.name} {row.field}"
            assert row.source in SOURCES, where
            assert row.sure in SURENESS, where
            assert row.evidence, where
            assert row.demo == "yes" or re.fullmatch(r"no \(.+\)", row.demo), where


def _module_file(name: str) -> Path:
    return ROOT / (name.replace(".", "/") + ".py")


@cache
def _served_texts(demo_module: str) -> frozenset[str]:
    """Every string the demo module and the demo modules it imports (however deep) write."""
    texts: set[str] = set()
    seen: set[str] = set()
    waiting = [demo_module]
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        tree = ast.parse(_module_file(name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts.add(node.value)
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("surveydesk.demo."):
                waiting.append(node.module or "")
    return frozenset(texts)


def _serves(demo_module: str, key: str) -> bool:
    whole = re.compile(rf"(?<![A-Za-z0-9_-]){re.escape(key)}(?![A-Za-z0-9_-])")
    return any(whole.search(text) for text in _served_texts(demo_module))


def _demo_of(endpoint: Endpoint) -> str:
    if endpoint.served_by:
        return endpoint.served_by.removesuffix(".py").replace("/", ".")
    demo = BUILT_IN.spec(endpoint.platform).demo_site
    assert demo is not None, endpoint.platform
    return demo


@pytest.mark.parametrize("endpoint", endpoints(), ids=lambda endpoint: f"{endpoint.platform} {endpoint.name}")
def test_the_demo_serves_every_field_the_doc_says_it_serves(endpoint: Endpoint) -> None:
    demo = _demo_of(endpoint)
    missing = [row.field for row in endpoint.rows if row.demo == "yes" and not _serves(demo, row.key)]
    assert not missing, f"{demo} serves none of {missing}"


def test_the_check_of_what_the_demo_serves_can_fail() -> None:
    assert not _serves("surveydesk.demo.cpx_site", "payout_in_euros")
    assert _serves("surveydesk.demo.cpx_site", "payout")


def declared_paths(shape: Shape | Expect) -> tuple[set[str], set[str]]:
    """Every path `shape` declares, and those of its leaves (keys read as values, not opened)."""
    every: set[str] = set()
    leaves: set[str] = set()

    def walk(expected: Expect, path: str) -> None:
        if expected.shape is not None:
            for key, inner in expected.shape.fields.items():
                inner_path = f"{path}.{key}" if path else key
                every.add(inner_path)
                if inner.shape is None and inner.items is None:
                    leaves.add(inner_path)
                walk(inner, inner_path)
        if expected.items is not None:
            walk(expected.items, f"{path}[]")

    walk(reply_expect(shape), "")
    return every, leaves


@pytest.mark.parametrize(("platform", "name"), SHAPES, ids=[f"{p} {n}" for p, n in SHAPES])
def test_a_watched_replys_table_is_exactly_the_shape_its_reader_declares(platform: str, name: str) -> None:
    (endpoint,) = [found for found in endpoints() if (found.platform, found.name) == (platform, name)]
    every, leaves = declared_paths(SHAPES[platform, name])
    documented = {row.field for row in endpoint.rows if row.note != IN_AN_ERROR_REPLY}

    assert leaves <= documented, f"read, not documented: {sorted(leaves - documented)}"
    assert documented <= every, f"documented, not read: {sorted(documented - every)}"


# --------------------------------------------------------------------------------------------------------------
# The demo's own replies fit what the readers declare


@pytest.fixture
def exchange(ticks: ManualClock) -> Iterator[DemoExchange]:
    with DemoExchange(seed=3, clock=ticks, sites=UNTHROTTLED) as running:
        yield running


def test_the_demos_platforms_reply_as_their_readers_declare(exchange: DemoExchange, time: DemoTime) -> None:
    """A year of the demo's history, its lists, MTurk's queue and a click flow read under watch: nothing
    reported."""
    watch = ShapeWatch()
    secrets = MemorySecrets()
    clock = time
    read: set[tuple[str, Part]] = set()
    for account, secret in demo_accounts(exchange, BUILT_IN):
        secrets.set(account.key, secret)
        connector = BUILT_IN.build_connector(account, secrets, clock)
        reader = BUILT_IN.build_reader(account, secrets, clock, loopback_session)
        for client in (connector, reader):
            share_shape_watch(client, watch)
        tasks = connector.fetch_tasks()
        assert reader is not None and list(reader.read(""))
        read |= {(account.key.platform, Part.TASKS), (account.key.platform, Part.EARNINGS)}
        if isinstance(connector, MTurkConnector):
            connector.fetch_queue()
        if account.key.platform == "bitlabs":
            clicks = bitlabs_clicks.BitLabsClicks(
                account.key, account.base_url, lambda secret=secret: secret, loopback_session(),
                FixedClock(clock.now()), account.options,
            )  # fmt: skip
            clicks.watch_shapes(watch)
            steps = [clicks.start(task)[1] for task in tasks[:5]]
            assert any(step.question is not None for step in steps)

    platforms = {spec.platform for spec in BUILT_IN}
    assert read == {(platform, part) for platform in platforms for part in (Part.TASKS, Part.EARNINGS)}
    assert watch.lines() == []


# Each platform's limits on what one record can move, as its reader sets them.
BOUNDS: Final[dict[str, Bounds]] = {
    "prolific": prolific_earnings.BOUNDS,
    "mturk": mturk_earnings.BOUNDS,
    "toloka": toloka_earnings.BOUNDS,
    "bitlabs": WALL_BOUNDS,
    "cpx": WALL_BOUNDS,
}
LIMITS_HEADING: Final = "## What one record can move (amount limits)"
LIMIT_COLUMNS: Final = {"task reward": "task", "bonus": "bonus", "reversal": "reversal", "payout": "payout"}


def documented_limits(text: str) -> dict[str, dict[str, object]]:
    """The limits table: per platform, its cells by column name (a limit as a number, `—` as 0)."""
    section = text.split(LIMITS_HEADING, 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    names = [cell.strip().lower() for cell in lines[0].strip("|").split("|")]
    table: dict[str, dict[str, object]] = {}
    for line in lines[2:]:
        cells = dict(zip(names, (cell.strip() for cell in line.strip("|").split("|")), strict=True))
        limits = {name: 0 if cells[name] == "—" else int(cells[name]) for name in LIMIT_COLUMNS}
        table[str(cells["platform"])] = {**cells, **limits}
    return table


def test_the_doc_states_every_platform_s_amount_limits_as_its_reader_sets_them() -> None:
    table = documented_limits(DOC.read_text(encoding="utf-8"))
    assert set(table) == {spec.platform for spec in BUILT_IN} == set(BOUNDS)
    for platform, row in table.items():
        bounds = BOUNDS[platform]
        stated = {name: row[column] for column, name in LIMIT_COLUMNS.items()}
        assert stated == {name: getattr(bounds, name) for name in LIMIT_COLUMNS.values()}, platform
        assert bounds.adjustment == 0, f"{platform}: an adjustment limit the doc has no column for"
        assert row["source"] in SOURCES and row["how sure"] in SURENESS and row["evidence"], platform


def test_the_check_of_the_amount_limits_can_fail() -> None:
    text = DOC.read_text(encoding="utf-8")
    changed = text.replace("| prolific | 500 | 500 |", "| prolific | 99999 | 500 |")
    assert changed != text
    assert documented_limits(changed)["prolific"]["task reward"] != prolific_earnings.BOUNDS.task
