"""Import of the submission history a Prolific participant can download as CSV, into the ledger.

Prolific does not document this file. The columns accepted here are those of the export as a participant's
browser extension reads it (zedeus/prolific-pulse, `src/lib/import-csv.ts` and its test fixture "on the real
fixture shape"): `Study, Reward, Bonus, Started At, Completed At, Completion Code, Status`, in any order and
any letter case. Only Study, Reward and Status are required. A money cell is an amount after a currency symbol
(`£2.67`, `$7.50`, `€4.20`, `CA$10.00`, `A$5.25`, `kr50,25`, `zł12,00`, `¥300`: every symbol that parser reads;
`kr` is taken as Swedish kronor, as it does) or before one (`4,20 €`) or before an ISO code (`7.50 USD`), with a
decimal point or a decimal comma (`1.234,50`, `1 234,50`); times are UTC without a zone
(`2026-03-25 16:10:53.160000`). Statuses are Prolific's (`APPROVED`, `AWAITING REVIEW`, `RETURNED`,
`REJECTED`, `SCREENED OUT`, `TIMED-OUT`, `ACTIVE`, `RESERVED`, `PARTIALLY APPROVED`), also with `_` or `-`.

The file carries no submission or study id, so an imported row joins the entry SurveyDesk already has for the
same study title whose time falls between the row's start and completion (a minute either side); otherwise it
becomes an entry named after the study and its start time, so importing the same file twice changes nothing.
A non-zero bonus becomes a bonus entry of its own.

Every row is read and checked first; a row that cannot be read is listed with its line number and why
(`ParsedFile.unreadable`), and the worker chooses to import the rest or nothing: never half a file. What is
imported is stored in one transaction. Rows with neither a start nor a completion time cannot be placed in
time: they are left out and counted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from surveydesk.core.clock import utc_iso
from surveydesk.core.earnings import EntryHeader, Kind, Report, Status
from surveydesk.core.money import Money, MoneyError
from surveydesk.core.progress import Progress
from surveydesk.core.sanitize import TITLE_LIMIT, clean_text
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence
from surveydesk.ledger.model import Source
from surveydesk.ledger.store import LedgerStore
from surveydesk.platforms.history_file import HistoryFile, ImportProblem, ImportResult, ParsedFile, Unreadable
from surveydesk.store.database import Database

PLATFORM = "prolific"
MAX_FILE_BYTES = 20 * 1024 * 1024  # years of submissions take a few MB
MATCH_SLACK = timedelta(minutes=1)
_STEP = 500

_SYMBOLS = (
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("US$", "USD"),
    ("kr", "SEK"),  # also Norway's and Denmark's; Prolific's best public parser reads it as Sweden's
    ("zł", "PLN"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("$", "USD"),
)
_PLAIN_NUMBER = re.compile(r"\d{1,12}(\.\d{1,6})?")
_TRAILING_CODE = re.compile(r"^([0-9][0-9., ]*?)\s*([A-Za-z]{3})$")
_DOTTED_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+,\d{1,2}")  # 1.234,50
_DECIMAL_COMMA = re.compile(r"(\d{1,3}(,\d{3})+|\d+),\d{1,2}")  # 4,20 or 1,234,50
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")  # 1,234.50
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,6})?(Z|[+-]00:?00)?$")
STATUSES: dict[str, Status] = {
    "APPROVED": Status.APPROVED,
    "PARTIALLY APPROVED": Status.APPROVED,
    "AWAITING REVIEW": Status.AWAITING_REVIEW,
    "RETURNED": Status.RETURNED,
    "TIMED OUT": Status.RETURNED,
    "REJECTED": Status.REJECTED,
    "SCREENED OUT": Status.SCREENED_OUT,
    "ACTIVE": Status.IN_PROGRESS,
    "RESERVED": Status.IN_PROGRESS,
}
REQUIRED = ("study", "reward", "status")
OPTIONAL = ("bonus", "started at", "completed at", "completion code")


@dataclass(frozen=True, slots=True)
class Submission:
    """One row of the file, read and checked."""

    row: int
    study: str
    reward: Money
    bonus: Money | None
    started_at: datetime | None
    completed_at: datetime | None
    status: Status

    @property
    def occurred_at(self) -> datetime:
        moment = self.started_at or self.completed_at
        assert moment is not None  # rows without either are left out when read
        return moment

    @property
    def key(self) -> str:
        """A stable name for the row when SurveyDesk knows no entry for it."""
        text = f"{self.study}\x1f{utc_iso(self.occurred_at)}"
        return "csv-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def parse_money(text: str) -> Money:
    """A money cell such as `£2.67`, `CA$10.00`, `kr50,25`, `4,20 €` or `7.50 USD`; raises `MoneyError`
    otherwise."""
    cell = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    for symbol, currency in _SYMBOLS:
        if cell.startswith(symbol):
            return Money.parse(_plain_number(cell[len(symbol) :]), currency)
        if cell.endswith(symbol) and cell[:1].isdigit():
            return Money.parse(_plain_number(cell[: -len(symbol)]), currency)
    match = _TRAILING_CODE.match(cell)
    if match:
        return Money.parse(_plain_number(match.group(1)), match.group(2))
    raise MoneyError(
        QT_TRANSLATE_NOOP("ImportProblem", "{0} is not an amount with its currency").filled(repr(text))
    )


def _plain_number(text: str) -> str:
    """A number with a decimal point or a decimal comma, its thousands apart by commas, dots or spaces."""
    number = text.strip().replace(" ", "")
    if _DOTTED_THOUSANDS.fullmatch(number):
        number = number.replace(".", "").replace(",", ".")
    elif _DECIMAL_COMMA.fullmatch(number):
        whole, _, cents = number.rpartition(",")
        number = f"{whole.replace(',', '')}.{cents}"
    elif _COMMA_THOUSANDS.fullmatch(number):
        number = number.replace(",", "")
    if not _PLAIN_NUMBER.fullmatch(number):
        raise MoneyError(
            QT_TRANSLATE_NOOP("ImportProblem", "{0} is not a plain positive number").filled(repr(text.strip()))
        )
    return number


def parse_time(text: str) -> datetime | None:
    """A time of the file (UTC, usually without a zone); None for an empty cell; ValueError otherwise."""
    cell = text.strip()
    if not cell:
        return None
    match = _TIME.match(cell)
    if not match:
        raise ValueError(QT_TRANSLATE_NOOP("ImportProblem", "{0} is not a time").filled(repr(text)))
    day, clock, fraction, _zone = match.groups()
    return datetime.fromisoformat(f"{day}T{clock}{(fraction or '').ljust(7, '0') if fraction else ''}").replace(
        tzinfo=UTC
    )


def parse_status(text: str) -> Status:
    words = re.sub(r"[\s_-]+", " ", text.strip().upper())
    status = STATUSES.get(words)
    if status is None:
        raise ValueError(
            QT_TRANSLATE_NOOP("ImportProblem", "{0} is not a Prolific status").filled(repr(text.strip()[:40]))
        )
    return status


def parse_file(data: bytes, progress: Progress | None = None) -> ParsedFile[Submission]:
    """Read and check every row of the file; `ImportProblem` when it is no Prolific export at all."""
    progress = progress or Progress()
    if len(data) > MAX_FILE_BYTES:
        too_big = QT_TRANSLATE_NOOP("ImportProblem", "the file is larger than {0} MB; it is not a Prolific export")
        raise ImportProblem(too_big.filled(MAX_FILE_BYTES // 1_000_000))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem(
            QT_TRANSLATE_NOOP("ImportProblem", "the file is not UTF-8 text; it is not a Prolific export")
        ) from None
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        rows: list[tuple[int, list[str]]] = []  # each record and the line it starts on
        first_line = 1
        for record in reader:
            rows.append((first_line, record))
            first_line = reader.line_num + 1
    except csv.Error as error:  # a NUL byte, a cell of over 128 KB: not a file Prolific wrote
        unreadable = QT_TRANSLATE_NOOP(
            "ImportProblem", "the file is not a readable CSV ({0}); it is not a Prolific export"
        )
        raise ImportProblem(unreadable.filled(str(error))) from None
    if not rows:
        raise ImportProblem(QT_TRANSLATE_NOOP("ImportProblem", "the file is empty"))
    header = [name.strip().lower() for name in rows[0][1]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        lacking = QT_TRANSLATE_NOOP(
            "ImportProblem",
            "the file lacks the column(s) {0}: it is not Prolific's submission history (Study, Reward, Bonus, "
            "Started At, Completed At, Completion Code, Status)",
        )
        raise ImportProblem(lacking.filled(", ".join(name.title() for name in missing)))
    column = {name: header.index(name) for name in (*REQUIRED, *OPTIONAL) if name in header}
    progress.start(len(rows) - 1, "read")
    submissions: list[Submission] = []
    unreadable_rows: list[Unreadable] = []
    without_time = 0
    for number, (line, cells) in enumerate(rows[1:], start=2):
        if number % _STEP == 0:
            progress.advance(_STEP)
        if not any(cell.strip() for cell in cells):
            continue
        try:
            submission = _submission(number, cells, column)
        except (ValueError, IndexError) as error:
            unreadable_rows.append(Unreadable(line, _words(error)))
            continue
        if submission is None:
            without_time += 1
        else:
            submissions.append(submission)
    return ParsedFile(submissions, without_time, tuple(unreadable_rows))


def _words(error: Exception) -> str:
    """An error's message as raised: our Sentence whole (shown translated), any other as its text."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, Sentence) else str(error)


