"""Section G: greedy layer-wise pre-training with RBMs, then supervised fine-tuning."""
from .preset import Preset

_DATA = {"name": "mnist"}
_NET = {"hidden": [256, 128, 64], "activation": "sigmoid", "output": "softmax"}
_TRAIN = {"steps": 400, "optimizer": "momentum", "learning_rate": 0.1, "momentum": 0.9,
          "batch_size": 128, "eval_every": 25}
RBM = {"label": "RBM pre-trained (CD-1)",
       "init": {"scheme": "rbm", "rbm_epochs": 3, "rbm_learning_rate": 0.05}}
SMALL = {"label": "N(0, 0.01)", "init": {"scheme": "normal", "std": 0.01}}
XAVIER = {"label": "Xavier N(0, 1/√n)", "init": {"scheme": "lecun_normal"}}

PRESETS = (
    Preset("rbm-pretraining", "G", "Unsupervised pre-training with RBMs",
           "Before good random starts were known, how did people get deep networks to train at "
           "all?",
           "In the Loss tab, the pre-training plot shows each RBM's reconstruction error falling "
           "epoch by epoch. The pre-trained network's loss falls from the first batches; "
           "N(0, 0.01)'s stays at ln 10 ≈ 2.3, the loss of a 1-in-10 guess; Xavier's stays "
           "there about 100 batches, then falls.",
           "Each hidden layer is first trained alone, without labels, as a restricted Boltzmann "
           "machine (contrastive divergence, CD-1) that learns to reconstruct the layer below, "
           "and the stack then becomes the start for ordinary training with labels. Such a start "
           "gives usable hidden activations from the first step, where a tiny random start gives "
           "signals and gradients too weak to learn from.",
           ("pretrain", "loss_early", "loss", "table", "activations", "accuracy"),
           {"data": _DATA, "network": _NET, "train": _TRAIN, "runs": [RBM, SMALL, XAVIER]}),
)
