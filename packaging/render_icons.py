"""Render the app icon's PNG sizes, the Windows .ico and the macOS .icns from
resources/icons/clienteling.svg. Run once after changing the SVG and commit the output:

    QT_QPA_PLATFORM=offscreen uv run python packaging/render_icons.py

Both .ico and .icns hold PNG images (Windows Vista and later, macOS 10.7 and later read
them), so no image library beyond Qt is needed.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
PACKAGING = Path(__file__).resolve().parent
SOURCE = ICONS / "clienteling.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .icns element types that carry a PNG of the given size.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
)


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(f"cannot encode the {size}px icon")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICONDIR, one entry per size (0 means 256), then the PNG payloads."""
    header = struct.pack("<HHH", 0, 1, len(ICO_SIZES))
    offset = len(header) + 16 * len(ICO_SIZES)
    entries, payloads = b"", b""
    for size in ICO_SIZES:
        png = pngs[size]
        side = size % 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payloads += png
        offset += len(png)
    return header + entries + payloads


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv)  # noqa: F841 - QPainter needs the application
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, png in pngs.items():
        (ICONS / f"clienteling-{size}.png").write_bytes(png)
    (PACKAGING / "windows").mkdir(exist_ok=True)
    (PACKAGING / "windows" / "clienteling.ico").write_bytes(ico(pngs))
    (PACKAGING / "macos").mkdir(exist_ok=True)
    (PACKAGING / "macos" / "clienteling.icns").write_bytes(icns(pngs))
    print(f"wrote {len(pngs)} PNGs, clienteling.ico and clienteling.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
