"""The histograms a pane shows, made from the runs' fine histograms. Pure (NumPy, no Qt): the
window and ``initviz run --json`` call the same ``pane_view``, so the JSON holds exactly the
pictures of the window's default view.

- Each layer has its own range, shared by the runs of a comparison so that they compare;
  optionally one range for every layer of the pane (section A: the shrinking from layer to layer).
- The range covers the central 99.8 % of every run's non-zero values, rounded outward to tick
  multiples; bounded activations (sigmoid, tanh) keep their natural range.
- Values beyond the range are in no bin: each run's view counts them apart (``below``,
  ``above``; at most ``COVER`` of its values a side, too few to draw; on the magnitude axis up
  to ``SMALL_COVER`` of its smallest values, whose long thin tail would cost decades). Added to
  the end bins, as before, they made thin tails rise at the ends, as if values piled up there.
- With a ``ViewState`` the range follows the data calmly: it widens at once when values leave it
  and narrows only after they have stayed well inside for ``NARROW_AFTER`` updates.
- The magnitude axis shows log10|x| (positive and negative values apart) in bins of 1/8 decade;
  it is the default where histograms drawn over one range differ by more than
  ``MAGNITUDE_RATIO`` in spread, or where values have long tails.
- Exact zeros and non-finite values are never in a bin: each run's view carries their counts.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from .histograms import PER_DECADE, Histogram, round_step

FIELDS = ("activation", "preactivation", "gradient", "weight")
COVER = 0.001              # the range leaves out at most this share of a run's values per side
TAIL = 0.005               # (long tails: the central 98 % fills a sixth of the central 99 %)
MARGIN = 0.05              # room beyond the values, as a share of the range
NEAR_ZERO = 0.15           # a range of one-signed values starts at 0 if they come this close
NARROW_AFTER = 12          # updates the values must stay well inside before the range narrows
WELL_INSIDE = 0.6          # "well inside": the wanted range is below this share of the shown one
MAGNITUDE_RATIO = 100.0    # the magnitude axis is the default above this ratio of spreads ...
MAGNITUDE_KEEP = 30.0      # ... and, once chosen, stays until the ratio falls below this
MIN_DECADES = 2            # the magnitude axis spans at least this many decades
SMALL_COVER = 0.01         # a pane's magnitude axis leaves out at most this share of a run's
                           # smallest values (see wanted_magnitude)
SNAP_DECADES = 0.5         # a pane's magnitude range ends on multiples of half a decade


@dataclass(frozen=True)
class RunView:
    """One run's histogram in one layer's view. ``counts`` are values per bin (a fine bin that
    straddles two view bins is split in proportion, so they need not be whole numbers); on the
    magnitude axis ``counts`` holds the positive values and ``negative`` the negative ones.
    Values beyond the range (``below`` its left end, ``above`` its right end; on the magnitude
    axis smaller or larger in size), zeros and non-finite values are in no bin."""
    counts: np.ndarray
    zeros: int
    nan: int
    inf: int
    total: int
    negative: np.ndarray | None = None
    below: float = 0.0
    above: float = 0.0
    std: float = math.nan      # of all the run's values in the layer (zeros too), as Depth plots

    def share(self, counts: np.ndarray) -> np.ndarray:
        return counts / self.total if self.total else np.zeros_like(counts)


@dataclass(frozen=True)
class LayerView:
    layer: int                         # 1-based
    axis: str                          # "linear" or "magnitude" (edges in log10 units)
    edges: np.ndarray
    runs: tuple[RunView | None, ...]   # one per run; None where the run has no such layer


@dataclass(frozen=True)
class PaneView:
    field: str
    axis: str
    shared: bool
    layers: tuple[LayerView, ...]

    @cached_property
    def signed(self) -> bool:
        """On the magnitude axis, some run has negative values (drawn below the line); ReLU
        outputs have none, and a plot mirrored for them left its lower half empty."""
        return self.axis == "magnitude" and any(
            rv is not None and rv.negative is not None and bool(rv.negative.any())
            for lv in self.layers for rv in lv.runs)


@dataclass
class _Range:
    lo: float
    hi: float
    calm: int = 0      # updates in a row in which the wanted range was well inside


@dataclass
class ViewState:
    """What a pane keeps between frames: the shown range per (field, axis, layer) and the
    automatic axis choice per field. A new experiment starts with a fresh one."""
    ranges: dict = field(default_factory=dict)
    axes: dict = field(default_factory=dict)


# -- choosing ------------------------------------------------------------------------------
def spread_ratio(runs_layers, name: str, shared: bool) -> float:
    """How many times the widest histogram is wider than the narrowest among those that
    share a range: all of them if the layers share one, else the runs' within a layer."""
    n = max((len(ls) for ls in runs_layers if ls), default=0)
    groups = [[ls[l] for ls in runs_layers if ls and l < len(ls)] for l in range(n)]
    if shared:
        groups = [[s for g in groups for s in g]]
    ratio = 1.0
    for g in groups:
        stds = [getattr(s, name + "_std") for s in g]
        stds = [s for s in stds if math.isfinite(s) and s > 0]
        if len(stds) > 1:
            ratio = max(ratio, max(stds) / min(stds))
    return ratio


