"""Alerts that never die silently: which ways of alerting the worker are failing now, and whether alerts can come
at all (no platform checked for a long while). Pure Python: the tray and the status bar say what this decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from surveydesk.core.model import PlatformStatus, PollState
from surveydesk.core.translatable import QT_TRANSLATE_NOOP, Sentence

# No platform checked for this many of its cadences: the worker is told no alerts are coming.
SILENT_AFTER_CADENCES = 3

DESKTOP = "desktop"
SOUND = "sound"
PHONE = "phone"
POLLING = "polling"

PAUSED = QT_TRANSLATE_NOOP(
    "AlertHealth", "No alerts are coming: checking is paused. Resume it from the tray's menu."
)
SIGNED_OUT = QT_TRANSLATE_NOOP(
    "AlertHealth", "No alerts are coming: every account is signed out. Sign in again under Accounts."
)
FAILING = QT_TRANSLATE_NOOP(
    "AlertHealth", "No alerts are coming: no platform could be checked for a while. The list's panel says why."
)
DESKTOP_NO_ANSWER = QT_TRANSLATE_NOOP(
    "AlertHealth",
    "Alerts on this computer's screen are failing: the desktop's notification service does not answer. "
    "Logging out and in again usually puts it right.",
)
DESKTOP_REFUSED = QT_TRANSLATE_NOOP(
    "AlertHealth", "Alerts on this computer's screen are failing: the desktop's notification service refuses them."
)
NO_SOUND_DEVICE = QT_TRANSLATE_NOOP(
    "AlertHealth",
    "The alerts' sound is failing: this computer has no sound device SurveyDesk can play on. "
    "Plug in speakers or headphones, or turn the sound on in the system's settings.",
)
SOUND_REFUSED = QT_TRANSLATE_NOOP(
    "AlertHealth", "The alerts' sound is failing: the sound device “{0}” could not play it."
)
PHONE_FAILING = QT_TRANSLATE_NOOP("AlertHealth", "Alerts on your phone are failing: {0}")


def why_silent(
    accounts: Sequence[tuple[PlatformStatus, timedelta]], paused: bool, now: datetime, since: datetime
) -> Sentence | None:
    """Why no alert can come, when no account was checked within three of its cadences (the wait after a
    success); None while one was, or when there is no account (the first run says what to do then).
    `since`: when polling started, for accounts never checked yet."""
    if not accounts:
        return None
    for status, cadence in accounts:
        if now - (status.last_success or since) <= cadence * SILENT_AFTER_CADENCES:
            return None
    if paused:
        return PAUSED
    if all(status.state is PollState.ERROR and status.error_kind == "auth" for status, _cadence in accounts):
        return SIGNED_OUT
    return FAILING


@dataclass(slots=True)
class AlertHealth:
    """What is wrong with alerting now, channel by channel; each problem holds until its channel works again."""

    problems: dict[str, Sentence] = field(default_factory=dict)

    def failed(self, channel: str, problem: Sentence) -> bool:
        """Records a problem; True when it is new (the worker is told at once, then reminded by the tooltip)."""
        new = channel not in self.problems
        self.problems[channel] = problem
        return new

    def worked(self, channel: str) -> bool:
        """True when the channel was failing until now."""
        return self.problems.pop(channel, None) is not None
