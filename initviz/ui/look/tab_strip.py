"""The tab titles of the main window, always whole: a strip of buttons in place of the tab
widget's own bar. In a narrow window (1280 × 720, large presentation type) QTabBar hid the last
tabs behind scroll arrows, where a class cannot see them. The strip first shrinks its type a
little (to 85 %) to stay on one row, then wraps onto more rows (as few as 80 % type allows)."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (QButtonGroup, QSizePolicy, QTabWidget, QToolButton,
                               QVBoxLayout, QWidget)

from . import plot_style
from .flow_layout import FlowLayout

TAB_PT = 13                        # as themes.STYLE's QToolButton#tabButton
ONE_ROW = (1.0, 0.95, 0.9, 0.85)   # type sizes tried on one row before wrapping
WRAPPED = (0.8,)                   # and on more rows, when fewer rows come of it


class TabStrip(QWidget):
    """Mirrors ``tabs`` (titles, tool tips, enabled, current tab); ``sync`` after any of
    them changes but the current tab (followed by itself)."""

    def __init__(self, tabs: QTabWidget, parent=None):
        super().__init__(parent)
        self.setObjectName("tabStrip")
        self.tabs = tabs
        tabs.tabBar().hide()
        self.flow = FlowLayout(self, spacing=0)
        self.flow.setContentsMargins(0, 2, 0, 0)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(tabs.setCurrentIndex)
        self.buttons: list[QToolButton] = []
        self._fitted = None
        tabs.currentChanged.connect(self._show_current)

    def column(self) -> QWidget:
        """The strip above the tab widget, as one widget for the window's splitter."""
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self)
        column.addWidget(self.tabs, 1)
        return centre

    def sync(self) -> None:
        """Titles and tool tips from the tab widget (after a language change)."""
        while len(self.buttons) < self.tabs.count():
            b = QToolButton(self)
            b.setObjectName("tabButton")
            b.setCheckable(True)
            b.setAutoRaise(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # keys stay with the plots (Space)
            self.group.addButton(b, len(self.buttons))
            self.flow.addWidget(b)
            self.buttons.append(b)
        while len(self.buttons) > self.tabs.count():
            b = self.buttons.pop()
            self.group.removeButton(b)
            b.deleteLater()
        for i, b in enumerate(self.buttons):
            b.setText(self.tabs.tabText(i))
            b.setToolTip(self.tabs.tabToolTip(i))
            b.setEnabled(self.tabs.isTabEnabled(i))
        self._show_current(self.tabs.currentIndex())
        self._fitted = None
        self.fit()

    def _show_current(self, index: int) -> None:
        if 0 <= index < len(self.buttons) and not self.buttons[index].isChecked():
            self.buttons[index].setChecked(True)

    # -- fitting ---------------------------------------------------------------------------
    def rows(self) -> list[list[int]]:
        """The tab indices on each row at the strip's width."""
        return self.flow.rows(self.width())

    def fit(self, force: bool = False) -> float:
        """Choose the type size: the largest of ONE_ROW that keeps one row; else the fewest
        rows, at the largest size down to WRAPPED that gives them. Returns the fraction of
        the full size used."""
        key = (self.width(), plot_style.scaled_pt(TAB_PT))
        if key == self._fitted and not force:
            return self._fraction
        self._fitted = key
        counts = {}
        for fraction in ONE_ROW + WRAPPED:
            self._apply(fraction)
            counts[fraction] = len(self.rows())
            if counts[fraction] <= 1 or self.width() <= 0:
                break
        fewest = min(counts.values())
        fraction = next(f for f in ONE_ROW + WRAPPED
                        if counts.get(f) == fewest and (fewest <= 1 or f not in ONE_ROW[1:]))
        self._apply(fraction)
        self._fraction = fraction
        self.updateGeometry()
        return fraction

    def _apply(self, fraction: float) -> None:
        full = plot_style.scaled_pt(TAB_PT)
        pt = max(6, round(full * fraction))
        pad = max(4, round(10 * fraction * full / TAB_PT))
        sheet = f"QToolButton#tabButton {{ font-size: {pt}pt; padding: 5px {pad}px; }}"
        if self.styleSheet() != sheet:
            self.setStyleSheet(sheet)
            for b in self.buttons:
                b.ensurePolished()
            self.flow.invalidate()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit()

    def sizeHint(self) -> QSize:
        w = max(1, self.width())
        return QSize(w, self.flow.heightForWidth(w))

    def minimumSizeHint(self) -> QSize:
        return self.flow.minimumSize()
