"""The ledger's files: a history file is imported for the accounts of the platforms that offer one, read by the
platform's own reader, without the service or the History tab naming a platform."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from surveydesk.core.model import Account, AccountKey
from surveydesk.core.progress import Progress
from surveydesk.ledger import LedgerStore
from surveydesk.platforms.history_file import HistoryFile, ImportResult, ParsedFile
from surveydesk.platforms.registry import BUILT_IN
from surveydesk.services.ledger_files import LedgerFiles
from surveydesk.store import Database
from tests.factories import PROLIFIC_ME, ledger_files
from tests.locations import DATA

NOW = datetime(2026, 11, 30, 12, tzinfo=UTC)


def _account(platform: str, label: str) -> Account:
    return Account(AccountKey(platform, label), label, "https://example.test")


def test_only_prolific_offers_a_history_file_among_the_built_in_platforms(database: Database):
    files = ledger_files(database)
    assert files.history_platforms() == ["Prolific"]
    accounts = [PROLIFIC_ME, _account("mturk", "me"), _account("prolific", "other"), _account("toloka", "x")]
    importable = files.importable(accounts)
    assert [(choice.platform_name, choice.account) for choice in importable] == [
        ("Prolific", "me"),
        ("Prolific", "other"),
    ]
    assert importable[0].file is BUILT_IN.history_files()["prolific"]


def test_a_history_file_lands_in_the_ledger_of_the_chosen_account(database: Database):
    result = ledger_files(database).import_history(
        "prolific", DATA / "prolific-submissions.csv", "me", NOW, Progress()
    )
    assert isinstance(result, ImportResult) and result.rows == 5
    entries = LedgerStore(database).entries()
    assert entries and {(entry.platform, entry.account) for entry in entries} == {("prolific", "me")}


def test_another_platform_s_file_is_read_by_its_own_reader(database: Database, tmp_path):
    read: list[bytes] = []

    def parse(data: bytes, _progress: Progress | None) -> ParsedFile[str]:
        read.append(data)
        return ParsedFile(["row"], without_time=0)

    def store(_db: Database, account: str, parsed: ParsedFile[str], _at: datetime, _p: Progress | None):
        return ImportResult(len(parsed.rows), len(parsed.rows), 0)

    quiz = HistoryFile(
        BUILT_IN.history_files()["prolific"].title, BUILT_IN.history_files()["prolific"].kinds, parse, store
    )
    files = LedgerFiles(database, {"quizhub": quiz}, {"quizhub": "QuizHub"}.__getitem__)
    source = tmp_path / "quizhub.json"
    source.write_bytes(b"[1]")
    assert files.history_platforms() == ["QuizHub"]
    assert files.import_history("quizhub", source, "me", NOW, Progress()) == ImportResult(1, 1, 0)
    assert read == [b"[1]"]
    with pytest.raises(KeyError):
        files.import_history("prolific", source, "me", NOW, Progress())
