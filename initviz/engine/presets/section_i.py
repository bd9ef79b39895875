"""Section I: the weight distributions themselves."""
from . import Preset

# One 256 × 256 layer (65,536 weights) on standard-normal inputs, linear, no training: the
# weights pane shows each scheme's histogram and the activations pane what it does to a signal.
_PROBE = {"data": {"name": "normal", "samples": 1000, "features": 256},
          "network": {"depth": 1, "width": 256, "activation": "linear", "bias": False},
          "train": {"steps": 0}}

PRESETS = (
    Preset("distributions", "I", "Weight distributions: uniform, normal, truncated",
           "What do the weights of a scheme actually look like? Here one layer of 65,536 "
           "weights is drawn three ways: uniformly from U[−3, 3), from the normal N(0, 1), "
           "and from N(0, 1) truncated at two standard deviations, where every value beyond "
           "±2 is drawn again. Look at the weight histograms: the uniform is flat with hard "
           "edges and a standard deviation of √3 ≈ 1.73; the normal is a bell with thin "
           "tails; the truncated normal is the same bell with its tails cut off, so its "
           "standard deviation drops to about 0.88.",
           ("weights", "activations"),
           {**_PROBE, "runs": [
               {"label": "U[−3, 3)", "init": {"scheme": "uniform", "low": -3.0, "high": 3.0}},
               {"label": "N(0, 1)", "init": {"scheme": "normal", "std": 1.0}},
               {"label": "truncated N(0, 1), 2σ cut",
                "init": {"scheme": "trunc_normal", "std": 1.0}}]}),
)
