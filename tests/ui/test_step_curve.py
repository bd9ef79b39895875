"""StepCurve paints a histogram itself (one filled polygon, one polyline; a wide solid line
as one-pixel copies): the pixels match pyqtgraph's own step curve, filled or not, dashed or
not, at the window's line width and the presentation's."""
import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from initviz.ui.panes.step_curve import StepCurve


def rendered(curve, size=(400, 200)) -> np.ndarray:
    scene = pg.QtWidgets.QGraphicsScene()
    scene.addItem(curve)
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, *size), QRectF(-0.5, -0.1, 11, 1.1),
                 Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.end()
    scene.removeItem(curve)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(size[1], size[0], 4)
    return a[..., :3].astype(int)


@pytest.mark.parametrize("width", [2.5, 4.5])   # LINE_WIDTH, and × PRESENTATION_LINES
@pytest.mark.parametrize("filled", [True, False])
@pytest.mark.parametrize("dashed", [False, True])
def test_step_curve_paints_what_pyqtgraph_would(qtbot, filled, dashed, width):
    rng = np.random.default_rng(1)
    edges, heights = np.linspace(0, 10, 31), rng.random(30) * 0.9
    pen = pg.mkPen("#0072b2", width=width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    brush = pg.mkBrush("#9ecae1") if filled else None
    ours = StepCurve()
    ours.setPen(pen)
    ours.setBrush(brush)
    ours.setFillLevel(0 if filled else None)
    ours.set_steps(edges, heights, float(heights.max()))
    theirs = pg.PlotCurveItem(edges, heights, stepMode="center", antialias=False, pen=pen,
                              brush=brush, fillLevel=0 if filled else None)
    a, b = rendered(ours), rendered(theirs)
    inked = (b != 255).any(axis=2)
    assert inked.mean() > (0.3 if filled else 0.02)          # the case: something is drawn
    differ = (np.abs(a - b) > 40).any(axis=2)
    # only at the 61 corners, where Qt bevels the join and the copies leave a notch or a
    # square: at most a third of a pen-wide square each (measured: 100 pixels at 2.5, 280
    # at 4.5; a line of the wrong width or a copy moved too far differs all along)
    assert differ.sum() <= 61 * width ** 2 / 3, differ.sum()


def test_presentation_widens_histogram_steps_less_than_lines(qtbot):
    """Review 16: at 1280 x 720 presenting, xavier-gain-table's six 55 px rows of histograms
    at the full presentation width (2.5 px x 1.8) were blobs. Histogram steps widen as dashed
    lines do, by the square root; a plain line (a loss curve) by the whole factor."""
    from PySide6.QtWidgets import QWidget
    from initviz.ui.look.themes import style_plots
    root = QWidget()
    qtbot.addWidget(root)
    view = pg.PlotWidget(root)
    steps, line = StepCurve(), pg.PlotDataItem([0, 1], [0, 1])
    for item in (steps, line):
        item.setPen(pg.mkPen("#0072B2", width=2.5))
        view.addItem(item)
    style_plots(root, "light", 1.0, line_scale=1.8)
    assert line.opts["pen"].widthF() == pytest.approx(2.5 * 1.8)
    assert steps.opts["pen"].widthF() == pytest.approx(2.5 * 1.8 ** 0.5)


@pytest.mark.parametrize("filled", [True, False])
def test_empty_bins_draw_no_baseline(qtbot, filled):
    """Review 17b: the flat outline along the empty bins, in the run's colour, was the
    strongest mark of a six-row pane. Only the bins that hold values are outlined (the axis
    or the pane's zero line marks 0)."""
    edges, heights = np.linspace(0, 10, 11), np.zeros(10)
    heights[4:6] = 0.8
    curve = StepCurve()
    curve.setPen(pg.mkPen("#0072b2", width=2.5))
    curve.setBrush(pg.mkBrush("#9ecae1") if filled else None)
    curve.setFillLevel(0 if filled else None)
    curve.set_steps(edges, heights, 0.8)
    inked = (rendered(curve) != 255).any(axis=2)
    column = lambda x: round((x + 0.5) / 11 * 400)     # noqa: E731 (the rendered window)
    assert inked[:, column(4.2):column(5.8)].any()      # the two full bins
    assert not inked[:, :column(3.8)].any() and not inked[:, column(6.2):].any()


def test_a_short_gap_is_bridged_along_0(qtbot):
    """A sparse tail (a value in every second or third bin) cut at each empty bin drew as
    loose dashes along 0 (review 18): a gap of three empty bins is drawn along 0, one of
    ten left out."""
    edges, heights = np.linspace(0, 10, 21), np.zeros(20)
    heights[[0, 4, 15]] = 0.8
    curve = StepCurve()
    curve.setPen(pg.mkPen("#0072b2", width=2.5))
    curve.set_steps(edges, heights, 0.8)
    inked = (rendered(curve) != 255).any(axis=2)
    column = lambda x: round((x + 0.5) / 11 * 400)     # noqa: E731 (the rendered window)
    assert inked[:, column(0.6):column(1.9)].any(axis=0).all()    # bins 1-3: bridged
    assert not inked[:, column(2.6):column(7.4)].any()           # bins 5-14: left out


def test_the_theme_restyles_a_histogram_plot_and_its_zero_line(qtbot):
    """A histogram plot holds its zero line as ``zero_line``; the theme told the line apart
    by that name, so it took the plot itself for a zero line, failed on it and left the plot
    unstyled (its grid's alpha kept the light theme's). Both are styled now."""
    from PySide6.QtWidgets import QWidget
    from initviz.ui.look.themes import THEMES, style_plots
    from initviz.ui.panes.histogram_pool import PlotPool
    root = QWidget()
    qtbot.addWidget(root)
    view = pg.GraphicsLayoutWidget(root)
    pool = PlotPool(lambda: None)
    plot = pool.plot(0)
    view.addItem(plot)
    style_plots(root, "dark", 1.0, force=True)
    dark = THEMES["dark"]
    assert plot.ctrl.gridAlphaSlider.value() == round(dark.grid_alpha * 255)
    assert plot.zero_line.pen.color().name() == dark.plot_fg.lower()
