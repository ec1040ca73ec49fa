"""SurveyDesk's own files (icons, translations, the desktop entry), found through importlib.resources."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

# The sizes the freedesktop icon theme spec and the usual panels, menus and docks ask for.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
APP_SVG = "icons/surveydesk.svg"
TRAY_SVG = "icons/surveydesk-tray.svg"


def png_path(size: int) -> str:
    """Where the icon of one size lives, in the icon theme's own layout (as it is installed on a desktop)."""
    return f"icons/hicolor/{size}x{size}/apps/surveydesk.png"


def resource(relative: str) -> Traversable:
    """A file of the top-level `resources/` folder.

    Installed (or bundled), it is the package `surveydesk.resources`; run from a source checkout
    (`python -m surveydesk` in the checkout, which puts the checkout's `surveydesk/` first on the path), it is
    the folder itself.
    """
    try:
        return resources.files("surveydesk.resources").joinpath(relative)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[1].joinpath("resources", relative)
