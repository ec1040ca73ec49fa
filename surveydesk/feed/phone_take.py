"""A tap on the phone's "Take" as the worker's click, and nothing else: each alert about one task carries a
one-time nonce that SurveyDesk issued for it, and a message on the reply topic takes a task only when it names a
nonce issued here, not used yet, for a task still in the list.

The reply topic is a secret like the alerts' topic, but a secret can leak (a phone's backup, a shared screen):
the nonce is what makes a replayed or forged message take nothing.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from surveydesk.core.model import Task

# A task is offered at most this long after its alert, even if it stays in the list: a tap hours later is not
# the worker answering that alert.
TAP_WITHIN = timedelta(hours=2)
_NONCE_BYTES = 16  # 128 bits: nobody guesses one


def take_action(reply_url: str, nonce: str, access_key: str | None) -> str:
    """ntfy's "Take" button in its short form: a POST of the nonce to the reply topic, the notification cleared
    once tapped. A server with an access key gets it from the phone, which already holds it."""
    parts = ["http", "Take", reply_url, "method=POST", f"body={nonce}", "clear=true"]
    if access_key:
        parts.insert(4, f"headers.Authorization=Bearer {access_key}")
    return ", ".join(parts)


@dataclass(slots=True)
class TakeNonces:
    """The nonces issued for alerts, each for one task, each good once."""

    _issued: dict[str, tuple[Task, datetime]] = field(default_factory=dict)

    def issue(self, task: Task, now: datetime) -> str:
        self._forget_old(now)
        nonce = secrets.token_urlsafe(_NONCE_BYTES)
        self._issued[nonce] = (task, now)
        return nonce

    def redeem(self, nonce: str, now: datetime) -> Task | None:
        """The task a genuine, fresh, unused nonce was issued for; None for anything else. Used up either way."""
        issued = self._issued.pop(nonce.strip(), None)
        if issued is None or now - issued[1] > TAP_WITHIN:
            return None
        return issued[0]

    def forget_tasks(self, gone: Iterable[tuple[str, str, str]]) -> None:
        """Tasks that left the list: their nonces take nothing any more."""
        keys = set(gone)
        for nonce in [nonce for nonce, (task, _when) in self._issued.items() if task.key in keys]:
            del self._issued[nonce]

    def _forget_old(self, now: datetime) -> None:
        for nonce in [nonce for nonce, (_task, when) in self._issued.items() if now - when > TAP_WITHIN]:
            del self._issued[nonce]