def _heavy_tailed(runs_layers, name: str) -> bool:
    """True where, in some layer, even the widest run's central 98 % would fill less than a
    sixth of a linear range that holds its central 99 % (a spike with long tails)."""
    n = max((len(ls) for ls in runs_layers if ls), default=0)
    for l in range(n):
        hs = [getattr(ls[l], name + "_hist") for ls in runs_layers if ls and l < len(ls)]
        qs = [q for q in (_quantiles(h, (TAIL, 1 - TAIL, 0.01, 0.99)) for h in hs) if q]
        wide = [x for q in qs for x in q[:2]]
        core = [q[3] - q[2] for q in qs]
        if wide and core and max(core) < (max(wide) - min(wide)) / 6:
            return True
    return False


def default_axis(runs_layers, name: str, bounded, shared: bool = False,
                 state: ViewState | None = None) -> str:
    """"magnitude" where histograms drawn over one range differ by more than MAGNITUDE_RATIO
    in spread (the layers of a pane that shares one range, the runs of a layer) or the values
    have long tails, else "linear". Bounded activations are always linear: their range is
    their own."""
    if name == "activation" and bounded is not None:
        return "linear"
    ratio = spread_ratio(runs_layers, name, shared)
    before = state.axes.get(name) if state is not None else None
    axis = "magnitude" if ratio > (MAGNITUDE_KEEP if before == "magnitude"
                                   else MAGNITUDE_RATIO) else "linear"
    if axis == "linear" and _heavy_tailed(runs_layers, name):
        axis = "magnitude"
    if state is not None:
        state.axes[name] = axis
    return axis


def common_bound(bounds):
    """The natural output range shared by every run's activation, or None."""
    bounds = set(bounds)
    return bounds.pop() if len(bounds) == 1 else None


# -- linear axis -----------------------------------------------------------------------------
def _quantiles(h: Histogram, qs) -> list[float]:
    cum = h.cumulative
    return np.interp(np.multiply(qs, cum[-1]), cum, h.edges).tolist() if cum[-1] else []


def wanted_linear(hists) -> tuple[float, float] | None:
    qs = [q for h in hists for q in _quantiles(h, (COVER, 1 - COVER))]
    if not qs:
        return None
    lo, hi = min(qs), max(qs)
    big = max(abs(lo), abs(hi))
    if hi - lo <= 1e-3 * big:       # a point mass (all-equal weights): show it in context
        c = (lo + hi) / 2
        return c - 0.5 * abs(c), c + 0.5 * abs(c)
    if 0 < lo <= NEAR_ZERO * hi:    # one-signed values from about 0 (ReLU outputs) from 0
        lo = 0.0
    elif lo <= NEAR_ZERO * hi < 0:
        hi = 0.0
    elif lo < 0 < hi and min(-lo, hi) > 0.4 * big:   # nearly symmetric: centre 0
        lo, hi = -big, big
    pad = MARGIN * (hi - lo)        # also below 0: the first bars are not the end bins
    return lo - pad, hi + pad


def snap_range(lo: float, hi: float) -> tuple[float, float]:
    step = round_step(hi - lo, 20)     # ends on round numbers, at most 1/20 of the width out
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def rebin_apart(h: Histogram, edges: np.ndarray) -> tuple[np.ndarray, float, float]:
    """``h.counts`` over ``edges`` (each fine bin split in proportion to its overlap with the
    view bins), and the counts below and above the edges."""
    cum = h.cumulative
    at = np.interp(edges, h.edges, cum)
    return np.diff(at), float(at[0]), float(cum[-1] - at[-1])