def _submission(number: int, cells: list[str], column: dict[str, int]) -> Submission | None:
    def cell(name: str) -> str:
        index = column.get(name)
        if index is None:
            return ""
        if index >= len(cells):
            raise ValueError(
                QT_TRANSLATE_NOOP("ImportProblem", "it has {0} cells, fewer than the header's columns").filled(
                    len(cells)
                )
            )
        return cells[index]

    study = clean_text(cell("study"), TITLE_LIMIT)  # the file is untrusted: no control or direction marks
    if not study:
        raise ValueError(QT_TRANSLATE_NOOP("ImportProblem", "the study has no name"))
    try:
        reward = parse_money(cell("reward"))
        bonus = parse_money(cell("bonus")) if cell("bonus").strip() else None
    except MoneyError as error:
        raise ValueError(
            QT_TRANSLATE_NOOP("ImportProblem", "the reward or bonus cannot be read ({0})").filled(_words(error))
        ) from None
    if bonus is not None and bonus.currency != reward.currency:
        raise ValueError(QT_TRANSLATE_NOOP("ImportProblem", "the bonus is not in the reward's currency"))
    status = parse_status(cell("status"))
    started_at, completed_at = parse_time(cell("started at")), parse_time(cell("completed at"))
    if started_at is None and completed_at is None:
        return None
    return Submission(
        number, study, reward, bonus if bonus and bonus.minor else None, started_at, completed_at, status
    )


