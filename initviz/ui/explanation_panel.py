"""The words beside the plots: the preset's question and what to look at, and the runs being
compared with their formulas and colours."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from initviz.engine import initializers

from .i18n import engine_text
from .lesson import formula_with_numbers
from .palette import Palette


class ExplanationPanel(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        self.title = QLabel()
        self.title.setObjectName("explanationTitle")
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.runs = QLabel()
        self.runs.setWordWrap(True)
        self.runs.setTextFormat(Qt.TextFormat.RichText)
        self.data = QLabel()
        self.data.setWordWrap(True)
        self.data.setObjectName("muted")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        for w in (self.title, self.text, self.runs, self.data):
            w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(w)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_preset(None)

    def show_preset(self, preset) -> None:
        if preset is None:
            self.title.setText(self.tr("Your own experiment"))
            self.text.setText(self.tr("Choose an experiment on the left, or change any setting: "
                                      "without training, the plots follow every change."))
        else:
            self.title.setText(engine_text("presets", preset.title))
            self.text.setText(engine_text("presets", preset.explanation))

    def show_runs(self, config) -> None:
        """The runs with their colours and the layer-1 formula with numbers."""
        fan_in = {"normal": config.data.features, "flower": 2, "mnist": 784}[config.data.name]
        rows = []
        for i, run in enumerate(config.runs):
            widths = config.run_network(i).widths
            scheme = initializers.SCHEMES[run.init.scheme]
            try:
                numbers = formula_with_numbers(run.init, fan_in, widths[0]) or \
                    initializers.describe(run.init, fan_in, widths[0])
            except Exception:  # data-dependent schemes have no closed form
                numbers = engine_text("schemes", scheme.formula)
            title = engine_text("schemes", scheme.title)
            rows.append(
                f"<p style='margin:6px 0'><span style='color:{Palette.hex(i)};font-size:20pt'>"
                f"■</span> <b>{html.escape(run.label or title)}</b><br>"
                f"<span>{html.escape(title)}: "
                f"{html.escape(engine_text('schemes', scheme.formula))}<br>"
                + self.tr("layer 1: {0}").format(html.escape(numbers)) + "</span></p>")
        self.runs.setText("".join(rows))

    def show_data(self, description: str) -> None:
        self.data.setText(self.tr("Data: {0}").format(description) if description else "")
