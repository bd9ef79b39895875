"""Training loss over the first 100 batches and over the whole run (linear or log scale), with
divergence marked where it happened, the validation accuracy, and, for runs started by
pre-training, the reconstruction error of each RBM epoch by epoch.

Each item is updated only when its own data changed (a new loss point does not rebuild the
accuracy markers), and ranges are set only when they move."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QCheckBox

from .divergence_notes import place_notes
from .loss_ranges import label_pad, with_room
from .loss_items import (cached, loss_table, mark, ring, set_finite, show_start, start_loss,
                         waiting_key)
from .loss_overlap import (emphasise, emphasise_accuracy, overlap_notes, same_accuracies,
                           same_losses)
from .pane import Pane
from .peak_curve import PeakCurve
from .pretrain_lines import PretrainLines, planned_epochs
from ..i18n import run_label
from ..look.palette import PALE, Palette, dashed_pen, symbol_style
from ..look.axis_labels import keep_title_clear, space_labels, use_log_ticks, with_min_span
from ..look.plot_style import (LABEL_PT, TEXT, forget_style, label_plot, nice_ceiling,
                               style_plot)

EARLY = 100
POOLED_RUNS = 6          # items made ahead for this many runs (one per palette colour)
AUTO_LOG_RATIO = 100.0   # the loss spans more than two decades: a linear axis flattens the rest


class LossPane(Pane):
    shows_layers = False

    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.log_scale = False
        self._scale_chosen = False     # the user ticked or cleared the box: no automatic log
        self.log_box = QCheckBox()
        self.log_box.toggled.connect(self.set_log_scale)
        self.log_box.clicked.connect(self._on_log_clicked)
        self.title_row.addWidget(self.log_box)
        self.view = pg.GraphicsLayoutWidget()
        self.add_body(self.view, 1)
        self.early = self.view.addPlot(row=0, col=0, enableMenu=False)
        self.whole = self.view.addPlot(row=0, col=1, enableMenu=False)
        self.acc = pg.PlotItem(enableMenu=False)
        self.pretrain = pg.PlotItem(enableMenu=False)
        for p in (self.early, self.whole, self.acc, self.pretrain):
            style_plot(p)
        for p in (self.early, self.whole, self.acc, self.pretrain):
            use_log_ticks(p.getAxis("left"))        # labels by the room, never overlapping
            space_labels(p.getAxis("bottom"))
            keep_title_clear(p)     # a linear axis' "400000" under the title too
            p.vb.disableAutoRange()
        self.pretrain.vb.setMouseEnabled(x=False, y=False)
        self.view.ci.layout.setRowStretchFactor(0, 1)
        self.view.ci.layout.setRowStretchFactor(1, 1)
        self._rows = (None, None)       # (beside the pre-training plot, whole run alone)
        self._place_rows(False, False)
        self._items: list[dict] = []     # the items of the runs shown
        self._pool: list[dict] = []      # items of every run index so far, reused
        self._pre = PretrainLines(self.pretrain, self.font)
        self._epochs = 0             # per RBM, of the experiment set (0: none pre-trains)
        self._shape = None
        self._drawn: dict[int, tuple] = {}
        self._ranges: dict[str, tuple] = {}
        self._notes: dict[int, str] = {}
        self._marks, self._key = (), ""   # the legend after the runs (the ring), its key
        self._same, self._same_acc = {}, {}   # run -> the earlier run its lines would hide
        self._starts: dict[int, tuple] = {}     # run -> its rings' (loss, accuracy) at step 0
        self._place_notes = False
        self.whole.vb.sigResized.connect(self._place_notes_again)
        self.retranslate()

    # -- what is drawn (tests read it) -----------------------------------------------------
    def run_items(self) -> list[dict]:
        """Per run shown: its plot items by name ("whole", "early", "mark_whole", "text", ...)."""
        return list(self._items)

    def pretrain_items(self) -> dict:
        """(run, layer) -> (line, label) of the pre-training plot."""
        return dict(self._pre.items)

    def pretrain_note(self) -> str:
        """The pre-training plot's note while it waits for its first epoch ("" if none)."""
        return self._pre.note.toPlainText() if self._pre.note.isVisible() else ""

    def pool_size(self) -> int:
        return len(self._pool)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Training loss (cross-entropy) and validation accuracy"))
        self.log_box.setText(self.tr("Log scale for the loss"))
        self.log_box.setToolTip(self.tr("Show the loss on a logarithmic axis: small losses "
                                        "and huge early losses both stay visible. Switched on "
                                        "by itself when the losses span more than a factor "
                                        "of 100, unless you chose"))
        batch = self.tr("training batch (step)")
        label_plot(self.early, self.tr("First {0} batches").format(EARLY), batch)
        label_plot(self.whole, self.tr("Whole run (dashed: validation)"), batch)
        label_plot(self.acc, self.tr("Validation accuracy"), batch, self.tr("accuracy (%)"))
        label_plot(self.pretrain, self.tr("Pre-training of each RBM"), self.tr("epoch"),
                   self.tr("reconstruction error"))
        self._loss_labels()
        if not self._pre.items:
            self._pre.plan(self._epochs)
        self._drawn, self._notes, self._marks, self._key = {}, {}, (), ""   # (legend texts)

    def _loss_labels(self) -> None:
        suffix = self.tr(" (log scale)") if self.log_scale else ""
        style = {"font-size": f"{LABEL_PT}pt", "color": TEXT}
        for plot in (self.early, self.whole):     # short: a 720-line screen has little height
            forget_style(plot.getAxis("left"))
            plot.setLabel("left", self.tr("loss") + suffix, **style)

    # -- scale -----------------------------------------------------------------------------
    def _on_log_clicked(self, on: bool) -> None:
        self._scale_chosen = True       # only a person clicks; set_log_scale may be the code

    def set_log_scale(self, on: bool) -> None:
        self.log_scale = bool(on)
        if self.log_box.isChecked() != on:
            self.log_box.setChecked(on)
        for p in (self.early, self.whole):
            p.setLogMode(x=False, y=self.log_scale)
            p.vb.disableAutoRange()     # setLogMode turns auto-range back on; draw() sets them
        self._loss_labels()
        self._drawn = {}
        for name in ("early_x", "early_y", "whole_x", "whole_y", "whole_decades"):
            self._ranges.pop(name, None)

    # -- building --------------------------------------------------------------------------
    def _place_rows(self, with_pretrain=None, short=None) -> None:
        """The whole run beside its first EARLY batches, or alone across the width where no
        run has more (flower-small-vs-xavier's two plots were the same, review 13); accuracy
        across the whole width, or beside the pre-training plot."""
        want = (self._rows[0] if with_pretrain is None else with_pretrain,
                self._rows[1] if short is None else short)
        if want == self._rows:
            return
        ci = self.view.ci
        for p in (self.early, self.whole, self.acc, self.pretrain):
            if p in ci.items:
                ci.removeItem(p)
        self._rows = want
        if want[1]:
            ci.addItem(self.whole, row=0, col=0, colspan=2)
        else:
            ci.addItem(self.early, row=0, col=0)
            ci.addItem(self.whole, row=0, col=1)
        if want[0]:
            ci.addItem(self.acc, row=1, col=0)
            ci.addItem(self.pretrain, row=1, col=1)
        else:
            ci.addItem(self.acc, row=1, col=0, colspan=2)

    def _run_items(self, i: int) -> dict:
        """The plot items of run i (its colour is always colour i), made on first use and
        kept: making them cost ~10 ms a run, a stall in the first frame of a comparison."""
        while len(self._pool) <= i:
            color = Palette.color(len(self._pool))
            pen = pg.mkPen(color, width=2)
            marker = dict(size=16, symbol="x", pen=pg.mkPen(color, width=3), brush=color)
            items = {
                "early": pg.PlotDataItem(pen=pen, connect="finite"),
                # Thinned, opaque, not antialiased (see PeakCurve): thousands of noisy segments,
                # most of the pane's paint. Pale: in full colour it hid the validation dashes.
                "whole": PeakCurve(pg.mkPen(Palette.color(len(self._pool), PALE), width=2),
                                   connect="finite"),
                # a dot where each validation was: a dash from step 0 to 10 read as a gap
                "val": pg.PlotDataItem(pen=dashed_pen(color, len(self._pool)), connect="finite",
                                       symbol="o", symbolSize=5, **symbol_style(color)),
                "acc": pg.PlotDataItem(pen=pg.mkPen(color, width=3), symbol="o", symbolSize=6,
                                       **symbol_style(color), connect="finite"),
                # the loss at step 0 (the validation's), a ring where each curve starts: before
                # the first step (and after one) the plots were empty (review 8)
                "start_early": ring(color),
                "start_whole": ring(color),
                "start_acc": ring(color),
                "mark_early": pg.ScatterPlotItem(**marker),
                "mark_whole": pg.ScatterPlotItem(**marker),
                "text": pg.TextItem(color=color, anchor=(1.0, 1.2)),
            }
            items["text"].setFont(self.font())
            # Antialiased segments, not one path: Qt strokes a long noisy path with wide
            # pen slowly (7 of a 12 ms repaint); the joins look the same.
            items["early"].curve.setSegmentedLineMode("on")
            cached(items["early"].curve, items["val"].curve, items["acc"].curve,
                   items["acc"].scatter)
            for name in ("early", "mark_early", "start_early"):
                self.early.addItem(items[name])
            for name in ("whole", "val", "mark_whole", "text", "start_whole"):
                self.whole.addItem(items[name])
            items["val"].setZValue(1)
            self.acc.addItem(items["acc"])
            self.acc.addItem(items["start_acc"])
            self._pool.append(items)
        return self._pool[i]

    def warm_up(self) -> bool:
        """Make the items of one more run ahead of need (the window calls this while idle);
        False once there are items for as many runs as there are colours."""
        if len(self._pool) >= POOLED_RUNS:
            return False
        self._run_items(len(self._pool))
        return True

    def _rebuild(self, labels) -> None:
        self._pre.clear()
        self._pre.plan(self._epochs)
        self._drawn, self._ranges = {}, {}
        self._notes, self._same, self._same_acc, self._starts = None, {}, {}, {}
        self._show_legend(labels, {}, waiting_key(()))  # (the new runs' names in any case)
        if not self._scale_chosen and self.log_scale:
            self.set_log_scale(False)      # a new experiment starts linear again
        for items in self._pool[:max(len(self._items), len(labels))]:
            for name in ("early", "val", "acc", "start_early", "start_whole", "start_acc"):
                items[name].setData([], [])
            items["whole"].set_curve([], [])
            emphasise(items, False)
            emphasise_accuracy(items["acc"], False)
            mark(items["mark_early"], None)
            mark(items["mark_whole"], None)
            items["text"].setText("")
        self._items = [self._run_items(i) for i in range(len(labels))]
        self._shape = tuple(labels)

    def _y(self, value: float) -> float:
        return float(np.log10(value)) if self.log_scale and value > 0 else value

    def _set_range(self, name: str, plot, axis: str, lo: float, hi: float) -> None:
        """Move an axis only when its range changed (a range change repaints the plot)."""
        if self._ranges.get(name) == (lo, hi):
            return
        self._ranges[name] = (lo, hi)
        (plot.setXRange if axis == "x" else plot.setYRange)(lo, hi, padding=0)

    # -- drawing ---------------------------------------------------------------------------
    def _diverged_text(self, h, histories=()) -> str:
        """The in-plot note at run h's mark, naming the runs drawn on top of it there too
        ("no remedy, L2 weight decay 0.01: diverged at step 4"); "" for such a run."""
        if self._same.get(h.index) is not None:
            return ""
        names = [run_label(h.label)] + [run_label(o.label) for o in histories
                                        if self._same.get(o.index) == h.index]
        if len(names) > 1:     # on two lines: on one it ran past the plot, and was hidden
            return self.tr("{0}:\ndiverged at step {1}").format(
                self.tr(", ").join(names), h.diverged_at)       # (the separator: "、")
        return self.tr("{0}: diverged at step {1}").format(names[0], h.diverged_at)

    def draw(self, histories, edges=None) -> None:
        labels = [h.label for h in histories]
        if self._shape != tuple(labels):
            self._rebuild(labels)
        for h in histories:        # in the language of the moment (a switch redraws)
            if h.diverged_at is not None and h.index in self._drawn:
                text = self._items[h.index]["text"]
                if text.toPlainText() != self._diverged_text(h, histories):
                    text.setText(self._diverged_text(h, histories))
        self._draw_pretrain(histories)
        total, lmax, lmin, early_max, changed = 1, 0.0, np.inf, 0.0, False
        early_min = np.inf
        for h in histories:
            total = max(total, h.total_steps or EARLY)   # untrained: batches to come, not 0-1
            lmax, lmin = max(lmax, h.loss_max), min(lmin, h.loss_min)
            steps, losses = h.steps.data, h.losses.data
            head = losses[:EARLY]
            start = start_loss(h)
            if start is not None:     # the ranges hold the rings too
                head = np.append(head, start)
                lmax, lmin = max(lmax, start), min(lmin, start)
            finite = head[np.isfinite(head)]
            if finite.size:
                early_max = max(early_max, float(finite.max()))
                positive = finite[finite > 0]
                if positive.size:
                    early_min = min(early_min, float(positive.min()))
        if not self._scale_chosen and not self.log_scale and lmax > 0 and \
                np.isfinite(lmin) and lmax / lmin > AUTO_LOG_RATIO:
            self.set_log_scale(True)
        for h in histories:
            steps, losses = h.steps.data, h.losses.data
            n, n_val = len(steps), len(h.val_steps)
            old = self._drawn.get(h.index)
            if old is not None and old[0] is h and old[1:] == (n, n_val, h.diverged_at,
                                                               h.finished):
                continue
            changed = True
            items = self._items[h.index]
            old_n = old[1] if old is not None and old[0] is h else -1
            old_val = old[2] if old is not None and old[0] is h else -1
            if n != old_n:
                shown = losses
                if not np.isfinite(losses).all() or self.log_scale:
                    shown = np.where(np.isfinite(losses) & (losses > 0 if self.log_scale
                                                            else True), losses, np.nan)
                if old_n < EARLY:      # once the first 100 are complete, they stay
                    set_finite(items["early"], steps[:EARLY], shown[:EARLY])
                items["whole"].set_curve(steps, shown)
            if n_val != old_val:
                show_start(items, h, self._starts)
                set_finite(items["val"], h.val_steps.data, h.val_losses.data)
                set_finite(items["acc"], h.val_steps.data, 100 * h.val_accuracies.data)
            was_diverged = old is not None and old[0] is h and old[3] is not None
            if h.diverged_at is not None:
                k = h.diverged_at
                y = h.last_finite_loss if np.isfinite(h.last_finite_loss) else 1.0
                spot = [{"pos": (k, self._y(y))}]
                mark(items["mark_whole"], spot)
                mark(items["mark_early"], spot if k <= EARLY else None)
                items["text"].setText(self._diverged_text(h, histories))
                items["text"].setPos(k, self._y(y))
                self._place_notes = True
            elif was_diverged or old is None:
                mark(items["mark_whole"], None)
                mark(items["mark_early"], None)
                items["text"].setText("")
            self._drawn[h.index] = (h, n, n_val, h.diverged_at, h.finished)
        if not changed:
            return
        same = same_losses(histories)        # a run that would hide another: thin, on top
        same_acc = same_accuracies(histories, same)
        if (same, same_acc) != (self._same, self._same_acc):
            self._same, self._same_acc = same, same_acc
            for h in histories:
                emphasise(self._items[h.index], h.index in same)
                emphasise_accuracy(self._items[h.index]["acc"], h.index in same_acc)
                if h.diverged_at is not None:
                    self._items[h.index]["text"].setText(self._diverged_text(h, histories))
                    self._place_notes = True
        notes = {h.index: self.tr("diverged at step {0}").format(h.diverged_at)
                 for h in histories if h.diverged_at is not None}
        self._show_legend(labels, overlap_notes(notes, same, same_acc, labels),
                          waiting_key(histories))
        self._place_rows(short=total <= EARLY)
        self._set_range("early_x", self.early, "x", -0.02 * min(EARLY, total),
                        1.02 * min(EARLY, total))
        self._set_range("whole_x", self.whole, "x", -0.02 * total, 1.02 * total)
        self._set_range("acc_x", self.acc, "x", -0.02 * total, 1.02 * total)
        # Room for the "0" and "100" labels: pyqtgraph drops tick labels that would reach
        # past a plot with a grid.
        self._set_range("acc_y", self.acc, "y", -6.0, 106.0)
        if lmax <= 0:
            return
        if self.log_scale and np.isfinite(lmin):
            # In quarter decades: the smallest loss falls a little with nearly every step,
            # and every change of range redraws the axes and the grid.
            lo = np.floor(4 * np.log10(lmin)) / 4
            hi = np.ceil(4 * np.log10(lmax)) / 4
            if not all(h.finished for h in histories):
                lo, hi = self._ranges["whole_decades"] = with_room(
                    self._ranges.get("whole_decades"), lo, hi)
            pad = label_pad(self.whole, lo, hi)
            self._set_range("whole_y", self.whole, "y", *with_min_span(lo - pad, hi + pad))
            # The first 100 batches on their own scale: the whole run goes much lower.
            e_lo = np.floor(4 * np.log10(early_min)) / 4 if np.isfinite(early_min) else lo
            e_hi = np.ceil(4 * np.log10(max(early_max, lmin))) / 4
            e_pad = label_pad(self.early, e_lo, e_hi)
            self._set_range("early_y", self.early, "y",
                            *with_min_span(e_lo - e_pad, e_hi + e_pad))
        else:     # 6 % below 0: a ring or a loss near 0 was half under the axis (review 18)
            top, e_top = nice_ceiling(lmax * 1.03), nice_ceiling(max(early_max, 1e-9) * 1.03)
            self._set_range("whole_y", self.whole, "y", -0.06 * top, top)
            self._set_range("early_y", self.early, "y", -0.06 * e_top, e_top)
        if self._place_notes:
            self._place_notes = False
            self._place_notes_again()

    def _show_legend(self, labels, notes, key: str = "") -> None:
        """The runs, their notes, and what the rings are once one is drawn (review 9: a
        ring at step 0 that nothing on screen named). ``key``: the empty tab's (review 15)."""
        ringed = any(v != (None, None) for v in self._starts.values())
        marks = (("○", self.tr("step 0")),) if ringed else ()
        if (notes, marks, key) != (self._notes, self._marks, self._key):
            self._notes, self._marks, self._key = notes, marks, key
            self.legend.show_runs(labels, notes, key, marks=marks, inline=True)

    def _place_notes_again(self) -> None:
        place_notes(self.whole, [items["text"] for items in self._items])

    def set_config(self, config) -> None:
        self._epochs = planned_epochs(config)
        if not self._pre.items:          # a run's points stay until the next run's draw
            self._place_rows(bool(self._epochs))
            self._pre.plan(self._epochs)

    def _draw_pretrain(self, histories) -> None:
        points = [(h.index, h.pretrain) for h in histories if h.pretrain]
        self._place_rows(bool(points or self._epochs))
        if points:
            self._pre.draw(points)
        elif self._pre.items:            # a new run, not pre-trained yet
            self._pre.clear()
            self._pre.plan(self._epochs)

    def export_table(self, histories, edges=None):
        return loss_table(histories)
