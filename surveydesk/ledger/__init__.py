"""The earnings ledger: every attempt and earning as an entry with an append-only history, kept true to the
platforms by reconciliation (pure Python; see model.py for the vocabulary, store.py for the tables)."""

from surveydesk.ledger.model import (
    EntryHeader,
    Kind,
    LedgerEntry,
    LedgerEvent,
    Source,
    Status,
    current_state,
    entry_id,
)
from surveydesk.ledger.store import CursorUpdate, LedgerStore, Report

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
