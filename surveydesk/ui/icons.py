"""SurveyDesk's icons: the application icon (SVG source plus the PNG sizes desktops use) and the tray mark.

The PNGs under resources/icons/hicolor/ are rendered from the SVG by `scripts/render-icons` and committed, so a
desktop without an SVG loader still gets a sharp icon at each size; tests/test_icons.py fails when one is missing
or no longer matches the SVG.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

# The sizes the freedesktop icon theme spec and the usual panels, menus and docks ask for.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
APP_SVG = "icons/surveydesk.svg"
TRAY_SVG = "icons/surveydesk-tray.svg"


def resource(relative: str) -> Traversable:
    """A file of the top-level `resources/` folder.

    Installed (or bundled), it is the package `surveydesk.resources`; run from a source checkout
    (`python -m surveydesk` in the checkout, which puts the checkout's `surveydesk/` first on the path), it is
    the folder itself.
    """
    try:
        return resources.files("surveydesk.resources").joinpath(relative)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2].joinpath("resources", relative)


def png_path(size: int) -> str:
    """Where the icon of one size lives, in the icon theme's own layout (as it is installed on a desktop)."""
    return f"icons/hicolor/{size}x{size}/apps/surveydesk.png"


def render_svg(svg: bytes, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels."""
    renderer = QSvgRenderer(svg)
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def _icon_from(svg: str, pngs: bool) -> QIcon:
    icon = QIcon()
    if pngs:
        for size in PNG_SIZES:
            with resources.as_file(resource(png_path(size))) as path:
                icon.addFile(str(path))
    with resources.as_file(resource(svg)) as path:
        icon.addFile(str(path))  # any other size, drawn from the SVG
    return icon


def app_icon() -> QIcon:
    """The SurveyDesk icon: the rendered PNG at each usual size, the SVG for the rest."""
    return _icon_from(APP_SVG, pngs=True)


def tray_icon() -> QIcon:
    """The tray's mark, outlined so it reads on light and dark panels alike (Qt cannot tell a panel's colour)."""
    return _icon_from(TRAY_SVG, pngs=False)
