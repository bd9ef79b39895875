"""Mean-field signal propagation in a wide random network (Poole et al. 2016; Schoenholz et al.
2017): weights W ~ N(0, σ_w²/n), biases b ~ N(0, σ_b²).

    length map       q_{l+1} = σ_w² ∫Dz φ(√q_l z)² + σ_b²            fixed point q*
    correlation map  c_{l+1} = (σ_w² ∫Dz₁Dz₂ φ(u₁)φ(u₂) + σ_b²) / q*   fixed point c*
    χ₁ = σ_w² ∫Dz φ'(√q* z)²       the slope of the correlation map at c = 1

χ₁ < 1: ordered (c* = 1, nearby inputs merge); χ₁ > 1: chaotic (c* < 1, they fly apart).
The depth scales ξ_q = −1/ln χ_q (χ_q the slope of the length map at q*) and
ξ_c = −1/ln χ_c (χ_c the slope of the correlation map at c*, which is χ₁ when c* = 1) say
over how many layers q and c forget the input; ξ_c diverges on the critical line χ₁ = 1.
Expectations are Gauss-Hermite sums (exact for ReLU's pieces: the nodes are symmetric and
none sits at 0)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..activations import make_activation
from ..stats import _GH_W, _GH_X

Q_MAX = 1e4          # pre-activation variances beyond this count as exploding
# 80 nodes per dimension for the pair moments: 40 left ξ_c 0.15 % low on the chaotic side
# (σ_w² = 4, where c* is small and tanh(u₁)tanh(u₂) is far from a polynomial); the Sweep
# overlay took 0.44 s instead of 0.28 s (before the Newton steps for c*).
_GH2_X, _GH2_W = np.polynomial.hermite_e.hermegauss(80)
_GH2_W = _GH2_W / _GH2_W.sum()
_Z1, _Z2 = np.meshgrid(_GH2_X, _GH2_X, indexing="ij")
_W2 = np.outer(_GH2_W, _GH2_W)


def phi_and_slope(activation: str, negative_slope: float = 0.01):
    """φ and φ' in float64 for an activation name of the engine."""
    act = make_activation(activation, negative_slope)

    def phi(u):
        return act.forward(np.asarray(u, np.float64))

    def slope(u):
        u = np.asarray(u, np.float64)
        return act.slope(u, act.forward(u), np.empty_like(u))
    return phi, slope


def length_map(q: float, sigma_w2: float, sigma_b2: float, phi) -> float:
    y = phi(math.sqrt(max(q, 0.0)) * _GH_X)
    return sigma_w2 * float(_GH_W @ (y * y)) + sigma_b2


def fixed_point_q(sigma_w2: float, sigma_b2: float, phi, q0: float = 1.0) -> float:
    """q*: the root of the length map's q_{l+1} = q_l (bisection: the map of a bounded φ is
    concave with one root). Unbounded φ (ReLU): iterate from q0; ``inf`` when it explodes."""
    g = lambda q: length_map(q, sigma_w2, sigma_b2, phi) - q  # noqa: E731
    if g(Q_MAX) < 0:
        lo, hi = 0.0, Q_MAX
        for _ in range(200):     # until the interval is a few ulps wide (about 60 halvings)
            mid = (lo + hi) / 2
            if not lo < mid < hi:
                break
            lo, hi = (mid, hi) if g(mid) > 0 else (lo, mid)
        return (lo + hi) / 2
    q = q0
    for _ in range(1000):
        nxt = length_map(q, sigma_w2, sigma_b2, phi)
        if not nxt < Q_MAX:
            return math.inf
        if abs(nxt - q) <= 1e-12 * max(q, 1e-12):
            return nxt
        q = nxt
    return q


def pair_moment(f, g, q1: float, q2: float, c) -> np.ndarray:
    """E[f(u₁) g(u₂)] for (u₁, u₂) normal with variances q1, q2 and correlation c (an array
    of correlations allowed)."""
    c = np.clip(np.asarray(c, np.float64), -1.0, 1.0)[..., None, None]
    u1 = math.sqrt(q1) * _Z1
    u2 = math.sqrt(q2) * (c * _Z1 + np.sqrt(1 - c * c) * _Z2)
    return np.sum(_W2 * f(u1) * g(u2), axis=(-2, -1))


@dataclass(frozen=True)
class MeanField:
    """The mean-field quantities of one (σ_w², σ_b², φ)."""
    sigma_w2: float
    sigma_b2: float
    q_star: float
    chi_1: float        # slope of the correlation map at c = 1
    chi_q: float        # slope of the length map at q*
    c_star: float
    chi_c: float        # slope of the correlation map at c*
    xi_q: float         # depth scale of the length: −1/ln χ_q
    xi_c: float         # depth scale of the correlation: −1/ln χ_c (inf at χ₁ = 1)

    @property
    def phase(self) -> str:
        return "ordered" if self.chi_1 < 1 else "chaotic" if self.chi_1 > 1 else "critical"


def _depth(chi: float) -> float:
    if not 0 < chi < 1:
        return math.inf
    return -1.0 / math.log(chi)


def chi_1(sigma_w2: float, sigma_b2: float, activation: str = "tanh",
          negative_slope: float = 0.01) -> float:
    phi, slope = phi_and_slope(activation, negative_slope)
    return _chi_1_at(fixed_point_q(sigma_w2, sigma_b2, phi), sigma_w2, slope)


