"""Themes and type scale: the Qt palette and style sheet of the widgets, and the look of every
pyqtgraph plot (background, axes, tick and title type, line widths).

"light" is the everyday look; "contrast" is a high-contrast light theme for a washed-out
projector (black on white, darker muted text, thicker lines); "dark" is for screens.
``apply(app, window, theme, scale, line_scale)`` restyles a running window; plots created later
(a pane rebuilds its plots when the number of layers changes) are caught by
``style_plots``, which the presentation controller calls after every draw of a new result.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from . import plot_style
from .palette import TEXT, blend

BASE_PT = 12
# The widgets' style sheet at type scale 1 in the light theme; ``stylesheet`` scales and
# recolours it.
STYLE = """
QLabel#paneTitle { font-size: 14pt; font-weight: bold; color: #202020; }
QLabel#explanationTitle { font-size: 16pt; font-weight: bold; color: #202020; }
QLabel#explanationHeading { font-size: 11pt; font-weight: bold; color: #0072B2;
                            margin-top: 3px; }
QLabel#takeaway { font-weight: bold; }
QLabel#muted { color: #505050; }
QToolBar#transport QToolButton { font-size: 13pt; padding: 4px 10px; }
QPushButton#presetButton { text-align: left; padding: 5px 8px; }
QPushButton#presetButton:checked { background: #0072B2; color: white; font-weight: bold; }
QGroupBox { font-weight: bold; }
QTabBar::tab { font-size: 13pt; padding: 6px 12px; }
QToolButton#tabButton { font-size: 13pt; padding: 5px 10px; color: #505050; border: none;
                        border-bottom: 3px solid transparent; background: transparent; }
QToolButton#tabButton:hover { color: #202020; border-bottom: 3px solid #505050; }
QToolButton#tabButton:checked { color: #202020; border-bottom: 3px solid #0072B2; }
QToolButton#tabButton:disabled { color: #A0A0A0; border-bottom: 3px solid transparent; }
QToolButton#viewButton { padding: 3px 8px; border: 1px solid #505050; border-radius: 4px;
                         background: transparent; }
QToolButton#viewButton::menu-indicator { image: none; }
QListWidget#runList::item:selected { background: #E8E8E8; color: #202020;
                                     border: 1px solid #505050; }
"""


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    base: str          # inputs and lists
    text: str
    muted: str
    highlight: str
    highlight_text: str
    button: str
    plot_bg: str
    plot_fg: str
    grid_alpha: float
    line_scale: float  # multiplies every curve's pen width
    colour_map: tuple = ()   # (from, to) run colours that need lifting on this background


THEME_LIST = (
    Theme("light", "#F3F3F3", "#FFFFFF", "#202020", "#505050", "#0072B2", "#FFFFFF", "#E8E8E8",
          "#FFFFFF", "#202020", 0.25, 1.0),
    Theme("contrast", "#FFFFFF", "#FFFFFF", "#000000", "#262626", "#004F8C", "#FFFFFF",
          "#E0E0E0", "#FFFFFF", "#000000", 0.35, 1.4),
    Theme("dark", "#1E1E1E", "#121212", "#F0F0F0", "#C8C8C8", "#56B4E9", "#000000", "#2D2D2D",
          "#000000", "#F0F0F0", 0.30, 1.2,
          (("#0072b2", "#3d9be0"), ("#202020", "#f0f0f0"))),
)
THEMES = {t.name: t for t in THEME_LIST}
# palette.dashed_pen's lines: predictions and validation losses over a measured line
DASHES = (Qt.PenStyle.CustomDashLine,)


def configure_application(app: QApplication) -> None:
    """The application before its first window: pyqtgraph's options (row-major image
    axes matter to the boundary pane), the base type size, the style sheet and the garbage
    collector kept to the GUI thread. The app, the self-test and the benchmarks all start
    this way, so they show and measure the same app."""
    from ..run.collector import collect_in_gui_thread
    collect_in_gui_thread()
    pg.setConfigOptions(antialias=True, background="w", foreground="#202020",
                        imageAxisOrder="row-major")
    font = QFont(app.font())
    font.setPointSize(12)
    app.setFont(font)
    app.setStyleSheet(STYLE)


def theme_title(name: str) -> str:
    return {"light": QCoreApplication.translate("Themes", "Light"),
            "contrast": QCoreApplication.translate("Themes", "High contrast (projector)"),
            "dark": QCoreApplication.translate("Themes", "Dark")}[name]


def stylesheet(t: Theme, scale: float) -> str:
    """The app's own style sheet (``STYLE``) with its type scaled and its colours taken
    from the theme, plus the rules a theme needs on top."""
    def pt(v: float) -> str:
        return f"{max(6, round(v * scale))}pt"
    base = re.sub(r"(\d+(?:\.\d+)?)pt", lambda m: pt(float(m.group(1))), STYLE)
    for old, new in (("#202020", t.text), ("#505050", t.muted), ("#0072B2", t.highlight),
                     ("#E8E8E8", t.button),
                     ("color: white", f"color: {t.highlight_text}")):
        base = base.replace(old, new)
    return base + f"""
