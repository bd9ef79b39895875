"""Shared look of the plots: large type for projectors, white background, light grid."""
from __future__ import annotations

from PySide6.QtGui import QFont

from .palette import GRID_ALPHA, TEXT

TICK_PT = 12
LABEL_PT = 13
TITLE_PT = 14


def tick_font() -> QFont:
    f = QFont()
    f.setPointSize(TICK_PT)
    return f


def style_plot(plot, title: str = "", x_label: str = "", y_label: str = "",
               y_color: str = TEXT) -> None:
    """Title, axis labels and fonts of one PlotItem; the mouse menu stays for power users."""
    if title:
        plot.setTitle(title, size=f"{TITLE_PT}pt", color=TEXT)
    for name in ("left", "bottom"):
        ax = plot.getAxis(name)
        ax.setStyle(tickFont=tick_font(), tickTextOffset=4)
        ax.setPen(TEXT)
        ax.setTextPen(TEXT)
        ax.enableAutoSIPrefix(False)   # "(x0.001)" on an axis confuses more than it helps
    if x_label:
        plot.setLabel("bottom", x_label, **{"font-size": f"{LABEL_PT}pt", "color": TEXT})
    if y_label:
        plot.setLabel("left", y_label, **{"font-size": f"{LABEL_PT}pt", "color": y_color})
    plot.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    plot.setMenuEnabled(False)
    plot.hideButtons()


def nice_step(span: float, ticks: int = 3) -> float:
    """A round tick spacing (1, 2 or 5 × 10^k) giving about ``ticks`` labels over ``span``."""
    import math
    if not span > 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag
