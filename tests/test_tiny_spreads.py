"""A vanished gradient is tiny, not 0: residual-deep's plain net has float32 gradients near
10⁻²⁵ in its lowest layers, whose squares underflow, and the Depth tab said "std 0" there
while the Gradients tab drew them."""
import numpy as np

from initviz.engine.stats import mean_std


def test_spreads_whose_squares_underflow_are_measured_not_zero():
    rng = np.random.default_rng(7)
    for scale in (1e-21, 1e-25, 1e-30, 1e-35):
        x = (rng.standard_normal(20000) * scale).astype(np.float32)
        _, std = mean_std(x)
        want = float(np.std(x.astype(np.float64)))
        assert want > 0 and abs(std - want) <= 1e-6 * want


def test_ordinary_spreads_are_numpys_to_the_bit_and_zero_stays_zero():
    rng = np.random.default_rng(8)
    for dtype in (np.float32, np.float64):
        x = rng.standard_normal((64, 33)).astype(dtype)
        assert mean_std(x) == (float(np.mean(x)), float(np.std(x)))
    assert mean_std(np.full(100, 0.25, np.float32)) == (0.25, 0.0)
    assert mean_std(np.zeros(10, np.float32)) == (0.0, 0.0)
