"""The layer titles of a grid whose titles are a row of their own (a row per run): each the
longest text that fits over its column, centred on its plot's data area. Centred over the whole
column, "layer 1" sat some 30 px left of its histogram, over the y axis and its title."""
from __future__ import annotations


def fit_title(label, texts: tuple[str, ...] | None = None, first: int = 0) -> bool:
    """A column title: its long text ("layer 3") where it fits over its column, else the
    first shorter one that does ("3"): long titles over narrow columns ran into each other.
    ``first``: the first text to try. True if the long text is shown."""
    if texts is not None:
        label._texts = texts
    texts = getattr(label, "_texts", None)
    if texts is None:
        return True
    for text in texts[min(first, len(texts) - 1):]:
        if label.text != text:
            label.setText(text)
        rect = label.itemRect()         # with a gap to the next title: nearly touching, on
        if rect.width() + 0.3 * rect.height() <= label.size().width() + 2:   # screen they
            break                                                            # read as one
    return label.text == texts[0]


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
