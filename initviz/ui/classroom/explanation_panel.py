"""The words beside the plots, as a lesson step shows them: the question, the take-away, what
to look at, and each compared start with its formula and this network's numbers. The take-away
comes second so that it is above the fold at 1280 × 720, in a window as on a projector (after
what to look at and the starts it was below it in 24 of 30 presets)."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from initviz.engine import initializers

from ..i18n import data_text, engine_text, run_label
from ..look.palette import Palette


def layer_shapes(config, run: int) -> list[tuple[int, int, int, int]]:
    """(first layer, last layer, fan in, fan out) of each stretch of layers of one shape,
    the output layer included: [(1, 5, 100, 100), (6, 6, 100, 10)]."""
    net = config.run_network(run)
    data = config.data
    fan_in = {"normal": data.features, "flower": 2, "mnist": 784}[data.name]
    if data.name == "mnist":
        n_out = 10
    elif data.name == "flower":
        n_out = 1 if net.output == "sigmoid" else 2
    else:
        n_out = data.classes if net.output == "softmax" else 1
    out: list[list[int]] = []
    for i, width in enumerate((*net.widths, n_out), start=1):
        if out and (out[-1][2], out[-1][3]) == (fan_in, width):
            out[-1][1] = i
        else:
            out.append([i, i, fan_in, width])
        fan_in = width
    return [tuple(s) for s in out]


# Schemes that preset labels call "Xavier": Glorot and Bengio's forward condition, Var = 1/n_in
FAN_IN_XAVIER = ("lecun_normal", "lecun_uniform")


def gain_text(gain: float) -> str:
    """" × √1.6" for a scheme drawn with gain √1.6 ("σ_w² = 1.6 · LeCun normal" named a
    scheme whose σ is √1.6 times LeCun's, review 7), " × 1.3" for a gain whose square is not
    round, "" for gain 1."""
    if abs(gain - 1.0) < 1e-9:
        return ""
    square = gain * gain
    if abs(gain - round(gain, 2)) > 1e-6 and abs(square - round(square, 3)) < 1e-4:
        return f" × √{round(square, 3):g}"
    return f" × {gain:g}"


class ExplanationPanel(QScrollArea):
    MAX_SHAPES = 3      # more shapes than this would bury the take-away

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)

        def label(name: str = "", rich: bool = False) -> QLabel:
            w = QLabel()
            w.setWordWrap(True)
            w.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
            w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            if name:
                w.setObjectName(name)
            layout.addWidget(w)
            return w

        self.step = label("muted")         # "Lesson: experiment 3 of 35"
        self.step.hide()
        self.title = label("explanationTitle")
        self.question_heading = label("explanationHeading")
        self.question = label()
        self.takeaway_heading = label("explanationHeading")
        self.takeaway = label("takeaway")
        self.look_heading = label("explanationHeading")
        self.look = label()
        self.runs_heading = label("explanationHeading")
        self.runs = label(rich=True)
        self.data = label("muted")
        layout.addStretch(1)
        self.setWidget(body)
        self._preset = None
        self._config = None
        self._data = ""
        self.show_preset(None)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()

    def retranslate(self) -> None:
        step = self.step.text()           # the presentation controller words it again
        self.show_preset(self._preset)
        self.set_step(step)
        if self._config is not None:
            self.show_runs(self._config)
        description, self._data = self._data, None
        self.show_data(description)

    @property
    def text(self) -> QLabel:
        """The first paragraph (the question, or the hint for one's own experiment)."""
        return self.question

    def parts(self) -> dict[str, str]:
        """What the panel shows, by part (empty parts left out): for tests and exports."""
        out = {"title": self.title.text()}
        for name in ("question", "look", "takeaway"):
            w = getattr(self, name)
            if w.isVisibleTo(self) and w.text():
                out[name] = w.text()
        return out

    def _headings(self) -> None:
        self.question_heading.setText(self.tr("The question"))
        self.look_heading.setText(self.tr("What to look at"))
        self.runs_heading.setText(self.tr("The starts compared"))
        self.takeaway_heading.setText(self.tr("Take-away"))

    def set_step(self, text: str) -> None:
        """Where the lesson is (the presentation controller sets it on Right/Left)."""
        self.step.setText(text)
        self.step.setVisible(bool(text))

    def show_preset(self, preset) -> None:
        self._preset = preset
        self.set_step("")
        self._headings()
        own = preset is None
        for w in (self.question_heading, self.look_heading, self.look,
                  self.takeaway_heading, self.takeaway):
            w.setVisible(not own)
        if own:
            self.title.setText(self.tr("Your own experiment"))
            self.question.setText(self.tr("Choose an experiment on the left, or change any "
                                          "setting: without training, the plots follow every "
                                          "change."))
            return
        self.title.setText(engine_text("presets", preset.title))
        self.question.setText(engine_text("presets", preset.question))
        self.look.setText(engine_text("presets", preset.look))
        self.takeaway.setText(engine_text("presets", preset.takeaway))

    def show_runs(self, config) -> None:
        """The runs with their colours, the scheme's formula and its numbers for each shape
        of layer in this network (σ = √(2/100) = 0.141)."""
        self._config = config
        self._headings()
        rows = []
        for i, run in enumerate(config.runs):
            scheme = initializers.SCHEMES[run.init.scheme]
            title = engine_text("schemes", scheme.title)
            shapes = layer_shapes(config, i)
            found = []
            for first, last, n_in, n_out in shapes:
                try:
                    numbers = initializers.describe(
                        run.init, n_in, n_out, short=True,
                        translate=lambda t: engine_text("schemes", t))
                    # no line break inside "|W|" nor after "/" ("a = 1/" ⏎ "√256")
                    numbers = numbers.replace("|", "|\u2060").replace("/", "/\u2060")
                except Exception:  # data-dependent schemes (LSUV) have no closed form
                    break
                found.append((first, last, n_in, n_out, numbers))
            if found and len({f[4] for f in found}) == 1:     # the same for every layer
                lines = [self.tr("every layer: {0}").format(html.escape(found[0][4]))]
            else:
                lines = []
                for first, last, n_in, n_out, numbers in found[:self.MAX_SHAPES]:
                    where = (self.tr("layer {0}").format(first) if first == last else
                             self.tr("layers {0}–{1}").format(first, last))
                    lines.append(f"{where} ({n_in} → {n_out}): {html.escape(numbers)}")
                if len(found) > self.MAX_SHAPES:
                    lines.append("…")
            if not lines:   # no closed form (LSUV): the scheme's general formula
                lines = [html.escape(engine_text("schemes", scheme.formula))]
            name = html.escape(run_label(run.label) if run.label else title)
            if run.label and run.label != title:
                name += f" <span style='font-weight:normal'>· {html.escape(title)}" \
                        f"{html.escape(gain_text(run.init.gain))}</span>"
                if run.init.scheme in FAN_IN_XAVIER and "Xavier" in run.label:
                    # a student asked why "Xavier" reads LeCun here
                    name += ("<br>&nbsp;&nbsp;<i style='font-weight:normal'>" + html.escape(
                        self.tr("Xavier's rule for the forward pass alone (Var = 1/n_in), "
                                "which LeCun gave first")) + "</i>")
            rows.append(
                f"<p style='margin:3px 0'><span style='color:{Palette.hex(i)}'>■</span> "
                f"<b>{name}</b>" + "".join(f"<br>&nbsp;&nbsp;{line}" for line in lines) + "</p>")
        self.runs.setText("".join(rows))

    def show_data(self, description: str) -> None:
        if description == self._data:       # called at every frame
            return
        self._data = description
        self.data.setText(self.tr("Data: {0}").format(data_text(description))
                          if description else "")
