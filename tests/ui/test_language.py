"""The language switch at run time, and the completeness of the Chinese catalogue."""
import re
import xml.etree.ElementTree as ET

import pyqtgraph as pg
import pytest
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel,
                               QTabWidget, QToolBox)

from initviz.ui import i18n

TS = i18n.translations_dir() / "initviz_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Names and notation that stay as they are in Chinese teaching material.
KEEP = {"mnist", "relu", "xavier", "glorot", "bengio", "kaiming", "msra", "lecun", "lsuv",
        "adam", "softmax", "sigmoid", "tanh", "selu", "elu", "maxout", "softsign", "leaky",
        "initviz", "fan_in", "fan_out", "n_in", "n_out", "gain", "slope", "sgd", "rbm"}


def visible_texts(w) -> dict:
    out = {}
    for x in w.findChildren(QLabel):
        if x.isVisibleTo(w) and x.text() and x.textFormat() != 1:   # not rich text
            out[("label", id(x))] = x.text()
    for x in w.findChildren(QAbstractButton):
        if x.isVisibleTo(w) and x.text():
            out[("button", id(x))] = x.text()
    for x in w.findChildren(QGroupBox):
        if x.isVisibleTo(w):
            out[("group", id(x))] = x.title()
    for x in w.findChildren(QComboBox):
        if x.isVisibleTo(w) and x.count():
            out[("combo", id(x))] = x.currentText()
    for x in w.findChildren(QTabWidget):
        for i in range(x.count()):
            out[("tab", id(x), i)] = x.tabText(i)
    for x in w.findChildren(QToolBox):
        for i in range(x.count()):
            out[("page", id(x), i)] = x.itemText(i)
    for a in w.toolbar.actions():
        if a.text():
            out[("tool", id(a))] = a.text()
    for a in w.menuBar().actions():
        out[("menu", id(a))] = a.text()
    view = w.tabs.currentWidget().findChildren(pg.GraphicsView)
    for v in view:
        for item in v.scene().items():
            if isinstance(item, pg.PlotItem) and item.titleLabel.text:
                out[("plot", id(item))] = item.titleLabel.text
            if isinstance(item, pg.AxisItem) and item.labelText:
                out[("axis", id(item))] = item.labelText
    return out


