"""Each initializer's sample statistics against its formula."""
import math

import numpy as np
import pytest

from initviz.engine.activations import calculate_gain
from initviz.engine.config import InitConfig
from initviz.engine.initializers import SCHEMES, sample_weights, scheme_bound_and_std

FAN_IN, FAN_OUT = 300, 200

CASES = [
    (InitConfig("uniform", low=-0.3, high=0.5), -0.3, 0.5, 0.1, 0.8 / math.sqrt(12)),
    (InitConfig("normal", mean=0.2, std=0.1), None, None, 0.2, 0.1),
    (InitConfig("standard_uniform"), -1 / math.sqrt(FAN_IN), 1 / math.sqrt(FAN_IN), 0.0,
     1 / math.sqrt(3 * FAN_IN)),
    (InitConfig("xavier_uniform", gain=2.0), -2 * math.sqrt(6 / 500), 2 * math.sqrt(6 / 500),
     0.0, 2 * math.sqrt(2 / 500)),
    (InitConfig("xavier_normal"), None, None, 0.0, math.sqrt(2 / 500)),
    (InitConfig("xavier_uniform_logistic"), -4 * math.sqrt(6 / 500), 4 * math.sqrt(6 / 500),
     0.0, 4 * math.sqrt(2 / 500)),
    (InitConfig("xavier_normal_logistic"), None, None, 0.0, 4 * math.sqrt(2 / 500)),
    (InitConfig("kaiming_uniform"), -math.sqrt(6 / FAN_IN), math.sqrt(6 / FAN_IN), 0.0,
     math.sqrt(2 / FAN_IN)),
    (InitConfig("kaiming_normal"), None, None, 0.0, math.sqrt(2 / FAN_IN)),
    (InitConfig("kaiming_normal", mode="fan_out", nonlinearity="leaky_relu", negative_slope=0.2),
     None, None, 0.0, math.sqrt(2 / 1.04) / math.sqrt(FAN_OUT)),
    (InitConfig("lecun_uniform"), -math.sqrt(3 / FAN_IN), math.sqrt(3 / FAN_IN), 0.0,
     1 / math.sqrt(FAN_IN)),
    (InitConfig("lecun_normal"), None, None, 0.0, 1 / math.sqrt(FAN_IN)),
    (InitConfig("lecun_normal", gain=1.5), None, None, 0.0, 1.5 / math.sqrt(FAN_IN)),
    (InitConfig("orthogonal", gain=1.5), None, None, 0.0, 1.5 / math.sqrt(FAN_IN)),
]


@pytest.mark.parametrize("init,low,high,mean,std", CASES, ids=lambda c: getattr(c, "scheme", ""))
def test_sample_statistics_match_formula(init, low, high, mean, std):
    w = sample_weights(init, FAN_IN, FAN_OUT, np.random.default_rng(0), np.float64)
    assert w.shape == (FAN_IN, FAN_OUT)
    n = w.size
    # 60 000 samples: the sample mean is within 5 standard errors, the std within 2 %.
    assert abs(w.mean() - mean) < 5 * std / math.sqrt(n) + 1e-12
    assert w.std() == pytest.approx(std, rel=0.02)
    if low is not None:
        assert w.min() >= low and w.max() < high
        assert w.min() < low + 0.01 * (high - low) and w.max() > high - 0.01 * (high - low)
    _, f_mean, f_std = scheme_bound_and_std(init, FAN_IN, FAN_OUT)
    assert f_mean == pytest.approx(mean) and f_std == pytest.approx(std, rel=1e-9)


def test_truncated_normal_redraws_beyond_two_sigma():
    init = InitConfig("trunc_normal", mean=0.5, std=0.1)
    w = sample_weights(init, 400, 400, np.random.default_rng(1), np.float64)
    assert w.min() >= 0.3 and w.max() <= 0.7
    assert w.min() < 0.302 and w.max() > 0.698  # the cut is at 2σ, not inside it
    _, mean, std = scheme_bound_and_std(init, 400, 400)
    assert w.mean() == pytest.approx(0.5, abs=5 * 0.1 / 400)
    assert w.std() == pytest.approx(std, rel=0.01)
    assert std == pytest.approx(0.1 * 0.8796, rel=1e-3)  # std of N(0,1) cut at ±2


@pytest.mark.parametrize("shape", [(300, 200), (200, 300), (128, 128)])
def test_orthogonal_is_orthogonal(shape):
    w = sample_weights(InitConfig("orthogonal", gain=2.0), *shape, np.random.default_rng(2),
                       np.float64)
    small = min(shape)
    gram = w.T @ w if shape[0] >= shape[1] else w @ w.T
    np.testing.assert_allclose(gram, 4.0 * np.eye(small), atol=1e-10)


def test_orthogonal_sign_fix_makes_diagonal_unbiased():
    # Without the sign fix, QR's Q has a biased diagonal (R's diagonal is positive).
    rng = np.random.default_rng(3)
    diag = np.mean([sample_weights(InitConfig("orthogonal"), 4, 4, rng, np.float64)[0, 0]
                    for _ in range(4000)])
    assert abs(diag) < 0.05


@pytest.mark.parametrize("scheme,value", [("zeros", 0.0), ("ones", 1.0)])
def test_constants(scheme, value):
    w = sample_weights(InitConfig(scheme), 5, 7, np.random.default_rng(0))
    assert (w == value).all() and w.dtype == np.float32
    c = sample_weights(InitConfig("constant", value=0.5), 5, 7, np.random.default_rng(0))
    assert (c == 0.5).all()


