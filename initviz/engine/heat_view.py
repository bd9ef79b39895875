"""Through training: where each layer's values went, as a heat map per layer and run (step →
value or log10|value|, colour = share of the layer's values). Pure (NumPy, no Qt): the heat-map
pane and ``initviz run --through-training`` call the same ``heat_view``.

A layer's map has one value axis for every run and step (the union of the ranges
``hist_view`` would choose for each), so a column can be compared with any other. The
magnitude axis is the default where the spread of a layer changes more than
``hist_view.MAGNITUDE_RATIO`` times over the steps and runs, or has long tails.

As in the histogram views, values beyond the axis (on the magnitude axis: smaller or larger in
size) are in no row: each column counts them apart (``below``, ``above``). Added to the end
rows, a layer's thin tail lit the map's edge as if values piled up there.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .hist_view import (MAGNITUDE_RATIO, magnitude_edges, rebin_magnitude_apart, snap_range,
                        snap_magnitude, spread_ratio, wanted_linear, wanted_magnitude,
                        default_axis, rebin, rebin_apart)


@dataclass(frozen=True)
class HeatRun:
    steps: np.ndarray       # (T,) the training steps measured
    shares: np.ndarray      # (T, bins) share of all the layer's values in each bin
    zeros: np.ndarray       # (T,) share of exact zeros (in no bin)
    below: np.ndarray       # (T,) share beyond the axis's low end (in no bin)
    above: np.ndarray       # (T,) share beyond its high end (in no bin)


@dataclass(frozen=True)
class HeatLayer:
    layer: int                         # 1-based
    axis: str                          # "linear" or "magnitude" (edges in log10 units)
    edges: np.ndarray
    runs: tuple[HeatRun | None, ...]


def spread(n: int, limit: int) -> tuple[int, ...]:
    """Up to ``limit`` of ``n`` layers (0-based), spread from the first to the last."""
    if n <= limit:
        return tuple(range(n))
    return tuple(int(i) for i in np.unique(np.round(np.linspace(0, n - 1, limit))))


def compact(layers, limit: int = 10, most: int = 96) -> tuple:
    """``layers`` (LayerStats) as a heat-map column keeps them: ``limit`` layers spread over
    the depth, each histogram with at most ``most`` bins."""
    fields = ("activation_hist", "preactivation_hist", "gradient_hist", "weight_hist")
    return tuple(replace(layers[l], **{f: getattr(layers[l], f).coarsened(most)
                                       for f in fields})
                 for l in spread(len(layers), limit))


def _wanted(h, wanted_of, magnitude: bool, cache):
    key = (h, magnitude, "wanted")
    if cache is not None and key in cache:
        return cache[key]
    w = wanted_of([h])
    if cache is not None:
        cache[key] = w
    return w


def _row(h, edges, magnitude: bool, natural: bool, cache) -> tuple:
    """(shares per row, share below, share above) of ``h`` over ``edges``."""
    key = (h, magnitude, natural, edges.tobytes())
    row = cache.get(key) if cache is not None else None
    if row is None:
        if magnitude:
            pos, neg, below, above = rebin_magnitude_apart(h, edges)
            counts = pos + neg
        elif natural:     # nothing lies beyond; a value at the top bound is in the last row
            counts, below, above = rebin(h, edges), 0.0, 0.0
        else:
            counts, below, above = rebin_apart(h, edges)
        n = h.total or 1
        row = (counts / n, below / n, above / n)
        if cache is not None:
            cache[key] = row
    return row


def heat_view(series, name: str, *, bounded=None, axis: str = "auto", bins: int = 60,
              cache: dict | None = None) -> tuple[HeatLayer, ...]:
    """Per layer, every run's columns. ``series``: per run, a list of (step, LayerStats
    tuple) in step order; ``cache``: a dict the caller keeps between calls (rows already
    rebinned are not rebinned again)."""
    states = [layers for run in series for _, layers in run if layers]
    if not states:
        return ()
    if axis == "auto":      # long tails judged on the latest columns (cheaper than all)
        axis = default_axis([run[-1][1] for run in series if run], name, bounded)
        if axis == "linear" and not (name == "activation" and bounded is not None) and \
                spread_ratio(states, name, False) > MAGNITUDE_RATIO:
            axis = "magnitude"
    magnitude = axis == "magnitude"
    n_layers = max(len(ls) for ls in states)
    out = []
    for l in range(n_layers):
        hists = [getattr(ls[l], name + "_hist") for ls in states if l < len(ls)]
        natural = name == "activation" and bounded is not None and not magnitude
        if natural:
            lo, hi = bounded
        else:
            wanted_of = wanted_magnitude if magnitude else wanted_linear
            ends = [w for w in (_wanted(h, wanted_of, magnitude, cache) for h in hists) if w]
            wanted = (min(w[0] for w in ends), max(w[1] for w in ends)) if ends else (-1, 1)
            lo, hi = (snap_magnitude if magnitude else snap_range)(*wanted)
        edges = magnitude_edges(lo, hi) if magnitude else np.linspace(lo, hi, bins + 1)
        runs = []
        for run in series:
            cols = [(step, getattr(ls[l], name + "_hist")) for step, ls in run
                    if ls and l < len(ls)]
            if not cols:
                runs.append(None)
                continue
            made = [_row(h, edges, magnitude, natural, cache) for _, h in cols]
            zeros = np.array([h.zeros / h.total if h.total else 0.0 for _, h in cols])
            runs.append(HeatRun(np.array([s for s, _ in cols], np.int64),
                                np.array([m[0] for m in made]), zeros,
                                np.array([m[1] for m in made]), np.array([m[2] for m in made])))
        out.append(HeatLayer(states[0][l].layer if l < len(states[0]) else l + 1, axis, edges,
                             tuple(runs)))
    return tuple(out)
