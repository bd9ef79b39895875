"""The keyboard: which key does what, the guard that decides when a single key belongs to a
focused field, and the sheet that F1 shows.

The keys are window-level actions (``Qt.WindowShortcut``), so they work while a plot, a list
or a button has the focus. The single keys (Space, R, S, Left, Right) give way only while the
user types in a free-text field (a run's label, the hidden widths): there a space or a letter is
text. A number box has no use for letters or spaces, so Space, R and S act there too; Left and
Right keep moving its cursor. Undo and Redo in a number box are the window's (the box's own
would only undo typing). Esc in a field hands the focus back to the plots.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractSpinBox, QApplication, QDialog, QDialogButtonBox,
                               QLabel, QLineEdit, QVBoxLayout)


def _t(text: str) -> str:
    return QCoreApplication.translate("Shortcuts", text)


# name: (key sequences, description). Descriptions are translated when shown.
KEYS = {
    "run_pause": (("Space",), QT_TRANSLATE_NOOP("Shortcuts", "Run, or pause and resume")),
    "next": (("Right",), QT_TRANSLATE_NOOP("Shortcuts", "Next experiment (of the lesson)")),
    "previous": (("Left",), QT_TRANSLATE_NOOP("Shortcuts", "Previous experiment")),
    "reset": (("R",), QT_TRANSLATE_NOOP("Shortcuts", "Reset to the initial weights")),
    "step": (("S",), QT_TRANSLATE_NOOP("Shortcuts", "Train a single step, then pause")),
    "presentation": (("F11",), QT_TRANSLATE_NOOP("Shortcuts", "Presentation mode: full screen, large type")),
    "leave": (("Esc",), QT_TRANSLATE_NOOP("Shortcuts", "Leave full screen")),
    "bigger": (("Ctrl++", "Ctrl+="), QT_TRANSLATE_NOOP("Shortcuts", "Larger type")),
    "smaller": (("Ctrl+-",), QT_TRANSLATE_NOOP("Shortcuts", "Smaller type")),
    "normal_size": (("Ctrl+0",), QT_TRANSLATE_NOOP("Shortcuts", "Type size back to normal")),
    "controls": (("F9",), QT_TRANSLATE_NOOP("Shortcuts", "Fold the controls away, or show them")),
    "read_on": (("PgDown",), QT_TRANSLATE_NOOP("Shortcuts", "Scroll the explanation down")),
    "read_back": (("PgUp",), QT_TRANSLATE_NOOP("Shortcuts", "Scroll the explanation up")),
    "help": (("F1",), QT_TRANSLATE_NOOP("Shortcuts", "This list of keys")),
}
# The File menu's keys (file_menu.py takes its shortcuts from here), for the sheet.
FILE_KEYS = {
    "open": (("Ctrl+O",), QT_TRANSLATE_NOOP("Shortcuts", "Open an experiment file")),
    "save": (("Ctrl+S",), QT_TRANSLATE_NOOP("Shortcuts", "Save the experiment")),
    "save_as": (("Ctrl+Shift+S",), QT_TRANSLATE_NOOP("Shortcuts", "Save the experiment under a new name")),
    "export_pane": (("Ctrl+E",), QT_TRANSLATE_NOOP("Shortcuts", "Export the pane shown (PNG, SVG or CSV)")),
}
# The Edit menu's keys: the platform's own (Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y).
EDIT_KEYS = {
    "undo": (QKeySequence.StandardKey.Undo, QT_TRANSLATE_NOOP("Shortcuts", "Undo the last change of the settings, preset or file")),
    "redo": (QKeySequence.StandardKey.Redo, QT_TRANSLATE_NOOP("Shortcuts", "Redo what was undone")),
}
SINGLE_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_R, Qt.Key.Key_S, Qt.Key.Key_Left, Qt.Key.Key_Right}
NUMBER_BOX_KEYS = {Qt.Key.Key_Space, Qt.Key.Key_R, Qt.Key.Key_S}


def bindings(keys) -> list[QKeySequence]:
    """A table's keys: its sequences, or the bindings of a standard key on this platform."""
    if isinstance(keys, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(keys)
    return [QKeySequence(k) for k in keys]


def sequences(name: str) -> list[QKeySequence]:
    return bindings(KEYS[name][0])


def description(name: str) -> str:
    return _t({**KEYS, **FILE_KEYS, **EDIT_KEYS}[name][1])


class FocusGuard(QObject):
    """Application-wide filter: lets the shortcut win over a focused number box for Space,
    R and S, and turns Esc in a field into "focus back to the plots"."""

    def __init__(self, window, focus_target):
        super().__init__(window)
        self.window = window
        self.focus_target = focus_target
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        # Every event of the application passes here: the plain isinstance test first, since
        # event.type() costs a Qt call and an enum (a window's construction sends ~30,000).
        if not isinstance(obj, (QAbstractSpinBox, QLineEdit)):
            return False
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or \
                obj.window() is not self.window:
            return False
        key = event.key()
        if kind == QEvent.Type.ShortcutOverride and in_number_box(obj) and \
                any(event.matches(k) for k, _ in EDIT_KEYS.values()):
            event.ignore()      # the experiment's undo, not the box's
            return True
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if kind == QEvent.Type.KeyPress and key == Qt.Key.Key_Escape:
            self.focus_target().setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if kind == QEvent.Type.ShortcutOverride and key in NUMBER_BOX_KEYS and \
                in_number_box(obj):
            event.ignore()      # not the field's: the shortcut fires
            return True
        return False

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def in_number_box(widget) -> bool:
    if isinstance(widget, QAbstractSpinBox):
        return True
    parent = widget.parent() if widget is not None else None
    return isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox)


class ShortcutSheet(QDialog):
    """F1: every key and what it does, in large type."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("Shortcuts", "Keyboard shortcuts"))
        rows = []
        for heading, table in ((QCoreApplication.translate("Shortcuts", "Lesson and presentation"), KEYS),
                               (QCoreApplication.translate("Shortcuts", "Files"), FILE_KEYS),
                               (QCoreApplication.translate("Shortcuts", "Edit"), EDIT_KEYS)):
            rows.append(f"<tr><td colspan='2' style='padding:10px 0 2px 0'><i>{heading}</i>"
                        "</td></tr>")
            for name, (keys, _) in table.items():
                shown = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                   for k in bindings(keys))
                rows.append(f"<tr><td style='padding:4px 18px 4px 0'><b>{shown}</b></td>"
                            f"<td style='padding:4px 0'>{description(name)}</td></tr>")
        note = QCoreApplication.translate("Shortcuts", "Space, R and S act everywhere except while you type in a text field; "
                  "Esc in a field gives the keys back to the plots.")
        self.label.setText(f"<table>{''.join(rows)}</table><p>{note}</p>")

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
