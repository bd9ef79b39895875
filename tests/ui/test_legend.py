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