def import_submissions(
    database: Database,
    account: str,
    parsed: ParsedFile[Submission],
    recorded_at: datetime,
    progress: Progress | None = None,
) -> ImportResult:
    """Store every submission of `parsed` (and its bonus) for the Prolific `account`, in one transaction."""
    progress = progress or Progress()
    progress.start(len(parsed.rows), "match")
    reports: list[Report] = []
    for index, submission in enumerate(parsed.rows, start=1):
        if index % _STEP == 0:
            progress.advance(_STEP)
        task_id = _known_task(database, account, submission) or submission.key
        header = EntryHeader(
            PLATFORM, account, Kind.TASK, submission.occurred_at, submission.reward.currency, task_id=task_id,
            title=submission.study,
        )  # fmt: skip
        at = submission.completed_at or submission.occurred_at
        reports.append(Report(header, at, submission.status, submission.reward))
        if submission.bonus is not None:
            bonus = EntryHeader(
                PLATFORM, account, Kind.BONUS, at, submission.bonus.currency, task_id=task_id,
                record_id=f"{submission.key}-bonus", title=submission.study,
            )  # fmt: skip
            reports.append(Report(bonus, at, Status.PAID, submission.bonus))
    progress.check()  # the last moment a cancel is heard: what follows is one transaction
    touched = LedgerStore(database).record(reports, Source.PLATFORM, recorded_at)
    progress.advance(len(parsed.rows) % _STEP)
    return ImportResult(len(parsed.rows), len(set(touched)), parsed.without_time)


def _known_task(database: Database, account: str, submission: Submission) -> str | None:
    """The task id of the entry SurveyDesk already has for this submission: same study title, a time between
    the row's start and completion (a minute either side)."""
    first = (submission.started_at or submission.occurred_at) - MATCH_SLACK
    last = (submission.completed_at or submission.occurred_at) + MATCH_SLACK
    row = (
        database.connection()
        .execute(
            # The unary + keeps SQLite on the time index: a few minutes of entries, whatever the account holds.
            "SELECT task_id FROM ledger_entries WHERE +platform = ? AND +account = ? AND kind = 'task' "
            "AND title = ? AND occurred_at BETWEEN ? AND ? ORDER BY occurred_at, id LIMIT 1",
            (PLATFORM, account, submission.study, utc_iso(first), utc_iso(last)),
        )
        .fetchone()
    )
    return None if row is None else str(row[0])


SUBMISSIONS_FILE = HistoryFile(
    title=QT_TRANSLATE_NOOP("HistoryFile", "Import Prolific's submission history"),
    kinds=QT_TRANSLATE_NOOP("HistoryFile", "CSV files (*.csv)"),
    parse=parse_file,
    store=import_submissions,
)
