"""Preset buttons grouped by the catalogue's sections (whatever the catalogue holds)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QPushButton, QSizePolicy, QToolBox, QVBoxLayout,
                               QWidget)

from initviz.engine import presets as catalogue


class PresetBar(QToolBox):
    preset_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        by_section: dict[str, list] = {}
        for p in catalogue.PRESETS.values():
            by_section.setdefault(p.section, []).append(p)
        self._pages: dict[str, int] = {}
        for section in sorted(by_section):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(2, 2, 2, 2)
            layout.setSpacing(3)
            for p in by_section[section]:
                b = QPushButton(p.title)
                b.setCheckable(True)
                b.setObjectName("presetButton")
                b.setToolTip(p.explanation)
                b.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                b.clicked.connect(lambda _=False, key=p.key: self.preset_chosen.emit(key))
                self._group.addButton(b)
                layout.addWidget(b)
                self.buttons[p.key] = b
            layout.addStretch(1)
            title = catalogue.SECTIONS.get(section, section)
            # "&" would become a keyboard mnemonic in a tool box title.
            self._pages[section] = self.addItem(page, f"{section}. {title}".replace("&", "&&"))
            self.setItemToolTip(self._pages[section], title)

    def mark(self, key: str | None) -> None:
        """Show which preset is loaded (none after the user changes a setting)."""
        if key is None:
            self._group.setExclusive(False)
            for b in self.buttons.values():
                b.setChecked(False)
            self._group.setExclusive(True)
            return
        self.buttons[key].setChecked(True)
        self.setCurrentIndex(self._pages[catalogue.PRESETS[key].section])
