"""What the worker allows each platform to receive from the profile, field by field.

Three choices: `NEVER` (the default for every platform that would receive a field without a question, such as
CPX's survey request), `ASK` (the default for BitLabs' profiler: the worker sees the answer and sends it with
a click) and `ALWAYS` (filled in without asking). Nothing leaves the computer for a field set to NEVER.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Permission(StrEnum):
    NEVER = "never"
    ASK = "ask"
    ALWAYS = "always"


# The platforms that can receive profile answers, and what each may do without a choice of the worker's.
# BitLabs asks its own questions in the click flow, so showing the answer there first is safe; CPX receives
# fields with every survey request, unseen, so nothing goes until the worker says so.
SHARING_PLATFORMS: Final = ("bitlabs", "cpx")
DEFAULT_PERMISSION: Final = {"bitlabs": Permission.ASK, "cpx": Permission.NEVER}


def default_permission(platform: str) -> Permission:
    return DEFAULT_PERMISSION.get(platform, Permission.NEVER)


def permission_of(text: str | None, platform: str) -> Permission:
    """A stored choice read back; anything unreadable is the platform's default, which never sends unseen."""
    try:
        return Permission(text) if text is not None else default_permission(platform)
    except ValueError:
        return default_permission(platform)
