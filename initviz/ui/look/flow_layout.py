"""A layout that puts its widgets side by side and starts a new row when the next one does not
fit, so that nothing is clipped in a narrow window (1280 × 720, large type, long Chinese or
English labels). Used by the tab strip and by the panes' title rows."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Rows of widgets, each at its size hint, centred vertically in its row. An item wider
    than the whole row gets the row's width (a word-wrapped label then takes more lines).

    ``push_right``: the items after the first one keep to the right of their row, so a title
    row reads "Title ........ [box] [box]" and, when narrow, "Title" over "[box] [box]"."""

    def __init__(self, parent=None, spacing: int = 6, push_right: bool = False):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.push_right = push_right
        self._heights: dict[int, int] = {}   # width -> height until the items change
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's interface -------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        # Qt asks again and again for the same widths in one layout pass (a new legend text
        # relaid the window out with 130 calls, ~15 ms of a training frame): remembered
        # until an item changes, which invalidates the layout.
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), place=False)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        w = sum(self._hint(i).width() for i in self._shown()) + \
            self._gap * max(0, len(self._shown()) - 1)
        return QSize(w, self.heightForWidth(w))

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- arranging -------------------------------------------------------------------------
    def rows(self, width: int) -> list[list[int]]:
        """The indices of the shown items in each row at ``width`` (tests read it)."""
        m = self.contentsMargins()
        avail = max(1, width - m.left() - m.right())
        rows: list[list[int]] = [[]]
        used = 0
        widths = self._widths(avail)
        for i, item in enumerate(self._items):
            if item.isEmpty():
                continue
            w = widths[i]
            if rows[-1] and used + self._gap + w > avail:
                rows.append([])
                used = 0
            used += (self._gap if rows[-1] else 0) + w
            rows[-1].append(i)
        return [r for r in rows if r]

    def natural_width(self, index: int) -> int:
        """The width item ``index`` takes on a row wide enough for it (a title on one line)."""
        return self._hint(self._items[index]).width()

    def _widths(self, avail: int) -> dict[int, int]:
        """Each shown item's width on a row ``avail`` wide. A title too long for the row
        beside a single control (a "View ▾" button) wraps beside it, not above it."""
        shown = [i for i, item in enumerate(self._items) if not item.isEmpty()]
        widths = {i: min(self._hint(self._items[i]).width(), avail) for i in shown}
        if self.push_right and len(shown) == 2 and shown[0] == 0:
            other = widths[shown[1]] + self._gap
            if widths[0] + other > avail and avail - other >= avail // 2:
                widths[0] = avail - other
        return widths

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _hint(item: QLayoutItem) -> QSize:
        hint = item.sizeHint().expandedTo(item.minimumSize())
        label = item.widget()
        if isinstance(label, QLabel) and label.wordWrap() and \
                label.textFormat() != Qt.TextFormat.RichText:
            # A word-wrapping label hints at a narrower, taller shape; a title wants one line
            # when the row has room for it.
            one_line = label.fontMetrics().horizontalAdvance(label.text()) + \
                2 * label.margin() + label.contentsMargins().left() + \
                label.contentsMargins().right() + 2
            hint.setWidth(max(hint.width(), one_line))
        return hint

    def _arrange(self, rect: QRect, place: bool) -> int:
        m = self.contentsMargins()
        inner = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        avail = max(1, inner.width())
        y = inner.y()
        widths = self._widths(avail)
        for row in self.rows(rect.width()):
            sizes = []
            for i in row:
                item = self._items[i]
                w = widths[i]
                h = item.heightForWidth(w) if item.hasHeightForWidth() else \
                    self._hint(item).height()
                sizes.append(QSize(w, max(h, item.minimumSize().height())))
            height = max(s.height() for s in sizes)
            if place:
                used = sum(s.width() for s in sizes) + self._gap * (len(row) - 1)
                x = inner.x()
                # the first control of the row: a title (item 0) stays left, the rest right
                pushed = row[1] if row[0] == 0 and len(row) > 1 else row[0]
                for i, size in zip(row, sizes):
                    if self.push_right and i == pushed and i > 0:
                        x += avail - used
                    top = y + (height - size.height()) // 2
                    self._items[i].setGeometry(QRect(QPoint(x, top), size))
                    x += size.width() + self._gap
            y += height + self._gap
        return y - self._gap - inner.y() + m.top() + m.bottom() if y > inner.y() else 0


def pair(label: QLabel, widget: QWidget) -> QWidget:
    """A label and its control as one item: a wrapping row keeps them on one line."""
    box = QWidget()
    line = QHBoxLayout(box)
    line.setContentsMargins(0, 0, 0, 0)
    line.addWidget(label)
    line.addWidget(widget)
    return box