def rebin(h: Histogram, edges: np.ndarray) -> np.ndarray:
    """As ``rebin_apart``, values beyond the edges added to the end bins: for a natural
    range (a saturated sigmoid's 1.0 is in the last bin). Conserves the count."""
    counts, below, above = rebin_apart(h, edges)
    if counts.size:
        counts[0] += below
        counts[-1] += above
    return counts


# -- magnitude axis --------------------------------------------------------------------------
def _magnitude_counts(h: Histogram):
    """(first bin, positive, negative) as estimated counts of the whole array."""
    sampled = int(h.log_positive.sum() + h.log_negative.sum())
    scale = h.finite_nonzero / sampled if sampled else 0.0
    return h.log_first, h.log_positive * scale, h.log_negative * scale


def wanted_magnitude(hists, small: float = COVER) -> tuple[float, float] | None:
    """The log10|x| range over every run's values but at most ``small`` of its smallest and
    COVER of its largest. |x| of a normal spreads three decades below its σ to hold 99.9 %
    of the values, two for 99 %: with ``small`` = SMALL_COVER the values of act-tanh-compare
    take 8 decades instead of 10, and each decade more pixels."""
    ends = []
    for h in hists:
        first, pos, neg = _magnitude_counts(h)
        both = np.cumsum(pos + neg)
        if not both.size or not both[-1]:
            continue
        lo = int(np.searchsorted(both, small * both[-1], side="right"))
        hi = int(np.searchsorted(both, (1 - COVER) * both[-1], side="left"))
        ends += [first + lo, first + hi + 1]
    if not ends:
        return None
    lo, hi = min(ends), max(ends)                   # in bins of 1/8 decade
    pad = max(1, round(MARGIN * (hi - lo)))
    lo, hi = lo - pad, hi + pad
    short = MIN_DECADES * PER_DECADE - (hi - lo)
    if short > 0:
        lo, hi = lo - short // 2, hi + short - short // 2
    return lo / PER_DECADE, hi / PER_DECADE


def magnitude_edges(lo: float, hi: float) -> np.ndarray:
    """Bins of 1/8 decade, as the runs count them: however many decades, the narrowest
    histogram keeps its shape."""
    return np.arange(round(lo * PER_DECADE), round(hi * PER_DECADE) + 1) / PER_DECADE


def _rebin_signs(h: Histogram, edges: np.ndarray) -> list:
    """For positive, then negative values: (counts over ``edges`` (log10|x|), count of smaller
    and of larger magnitude than the edges)."""
    first, pos, neg = _magnitude_counts(h)
    k = np.round(edges * PER_DECADE).astype(np.int64) - first   # view edges in fine bins
    out = []
    for counts in (pos, neg):
        cum = np.concatenate([[0.0], np.cumsum(counts)])
        at = cum[np.clip(k, 0, len(counts))]
        out.append((np.diff(at), float(at[0]), float(cum[-1] - at[-1])))
    return out


def rebin_magnitude_apart(h: Histogram, edges: np.ndarray):
    """(positive, negative, smaller, larger): the counts over ``edges`` and beyond them."""
    (pos, b1, a1), (neg, b2, a2) = _rebin_signs(h, edges)
    return pos, neg, b1 + b2, a1 + a2


def snap_magnitude(lo: float, hi: float, step: float = 1.0) -> tuple[float, float]:
    """Out to multiples of ``step`` decades (whole decades by default)."""
    return math.floor(lo / step + 1e-9) * step, math.ceil(hi / step - 1e-9) * step


def _snap_pane(lo: float, hi: float) -> tuple[float, float]:
    return snap_magnitude(lo, hi, SNAP_DECADES)


# -- following the data ----------------------------------------------------------------------
def widened(shown: tuple[float, float], lo: float, hi: float,
            extra: float) -> tuple[float, float]:
    """``shown`` widened on each side the values [lo, hi] left it, with ``extra`` room beyond
    them there (the histograms' ranges and the Loss pane's log axis follow data this way)."""
    return (min(shown[0], lo - extra if lo < shown[0] else lo),
            max(shown[1], hi + extra if hi > shown[1] else hi))


