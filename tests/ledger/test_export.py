"""Exporting the ledger: CSV safe against formula injection, JSON that reads back, the yearly summary."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.money import Money
from surveydesk.core.progress import Cancelled, Progress
from surveydesk.ledger import export
from surveydesk.ledger.attempts import AttemptIngest
from surveydesk.ledger.export import (
    CSV_COLUMNS,
    FORMULA_STARTS,
    decimal_text,
    export_csv,
    export_json,
    export_summary_csv,
    read_json,
    safe_cell,
    yearly_summary,
)
from surveydesk.ledger.history import History
from surveydesk.ledger.model import Source, attempt_of
from surveydesk.ledger.rates import RateStore
from surveydesk.ledger.store import LedgerStore
from surveydesk.store import Database
from surveydesk.work.model import NewAttempt, Outcome
from surveydesk.work.store import WorkLog
from tests.history_data import add_entry

T = datetime(2026, 3, 2, 12, tzinfo=UTC)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("＝1+1", "'＝1+1"),
        ("Memory game", "Memory game"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_a_would_be_formula_is_kept_as_text(text: str, shown: str) -> None:
    assert safe_cell(text) == shown


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_the_csv_export_guards_every_text_column(database: Database, tmp_path: Path, start: str) -> None:
    add_entry(database, f"{start}id", T, 150, title=f"{start}title", note=f"{start}note", platform=f"{start}p")
    target = tmp_path / "ledger.csv"
    assert export_csv(database, target) == 1
    (row,) = read_csv(target)
    for column in ("id", "title", "note", "platform"):
        assert row[column].startswith("'" + start), column
    assert row["amount"] == "1.50"


def test_the_csv_export_has_every_entry_with_exact_amounts(database: Database, tmp_path: Path) -> None:
    add_entry(database, "b", T, -5, currency="JPY", kind="reversal", status="reversed")
    add_entry(database, "a", T.replace(hour=9), 7, currency="USD", title='Quote "this", and, commas')
    add_entry(database, "c", T.replace(hour=15), -1234, currency="KWD")
    add_entry(database, "d", T.replace(hour=16), -50, currency="GBP", title="Über naïve 日本")
    target = tmp_path / "ledger.csv"
    assert export_csv(database, target) == 4
    rows = read_csv(target)
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [(r["id"], r["amount"], r["currency"]) for r in rows] == [
        ("a", "0.07", "USD"),
        ("b", "-5", "JPY"),
        ("c", "-1.234", "KWD"),
        ("d", "-0.50", "GBP"),
    ]
    assert rows[0]["title"] == 'Quote "this", and, commas'
    assert rows[3]["title"] == "Über naïve 日本"
    assert rows[0]["occurred_at"] == "2026-03-02T09:00:00.000000+00:00"


def _written_by_csv_module(database: Database, target: Path) -> None:
    """The export as Python's csv.writer writes it from `safe_cell` and `decimal_text`: what SQLite's lines
    must be, byte for byte."""
    code = f"coalesce((SELECT a.completion_code FROM attempts AS a WHERE a.id = {attempt_of('e')}), '')"  # noqa: S608
    expressions = {"amount": "e.amount_minor", "completion_code": code}
    columns = ", ".join(expressions.get(name, f"e.{name}") for name in CSV_COLUMNS)
    rows = database.connection().execute(
        f"SELECT {columns} FROM ledger_entries AS e WHERE e.linked_to = '' ORDER BY e.occurred_at, e.id"  # noqa: S608
    )
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for row in rows:
            cells = dict(zip(CSV_COLUMNS, row, strict=True))
            writer.writerow(
                decimal_text(value, cells["currency"])
                if name == "amount"
                else value
                if name == "occurred_at"
                else safe_cell(value)
                for name, value in cells.items()
            )


@pytest.mark.parametrize(
    "text",
    [
        'Quote "this", and, commas',
        '"=1+1"',
        "=1+1, quoted",
        "two\nlines",
        "\r\nend",
        "line\r",
        "@home",
        "-",
        "?not a formula",
        "Ａ full-width letter",
        "＋1",
        "－ or ＠ or ＝",
        "Über naïve 日本 🙂",
        "",
        "plain",
    ],
)
def test_sqlite_writes_the_lines_csv_writer_would(database: Database, tmp_path: Path, text: str) -> None:
    add_entry(database, "a", T, 150, title=text, note=text, platform=text or "p")
    add_entry(database, text + "b", T, -7, currency="JPY", title="x", note=text)
    export_csv(database, tmp_path / "sqlite.csv")
    _written_by_csv_module(database, tmp_path / "python.csv")
    assert (tmp_path / "sqlite.csv").read_bytes() == (tmp_path / "python.csv").read_bytes()


def test_lines_that_need_quotes_among_plain_ones_are_written_as_csv_writer_would(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The export writes a batch's lines unquoted and writes again only those that need quotes: a batch of plain
    lines, one of mixed lines, one where every line needs quotes and a short last one all end as csv.writer's."""
    monkeypatch.setattr(export, "_BATCH", 3)
    titles = [
        *("plain", 'a "quote"', "plain"),
        *("a, comma", "two\nlines", "end\r"),
        *("=1+1", "plain", "＋1"),
        *("plain", "x,y", "\r\n"),
        "plain",
    ]
    for number, title in enumerate(titles):
        add_entry(database, f"e{number:02d}", T + timedelta(minutes=number), 150 + number, title=title)
    assert export_csv(database, tmp_path / "sqlite.csv") == len(titles)
    _written_by_csv_module(database, tmp_path / "python.csv")
    assert (tmp_path / "sqlite.csv").read_bytes() == (tmp_path / "python.csv").read_bytes()
    assert [row["title"] for row in read_csv(tmp_path / "sqlite.csv")] == [safe_cell(title) for title in titles]


