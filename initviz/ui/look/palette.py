"""Colours: the Okabe-Ito palette, which stays distinguishable with the common colour-vision
deficiencies and on washed-out projectors."""
from __future__ import annotations

from PySide6.QtGui import QColor

# Okabe & Ito (2008), without yellow (invisible on a white background) and black (used for text).
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
TEXT = "#202020"
GRID_ALPHA = 0.25
# Decision boundary: class 0 blue, class 1 orange, white at P = 0.5.
CLASS_COLORS = ("#0072B2", "#E69F00")


class Palette:
    """Colour of run i of a comparison (i wraps after six)."""

    @staticmethod
    def hex(i: int) -> str:
        return OKABE_ITO[i % len(OKABE_ITO)]

    @staticmethod
    def color(i: int, alpha: int = 255) -> QColor:
        c = QColor(OKABE_ITO[i % len(OKABE_ITO)])
        c.setAlpha(alpha)
        return c


def tint(color: QColor, amount: float = 0.65) -> QColor:
    """An opaque, lighter version of ``color`` (opaque fills paint much faster)."""
    r, g, b = color.red(), color.green(), color.blue()
    return QColor(*(int(v + (255 - v) * amount) for v in (r, g, b)))
