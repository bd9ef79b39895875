"""A lesson step: the question, what to look at, the formulas with this network's numbers and
the take-away, in both languages; the dialog that chooses and orders the lesson."""
import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from initviz.engine import presets as catalogue
from initviz.engine.config import ExperimentConfig, merge
from initviz.ui import i18n
from initviz.ui.classroom.lesson import Lesson, LessonDialog

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english_after():
    yield
    i18n.set_language("en")


def runs_text(window) -> str:
    """"The starts compared" as read: without the word joiners that keep "|W|" and "1/√n"
    on one line."""
    return window.explanation.runs.text().replace("\u2060", "")


def test_a_lesson_step_shows_its_four_parts(window, qtbot):
    keys = list(catalogue.PRESETS)
    window.presentation.lesson = Lesson([])           # the whole catalogue
    window.presentation.next_preset()
    assert window.preset_key == keys[0]
    window.presentation.next_preset()
    p = catalogue.PRESETS[keys[1]]
    panel = window.explanation
    assert panel.parts() == {"title": p.title, "question": p.question, "look": p.look,
                             "takeaway": p.takeaway}
    assert p.question.endswith("?")
    assert panel.step.isVisibleTo(panel)
    assert panel.step.text() == f"Lesson: experiment 2 of {len(keys)}"
    headings = [panel.question_heading, panel.look_heading, panel.runs_heading,
                panel.takeaway_heading]
    assert [h.text() for h in headings] == ["The question", "What to look at",
                                            "The starts compared", "Take-away"]
    assert all(h.isVisibleTo(panel) for h in headings)


def test_the_formulas_carry_the_numbers_of_this_network(window):
    window.load_preset("act-relu-compare", run=False)
    text = runs_text(window)
    # He on 100 inputs everywhere (the output layer too): σ = √(2/100), said once
    assert text.count("every layer: σ = √(2/100) = 0.141") == 1
    he = merge(ExperimentConfig(), {
        "data": {"name": "mnist"}, "network": {"hidden": [256, 128, 128, 128]},
        "runs": [{"init": {"scheme": "kaiming_normal"}},
                 {"init": {"scheme": "xavier_normal"}}]})
    window.explanation.show_runs(he)
    text = runs_text(window)
    assert "layer 1 (784 → 256): σ = √(2/784) = 0.0505" in text
    assert "layer 2 (256 → 128): σ = √(2/256) = 0.0884" in text
    assert "layers 3–4 (128 → 128): σ = √(2/128) = 0.125" in text
    assert "layer 5 (128 → 10)" not in text and "…" in text   # three shapes, then "…"
    assert "layer 1 (784 → 256): σ = √(2/(784+256)) = 0.0439" in text
    window.load_preset("mnist-uniform-signs", run=False)
    text = runs_text(window)
    # a fixed range gives the same σ on every layer: said once
    assert text.count("every layer: σ = (1 − 0)/√12 = 0.289") == 1
    assert "every layer: σ = (1 − (−1))/√12 = 0.577" in text


def test_a_hand_picked_preset_leaves_the_lesson_counter(window):
    window.presentation.lesson = Lesson([])
    window.presentation.next_preset()
    assert window.explanation.step.isVisibleTo(window.explanation)
    window.load_preset("act-tanh-compare", run=False)
    assert not window.explanation.step.isVisibleTo(window.explanation)


def test_the_lesson_step_in_chinese(window, qtbot, english_after):
    window.presentation.lesson = Lesson([])
    window.presentation.next_preset()
    window.presentation.set_language("zh_CN")
    qtbot.waitUntil(lambda: CJK.search(window.explanation.question.text()) is not None)
    p = catalogue.PRESETS[window.preset_key]
    parts = window.explanation.parts()
    for name in ("title", "question", "look", "takeaway"):
        assert parts[name] == QCoreApplication.translate("presets", getattr(p, name))
        assert CJK.search(parts[name]), name
    assert CJK.search(window.explanation.step.text())
    assert CJK.search(window.explanation.takeaway_heading.text())
    # the data line too ("1,000 samples of …" is a template with numbers)
    window.explanation.show_data("1,000 samples of 100 standard-normal features")
    assert window.explanation.data.text() == "数据：1,000 个样本，每个有 100 个标准正态特征"


