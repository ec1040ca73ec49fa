"""What BitLabs can receive of the profile: the answers to its own profiler questions, in its click flow."""

from __future__ import annotations

from functools import cache
from typing import Final

from surveydesk.platforms.spec import ProfileSharing
from surveydesk.profile.mappings import load_bitlabs_mapping
from surveydesk.profile.sharing import Permission


@cache
def shareable_fields() -> frozenset[str]:
    """The profile fields that answer one of BitLabs' profiler questions (its mapping table)."""
    return frozenset(mapped.field for mapped in load_bitlabs_mapping().questions.values())


SHARING: Final = ProfileSharing(
    # BitLabs asks its own questions in the click flow, so showing the answer there first is safe.
    default=Permission.ASK,
    choices=tuple(Permission),
    fields=shareable_fields,
)
