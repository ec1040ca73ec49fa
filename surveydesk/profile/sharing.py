"""What the worker allows each platform to receive from the profile, field by field.

Three choices: `NEVER` (the default for every platform that would receive a field without a question, such as
CPX's survey request), `ASK` (the default for BitLabs' profiler: the worker sees the answer and sends it with
a click) and `ALWAYS` (filled in without asking). Nothing leaves the computer for a field set to NEVER. Which
platforms can receive fields, and their defaults, each platform's `PlatformSpec.profile_sharing` says.
"""

from __future__ import annotations

from enum import StrEnum


class Permission(StrEnum):
    NEVER = "never"
    ASK = "ask"
    ALWAYS = "always"


def permission_of(text: str | None, default: Permission) -> Permission:
    """A stored choice read back; anything unreadable is the platform's default, which never sends unseen."""
    try:
        return Permission(text) if text is not None else default
    except ValueError:
        return default
