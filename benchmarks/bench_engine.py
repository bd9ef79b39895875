"""Engine speed: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_engine.py

1. One training step of 784-256-128-10, ReLU, softmax cross-entropy, Adam, batch 128, float32:
   samples/s, the floor set by the step's nine matrix products alone, and PyTorch's samples/s
   for the same network when PyTorch is importable.
2. A four-run MNIST comparison of 858 batches each: seconds and peak memory.
3. The section-A probe (1000 x 100, five layers, forward and backward) and a deep probe
   (depth 50, width 512, 1000 samples).
"""
from __future__ import annotations

import resource
import sys
import time

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])
import initviz  # noqa: E402,F401  (sets the BLAS thread count before NumPy loads)
import numpy as np  # noqa: E402

from initviz.engine.config import (DataConfig, ExperimentConfig, InitConfig,  # noqa: E402
                                   NetworkConfig, RunSpec, TrainConfig)
from initviz.engine.network import Network  # noqa: E402
from initviz.engine.optimizers import Optimizer  # noqa: E402
from initviz.engine.runner import RunState, run_experiment  # noqa: E402
from initviz.engine.data import load_dataset  # noqa: E402


def best_of(fn, repeat=5, number=50):
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - t) / number)
    return best


def training_step():
    rng = np.random.default_rng(0)
    x = rng.random((128, 784), dtype=np.float32)
    y = rng.integers(0, 10, 128)
    cfg = NetworkConfig(hidden=(256, 128), activation="relu")
    net = Network(784, cfg.widths, 10, cfg)
    net.initialize(InitConfig("kaiming_uniform"), rng)
    opt = Optimizer(net.params, net.grad, net.decay_mask, TrainConfig(optimizer="adam"))

    def step():
        net.forward(x)
        net.loss(y)
        net.backward(y)
        opt.step()

    t = best_of(step)
    W = [rng.random(s, dtype=np.float32) for s in ((784, 256), (256, 128), (128, 10))]
    a = [x, rng.random((128, 256), dtype=np.float32), rng.random((128, 128), dtype=np.float32)]
    d = [rng.random((128, 256), dtype=np.float32), rng.random((128, 128), dtype=np.float32),
         rng.random((128, 10), dtype=np.float32)]

    def matmuls():
        for i in range(3):
            a[i] @ W[i]            # forward
            a[i].T @ d[i]          # weight gradient
            d[i] @ W[i].T          # input gradient (the first is not needed; kept: nine)
    floor = best_of(matmuls)
    print(f"training step 784-256-128-10 Adam b128: {t * 1e3:.2f} ms/step = "
          f"{128 / t:,.0f} samples/s   (nine matmuls alone: {floor * 1e3:.2f} ms "
          f"= {128 / floor:,.0f} samples/s)")
    try:
        import torch
    except ImportError:
        print("PyTorch: not importable here")
        return
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(),
                                torch.nn.Linear(256, 128), torch.nn.ReLU(),
                                torch.nn.Linear(128, 10))
    topt = torch.optim.Adam(model.parameters(), lr=1e-3)
    tx, ty = torch.from_numpy(x), torch.from_numpy(y)
    lossf = torch.nn.CrossEntropyLoss()

    def tstep():
        topt.zero_grad()
        lossf(model(tx), ty).backward()
        topt.step()
    tt = best_of(tstep)
    print(f"PyTorch {torch.__version__} same step: {tt * 1e3:.2f} ms/step = "
          f"{128 / tt:,.0f} samples/s ({torch.get_num_threads()} threads)")


def mnist_comparison():
    runs = tuple(RunSpec(f"U[-{s}, {s})", InitConfig("uniform", low=-s, high=s))
                 for s in (1.0, 0.1, 0.01, 0.001))
    config = ExperimentConfig(data=DataConfig(name="mnist", source="bundled"),
                              network=NetworkConfig(hidden=(256, 128), activation="relu"),
                              train=TrainConfig(steps=858, optimizer="adam",
                                                learning_rate=0.001, batch_size=128),
                              runs=runs)
    load_dataset(config.data, 0)  # data loading is not part of the figure
    t = time.perf_counter()
    for _ in run_experiment(config, snapshot_seconds=1 / 30):
        pass
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"four-run MNIST comparison, 858 batches each (live snapshots at 30/s): "
          f"{seconds:.2f} s, peak RSS {peak:.0f} MB")


def probes():
    for depth, width, label in ((5, 100, "section-A probe 1000x100, 5 layers"),
                                (50, 512, "deep probe 1000 samples, depth 50, width 512")):
        config = ExperimentConfig(data=DataConfig(samples=1000, features=width),
                                  network=NetworkConfig(depth=depth, width=width,
                                                        activation="tanh", bias=False))
        state = RunState(config, 0, load_dataset(config.data, 0))
        list(state.initialize())
        t = best_of(state.probe, repeat=5, number=5)
        print(f"{label}: forward+backward {t * 1e3:.1f} ms")
        t = best_of(lambda: list(run_experiment(config, data=state.data)), repeat=3, number=3)
        print(f"{label}: whole no-training run incl. statistics {t * 1e3:.1f} ms")


if __name__ == "__main__":
    import os
    print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}"
          f", cores {os.cpu_count()}")
    training_step()
    probes()
    mnist_comparison()
