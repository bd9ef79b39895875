""""View ▾": a pane's check boxes and radio buttons as a menu, in their place when the title row
is too narrow to hold them beside the title and the pane is short. At 1280 × 720 a second row of
boxes took height from the plots; in a tall pane (1600 × 1000) they wrap below the title, in
view. A pane whose title row holds other controls (number boxes) lets them wrap."""
from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QMenu, QRadioButton, QToolButton

from .flow_layout import FlowLayout

FOLD_BELOW = 700      # pane height (pixels) under which boxes that do not fit are folded


class ViewButton(QToolButton):
    def __init__(self, row: FlowLayout, parent=None):
        super().__init__(parent)
        self.setObjectName("viewButton")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.row = row
        self.folded = False
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self.fill_menu)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("View ▾"))
        self.setToolTip(self.tr("The pane's view options (the window is too narrow to show "
                                "them beside the title)"))

    def controls(self) -> list[QAbstractButton]:
        """The title row's check boxes and radio buttons (empty if it holds other kinds)."""
        widgets = [self.row.itemAt(i).widget() for i in range(1, self.row.count())]
        widgets = [w for w in widgets if w is not None and w is not self]
        if not all(isinstance(w, (QCheckBox, QRadioButton)) for w in widgets):
            return []
        return widgets

    def fit(self, width: int, height: int) -> None:
        """Fold the controls into the menu when they do not fit beside the title of a pane
        ``height`` tall."""
        controls = self.controls()
        if not controls:
            return
        gap = self.row.spacing()
        need = self.row.natural_width(0) + sum(
            gap + c.sizeHint().width() for c in controls)
        fold = need > width and height < FOLD_BELOW
        if fold == self.folded:
            return
        self.folded = fold
        for c in controls:
            c.setVisible(not fold)
        self.setVisible(fold)

    def fill_menu(self) -> list[QAction]:
        """The menu's entries, made again from the controls each time it opens."""
        menu = self.menu()
        menu.clear()
        out = []
        for c in self.controls():
            a = menu.addAction(c.text())
            a.setCheckable(True)
            a.setChecked(c.isChecked())
            a.setEnabled(c.isEnabled())
            a.setToolTip(c.toolTip())
            a.triggered.connect(lambda _=False, c=c: c.click())
            out.append(a)
        menu.setToolTipsVisible(True)
        return out

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
