"""Section I's gallery: every scheme sampled for one layer shape, checked against its formula."""
import math

import numpy as np
import pytest

from initviz.engine.initializers import SCHEMES
from initviz.engine.scheme_gallery import BINS, LIMIT, gallery, schemes

SHAPES = [(100, 100), (784, 256), (30, 500), (4096, 2048)]


def test_every_scheme_but_the_data_dependent_ones():
    assert set(schemes()) == {k for k, s in SCHEMES.items() if not s.data_dependent}
    assert "lsuv" not in schemes() and "rbm" not in schemes()


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("shape", SHAPES)
def test_measured_spread_matches_the_formula(shape, seed):
    for e in gallery(*shape, seed=seed):
        n = e.samples
        assert n == min(shape[0] * shape[1], LIMIT) or e.scheme == "orthogonal"
        assert e.percent.sum() == pytest.approx(100.0)      # every weight is in a bin
        assert len(e.edges) == BINS + 1 and np.all(np.diff(e.edges) > 0)
        if e.std == 0:
            assert e.measured_std == 0 and e.measured_mean == e.mean
            continue
        # a standard deviation from n samples is off by about 1/√(2n); allow 6 of those
        assert e.measured_std == pytest.approx(e.std, rel=6 / math.sqrt(2 * n) + 1e-3), e.scheme
        assert abs(e.measured_mean - e.mean) < 6 * e.std / math.sqrt(n), e.scheme


def test_the_formulas_numbers():
    by = {e.scheme: e for e in gallery(100, 100)}
    assert by["kaiming_normal"].std == pytest.approx(math.sqrt(2 / 100))
    assert by["xavier_uniform"].std == pytest.approx(math.sqrt(6 / 200) / math.sqrt(3))
    assert by["xavier_normal_logistic"].std == pytest.approx(4 * math.sqrt(2 / 200))
    assert by["standard_uniform"].std == pytest.approx(1 / math.sqrt(100) / math.sqrt(3))
    assert by["uniform"].std == pytest.approx(2 / math.sqrt(12))
    assert by["trunc_normal"].std < 0.9 * by["normal"].std     # the 2σ cut narrows it
    assert by["constant"].mean == 0.5


def test_a_bad_shape_says_so():
    with pytest.raises(ValueError, match="layer shape 0 × 10"):
        gallery(0, 10)


def test_the_schemes_set_by_numbers_take_the_experiments():
    """distributions' lesson runs U[−3, 3): its gallery showed U[−1, 1) (review 9)."""
    from initviz.engine.presets import get
    from initviz.engine.scheme_gallery import experiment_settings
    by = {e.scheme: e for e in gallery(256, 256, settings=experiment_settings(
        get("distributions").config))}
    assert by["uniform"].title() == "U[−3, 3)"
    assert by["uniform"].std == pytest.approx(3 ** 0.5)
    assert by["uniform"].measured_std == pytest.approx(3 ** 0.5, rel=0.01)
    assert by["normal"].title() == "N(0, 1)" and by["trunc_normal"].title() == "truncated N(0, 1)"
    assert by["xavier_uniform"].title() == "Xavier uniform"
    by = {e.scheme: e for e in gallery(64, 64, settings=experiment_settings(
        get("mnist-normal-vs-truncated").config))}
    assert by["trunc_normal"].title() == "truncated N(0, 0.1)"
    assert by["trunc_normal"].measured_std == pytest.approx(0.08796, rel=0.03)
    assert by["uniform"].title() == "U[−1, 1)"          # no uniform run: the usual one