def _follow(state: ViewState | None, key, wanted: tuple[float, float], snap) -> tuple:
    """The range to show, given the wanted one and what was shown before."""
    if state is None:
        return snap(*wanted)
    lo, hi = wanted
    cur = state.ranges.get(key)
    if cur is None or lo < cur.lo or hi > cur.hi:      # values left: widen at once
        if cur is not None:       # with room to spare on the side that grew
            lo, hi = widened((cur.lo, cur.hi), lo, hi, 0.15 * (hi - lo))
        state.ranges[key] = _Range(*snap(lo, hi))
    elif hi - lo < WELL_INSIDE * (cur.hi - cur.lo):
        cur.calm += 1
        if cur.calm >= NARROW_AFTER:
            state.ranges[key] = _Range(*snap(lo, hi))
    else:
        cur.calm = 0
    r = state.ranges[key]
    return r.lo, r.hi


# -- the view --------------------------------------------------------------------------------
def pane_view(runs_layers, name: str, *, bounded=None, shared: bool = False,
              axis: str = "auto", state: ViewState | None = None, bins: int = 60) -> PaneView:
    """The pictures of quantity ``name`` (one of FIELDS) for every layer.

    ``runs_layers``: per run, its tuple of LayerStats (or None before it has any);
    ``bounded``: the natural output range every run's activation shares, or None;
    ``shared``: one range for all layers; ``axis``: "linear", "magnitude" or "auto";
    ``state``: kept by the caller between frames for calm ranges (None: no history)."""
    if axis == "auto":
        axis = default_axis(runs_layers, name, bounded, shared, state)
    n_layers = max((len(ls) for ls in runs_layers if ls), default=0)
    hists = [[(getattr(ls[l], name + "_hist") if ls and l < len(ls) else None)
              for ls in runs_layers] for l in range(n_layers)]
    magnitude = axis == "magnitude"
    snap = _snap_pane if magnitude else snap_range

    def wanted(hs):
        hs = [h for h in hs if h is not None]
        w = wanted_magnitude(hs, SMALL_COVER) if magnitude else wanted_linear(hs)
        return w if w is not None else ((-1.0, 1.0) if not magnitude else (-1.0, 1.0))

    natural = bounded if name == "activation" and not magnitude else None
    ranges = []
    if natural is not None:
        ranges = [tuple(natural)] * n_layers
    elif shared and n_layers:
        ws = [wanted(hs) for hs in hists]
        whole = (min(w[0] for w in ws), max(w[1] for w in ws))
        ranges = [_follow(state, (name, axis, "all"), whole, snap)] * n_layers
    else:
        ranges = [_follow(state, (name, axis, l), wanted(hs), snap)
                  for l, hs in enumerate(hists)]
    layers = []
    for l, (hs, (lo, hi)) in enumerate(zip(hists, ranges)):
        if magnitude:
            edges = magnitude_edges(lo, hi)
        else:
            edges = np.linspace(lo, hi, bins + 1)
        runs = []
        for ls, h in zip(runs_layers, hs):
            if h is None:
                runs.append(None)
                continue
            std = getattr(ls[l], name + "_std")
            if magnitude:
                pos, neg, below, above = rebin_magnitude_apart(h, edges)
                runs.append(RunView(pos, h.zeros, h.nan, h.inf, h.total, neg, below, above, std))
            elif natural is not None:    # nothing lies beyond; values at the top bound
                runs.append(RunView(rebin(h, edges), h.zeros, h.nan, h.inf, h.total, None,
                                    0.0, 0.0, std))   # (σ(u) = 1.0) belong to the last bin
            else:
                counts, below, above = rebin_apart(h, edges)
                runs.append(RunView(counts, h.zeros, h.nan, h.inf, h.total, None, below, above,
                                    std))
        layers.append(LayerView(l + 1, axis, edges, tuple(runs)))
    return PaneView(name, axis, bool(shared), tuple(layers))


def overflowed_layers(layers) -> list[int]:
    """The layers (1-based) whose activations or pre-activations hold values beyond float32's
    ±3.4·10³⁸ or not-a-number: states to show, not errors. (Gradients are left out: once the
    forward signal overflows, the loss does, and every layer's gradient with it.)"""
    return [s.layer for s in layers or ()
            if s.activation_hist.nonfinite or s.preactivation_hist.nonfinite]


def layer_spans(layers: list[int]) -> str:
    """[1, 2, 3, 7] as "1–3, 7"."""
    out, start = [], None
    for k, n in enumerate(layers):
        if start is None:
            start = n
        if k + 1 == len(layers) or layers[k + 1] != n + 1:
            out.append(f"{start}–{n}" if n > start else f"{n}")
            start = None
    return ", ".join(out)
