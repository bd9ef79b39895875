"""Presentation mode on a 1280 × 720 projector: every lesson step shows its take-away without
scrolling, in every language, and the thicker presentation lines leave the dashed prediction and
validation lines visible.

The offscreen platform has one 800 × 800 screen, so a full-screen window cannot be 1280 × 720
there: the test presents, gives the window the projector's size, and lets the window's screen
report 720 lines so that the type follows a 720-line screen as it would on the projector."""
import pytest
from helpers import histories
import numpy as np
from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from initviz.engine import presets as catalogue
from initviz.engine.config import merge
from initviz.engine.runner import run_experiment
from initviz.ui import i18n
from initviz.ui.main_window import MainWindow

WIDTH, HEIGHT = 1280, 720


class Projector:
    def geometry(self):
        return QRect(0, 0, WIDTH, HEIGHT)


def on_projector(qtbot, monkeypatch) -> MainWindow:
    """A shown window whose screen is the 1280 × 720 projector; runs do not start (the
    tests that use it look at words and layout)."""
    monkeypatch.setattr(MainWindow, "start", lambda self, config: None)
    w = MainWindow()
    qtbot.addWidget(w)
    monkeypatch.setattr(w, "screen", lambda: Projector())
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def presenting(qtbot, monkeypatch):
    w = on_projector(qtbot, monkeypatch)
    w.presentation.set_presenting(True)
    w.showNormal()              # the offscreen screen is smaller than the projector
    w.resize(WIDTH, HEIGHT)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (WIDTH, HEIGHT))
    w.presentation.fit_columns()
    yield w
    w.presentation.set_presenting(False)
    if i18n.current_language() != "en":
        w.presentation.set_language("en")
    i18n.set_language("en")
    w.controller.shutdown()


def takeaway_hidden_by(w, part: str = "takeaway") -> int:
    """Pixels of the take-away (or of the explanation's ``part``: "look", What to look at)
    below the bottom of the explanation's view (0: all of it shows), with the view scrolled to
    the top, as a lesson step opens."""
    panel = w.explanation
    QApplication.processEvents()
    assert panel.verticalScrollBar().value() == 0
    label = getattr(panel, part)
    assert label.isVisibleTo(panel) and label.text()
    bottom = label.mapTo(panel.viewport(), label.rect().bottomLeft()).y()
    return max(0, bottom - panel.viewport().height())