def test_entries_are_read_in_the_exports_order_without_sorting_them(database: Database) -> None:
    """Oldest first, then by id, straight from an index: no sort of every entry, nor of each run of entries of the
    same time (a quarter of a second of exporting 1,000,000 entries, bench/history_scale.py)."""
    plan = database.connection().execute(
        "EXPLAIN QUERY PLAN SELECT e.rowid FROM ledger_entries AS e WHERE e.linked_to = '' "
        "ORDER BY e.occurred_at, e.id"
    )
    assert not [step for *_, step in plan if "TEMP B-TREE" in step]


def test_the_completion_code_she_pasted_is_exported_with_its_task(database: Database, tmp_path: Path) -> None:
    """Timed here and submitted with a code, then reported by Prolific: the platform's row (which counts the
    money) carries her code, guarded in the CSV as any text is, and the JSON's entries hold it too."""
    work = WorkLog(database)
    new = NewAttempt("prolific", "me", "s1", "Study", "Lab", Money(150, "GBP"), None)
    attempt = work.add_attempt(None, new, T)
    work.end_attempt(attempt, Outcome.SUBMITTED, T, None, "=C1A2B3C4")
    ledger = LedgerStore(database)
    AttemptIngest(database, ledger, lambda _platform: True).ingest(T)
    header = EntryHeader("prolific", "me", Kind.TASK, T, "GBP", task_id="s1", title="Study", requester="Lab")
    ledger.record([Report(header, T, Status.AWAITING_REVIEW, Money(150, "GBP"))], Source.PLATFORM, T)
    add_entry(database, "untimed", T, 50)

    assert export_csv(database, tmp_path / "ledger.csv") == 2
    codes = {row["id"]: row["completion_code"] for row in read_csv(tmp_path / "ledger.csv")}
    assert codes == {header.id: "'=C1A2B3C4", "untimed": ""}
    export_json(database, tmp_path / "ledger.json")
    entries = read_json(tmp_path / "ledger.json")["entries"]
    assert {entry["completion_code"] for entry in entries if entry["attempt_id"] == attempt} == {"=C1A2B3C4"}
    assert next(entry for entry in entries if entry["id"] == "untimed")["completion_code"] is None


def test_decimal_text_matches_the_sql_formatting() -> None:
    assert [decimal_text(m, c) for m, c in [(150, "GBP"), (-5, "GBP"), (0, "EUR"), (-5, "JPY"), (1, "KWD")]] == [
        "1.50",
        "-0.05",
        "0.00",
        "-5",
        "0.001",
    ]


