"""Engine speed: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_engine.py [step|probes|mnist]...

1. One training step of 784-256-128-10, ReLU, softmax cross-entropy, Adam, batch 128, float32:
   samples/s, the floor set by the step's matrix products alone, and PyTorch's samples/s for
   the same network when PyTorch is importable.
2. The section-A probe (1000 x 100, five layers, forward and backward) and a deep probe
   (depth 50, width 512, 1000 samples), each also as a whole no-training run.
3. A four-run MNIST comparison of 858 batches each: seconds and peak memory, measured in a
   process of its own (peak RSS is process-wide).

Timings are the best of several repeats; the load average is printed with them, because the
other core is often busy.
"""
from __future__ import annotations

import os
import resource
import subprocess
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


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not ru_maxrss: Linux carries ru_maxrss
    across fork and exec, so a child started by a big parent would report the parent's."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def blas_core() -> str:
    """The kernel family OpenBLAS picked for this CPU (e.g. Haswell = AVX2, SkylakeX =
    AVX-512), when NumPy's bundled OpenBLAS says."""
    import ctypes
    import glob
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs",
                                  "*openblas*"))
    for path in libs:
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename",
                     "openblas_get_corename64_", "openblas_get_corename"):
            f = getattr(lib, name, None)
            if f is not None:
                f.restype = ctypes.c_char_p
                return f().decode()
    return "unknown"


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

    # Short windows, many of them: with the other core busy, a long window is rarely left
    # alone by the scheduler, and the best window is the engine's own speed.
    t = best_of(step, repeat=100, number=10)
    W = [rng.random(s, dtype=np.float32) for s in ((784, 256), (256, 128), (128, 10))]
    a = [x, rng.random((128, 256), dtype=np.float32), rng.random((128, 128), dtype=np.float32)]
    d = [rng.random((128, 256), dtype=np.float32), rng.random((128, 128), dtype=np.float32),
         rng.random((128, 10), dtype=np.float32)]
    out = [np.empty((128, s), np.float32) for s in (256, 128, 10)]
    dW = [np.empty_like(w) for w in W]
    dx = [np.empty((128, 784), np.float32)] + [np.empty_like(v) for v in a[1:]]

    def matmuls(first_input_gradient):
        for i in range(3):
            np.matmul(a[i], W[i], out=out[i])              # forward
            np.matmul(a[i].T, d[i], out=dW[i])             # weight gradient
            if i or first_input_gradient:                  # input gradient (a step skips the
                np.matmul(d[i], W[i].T, out=dx[i])         # first: x needs none)
    eight = best_of(lambda: matmuls(False), repeat=100, number=10)
    nine = best_of(lambda: matmuls(True), repeat=100, number=10)
    print(f"training step 784-256-128-10 Adam b128: {t * 1e3:.2f} ms/step = "
          f"{128 / t:,.0f} samples/s   (its eight matmuls alone: {eight * 1e3:.2f} ms = "
          f"{128 / eight:,.0f} samples/s; nine with the unneeded input gradient: "
          f"{nine * 1e3:.2f} ms)   [{load()}]")
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
    for threads in sorted({1, torch.get_num_threads(), os.cpu_count() or 1}):
        torch.set_num_threads(threads)
        tt = best_of(tstep, repeat=100, number=10)
        print(f"PyTorch {torch.__version__} same step, {threads} thread(s): {tt * 1e3:.2f} "
              f"ms/step = {128 / tt:,.0f} samples/s   [{load()}]")


def probes():
    for depth, width, label in ((5, 100, "section-A probe 1000x100, 5 layers"),
                                (50, 512, "deep probe 1000 samples, depth 50, width 512")):
        config = ExperimentConfig(data=DataConfig(samples=1000, features=width),
                                  network=NetworkConfig(depth=depth, width=width,
                                                        activation="tanh", bias=False))
        data = load_dataset(config.data, 0)
        deep = depth > 5
        # the small case: many short windows (a long one rarely has the core to itself)
        repeat, number = (3, 1) if deep else (20, 5)
        # The whole run first: a network left alive by the probe timings below keeps the
        # allocator from recycling pages, and every run would pay fresh page faults.
        whole = best_of(lambda: list(run_experiment(config, data=data)), repeat=repeat,
                        number=number)
        state = RunState(config, 0, data)
        list(state.initialize())
        net = state.net
        t = best_of(state.probe, repeat=repeat, number=number)
        print(f"{label}: forward+backward as the runner probes (no weight gradients) "
              f"{t * 1e3:.1f} ms   [{load()}]")

        def full():
            net.forward(data.x_probe, train=True, update_stats=False)
            net.backward(data.y_probe)
        t = best_of(full, repeat=repeat, number=number)
        print(f"{label}: forward+backward with weight gradients {t * 1e3:.1f} ms")
        raw = state.probe()
        c0 = time.process_time()
        t = best_of(lambda: state.layer_stats(raw), repeat=repeat, number=number)
        print(f"{label}: per-layer statistics and histograms {t * 1e3:.1f} ms (CPU "
              f"{(time.process_time() - c0) / (repeat * number) * 1e3:.1f} ms a call)")
        print(f"{label}: whole no-training run incl. statistics {whole * 1e3:.1f} ms")
        del state, net


def mnist_comparison():
    runs = tuple(RunSpec(f"U[−{s}, {s})", InitConfig("uniform", low=-s, high=s))
                 for s in (1.0, 0.1, 0.01, 0.001))
    config = ExperimentConfig(data=DataConfig(name="mnist", source="bundled"),
                              network=NetworkConfig(hidden=(256, 128), activation="relu"),
                              train=TrainConfig(steps=858, optimizer="adam",
                                                learning_rate=0.001, batch_size=128),
                              runs=runs)
    load_dataset(config.data, 0)  # data loading is not part of the figure
    t, cpu = time.perf_counter(), time.process_time()
    for _ in run_experiment(config, snapshot_seconds=1 / 30):
        pass
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = peak_rss_mb()
    # CPU time is what the comparison cost when it ran; wall time adds waiting for a core.
    print(f"four-run MNIST comparison, 858 batches each (live snapshots at 30/s): "
          f"{seconds:.2f} s ({cpu:.2f} s CPU), peak RSS {peak:.0f} MB   [{load()}]")


if __name__ == "__main__":
    parts = sys.argv[1:] or ["step", "probes", "mnist"]
    later = None
    if "mnist" in parts and len(set(parts) - {"--child"}) > 1:
        # Its own process, so that the peak memory is the comparison's alone.
        parts.remove("mnist")
        later = [sys.executable, __file__, "mnist", "--child"]
    if "--child" not in parts:
        threads = os.environ.get("OPENBLAS_NUM_THREADS")
        print(f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={threads}, OpenBLAS kernels "
              f"{blas_core()}, cores {os.cpu_count()}")
    if "step" in parts:
        training_step()
    if "probes" in parts:
        probes()
    if "mnist" in parts:
        mnist_comparison()
    if later:
        sys.stdout.flush()
        subprocess.run(later, check=True)
