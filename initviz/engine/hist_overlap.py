"""Which runs of a histogram view would hide each other when overlaid, and which would be lost
under the others: the pure rules behind the pane's legend ("close to ReLU: thin line on top")
and its default arrangement (overlaid, or each run in its own row). Pure NumPy, no Qt.

A run's drawn histogram is its bars as shares of all its values (exact zeros and non-finite
values are said in numbers, not drawn, so they are left out; on the magnitude axis the bars
below the line count as well). Run a's curve lies under run b's where b's bars have a's
heights: ``hidden_share(a, b)`` is the share of a's drawn values in bars that b's match,
each bar weighted by how closely (min/max of the two heights). 1 for equal histograms, 0.5
where b is twice as tall everywhere, 0 where b is empty wherever a is drawn. It is
asymmetric on purpose: ReLU's gradients (half of them exact zeros) lie wholly under the part of
leaky ReLU's that comes from the active units, while leaky ReLU's extra bump two decades lower
is its own.

Covering is not enough to call two runs the same: a truncated normal lies under the normal it
was cut from (its bars match the bell's middle), yet the lesson is that they differ (σ 0.88
against 1). Runs coincide only where, besides, their spreads (the std of all their values, as
the Depth tab plots it) agree within ``SPREAD_NEAR``, the Depth tab's rule for curves that
would hide each other.
"""
from __future__ import annotations

import numpy as np

HIDDEN = 0.9        # runs whose curves hide this much of one another's in every layer coincide
SPREAD_NEAR = 0.05  # ... if their spreads also agree within 5 % (as the Depth tab's curves)
SPIKE_RATIO = 3.0   # a bar this many times the next tallest (of its run) is clipped
SMEAR = 5.0         # a run whose tallest drawn bar is this many times lower than another's
                    # in the same plot is a smear under it
MAX_OVERLAID = 4    # more distinct runs than this are drawn in rows, not overlaid


def drawn_shares(rv) -> np.ndarray:
    """A run's drawn bars as shares of all its values (positive then negative bars)."""
    if not rv.total:
        return np.zeros(0)
    parts = [rv.counts] if rv.negative is None else [rv.counts, rv.negative]
    return np.concatenate(parts) / rv.total


def hidden_share(a, b) -> float:
    """How much of run a's drawn histogram run b's curve would hide (see the module's note)."""
    pa, pb = drawn_shares(a), drawn_shares(b)
    if pa.size != pb.size:
        return 0.0
    mass = float(pa.sum())
    if mass <= 0:
        return 1.0 if float(pb.sum()) <= 0 else 0.0
    hi = np.maximum(pa, pb)
    closeness = np.divide(np.minimum(pa, pb), hi, out=np.ones_like(hi), where=hi > 0)
    return float(np.dot(pa, closeness) / mass)


def near_spreads(a, b) -> bool:
    """Whether runs a and b have spreads within SPREAD_NEAR of each other (NaN: unknown,
    as where values overflowed; then only exactly equal pictures count as the same)."""
    return bool(abs(b.std - a.std) <= SPREAD_NEAR * abs(a.std))


def first_earlier(items: dict, close) -> dict[int, int]:
    """Run j -> the first earlier run i, not itself matched to another, with
    ``close(items[i], items[j])``: the rule by which a later run is drawn thinner, on top of
    the one it would hide (``items``: run index -> what the pane compares)."""
    same = {}
    for j, bj in items.items():
        for i, bi in items.items():
            if i < j and i not in same and close(bi, bj):
                same[j] = i
                break
    return same


def coinciding(view, n_runs: int) -> dict[int, tuple[int, bool]]:
    """Run j -> (the earlier run i whose curve j's hides or is hidden by, by at least HIDDEN
    in every layer of ``view``, with spreads within SPREAD_NEAR; whether the two are exactly
    equal). Run j is then drawn thinner, on top, so that both stay visible."""
    same = {}
    for j in range(n_runs):
        for i in range(j):
            if i in same:
                continue
            pairs = [(lv.runs[i], lv.runs[j]) for lv in view.layers
                     if i < len(lv.runs) and j < len(lv.runs)]
            if not pairs or any(a is None or b is None or not a.total or not b.total
                                for a, b in pairs):
                continue
            exact = all(a.total == b.total and a.zeros == b.zeros and
                        np.array_equal(drawn_shares(a), drawn_shares(b)) for a, b in pairs)
            if exact or all(near_spreads(a, b) and max(hidden_share(a, b), hidden_share(b, a))
                            >= HIDDEN for a, b in pairs):
                same[j] = (i, exact)
                break
    return same


def peak(pct: np.ndarray) -> tuple[float, float, int]:
    """Highest bin, the highest bin outside it, and where the highest is."""
    if pct.size < 2:
        return (float(pct.max()) if pct.size else 0.0), 0.0, 0
    at = int(np.argmax(pct))
    top = float(pct[at])
    # the largest of the rest, without np.delete's copy (ten times slower)
    rest = np.maximum(pct[:at].max(initial=-np.inf), pct[at + 1:].max(initial=-np.inf))
    return top, float(rest), at


def drawn_peak(pct: np.ndarray, peaks: tuple | None = None) -> float:
    """The height a run's tallest bar sets on the y scale (a clipped bar sets the next one's);
    ``peaks``: ``peak(pct)`` if already known."""
    top, second, _ = peak(pct) if peaks is None else peaks
    return second if top > SPIKE_RATIO * max(second, 0.5) else top


def smeared(view, n_runs: int) -> list[int]:
    """The layers (1-based) in which some run's tallest drawn bar is SMEAR times lower than
    another run's: overlaid on one y scale, it is a flat line under the other's peak."""
    out = []
    for lv in view.layers:
        peaks, unclipped = [], []
        for rv in lv.runs[:n_runs]:
            if rv is None or not rv.total:
                continue
            pct = drawn_shares(rv) * 100.0
            if rv.negative is not None:
                pct = np.maximum(pct[:len(rv.counts)], pct[len(rv.counts):])
            found = peak(pct)
            shown = drawn_peak(pct, found)
            peaks.append(shown)
            if shown == found[0]:      # a clipped bar is labelled, never lost
                unclipped.append(shown)
        if len(peaks) > 1 and unclipped and max(peaks) > SMEAR * max(min(unclipped), 1e-9):
            out.append(lv.layer)
    return out


def rows_by_default(view, n_runs: int, same: dict | None = None) -> bool:
    """Whether the pane shows each run in its own row (with its own y scale) by default:
    when a run would be a smear under another's peak in some layer, or when more than
    MAX_OVERLAID runs that do not coincide would share one plot."""
    if n_runs < 2:
        return False
    same = coinciding(view, n_runs) if same is None else same
    return n_runs - len(same) > MAX_OVERLAID or bool(smeared(view, n_runs))