def test_the_json_export_reads_back_exactly(database: Database, tmp_path: Path) -> None:
    add_entry(database, "a", T, 150, title='Tricky "quotes" \\ and \u2028 lines', note="=1+1")
    add_entry(database, "b", T.replace(hour=13), -3, currency="JPY")
    with database.transaction() as connection:
        connection.execute(
            "INSERT INTO ledger_events (id, entry_id, at, recorded_at, source, note) "
            "VALUES ('e1', 'a', '2026-03-02T12:00:00.000000+00:00', '2026-03-02T12:00:00.000000+00:00', 'worker', "
            "'checked')"
        )
    target = tmp_path / "ledger.json"
    assert export_json(database, target) == 2
    document = read_json(target)
    entries = document["entries"]
    assert [(e["id"], e["amount_minor"], e["currency"]) for e in entries] == [("a", 150, "GBP"), ("b", -3, "JPY")]
    assert entries[0]["title"] == 'Tricky "quotes" \\ and \u2028 lines'
    assert entries[0]["note"] == "=1+1"  # JSON is data, not a spreadsheet: kept as it is
    assert document["events"] == [
        {
            "id": "e1",
            "entry_id": "a",
            "at": "2026-03-02T12:00:00.000000+00:00",
            "recorded_at": "2026-03-02T12:00:00.000000+00:00",
            "source": "worker",
            "status": None,
            "amount_minor": None,
            "currency": None,
            "note": "checked",
            "link": None,
        }
    ]
    columns = [row[1] for row in database.connection().execute("PRAGMA table_info(ledger_entries)")]
    assert set(entries[0]) == set(columns) - {"day"} | {"completion_code"}


def test_a_file_that_is_no_ledger_export_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"entries": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a SurveyDesk ledger export"):
        read_json(other)


@pytest.mark.parametrize("exporter", [export_csv, export_json])
def test_a_cancelled_export_leaves_no_file_and_the_old_one_whole(
    database: Database, tmp_path: Path, exporter
) -> None:
    for index in range(5000):
        add_entry(database, f"e{index}", T, 100)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "ledger.out"
    target.write_text("the previous export", encoding="utf-8")
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        exporter(database, target, progress)
    assert target.read_text(encoding="utf-8") == "the previous export"
    assert [path.name for path in folder.iterdir()] == ["ledger.out"]


def test_an_export_counts_its_progress(database: Database, tmp_path: Path) -> None:
    for index in range(4500):
        add_entry(database, f"e{index}", T, 100)
    progress = Progress()
    export_csv(database, tmp_path / "ledger.csv", progress)
    state = progress.state()
    assert (state.done, state.total) == (4500, 4500)


def test_the_yearly_summary_is_per_platform_in_the_worker_currency(database: Database, tmp_path: Path) -> None:
    RateStore(database).set_by_worker("USD", date(2025, 1, 1), Decimal("1.25"))
    add_entry(database, "p1", datetime(2026, 2, 1, tzinfo=UTC), 1000, currency="EUR", platform="prolific")
    add_entry(database, "p2", datetime(2026, 5, 1, tzinfo=UTC), 500, currency="EUR", status="approved")
    add_entry(database, "m1", datetime(2026, 6, 1, tzinfo=UTC), 1000, currency="USD", platform="mturk")
    add_entry(
        database, "m2", datetime(2026, 6, 2, tzinfo=UTC), 250, currency="USD", platform="mturk", status="rejected"
    )
    add_entry(database, "t1", datetime(2026, 7, 1, tzinfo=UTC), 99, currency="RUB", platform="toloka")
    add_entry(database, "old", datetime(2025, 12, 31, 12, tzinfo=UTC), 700, currency="EUR")
    summary = yearly_summary(History(database), 2026, "EUR")
    rows = {row.platform: row for row in summary.platforms}
    assert set(rows) == {"prolific", "mturk"}
    assert (rows["prolific"].paid, rows["prolific"].approved, rows["prolific"].entries) == (
        Money(1000, "EUR"),
        Money(500, "EUR"),
        2,
    )
    assert (rows["mturk"].paid, rows["mturk"].declined) == (Money(800, "EUR"), Money(200, "EUR"))
    assert summary.total().earned == Money(2300, "EUR")
    (missing,) = summary.missing
    assert (missing.currency, missing.minor) == ("RUB", 99)
    target = tmp_path / "summary.csv"
    export_summary_csv(summary, target)
    lines = read_csv(target)
    assert [(line["platform"], line["earned"]) for line in lines] == [
        ("mturk", "8.00"),
        ("prolific", "15.00"),
        ("total", "23.00"),
        ("not converted", ""),
    ]
    assert "RUB" in lines[-1]["currency"]
