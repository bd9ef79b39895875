"""Languages: Qt's translation system, the bundled CJK font and the run-time switch.

The sources of truth are the Qt Linguist files ``resources/translations/initviz_<lang>.ts``
(one per language; a translator adds ``initviz_fr.ts`` and nothing else). The binary ``.qm``
files are build products, not kept in git: ``tools/update_translations.py --release``, the
package build and the installer make them, and the app makes a missing or stale one itself at
start with ``lrelease`` (into the resources folder, or the user cache if that is read-only).

Strings of the UI are marked with ``self.tr``/``QCoreApplication.translate``. Strings that live
in the engine (pure Python, no Qt: preset titles and explanations, section names, scheme titles
and formulas, activation names, the settings' descriptions) are extracted by the same tool into
the contexts "presets", "schemes", "activations" and "config", and the UI looks them up with
``engine_text(context, source)``.

Switching at run time installs the new translator, which makes Qt send ``LanguageChange`` to
every widget; ``retranslate_tree`` then rewrites every text that was set once at construction
(labels, buttons, group titles, tabs, tool-box pages, combo items, tool tips, actions, plot
titles and axis labels), finding each text's source in the catalogue, including texts made
from a template such as "layer {0}".
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase

from initviz.resources import resource_path, user_cache_dir

FONT_FILE = ("fonts", "wqy-microhei.ttc")
_state = {"translators": [], "language": "en", "font_families": None}


# -- catalogue files ---------------------------------------------------------------------------
def translations_dir() -> Path:
    return resource_path("translations")


def available_languages() -> list[str]:
    """'en' (the source language) and every language with a .ts file."""
    langs = ["en"]
    try:
        for ts in sorted(translations_dir().glob("initviz_*.ts")):
            langs.append(ts.stem[len("initviz_"):])
    except FileNotFoundError:
        pass
    return langs


def language_name(lang: str) -> str:
    if lang == "en":
        return "English"
    name = QLocale(lang).nativeLanguageName()
    return name or lang


def system_language() -> str:
    """The system locale's language if initviz has it ('zh_*' gets Simplified Chinese)."""
    name = QLocale.system().name()          # e.g. "zh_CN", "en_US", "de_DE"
    langs = available_languages()
    if name in langs:
        return name
    if name.startswith("zh") and "zh_CN" in langs:
        return "zh_CN"
    base = name.split("_")[0]
    return base if base in langs else "en"


def _lrelease() -> str | None:
    here = Path(sys.executable).parent
    for candidate in (shutil.which("pyside6-lrelease"), here / "pyside6-lrelease",
                      shutil.which("lrelease")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    try:
        import PySide6
        p = Path(PySide6.__file__).parent / "lrelease"
        if p.exists():
            return str(p)
    except ImportError:
        pass
    return None


def compile_qm(ts: Path, qm: Path) -> bool:
    tool = _lrelease()
    if tool is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)],
                            capture_output=True, text=True)
    return result.returncode == 0 and qm.exists()


def qm_path(lang: str) -> Path | None:
    """A .qm file for ``lang`` no older than its .ts; built here if missing or stale."""
    try:
        ts = translations_dir() / f"initviz_{lang}.ts"
    except FileNotFoundError:
        return None
    qm = ts.with_suffix(".qm")
    if not ts.exists():
        return qm if qm.exists() else None     # a bundle may ship only the .qm
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    if os.access(ts.parent, os.W_OK) and compile_qm(ts, qm):
        return qm
    cached = user_cache_dir() / "translations" / qm.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    if compile_qm(ts, cached):
        return cached
    return qm if qm.exists() else None         # stale beats nothing


# -- switching ---------------------------------------------------------------------------------
def current_language() -> str:
    return _state["language"]


