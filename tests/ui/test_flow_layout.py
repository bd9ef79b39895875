"""FlowLayout remembers heights by width only until its items change."""
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from initviz.ui.look.flow_layout import FlowLayout


def _row(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host, push_right=True)
    title, button = QLabel("Loss"), QPushButton("Log scale")
    layout.addWidget(title)
    layout.addWidget(button)
    return host, layout, title, button


def test_height_follows_a_longer_text_at_the_same_width(qtbot):
    host, layout, title, button = _row(qtbot)
    width = title.sizeHint().width() + button.sizeHint().width() + 40
    one_row = layout.heightForWidth(width)
    assert layout.rows(width) == [[0, 1]]
    title.setText("A much longer title " * 4)      # no longer fits beside the button
    assert layout.rows(width) == [[0], [1]]
    assert layout.heightForWidth(width) > one_row


def test_height_follows_added_and_hidden_items(qtbot):
    host, layout, title, button = _row(qtbot)
    width = 2000
    before = layout.heightForWidth(width)
    big = QPushButton("tall")
    big.setMinimumHeight(before + 50)
    layout.addWidget(big)
    assert layout.heightForWidth(width) >= before + 50
    big.hide()
    host.show()
    assert layout.heightForWidth(width) == before
