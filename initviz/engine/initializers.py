"""Weight initializers: one ``Scheme`` entry each in ``SCHEMES``.

A scheme knows everything about itself: its title and general formula (shown in the UI and by
``initviz schemes``), the InitConfig fields it reads, the mean, standard deviation and (for a
uniform) bound its formula gives for a layer shape, that formula with the layer's numbers filled
in, the short label of a run that uses it, and how to sample a ``(fan_in, fan_out)`` matrix from
an explicit ``numpy.random.Generator``. Adding a scheme is adding an entry. Names follow
``torch.nn.init`` where PyTorch has the scheme. The data-dependent schemes (LSUV, RBM
pre-training) start from a sample here and are finished by the runner (``lsuv.py``, ``rbm.py``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..translations import QT_TRANSLATE_NOOP
from .activations import calculate_gain

# Truncated normals are cut at this many standard deviations; values beyond are redrawn.
TRUNCATION = 2.0
# Standard deviation of a standard normal truncated to [-2, 2] (for the predicted spread).
_TRUNC_STD_FACTOR = math.sqrt(1.0 - 2.0 * TRUNCATION * math.exp(-TRUNCATION ** 2 / 2.0)
                              / (math.sqrt(2.0 * math.pi) * math.erf(TRUNCATION / math.sqrt(2.0))))
_UNIFORM = ",  W ~ U[−a, a)"     # what a formula's bound a means
# What the factor of a truncated normal's spread is (review 9: 0.8796 was unexplained).
TRUNC_NOTE = QT_TRANSLATE_NOOP("schemes", "({0}: the std of N(0, 1) cut at ±{1}; {2}: the σ "
                                          "drawn with)")

# The spread of a scheme with no formula (RBM pre-training, orthogonal): words to translate too.
EVERY_WEIGHT = QT_TRANSLATE_NOOP("schemes", "every weight = {0}")
MEAN_STD = QT_TRANSLATE_NOOP("schemes", "mean {0},  σ = {1}")


def number_text(v: float) -> str:
    """A number as a label shows it: with a true minus sign ("U[−1, 1)", not "U[-1, 1)")."""
    return f"{v:g}".replace("-", "−")


def _trunc_numbers(i, n, m) -> str:
    """"σ = 0.8796 · 1 = 0.8796,  |W| ≤ 2": the spread after the cut, from the σ drawn with
    ("σ = 1" beside a σ of 0.8796 read as a contradiction, review 8); ``describe`` says what
    0.8796 is."""
    centre = "W" if i.mean == 0 else f"W − {number_text(i.mean)}" if i.mean > 0 else \
        f"W + {number_text(-i.mean)}"
    return f"σ = {_TRUNC_STD_FACTOR:.4f} · {number_text(i.std)} = " \
           f"{_TRUNC_STD_FACTOR * i.std:.4g},  |{centre}| ≤ {number_text(TRUNCATION * i.std)}"


def _trunc_note(i) -> tuple[str, tuple]:
    return TRUNC_NOTE, (f"{_TRUNC_STD_FACTOR:.4f}", number_text(TRUNCATION), number_text(i.std))


@dataclass(frozen=True)
class Scheme:
    name: str
    title: str
    formula: str
    params: tuple[str, ...]       # which InitConfig fields the scheme reads
    # (init, fan_in, fan_out) -> (bound of a symmetric uniform or None, mean, std)
    spread: Callable
    # (init, fan_in, fan_out) -> the formula with this layer's numbers, or None
    numbers: Callable = lambda init, n, m: None
    # (rng, init, fan_in, fan_out, shape) -> weights; by default from ``spread``
    sampler: Callable | None = None
    whole_matrix: bool = False    # entries depend on the whole matrix (no other shape)
    short_label: Callable | None = None   # init -> a run's legend label; by default the title
    data_dependent: bool = False
    # init -> (template, fields): words said after the numbers (the window translates them)
    numbers_note: Callable | None = None

    def sample(self, init, fan_in: int, fan_out: int, rng: np.random.Generator, shape):
        if self.sampler is not None:
            return self.sampler(rng, init, fan_in, fan_out, shape)
        bound, _, std = self.spread(init, fan_in, fan_out)
        return rng.uniform(-bound, bound, shape) if bound is not None else \
            rng.normal(0.0, std, shape)

    def label(self, init) -> str:
        if self.short_label is not None:
            return self.short_label(init)
        if "gain" in self.params and init.gain != 1:
            return f"{self.title} ×{number_text(init.gain)}"
        if self.name.startswith("kaiming") and init.nonlinearity != "relu":
            return f"{self.title} ({init.nonlinearity})"
        return self.title


# -- the pieces the entries are made of -----------------------------------------------------
def fan_for_mode(fan_in: int, fan_out: int, mode: str) -> int:
    if mode == "fan_in":
        return fan_in
    if mode == "fan_out":
        return fan_out
    raise ValueError(f"mode must be 'fan_in' or 'fan_out', not {mode!r}")


def _lead(g: float) -> str:
    return f"{g:g} · " if g != 1 else ""


def _uniform(a: float) -> tuple[float, float, float]:
    return a, 0.0, a / math.sqrt(3.0)


def _xavier_gain(init, k: int) -> float:
    return init.gain * k


def _kaiming(init, n: int, m: int) -> tuple[float, int]:
    """The ReLU-family gain and the fan of a He/Kaiming scheme."""
    slope = init.negative_slope if init.nonlinearity == "leaky_relu" else None
    return calculate_gain(init.nonlinearity, slope), fan_for_mode(n, m, init.mode)


def _orthogonal(rng: np.random.Generator, fan_in: int, fan_out: int, gain: float) -> np.ndarray:
    rows, cols = max(fan_in, fan_out), min(fan_in, fan_out)
    q, r = np.linalg.qr(rng.standard_normal((rows, cols)))
    # Sign fix (Mezzadri 2007) so Q is uniform over the orthogonal group, not biased by QR.
    q *= np.sign(np.diag(r))
    if fan_in < fan_out:
        q = q.T
    return gain * q


def _trunc_normal(rng: np.random.Generator, shape, mean: float, std: float) -> np.ndarray:
    x = rng.standard_normal(shape)
    bad = np.abs(x) > TRUNCATION
    while bad.any():  # redraw: about 4.6 % per round
        x[bad] = rng.standard_normal(int(bad.sum()))
        bad = np.abs(x) > TRUNCATION
    return mean + std * x


def _xavier_spread(init, n: int, m: int, k: int, uniform: bool):
    if uniform:
        a = init.gain * math.sqrt(6.0 / (n + m))
        return _uniform(a * 4.0 if k == 4 else a)
    return None, 0.0, init.gain * math.sqrt(2.0 / (n + m)) * (4.0 if k == 4 else 1.0)


def _xavier_numbers(init, n: int, m: int, k: int, uniform: bool) -> str:
    g = _xavier_gain(init, k)
    if uniform:
        return f"a = {_lead(g)}√(6/({n}+{m})) = {g * math.sqrt(6 / (n + m)):.3g}{_UNIFORM}"
    return f"σ = {_lead(g)}√(2/({n}+{m})) = {g * math.sqrt(2 / (n + m)):.3g}"


def _xavier(name: str, title: str, k: int, uniform: bool) -> Scheme:
    """Glorot & Bengio's schemes; ``k`` = 4 for the logistic variants."""
    four = "4 · " if k == 4 else ""
    formula = f"W ~ U[−a, a),  a = {four}gain · √(6 / (n_in + n_out))" if uniform else \
        f"W ~ N(0, σ²),  σ = {four}gain · √(2 / (n_in + n_out))"
    return Scheme(name, title, formula, ("gain",),
                  lambda i, n, m: _xavier_spread(i, n, m, k, uniform),
                  lambda i, n, m: _xavier_numbers(i, n, m, k, uniform))


