"""The earnings ledger: every attempt and earning as an entry with an append-only history, kept true to the
platforms by reconciliation (pure Python; see model.py for the vocabulary, store.py for the tables)."""

from surveydesk.core.earnings import EntryHeader, Kind, Report, Status, entry_id
from surveydesk.ledger.model import LedgerEntry, LedgerEvent, Source, current_state
from surveydesk.ledger.store import CursorUpdate, LedgerStore

__all__ = [
    "CursorUpdate",
    "EntryHeader",
    "Kind",
    "LedgerEntry",
    "LedgerEvent",
    "LedgerStore",
    "Report",
    "Source",
    "Status",
    "current_state",
    "entry_id",
]