def test_every_preset_has_all_three_parts_in_chinese():
    from initviz import translations
    for p in catalogue.PRESETS.values():
        for part in (p.question, p.look, p.takeaway):
            zh = translations.translate("zh_CN", "presets", part)
            assert zh != part and CJK.search(zh), (p.key, part[:40])


def checked(dialog):
    return [dialog.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(dialog.list.count())
            if dialog.list.item(i).checkState() == Qt.CheckState.Checked]


def test_the_lesson_dialog_keeps_the_teachers_order(qtbot):
    keys = list(catalogue.PRESETS)
    dialog = LessonDialog([keys[5], keys[0]])
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(keys)
    first_two = [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(2)]
    assert first_two == [keys[5], keys[0]]
    assert checked(dialog) == [keys[5], keys[0]]
    assert dialog.keys() == [keys[5], keys[0]]
    # tick one more: it joins in the list's order
    dialog.list.item(2).setCheckState(Qt.CheckState.Checked)
    assert dialog.keys() == [keys[5], keys[0], dialog.list.item(2).data(Qt.ItemDataRole.UserRole)]
    # "Whole catalogue" ticks everything in the catalogue's order, which is stored as []
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Whole catalogue")
    button.click()
    assert checked(dialog) == keys
    assert dialog.keys() == []


def test_choosing_a_lesson_is_remembered(window, monkeypatch):
    keys = list(catalogue.PRESETS)

    def choose(dialog):
        for i in range(dialog.list.count()):
            item = dialog.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in (keys[7], keys[2])
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        return 1
    monkeypatch.setattr(LessonDialog, "exec", choose)
    p = window.presentation
    p.edit_lesson()
    assert p.lesson.keys == [keys[2], keys[7]]
    assert p.settings.get("lesson") == [keys[2], keys[7]]
    p.next_preset()
    assert window.preset_key == keys[2]
    assert window.explanation.step.text() == "Lesson: experiment 1 of 2"
    QApplication.processEvents()


