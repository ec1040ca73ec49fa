"""The schema, as an append-only list of numbered migrations; a shipped migration is never edited."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: `statements` run in order, in one transaction, then the file is at `version`."""

    version: int
    description: str
    statements: tuple[str, ...]


# The local date of a ledger entry's `occurred_at` in the worker's zone (migration 6's offsets; UTC if none).
# Frozen with migration 6: the history rebuilds its daily totals with the very same expression.
LOCAL_DAY_OF_ENTRY = (
    "date({row}.occurred_at, COALESCE((SELECT offset_minutes FROM ledger_zone_offsets "
    "WHERE starts <= {row}.occurred_at ORDER BY starts DESC LIMIT 1), 0) || ' minutes')"
)
_ADD_TO_DAY_TOTALS = (
    "INSERT INTO ledger_day_totals (day, platform, kind, status, currency, amount_minor, entries) "
    f"VALUES ({LOCAL_DAY_OF_ENTRY}, {{row}}.platform, {{row}}.kind, {{row}}.status, {{row}}.currency, "
    "{row}.amount_minor, 1) ON CONFLICT (day, platform, kind, status, currency) DO UPDATE "
    "SET amount_minor = amount_minor + excluded.amount_minor, entries = entries + 1;"
)
_TAKE_FROM_DAY_TOTALS = (
    "UPDATE ledger_day_totals SET amount_minor = amount_minor - {row}.amount_minor, entries = entries - 1 "
    f"WHERE day = {LOCAL_DAY_OF_ENTRY} AND platform = {{row}}.platform AND kind = {{row}}.kind "
    "AND status = {row}.status AND currency = {row}.currency;"
)
# A daily total's row added to (or taken from) the total of its month, named by the month's first day.
_ADD_TO_MONTH_TOTALS = (
    "INSERT INTO ledger_month_totals (month, platform, kind, status, currency, amount_minor, entries) "
    "VALUES (substr({row}.day, 1, 7) || '-01', {row}.platform, {row}.kind, {row}.status, {row}.currency, "
    "{row}.amount_minor, {row}.entries) ON CONFLICT (month, platform, kind, status, currency) DO UPDATE "
    "SET amount_minor = amount_minor + excluded.amount_minor, entries = entries + excluded.entries;"
)
_TAKE_FROM_MONTH_TOTALS = (
    "UPDATE ledger_month_totals SET amount_minor = amount_minor - {row}.amount_minor, "
    "entries = entries - {row}.entries WHERE month = substr({row}.day, 1, 7) || '-01' "
    "AND platform = {row}.platform AND kind = {row}.kind AND status = {row}.status AND currency = {row}.currency;"
)


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
    Migration(
        version=2,
        description="shifts, task attempts, their stretches of time, and settings",
        statements=(
            """
            CREATE TABLE shifts (
                id INTEGER PRIMARY KEY,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                automatic INTEGER NOT NULL DEFAULT 0
            )
            """,
            """
            CREATE TABLE attempts (
                id INTEGER PRIMARY KEY,
                shift_id INTEGER REFERENCES shifts (id),
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                external_id TEXT NOT NULL,
                title TEXT NOT NULL,
                requester TEXT NOT NULL DEFAULT '',
                reward_minor INTEGER NOT NULL,
                reward_currency TEXT NOT NULL,
                time_limit_seconds INTEGER,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                outcome TEXT,
                paid_minor INTEGER,
                paid_currency TEXT
            )
            """,
            "CREATE INDEX attempts_by_start ON attempts (started_at)",
            # A stretch is one continuous spell of a shift or of work on an attempt. `seconds` is measured with
            # the monotonic clock and is NULL while the stretch is open; `alive_at`/`alive_seconds` are the
            # last sign of life, so a stretch left open by a crash can be closed at the worker's choice.
            """
            CREATE TABLE stretches (
                id INTEGER PRIMARY KEY,
                shift_id INTEGER REFERENCES shifts (id),
                attempt_id INTEGER REFERENCES attempts (id),
                started_at TEXT NOT NULL,
                seconds REAL,
                alive_at TEXT NOT NULL,
                alive_seconds REAL NOT NULL DEFAULT 0,
                CHECK ((shift_id IS NULL) <> (attempt_id IS NULL))
            )
            """,
            "CREATE INDEX stretches_of_shift ON stretches (shift_id)",
            "CREATE INDEX stretches_of_attempt ON stretches (attempt_id)",
            "CREATE INDEX stretches_open ON stretches (id) WHERE seconds IS NULL",
            # Every transition of an attempt, in order: taken, paused, resumed, an outcome, a recovered gap.
            """
            CREATE TABLE attempt_events (
                id INTEGER PRIMARY KEY,
                attempt_id INTEGER NOT NULL REFERENCES attempts (id),
                at TEXT NOT NULL,
                event TEXT NOT NULL
            )
            """,
            "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        ),
    ),
    Migration(
        version=3,
        description="account options",
        statements=(
            # The platform's settings that are not secret (user ids, app ids, currency), as a JSON object.
            "ALTER TABLE accounts ADD COLUMN options TEXT NOT NULL DEFAULT '{}'",
        ),
    ),
    Migration(
        version=4,
        description="estimated minutes of an attempt",
        statements=(
            # What the platform (or the worker, for a task entered by hand) expected it to take.
            "ALTER TABLE attempts ADD COLUMN estimated_minutes INTEGER",
        ),
    ),
    Migration(
        version=5,
        description="the earnings ledger: entries, their append-only events, reconciliation cursors",
        statements=(
            # One entry per piece of money: a task's reward, a bonus, an adjustment or a reversal (negative).
            # `id` is stable on every computer: "<platform>/<account>/<kind>/<external id>" (see
            # surveydesk.ledger), so two computers that saw the same submission make one entry.
            # `status`, `status_at`, `amount_minor`, `currency` and `note` are derived from `ledger_events`
            # (the current state); they are rewritten whenever an event is added, never edited by hand.
            # `day` is the UTC date of `occurred_at`, for the history's totals.
            """
            CREATE TABLE ledger_entries (
                id TEXT PRIMARY KEY,
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                kind TEXT NOT NULL,
                task_id TEXT NOT NULL DEFAULT '',
                record_id TEXT NOT NULL DEFAULT '',
                title TEXT NOT NULL DEFAULT '',
                requester TEXT NOT NULL DEFAULT '',
                attempt_id INTEGER REFERENCES attempts (id),
                occurred_at TEXT NOT NULL,
                day TEXT NOT NULL,
                status TEXT NOT NULL,
                status_at TEXT NOT NULL,
                amount_minor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT ''
            )
            """,
            "CREATE INDEX ledger_entries_by_day ON ledger_entries (day, platform)",
            "CREATE INDEX ledger_entries_by_record ON ledger_entries (platform, account, record_id)",
            "CREATE INDEX ledger_entries_by_task ON ledger_entries (platform, account, task_id)",
            "CREATE INDEX ledger_entries_by_attempt ON ledger_entries (attempt_id) WHERE attempt_id IS NOT NULL",
            # Append-only history of each entry. `source` is 'platform' (what the platform reported), 'local'
            # (the worker's own attempt) or 'worker' (a note or a manual correction). `status`, `amount_minor`
            # and `note` are NULL when the event does not speak of them. `id` is stable across computers, so
            # the same report seen twice (or replicated) is one event: INSERT OR IGNORE.
            """
            CREATE TABLE ledger_events (
                id TEXT PRIMARY KEY,
                entry_id TEXT NOT NULL REFERENCES ledger_entries (id),
                at TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                source TEXT NOT NULL,
                status TEXT,
                amount_minor INTEGER,
                currency TEXT,
                note TEXT
            )
            """,
            "CREATE INDEX ledger_events_of_entry ON ledger_events (entry_id, at)",
            # Where each account's reconciliation resumes, and when it last completed.
            """
            CREATE TABLE reconcile_cursors (
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                cursor TEXT NOT NULL DEFAULT '',
                last_sync TEXT,
                PRIMARY KEY (platform, account)
            )
            """,
        ),
    ),
    Migration(
        version=6,
        description="exchange rates, the worker's time zone, and the history's daily totals",
        statements=(
            # How many units of `currency` one euro bought on `day` (the ECB's convention), as exact decimal
            # text. `source` is 'ecb' (the daily reference rates) or 'worker' (typed in; never overwritten by
            # an update from the ECB).
            """
            CREATE TABLE exchange_rates (
                currency TEXT NOT NULL,
                day TEXT NOT NULL,
                per_euro TEXT NOT NULL,
                source TEXT NOT NULL,
                PRIMARY KEY (currency, day)
            ) WITHOUT ROWID
            """,
            # The worker's time zone as its UTC offsets: from the UTC time `starts`, local time is UTC plus
            # `offset_minutes`. Filled from the zone's rules (surveydesk.ledger.zone); empty means UTC.
            """
            CREATE TABLE ledger_zone_offsets (
                starts TEXT PRIMARY KEY,
                offset_minutes INTEGER NOT NULL
            ) WITHOUT ROWID
            """,
            # Sums and counts of the entries per local day, platform, kind, status and currency, kept by the
            # triggers below, so the history's totals read thousands of rows instead of millions.
            """
            CREATE TABLE ledger_day_totals (
                day TEXT NOT NULL,
                platform TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                currency TEXT NOT NULL,
                amount_minor INTEGER NOT NULL,
                entries INTEGER NOT NULL,
                PRIMARY KEY (day, platform, kind, status, currency)
            ) WITHOUT ROWID
            """,
            f"""
            INSERT INTO ledger_day_totals
            SELECT {LOCAL_DAY_OF_ENTRY.format(row="e")} AS local_day, platform, kind, status, currency,
                   SUM(amount_minor), COUNT(*)
            FROM ledger_entries AS e
            GROUP BY local_day, platform, kind, status, currency
            """,
            f"""
            CREATE TRIGGER ledger_day_totals_add AFTER INSERT ON ledger_entries BEGIN
                {_ADD_TO_DAY_TOTALS.format(row="NEW")}
            END
            """,
            f"""
            CREATE TRIGGER ledger_day_totals_remove AFTER DELETE ON ledger_entries BEGIN
                {_TAKE_FROM_DAY_TOTALS.format(row="OLD")}
            END
            """,
            f"""
            CREATE TRIGGER ledger_day_totals_change
            AFTER UPDATE OF occurred_at, platform, kind, status, amount_minor, currency ON ledger_entries BEGIN
                {_TAKE_FROM_DAY_TOTALS.format(row="OLD")}
                {_ADD_TO_DAY_TOTALS.format(row="NEW")}
            END
            """,
            # The history's table pages through entries newest first, or by amount.
            "CREATE INDEX ledger_entries_by_time ON ledger_entries (occurred_at)",
            "CREATE INDEX ledger_entries_by_amount ON ledger_entries (amount_minor)",
        ),
    ),
    Migration(
        version=7,
        description="the worker profile: answers, sharing choices, what was sent where, screener answers",
        statements=(
            # One row per answered field: `value` is JSON (a string, or a list of option codes for MULTI).
            # Fields no schema field names (a platform's own question the worker answered) keep its wording
            # in `label` and the platform in `platform`, so the worker can see and delete them.
            """
            CREATE TABLE profile_answers (
                field TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                label TEXT NOT NULL DEFAULT '',
                platform TEXT NOT NULL DEFAULT '',
                updated_at TEXT NOT NULL
            )
            """,
            # What the worker allows per field and platform: 'never', 'ask' or 'always'. No row: the default
            # of surveydesk.profile.sharing, which never sends anything without the worker's say.
            """
            CREATE TABLE profile_sharing (
                field TEXT NOT NULL,
                platform TEXT NOT NULL,
                permission TEXT NOT NULL,
                PRIMARY KEY (field, platform)
            )
            """,
            # Which field went to which account, how (a profiler question, a survey request), first, last and
            # how many times. Field names only: the values stay in profile_answers.
            """
            CREATE TABLE profile_disclosures (
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                field TEXT NOT NULL,
                channel TEXT NOT NULL,
                first_at TEXT NOT NULL,
                last_at TEXT NOT NULL,
                times INTEGER NOT NULL,
                PRIMARY KEY (platform, account, field, channel)
            )
            """,
            # Answers the worker gave a screener (in a profiler, or recorded by hand), to warn when they
            # contradict the profile or each other.
            """
            CREATE TABLE screener_answers (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                platform TEXT NOT NULL,
                task_id TEXT NOT NULL DEFAULT '',
                field TEXT NOT NULL,
                value TEXT NOT NULL
            )
            """,
            "CREATE INDEX screener_answers_by_field ON screener_answers (field, at)",
        ),
    ),
    Migration(
        version=8,
        description="replication: stable ids of shifts and attempts, what waits to be sent, revisions, positions",
        statements=(
            # Local integer ids differ between the worker's computers; these ids name the same shift or attempt
            # on all of them. Rows made before this version get one now, new rows get one as they are made.
            "ALTER TABLE shifts ADD COLUMN sync_id TEXT",
            "ALTER TABLE attempts ADD COLUMN sync_id TEXT",
            "UPDATE shifts SET sync_id = lower(hex(randomblob(16))) WHERE sync_id IS NULL",
            "UPDATE attempts SET sync_id = lower(hex(randomblob(16))) WHERE sync_id IS NULL",
            "CREATE UNIQUE INDEX shifts_by_sync_id ON shifts (sync_id)",
            "CREATE UNIQUE INDEX attempts_by_sync_id ON attempts (sync_id)",
            """
            CREATE TRIGGER shifts_get_sync_id AFTER INSERT ON shifts WHEN NEW.sync_id IS NULL
            BEGIN UPDATE shifts SET sync_id = lower(hex(randomblob(16))) WHERE id = NEW.id; END
            """,
            """
            CREATE TRIGGER attempts_get_sync_id AFTER INSERT ON attempts WHEN NEW.sync_id IS NULL
            BEGIN UPDATE attempts SET sync_id = lower(hex(randomblob(16))) WHERE id = NEW.id; END
            """,
            # This database's own name in replication (checkpoints are per database and server).
            "CREATE TABLE sync_replica (id TEXT NOT NULL)",
            "INSERT INTO sync_replica (id) VALUES (lower(hex(randomblob(16))))",
            # The documents changed here since they were last sent, oldest change first. Triggers below fill
            # it, so every writer's changes are caught without it knowing about replication; a change of a
            # document already waiting moves it to the end (deleted and inserted again: a new `seq`).
            # `changed_at` is when it changed (SQLite's clock, UTC): the latest edit of a setting wins a conflict.
            """
            CREATE TABLE sync_pending (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                doc_id TEXT NOT NULL UNIQUE,
                changed_at TEXT NOT NULL
            )
            """,
            # The revision of each document as this database last agreed with the server, a digest of its body
            # then (a change that changes nothing sends nothing) and its time of change ('' for a ledger event).
            """
            CREATE TABLE sync_revisions (
                doc_id TEXT PRIMARY KEY,
                rev TEXT NOT NULL,
                digest TEXT NOT NULL,
                changed_at TEXT NOT NULL
            )
            """,
            # Where pulling from (and pushing to) each target resumes; `session` must match the server's copy
            # in its _local document, else the server is not the one the position belongs to.
            """
            CREATE TABLE sync_checkpoints (
                target TEXT NOT NULL,
                direction TEXT NOT NULL,
                session TEXT NOT NULL,
                position TEXT NOT NULL,
                PRIMARY KEY (target, direction)
            )
            """,
            # A received record that points at one not received yet (an entry at its attempt, an attempt at its
            # shift): the link is made when the other arrives.
            "CREATE TABLE sync_links (owner TEXT NOT NULL, target TEXT NOT NULL, PRIMARY KEY (owner, target))",
            """
            CREATE TRIGGER ledger_events_to_sync AFTER INSERT ON ledger_events
            BEGIN
                DELETE FROM sync_pending WHERE doc_id = 'event:' || NEW.id;
                INSERT INTO sync_pending (doc_id, changed_at)
                VALUES ('event:' || NEW.id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
            END
            """,
            # Shifts and attempts are sent once they are over (an open one is still being timed here).
            """
            CREATE TRIGGER shifts_to_sync AFTER UPDATE ON shifts
            WHEN NEW.ended_at IS NOT NULL AND NEW.sync_id IS NOT NULL
            BEGIN
                DELETE FROM sync_pending WHERE doc_id = 'shift:' || NEW.sync_id;
                INSERT INTO sync_pending (doc_id, changed_at)
                VALUES ('shift:' || NEW.sync_id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
            END
            """,
            """
            CREATE TRIGGER attempts_to_sync AFTER UPDATE ON attempts
            WHEN NEW.outcome IS NOT NULL AND NEW.sync_id IS NOT NULL
            BEGIN
                DELETE FROM sync_pending WHERE doc_id = 'attempt:' || NEW.sync_id;
                INSERT INTO sync_pending (doc_id, changed_at)
                VALUES ('attempt:' || NEW.sync_id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
            END
            """,
            # A stretch closed (or corrected) after its shift or attempt ended changes that document too.
            """
            CREATE TRIGGER stretches_to_sync AFTER UPDATE ON stretches WHEN NEW.seconds IS NOT NULL
            BEGIN
                DELETE FROM sync_pending WHERE doc_id IN (
                    SELECT 'shift:' || sync_id FROM shifts WHERE id = NEW.shift_id
                    UNION ALL SELECT 'attempt:' || sync_id FROM attempts WHERE id = NEW.attempt_id
                );
                INSERT INTO sync_pending (doc_id, changed_at)
                SELECT 'shift:' || sync_id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now') FROM shifts
                WHERE id = NEW.shift_id AND ended_at IS NOT NULL
                UNION ALL
                SELECT 'attempt:' || sync_id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now') FROM attempts
                WHERE id = NEW.attempt_id AND outcome IS NOT NULL;
            END
            """,
            # Which settings travel is decided when they are sent (surveydesk.sync.documents); all are noted.
            """
            CREATE TRIGGER settings_inserted_to_sync AFTER INSERT ON settings
            BEGIN
                DELETE FROM sync_pending WHERE doc_id = 'setting:' || NEW.key;
                INSERT INTO sync_pending (doc_id, changed_at)
                VALUES ('setting:' || NEW.key, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
            END
            """,
            """
            CREATE TRIGGER settings_updated_to_sync AFTER UPDATE ON settings WHEN NEW.value IS NOT OLD.value
            BEGIN
                DELETE FROM sync_pending WHERE doc_id = 'setting:' || NEW.key;
                INSERT INTO sync_pending (doc_id, changed_at)
                VALUES ('setting:' || NEW.key, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
            END
            """,
        ),
    ),
    Migration(
        version=9,
        description="the ledger between computers: attempts linked to the platform's entries; who described what",
        statements=(
            # A link event names the entry that counts this entry's money (surveydesk.ledger.model); an entry
            # with one (`linked_to`, derived from its events like its status) is in no total and no list.
            "ALTER TABLE ledger_events ADD COLUMN link TEXT",
            "ALTER TABLE ledger_entries ADD COLUMN linked_to TEXT NOT NULL DEFAULT ''",
            # Who gave each of the title, requester, occurred_at and record_id: one digit each, 0 unknown (as
            # for every entry stored before this version), 1 the worker's attempt, 2 the platform.
            "ALTER TABLE ledger_entries ADD COLUMN described_by TEXT NOT NULL DEFAULT '0000'",
            "CREATE INDEX ledger_entries_linked ON ledger_entries (linked_to) WHERE linked_to <> ''",
            # Attempts' entries that wait for the platform's record of them, by what they are matched on.
            "CREATE INDEX ledger_entries_awaiting_link ON ledger_entries (platform, account, title) "
            "WHERE linked_to = '' AND substr(task_id, 1, 8) = 'attempt-'",
            # The daily totals leave linked entries out.
            "DROP TRIGGER ledger_day_totals_add",
            "DROP TRIGGER ledger_day_totals_remove",
            "DROP TRIGGER ledger_day_totals_change",
            f"""
            CREATE TRIGGER ledger_day_totals_add AFTER INSERT ON ledger_entries WHEN NEW.linked_to = '' BEGIN
                {_ADD_TO_DAY_TOTALS.format(row="NEW")}
            END
            """,
            f"""
            CREATE TRIGGER ledger_day_totals_remove AFTER DELETE ON ledger_entries WHEN OLD.linked_to = '' BEGIN
                {_TAKE_FROM_DAY_TOTALS.format(row="OLD")}
            END
            """,
            f"""
            CREATE TRIGGER ledger_day_totals_change_take
            AFTER UPDATE OF occurred_at, platform, kind, status, amount_minor, currency, linked_to
            ON ledger_entries
            WHEN OLD.linked_to = '' BEGIN
                {_TAKE_FROM_DAY_TOTALS.format(row="OLD")}
            END
            """,
            f"""
            CREATE TRIGGER ledger_day_totals_change_add
            AFTER UPDATE OF occurred_at, platform, kind, status, amount_minor, currency, linked_to
            ON ledger_entries
            WHEN NEW.linked_to = '' BEGIN
                {_ADD_TO_DAY_TOTALS.format(row="NEW")}
            END
            """,
            # An entry's events carry its description to other computers: when it changes, they go again.
            """
            CREATE TRIGGER ledger_entries_described_to_sync
            AFTER UPDATE OF title, requester, occurred_at, record_id, described_by ON ledger_entries
            WHEN NEW.title IS NOT OLD.title OR NEW.requester IS NOT OLD.requester
                OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.record_id IS NOT OLD.record_id
                OR NEW.described_by IS NOT OLD.described_by
            BEGIN
                DELETE FROM sync_pending WHERE doc_id IN (
                    SELECT 'event:' || id FROM ledger_events WHERE entry_id = NEW.id
                );
                INSERT INTO sync_pending (doc_id, changed_at)
                SELECT 'event:' || id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now') FROM ledger_events
                WHERE entry_id = NEW.id;
            END
            """,
        ),
    ),
    Migration(
        version=10,
        description="what the points of a survey wall's rewards site are worth, as the worker says",
        statements=(
            # From `day` on, `points` of the account's rewards site are worth `worth_minor` minor units of
            # `currency` (an exact ratio: no rounding until an amount is converted). Typed in by the worker only.
            """
            CREATE TABLE points_values (
                platform TEXT NOT NULL,
                account TEXT NOT NULL,
                day TEXT NOT NULL,
                points TEXT NOT NULL,
                worth_minor INTEGER NOT NULL,
                currency TEXT NOT NULL,
                PRIMARY KEY (platform, account, day)
            ) WITHOUT ROWID
            """,
        ),
    ),
    Migration(
        version=11,
        description="how long the platform says the worker took",
        statements=(
            # Prolific's `time_taken` of a submission, in seconds; NULL where the platform does not say. Beside the
            # worker's own timer it is her evidence when a study takes longer than it says.
            "ALTER TABLE ledger_entries ADD COLUMN platform_seconds INTEGER",
        ),
    ),
    Migration(
        version=12,
        description="the worker's claims for money she may be owed",
        statements=(
            # One claim per ledger entry (surveydesk.ledger.claims): what was found (`kind`: rejected, overdue,
            # unpaid_time, overrun), when the worker says she sent it, and its outcome (paid, refused, no_answer;
            # NULL while open). Nothing here is sent anywhere: the worker sends her claim herself.
            """
            CREATE TABLE claims (
                entry_id TEXT PRIMARY KEY REFERENCES ledger_entries (id),
                kind TEXT NOT NULL,
                found_at TEXT NOT NULL,
                sent_at TEXT,
                outcome TEXT,
                outcome_at TEXT
            ) WITHOUT ROWID
            """,
        ),
    ),
    Migration(
        version=13,
        description="how long the platform said a task would take",
        statements=(
            # Prolific's `estimated_completion_time` of a submission's study, in minutes; NULL where the platform
            # does not say. With `platform_seconds` it shows a study that took far longer than it said, even one
            # the worker's timer did not time (surveydesk.ledger.claims).
            "ALTER TABLE ledger_entries ADD COLUMN estimated_minutes INTEGER",
        ),
    ),
    Migration(
        version=14,
        description="claims and the platform's times travel between computers; documents kept for later",
        statements=(
            # A claim travels as a document of its own (surveydesk.sync.documents): noted whenever it is found
            # or the worker records what she did about it, so the code that writes claims knows nothing of sync.
            """
            CREATE TRIGGER claims_inserted_to_sync AFTER INSERT ON claims
            BEGIN
                DELETE FROM sync_pending WHERE doc_id = 'claim:' || NEW.entry_id;
                INSERT INTO sync_pending (doc_id, changed_at)
                VALUES ('claim:' || NEW.entry_id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
            END
            """,
            """
            CREATE TRIGGER claims_updated_to_sync AFTER UPDATE ON claims
            WHEN NEW.kind IS NOT OLD.kind OR NEW.found_at IS NOT OLD.found_at OR NEW.sent_at IS NOT OLD.sent_at
                OR NEW.outcome IS NOT OLD.outcome OR NEW.outcome_at IS NOT OLD.outcome_at
            BEGIN
                DELETE FROM sync_pending WHERE doc_id = 'claim:' || NEW.entry_id;
                INSERT INTO sync_pending (doc_id, changed_at)
                VALUES ('claim:' || NEW.entry_id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now'));
            END
            """,
            # The platform's own times of an entry ride with its events, as its description does: when they
            # change, the events go again.
            """
            CREATE TRIGGER ledger_entries_measured_to_sync
            AFTER UPDATE OF platform_seconds, estimated_minutes ON ledger_entries
            WHEN NEW.platform_seconds IS NOT OLD.platform_seconds
                OR NEW.estimated_minutes IS NOT OLD.estimated_minutes
            BEGIN
                DELETE FROM sync_pending WHERE doc_id IN (
                    SELECT 'event:' || id FROM ledger_events WHERE entry_id = NEW.id
                );
                INSERT INTO sync_pending (doc_id, changed_at)
                SELECT 'event:' || id, strftime('%Y-%m-%dT%H:%M:%f000+00:00', 'now') FROM ledger_events
                WHERE entry_id = NEW.id;
            END
            """,
            # A received document this version cannot use yet, stored as received (`body`, its JSON text) with
            # its revision: one a newer SurveyDesk wrote (a kind of record or a status this version does not
            # know), or one that points at a record not here yet (a claim before its entry). Each is read again
            # after every batch received (surveydesk.sync.local), and leaves this table once it is read.
            "CREATE TABLE sync_kept (doc_id TEXT PRIMARY KEY, rev TEXT NOT NULL, body TEXT NOT NULL) "
            "WITHOUT ROWID",
        ),
    ),
    Migration(
        version=15,
        description="records of a platform set aside, kept across restarts",
        statements=(
            # A platform's record whose amount could not be true, set aside and not booked (platforms/records.py):
            # a digest of the reader's key of it (never its id) and why (`net.shapes.Change`), so the worker is
            # still told after a restart until it books. Written by `SetAsideStore` only.
            """
            CREATE TABLE records_set_aside (
                platform TEXT NOT NULL,
                record TEXT NOT NULL,
                why TEXT NOT NULL,
                PRIMARY KEY (platform, record)
            ) WITHOUT ROWID
            """,
        ),
    ),
    Migration(
        version=16,
        description="the completion code a study gave the worker",
        statements=(
            # What the worker pasted when she submitted (the code, or the one read from the completion link:
            # surveydesk.work.completion_code); NULL where she pasted none. Her evidence in a claim.
            "ALTER TABLE attempts ADD COLUMN completion_code TEXT",
        ),
    ),
    Migration(
        version=17,
        description="the history's monthly totals",
        statements=(
            # The daily totals added up per local month (named by its first day), platform, kind, status and
            # currency, kept by the triggers below as the daily totals change (however they change: an entry,
            # a change of zone). A history opened per month or year reads these (2,400 rows for ten years
            # against 60,000 daily ones) wherever one exchange rate holds over the month
            # (surveydesk.ledger.history).
            """
            CREATE TABLE ledger_month_totals (
                month TEXT NOT NULL,
                platform TEXT NOT NULL,
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                currency TEXT NOT NULL,
                amount_minor INTEGER NOT NULL,
                entries INTEGER NOT NULL,
                PRIMARY KEY (month, platform, kind, status, currency)
            ) WITHOUT ROWID
            """,
            """
            INSERT INTO ledger_month_totals
            SELECT substr(day, 1, 7) || '-01' AS month, platform, kind, status, currency, SUM(amount_minor),
                   SUM(entries)
            FROM ledger_day_totals
            GROUP BY month, platform, kind, status, currency
            """,
            f"""
            CREATE TRIGGER ledger_month_totals_add AFTER INSERT ON ledger_day_totals BEGIN
                {_ADD_TO_MONTH_TOTALS.format(row="NEW")}
            END
            """,
            f"""
            CREATE TRIGGER ledger_month_totals_remove AFTER DELETE ON ledger_day_totals BEGIN
                {_TAKE_FROM_MONTH_TOTALS.format(row="OLD")}
            END
            """,
            f"""
            CREATE TRIGGER ledger_month_totals_change AFTER UPDATE ON ledger_day_totals BEGIN
                {_TAKE_FROM_MONTH_TOTALS.format(row="OLD")}
                {_ADD_TO_MONTH_TOTALS.format(row="NEW")}
            END
            """,
        ),
    ),
    Migration(
        version=18,
        description="fields a newer SurveyDesk added to a document, sent back with it",
        statements=(
            # The fields of the last body received of a document that this version neither reads nor writes (a
            # newer SurveyDesk added them: surveydesk.sync.documents.unknown_fields), as JSON text; put back into
            # the body this version sends for the document, so a change here does not erase them on the newer
            # computer. A document with none has no row. Written by surveydesk.sync.local only.
            "CREATE TABLE sync_unknown_fields (doc_id TEXT PRIMARY KEY, fields TEXT NOT NULL) WITHOUT ROWID",
        ),
    ),
    Migration(
        version=19,
        description="entries in time order, then by id, from their index",
        statements=(
            # The CSV export and the history's pages list entries by time, then id: with the id in the index
            # SQLite reads them in that order, where it sorted each run of entries of the same time (a quarter of
            # a second of the export of 1,000,000 entries, bench/history_scale.py export_s).
            "DROP INDEX ledger_entries_by_time",
            "CREATE INDEX ledger_entries_by_time ON ledger_entries (occurred_at, id)",
        ),
    ),
)
