"""Local persistence: one SQLite file of accounts and tasks, migrated forward with a backup, never backwards."""

from surveydesk.store.accounts import AccountStore
from surveydesk.store.database import (
    DamagedDatabaseError,
    Database,
    DiskFullError,
    MigrationError,
    NewerDatabaseError,
    NotADatabaseError,
    StoreError,
)
from surveydesk.store.migrations import MIGRATIONS, Migration
from surveydesk.store.tasks import TaskStore

__all__ = [
    "MIGRATIONS",
    "AccountStore",
    "DamagedDatabaseError",
    "Database",
    "DiskFullError",
    "Migration",
    "MigrationError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "StoreError",
    "TaskStore",
]