@pytest.mark.parametrize("path", ["lesson", "direct"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_takeaway_is_on_screen_without_scrolling(presenting, language, path):
    """The take-away and "What to look at" below it (cut at the bottom in three presets,
    review 8). Through the lesson (→ from one preset to the next) and loaded directly, as
    `initviz --preset KEY --presentation` and the preset menu load one."""
    w = presenting
    p = w.presentation
    if language != "en":
        p.set_language(language)
    assert p.presenting and p.effective_scale == pytest.approx(p.scale * HEIGHT / 1080)
    cut = {}
    for key in catalogue.PRESETS:          # the whole catalogue is the default lesson
        if path == "lesson":
            p.next_preset()
            assert w.explanation.step.isVisibleTo(w.explanation)  # "Lesson: experiment k of n"
        else:
            w.load_preset(key)
        assert w.preset_key == key
        hidden = takeaway_hidden_by(w), takeaway_hidden_by(w, "look")
        if any(hidden):
            cut[key] = hidden
    assert not cut, f"(take-away, what to look at) below the fold by these pixels: {cut}"


def _has_data(item) -> bool:
    x = item.getData()[0]
    return x is not None and len(x) > 0


def _dashes_on_top(plot) -> list[str]:
    """What hides a dashed curve in ``plot``: a solid curve of the same run (same hue) drawn
    above it, or opaque, with a pen wider than the dashes'."""
    items = [i for i in plot.listDataItems() if i.opts.get("pen") is not None
             and _has_data(i)]                     # not a spare run's empty items
    pen = {i: i.opts["pen"] if hasattr(i.opts["pen"], "style") else None for i in items}
    dashed = [i for i in items if pen[i] is not None and pen[i].style() in
              (Qt.PenStyle.DashLine, Qt.PenStyle.CustomDashLine)]      # with a dash offset
    problems = []
    for d in dashed:
        hue = pen[d].color().hsvHue()
        for s in items:
            p = pen[s]
            if s is d or p is None or p.style() != Qt.PenStyle.SolidLine or \
                    p.color().hsvHue() != hue:
                continue
            if s.zValue() >= d.zValue():
                problems.append(f"solid above dashed (hue {hue})")
            # in the dashes' own colour, wider and opaque, it fills their gaps (a pale line
            # of the same hue under them leaves the dashes apart)
            if p.widthF() > pen[d].widthF() and p.color().rgba() == pen[d].color().rgba():
                problems.append(f"wider solid of the dashes' colour under them (hue {hue})")
        widest = max((pen[s].widthF() for s in items if pen[s] is not None and s is not d
                      and pen[s].style() == Qt.PenStyle.SolidLine
                      and pen[s].color().hsvHue() == hue), default=None)
        if widest is not None and pen[d].widthF() >= widest:
            # as wide as the line it lies on, an agreeing prediction vanished into it
            # (glorot-activations: faint dots inside the thick measured lines)
            problems.append(f"dashes as wide as their solid line (hue {hue})")
    # Two runs' dashes that coincide (mnist-general-rule's validation losses) alternate in
    # colour: successive runs' dashes start half a period apart.
    offsets = [pen[d].dashOffset() for d in dashed]
    if len(offsets) >= 2 and len(set(offsets)) < 2:
        problems.append(f"every run's dashes in the same phase: {offsets}")
    assert dashed, "no dashed curve drawn"
    return problems


def test_presentation_lines_leave_the_dashes_visible(window, qtbot):
    """Depth: the predicted spread dashed on the measured one; Loss: the validation loss dashed
    on the training loss. The thicker presentation lines must not cover the dashes."""
    w = window
    w.show()
    qtbot.waitExposed(w)
    w.presentation.set_presenting(True)
    try:
        for key, tab, plot in (("act-relu-compare", "depth", "act_plot"),
                               ("glorot-activations", "depth", "act_plot"),
                               ("finite-width", "depth", "act_plot"),
                               ("mnist-general-rule", "loss", "whole")):
            w.load_preset(key, run=False)
            # A short run is enough for a few validation points (the preset trains 858 steps).
            steps = 60 if tab == "loss" else 0
            short = merge(w.panel.config(), {"train": {"steps": steps, "eval_every": 20}})
            w.panel.set_config(short)
            with qtbot.waitSignal(w.controller.run_finished, timeout=60000):
                w.run()
            w.show_pane(tab)
            w.draw_all()
            w.presentation.restyle_plots(force=True)
            assert w.presentation.line_scale > 1
            assert _dashes_on_top(getattr(w.panes[tab], plot)) == [], key
            if key == "finite-width":   # review 17: band edges as wide read as the data line
                for items in w.panes[tab].run_items():
                    measured = items["act"].opts["pen"].widthF()
                    for edge in ("low", "high"):
                        assert items[edge].opts["pen"].widthF() < measured / 3, edge
    finally:
        w.presentation.set_presenting(False)


def header_texts_fit(table) -> list:
    """The header sections whose text (each of its lines) is wider than the section, or
    that reach past the table's viewport."""
    header, view = table.horizontalHeader(), table.viewport().width()
    metrics = header.fontMetrics()
    bad = []
    for c in range(table.columnCount()):
        text = table.horizontalHeaderItem(c).text()
        wide = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
        if wide > header.sectionSize(c) or \
                header.sectionViewportPosition(c) + header.sectionSize(c) > view:
            bad.append((c, text, wide, header.sectionSize(c)))
    return bad


def sigmas_over_bars(pane) -> list:
    """The σ labels whose bottom lies below the top of their histogram's tallest bar."""
    bad = []
    for p, curve, text in pane.plots():
        x, y = curve.getData()
        top = p.vb.mapViewToScene(QPointF(float(x[0]), float(np.max(y)))).y()
        if text.mapRectToScene(text.boundingRect()).bottom() > top + 1:
            bad.append(text.toPlainText())
    return bad


def test_schemes_tab_shows_its_table_and_readable_sigmas(presenting, qtbot):
    """distributions' text names the Schemes tab "each with its formula and σ": at 1280 × 720
    presentation the header read "rmula with these numbe", three of the sixteen rows showed
    under histograms 25 px tall with σ printed over them. The table now has the pane (the
    histograms are a click away), every header fits its section, and seven rows or more
    show, their formulas whole (on up to three lines). Shown, the histograms keep σ readable."""
    w = presenting
    w.load_preset("distributions")
    w.show_pane("schemes")
    w.presentation.restyle_plots(force=True)
    pane = w.panes["schemes"]
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)
    assert not pane.plots_box.isChecked() and not pane.view.isVisible()
    assert header_texts_fit(pane.table) == []
    assert pane.table_rows_shown() >= 7, pane.table_rows_shown()
    t = pane.table
    for r in range(t.rowCount()):          # whole formulas: wrapped, never elided
        assert "…" not in t.item(r, 1).text() and t.item(r, 1).toolTip()
    assert "…" not in "".join(t.horizontalHeaderItem(c).text() for c in range(4))

    pane.set_plots_shown(True)             # the teacher asks for the histograms
    QApplication.processEvents()
    assert pane.view.isVisible() and pane.table_rows_shown() >= 3

    def inside(plot, text):                 # the σ label inside its plot, whole
        box = text.mapRectToScene(text.boundingRect())
        return plot.vb.mapRectToScene(plot.vb.boundingRect()).adjusted(-1, -1, 1, 1).contains(box)
    qtbot.waitUntil(lambda: all(inside(p, text) for p, _, text in pane.plots()), timeout=3000)
    assert header_texts_fit(pane.table) == []
    assert sigmas_over_bars(pane) == []
    for _, curve, text in pane.plots():
        assert text.fill.color().alpha() >= 200            # on a background
        assert text.zValue() > curve.zValue()              # above the outline


def test_schemes_sigmas_stand_above_the_bars_at_1600_by_1000(qtbot, monkeypatch):
    """In a 1600 × 1000 window the histograms show by default, each σ label above the
    tallest bar of its histogram (not printed over the curve), and the headers fit."""
    monkeypatch.setattr(MainWindow, "start", lambda self, config: None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.resize(1600, 1000)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (1600, 1000))
    try:
        w.load_preset("distributions")
        w.show_pane("schemes")
        pane = w.panes["schemes"]
        for _ in range(3):
            QApplication.processEvents()
            qtbot.wait(20)
        assert pane.plots_box.isChecked() and pane.view.isVisible()
        assert header_texts_fit(pane.table) == []
        assert sigmas_over_bars(pane) == []
    finally:
        w.controller.shutdown()


def test_takeaway_on_screen_in_normal_mode(qtbot, monkeypatch):
    """Not presenting, at 1280 × 720 and 1600 × 1000: the take-away above the fold of the
    lesson panel for every preset (after what to look at and the starts compared, it was
    below it in 24 of 30 at 1280 × 720). One window, words only."""
    monkeypatch.setattr(MainWindow, "start", lambda self, config: None)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    try:
        for size in ((1280, 720), (1600, 1000)):
            w.resize(*size)
            qtbot.waitUntil(lambda: (w.width(), w.height()) == size)
            cut = {}
            for key in catalogue.PRESETS:
                w.load_preset(key)
                hidden = takeaway_hidden_by(w)
                if hidden:
                    cut[key] = hidden
            assert not cut, (size, cut)
    finally:
        w.controller.shutdown()


@pytest.mark.parametrize("key", ["xavier-gain-table", "activation-compare"])
def test_rows_keep_their_height_in_presentation(presenting, qtbot, key):
    """The Gradients tab of six runs, a row per run, on a 1280 × 720 projector: the legend's
    lines took the height and left rows of about 20 px (xavier-gain-table: 49 px here before
    the legend gave way to the rows' own names, 56 px now). Each row's plot nearly holds a
    mirrored axis' "5", "0" and "5": 2.75 tick labels. activation-compare's title ran to two
    lines and the rows scrolled (review 17b). The runs are computed in this process (steps 0),
    as the window's worker would."""
    w = presenting
    w.load_preset(key)
    config = merge(w.panel.config(), {"data": {"source": "bundled"}})
    w.show_pane("gradients")
    pane = w.panes["gradients"]
    hs = histories(*run_experiment(config, snapshot_seconds=1e9))
    pane.draw(hs)
    w.presentation.restyle_plots(force=True)
    QApplication.processEvents()
    pane.draw(hs)       # as the window's frame after a run finishes: the notes settle
    QApplication.processEvents()
    assert pane.rows_shown()
    heights = [p.geometry().height() for p in pane.plots() if p.isVisible()]   # 2 px: frame
    label = QFontMetrics(pane.plots()[0].getAxis("left").style["tickFont"]).height()
    assert len(heights) >= 6 and min(heights) >= round(2.75 * label), (min(heights), label)
    # six rows fit whole: no scrolling, the x axis' decades in view (more rows would scroll)
    assert pane.scroll.verticalScrollBar().maximum() == 0
    assert pane.title.height() < 1.5 * QFontMetrics(pane.title.font()).lineSpacing()  # 1 line
    # every run's name in one type size: longer lines before smaller type ("×4" rows)
    sizes = {pane.view.ci.getItem(r + 1, 0).shown()[1] for r in range(6)}
    assert len(sizes) == 1, sizes
    # The share labels of the six rows: the top share alone in a row too short for "5 0 5"
    # (review 8 read "5 / 5" a row, each lower "5" against the next row's upper one), and
    # the labels of the whole column apart by more than a label's height.
    ys = []
    for plot in (p for p in pane.plots() if p.isVisible() and p.getAxis("left").isVisible()):
        axis, (lo, hi) = plot.getAxis("left"), plot.vb.viewRange()[1]
        shares = [v for spacing, vs in axis.tickValues(lo, hi, axis.height()) if spacing
                  for v in vs]
        assert len(shares) in (1, 3) and max(shares) > 0, shares
        if len(shares) == 1:
            assert plot.vb.height() < 3.4 * label, (shares, plot.vb.height())
        ys += [plot.vb.mapViewToScene(QPointF(0, v)).y() for v in shares]
    ys.sort()
    assert min(b - a for a, b in zip(ys, ys[1:])) >= 1.2 * label, (ys, label)


def test_histogram_notes_follow_the_presentation_type(presenting, qtbot):
    """act-relu-compare at 1280 × 720 presentation: the "▲ 49 %" notes were 12-point type
    beside 18-point axes, stacked over "zeros 51 %" (review 7). Notes are now in the axes'
    type (0.8 of it at the least), whole inside their plots, and zeros alike in every run
    are said once on the key line. (The type set larger, as on a 1000-line screen.)"""
    w = presenting
    w.presentation.set_scale(2.0)
    w.load_preset("act-relu-compare")
    config = merge(w.panel.config(), {"data": {"source": "bundled"}, "train": {"steps": 0}})
    w.show_pane("activations")
    pane = w.panes["activations"]
    hs = histories(*(s for s in run_experiment(config, snapshot_seconds=1e9)
                     if s.layers is not None))
    pane.draw(hs)
    w.presentation.restyle_plots(force=True)
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)
        pane.draw(hs)
    pane.grab()
    notes = pane.notes()
    assert notes
    for plot, note in notes:
        axis = plot.getAxis("bottom").style["tickFont"].pointSizeF()
        assert axis > 14                                   # presentation type
        assert note.textItem.font().pointSizeF() >= 0.8 * axis - 0.01, note.textItem.toPlainText()
        inside = plot.vb.sceneBoundingRect().adjusted(-1, -1, 1, 1)
        assert inside.contains(note.sceneBoundingRect()), note.textItem.toPlainText()
    key = pane.legend.text().replace("&nbsp;", " ")
    assert "every run" in key and key.count("(layers") + key.count("(every layer") == 1, key
