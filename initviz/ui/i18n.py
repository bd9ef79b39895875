"""Languages: Qt's translation system, the bundled CJK font and the run-time switch.

The sources of truth are the Qt Linguist files ``resources/translations/initviz_<lang>.ts``
(one per language; a translator adds ``initviz_fr.ts`` and nothing else). The binary ``.qm``
files are build products, not kept in git: ``tools/update_translations.py --release``, dev.py,
the wheel build (setup.py) and the installer build make them; the app only loads them.

Strings of the UI are marked with ``self.tr``/``QCoreApplication.translate``. Strings that live
in the engine (pure Python, no Qt: preset titles and explanations, section names, scheme titles
and formulas, activation names, the settings' descriptions) are extracted by the same tool into
the contexts "presets", "schemes", "activations" and "config", and the UI looks them up with
``engine_text(context, source)``.

Switching at run time installs the new translator, which makes Qt send ``LanguageChange`` to
every widget; each widget then sets its texts again (its ``retranslate``), and the window
passes the event on to its helper objects (File and Data menus, presentation controller).
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from initviz.resources import resource_path

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


def qm_path(lang: str) -> Path | None:
    """The compiled catalogue of ``lang``. The .qm files are build products: the wheel and
    installer builds, dev.py and ``tools/update_translations.py --release`` make them from
    the .ts next to them; the app never runs lrelease."""
    try:
        qm = translations_dir() / f"initviz_{lang}.qm"
    except FileNotFoundError:
        return None
    return qm if qm.exists() else None


# -- switching ---------------------------------------------------------------------------------
def current_language() -> str:
    return _state["language"]


def set_language(lang: str) -> str:
    """Install the translators for ``lang`` (en, zh_CN, ...). Returns the language in use
    (English if ``lang`` is unknown or its catalogue cannot be loaded); every widget has
    retranslated itself (LanguageChange) when it returns."""
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
            print(f"initviz: no compiled translation for {lang} (run tools/update_translations.py "
                  f"--release); using English", file=sys.stderr)
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
    # Deliver the LanguageChange events Qt posted now: every widget has its new texts when
    # this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
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
    # The family the system resolves, not its alias: after "Sans Serif" Qt took the CJK face
    # for Latin punctuation (“Run sweep” set in wide Chinese quotes).
    first = [f for f in font.families() if f not in families] or [font.family()]
    resolved = QFontInfo(font).family()
    out.setFamilies([resolved] + [f for f in first if f != resolved] + families[:1])
    return out
