"""Where the tests find the repository and their recorded data, wherever in `tests/` a test file sits."""

from __future__ import annotations

from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
DATA: Final = ROOT / "tests" / "data"
