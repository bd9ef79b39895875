"""A pane's legend: runs in their colours, notes after them, broken into lines only where a
reader expects a break."""
from PySide6.QtGui import QTextDocument

from initviz.ui.panes.pane import legend_html


def test_a_legend_line_breaks_between_runs_or_inside_a_note_never_inside_a_run_name(qtbot):
    """act-relu-compare's Depth legend read "Xavier N(0, 1/" ⏎ "√n) (saturated and …)"."""
    labels = ["N(0, 0.01)", "Xavier N(0, 1/√n)", "He N(0, √(2/n))"]
    note = "saturated and dead shares ≈ N(0, 0.01)'s: drawn thinner, on top"
    html = legend_html(labels, {1: note, 2: note})
    broke_note = False
    for width in range(250, 900, 10):     # (narrower than a name, any break will do)
        doc = QTextDocument()
        doc.setHtml(html)
        doc.setTextWidth(width)
        doc.size()                # lays the lines out
        block, lines = doc.begin(), []
        while block.isValid():
            layout, text = block.layout(), block.text()
            lines += [text[layout.lineAt(k).textStart():layout.lineAt(k).textStart() +
                           layout.lineAt(k).textLength()] for k in range(layout.lineCount())]
            block = block.next()
        plain = [line.replace("\u00a0", " ").replace("\u2060", "") for line in lines]
        for label in labels:
            assert any(label in line for line in plain), (width, label, plain)
        broke_note |= len(plain) > 3
    assert broke_note          # narrow legends do break, inside the notes


def test_the_key_line_never_breaks_inside_log10_x(qtbot):
    """residual-deep's Gradients header broke as "log₁₀|" ⏎ "x| axis" (review 5 and 6)."""
    from initviz.ui.panes.pane import LegendLabel
    legend = LegendLabel()
    qtbot.addWidget(legend)
    key = ("exact zeros (in no bar): residual 12–44 % (layers 21, 30, 40, 50); log₁₀|x| axis: "
           "positive values above the line, negative below")
    legend.show_runs(["plain", "residual"], {}, key)
    broke = False
    for width in range(150, 700, 5):
        doc = QTextDocument()
        doc.setHtml(legend.text())
        doc.setTextWidth(width)
        doc.size()
        block, lines = doc.begin(), []
        while block.isValid():
            layout, text = block.layout(), block.text()
            lines += [text[layout.lineAt(k).textStart():layout.lineAt(k).textStart() +
                           layout.lineAt(k).textLength()].replace("\u2060", "")
                      for k in range(layout.lineCount())]
            block = block.next()
        assert any("log₁₀|x|" in line for line in lines), (width, lines)
        broke |= len(lines) > 3
    assert broke


def test_a_note_that_explains_is_in_the_texts_colour_and_trouble_in_red(qtbot):
    """Review 13 read the red "≈ Xavier: drawn thinner, on top" of eight presets as errors:
    only trouble (a run diverged, values overflowed) is red."""
    import re

    from initviz.ui.panes.pane import Info, note_colour
    html = legend_html(["a", "b", "c"], {1: Info("≈ a: drawn thinner, on top"),
                                         2: "diverged at step 4"})
    red = f"color:{note_colour()}"
    spans = dict((m.group(2), m.group(1)) for m in re.finditer(
        r"<span style='font-size:[\d.]+pt;([^']*)'>&nbsp;\(([^)]*)\)", html))
    assert spans == {"≈ a: drawn thinner, on top": "", "diverged at step 4": red}


def test_a_note_of_trouble_and_explanation_colours_each_part(qtbot):
    """exploding-clipping's Loss legend read "(diverged at step 4; ≈ no remedy: drawn thinner,
    on top)" all in red (review 14): the divergence is trouble, the rest explains."""
    import re

    from initviz.ui.panes.pane import Info, note_colour
    html = legend_html(["a", "b"], {1: ("diverged at step 4",
                                        Info("≈ a: drawn thinner, on top"))})
    red = f"color:{note_colour()}"
    parts = dict((m.group(2), m.group(1)) for m in re.finditer(
        r"<span style='([^']*)'>([^<]*)</span>", html) if "step" in m.group(2)
        or "thinner" in m.group(2))
    assert parts == {"diverged at step 4": red, "≈ a: drawn thinner, on top": ""}, html
    text = re.sub("<[^>]+>", "", html).replace("&nbsp;", " ")
    assert "b (diverged at step 4; ≈ a: drawn thinner, on top)" in text
