"""A histogram pane's title: its text, and the check boxes beside it (made, connected and
labelled here; what they do is the pane's). The texts are in the pane's context."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox


def make_boxes(pane) -> None:
    """The title row's boxes: At the start, (Pre-activation u,) log₁₀|x| axis, One range for
    all layers, Side by side."""
    pane.start_box = QCheckBox()        # step 0's histograms, however far it has trained
    pane.start_box.toggled.connect(pane.set_at_start)
    pane.axis_box = QCheckBox()
    pane.axis_box.toggled.connect(lambda on: pane.set_axis("magnitude" if on else "linear"))
    pane.shared_box = QCheckBox()
    pane.shared_box.toggled.connect(pane.set_shared)
    pane.side_box = QCheckBox()
    pane.side_box.clicked.connect(pane.set_side_by_side)
    boxes = [pane.start_box]
    if pane.kind == "activation":
        pane.pre_box = QCheckBox()
        pane.pre_box.toggled.connect(pane.set_preactivation)
        boxes.append(pane.pre_box)
    for box in boxes + [pane.axis_box, pane.shared_box, pane.side_box]:
        pane.title_row.addWidget(box)


def show_start_box(box, on: bool, histories=None) -> bool:
    """"At the start" enabled where a run trains, ticked as the pane's choice ``on``; disabled
    and ticked where runs are measured and none trains, when the start is all a pane shows
    (review 16: ticked on one tab, not on the next, for the same untrained networks). The
    runs are ``histories`` when given, else those of the last call. True if the box changed."""
    if histories is not None:
        trains = any(h.total_steps > 0 for h in histories)    # a probe is all start
        box.untrained = bool(histories) and not trains
    else:
        trains = box.isEnabled()
    shown = bool(on) or getattr(box, "untrained", False)
    if box.isEnabled() == trains and box.isChecked() == shown:
        return False
    box.setEnabled(trains)
    was = box.blockSignals(True)        # what the box shows, not the pane's choice
    box.setChecked(shown)
    box.blockSignals(was)
    return True


def label_boxes(pane) -> None:
    """The boxes' texts and tool tips in the current language."""
    labels = [
        (pane.start_box, QCoreApplication.translate("HistogramPane", "At the start"),
         QCoreApplication.translate(
             "HistogramPane", "Show each run's histograms as they were at initialization "
             "(step 0), however far it has trained since")),
        (pane.axis_box, QCoreApplication.translate("HistogramPane", "log₁₀|x| axis"),
         QCoreApplication.translate(
             "HistogramPane", "Show the magnitudes of the values on a log scale, positive "
             "values above the line and negative ones below, so that histograms orders of "
             "magnitude apart show side by side. Chosen automatically where the histograms "
             "drawn over one range differ more than 100-fold in spread.")),
        (pane.shared_box, QCoreApplication.translate("HistogramPane", "One range for all layers"),
         QCoreApplication.translate(
             "HistogramPane", "Draw every layer over the same range, so that growth or "
             "shrinking from layer to layer shows; otherwise each layer has its own range, "
             "shared by the runs")),
        (pane.side_box, QCoreApplication.translate("HistogramPane", "Side by side"),
         QCoreApplication.translate(
             "HistogramPane", "Give every run its own row, with its own y scale, instead of "
             "overlaying the runs in one plot per layer. Chosen automatically where one run "
             "would be a flat line under another's peak, or where more than four distinct runs "
             "would share a plot."))]
    if pane.kind == "activation":
        labels.append((pane.pre_box, QCoreApplication.translate("HistogramPane",
                                                                "Pre-activation u"),
                       QCoreApplication.translate(
                           "HistogramPane", "Show the pre-activations u = W·x + b, the inputs "
                           "of the activation function, instead of its outputs f(u)")))
    for box, text, tip in labels:
        box.setText(text)
        box.setToolTip(tip)


def pane_title(field: str, at_start: bool) -> str:
    """The title of a pane that draws ``field``; at the start, said there too (in a narrow
    window the box is folded into "View ▾")."""
    text = {"activation": QCoreApplication.translate("HistogramPane",
                                                     "Activations of each hidden layer"),
            "preactivation": QCoreApplication.translate(
                "HistogramPane", "Pre-activations (inputs of the activation function) of each "
                "hidden layer"),
            "gradient": QCoreApplication.translate(
                "HistogramPane", "Gradients ∂L/∂u of each hidden layer"),
            "weight": QCoreApplication.translate("HistogramPane",
                                                 "Incoming weights of each hidden layer")}[field]
    return at_start_title(text) if at_start else text


def at_start_title(text: str) -> str:
    """A pane's title while it shows the start (the Depth pane's too)."""
    return QCoreApplication.translate("HistogramPane", "{0}, at the start").format(text)