def test_page_keys_scroll_the_explanation(window, qtbot):
    from PySide6.QtTest import QTest
    window.resize(900, 420)          # too little height for all of the words
    window.show()
    qtbot.waitExposed(window)
    window.load_preset("act-relu-compare", run=False)
    bar = window.explanation.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == 0
    window.tabs.setFocus()
    QTest.keyClick(window.tabs, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    QTest.keyClick(window.tabs, Qt.Key.Key_PageUp)
    assert bar.value() == 0


def test_the_schemes_tab_shows_every_scheme_for_the_layer_shape(window, qtbot):
    from initviz.engine.scheme_gallery import schemes
    window.show()
    qtbot.waitExposed(window)
    window.load_preset("distributions", run=False)
    pane = window.panes["schemes"]
    assert pane.shape() == (256, 256)              # the preset's layer
    window.tabs.setCurrentWidget(pane)             # the tab draws when shown
    qtbot.waitUntil(lambda: pane.table.rowCount() > 0)
    assert pane.table.rowCount() == len(schemes()) == len(pane.plots())
    row = schemes().index("kaiming_normal")
    assert pane.table.item(row, 1).text() == "σ = √(2/256) = 0.0884"
    assert float(pane.table.item(row, 3).text()) == pytest.approx(0.0884, rel=0.03)
    # every formula ends in the σ its "σ (formula)" column gives: the truncated N(0, 1) read
    # "σ = 1" beside 0.8796 (review 8)
    for r in range(pane.table.rowCount()):
        formula, sigma = pane.table.item(r, 1).text(), pane.table.item(r, 2).text()
        if formula.startswith("σ = "):
            end = formula.split(",")[0].split(" = ")[-1]
            assert float(end) == pytest.approx(float(sigma), rel=5e-3), (formula, sigma)
    # the schemes set by their numbers show the preset's runs: its U[−3, 3), not U[−1, 1)
    # (review 9), and the truncated normal says what 0.8796 is
    uniform, trunc = schemes().index("uniform"), schemes().index("trunc_normal")
    assert pane.plots()[uniform][0].titleLabel.text == "U[−3, 3)"
    assert pane.table.item(uniform, 1).text() == "σ = (3 − (−3))/√12 = 1.73"
    assert float(pane.table.item(uniform, 3).text()) == pytest.approx(1.732, rel=0.01)
    assert "0.8796: the std of N(0, 1) cut at ±2" in pane.table.item(trunc, 1).text()
    # the cut at ±2 inside the frame, not on it (review 18b)
    p, curve, _ = pane.plots()[trunc]
    lo, hi = p.vb.viewRange()[0]
    x, _ = curve.getData()
    assert lo < x[0] - 0.02 * (x[-1] - x[0]) and hi > x[-1] + 0.02 * (x[-1] - x[0])
    pane.fan_in.setValue(400)                      # typed by the teacher: redrawn at once
    assert pane.table.item(row, 1).text() == "σ = √(2/400) = 0.0707"
    header, rows = window.file_menu.exporter.table("schemes")
    assert header[0] == "scheme" and len(rows) == len(schemes())
    assert rows[row][:3] == ["kaiming_normal", 400, 256]


def _schemes_tab(window, qtbot):
    """The Schemes tab of the preset distributions, drawn (the tab draws when shown)."""
    window.show()
    qtbot.waitExposed(window)
    window.load_preset("distributions", run=False)
    pane = window.panes["schemes"]
    window.tabs.setCurrentWidget(pane)
    qtbot.waitUntil(lambda: pane.table.rowCount() > 0)
    return pane


def _luminance(c) -> float:
    def lin(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * lin(c.red()) + 0.7152 * lin(c.green()) + 0.0722 * lin(c.blue())


def test_the_schemes_tabs_sigmas_read_at_text_contrast(window, qtbot):
    """Review 15: the σ labels in each histogram's corner were in the plot's own colour; on
    white, five of the eight palette colours read below 4.5 to 1 (orange 2.25, sky blue
    2.31, pink 3.06). Each now reads at least 4.5 to 1 (WCAG's for normal text) against its
    box, over white."""
    from PySide6.QtGui import QColor
    pane = _schemes_tab(window, qtbot)
    for p, _, text in pane.plots():
        fill = text.fill.color()
        white = QColor("white")
        box = QColor(*(round(fill.alphaF() * getattr(fill, c)() + (1 - fill.alphaF()) *
                             getattr(white, c)()) for c in ("red", "green", "blue")))
        lo, hi = sorted((_luminance(text.color), _luminance(box)))
        assert (hi + 0.05) / (lo + 0.05) >= 4.5, (p.titleLabel.text, text.color.name())


def test_the_schemes_tabs_histograms_draw_no_line_along_0(window, qtbot):
    """Review 18: the Schemes tab's "zeros", "ones" and "constant 0.5" drew a 2 px line in
    their colour along the whole axis, beside one bar: its histograms now leave empty bins
    out, as the other panes' do. Looked for in the drawn pixels just above 0, left of the bar."""
    from PySide6.QtCore import QPointF
    pane = _schemes_tab(window, qtbot)
    pane.set_plots_shown(True)            # the offscreen screen is small: the table alone
    qtbot.waitUntil(pane.view.isVisible)
    qtbot.wait(50)
    image = pane.view.grab().toImage()
    ratio = image.devicePixelRatio()
    for i in range(3):                    # the constant schemes: one bar in an empty range
        p, curve, _ = pane.plots()[i]
        x, _ = curve.getData()
        left = p.vb.mapViewToScene(QPointF(float(x[0]), 0.0))
        bar = p.vb.mapViewToScene(QPointF(float(x[len(x) // 2 - 2]), 0.0))
        # the rows of 0 and just above (a 2 px line's); grid and axis lines are grey
        coloured = [image.pixelColor(round(c * ratio), round((left.y() + dy) * ratio))
                    for c in range(round(left.x()) + 3, round(bar.x()) - 3) for dy in (-1, 0)]
        assert coloured and not any(q.saturation() > 80 for q in coloured), i


def test_the_schemes_tab_in_chinese(window, qtbot, english_after):
    pane = _schemes_tab(window, qtbot)
    window.presentation.set_language("zh_CN")
    qtbot.waitUntil(lambda: CJK.search(pane.title.text()) is not None)
    qtbot.waitUntil(lambda: CJK.search(pane.table.horizontalHeaderItem(0).text()) is not None)
    headers = [pane.table.horizontalHeaderItem(c).text() for c in range(4)]
    assert all(CJK.search(h) for h in headers[:2]), headers
    row = [pane.table.item(0, c).text() for c in range(2)]
    assert CJK.search(row[0])                       # "全 0", the scheme's name
    titles = [p.titleLabel.text for p, _, _ in pane.plots()]
    assert sum(bool(CJK.search(t)) for t in titles) >= 10


def test_every_preset_shows_its_lesson_step_in_both_languages(window, english_after):
    """All 35 steps, as Right would show them (without training): the four parts in English,
    then in Chinese, with a formula line for every run."""
    for lang in ("en", "zh_CN"):
        i18n.set_language(lang)
        for key, p in catalogue.PRESETS.items():
            window.load_preset(key, run=False)
            parts = window.explanation.parts()
            assert set(parts) == {"title", "question", "look", "takeaway"}, key
            if lang == "zh_CN":
                assert all(CJK.search(t) for t in parts.values()), key
            runs = runs_text(window)
            assert runs.count("■") == len(p.config.runs), key
            assert window.panel.config() == p.config, key


def test_the_data_line_is_translated(qapp, english_after):
    """The data line is made from the engine's templates (drawn at every frame)."""
    i18n.set_language("zh_CN")
    assert i18n.data_text("bundled MNIST test set: 8,000 training / 2,000 validation images") \
        == "内置的 MNIST 测试集：8,000 张训练图像 / 2,000 张验证图像"
    assert i18n.data_text("two-class flower, 400 points") == "两类花瓣数据，400 个点"
    assert i18n.data_text("something else") == "something else"


def test_a_run_called_xavier_says_why_its_scheme_reads_lecun(window):
    """act-sigmoid-xavier's "Xavier N(0, 1/√n)" draws from LeCun normal: the panel says how
    the two names meet, so that a student does not read the label as a mistake."""
    window.load_preset("act-sigmoid-xavier", run=False)
    text = runs_text(window)
    assert "LeCun normal" in text and "Var = 1/n_in" in text
    window.load_preset("mnist-uniform-signs", run=False)   # no Xavier: no such note
    assert "Var = 1/n_in" not in runs_text(window)


@pytest.mark.parametrize("key,names", [
    ("relu-critical-line", ("σ_w² = 1.6", "LeCun normal × √1.6", "σ = √(1.6/784)",
                            "LeCun normal × √2", "LeCun normal × √2.5")),
    ("finite-width", ("width 32", "LeCun normal × √2")),
    ("edge-of-chaos-tanh", ("LeCun normal × √1.76",))])
def test_a_scheme_drawn_with_a_gain_is_named_with_it(window, key, names):
    """"σ_w² = 1.6 · LeCun normal" named a scheme whose σ is √1.6 times LeCun's (review 7):
    the scheme's name carries the gain, as the formula below it does."""
    window.load_preset(key, run=False)
    text = runs_text(window)
    for name in names:
        assert name in text, (name, text)
    assert "LeCun normal</span>" not in text          # never the bare name
