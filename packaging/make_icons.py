#!/usr/bin/env python3
"""Render resources/icons/cloudsuppress.svg into the PNG and ICO files the app and the build use.

    .venv/bin/python packaging/make_icons.py

Writes cloudsuppress-<size>.png (16…256) and cloudsuppress.ico (all sizes, for the Windows
executable) beside the SVG, with Qt's own SVG renderer: no other tool is needed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    svg = ICONS / "cloudsuppress.svg"
    for size in SIZES:
        if not render(svg, size).save(str(ICONS / f"cloudsuppress-{size}.png")):
            print(f"cannot write the {size} px PNG", file=sys.stderr)
            return 1
    # An .ico with every size: Pillow is not needed, a minimal ICO of PNG entries is enough.
    entries = [(size, (ICONS / f"cloudsuppress-{size}.png").read_bytes()) for size in SIZES]
    header = (0).to_bytes(2, "little") + (1).to_bytes(2, "little") + len(entries).to_bytes(2, "little")
    offset = 6 + 16 * len(entries)
    directory, blobs = b"", b""
    for size, data in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO format
        directory += bytes([dim, dim, 0, 0]) + (1).to_bytes(2, "little") + (32).to_bytes(2, "little")
        directory += len(data).to_bytes(4, "little") + (offset + len(blobs)).to_bytes(4, "little")
        blobs += data
    (ICONS / "cloudsuppress.ico").write_bytes(header + directory + blobs)
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
