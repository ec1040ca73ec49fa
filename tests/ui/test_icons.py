"""The icons: a committed PNG for every size desktops use, each a faithful render of the SVG, and a tray mark that
stays legible on light and dark panels (checked on the rendered pixels)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from surveydesk.ui.icons import APP_SVG, PNG_SIZES, TRAY_SVG, app_icon, png_path, render_svg, tray_icon
from tests.locations import ROOT

RESOURCES = ROOT / "resources"
# Panel colours of common desktops: white and light grey (GNOME light, KDE Breeze), black (GNOME's top bar),
# dark greys (Breeze Dark, Windows, Xfce dark).
LIGHT_PANELS = ("#ffffff", "#eff0f1", "#dcdcdc")
DARK_PANELS = ("#000000", "#202020", "#31363b", "#3c3c3c")
TRAY_SIZES = (16, 22, 24)
# WCAG's ratio for graphics that must be told apart from what is around them.
GRAPHIC_CONTRAST = 3.0
LEGIBLE_SHARE = 0.4


def relative_luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def share_standing_out(icon: QImage, panel: str) -> float:
    """Of the icon's opaque pixels, the share that contrast at least 3:1 with the panel once drawn on it."""
    background = QColor(panel)
    canvas = QImage(icon.size(), QImage.Format.Format_ARGB32)
    canvas.fill(background)
    painter = QPainter(canvas)
    painter.drawImage(0, 0, icon)
    painter.end()
    opaque = standing_out = 0
    for y in range(icon.height()):
        for x in range(icon.width()):
            if icon.pixelColor(x, y).alpha() > 128:
                opaque += 1
                standing_out += contrast(canvas.pixelColor(x, y), background) >= GRAPHIC_CONTRAST
    return standing_out / opaque


def mean_difference(a: QImage, b: QImage) -> float:
    """Mean absolute channel difference, 0–255."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    total = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            total += sum(abs(u - v) for u, v in zip(p.getRgb(), q.getRgb(), strict=True))
    return total / (a.width() * a.height() * 4)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_each_png_size_is_committed_and_renders_the_svg(qapp, size):
    png = QImage(str(RESOURCES / png_path(size)))
    assert not png.isNull(), f"missing {png_path(size)}: run scripts/render-icons"
    assert (png.width(), png.height()) == (size, size)
    fresh = render_svg((RESOURCES / APP_SVG).read_bytes(), size)
    assert mean_difference(png, fresh) < 1.0, (
        f"{png_path(size)} is out of date with the SVG: run scripts/render-icons"
    )


def test_the_app_icon_offers_every_png_size(qapp):
    sizes = {(s.width(), s.height()) for s in app_icon().availableSizes()}
    assert {(size, size) for size in PNG_SIZES} <= sizes


@pytest.mark.parametrize("panel", LIGHT_PANELS + DARK_PANELS)
@pytest.mark.parametrize("size", TRAY_SIZES)
def test_the_tray_mark_stands_out_on_light_and_dark_panels(qapp, size, panel):
    icon = tray_icon().pixmap(size, size).toImage()
    assert (icon.width(), icon.height()) == (size, size)
    assert share_standing_out(icon, panel) >= LEGIBLE_SHARE


def test_the_legibility_check_rejects_a_mark_without_outline_on_a_dark_panel(qapp):
    """The plain application icon, a mid-blue card, fades into a dark grey panel: the check must see that."""
    plain = render_svg((RESOURCES / APP_SVG).read_bytes(), 22)
    assert share_standing_out(plain, "#31363b") < LEGIBLE_SHARE
    assert share_standing_out(render_svg((RESOURCES / TRAY_SVG).read_bytes(), 22), "#31363b") >= LEGIBLE_SHARE