def set_language(lang: str) -> str:
    """Install the translators for ``lang`` (en, zh_CN, ...). Returns the language in use
    (English if ``lang`` is unknown or its catalogue cannot be loaded). Qt then sends
    LanguageChange to every widget."""
    app = QCoreApplication.instance()
    for t in _state["translators"]:
        app.removeTranslator(t)
    _state["translators"] = []
    if lang not in available_languages():
        lang = "en"
    if lang != "en":
        ours = QTranslator(app)
        path = qm_path(lang)
        if path is None or not ours.load(str(path)):
            print(f"initviz: no usable translation for {lang}; using English", file=sys.stderr)
            lang = "en"
        else:
            qt = QTranslator(app)
            if qt.load(f"qtbase_{lang}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt)
                _state["translators"].append(qt)
            app.installTranslator(ours)
            _state["translators"].append(ours)
    QLocale.setDefault(QLocale("en_US" if lang == "en" else lang))
    _state["language"] = lang
    return lang


def engine_text(context: str, source: str) -> str:
    """The translation of a string that lives in the engine's data."""
    return QCoreApplication.translate(context, source) if source else source


def error_text(exc: BaseException) -> str:
    """An engine error's message in the current language (its template and words)."""
    from initviz.engine.errors import render
    return render(exc, lambda text: QCoreApplication.translate("errors", text))


def run_label(label: str) -> str:
    """A preset's run label ("all weights 0") in the current language; a label the user typed
    is not in the catalogue and stays as it is."""
    return engine_text("labels", label)


def preset_explanation(preset) -> str:
    """A preset's question, what to look at and take-away as one translated paragraph."""
    parts = [engine_text("presets", t) for t in (preset.question, preset.look, preset.takeaway)
             if t]
    return ("" if current_language().startswith("zh") else " ").join(parts)


def data_text(description: str) -> str:
    """The engine's description of a data set (made from a template of context "data") in
    the current language. Called at every frame: cached, and matched against the engine's
    four templates only (the reverse catalogue took 73 ms to build on a run's first frame)."""
    return _data_text(description, current_language())


@lru_cache(maxsize=64)
def _data_text(description: str, lang: str) -> str:
    from initviz.engine import data, mnist
    for template in (data.NORMAL_TEXT, data.FLOWER_TEXT, mnist.BUNDLED_TEXT, mnist.FULL_TEXT):
        parts = re.split(r"\{\d[^}]*\}", template)
        pattern = "(.+?)".join(re.escape(part) for part in parts)
        m = re.fullmatch(pattern, description)
        if m:
            translated = QCoreApplication.translate("data", template)
            return re.sub(r"\{(\d)[^}]*\}", lambda g: m.group(int(g.group(1)) + 1),
                          translated) if m.groups() else translated
    return description


# -- font ----------------------------------------------------------------------------------------
def load_fonts() -> list[str]:
    """Add the bundled CJK font to the application's fonts (once). Returns its families, or
    [] if the file is missing (then Chinese uses whatever the system has)."""
    if _state["font_families"] is None:
        families: list[str] = []
        try:
            path = resource_path(*FONT_FILE)
            fid = QFontDatabase.addApplicationFont(str(path))
            if fid >= 0:
                families = list(QFontDatabase.applicationFontFamilies(fid))
        except FileNotFoundError:
            pass
        _state["font_families"] = families
    return list(_state["font_families"])


def with_cjk_fallback(font: QFont) -> QFont:
    """``font`` with the bundled CJK face after it, for glyphs the first family lacks."""
    families = load_fonts()
    if not families:
        return font
    out = QFont(font)
    first = [f for f in font.families() if f not in families] or [font.family()]
    out.setFamilies(first + families[:1])
    return out


# -- reverse catalogue and the retranslation walk ------------------------------------------------
@lru_cache(maxsize=1)
def catalogue() -> tuple[dict, list]:
    """(text → (context, source)) over sources and every language's translations, and the
    templates [(regex, context, source)] for texts made with .format()."""
    index: dict[str, tuple[str, str]] = {}
    templates: list = []
    try:
        files = sorted(translations_dir().glob("initviz_*.ts"))
    except FileNotFoundError:
        files = []
    pairs = []
    for ts in files:
        for ctx in ET.parse(ts).getroot().iter("context"):
            name = ctx.findtext("name")
            for m in ctx.iter("message"):
                src = m.findtext("source") or ""
                tr = m.findtext("translation") or ""
                pairs.append((name, src, tr))
    seen_templates = set()
    for name, src, tr in pairs:
        index.setdefault(src, (name, src))
    for name, src, tr in pairs:
        if tr:
            index.setdefault(tr, (name, src))
        for text in (src, tr):
            if text and re.search(r"\{\d[^}]*\}", text) and (text, name) not in seen_templates:
                seen_templates.add((text, name))
                literal = re.sub(r"\{\d[^}]*\}", "", text)
                if len(re.findall(r"[A-Za-z\u4e00-\u9fff]", literal)) < 2:
                    continue      # "{0}: {1}" would match almost anything
                pattern = re.escape(text)
                pattern = re.sub(r"\\\{(\d)[^}]*\\\}", lambda m: f"(?P<a{m.group(1)}>.+?)",
                                 pattern)
                # a field used twice would repeat its group name: keep only the first
                seen = set()

                def dedupe(m):
                    g = m.group(1)
                    if g in seen:
                        return "(?:.+?)"
                    seen.add(g)
                    return m.group(0)
                pattern = re.sub(r"\(\?P<(a\d)>\.\+\?\)", dedupe, pattern)
                try:
                    templates.append((re.compile(f"^{pattern}$", re.S), name, src))
                except re.error:
                    pass
    return index, templates


def translate_text(text: str, depth: int = 0) -> str | None:
    """The current language's version of ``text`` (a source or a translation in any
    language), or None if the catalogue does not know it."""
    if not text or depth > 2:
        return None
    index, templates = catalogue()
    hit = index.get(text)
    if hit:
        return QCoreApplication.translate(*hit)
    lower = text[:1].lower() + text[1:]
    hit = index.get(lower)
    if hit:
        out = QCoreApplication.translate(*hit)
        return out[:1].upper() + out[1:]
    stripped = text.replace("&", "")
    if stripped != text and stripped in index:
        return QCoreApplication.translate(*index[stripped])
    if "{" in text or len(text) > 2000:
        return None
    for regex, ctx, src in templates:
        m = regex.match(text)
        if not m:
            continue
        args = {k: v for k, v in m.groupdict().items() if v is not None}
        new = {k: translate_text(v, depth + 1) or v for k, v in args.items()}
        template = QCoreApplication.translate(ctx, src)
        return re.sub(r"\{(\d)[^}]*\}", lambda g: new.get(f"a{g.group(1)}", g.group(0)),
                      template)
    return None


def _swap(getter, setter) -> None:
    try:
        old = getter()
    except RuntimeError:
        return
    new = translate_text(old)
    if new is not None and new != old:
        setter(new)


def retranslate_tree(root) -> None:
    """Rewrite every known text under ``root`` (a widget) into the current language."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit,
                                   QMenu, QTabWidget, QToolBox, QWidget)
    widgets = [root] + root.findChildren(QWidget)
    for w in widgets:
        _swap(w.windowTitle, w.setWindowTitle)
        _swap(w.toolTip, w.setToolTip)
        if isinstance(w, QLabel):
            _swap(w.text, w.setText)
        elif isinstance(w, QAbstractButton):
            _swap(w.text, w.setText)
        elif isinstance(w, QGroupBox):
            _swap(w.title, w.setTitle)
        elif isinstance(w, QLineEdit):
            _swap(w.placeholderText, w.setPlaceholderText)
        elif isinstance(w, QMenu):
            _swap(w.title, w.setTitle)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                _swap(lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t))
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                _swap(lambda i=i: w.tabText(i), lambda t, i=i: w.setTabText(i, t))
                _swap(lambda i=i: w.tabToolTip(i), lambda t, i=i: w.setTabToolTip(i, t))
        elif isinstance(w, QToolBox):
            for i in range(w.count()):
                _swap(lambda i=i: w.itemText(i), lambda t, i=i: w.setItemText(i, t))
                _swap(lambda i=i: w.itemToolTip(i), lambda t, i=i: w.setItemToolTip(i, t))
    for a in root.findChildren(QAction):
        _swap(a.text, a.setText)
        _swap(a.toolTip, a.setToolTip)
    _retranslate_plots(root)


def _retranslate_plots(root) -> None:
    import pyqtgraph as pg
    for view in root.findChildren(pg.GraphicsView):
        for item in view.scene().items():
            if isinstance(item, pg.PlotItem) and item.titleLabel.text:
                label = item.titleLabel
                _swap(lambda: label.text, lambda t: label.setText(t))
            elif isinstance(item, pg.AxisItem) and item.labelText:
                ax = item
                _swap(lambda: ax.labelText,
                      lambda t: ax.setLabel(text=t, units=ax.labelUnits,
                                            unitPrefix=ax.labelUnitPrefix, **ax.labelStyle))