def _kaiming_numbers(i, n, m, uniform: bool) -> str:
    gain, fan = _kaiming(i, n, m)
    g2 = gain * gain
    if uniform:
        return f"a = √(3·{g2:.3g}/{fan}) = {gain * math.sqrt(3 / fan):.3g}{_UNIFORM}"
    return f"σ = √({g2:.3g}/{fan}) = {gain / math.sqrt(fan):.3g}"


def _lecun_numbers(i, n: int, m: int) -> str:
    if i.gain == 1:
        return f"σ = 1/√{n} = {1 / math.sqrt(n):.3g}"
    return f"σ = √({i.gain * i.gain:.3g}/{n}) = {i.gain / math.sqrt(n):.3g}"   # √(σ_w²/n_in)


_KAIMING = ("mode", "nonlinearity", "negative_slope")

SCHEMES: dict[str, Scheme] = {s.name: s for s in (
    Scheme("zeros", "all zeros", "W = 0", (), lambda i, n, m: (None, 0.0, 0.0),
           lambda i, n, m: "W = 0", lambda rng, i, n, m, shape: np.zeros(shape)),
    Scheme("ones", "all ones", "W = 1", (), lambda i, n, m: (None, 1.0, 0.0),
           lambda i, n, m: "W = 1", lambda rng, i, n, m, shape: np.ones(shape)),
    Scheme("constant", "constant", "W = c", ("value",), lambda i, n, m: (None, i.value, 0.0),
           lambda i, n, m: f"W = {number_text(i.value)}",
           lambda rng, i, n, m, shape: np.full(shape, i.value),
           short_label=lambda i: f"constant {number_text(i.value)}"),
    Scheme("uniform", "uniform U[a, b)", "W ~ U[a, b)", ("low", "high"),
           lambda i, n, m: (None, (i.low + i.high) / 2, (i.high - i.low) / math.sqrt(12.0)),
           lambda i, n, m: f"σ = ({number_text(i.high)} − "
                           f"{f'({number_text(i.low)})' if i.low < 0 else number_text(i.low)}"
                           ")/√12 = "
                           f"{(i.high - i.low) / math.sqrt(12):.3g}",
           lambda rng, i, n, m, shape: rng.uniform(i.low, i.high, shape),
           short_label=lambda i: f"U[{number_text(i.low)}, {number_text(i.high)})"),
    Scheme("normal", "normal N(μ, σ)", "W ~ N(μ, σ²)", ("mean", "std"),
           lambda i, n, m: (None, i.mean, i.std), lambda i, n, m: f"σ = {i.std:g}",
           lambda rng, i, n, m, shape: rng.normal(i.mean, i.std, shape) if i.std > 0
           else np.full(shape, i.mean),
           short_label=lambda i: f"N({number_text(i.mean)}, {number_text(i.std)})"),
    Scheme("trunc_normal", "truncated normal", "W ~ N(μ, σ²), values beyond μ ± 2σ redrawn",
           ("mean", "std"), lambda i, n, m: (None, i.mean, i.std * _TRUNC_STD_FACTOR),
           _trunc_numbers, lambda rng, i, n, m, shape: _trunc_normal(rng, shape, i.mean, i.std),
           short_label=lambda i: f"truncated N({number_text(i.mean)}, {number_text(i.std)})",
           numbers_note=_trunc_note),
    Scheme("standard_uniform", "1/√n rule (Glorot's \"standard\")",
           "W ~ U[−1/√n, 1/√n),  n = fan_in", (),
           lambda i, n, m: _uniform(1.0 / math.sqrt(n)),
           lambda i, n, m: f"a = 1/√{n} = {1 / math.sqrt(n):.3g}{_UNIFORM}"),
    _xavier("xavier_uniform", "Xavier/Glorot uniform", 1, uniform=True),
    _xavier("xavier_normal", "Xavier/Glorot normal", 1, uniform=False),
    _xavier("xavier_uniform_logistic", "Xavier uniform ×4 (logistic)", 4, uniform=True),
    _xavier("xavier_normal_logistic", "Xavier normal ×4 (logistic)", 4, uniform=False),
    Scheme("kaiming_uniform", "He/Kaiming/MSRA uniform",
           "W ~ U[−a, a),  a = gain · √(3 / n),  gain = √(2 / (1 + slope²)) for ReLU", _KAIMING,
           lambda i, n, m: _uniform(_kaiming(i, n, m)[0] * math.sqrt(3.0 / _kaiming(i, n, m)[1])),
           lambda i, n, m: _kaiming_numbers(i, n, m, uniform=True)),
    Scheme("kaiming_normal", "He/Kaiming/MSRA normal",
           "W ~ N(0, σ²),  σ = gain / √n,  gain = √(2 / (1 + slope²)) for ReLU", _KAIMING,
           lambda i, n, m: (None, 0.0, _kaiming(i, n, m)[0] / math.sqrt(_kaiming(i, n, m)[1])),
           lambda i, n, m: _kaiming_numbers(i, n, m, uniform=False)),
    Scheme("lecun_uniform", "LeCun uniform", "W ~ U[−a, a),  a = √(3 / n_in)", (),
           lambda i, n, m: _uniform(math.sqrt(3.0 / n)),
           lambda i, n, m: f"a = √(3/{n}) = {math.sqrt(3 / n):.3g}{_UNIFORM}"),
    # With a gain it is mean-field theory's W ~ N(0, σ_w²/n_in), σ_w = gain, in every layer.
    Scheme("lecun_normal", "LeCun normal", "W ~ N(0, σ²),  σ = gain/√n_in", ("gain",),
           lambda i, n, m: (None, 0.0, i.gain / math.sqrt(n)), _lecun_numbers),
    # Orthogonal columns of length gain: each entry has variance gain² / max(n_in, n_out).
    Scheme("orthogonal", "orthogonal", "W = gain · Q,  Q from QR of a normal matrix (sign-fixed)",
           ("gain",), lambda i, n, m: (None, 0.0, i.gain / math.sqrt(max(n, m))),
           lambda i, n, m: f"σ = {i.gain:g}/√{max(n, m)} = {i.gain / math.sqrt(max(n, m)):.3g}",
           lambda rng, i, n, m, shape: _orthogonal(rng, n, m, i.gain), whole_matrix=True),
    Scheme("lsuv", "LSUV (layer-sequential unit variance)",
           "orthogonal, then each layer scaled by 1/std(output) until |Var − 1| < tol",
           ("tolerance", "max_iterations"), lambda i, n, m: (None, 0.0, 1.0 / math.sqrt(max(n, m))),
           sampler=lambda rng, i, n, m, shape: _orthogonal(rng, n, m, 1.0), whole_matrix=True,
           data_dependent=True),
    Scheme("rbm", "RBM pre-training (CD-1)",
           "greedy stack of RBMs trained by contrastive divergence; weights start N(0, 0.01)",
           ("rbm_epochs", "rbm_learning_rate"), lambda i, n, m: (None, 0.0, 0.01),
           sampler=lambda rng, i, n, m, shape: rng.normal(0.0, 0.01, shape),
           data_dependent=True),
)}


