"""The presets: a section chooser above the presets of that section, every one in view at once
(a tool box showed two or three buttons per section on a 1280×800 screen). Titles wrap instead
of being clipped. Whatever the catalogue holds."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy, QStackedWidget, QStyle, QStyleOptionComboBox,
                               QStylePainter, QVBoxLayout, QWidget)

from initviz.engine import presets as catalogue

from ..i18n import engine_text, preset_explanation


class PresetButton(QPushButton):
    """A checkable button whose title wraps onto a second line when the column is narrow."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setObjectName("presetButton")
        self.setCheckable(True)
        self.label = QLabel(text)
        self.label.setObjectName("presetLabel")
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.toggled.connect(self._show_checked)

    def title(self) -> str:
        return self.label.text()

    def _show_checked(self, on: bool) -> None:
        # The style sheet colours the checked button; its label follows the palette.
        self.label.setForegroundRole(QPalette.ColorRole.HighlightedText if on
                                     else QPalette.ColorRole.ButtonText)
        font = self.label.font()
        font.setBold(on)
        self.label.setFont(font)


class SectionBox(QComboBox):
    """A combo box whose section title wraps onto a second line when the column is too narrow
    for it (presentation type on a 1280 × 720 projector), instead of being cut."""

    WRAP = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | \
        Qt.TextFlag.TextWordWrap

    def __init__(self, parent=None):
        super().__init__(parent)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.currentIndexChanged.connect(lambda _: self.updateGeometry())

    def title_rect(self, width: int | None = None) -> QRect:
        """Where the current title is written, at the box's width (or ``width``)."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        if width is not None:
            opt.rect = QRect(0, 0, width, super().sizeHint().height())
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                           QStyle.SubControl.SC_ComboBoxEditField, self)

    def title_needs(self, width: int | None = None) -> QRect:
        """The rectangle the wrapped title takes in a field of the box's width."""
        field = self.title_rect(width)
        return self.fontMetrics().boundingRect(QRect(0, 0, max(1, field.width()), 10000),
                                               int(self.WRAP), self.currentText())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        one = super().sizeHint().height()
        extra = self.title_needs(width).height() - self.fontMetrics().height()
        return one + max(0, extra)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width()) if self.width() > 1
                     else hint.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()

    def paintEvent(self, event) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        text, opt.currentText = opt.currentText, ""
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        painter.drawItemText(field, int(self.WRAP), self.palette(), self.isEnabled(), text,
                             QPalette.ColorRole.ButtonText)


class PresetBar(QWidget):
    preset_chosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.buttons: dict[str, PresetButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        by_section: dict[str, list] = {}
        for p in catalogue.PRESETS.values():
            by_section.setdefault(p.section, []).append(p)
        self.sections = SectionBox()
        self.sections.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.sections.setMinimumContentsLength(12)
        self.stack = QStackedWidget()
        self._pages: dict[str, int] = {}
        for section in sorted(by_section):
            page = QWidget()
            layout = QVBoxLayout(page)
            layout.setContentsMargins(0, 2, 0, 2)
            layout.setSpacing(2)
            for p in by_section[section]:
                b = PresetButton(engine_text("presets", p.title))
                b.setToolTip(preset_explanation(p))
                b.clicked.connect(lambda _=False, key=p.key: self.preset_chosen.emit(key))
                self._group.addButton(b)
                layout.addWidget(b)
                self.buttons[p.key] = b
            layout.addStretch(1)
            title = engine_text("presets", catalogue.SECTIONS.get(section, section))
            self._pages[section] = self.stack.addWidget(page)
            self.sections.addItem(f"{section}. {title}")
            self.sections.setItemData(self._pages[section], title, Qt.ItemDataRole.ToolTipRole)
        self.sections.currentIndexChanged.connect(self._show_page)
        self._show_page(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        layout.addWidget(self.sections)
        layout.addWidget(self.stack)
        # As tall as the longest section, no taller: the settings below get the rest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        """Titles, tool tips and section names in the current language."""
        for key, b in self.buttons.items():
            p = catalogue.PRESETS[key]
            b.label.setText(engine_text("presets", p.title))
            b.setToolTip(preset_explanation(p))
        for section, i in self._pages.items():
            title = engine_text("presets", catalogue.SECTIONS.get(section, section))
            self.sections.setItemText(i, f"{section}. {title}")
            self.sections.setItemData(i, title, Qt.ItemDataRole.ToolTipRole)
        self._show_page(self.sections.currentIndex())

    def _show_page(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.sections.setToolTip(self.sections.itemData(index, Qt.ItemDataRole.ToolTipRole))

    def show_section(self, section: str) -> None:
        self.sections.setCurrentIndex(self._pages[section])

    def mark(self, key: str | None) -> None:
        """Show which preset is loaded (none after the user changes a setting)."""
        if key is None:
            self._group.setExclusive(False)
            for b in self.buttons.values():
                b.setChecked(False)
            self._group.setExclusive(True)
            return
        self.buttons[key].setChecked(True)
        self.show_section(catalogue.PRESETS[key].section)
