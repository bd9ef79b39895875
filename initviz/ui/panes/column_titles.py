"""The layer titles of a grid whose titles are a row of their own (a row per run): each the
longest text that fits over its column, centred on its plot's data area. Centred over the whole
column, "layer 1" sat some 30 px left of its histogram, over the y axis and its title."""
from __future__ import annotations


# Unscaled text sizes by (text, style, font): a grid refits its titles at every resize and
# layout pass, and measuring by setting the text (a Qt HTML layout each time) cost a window's
# construction ~18,000 setHtml calls.
_SIZES: dict = {}


def _size(label, text: str) -> tuple[float, float]:
    o = label.opts
    key = (text, o.get("size"), o.get("family"), o.get("bold"), o.get("italic"),
           label.item.font().key())
    size = _SIZES.get(key)
    if size is None:
        if label.text != text:
            label.setText(text)
        r = label.item.boundingRect()
        size = _SIZES[key] = (r.width(), r.height())
        if len(_SIZES) > 4096:
            _SIZES.clear()
    return size


def title_fits(label, text: str) -> bool:
    """Whether ``text`` fits over ``label``'s column, with a gap to the next title: nearly
    touching, on screen they read as one."""
    w, h = _size(label, text)
    scale = label.item.scale()
    return (w + 0.3 * h) * scale <= label.size().width() + 2


def fit_title(label, texts: tuple[str, ...] | None = None, first: int = 0) -> bool:
    """A column title: its long text ("layer 3") where it fits over its column, else the
    first shorter one that does ("3"): long titles over narrow columns ran into each other.
    ``first``: the first text to try. True if the long text is shown."""
    if texts is not None:
        label._texts = texts
    texts = getattr(label, "_texts", None)
    if texts is None:
        return True
    tried = texts[min(first, len(texts) - 1):]
    chosen = next((t for t in tried if title_fits(label, t)), tried[-1])
    if label.text != chosen:
        label.setText(chosen)
    return label.text == texts[0]


def fit_titles(titles: list) -> None:
    """A row of column titles: long ones only if every title but the first takes its long
    text (columns of equal width: "layer 8" fitted where "layer 10" did not, and the row read
    "layer 8  10"); the first keeps its own."""
    rest = [label for label in titles[1:] if getattr(label, "_texts", None)]
    long = all(title_fits(label, label._texts[0]) for label in rest)
    for i, label in enumerate(titles):
        fit_title(label, first=0 if long or i == 0 else 1)


def centre_on_plot(label, plot) -> None:
    """Keep ``label``'s text centred on ``plot``'s view box (not on the column, which holds
    the y axis too), within the label's parent: again whenever the label, the plot or its
    view box moves or is resized, or the label's text changes."""
    old = getattr(plot, "_title_centre", None)
    if old is not None:                 # a pooled plot under a new title: the old one lets go
        for signal in (plot.geometryChanged, plot.vb.sigResized):
            try:
                signal.disconnect(old)
            except (RuntimeError, TypeError):
                pass

    def centre(*_):
        try:
            if label.scene() is None or plot.scene() is not label.scene():
                return
            item = label.item
            box, text = plot.vb.sceneBoundingRect(), item.sceneBoundingRect()
            target = box.center().x()
            parent = label.parentItem()
            if parent is not None:          # not past the grid's right edge
                right = parent.sceneBoundingRect().right()
                target = min(target, right - text.width() / 2)
            item.moveBy(target - text.center().x(), 0)
        except RuntimeError:                # deleted with its grid
            pass
    plot._title_centre = centre
    for signal in (label.geometryChanged, plot.geometryChanged, plot.vb.sigResized):
        signal.connect(centre)
    resized = label.resizeEvent         # pyqtgraph calls it when the text changes (it centres)

    def resize(event=None):
        resized(event)
        centre()
    label.resizeEvent = resize
    centre()
