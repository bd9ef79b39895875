"""What every pane is: a title row (the title, then the pane's own check boxes), an optional
legend of the runs, and a body; ``draw`` from the run histories, ``warm_up`` while idle, and
``export_table`` for CSV. The tab bar, ``--tab``, presets and the exporter use only this."""
from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from ..i18n import run_label
from ..look import plot_style
from ..look.flow_layout import FlowLayout
from ..look.view_button import ViewButton
from ..look.palette import Palette


class Info(str):
    """A legend note that explains the picture ("close to ReLU: thin line on top", a spread
    in decades): in the text's colour. A plain ``str`` note reports trouble (a run diverged,
    values overflowed) in red; review 13 read the red explanations as errors."""


def note_colour() -> str:
    """A legend note's red: dark on a light window, light on a dark one (#B00020 on black
    could not be read)."""
    dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#FF8A80" if dark else "#B00020"


def _note_style(note: str) -> str:
    return "" if isinstance(note, Info) else f"color:{note_colour()}"


def legend_html(labels, notes=None, marks=()) -> str:
    """Run labels in their colours, for a pane's title row; ``notes`` (label index -> text,
    e.g. "diverged at step 4") are added in red after their label (a tuple of notes: each in
    its own colour); ``marks`` ((symbol, text)
    pairs, e.g. ("○", "step 0")) say after the runs what a symbol drawn in every run's colour
    means, in the text's colour. An ``Info`` note is in the text's colour too."""
    notes = notes or {}
    if not labels:
        return ""

    def whole(text: str) -> str:        # a line may break between runs, not inside a label
        # (nor after a solidus: "Xavier N(0, 1/" ⏎ "√n)"; a word joiner holds it to the next)
        return html.escape(text).replace(" ", "&nbsp;").replace("/", "/\u2060")

    def note(i: int) -> str:    # a long note may break between its words
        if i not in notes:
            return ""
        parts = notes[i] if isinstance(notes[i], tuple) else (notes[i],)
        if len(parts) == 1:
            return (f"<span style='font-size:{text}pt;{_note_style(parts[0])}'>&nbsp;("
                    f"{html.escape(parts[0])})</span>")
        inner = "; ".join(f"<span style='{_note_style(p)}'>{html.escape(p)}</span>"
                          for p in parts)       # each part in its own colour
        return f"<span style='font-size:{text}pt'>&nbsp;({inner})</span>"
    labels = [run_label(label) for label in labels]

    box, text = plot_style.scaled_pt(16), plot_style.scaled_pt(13)
    return "&nbsp;&nbsp; ".join(
        f"<span style='white-space:nowrap'><span style='color:{Palette.hex(i)};"
        f"font-size:{box}pt'>■</span><span style='font-size:{text}pt'>&nbsp;{whole(label)}"
        "</span></span>" + note(i)
        for i, label in enumerate(labels)) + "".join(
        f"&nbsp;&nbsp; <span style='white-space:nowrap'><span style='font-size:{box}pt'>"
        f"{html.escape(symbol)}</span><span style='font-size:{text}pt'>&nbsp;"
        f"{whole(meaning)}</span></span>" for symbol, meaning in marks)


