#!/usr/bin/env python3
"""Draw the app icon and render it: ``python packaging/make_icons.py`` (inside the project venv).

Writes, under resources/icons/ (all committed; rerun after changing the drawing):
  initviz.svg                 three stacked histograms (Okabe-Ito colours): the spread of a
                              layer's activations, tiny / healthy / wide
  initviz-256.png, -64.png    rendered with Qt's QSvgRenderer (QtSvg is in PySide6-Essentials)
  initviz.ico                 Windows: PNG-compressed entries 16-256 px (Vista and later)
  initviz.icns                macOS: PNG-compressed entries 16-1024 px (OS X 10.7 and later)

The .ico and .icns containers are written with the standard library (they only wrap PNGs), so
no Pillow or iconutil is needed, and PyInstaller uses them as they are.
"""
from __future__ import annotations

import math
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"

# Okabe-Ito: colour-blind safe, the palette the plots use.
BLUE, GREEN, ORANGE = "#0072B2", "#009E73", "#E69F00"
INK = "#202020"

BINS = 11
LEFT, RIGHT = 40.0, 216.0


def _histogram(base: float, height: float, sigma: float) -> str:
    """A filled step outline of a normal density (centre 128) sitting on y = base."""
    width = (RIGHT - LEFT) / BINS
    points = [(LEFT, base)]
    for i in range(BINS):
        x0, x1 = LEFT + i * width, LEFT + (i + 1) * width
        mid = (x0 + x1) / 2
        h = height * math.exp(-0.5 * ((mid - 128.0) / sigma) ** 2)
        y = base - max(h, 1.5)
        points += [(x0, y), (x1, y)]
    points.append((RIGHT, base))
    d = "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in points) + " Z"
    return d


def svg_text() -> str:
    layers = [  # top to bottom: (baseline, peak height, spread, colour)
        (88.0, 54.0, 14.0, BLUE),
        (154.0, 54.0, 26.0, GREEN),
        (220.0, 54.0, 44.0, ORANGE),
    ]
    parts = []
    for base, height, sigma, colour in layers:
        parts.append(f'  <path d="{_histogram(base, height, sigma)}" fill="{colour}"/>')
        parts.append(f'  <line x1="32" y1="{base + 2:.0f}" x2="224" y2="{base + 2:.0f}" '
                     f'stroke="{INK}" stroke-width="5" stroke-linecap="round"/>')
    body = "\n".join(parts)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>initviz</title>
  <rect x="6" y="6" width="244" height="244" rx="44" ry="44" fill="#FFFFFF" stroke="#C8C8C8" stroke-width="4"/>
{body}
</svg>
"""


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode a {size} px PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + ICONDIRENTRYs + PNG payloads (PNG entries are valid since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for s in sizes:
        png = pngs[s]
        entries += struct.pack("<BBBBHHII", s % 256, s % 256, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


ICNS_TYPES = {  # OSType -> pixel size (PNG payloads)
    b"icp4": 16, b"icp5": 32, b"ic07": 128, b"ic08": 256, b"ic09": 512,
    b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512, b"ic10": 1024,
}


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(struct.pack(">4sI", kind, 8 + len(pngs[size])) + pngs[size]
                    for kind, size in ICNS_TYPES.items())
    return struct.pack(">4sI", b"icns", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    ICONS.mkdir(parents=True, exist_ok=True)
    svg = ICONS / "initviz.svg"
    svg.write_text(svg_text(), encoding="utf-8", newline="\n")
    sizes = sorted({16, 24, 32, 48, 64, 128, 256, 512, 1024})
    pngs = {s: render_png(svg, s) for s in sizes}
    written = [svg]
    for s in (256, 64):
        path = ICONS / f"initviz-{s}.png"
        path.write_bytes(pngs[s])
        written.append(path)
    ico = ICONS / "initviz.ico"
    ico.write_bytes(ico_bytes({s: pngs[s] for s in (16, 24, 32, 48, 64, 128, 256)}))
    icns = ICONS / "initviz.icns"
    icns.write_bytes(icns_bytes(pngs))
    written += [ico, icns]
    for path in written:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
