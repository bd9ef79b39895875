"""Tabs that always fit: at large type on a narrow screen the tab labels shrink (down to
70 % of the type size) rather than hide behind scroll arrows, where a class cannot see them."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from . import plot_style

TAB_PT = 13          # as themes.STYLE's QTabBar::tab
SMALLEST = 0.7


def fit_tabs(tabs: QTabWidget) -> float:
    """Set the largest tab type (and padding) at which every tab fits; returns the fraction
    of the full size used."""
    bar = tabs.tabBar()
    available = tabs.width() - 4
    full = plot_style.scaled_pt(TAB_PT)
    fraction = 1.0
    while True:
        pt = max(6, round(full * fraction))
        pad = max(4, round(12 * fraction * full / TAB_PT))
        sheet = f"QTabBar::tab {{ font-size: {pt}pt; padding: 6px {pad}px; }}"
        if bar.styleSheet() != sheet:
            bar.setStyleSheet(sheet)
        needed = sum(bar.tabSizeHint(i).width() for i in range(bar.count()))
        if needed <= available or fraction <= SMALLEST:
            return fraction
        fraction = max(SMALLEST, fraction - 0.05)