def test_gain_table():
    assert calculate_gain("sigmoid") == 1.0
    assert calculate_gain("linear") == 1.0
    assert calculate_gain("tanh") == pytest.approx(5 / 3)
    assert calculate_gain("relu") == pytest.approx(math.sqrt(2))
    assert calculate_gain("leaky_relu", 0.2) == pytest.approx(math.sqrt(2 / 1.04))
    assert calculate_gain("leaky_relu") == pytest.approx(math.sqrt(2 / (1 + 0.01 ** 2)))
    assert calculate_gain("selu") == 0.75


def test_every_scheme_has_formula_and_samples():
    rng = np.random.default_rng(0)
    for name, scheme in SCHEMES.items():
        assert scheme.formula and scheme.title
        w = sample_weights(InitConfig(name), 20, 10, rng)
        assert w.shape == (20, 10) and np.isfinite(w).all()


def test_same_generator_state_same_weights():
    a = sample_weights(InitConfig("xavier_uniform"), 50, 40, np.random.default_rng(9))
    b = sample_weights(InitConfig("xavier_uniform"), 50, 40, np.random.default_rng(9))
    assert np.array_equal(a, b)


def test_each_schemes_formula_with_numbers_gives_its_own_spread():
    """The formula a student reads beside the plots ends in the number the scheme samples
    with: a (the uniform's bound), σ, or the constant W."""
    from initviz.engine.initializers import formula_with_numbers
    inits = [InitConfig(name) for name in SCHEMES] + [
        InitConfig("uniform", low=-0.3, high=0.5), InitConfig("xavier_uniform", gain=2.0),
        InitConfig("lecun_normal", gain=math.sqrt(1.76)),
        InitConfig("kaiming_uniform", mode="fan_out", nonlinearity="leaky_relu",
                   negative_slope=0.2), InitConfig("constant", value=0.5)]
    for init in inits:
        for n, m in ((100, 100), (37, 11)):
            text = formula_with_numbers(init, n, m)
            if text is None:
                assert SCHEMES[init.scheme].data_dependent, init.scheme
                continue
            bound, mean, std = scheme_bound_and_std(init, n, m)
            lhs, value = text.split(",")[0].split(" = ")[0], text.split(",")[0].split(" = ")[-1]
            # (a truncated normal's too: "σ = 0.8796 · 1 = 0.8796", not the σ drawn with)
            expected = {"a": bound, "W": mean, "σ": std}[lhs]
            assert f"{float(value):.3g}" == f"{expected:.3g}", (init.scheme, text)


def test_lecun_normal_with_a_gain_reads_as_sigma_w2_over_fan_in():
    """Section J's σ_w runs: the numbers beside them are σ_w²/n_in, not gain · 1/√n."""
    from initviz.engine.initializers import formula_with_numbers
    assert formula_with_numbers(InitConfig("lecun_normal", gain=math.sqrt(1.76)), 784, 128) \
        == "σ = √(1.76/784) = 0.0474"
    assert formula_with_numbers(InitConfig("lecun_normal"), 784, 128) == "σ = 1/√784 = 0.0357"


def test_a_truncated_normals_formula_ends_in_its_spread_after_the_cut():
    """The Schemes tab read "σ = 1" beside "σ (formula)" 0.8796 (review 8)."""
    from initviz.engine.initializers import formula_with_numbers
    # and says what 0.8796 is (review 9: unexplained beside a take-away on the σ drawn with)
    assert formula_with_numbers(InitConfig("trunc_normal", std=1.0), 256, 256) == \
        "σ = 0.8796 · 1 = 0.8796,  |W| ≤ 2  (0.8796: the std of N(0, 1) cut at ±2; 1: the σ " \
        "drawn with)"
    assert formula_with_numbers(InitConfig("trunc_normal", mean=0.5, std=0.1), 9, 9).startswith(
        "σ = 0.8796 · 0.1 = 0.08796,  |W − 0.5| ≤ 0.2  (0.8796: ")
    assert formula_with_numbers(InitConfig("trunc_normal", mean=-0.5, std=0.1), 9, 9).startswith(
        "σ = 0.8796 · 0.1 = 0.08796,  |W + 0.5| ≤ 0.2")
    cut = sample_weights(InitConfig("trunc_normal"), 400, 400, np.random.default_rng(1),
                         dtype=np.float64)
    assert abs(cut.std() - 0.8796) < 0.003 and np.abs(cut).max() <= 2.0


def test_labels_and_formulas_write_minus_as_a_minus_sign():
    """"U[-1, 1)" with a hyphen beside the presets' own "U[−3, 3)" (review 9)."""
    from initviz.engine.initializers import describe, run_label
    for init in (InitConfig("uniform", low=-3.0, high=3.0), InitConfig("constant", value=-0.5),
                 InitConfig("normal", mean=-1.0, std=0.5),
                 InitConfig("trunc_normal", mean=-1.0, std=0.5)):
        assert "-" not in run_label(init) and "−" in run_label(init), run_label(init)
        assert "-" not in describe(init, 10, 10), describe(init, 10, 10)
    assert run_label(InitConfig("uniform", low=-3.0, high=3.0)) == "U[−3, 3)"
    for s in SCHEMES.values():
        assert "U[-" not in s.formula, s.formula
    w = sample_weights(InitConfig("trunc_normal", mean=0.5, std=0.1), 300, 300,
                       np.random.default_rng(0), dtype=np.float64)
    assert np.all(np.abs(w - 0.5) <= 0.2) and abs(w.std() - 0.08796) < 0.001
