"""The four-run MNIST comparison of bench_parallel.py trained with PyTorch, for reference.

    python benchmarks/torch_reference.py info | THREADS FLUSH
        (prints JSON; bench_parallel.py runs it once per setting, in a fresh process)
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])
import initviz  # noqa: E402,F401  (sets the BLAS thread count before NumPy loads)
import numpy as np  # noqa: E402

from initviz.engine.config import DataConfig  # noqa: E402
from initviz.engine.data import load_dataset  # noqa: E402
from initviz.engine.worker_pool import available_cores  # noqa: E402

SCALES = (1.0, 0.1, 0.01, 0.001)   # the four runs: U[−s, s)


def torch_trainings(threads: int, flush: bool, steps=858, eval_every=50) -> float:
    """The four trainings one after another, as PyTorch would run the comparison; ``flush``:
    subnormals flushed to zero, as the engine trains (PyTorch's default keeps them)."""
    import torch
    torch.set_num_threads(threads)
    torch.set_flush_denormal(flush)
    data = load_dataset(DataConfig(name="mnist", source="bundled"), 0)
    xt, yt = torch.from_numpy(np.array(data.x_train)), torch.from_numpy(np.array(data.y_train))
    xv, yv = torch.from_numpy(np.array(data.x_val)), torch.from_numpy(np.array(data.y_val))
    n = len(xt)
    t = time.perf_counter()
    for s in SCALES:
        order_rng = np.random.default_rng([0, 1])
        torch.manual_seed(0)
        model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(),
                                    torch.nn.Linear(256, 128), torch.nn.ReLU(),
                                    torch.nn.Linear(128, 10))
        with torch.no_grad():
            for p in model.parameters():
                p.uniform_(-s, s)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        lossf = torch.nn.CrossEntropyLoss()
        order, pos = None, n
        for step in range(1, steps + 1):
            if pos + 128 > n:
                order, pos = torch.from_numpy(order_rng.permutation(n)), 0
            idx = order[pos:pos + 128]
            pos += 128
            opt.zero_grad()
            lossf(model(xt[idx]), yt[idx]).backward()
            opt.step()
            if step % eval_every == 0:
                with torch.no_grad():
                    lossf(model(xv), yv).item()
    return time.perf_counter() - t


def torch_figures(repeat: int) -> dict | None:
    """{"threads" or "threads flush": best seconds, "version": ...} from PyTorch here or in
    $INITVIZ_TORCH_PYTHON (None without it). Each setting in a fresh process: the flush flag
    is per thread, and only threads started after it is set (PyTorch's intra-op pool)
    inherit it."""
    try:
        import torch  # noqa: F401
        python = sys.executable
    except ImportError:
        python = os.environ.get("INITVIZ_TORCH_PYTHON")
        if not python:
            return None

    def child(*args):
        out = subprocess.run([python, __file__, *map(str, args)],
                             capture_output=True, text=True, check=True)
        return json.loads(out.stdout.splitlines()[-1])
    info = child("info")
    out = {"version": info["version"]}
    for threads in info["threads"]:
        for flush in (False, True):
            key = f"{threads}{' flush' if flush else ''}"
            out[key] = min(child(threads, int(flush))["seconds"] for _ in range(repeat))
    return out


def torch_child(args) -> dict:
    import torch
    if args[0] == "info":
        return {"version": torch.__version__,
                "threads": sorted({1, torch.get_num_threads(), available_cores()})}
    threads, flush = int(args[0]), bool(int(args[1]))
    torch.set_flush_denormal(flush)      # before any pool thread exists
    return {"seconds": torch_trainings(threads, flush)}


if __name__ == "__main__":
    print(json.dumps(torch_child(sys.argv[1:])))
