"""Which reconciliation reader reads each platform's earnings, built for an account like its task connector."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final, Protocol

import requests

from surveydesk.connectors.earnings.bitlabs import BitLabsEarnings
from surveydesk.connectors.earnings.cpx import CPXEarnings
from surveydesk.connectors.earnings.mturk import MTurkEarnings
from surveydesk.connectors.earnings.prolific import ProlificEarnings
from surveydesk.connectors.earnings.toloka import TolokaEarnings
from surveydesk.connectors.http import USER_AGENT, make_session
from surveydesk.connectors.registry import secret_reader
from surveydesk.core.clock import Clock
from surveydesk.core.model import Account, AccountKey
from surveydesk.ledger.reconcile import EarningsReader
from surveydesk.secrets import SecretStore


class _ReaderClass(Protocol):
    def __call__(
        self,
        account: AccountKey,
        base_url: str,
        secret_provider: Callable[[], str | None],
        session: requests.Session,
        clock: Clock,
        options: Mapping[str, str],
    ) -> EarningsReader: ...


READERS: Final[Mapping[str, _ReaderClass]] = {
    "prolific": ProlificEarnings,
    "mturk": MTurkEarnings,
    "bitlabs": BitLabsEarnings,
    "cpx": CPXEarnings,
    "toloka": TolokaEarnings,
}


def build_reader(
    account: Account,
    secrets: SecretStore,
    clock: Clock,
    session_factory: Callable[[], requests.Session] | None = None,
) -> EarningsReader | None:
    """The account's reader, with a session of its own; None for a platform with no earnings record to read
    (one whose tasks are entered by hand)."""
    reader = READERS.get(account.key.platform)
    if reader is None:
        return None
    session = session_factory() if session_factory else make_session(USER_AGENT)
    return reader(account.key, account.base_url, secret_reader(account, secrets), session, clock, account.options)
