"""The schema, as an append-only list of numbered migrations; a shipped migration is never edited."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: `statements` run in order, in one transaction, then the file is at `version`."""

    version: int
    description: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        version=1,
        description="accounts and tasks",
        statements=(
            # No secrets here, ever: tokens live in the keyring under the account's key.
            """
            CREATE TABLE accounts (
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                label TEXT NOT NULL,
                base_url TEXT NOT NULL,
                enabled INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (platform, account)
            )
            """,
            # Times are UTC ISO 8601 text (surveydesk.core.clock.utc_iso), so text order is time order.
            # `devices` is the comma-joined tuple; `gone_at` is set while the platform no longer offers it.
            # `places_left` is a live figure, written with the rest of the offer but not on every poll;
            # `last_seen` of a present task is its account's `account_polls.last_poll`.
            """
            CREATE TABLE tasks (
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                external_id TEXT NOT NULL,
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                requester_id TEXT NOT NULL DEFAULT '',
                requester_name TEXT NOT NULL DEFAULT '',
                reward_minor INTEGER NOT NULL,
                reward_currency TEXT NOT NULL,
                estimated_minutes INTEGER,
                places_left INTEGER,
                time_allowed_minutes INTEGER,
                url TEXT NOT NULL DEFAULT '',
                devices TEXT NOT NULL DEFAULT '',
                published_at TEXT,
                first_seen TEXT NOT NULL,
                last_seen TEXT NOT NULL,
                gone_at TEXT,
                PRIMARY KEY (platform, account, external_id)
            )
            """,
            "CREATE INDEX tasks_by_account_gone ON tasks (platform, account, gone_at)",
            # When each account was last polled: the `last_seen` of all its present tasks, kept in one row
            # so that a poll does not rewrite every task row just to say it saw them again.
            """
            CREATE TABLE account_polls (
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                last_poll TEXT NOT NULL,
                PRIMARY KEY (platform, account)
            )
            """,
        ),
    ),
)
