"""The web engine's processes (QtWebEngineProcess) a process started, read from /proc: the sign-in tests check that
they run in the sign-in process only, and end with it; the sign-in benchmark measures them."""

from __future__ import annotations

from pathlib import Path


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def descendants(root: int) -> list[int]:
    """The processes `root` started, and those they started, still there."""
    tree, found = _children(), []
    todo = list(tree.get(root, []))
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def engine_processes(root: int) -> set[int]:
    """The web engine's processes among `root`'s descendants, still running."""
    return {pid for pid in descendants(root) if is_engine(pid)}


def is_engine(pid: int) -> bool:
    """A QtWebEngineProcess that has not ended (a zombie has)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"QtWebEngineProcess" in command and stat.rsplit(")", 1)[1].split()[0] != "Z"
