"""Importing Prolific's submission-history CSV: every currency form, unreadable rows named by their line for the
worker to import the rest or nothing, never half a file, never twice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.progress import Cancelled, Progress
from surveydesk.ledger.history import History
from surveydesk.ledger.model import Source
from surveydesk.ledger.store import LedgerStore
from surveydesk.platforms.history_file import ImportProblem
from surveydesk.platforms.prolific.submissions_csv import (
    import_submissions,
    parse_file,
    parse_money,
    parse_status,
    parse_time,
)
from surveydesk.store import Database
from tests.locations import DATA

SAMPLE = DATA / "prolific-submissions.csv"
NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)
HEADER = "Study,Reward,Bonus,Started At,Completed At,Completion Code,Status\n"


def entry_count(database: Database) -> int:
    return int(database.connection().execute("SELECT COUNT(*) FROM ledger_entries").fetchone()[0])


def test_the_sample_export_is_imported_whole(database: Database) -> None:
    parsed = parse_file(SAMPLE.read_bytes())
    assert parsed.without_time == 1
    result = import_submissions(database, "me", parsed, NOW)
    assert (result.rows, result.entries, result.without_time) == (5, 6, 1)  # five tasks and one bonus
    stored = LedgerStore(database).entries()
    entries = {entry.title: entry for entry in stored if entry.kind is Kind.TASK}
    software = entries["Everyday Software Habits"]
    assert (software.status, software.amount, software.kind) == (Status.APPROVED, Money(750, "USD"), Kind.TASK)
    assert software.occurred_at == datetime(2026, 3, 25, 16, 10, 53, 160000, tzinfo=UTC)
    assert entries['Decisions, risks and "luck"'].status is Status.SCREENED_OUT
    assert entries["Vowels of Northern Languages"].status is Status.RETURNED
    assert entries['=HYPERLINK("http://evil.example")'].status is Status.REJECTED
    bonuses = [entry for entry in stored if entry.kind is Kind.BONUS]
    assert [(b.title, b.amount, b.status) for b in bonuses] == [
        ("Matching Faces and Names", Money(50, "GBP"), Status.PAID)
    ]


def test_importing_the_same_file_again_changes_nothing(database: Database) -> None:
    import_submissions(database, "me", parse_file(SAMPLE.read_bytes()), NOW)
    events = database.connection().execute("SELECT COUNT(*) FROM ledger_events").fetchone()[0]
    import_submissions(database, "me", parse_file(SAMPLE.read_bytes()), NOW.replace(hour=13))
    assert entry_count(database) == 6
    assert database.connection().execute("SELECT COUNT(*) FROM ledger_events").fetchone()[0] == events


def test_a_row_joins_the_entry_the_ledger_already_has_for_that_study(database: Database) -> None:
    started = datetime(2026, 3, 25, 16, 11, tzinfo=UTC)
    header = EntryHeader(
        "prolific", "me", Kind.TASK, started, "USD", task_id="study-abc", title="Everyday Software Habits"
    )
    LedgerStore(database).record(
        [Report(header, started, Status.AWAITING_REVIEW, Money(750, "USD"))], Source.PLATFORM, started
    )
    import_submissions(database, "me", parse_file(SAMPLE.read_bytes()), NOW)
    entry = LedgerStore(database).entry("prolific/me/task/study-abc")
    assert entry is not None
    assert entry.status is Status.APPROVED  # the export's newer news about the same submission
    assert entry_count(database) == 6


def test_imported_pending_money_shows_in_the_history_totals(database: Database) -> None:
    import_submissions(database, "me", parse_file(SAMPLE.read_bytes()), NOW)
    totals = History(database).totals("year", "GBP")
    assert totals.by_group["pending"].amount == Money(267, "GBP")
    assert totals.by_group["paid"].amount == Money(50, "GBP")  # the bonus
    assert {m.currency for m in totals.missing} == {"USD", "EUR"}  # no rates entered: not guessed


@pytest.mark.parametrize(
    ("rows", "reason"),
    [
        ("Study A,£abc,,2026-01-01 10:00:00,,,APPROVED\n", "line 3: the reward or bonus cannot be read"),
        ("Study A,1.50,,2026-01-01 10:00:00,,,APPROVED\n", "line 3: the reward or bonus cannot be read"),
        ("Study A,-£1.50,,2026-01-01 10:00:00,,,APPROVED\n", "line 3: the reward or bonus cannot be read"),
        ("Study A,£1.505,,2026-01-01 10:00:00,,,APPROVED\n", "line 3: the reward or bonus cannot be read"),
        ("Study A,£1.50,$1.00,2026-01-01 10:00:00,,,APPROVED\n", "line 3: the bonus is not in the reward's"),
        ("Study A,£1.50,,yesterday,,,APPROVED\n", "line 3: 'yesterday' is not a time"),
        ("Study A,£1.50,,2026-01-01 10:00:00,,,MAYBE\n", "line 3: 'MAYBE' is not a Prolific status"),
        (",£1.50,,2026-01-01 10:00:00,,,APPROVED\n", "line 3: the study has no name"),
        ("Study A,£1.50\n", "line 3: it has 2 cells"),
    ],
)
def test_a_malformed_row_is_named_by_its_line_and_the_others_are_read(database: Database, rows: str,
                                                                        reason: str) -> None:  # fmt: skip
    good = "Fine study,£1.00,,2026-01-01 09:00:00,2026-01-01 09:05:00,,APPROVED\n"
    parsed = parse_file((HEADER + good + rows).encode())
    (unreadable,) = parsed.unreadable
    assert str(unreadable.said).startswith(reason)
    assert [submission.study for submission in parsed.rows] == ["Fine study"]
    assert entry_count(database) == 0  # reading stores nothing


def test_the_summary_names_the_first_lines_and_counts_the_rest() -> None:
    bad = "".join(f"Study {n},£x,,2026-01-01 10:00:00,,,APPROVED\n" for n in range(25))
    message = str(parse_file((HEADER + bad).encode()).unreadable_summary())
    assert message.startswith("25 row(s) cannot be read")
    assert "line 11:" in message and "line 12:" not in message  # ten shown: lines 2 to 11
    assert "(and 15 more)" in message


def test_lines_are_the_file_s_own_even_when_a_cell_spans_several() -> None:
    rows = (
        '"A study\nover two lines",£1.00,,2026-01-01 09:00:00,,,APPROVED\n'
        "\n"
        "Broken,£x,,2026-01-01 10:00:00,,,APPROVED\n"
    )
    (unreadable,) = parse_file((HEADER + rows).encode()).unreadable
    assert unreadable.line == 5


def test_only_the_readable_rows_are_imported_when_the_worker_says_so(database: Database) -> None:
    rows = (
        'Fine study,"kr50,25",,2026-01-01 09:00:00,2026-01-01 09:05:00,,APPROVED\n'
        "Broken,£x,,2026-01-01 10:00:00,,,APPROVED\n"
    )
    parsed = parse_file((HEADER + rows).encode())
    result = import_submissions(database, "me", parsed, NOW)
    assert (result.rows, len(parsed.unreadable)) == (1, 1)
    (entry,) = LedgerStore(database).entries()
    assert (entry.title, entry.amount) == ("Fine study", Money(5025, "SEK"))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"name,amount\nx,1\n", "lacks the column(s) Study, Reward, Status"),
        (b"x" * (21 * 1024 * 1024), "larger than"),
        (HEADER.encode() + b'"' + b"x" * 200_000 + b'",,,,,,\n', "not a readable CSV"),
    ],
)
def test_a_file_that_is_no_export_is_refused_in_words(data: bytes, reason: str) -> None:
    with pytest.raises(ImportProblem, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_file(data)


def test_a_cancelled_import_stores_nothing(database: Database) -> None:
    parsed = parse_file(SAMPLE.read_bytes())
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        import_submissions(database, "me", parsed, NOW, progress)
    assert entry_count(database) == 0


def test_a_failure_while_writing_leaves_nothing_half_written(database: Database) -> None:
    parsed = parse_file(SAMPLE.read_bytes())
    with database.transaction() as connection:  # a trigger that fails on the fourth new entry
        connection.execute(
            "CREATE TEMP TRIGGER fail_late AFTER INSERT ON ledger_entries "
            "WHEN (SELECT COUNT(*) FROM ledger_entries) > 3 BEGIN SELECT RAISE(ABORT, 'disk full'); END"
        )
    with pytest.raises(Exception, match="disk full"):
        import_submissions(database, "me", parsed, NOW)
    assert entry_count(database) == 0
    assert database.connection().execute("SELECT COUNT(*) FROM ledger_day_totals WHERE entries").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("cell", "money"),
    [
        ("$7.50", Money(750, "USD")),
        ("£2.67", Money(267, "GBP")),
        ("€4,20", Money(420, "EUR")),
        ("CA$10.00", Money(1000, "CAD")),
        ("A$5.25", Money(525, "AUD")),
        ("7.50 USD", Money(750, "USD")),
        ("1,234.50 GBP", Money(123450, "GBP")),
        ("kr50,25", Money(5025, "SEK")),
        ("zł12,00", Money(1200, "PLN")),
        ("¥300", Money(300, "JPY")),
        ("₹85.00", Money(8500, "INR")),
        ("4,20 €", Money(420, "EUR")),
        ("1.234,50 EUR", Money(123450, "EUR")),
        ("1\u00a0234,50 SEK", Money(123450, "SEK")),
    ],
)
def test_money_cells(cell: str, money: Money) -> None:
    assert parse_money(cell) == money


@pytest.mark.parametrize("cell", ["", "free", "-$1.00", "$", "7.50", "$1e5", "$NaN", "kr", "4,2,0 €", "1.2.3 EUR"])
def test_unreadable_money_cells(cell: str) -> None:
    with pytest.raises(MoneyError):
        parse_money(cell)


def test_times_are_utc_without_a_zone() -> None:
    assert parse_time("2026-03-25 16:10:53.160000") == datetime(2026, 3, 25, 16, 10, 53, 160000, tzinfo=UTC)
    assert parse_time("2026-03-25T16:10:53") == datetime(2026, 3, 25, 16, 10, 53, tzinfo=UTC)
    assert parse_time("2026-03-25 16:10:53.1Z") == datetime(2026, 3, 25, 16, 10, 53, 100000, tzinfo=UTC)
    assert parse_time("  ") is None
    with pytest.raises(ValueError):
        parse_time("2026-03-25 16:10:53+02:00")  # another zone is not what Prolific writes


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("APPROVED", Status.APPROVED),
        ("awaiting review", Status.AWAITING_REVIEW),
        ("AWAITING_REVIEW", Status.AWAITING_REVIEW),
        ("TIMED-OUT", Status.RETURNED),
        ("SCREENED OUT", Status.SCREENED_OUT),
        ("Partially approved", Status.APPROVED),
    ],
)
def test_prolific_statuses(text: str, status: Status) -> None:
    assert parse_status(text) is status


def test_control_and_direction_characters_leave_the_study_name(database: Database) -> None:
    data = HEADER + "Stu\x00dy \u202eevil\u202c\tname,£1.00,,2026-01-01 10:00:00,,,APPROVED\n"
    import_submissions(database, "me", parse_file(data.encode()), NOW)
    (entry,) = LedgerStore(database).entries()
    assert entry.title == "Study evil name"