def _chi_1_at(q: float, sigma_w2: float, slope) -> float:
    if not math.isfinite(q):
        return math.inf
    d = slope(math.sqrt(q) * _GH_X)
    return sigma_w2 * float(_GH_W @ (d * d))


def correlation_fixed_point(q: float, sigma_w2: float, sigma_b2: float, phi, slope
                            ) -> tuple[float, float]:
    """c* and χ_c in the chaotic phase (χ₁ > 1). Newton on g(c) = m(c) − c from c = 0, with
    m'(c) = σ_w² E[φ'(u₁)φ'(u₂)] (Price's theorem): m' grows with c, so g is convex, and
    g(0) ≥ 0 > g just below the unstable root c = 1; the steps then rise to c* without
    overshooting it, in about six steps where iterating the map took hundreds near the
    critical line (the Sweep tab's overlay waited 1.2 s for them). Should a step not rise,
    the map is iterated as before."""
    r = math.sqrt(q)
    u1 = r * _Z1
    f1, d1 = phi(u1), slope(u1)

    def moments(c):
        u2 = r * (c * _Z1 + math.sqrt(max(1.0 - c * c, 0.0)) * _Z2)
        return float(np.sum(_W2 * f1 * phi(u2))), float(np.sum(_W2 * d1 * slope(u2)))
    c = 0.0
    for _ in range(100):
        m, dm = moments(c)
        g, dg = (sigma_w2 * m + sigma_b2) / q - c, sigma_w2 * dm - 1.0
        if g == 0.0:
            break
        nxt = c - g / dg if dg < 0 else math.nan
        if abs(nxt - c) < 1e-14:      # at c* to rounding (the steps then wobble by an ulp)
            c = max(c, nxt)
            break
        if not c < nxt < 1.0:
            return _iterate_correlation(q, sigma_w2, sigma_b2, phi, slope)
        c = nxt
    return c, float(sigma_w2 * moments(c)[1])


def _iterate_correlation(q, sigma_w2, sigma_b2, phi, slope) -> tuple[float, float]:
    c = 0.0
    for _ in range(2000):  # the stable fixed point of the correlation map
        nxt = float((sigma_w2 * pair_moment(phi, phi, q, q, c) + sigma_b2) / q)
        if abs(nxt - c) < 1e-13:
            break
        c = nxt
    return c, float(sigma_w2 * pair_moment(slope, slope, q, q, c))


def mean_field(sigma_w2: float, sigma_b2: float, activation: str = "tanh",
               negative_slope: float = 0.01) -> MeanField:
    phi, slope = phi_and_slope(activation, negative_slope)
    q = fixed_point_q(sigma_w2, sigma_b2, phi)
    if not math.isfinite(q):
        nan = math.nan
        return MeanField(sigma_w2, sigma_b2, q, math.inf, nan, nan, nan, nan, nan)
    x1 = _chi_1_at(q, sigma_w2, slope)
    h = max(q, 1e-6) * 1e-4
    chi_q = (length_map(q + h, sigma_w2, sigma_b2, phi)
             - length_map(max(q - h, 0.0), sigma_w2, sigma_b2, phi)) / (q + h - max(q - h, 0.0))
    c_star, chi_c = 1.0, x1
    if x1 > 1 and q > 0:
        c_star, chi_c = correlation_fixed_point(q, sigma_w2, sigma_b2, phi, slope)
    return MeanField(sigma_w2, sigma_b2, q, x1, chi_q, c_star, chi_c, _depth(chi_q),
                     _depth(chi_c))


def critical_sigma_w2(sigma_b2: float, activation: str = "tanh", negative_slope: float = 0.01,
                      lo: float = 0.05, hi: float = 20.0) -> float:
    """The σ_w² where χ₁ = 1 for this σ_b²: the order-to-chaos line (χ₁ grows with σ_w²)."""
    f = lambda s: chi_1(s, sigma_b2, activation, negative_slope) - 1.0  # noqa: E731
    if f(lo) > 0 or f(hi) < 0:
        return math.nan
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) < 0 else (lo, mid)
    return (lo + hi) / 2


def relu_critical_sigma_w2(negative_slope: float = 0.0) -> float:
    """He et al. 2015: a ReLU with slope a keeps the variance for σ_w² = 2 / (1 + a²)."""
    return 2.0 / (1.0 + negative_slope * negative_slope)


def critical_line(sigma_b2s, activation: str = "tanh", negative_slope: float = 0.01):
    """σ_w² on the χ₁ = 1 line for each σ_b² (tanh family; the ReLU line does not move)."""
    if activation in ("relu", "leaky_relu"):
        a = negative_slope if activation == "leaky_relu" else 0.0
        return np.full(len(sigma_b2s), relu_critical_sigma_w2(a))
    return np.array([critical_sigma_w2(b, activation, negative_slope) for b in sigma_b2s])


def depth_scales(sigma_w2s, sigma_b2: float, activation: str = "tanh",
                 negative_slope: float = 0.01) -> tuple[np.ndarray, np.ndarray]:
    """ξ_q and ξ_c along a row of σ_w² (what the Sweep tab draws over its heat map)."""
    mfs = [mean_field(s, sigma_b2, activation, negative_slope) for s in sigma_w2s]
    return np.array([m.xi_q for m in mfs]), np.array([m.xi_c for m in mfs])
