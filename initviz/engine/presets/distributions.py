"""Section I: the weight distributions themselves."""
from .preset import Preset

# One 256 × 256 layer (65,536 weights) on standard-normal inputs, linear, no training: the
# weights pane shows each scheme's histogram and the activations pane what it does to a signal.
_PROBE = {"data": {"name": "normal", "samples": 1000, "features": 256},
          "network": {"depth": 1, "width": 256, "activation": "linear", "bias": False},
          "train": {"steps": 0}}

PRESETS = (
    Preset("distributions", "I", "Weight distributions: uniform, normal, truncated",
           "What do weights drawn from a uniform, a normal and a truncated normal distribution "
           "actually look like?",
           "In Weights, U[−3, 3) is flat with hard edges, N(0, 1) a bell with thin tails, the "
           "truncated N(0, 1) that bell cut at ±2. In Activations, this linear layer's outputs "
           "are bells of different widths. The Schemes tab lists each scheme's formula and σ; "
           "ticking “Histograms” draws them.",
           "What a scheme passes on to the next layer is mainly its standard deviation, not its "
           "shape: √3 ≈ 1.73 for this uniform, 1 for the normal, and only about 0.88 for the "
           "truncated normal, because cutting the tails at 2σ (values beyond are drawn again) "
           "removes the largest values. So a truncated normal has a smaller spread than the σ it "
           "was drawn with.",
           ("weights", "schemes", "activations"),
           {**_PROBE, "runs": [
               {"label": "U[−3, 3)", "init": {"scheme": "uniform", "low": -3.0, "high": 3.0}},
               {"label": "N(0, 1)", "init": {"scheme": "normal", "std": 1.0}},
               {"label": "truncated N(0, 1), 2σ cut",
                "init": {"scheme": "trunc_normal", "std": 1.0}}]}),
)
