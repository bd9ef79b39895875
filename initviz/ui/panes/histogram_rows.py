"""The grid of a histogram pane whose runs each have a row: every row gets the same plot height,
whatever its name's length and wherever the column titles and x tick labels are. The layer
titles are a row of their own, the names (wrapped into the lines their row has room for, the
whole name in a tool tip) do not set a row's height, and the bottom row is taller by exactly
its tick labels. A grid layout left to itself gave a row with a three-line name three times
the height of the first one, whose histograms were flat lines. Rows never get less than
``least_row``: where the pane is too short for that, it scrolls."""
from __future__ import annotations

import math
import re
import unicodedata

import pyqtgraph as pg
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetrics

from ..look.palette import Palette
from ..look.plot_style import LABEL_PT, TEXT, let_title_shrink, scaled_pt
# the panes import the title helpers from here
from .column_titles import centre_on_plot, fit_title, fit_titles  # noqa: F401

NAME_CHARS = 14        # a name's line, in characters
ROW_LABELS = 2.75      # a row is at least this many tick labels tall
BIG = 16777215         # Qt's "no maximum"


def _len(text: str) -> int:
    """Width in Latin characters (a Chinese character is two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pieces(word: str, width: int) -> list[str]:
    """A word too long for a line, broken after Chinese punctuation, else every ``width``."""
    out = []
    for piece in re.split(r"(?<=[）、，：])", word):
        while _len(piece) > width:
            n = 1
            while _len(piece[:n + 1]) <= width:
                n += 1
            out.append(piece[:n])
            piece = piece[n:]
        if piece:
            out.append(piece)
    return out


def _words(label: str) -> list[str]:
    """``label`` split at its spaces, but not inside brackets: "U[−a, a)" and "N(0, 0.01)"
    stay whole (a name read "(Xavier) U[−a," ⏎ "a), a =")."""
    words, word, depth = [], "", 0
    for c in label:
        depth = max(0, depth + (c in "([（") - (c in ")]）"))
        if c == " " and depth == 0:
            words.append(word)
            word = ""
        else:
            word += c
    return words + [word]


def name_lines(label: str, width: int = NAME_CHARS) -> list[str]:
    """A run's name broken into lines of about ``width`` characters (Chinese names have no
    spaces: they break after punctuation, or anywhere)."""
    lines, line = [], ""
    for word in _words(label):
        parts = _pieces(word, width + 4) if _len(word) > width else [word]
        for k, part in enumerate(parts):
            sep = " " if k == 0 and line else ""
            if line and _len(line) + len(sep) + _len(part) > width:
                lines.append(line)
                line = part
            else:
                line = f"{line}{sep}{part}"
    return lines + [line]


class RowName(pg.LabelItem):
    """A run's name left of its row. Its width is that of the name as shown; its height
    asks for nothing: it shows in the height its row has, in smaller type if need be, the
    last line elided if even that does not fit."""

    SIZES = (1.0, 0.85, 0.72)      # of LABEL_PT

    _own, _fit = True, None     # (pyqtgraph sets the text while it is made)
    cap = 1.0                   # the largest type size tried (same_type sets it)

    def __init__(self, name: str, color: str):
        super().__init__("", color=color, justify="right")
        self.name, self._own = name, False
        self.setToolTip(name)
        self._refit(1e9)

    def setText(self, text, **args) -> None:
        if self._own:
            super().setText(text, **args)
        else:        # a restyle (theme, type scale): keep its colour, fit the new type size
            self.opts["color"] = args.get("color", self.opts["color"])
            self._refit(self._fit[0] if self._fit else 1e9)

    def _refit(self, height: float) -> None:
        self._show(height)

    def _set(self, lines: list[str], scale: float) -> None:
        self._own = True
        try:
            super().setText("<br>".join(lines), size=f"{scaled_pt(LABEL_PT * scale)}pt")
        finally:
            self._own = False

    def _show(self, height: float) -> None:
        # Longer lines before smaller type: "sigmoid, Xavier / uniform ×4" at full size
        # rather than three lines in small type beside rows of two (xavier-gain-table).
        shapes = [name_lines(self.name, chars) for chars in (NAME_CHARS, NAME_CHARS + 4)]
        shapes = shapes[:1] if shapes[1] == shapes[0] else shapes   # (short names: one)
        for scale in [s for s in self.SIZES if s <= self.cap] or self.SIZES[-1:]:
            for lines in shapes:
                self._set(lines, scale)
                if self.itemRect().height() <= height + 1:
                    self._fit = (height, len(lines), scale)
                    return
        lines = name_lines(self.name)
        self._set(lines, self.SIZES[-1])
        per_line = self.itemRect().height() / len(lines)
        n = max(1, int(height // per_line))
        rest = " ".join(lines[n - 1:]).split(" ")     # keep the end: "×4" tells runs apart
        if len(lines) > n:
            whole = " ".join(rest)
            lines = lines[:n - 1] + [f"{rest[0]} … {rest[-1]}" if len(rest) > 2 and
                                     len(whole) > NAME_CHARS * 3 // 2 else whole]
        self._set(lines, self.SIZES[-1])
        self._fit = (height, n, self.SIZES[-1])

    def shown(self) -> tuple[int, float]:
        """(lines shown, type size as a share of the full size)."""
        return self._fit[1], self._fit[2]

    def updateMin(self) -> None:
        width = self.itemRect().width()
        self.setMinimumWidth(width)
        self.setMinimumHeight(0)
        self._sizeHint = {Qt.SizeHint.MinimumSize: (width, 0),
                          Qt.SizeHint.PreferredSize: (width, 0),
                          Qt.SizeHint.MaximumSize: (-1, -1),
                          Qt.SizeHint.MinimumDescent: (0, 0)}
        self.updateGeometry()

    def sizeHint(self, hint, constraint):
        return QSizeF(*self._sizeHint.get(hint, (0, 0)))

    def resizeEvent(self, ev) -> None:
        height = self.size().height()
        if ev is not None and self._fit is not None and abs(self._fit[0] - height) > 0.5:
            self._show(height)
        super().resizeEvent(ev)
        rect, item = self.rect(), self.itemRect()   # centred on its row
        self.item.setPos(self.item.pos().x(), (rect.height() - item.height()) / 2)
        self.setMinimumHeight(0)


def same_type(names) -> None:
    """The run names of one grid in one type size, the smallest any of them needs: a name in
    smaller type than its neighbours read as a lesser run."""
    names = [n for n in names if isinstance(n, RowName) and n._fit is not None]
    key = tuple(round(n._fit[0]) for n in names)
    if not names or getattr(names[0], "_same", None) == key:
        return
    for n in names:         # afresh: the rows may have grown
        if n.cap != 1.0:
            n.cap = 1.0
            n._show(n._fit[0])
    smallest = min(n.shown()[1] for n in names)
    for n in names:
        if n.shown()[1] > smallest:
            n.cap = smallest
            n._show(n._fit[0])
    names[0]._same = key


def place(ci, cells, rows: int, cols: int, names) -> tuple[list, object, list]:
    """Put ``cells`` ((plot, row, col) each) into ``ci``; with ``names`` (a row per run),
    the layer titles in a row of their own above and the names in a column of their own
    left, across (a name along a short row's axis would be cut). Returns the title labels,
    the x label (one under the whole grid: repeated under narrow plots they collide) and
    per row its plots."""
    ci.clear()                  # removes the plots from the layout; the pool keeps them
    for c in range(ci.layout.columnCount()):       # widths fitted to the previous grid
        ci.layout.setColumnMinimumWidth(c, 0)
        ci.layout.setColumnMaximumWidth(c, BIG)
    side = names is not None
    first = top = 1 if side else 0
    for p, r, c in cells:
        ci.addItem(p, row=r + top, col=c + first)
    titles = [ci.addLabel("", row=0, col=c + first, size=f"{LABEL_PT}pt", color=TEXT)
              for c in range(cols)] if side else []
    for c, label in enumerate(titles):     # a title does not widen its column
        let_title_shrink(label)
        plot = next((p for p, r, cc in cells if r == 0 and cc == c), None)
        if plot is not None:
            centre_on_plot(label, plot)
    for r, name in enumerate(names or ()):
        ci.addItem(RowName(name, Palette.hex(r)), row=r + top, col=0)
    x_label = ci.addLabel("", row=rows + top, col=first, colspan=cols, size=f"{LABEL_PT}pt",
                          color=TEXT)
    for r in range(rows):
        ci.layout.setRowStretchFactor(r + top, 1)
    by_row = [[p for p, rr, _ in cells if rr == r] for r in range(rows)] if side else []
    return titles, x_label, by_row


def fit_rows(ci, height: float, plots_by_row: list, fixed: tuple[int, ...]) -> bool:
    """Give the rows of run plots (grid rows 1..n of ``ci``; row 0 holds the titles, row n+1
    the x label) equal plot heights: each the same share of ``height`` left by the ``fixed``
    rows, the last row more by its tick labels' height. True if a height changed."""
    layout = ci.layout
    n = len(plots_by_row)
    if n == 0:
        return False
    other, extra = _besides_rows(ci, plots_by_row, fixed)
    h = max(12.0, (height - other) / n)
    changed = False
    for r in range(n):
        want = round(h + (extra if r == n - 1 else 0.0))
        if layout.rowMinimumHeight(r + 1) != want or layout.rowMaximumHeight(r + 1) != want:
            layout.setRowFixedHeight(r + 1, want)
            changed = True
    return changed


def _besides_rows(ci, plots_by_row: list, fixed: tuple[int, ...]) -> tuple[float, float]:
    """(the height of ``ci`` that is not the rows' plots, of which the last row's tick
    labels)."""
    layout = ci.layout
    _, top, _, bottom = layout.getContentsMargins()
    fixed_h = sum(ci.getItem(r, 1).preferredHeight() if ci.getItem(r, 1) is not None else 0.0
                  for r in fixed)
    axis = [p.getAxis("bottom") for p in (plots_by_row[0][0], plots_by_row[-1][0])]
    extra = max(0.0, axis[1].minimumHeight() - axis[0].minimumHeight())
    gaps = layout.verticalSpacing() * (len(plots_by_row) + len(fixed) - 1)
    return top + bottom + fixed_h + gaps + extra, extra


def least_row(plot) -> float:
    """The least height of a row: nearly its y axis' top, middle and bottom labels ("5 0 5"
    on a mirrored axis). Six rows have it at 1280 × 720 in presentation; eight would have
    had ~40 px each, blobs from the back of a room (review 10): the pane scrolls instead."""
    font = plot.getAxis("left").style.get("tickFont") or QFont()
    return ROW_LABELS * QFontMetrics(font).height()


def rows_need(ci, plots_by_row: list, fixed: tuple[int, ...]) -> float:
    """The height ``ci`` needs to give every row (``plots_by_row``, as ``fit_rows``) at
    least ``least_row`` of plot."""
    if not plots_by_row:
        return 0.0
    return _besides_rows(ci, plots_by_row, fixed)[0] + \
        len(plots_by_row) * least_row(plots_by_row[0][0])


def free_rows(ci, count: int) -> None:
    """Undo ``fit_rows`` for the first ``count`` grid rows (the overlaid arrangement)."""
    for r in range(count):
        ci.layout.setRowMinimumHeight(r, 0)
        ci.layout.setRowMaximumHeight(r, BIG)


def fit_columns(ci, width: float, plots: list, first: int) -> bool:
    """Give the plots of one grid row (``plots``, in columns ``first``, ``first`` + 1, ...;
    column 0 holds the run names if ``first`` is 1) equal data widths: the first column is
    wider by its y axis. Left to the layout, layer 1 drew the same decades in 65 pixels as the
    others in 93 (xavier-gain-table at 1280 × 720), so a histogram's place did not compare
    across columns. True if a width changed."""
    layout = ci.layout
    if not plots:
        return False
    left, _, right, _ = layout.getContentsMargins()
    names = max((ci.getItem(r, 0).preferredWidth() for r in range(layout.rowCount())
                 if first and ci.getItem(r, 0) is not None), default=0.0)
    gaps = layout.horizontalSpacing() * (len(plots) - 1 + first)
    # what a column has besides its data: the y axis (the rest is alike in every column;
    # measured sizes lag behind while the layout settles)
    frame = [p.getAxis("left").width() if p.getAxis("left").isVisible() else 0.0
             for p in plots]
    data = (width - left - right - names - gaps - sum(frame)) / len(plots)
    if data < 8:
        return False
    changed = False
    for c, f in enumerate(frame):
        want = float(math.floor(data + f))
        if layout.columnMinimumWidth(c + first) != want or \
                layout.columnMaximumWidth(c + first) != want:
            layout.setColumnFixedWidth(c + first, want)
            changed = True
    return changed


def fixed_rows(rows: list) -> tuple[int, int]:
    """The grid rows besides the runs': the column titles and the x label."""
    return 0, len(rows) + 1


def fit_grid(view, rows: list, titles: list, plots: list = (), first: int = 0) -> None:
    """Refit a pane's rows (``rows``: per row its plots; none when overlaid) to the height
    of ``view`` (a GraphicsLayoutWidget), the columns of ``plots`` (its first row) to equal
    data widths, and its column titles to their columns."""
    changed = bool(rows) and fit_rows(view.ci, view.height(), rows, fixed_rows(rows))
    if fit_columns(view.ci, view.width(), list(plots), first):
        view.ci.layout.invalidate()       # a change made while the layout was being applied
        view.ci.layout.activate()         # (the plots' resize calls this) was not applied
        changed = True
    if changed or rows:
        if view.ci.geometry() != view.range:       # it had grown to the old sizes
            view.ci.setGeometry(view.range)
    fit_titles(titles)
