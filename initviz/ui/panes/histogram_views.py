"""What a histogram pane draws, kept between frames: the pictures of the latest step, whose
ranges follow the data calmly (a ``hist_view.ViewState``), or, with "At the start", those of
step 0 (``run_history.AtStart``). Each has its own state and cache: looking at the start must
not move the live ranges, nor the live frames the start's."""
from __future__ import annotations

from initviz.engine.hist_view import ViewState, common_bound, pane_view

from ..run.run_history import AtStart


class _Shown:
    """One picture source: its ranges' state, and the last view with what it was made of."""

    def __init__(self):
        self.state, self.key, self.view, self.made_of = ViewState(), None, None, ()


class PaneViews:
    def __init__(self):
        self.at_start = False
        self.restart()

    def restart(self) -> None:
        """Ranges afresh (a new quantity, axis or range choice)."""
        self._shown = {False: _Shown(), True: _Shown()}

    def histories(self, histories) -> list:
        """The runs as drawn: as they stand, or as they stood at initialization."""
        if not self.at_start:
            return list(histories)
        return [h if isinstance(h, AtStart) else AtStart(h) for h in histories]

    def view_of(self, histories, field: str, axis: str, shared: bool):
        """The pictures of ``field`` for ``histories`` (a ``hist_view.PaneView``)."""
        histories = self.histories(histories)
        shown = self._shown[self.at_start]
        runs = [h for h in histories if h.layers is not None]
        joined = tuple(h.index for h in runs)
        # the start's layers never change (its version stays 0): they are told apart by
        # identity, kept alive in ``made_of`` so that no id is reused while it is cached
        made_of = tuple(h.layers for h in runs)
        key = (field, joined, tuple(h.layers_version for h in runs), tuple(map(id, made_of)))
        if shown.key != key:
            if shown.key is not None and shown.key[1] != joined:
                shown.state = ViewState()     # a run joined: afresh, whatever came first
            shown.view = pane_view(
                [h.layers for h in histories], field, axis=axis, shared=shared,
                state=shown.state,
                bounded=common_bound(h.layers[0].activation_range for h in runs if h.layers))
            shown.key, shown.made_of = key, made_of
        return shown.view