def scheme(name: str) -> Scheme:
    try:
        return SCHEMES[name]
    except KeyError:
        raise ValueError(f"unknown scheme {name!r}") from None


# -- what the rest of initviz calls ---------------------------------------------------------
def scheme_bound_and_std(init, fan_in: int, fan_out: int) -> tuple[float | None, float, float]:
    """(bound or None, mean, std) that the scheme's formula gives for this layer shape."""
    return scheme(init.scheme).spread(init, fan_in, fan_out)


def sample_weights(init, fan_in: int, fan_out: int, rng: np.random.Generator,
                   dtype=np.float32, shape=None) -> np.ndarray:
    """Sample a (fan_in, fan_out) weight matrix for ``init`` (an InitConfig). ``shape`` draws
    that many weights of the same layer's distribution instead (not for orthogonal, whose
    entries depend on the whole matrix)."""
    s = scheme(init.scheme)
    shape = (fan_in, fan_out) if shape is None or s.whole_matrix else shape
    return np.ascontiguousarray(s.sample(init, fan_in, fan_out, rng, shape), dtype=dtype)


def formula_with_numbers(init, fan_in: int, fan_out: int, short: bool = False,
                         translate=lambda text: text) -> str | None:
    """The scheme's formula with this layer's numbers, e.g. ``σ = √(2/100) = 0.141``, or None
    where there is no closed form; then the scheme's note on its numbers in the language of
    ``translate`` (context "schemes"). ``short`` leaves out what a uniform's bound means, for a
    narrow column that names the scheme beside it."""
    s = scheme(init.scheme)
    text = s.numbers(init, fan_in, fan_out)
    if text and s.numbers_note is not None:
        template, fields = s.numbers_note(init)
        text += "  " + translate(template).format(*fields)
    return text.replace(_UNIFORM, "") if short and text else text


def describe(init, fan_in: int, fan_out: int, short: bool = False,
             translate=lambda text: text) -> str:
    """The formula with this layer's numbers where there is one, else its spread."""
    text = formula_with_numbers(init, fan_in, fan_out, short, translate)
    if text:
        return text
    bound, mean, std = scheme_bound_and_std(init, fan_in, fan_out)
    if bound is not None:
        return f"U[−{bound:.3g}, {bound:.3g}),  σ = {std:.3g}"
    if std == 0:
        return translate(EVERY_WEIGHT).format(number_text(mean))
    return translate(MEAN_STD).format(f"{mean:.3g}".replace("-", "−"), f"{std:.3g}")


def run_label(init) -> str:
    """A short legend label for a run with this initialization."""
    return scheme(init.scheme).label(init)
