"""The logistic sigmoid (activations._sigmoid, used by the hidden layers, the binary output and
the RBMs) against the exact value, in float32 and float64: within 4 ulp wherever the value is
a normal number (the split-by-sign form it replaced: 2.6 ulp in float32, this one 2.5;
float64 2.0 and 3.0), 0 and 1 at the far ends, no warning from its overflowing exponential."""
from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from initviz.engine.activations import _sigmoid


def exact(z: float) -> float:
    return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_is_within_four_ulp_and_quiet(dtype):
    rng = np.random.default_rng(0)
    z = np.concatenate([rng.standard_normal(4000) * s for s in (0.1, 3, 30, 300)])
    z = np.concatenate([z, [-1e30, -800, -100, -88, 0, 88, 100, 1e30]]).astype(dtype)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = _sigmoid(z)
        into = np.empty_like(z)
        assert _sigmoid(z, into) is into and np.array_equal(into, got)
    assert got.dtype == dtype
    want = np.array([exact(float(v)) for v in z])
    normal = want >= np.finfo(dtype).tiny
    ulp = np.spacing(want[normal].astype(dtype)).astype(float)
    assert np.all(np.abs(got[normal] - want[normal]) <= 4 * ulp)
    assert np.all(got[~normal] <= np.finfo(dtype).tiny)       # 0 or a subnormal
    assert got[z == dtype(-1e30)][0] == 0 and got[z == dtype(1e30)][0] == 1
    assert got[z == 0][0] == 0.5
    assert np.all((got >= 0) & (got <= 1))
