"""One run's fine histograms: what a snapshot carries for each layer and quantity.

Each histogram depends only on the array it counts: its range comes from that array (snapped
outward to round numbers, so it stays put while the values move a little), never from other
runs or from earlier snapshots. The window and the result JSON make their (coarser, shared)
pictures from these with ``hist_view``.

- ``counts`` is exact over every finite non-zero value; values beyond the range (far
  outliers, at most a few per mille) are counted in the end bins.
- exact zeros (inactive ReLU units, dead gradients) and non-finite values are counted apart.
- the magnitude histogram counts log10|x| in bins of 1/8 decade, positive and negative values
  apart, over a deterministic strided subsample of at most about ``MAGNITUDE_SAMPLE`` values
  (binning millions of values by magnitude would cost more than everything else here); the
  stride is coprime with the row width, so every unit is sampled.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

FINE_BINS = 480            # at most; a round bin width gives between 192 and 480
PER_DECADE = 8             # magnitude bins per decade
MAGNITUDE_SAMPLE = 1 << 15
CORE = 0.001               # the range covers the central 99.8 % of values ...
REACH = 1.0                # ... and at most this many core widths beyond, if values are there


@dataclass(frozen=True, eq=False)
class Histogram:
    """One array's histogram. ``counts`` over ``edges`` (uniform) excludes exact zeros and
    non-finite values; ``total`` is the size of the array."""
    edges: np.ndarray
    counts: np.ndarray
    zeros: int
    nan: int
    inf: int
    total: int
    log_first: int             # magnitude bin k spans [(log_first+k)/8, (log_first+k+1)/8)
    log_positive: np.ndarray   # counts of the subsample's positive values
    log_negative: np.ndarray   # ... and of its negative values, by log10|x|

    @property
    def nonfinite(self) -> int:
        return self.nan + self.inf

    @property
    def finite_nonzero(self) -> int:
        return self.total - self.zeros - self.nan - self.inf

    @property
    def log_edges(self) -> np.ndarray:
        k = np.arange(self.log_first, self.log_first + len(self.log_positive) + 1)
        return k / PER_DECADE

    def __eq__(self, other) -> bool:
        if not isinstance(other, Histogram):
            return NotImplemented
        return all(np.array_equal(getattr(self, f), getattr(other, f)) for f in (
            "edges", "counts", "zeros", "nan", "inf", "total", "log_first", "log_positive",
            "log_negative"))

    __hash__ = object.__hash__

    @cached_property
    def cumulative(self) -> np.ndarray:
        """0 and the running sum of ``counts`` (float64, read-only): a pane's ranges, axis
        choice and rebinning read it several times a frame."""
        cum = np.concatenate([[0.0], np.cumsum(self.counts, dtype=np.float64)])
        cum.setflags(write=False)
        return cum

    def __getstate__(self):
        return {k: v for k, v in self.__dict__.items() if k != "cumulative"}   # not sent

    def coarsened(self, most: int = 96) -> "Histogram":
        """The same histogram with adjacent bins merged to at most ``most`` (exactly: whole
        bins are added), for keeping many of them (the through-training history)."""
        k = -(-len(self.counts) // most)
        if k <= 1:
            return self
        n = -(-len(self.counts) // k) * k
        counts = np.zeros(n, np.int64)
        counts[:len(self.counts)] = self.counts
        step = self.edges[1] - self.edges[0]
        edges = self.edges[0] + step * k * np.arange(n // k + 1)
        return Histogram(_frozen(edges), _frozen(counts.reshape(-1, k).sum(axis=1)),
                         self.zeros, self.nan, self.inf, self.total, self.log_first,
                         self.log_positive, self.log_negative)


def _frozen(a, dtype=None) -> np.ndarray:
    out = np.array(a, dtype=dtype, copy=True)
    out.setflags(write=False)
    return out


def round_step(width: float, most: int) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^k that divides ``width`` into at most ``most``
    bins."""
    raw = width / most
    mag = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0, 10.0):
        if m * mag >= raw * (1 - 1e-12):
            return m * mag
    return 10.0 * mag


