"""The worker's time zone as the database sees it: UTC offsets from given moments, for the history's local days.

The daily totals (migration 6) are kept per *local* day by SQL triggers, which cannot read Python's zone rules;
so the zone's rules are written out once as a short table of offsets (one row per change of offset, a few per
year), and the triggers look the offset up there. Changing the zone rewrites that table and rebuilds the totals
in one transaction.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from surveydesk.core.clock import utc_iso
from surveydesk.core.progress import Progress
from surveydesk.store.database import Database
from surveydesk.store.migrations import LOCAL_DAY_OF_ENTRY
from surveydesk.store.settings import SettingsStore

log = logging.getLogger(__name__)

ZONE_SETTING = "history_zone"
# The years the offsets are written for: before SurveyDesk's platforms existed, to well past any entry.
FIRST_YEAR, LAST_YEAR = 1990, 2060
_ZONEINFO_ROOTS = ("/usr/share/zoneinfo/", "/usr/lib/zoneinfo/", "/usr/share/lib/zoneinfo/")


def system_zone() -> tzinfo:
    """The computer's time zone by its IANA name (TZ, else where /etc/localtime points); UTC when unknown."""
    name = os.environ.get("TZ", "").lstrip(":")
    if not name:
        try:
            target = str(Path("/etc/localtime").resolve())
        except OSError:
            target = ""
        name = next((target[len(root) :] for root in _ZONEINFO_ROOTS if target.startswith(root)), "")
    try:
        return ZoneInfo(name) if name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("time zone %r is unknown; the history uses UTC days", name)
        return UTC


def zone_name(zone: tzinfo) -> str:
    return "UTC" if zone is UTC else str(getattr(zone, "key", zone))


def offsets(zone: tzinfo) -> list[tuple[datetime, int]]:
    """Each moment (UTC) from which `zone`'s offset changes, with the new offset in minutes."""
    moment = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
    end = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC)
    current = _offset_minutes(zone, moment)
    changes = [(moment, current)]
    step = timedelta(days=1)
    while moment < end:
        following = moment + step
        offset = _offset_minutes(zone, following)
        if offset != current:
            changes.append((_change_between(zone, moment, following, current), offset))
            current = offset
        moment = following
    return changes


def _offset_minutes(zone: tzinfo, moment: datetime) -> int:
    delta = moment.astimezone(zone).utcoffset()
    return 0 if delta is None else int(delta.total_seconds() // 60)


def _change_between(zone: tzinfo, before: datetime, after: datetime, old: int) -> datetime:
    """The first minute in (before, after] whose offset is no longer `old` (a bisection over minutes)."""
    low, high = before, after
    while high - low > timedelta(minutes=1):
        middle = low + (high - low) / 2
        middle = middle.replace(second=0, microsecond=0)
        if middle <= low:
            middle = low + timedelta(minutes=1)
        if _offset_minutes(zone, middle) == old:
            low = middle
        else:
            high = middle
    return high


def apply_zone(database: Database, zone: tzinfo, progress: Progress | None = None) -> bool:
    """Make the history's local days those of `zone`; returns whether anything had to change.

    The offsets and the daily totals are rewritten in one transaction, so a cancel or a crash leaves the
    previous zone's figures whole.
    """
    settings = SettingsStore(database)
    name = zone_name(zone)
    if settings.get(ZONE_SETTING, "") == name:
        return False
    rows = [(utc_iso(start), minutes) for start, minutes in offsets(zone)]
    if progress is not None:
        progress.start(None, "zone")
    with database.transaction() as connection:
        connection.execute("DELETE FROM ledger_zone_offsets")
        connection.executemany("INSERT INTO ledger_zone_offsets (starts, offset_minutes) VALUES (?, ?)", rows)
        connection.execute("DELETE FROM ledger_day_totals")
        connection.execute(
            "INSERT INTO ledger_day_totals (day, platform, kind, status, currency, amount_minor, entries) "
            f"SELECT {LOCAL_DAY_OF_ENTRY.format(row='e')} AS local_day, platform, kind, status, currency, "
            "SUM(amount_minor), COUNT(*) FROM ledger_entries AS e WHERE e.linked_to = '' "
            "GROUP BY local_day, platform, kind, status, currency"
        )
        if progress is not None:
            progress.check()
        settings.set(ZONE_SETTING, name)  # joins this transaction: the figures and their zone go together
    log.info("history days are now those of %s", name)
    return True
