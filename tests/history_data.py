"""Ledger rows written straight into the table, for the history's query tests (the ledger's own store is
tested on its own; the history only reads the table)."""

from __future__ import annotations

from datetime import UTC, datetime

from surveydesk.core.clock import utc_iso
from surveydesk.store import Database


def add_entry(
    database: Database,
    entry_id: str,
    occurred_at: datetime,
    minor: int,
    currency: str = "GBP",
    status: str = "paid",
    platform: str = "prolific",
    title: str = "",
    kind: str = "task",
    note: str = "",
) -> None:
    with database.transaction() as connection:
        connection.execute(
            "INSERT INTO ledger_entries (id, platform, account, kind, task_id, record_id, title, occurred_at, "
            "day, status, status_at, amount_minor, currency, note) "
            "VALUES (?, ?, 'me', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entry_id,
                platform,
                kind,
                entry_id,
                entry_id,
                title or f"Study {entry_id}",
                utc_iso(occurred_at),
                occurred_at.astimezone(UTC).date().isoformat(),
                status,
                utc_iso(occurred_at),
                minor,
                currency,
                note,
            ),
        )


def set_status(database: Database, entry_id: str, status: str) -> None:
    with database.transaction() as connection:
        connection.execute("UPDATE ledger_entries SET status = ? WHERE id = ?", (status, entry_id))