def round_range(lo: float, hi: float, most: int) -> tuple[float, float, int]:
    """[lo, hi] widened to multiples of a round bin width; returns (lo, hi, bins)."""
    if not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = -1.0, 1.0
    if not hi > lo:
        half = max(abs(lo) * 0.5, 1e-30)
        lo, hi = lo - half, hi + half
    step = round_step(hi - lo, most)
    while True:
        a, b = math.floor(lo / step), math.ceil(hi / step)
        if b - a <= most:
            break
        step = round_step((b - a + 1) * step, most)   # rare: widening crossed a step size
    if b == a:
        b = a + 1
    return a * step, b * step, int(b - a)


_K_MIN, _K_MAX = -360, 310      # magnitude bins from below 1.4e-45 to beyond 3.4e38
_SHIFT = 12                     # the table reads the exponent and 11 mantissa bits
_tables = None


def _log_tables():
    """Bin k of log10|x| from float32 bits without a logarithm: the bit patterns of positive
    floats are ordered like their values, so bin k starts at the pattern of the smallest
    float32 >= 10^(k/8) (``starts``); ``table`` gives the bin of the lowest pattern in each
    block of 2^_SHIFT patterns (a block is 0.05 % wide, so at most one bin starts in it)."""
    global _tables
    if _tables is None:
        exact = 10.0 ** (np.arange(_K_MIN, _K_MAX + 2) / PER_DECADE)
        with np.errstate(over="ignore"):
            b = exact.astype(np.float32)
        low = b.astype(np.float64) < exact
        b[low] = np.nextafter(b[low], np.float32(np.inf))
        starts = b.view(np.int32)
        blocks = np.arange(1 << (31 - _SHIFT), dtype=np.int64) << _SHIFT
        table = (np.searchsorted(starts, blocks, side="right") - 1).astype(np.int16)
        _tables = starts, table
    return _tables


