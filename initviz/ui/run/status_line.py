"""The run's progress in the status bar: the step, the speed, the time left, a progress bar,
and a notice when MNIST runs on the bundled 10,000 images."""
from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar


def format_seconds(s: float) -> str:
    s = int(round(s))
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar):
        super().__init__(bar)
        self.step_label, self.speed_label, self.eta_label = QLabel(), QLabel(), QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.notice = QLabel()
        self.notice.setObjectName("muted")
        for w in (self.step_label, self.speed_label, self.eta_label):
            bar.addWidget(w)
        bar.addPermanentWidget(self.notice)
        bar.addPermanentWidget(self.progress)

    def start(self, config) -> None:
        self.progress.setRange(0, 1000)
        self._set_progress(0)
        self.progress.setVisible(config.train.steps > 0)

    def _set_progress(self, value: int) -> None:
        """QProgressBar.setValue repaints the bar at once, with the status bar under it, when
        the value moved a percent (9-22 ms of the GUI thread at a run's start, 1-2 ms at every
        status update); as an update it is painted with the next frame."""
        bar = self.progress
        if bar.value() != value:
            bar.setUpdatesEnabled(False)
            bar.setValue(value)
            bar.setUpdatesEnabled(True)       # (which asks for the update)

    def show(self, hs) -> bool:
        """Show where the runs ``hs`` (RunHistory) are; True when they use the bundled MNIST."""
        total = sum(max(h.total_steps, 0) for h in hs)
        done = sum(min(h.step, h.total_steps) if not h.finished else h.total_steps for h in hs)
        if total > 0:
            step = max(h.step for h in hs)
            self.step_label.setText(self.tr("step {0:,} of {1:,}").format(
                step, max(h.total_steps for h in hs)))
            self._set_progress(int(1000 * done / total))
            speed = sum(h.samples_per_second for h in hs if not h.finished) / \
                max(1, sum(1 for h in hs if not h.finished))
            self.speed_label.setText(self.tr("{0:,.0f} samples/s").format(speed) if speed else "")
            lefts = [h.seconds_left() for h in hs]
            if all(t is not None for t in lefts) and any(t > 0 for t in lefts):
                self.eta_label.setText(self.tr("about {0} left").format(
                    format_seconds(sum(lefts))))
            else:
                self.eta_label.setText("")
            if all(h.finished for h in hs):
                self._set_progress(1000)
        else:
            self.step_label.setText(self.tr("at initialization (no training)"))
            self.speed_label.setText("")
            self.eta_label.setText("")
        bundled = "bundled" in hs[0].data_description.lower()
        self.notice.setText(self.tr("Using the bundled 10,000-image MNIST set")
                            if bundled else "")
        return bundled
