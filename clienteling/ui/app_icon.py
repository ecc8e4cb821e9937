"""The application icon (window title bars, task bar, alt-tab), from resources/icons.

The PNG sizes are drawn from the SVG once (packaging/render_icons.py) and committed, so
the icon shows even where Qt's SVG plugin is missing; the SVG is added too for sizes in
between on high-DPI screens.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from clienteling.domain.resources import resource_path

ICON_NAME = "clienteling"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Every committed size of our icon; an empty QIcon when none is found."""
    icons = resource_path("icons")
    icon = QIcon()
    for size in ICON_SIZES:
        png = icons / f"{ICON_NAME}-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    svg = icons / f"{ICON_NAME}.svg"
    if svg.exists():
        icon.addFile(str(svg))
    return icon