QTabBar::tab:selected {{ font-weight: bold; }}
QToolTip {{ font-size: {pt(12)}; color: {t.text}; background: {t.base};
            border: 1px solid {t.muted}; }}
QMenuBar {{ font-size: {pt(12)}; }}
"""


def palette(t: Theme) -> QPalette:
    p = QPalette()
    R = QPalette.ColorRole
    for role, colour in ((R.Window, t.window), (R.WindowText, t.text), (R.Base, t.base),
                         (R.AlternateBase, t.button), (R.Text, t.text), (R.Button, t.button),
                         (R.ButtonText, t.text), (R.ToolTipBase, t.base),
                         (R.ToolTipText, t.text), (R.Highlight, t.highlight),
                         (R.HighlightedText, t.highlight_text), (R.PlaceholderText, t.muted),
                         (R.BrightText, "#FF5050"), (R.Link, t.highlight)):
        p.setColor(role, QColor(colour))
    disabled = QColor(t.muted)
    disabled.setAlpha(150)
    for role in (R.WindowText, R.Text, R.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return p


def apply(app: QApplication, root, theme: str, scale: float) -> None:
    """Restyle the application and every plot under ``root``."""
    t = THEMES[theme]
    plot_style.set_text_scale(scale)
    # Fusion: the one style that follows the palette everywhere. Under a style sheet
    # style().name() is "" (QStyleSheetStyle), so a marker says it is set: setStyle again
    # would repolish every widget of the process (0.7 s a window).
    if app.property("initviz_fusion") is not True:
        app.setStyle("Fusion")
        app.setProperty("initviz_fusion", True)
    font = QFont(app.font())
    font.setPointSizeF(BASE_PT * scale)
    colours, sheet = palette(t), stylesheet(t, scale)
    # Setting a style sheet repolishes every widget of the process (0.3-1 s), even when it is
    # the one in force: a new window in a styled app needs no repolish.
    same = app.styleSheet() == sheet and app.font() == font and app.palette() == colours
    app.setFont(font)
    app.setPalette(colours)
    if not same:
        app.setStyleSheet(sheet)
    pg.setConfigOptions(background=t.plot_bg, foreground=t.plot_fg)
    style_plots(root, theme, scale, force=True)


def _lift(t: Theme, colour: QColor) -> QColor:
    for src, dst in t.colour_map:
        if colour.name() == src:
            out = QColor(dst)
            out.setAlpha(colour.alpha())
            return out
    return colour


def style_plots(root, theme: str, scale: float, line_scale: float = 1.0,
                force: bool = False) -> None:
    """Background, axes, type and pen widths of every plot under ``root``. Items already
    styled for (theme, scale, line_scale) are skipped, so calling this often is cheap."""
    if root is None:
        return
    t = THEMES[theme]
    sig = (theme, round(scale, 3), round(line_scale, 3))
    for view in root.findChildren(pg.GraphicsView):
        if force or getattr(view, "_initviz_style", None) != sig:
            view.setBackground(t.plot_bg)
            view._initviz_style = sig
        for item in view.scene().items():
            if not force and getattr(item, "_initviz_style", None) == sig:
                continue
            try:
                _style_item(item, t, scale, line_scale * t.line_scale)
            except (AttributeError, RuntimeError, TypeError):
                continue
            item._initviz_style = sig


def zero_pen(fg: str = TEXT, scale: float = 1.0):
    """The histograms' zero line: the axes' colour, half seen, as thin as a grid line."""
    colour = QColor(fg)
    colour.setAlpha(120)
    return pg.mkPen(colour, width=max(1.0, scale ** 0.5))


def _style_item(item, t: Theme, scale: float, widths: float) -> None:
    fg = t.plot_fg
    if getattr(item, "is_zero_line", False):    # (a histogram PlotItem holds ``zero_line``)
        item.setPen(zero_pen(fg, scale))
    elif isinstance(item, pg.AxisItem):
        font = QFont()
        font.setPointSizeF(plot_style.TICK_PT * scale)
        item.setStyle(tickFont=font)
        base = getattr(item, "_initviz_width", None) or item.fixedWidth
        if base:            # a fixed width grows with the type (labels ran into the title)
            item._initviz_width = base
            item.setWidth(round(base * max(1.0, scale)))
        item.setPen(pg.mkPen(fg, width=max(1.0, scale)))
        item.setTextPen(fg)
        if item.labelText:
            style = dict(getattr(item, "_initviz_label_style", None) or item.labelStyle)
            item._initviz_label_style = dict(style)
            colour = style.get("color", TEXT)
            style["color"] = fg if QColor(colour).name() == QColor(TEXT).name() else \
                _lift(t, QColor(colour)).name()
            style["font-size"] = f"{plot_style.LABEL_PT * scale:.0f}pt"
            item.setLabel(text=item.labelText, units=item.labelUnits,
                          unitPrefix=item.labelUnitPrefix, **style)
    elif isinstance(item, pg.PlotItem):
        label = item.titleLabel
        if label.text:
            label.setText(label.text, color=fg, size=f"{plot_style.TITLE_PT * scale:.0f}pt")
        item.showGrid(x=item.ctrl.xGridCheck.isChecked(), y=item.ctrl.yGridCheck.isChecked(),
                      alpha=t.grid_alpha)
    elif isinstance(item, pg.LabelItem) and item.text:
        size = item.opts.get("size")
        base = getattr(item, "_initviz_size", None) or size
        item._initviz_size = base
        opts = {"color": fg}
        if base and str(base).endswith("pt"):
            opts["size"] = f"{float(str(base)[:-2]) * scale:.0f}pt"
        item.setText(item.text, **opts)
    elif isinstance(item, pg.PlotDataItem) or (   # or a bare curve (the histogram steps)
            isinstance(item, pg.PlotCurveItem) and
            not isinstance(item.parentItem(), pg.PlotDataItem)):
        pen = getattr(item, "base_pen", None) or item.opts.get("pen")   # base_pen: PeakCurve
        if pen is None:
            return
        pen = pg.mkPen(pen)
        base = getattr(item, "_initviz_pen", None)
        if base is None:
            base = item._initviz_pen = (pen.widthF(), pen.color().name(), pen.color().alpha())
        # Dashed lines (predictions, validation) grow less than the solid lines they lie on:
        # as wide, a prediction that agrees with its measured line vanished inside it.
        # Histogram steps too: on 55 px rows at full width they were blobs (review 16).
        grow = widths ** 0.5 if pen.style() in DASHES or getattr(item, "grows_less", False) \
            else widths
        pen.setWidthF(max(base[0], 1.0) * grow if base[0] > 0 else 0)
        colour = QColor(base[1])
        colour.setAlpha(base[2])
        colour = _lift(t, colour)
        pen.setColor(blend(colour, t.plot_bg) if hasattr(item, "base_pen") else colour)
        item.setPen(pen)
    elif isinstance(item, pg.TextItem):
        base = getattr(item, "_initviz_colour", None)
        if base is None:
            base = item._initviz_colour = QColor(item.color).name()
        if not getattr(item, "on_light_fill", False):   # dark text on its own white box stays
            item.setColor(_lift(t, QColor(base)))
        font = item.textItem.font()
        size = getattr(item, "_initviz_pt", None) or font.pointSizeF()
        item._initviz_pt = size
        if size > 0:
            font.setPointSizeF(size * scale ** 0.5)   # in-plot labels must not collide
            item.setFont(font)
    elif isinstance(item, pg.LegendItem):
        item.setLabelTextColor(fg)
        item.setLabelTextSize(f"{plot_style.LABEL_PT * scale:.0f}pt")