def sample_stride(size: int, width: int) -> int:
    """The stride of the magnitude subsample: at least size / MAGNITUDE_SAMPLE and coprime
    with the row width, so that the sample visits every column (unit), not every 4th."""
    stride = max(1, -(-size // MAGNITUDE_SAMPLE))
    while stride > 1 and math.gcd(stride, width) != 1:
        stride += 1
    return stride


def _magnitudes(flat: np.ndarray, width: int):
    """(first bin, positive counts, negative counts) of log10|x| over a strided subsample of
    the finite values ``flat`` (rows of ``width``)."""
    sub = flat[::sample_stride(flat.size, width)]
    a = np.abs(sub)
    is_zero = a == 0
    zeros = int(np.count_nonzero(is_zero))
    if zeros == a.size:
        return 0, np.zeros(1, np.int64), np.zeros(1, np.int64)
    a[is_zero] = 1        # counted in bin 0 and taken out again (cheaper than a selection)
    starts, table = _log_tables()
    bits = a.view(np.int32)
    k = table[bits >> _SHIFT].astype(np.intp)
    k += bits >= starts[k + 1]
    lo = int(k.min())
    n = int(k.max()) - lo + 1
    k -= lo
    k += (sub < 0) * n    # negative values in the second half (k[sub < 0] is 20x slower)
    both = np.bincount(k, minlength=2 * n)
    pos, neg = both[:n].astype(np.int64), both[n:].astype(np.int64)
    first = lo + _K_MIN
    if zeros:
        pos[-first] -= zeros
    used = np.flatnonzero(pos + neg)
    lo, hi = int(used[0]), int(used[-1]) + 1
    return first + lo, pos[lo:hi], neg[lo:hi]


def _signed_quantiles(first, pos, neg, qs) -> list[float]:
    """Outward estimates of the quantiles ``qs`` of the signed values from the magnitude
    counts: the outer edge of the bin each falls in."""
    # Signed order: negatives from the largest magnitude down, then positives upward.
    counts = np.concatenate([neg[::-1], pos])
    cum = np.cumsum(counts)
    total = cum[-1]
    n = len(pos)
    out = []
    for q in qs:
        i = int(np.searchsorted(cum, q * total, side="right" if q < 0.5 else "left"))
        i = min(i, len(counts) - 1)
        if i < n:        # a negative bin: magnitude bin n - 1 - i
            k = first + n - 1 - i
            out.append(-(10.0 ** ((k + (1 if q < 0.5 else 0)) / PER_DECADE)))
        else:
            k = first + i - n
            out.append(10.0 ** ((k + (0 if q < 0.5 else 1)) / PER_DECADE))
    return out


def _fine_range(first, pos, neg) -> tuple[float, float]:
    if not (pos.sum() + neg.sum()):
        return -1.0, 1.0
    lo, hi, c_lo, c_hi = _signed_quantiles(first, pos, neg, (0.0, 1.0, CORE, 1.0 - CORE))
    w = c_hi - c_lo
    return max(lo, c_lo - REACH * w), min(hi, c_hi + REACH * w)


def _refined_range(counts, zeros, lo, hi) -> tuple[float, float]:
    """The range ``_fine_range`` aims at, from linear counts over [lo, hi]."""
    counts = counts.astype(np.float64)
    if zeros:    # the zeros are in the bin that holds 0; their place matters not here
        counts[min(max(int((0 - lo) / (hi - lo) * len(counts)), 0), len(counts) - 1)] -= zeros
    cum = np.cumsum(counts)
    if not cum[-1] > 0:
        return lo, hi
    e = np.linspace(lo, hi, len(counts) + 1)
    full = np.concatenate([[0.0], cum])
    c_lo, c_hi = np.interp([CORE * cum[-1], (1 - CORE) * cum[-1]], full, e)
    nz = np.flatnonzero(counts > 0)
    w = c_hi - c_lo
    return max(e[nz[0]], c_lo - REACH * w), min(e[nz[-1] + 1], c_hi + REACH * w)


def _linear_counts(flat, lo, hi, bins, scratch) -> np.ndarray:
    """Counts of ``flat`` over ``bins`` uniform bins of [lo, hi]; values beyond land in the
    end bins. Cheaper than np.histogram (no sort, no search)."""
    dtype = np.float64 if max(abs(lo), abs(hi)) > 1e37 else np.float32   # lo, hi fit?
    t = np.subtract(flat, lo, out=scratch(dtype, flat.shape), dtype=dtype)
    t *= bins / (hi - lo)
    # Clip before the integer cast: a value beyond the int64 range would wrap around.
    np.clip(t, 0, bins - 1, out=t)
    idx = scratch(np.intp, flat.shape)
    np.copyto(idx, t, casting="unsafe")  # truncates, as astype does
    return np.bincount(idx, minlength=bins).astype(np.int64)


def fine_histogram(x: np.ndarray, scratch=None, all_finite: bool = False) -> Histogram:
    """The histogram of ``x`` over its own round range. ``scratch(dtype, shape)`` may hand
    out reusable buffers; ``all_finite``: the caller knows every value is finite."""
    if scratch is None:
        scratch = lambda dtype, shape: np.empty(shape, dtype)  # noqa: E731
    x = np.asarray(x, np.float32)
    width = x.shape[-1] if x.ndim else 1
    flat = x.ravel()
    total = flat.size
    nan = inf = 0
    if not all_finite and not math.isfinite(float(np.add.reduce(flat))):
        finite = np.isfinite(flat)
        nan = int(np.count_nonzero(np.isnan(flat)))
        inf = total - int(np.count_nonzero(finite)) - nan
        flat = flat[finite]
    zeros = int(np.count_nonzero(np.equal(flat, 0, out=scratch(np.bool_, flat.shape))))
    first, pos, neg = _magnitudes(flat, width)
    lo, hi, bins = round_range(*_fine_range(first, pos, neg), FINE_BINS)
    counts = _linear_counts(flat, lo, hi, bins, scratch)
    # Magnitude bins are a third of a decade wide: values far from 0 (3.00 ± 0.01) fill few
    # of these bins. Count once more over the range the counts themselves give.
    lo2, hi2, bins2 = round_range(*_refined_range(counts, zeros, lo, hi), FINE_BINS)
    if hi2 - lo2 < 0.5 * (hi - lo):
        lo, hi, bins = lo2, hi2, bins2
        counts = _linear_counts(flat, lo, hi, bins, scratch)
    if zeros:   # the zeros were counted in the bin that holds 0: take them out again
        at = _linear_counts(np.zeros(1, np.float32), lo, hi, bins, scratch)
        counts -= zeros * at
    step = (hi - lo) / bins
    k = round(lo / step) + np.arange(bins + 1)
    # Round numbers, as close as floats get: 169 / 40 is 4.225, 169 * 0.025 is not.
    edges = k / round(1 / step) if step < 1 else k * step
    return Histogram(_frozen(edges), _frozen(counts), zeros, nan, inf, total, first,
                     _frozen(pos), _frozen(neg))
