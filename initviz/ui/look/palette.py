"""Colours: the Okabe-Ito palette, which stays distinguishable with the common colour-vision
deficiencies and on washed-out projectors."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor, QPen

# Okabe & Ito (2008), without yellow (invisible on a white background) and black (used for text),
# then two of Tol's muted colours (indigo, wine) for runs 7 and 8.
OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#332288",
             "#882255")
# Runs 5 to 8 are also dashed: told apart by line style where colours are confused.
DASHED_FROM = 4
TEXT = "#202020"
GRID_ALPHA = 0.25
# Decision boundary: class 0 blue, class 1 orange, white at P = 0.5.
CLASS_COLORS = ("#0072B2", "#E69F00")


class Palette:
    """Colour (and line style) of run i of a comparison (i wraps after eight)."""

    @staticmethod
    def dashed(i: int) -> bool:
        return i % len(OKABE_ITO) >= DASHED_FROM

    @staticmethod
    def hex(i: int) -> str:
        return OKABE_ITO[i % len(OKABE_ITO)]

    @staticmethod
    def color(i: int, alpha: int = 255) -> QColor:
        c = QColor(OKABE_ITO[i % len(OKABE_ITO)])
        c.setAlpha(alpha)
        return c


# Alpha of a solid line that a dashed line of the same run lies on (measured under
# predicted, training under validation loss): full colour would hide the dashes.
PALE = 110


def tint(color: QColor, amount: float = 0.65) -> QColor:
    """An opaque, lighter version of ``color`` (opaque fills paint much faster)."""
    r, g, b = color.red(), color.green(), color.blue()
    return QColor(*(int(v + (255 - v) * amount) for v in (r, g, b)))


def blend(color: QColor, background) -> QColor:
    """The opaque colour that a translucent ``color`` shows over ``background``: painted in
    its place, a long curve costs a fraction (Qt strokes a translucent 2-px line as a path,
    an opaque one as separate segments)."""
    bg, a = QColor(background), color.alphaF()
    return QColor(*(round(a * v + (1 - a) * w) for v, w in
                    ((color.red(), bg.red()), (color.green(), bg.green()),
                     (color.blue(), bg.blue()))))


def dashed_pen(color, run: int, width: float = 2.0) -> QPen:
    """Run ``run``'s dashed line (a prediction, a validation loss), a little darker than its
    colour so that it stands out on the pale measured line under it. Dashes of 2 pen widths
    every 6, three runs' a third of a period apart: runs whose dashed lines coincide
    alternate in colour (mnist-general-rule's blue validation lay wholly under the orange,
    finite-width's three equal predictions showed only the last)."""
    pen = QPen(QColor(color).darker(125))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    pen.setDashPattern([2.0, 4.0])      # a custom pattern: themes.py tells these lines by it
    pen.setDashOffset(2.0 * (run % 3))
    return pen


def symbol_style(brush, pen=None) -> dict:
    """A plot item's symbolBrush and symbolPen as Qt objects made once. pyqtgraph keys its
    drawn symbols by these objects' identity: a colour or None made new ones, and the symbol
    was drawn anew, at every setData (1.6 ms a call for the accuracy markers)."""
    return {"symbolBrush": pg.mkBrush(brush), "symbolPen": pg.mkPen(pen)}
