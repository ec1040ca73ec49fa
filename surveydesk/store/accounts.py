"""The account table: which platform accounts the worker has set up; their secrets live in the keyring only."""

from __future__ import annotations

import json

from surveydesk.core.model import Account, AccountKey
from surveydesk.store.database import Database

_UPSERT = """
    INSERT INTO accounts (platform, account, label, base_url, enabled, options) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (platform, account) DO UPDATE SET
        label = excluded.label, base_url = excluded.base_url, enabled = excluded.enabled,
        options = excluded.options
"""


class AccountStore:
    """The worker's accounts, kept across restarts."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def list_accounts(self) -> list[Account]:
        rows = self._db.connection().execute(
            "SELECT platform, account, label, base_url, enabled, options FROM accounts ORDER BY platform, account"
        )
        return [
            Account(AccountKey(platform, account), label, base_url, bool(enabled), _options(options))
            for platform, account, label, base_url, enabled, options in rows
        ]

    def save(self, account: Account) -> None:
        """Add the account, or replace what is stored under its key."""
        key = account.key
        self._db.connection().execute(
            _UPSERT,
            (
                key.platform,
                key.account,
                account.label,
                account.base_url,
                int(account.enabled),
                json.dumps(dict(account.options), sort_keys=True),
            ),
        )

    def remove(self, key: AccountKey) -> None:
        """Forget the account, every task stored for it and when it was polled, in one transaction."""
        with self._db.transaction() as connection:
            for table in ("tasks", "account_polls", "accounts"):
                connection.execute(
                    f"DELETE FROM {table} WHERE platform = ? AND account = ?",
                    (key.platform, key.account),
                )


def _options(text: str) -> dict[str, str]:
    """The stored options; anything but an object of strings is ignored rather than trusted."""
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(value, dict):
        return {}
    return {str(name): str(option) for name, option in value.items() if isinstance(option, str)}
