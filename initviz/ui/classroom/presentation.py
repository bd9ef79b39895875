"""Presentation mode, the keyboard, themes, type size, language and the lesson: everything a
teacher in front of a projector needs, attached to the main window by one object.

``PresentationController(window)`` adds the View, Lesson and Help menus and the window-level
key actions (see ``shortcuts.py``), applies the remembered theme and type size, and saves
geometry, language, theme, type size, last preset and lesson list when the window closes.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QSizePolicy

from initviz.engine import presets as catalogue

from .. import i18n
from . import shortcuts
from ..look import themes
from .lesson import Lesson, LessonDialog
from ..settings import SCALE_RANGE, Settings

PRESENTATION_LINES = 1.8      # line widths × this (on top of the theme's own factor)
REFERENCE_LINES = 1080        # the screen height the presentation type scale is meant for
SCALE_STEP = 1.1


class PresentationController(QObject):
    def __init__(self, window, settings: Settings | None = None):
        super().__init__(window)
        self.window = window
        self.settings = settings or Settings.shared()
        self.presenting = False
        self.controls_folded = False
        self._was_maximized = False
        self.lesson = Lesson(self._valid_keys(self.settings.get("lesson")))
        self.sheet: shortcuts.ShortcutSheet | None = None
        self.actions: dict[str, QAction] = {}
        self._build_actions()
        self._build_menus()
        self.guard = shortcuts.FocusGuard(window, self.focus_target)
        window.installEventFilter(self)
        window.result_drawn.connect(self.restyle_plots)
        window.controller.run_started.connect(lambda *_: QTimer.singleShot(0, self.restyle_plots))
        window.tabs.currentChanged.connect(lambda *_: QTimer.singleShot(0, self.restyle_plots))
        self.apply_look()
        if self.settings.notice:
            window.statusBar().showMessage(self.settings.notice, 15000)

    # -- building ---------------------------------------------------------------------------
    def _valid_keys(self, keys) -> list[str]:
        return [k for k in keys if k in catalogue.PRESETS]

    def _build_actions(self) -> None:
        w = self.window
        slots = {"run_pause": self.run_pause, "next": self.next_preset,
                 "previous": self.previous_preset, "reset": w.reset, "step": w.step,
                 "presentation": self.toggle_presentation, "leave": self.leave,
                 "bigger": self.bigger, "smaller": self.smaller,
                 "normal_size": self.normal_size, "controls": self.toggle_controls,
                 "read_on": lambda: self.scroll_explanation(+1),
                 "read_back": lambda: self.scroll_explanation(-1),
                 "help": self.show_shortcuts}
        for name, slot in slots.items():
            a = QAction(self.window)
            a.setShortcuts(shortcuts.sequences(name))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.triggered.connect(lambda _=False, s=slot: s())
            w.addAction(a)        # active even when the menu bar is hidden
            self.actions[name] = a
        self.actions["presentation"].setCheckable(True)
        self.actions["controls"].setCheckable(True)

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self.view_menu = QMenu(bar)
        self.theme_menu = QMenu(self.view_menu)
        self.language_menu = QMenu(self.view_menu)
        self.lesson_menu = QMenu(bar)
        self.help_menu = QMenu(bar)
        a = self.actions
        for name in ("presentation", "controls"):
            self.view_menu.addAction(a[name])
        self.view_menu.addSeparator()
        for name in ("bigger", "smaller", "normal_size"):
            self.view_menu.addAction(a[name])
        self.view_menu.addSeparator()
        self.view_menu.addMenu(self.theme_menu)
        self.view_menu.addMenu(self.language_menu)
        self.theme_group = QActionGroup(self)
        self.theme_actions = {}
        for name in themes.THEMES:
            t = QAction(self.theme_menu)
            t.setCheckable(True)
            t.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_group.addAction(t)
            self.theme_menu.addAction(t)
            self.theme_actions[name] = t
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        for lang in i18n.available_languages():
            t = QAction(i18n.language_name(lang), self.language_menu)
            t.setCheckable(True)
            t.triggered.connect(lambda _=False, code=lang: self.set_language(code))
            self.language_group.addAction(t)
            self.language_menu.addAction(t)
            self.language_actions[lang] = t
        self.lesson_edit = QAction(self.lesson_menu)
        self.lesson_edit.triggered.connect(self.edit_lesson)
        for name in ("next", "previous"):
            self.lesson_menu.addAction(a[name])
        self.lesson_menu.addSeparator()
        self.lesson_menu.addAction(self.lesson_edit)
        self.help_menu.addAction(a["help"])
        for m in (self.view_menu, self.lesson_menu, self.help_menu):
            bar.addMenu(m)
        self.retranslate()

    def retranslate(self) -> None:
        names = {"run_pause": QCoreApplication.translate("Presentation", "Run / pause"), "next": QCoreApplication.translate("Presentation", "Next experiment"),
                 "previous": QCoreApplication.translate("Presentation", "Previous experiment"), "reset": QCoreApplication.translate("Presentation", "Reset"),
                 "step": QCoreApplication.translate("Presentation", "Single step"), "presentation": QCoreApplication.translate("Presentation", "Presentation mode"),
                 "leave": QCoreApplication.translate("Presentation", "Leave full screen"), "bigger": QCoreApplication.translate("Presentation", "Larger type"),
                 "smaller": QCoreApplication.translate("Presentation", "Smaller type"), "normal_size": QCoreApplication.translate("Presentation", "Normal type size"),
                 "controls": QCoreApplication.translate("Presentation", "Hide the controls"), "help": QCoreApplication.translate("Presentation", "Keyboard shortcuts…")}
        for name, text in names.items():
            self.actions[name].setText(text)
            keys = " / ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                              for s in shortcuts.sequences(name))
            self.actions[name].setToolTip(f"{shortcuts.description(name)} ({keys})")
        self.view_menu.setTitle(QCoreApplication.translate("Presentation", "&View"))
        self.theme_menu.setTitle(QCoreApplication.translate("Presentation", "Theme"))
        self.language_menu.setTitle(QCoreApplication.translate("Presentation", "Language"))
        self.lesson_menu.setTitle(QCoreApplication.translate("Presentation", "&Lesson"))
        self.help_menu.setTitle(QCoreApplication.translate("Presentation", "&Help"))
        self.lesson_edit.setText(QCoreApplication.translate("Presentation", "Choose the lesson's experiments…"))
        for name, t in self.theme_actions.items():
            t.setText(themes.theme_title(name))
        if self.sheet is not None:
            self.sheet.retranslate()

    # -- look -------------------------------------------------------------------------------
    def _mode(self) -> str:
        return "presentation" if self.presenting else "window"

    @property
    def theme(self) -> str:
        return self.settings.get(f"{self._mode()}/theme")

    @property
    def scale(self) -> float:
        return self.settings.get(f"{self._mode()}/scale")

    @property
    def screen_factor(self) -> float:
        """Presentation type follows the screen: the scale the teacher sets is for a
        1080-line screen, so a 720-line projector gets the same share of the picture."""
        if not self.presenting:
            return 1.0
        screen = self.window.screen()
        height = screen.geometry().height() if screen is not None else REFERENCE_LINES
        return min(2.0, max(0.6, height / REFERENCE_LINES))

    @property
    def effective_scale(self) -> float:
        return self.scale * self.screen_factor

    @property
    def line_scale(self) -> float:
        return PRESENTATION_LINES if self.presenting else 1.0

    def apply_look(self) -> None:
        app = QApplication.instance()
        themes.apply(app, self.window, self.theme, self.effective_scale)
        if i18n.load_fonts():
            app.setFont(i18n.with_cjk_fallback(app.font()))
        self.theme_actions[self.theme].setChecked(True)
        lang = i18n.current_language()
        if lang in self.language_actions:
            self.language_actions[lang].setChecked(True)
        self.restyle_plots(force=True)
        self.fit_columns()
        self.window.tab_strip.fit(force=True)

    def restyle_plots(self, force: bool = False) -> None:
        if self.window.closed:
            return
        themes.style_plots(self.window, self.theme, self.effective_scale, self.line_scale,
                           force=bool(force))

    def set_theme(self, name: str) -> None:
        self.settings.set(f"{self._mode()}/theme", name)
        self.apply_look()

    def set_scale(self, scale: float) -> None:
        scale = round(min(SCALE_RANGE[1], max(SCALE_RANGE[0], scale)), 3)
        self.settings.set(f"{self._mode()}/scale", scale)
        self.apply_look()
        self.window.statusBar().showMessage(QCoreApplication.translate("Presentation", "Type size {0:.0%}").format(scale), 2000)

    def bigger(self) -> None:
        self.set_scale(self.scale * SCALE_STEP)

    def smaller(self) -> None:
        self.set_scale(self.scale / SCALE_STEP)

    def normal_size(self) -> None:
        self.set_scale(1.5 if self.presenting else 1.0)

    # -- presentation -----------------------------------------------------------------------
    def toggle_presentation(self) -> None:
        self.set_presenting(not self.presenting)

    def set_presenting(self, on: bool) -> None:
        w = self.window
        if on == self.presenting:
            return
        self.presenting = on
        self.actions["presentation"].setChecked(on)
        if on:
            self._was_maximized = w.isMaximized()
            w.showFullScreen()
            self.fold_controls(self.settings.get("presentation/controls_folded"))
        else:
            w.showMaximized() if self._was_maximized else w.showNormal()
            self.fold_controls(False)
        self.apply_look()
        self.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def leave(self) -> None:
        if self.presenting:
            self.set_presenting(False)
        elif self.window.isFullScreen():
            self.window.showNormal()

    def settings_column(self):
        left = self.window.splitter.widget(0)
        return left.widget(1) if hasattr(left, "widget") and left.count() > 1 else None

    def toggle_controls(self) -> None:
        self.fold_controls(not self.controls_folded)
        if self.presenting:
            self.settings.set("presentation/controls_folded", self.controls_folded)

    def fold_controls(self, folded: bool) -> None:
        """Hide the settings (the preset strip, plots and explanation stay)."""
        self.controls_folded = folded
        self.actions["controls"].setChecked(folded)
        column = self.settings_column()
        if column is not None:
            if folded and column.isAncestorOf(QApplication.focusWidget()):
                self.focus_target().setFocus()
            column.setVisible(not folded)
        # Alone in its column the preset strip takes the whole height: left at "no taller
        # than its buttons" it would cap the height of every column beside it (QSplitter).
        policy = self.window.presets.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred if folded
                                 else QSizePolicy.Policy.Maximum)
        self.window.presets.setSizePolicy(policy)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Column widths for a presentation: the plots get what the words do not need."""
        if not self.presenting:
            return
        w = self.window.width()
        scale = self.effective_scale
        # Folded, the preset strip needs only its titles; the lesson's words need the room.
        left = int(w * 0.18) if self.controls_folded else \
            max(int(w * 0.26), int(300 * scale))
        right = max(int(w * 0.27), int(220 * scale))
        self.window.splitter.setSizes([left, max(300, w - left - right), right])

    def scroll_explanation(self, direction: int) -> None:
        """PgDown/PgUp: the words beside the plots, without the mouse (a page less a line)."""
        bar = self.window.explanation.verticalScrollBar()
        bar.setValue(bar.value() + direction * max(bar.pageStep() - 40, 40))

    def focus_target(self):
        return self.window.tabs

    # -- transport and presets --------------------------------------------------------------
    def run_pause(self) -> None:
        c = self.window.controller
        if c.running:
            self.window.toggle_pause()
        else:
            self.window.run()

    def _step_preset(self, delta: int) -> None:
        key = self.lesson.neighbour(self.window.preset_key, delta)
        if key is None:
            return
        self.window.load_preset(key)
        self._show_step()

    def _show_step(self) -> None:
        key = self.window.preset_key
        if key not in self.lesson.keys:
            return
        n, i = len(self.lesson.keys), self.lesson.keys.index(key)
        self.window.explanation.set_step(
            QCoreApplication.translate("Presentation", "Lesson: experiment {0} of {1}").format(i + 1, n))
        self.window.statusBar().showMessage(
            QCoreApplication.translate("Presentation", "Experiment {0} of {1}: {2}").format(
                i + 1, n, i18n.engine_text("presets", catalogue.PRESETS[key].title)), 6000)

    def next_preset(self) -> None:
        self._step_preset(+1)

    def previous_preset(self) -> None:
        self._step_preset(-1)

    def edit_lesson(self) -> None:
        dialog = LessonDialog(self.lesson.custom_keys, self.window)
        if dialog.exec():
            self.lesson = Lesson(dialog.keys())
            self.settings.set("lesson", self.lesson.custom_keys)
            self.settings.sync()

    def show_shortcuts(self) -> None:
        if self.sheet is None:
            self.sheet = shortcuts.ShortcutSheet(self.window)
        self.sheet.show()
        self.sheet.raise_()

    # -- language ---------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        lang = i18n.set_language(lang)     # every widget has retranslated itself on return
        self.settings.set("language", lang)
        self.language_actions[lang].setChecked(True)

    def retranslate_all(self) -> None:
        """After a language switch, once every widget has retranslated itself (the window
        calls this): this controller's menus, the lesson step, texts made while drawing, and
        the look (the CJK fallback font)."""
        w = self.window
        if w.closed:
            return
        self.retranslate()
        if w.explanation.step.text():
            self._show_step()
        for pane in w.panes.values():   # titles made while drawing follow on the next draw
            pane.draw(w.histories)
        w.redraw()
        self.apply_look()

    # -- session ----------------------------------------------------------------------------
    def restore_session(self, preset: str | None, size_given: bool) -> None:
        """At start: the remembered geometry and last preset (unless the command line says)."""
        if not size_given:
            geometry = self.settings.geometry()
            if geometry is not None:
                self.window.restoreGeometry(geometry)
        if preset is None:
            last = self.settings.get("last_preset")
            if last in catalogue.PRESETS:
                # A probe preset costs nothing; a training preset waits for Run.
                self.window.load_preset(last, run=catalogue.PRESETS[last].config.train.steps == 0)

    def close(self) -> None:
        """The window closes: remember the session and let go of the keys."""
        self.save()
        self.guard.detach()

    def save(self) -> None:
        s = self.settings
        if self.presenting:
            self.window.showNormal()
        s.set_geometry(self.window.saveGeometry())
        s.set("language", i18n.current_language())
        s.set("last_preset", self.window.preset_key or "")
        s.set("lesson", self.lesson.custom_keys)
        s.sync()

    def eventFilter(self, obj, event) -> bool:
        if self.window.closed:
            return False
        if obj is self.window:
            kind = event.type()
            if kind in (QEvent.Type.Resize, QEvent.Type.Show) and self.presenting:
                QTimer.singleShot(60, self.fit_columns)    # after the window's own column fit
        return False
