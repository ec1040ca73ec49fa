"""The profile parameters a CPX Research account sends with its survey requests: allowed fields only."""

from __future__ import annotations

from functools import cache
from typing import Final

from surveydesk.core.model import AccountKey
from surveydesk.platforms.spec import ProfileSharing
from surveydesk.profile.mappings import CpxMapping, load_cpx_mapping
from surveydesk.profile.sharing import Permission
from surveydesk.profile.store import ProfileStore

CHANNEL = "survey request"


class CpxProfileParams:
    """Called by the CPX connector at each poll, on the pool: reads the profile and the worker's choices
    afresh, so a change in the editor applies at the next request, and logs the fields it hands over."""

    def __init__(self, store: ProfileStore, mapping: CpxMapping, account: AccountKey) -> None:
        self._store = store
        self._mapping = mapping
        self._account = account

    def __call__(self) -> dict[str, str]:
        permissions = self._store.permissions(self._account.platform, self._mapping.fields)
        allowed = frozenset(field for field, choice in permissions.items() if choice is Permission.ALWAYS)
        if not allowed:
            return {}
        params, fields = self._mapping.params_for(self._store.answers(), allowed)
        if fields:
            self._store.record_sent(self._account.platform, self._account.account, fields, CHANNEL)
        return params


def share_profile_with(connector: object, store: ProfileStore, account: AccountKey) -> None:
    """Give a CPX connector the worker's allowed profile parameters (its module is imported by then: the spec
    names it, imported with the first connector)."""
    from surveydesk.platforms.cpx.tasks import CPXConnector

    if isinstance(connector, CPXConnector):
        connector.share_profile(CpxProfileParams(store, load_cpx_mapping(), account))


@cache
def shareable_fields() -> frozenset[str]:
    """The profile fields CPX's survey request can carry (its mapping table)."""
    return frozenset(load_cpx_mapping().fields)


SHARING: Final = ProfileSharing(
    # CPX receives fields with every survey request, unseen: nothing goes until the worker says so, and
    # "ask me first" has no moment to ask in.
    default=Permission.NEVER,
    choices=(Permission.NEVER, Permission.ALWAYS),
    fields=shareable_fields,
    attach=share_profile_with,
)
