"""SurveyDesk's icons: the application icon (SVG source plus the PNG sizes desktops use) and the tray mark.

The PNGs under resources/icons/hicolor/ are rendered from the SVG by `scripts/render-icons` and committed, so a
desktop without an SVG loader still gets a sharp icon at each size; tests/ui/test_icons.py fails when one is
missing or no longer matches the SVG.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon, QImage

from surveydesk.resource_files import APP_SVG, PNG_SIZES, TRAY_SVG, png_path, resource

__all__ = ["APP_SVG", "PNG_SIZES", "TRAY_SVG", "app_icon", "png_path", "render_svg", "tray_icon"]


def render_svg(svg: bytes, size: int) -> QImage:
    """The SVG drawn on a transparent square of `size` pixels (for scripts/render-icons and the tests: the app
    gives Qt the files, and imports none of this before its window's first frame, bench/startup.py)."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

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