class LegendLabel(QLabel):
    """A pane's legend: the runs in their colours, and an optional key line below. It keeps
    the height of one line even while empty (a legend appearing with the first result would
    shrink the plots, and every axis would be redrawn in that first frame), and it renders
    again at the new type size when the font changes."""

    def __init__(self):
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._content = ((), None, "", "", (), False)
        self._keep_one_line()

    def _keep_one_line(self) -> None:
        """The height of one line of runs as drawn (their ■ is taller than the text)."""
        probe = QLabel()
        probe.setFont(self.font())
        probe.setTextFormat(Qt.TextFormat.RichText)
        probe.setText(legend_html(["Mg"], marks=(("○", "g"),)))
        font = QFont(self.font())
        font.setPointSize(16)
        self.setMinimumHeight(max(QFontMetrics(font).height(), probe.sizeHint().height()))

    def show_runs(self, labels, notes=None, key: str = "", note: str = "",
                  marks=(), inline: bool = False) -> None:
        """``note``: a note every run shares, said once at the start of the key line, in
        the colour of the runs' own notes (``Info`` or red); ``marks``: see ``legend_html``;
        ``inline``: the key follows the runs on their line, where it fits (a key that comes
        and goes, as the Loss tab's "no loss yet", would change the plots' height each time,
        and with it every axis: a second repaint of the whole pane in the frame)."""
        self._content = (tuple(labels), dict(notes or {}), key, note, tuple(marks), inline)
        self._render()

    def _render(self) -> None:
        labels, notes, key, note, marks, inline = self._content
        runs = legend_html(labels, notes, marks)
        pt = plot_style.scaled_pt(13)
        line = " · ".join(
            part for part in (
                f"<span style='{_note_style(note)}'>{html.escape(note)}</span>" if note else "",
                # a line may break after "|", inside "log₁₀|x|": a word joiner holds it
                html.escape(key).replace("|", "|\u2060")) if part)
        if line:   # inline, whole: after the runs if it fits, else on a line of its own
            nowrap = ";white-space:nowrap" if inline else ""
            line = f"<span style='font-size:{pt}pt{nowrap}'>{line}</span>"
        self.setText(("&nbsp;&nbsp; " if inline else "<br>").join(
            part for part in (runs, line) if part))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LanguageChange,
                            QEvent.Type.PaletteChange) and any(self._content):
            self._render()
        if event.type() == QEvent.Type.FontChange:
            self._keep_one_line()


class Pane(QWidget):
    """The base of every tab's pane. Subclasses put widgets after the title with
    ``title_row.addWidget`` (a FlowLayout) and their plots or table with ``add_body``."""

    # Draws per-layer statistics (Snapshot.layers) while a run trains: the window then asks
    # for fresh ones after each frame; other panes leave the workers to train.
    shows_layers = True

    def __init__(self, title: str = "", legend: bool = True, wrap: bool = True,
                 margin: int | None = 4, parent=None):
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setObjectName("paneTitle")
        self.title.setWordWrap(wrap)
        # The title, then the pane's check boxes on its right; in a narrow window they fold
        # into a "View ▾" menu (other controls go onto rows of their own), never cut.
        self.title_row = FlowLayout(spacing=10, push_right=True)
        self.title_row.addWidget(self.title)
        self.view_button = ViewButton(self.title_row)
        self.legend = LegendLabel() if legend else None
        self._layout = QVBoxLayout(self)
        if margin is not None:
            self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.addLayout(self.title_row)
        if self.legend is not None:
            self._layout.addWidget(self.legend)

    def add_body(self, widget: QWidget, stretch: int = 0) -> None:
        if self.view_button.parent() is None:     # after the subclass's title-row controls
            self.title_row.addWidget(self.view_button)
        self._layout.addWidget(widget, stretch)

    def fit_title_row(self) -> None:
        m = self._layout.contentsMargins()
        self.view_button.fit(self.width() - m.left() - m.right(), self.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_title_row()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange,
                            QEvent.Type.StyleChange):
            self.fit_title_row()

    def retranslate(self) -> None:
        """Every text of the pane in the current language (at the end of a subclass's
        constructor, and again when the language changes). Texts made while drawing follow
        at the next draw."""

    # -- what the window calls -------------------------------------------------------------
    def draw(self, histories, edges=None) -> None:
        """Show the latest state of ``histories`` (one RunHistory per run)."""
        raise NotImplementedError

    def warm_up(self) -> bool:
        """Make one more plot ahead of need while the window is idle; False when done."""
        return False

    def set_config(self, config) -> None:
        """The experiment shown changed (before any run of it)."""

    def show_preset(self, preset) -> None:
        """A preset was loaded (None: a file or settings that match none)."""

    def unavailable(self) -> str:
        """Why the pane has nothing to show for the experiment set (its tab is then disabled
        and says why), or "" when it has."""
        return ""

    def show_view(self, view: str | None) -> None:
        """A preset opens on ``view`` (one of the registry entry's views), or on another
        pane (None)."""

    def shutdown(self) -> None:
        """Stop and wait for the pane's background work (the window is closing)."""

    def export_table(self, histories, edges=None) -> tuple[list[str], list[list]] | None:
        """The header and rows of the data behind the pane, every layer included (CSV
        export); a pane without one leaves this out."""
        return None

    def has_table(self) -> bool:
        return type(self).export_table is not Pane.export_table