def english_words(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>|&\w+;", " ", text)
    return [t for t in re.findall(r"[A-Za-z_]{4,}", text) if t.lower() not in KEEP]


@pytest.fixture
def english_after():
    yield
    i18n.set_language("en")


def test_every_visible_text_changes_with_the_language(window, qtbot, english_after):
    window.show()
    window.load_preset("act-relu-compare")
    qtbot.waitUntil(lambda: all(h.layers is not None for h in window.histories), timeout=10000)
    window.draw_all()
    before = visible_texts(window)
    window.presentation.set_language("zh_CN")
    QApplication.processEvents()
    after = visible_texts(window)
    unchanged = {k: t for k, t in before.items() if after.get(k) == t and english_words(t)}
    assert not unchanged, f"still in English after the switch: {sorted(unchanged.values())}"
    chinese = [t for t in after.values() if CJK.search(t)]
    assert len(chinese) > 60
    # and the explanation beside the plots
    assert CJK.search(window.explanation.title.text())
    assert CJK.search(window.explanation.text.text())
    window.presentation.set_language("en")
    QApplication.processEvents()
    back = visible_texts(window)
    assert {k: t for k, t in back.items() if CJK.search(t)} == {}
    assert sum(back.get(k) == t for k, t in before.items()) >= 0.95 * len(before)


def test_starting_in_chinese_shows_engine_texts_in_chinese(qtbot, english_after):
    from initviz.ui.main_window import MainWindow
    i18n.set_language("zh_CN")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    texts = visible_texts(w)
    leftovers = sorted({t for t in texts.values() if english_words(t)})
    assert not leftovers, leftovers
    scheme_box = w.panel.widgets["init.scheme"]
    assert all(CJK.search(scheme_box.itemText(i)) or not english_words(scheme_box.itemText(i))
               for i in range(scheme_box.count()))
    w.close()


def test_every_message_has_a_chinese_translation():
    root = ET.parse(TS).getroot()
    missing, bad_fields = [], []
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            src = m.findtext("source") or ""
            tr = m.find("translation")
            text = (tr.text or "").strip()
            if not text or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                missing.append(f"[{ctx.findtext('name')}] {src[:60]}")
            elif sorted(re.findall(r"\{\d[^}]*\}", src)) != sorted(re.findall(r"\{\d[^}]*\}",
                                                                               text)):
                bad_fields.append(f"[{ctx.findtext('name')}] {src[:60]}")
    assert not missing, f"{len(missing)} without a translation: {missing[:20]}"
    assert not bad_fields, f"placeholders differ from the source: {bad_fields}"


def translation_tool():
    import importlib.util
    from pathlib import Path
    tool = Path(__file__).resolve().parents[2] / "tools" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", tool)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_catalogue_is_up_to_date_with_the_code():
    problems = translation_tool().check([TS])
    assert not problems, ("run `python tools/update_translations.py` and translate the new "
                          "strings in resources/translations/initviz_zh_CN.ts:\n" +
                          "\n".join(problems))


def test_the_catalogues_are_built_by_the_build_not_by_the_app(tmp_path, monkeypatch, capsys,
                                                              english_after):
    import os
    import shutil
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = folder / TS.name
    shutil.copy(TS, ts)
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    assert i18n.qm_path("zh_CN") is None                     # the app builds nothing
    assert i18n.set_language("zh_CN") == "en"
    assert "update_translations.py --release" in capsys.readouterr().err
    release = translation_tool().release
    qm = folder / "initviz_zh_CN.qm"
    assert release([ts], only_stale=True) == [qm] and qm.stat().st_size > 1000
    assert release([ts], only_stale=True) == []              # up to date: nothing to do
    os.utime(qm, (1, 1))                                     # older than the .ts: stale
    assert release([ts], only_stale=True) == [qm]
    assert i18n.set_language("zh_CN") == "zh_CN"


def test_the_bundled_font_has_the_chinese_glyphs():
    from PySide6.QtGui import QFont, QFontMetrics
    families = i18n.load_fonts()
    assert families
    metrics = QFontMetrics(QFont(families[0], 12))
    assert all(metrics.inFontUcs4(ord(c)) for c in "初始化权重激活梯度训练")


def test_latin_punctuation_keeps_the_latin_face_after_the_cjk_fallback(qapp):
    """With the CJK face after the alias "Sans Serif", Qt set “ ” in the wide Chinese glyphs
    (presentation mode: “Run sweep” with a gap on either side)."""
    from PySide6.QtGui import QFontMetrics
    from initviz.ui import i18n
    if not i18n.load_fonts():
        pytest.skip("the bundled CJK font is missing")
    base = qapp.font()
    font = i18n.with_cjk_fallback(base)
    assert QFontMetrics(font).horizontalAdvance("“A”") == \
        QFontMetrics(base).horizontalAdvance("“A”")
    assert QFontMetrics(font).horizontalAdvance("初始化") > 0


def test_the_spread_of_a_scheme_without_formula_is_said_in_chinese(qtbot, english_after):
    """rbm-pretraining's starts have no closed form: the panel gives their spread, "mean 0,
    σ = 0.01", which stayed English in Chinese (fix10a's note)."""
    from initviz.ui.main_window import MainWindow
    i18n.set_language("zh_CN")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.load_preset("rbm-pretraining", run=False)
    text = w.explanation.runs.text()          # "The starts compared"
    assert "均值 0，σ = 0.01" in text
    assert not english_words(text), english_words(text)
    w.close()
