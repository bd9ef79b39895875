"""Comparisons in worker processes: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_parallel.py [speed|memory|start|deep|ceiling]...
        [--repeat N] [--torch-repeat N]

speed   The four-run 858-batch MNIST comparison (bench_engine's) in one process and in worker
        processes, alternately, N times; then the same four trainings (same network, Adam,
        batch 128, same data order, validation every 50 batches) with PyTorch on one thread
        and on all threads, each with subnormals kept (its default) and flushed (as the
        engine trains: initviz/engine/subnormals.py), when PyTorch is importable here or in
        $INITVIZ_TORCH_PYTHON; the engine is compared with the best of these.
memory  Peak memory (proportional set size, PSS, summed over the process and its workers:
        shared pages counted once) of a four-run comparison on a synthetic full-size MNIST
        set (55,000 + 5,000 images of 784 float32 pixels), in one process and in workers;
        each variant in a process of its own.
start   What a worker costs to start, and comparisons of growing size in one process and in
        two workers: where the workers start to pay (engine/parallel.py MIN_PARALLEL_WORK).
ceiling What two processes can gain here at most: the matrix products of one step of the
        four-run comparison's network (784-256-128-10, batch 128, forward and backward), run
        for a few seconds in one process and in two at once (one BLAS thread each): the
        speed-up of work that is all products, in cache. Shared caches, memory and the
        host's scheduling set it; the whole step, with its element-wise work, gains less.
deep    The deep presets (he-vs-xavier-deep, residual-deep, batchnorm-rescue), headless, as
        `initviz run` trains them (snapshots every second), in one process and in workers;
        and the time of one run's matrix products alone (product_floor.py): no worker can
        finish its run sooner.

The load average is printed with every figure: the machine is shared. On Linux with
autogroup scheduling (/proc/sys/kernel/sched_autogroup_enabled), a busy machine gives each
session an equal share of the cores however many processes it runs: there the workers cannot
be faster than one process, and only the figures taken while the load stays below the number
of cores say what the workers gain. CPU seconds (the process and its workers) are printed too.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])
import initviz  # noqa: E402,F401  (sets the BLAS thread count before NumPy loads)
import numpy as np  # noqa: E402

from initviz.engine.config import (DataConfig, ExperimentConfig, InitConfig,  # noqa: E402
                                   NetworkConfig, RunSpec, TrainConfig)
from initviz.engine import worker_pool  # noqa: E402
from initviz.engine.data import Dataset, load_dataset  # noqa: E402
from initviz.engine.parallel import ParallelRun, available_cores, run_work  # noqa: E402
from initviz.engine.runner import run_experiment  # noqa: E402
from product_floor import product_floor  # noqa: E402
from torch_reference import SCALES, torch_figures  # noqa: E402


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def mnist_four_runs(steps=858, source="bundled") -> ExperimentConfig:
    runs = tuple(RunSpec(f"U[−{s}, {s})", InitConfig("uniform", low=-s, high=s))
                 for s in SCALES)
    return ExperimentConfig(data=DataConfig(name="mnist", source=source),
                            network=NetworkConfig(hidden=(256, 128), activation="relu"),
                            train=TrainConfig(steps=steps, optimizer="adam",
                                              learning_rate=0.001, batch_size=128),
                            runs=runs)


CPU = {}   # the CPU seconds of the last timed() call, this process and its workers


def timed(config, workers, data=None, snapshot_seconds=1 / 30, measure_seconds=None) -> float:
    """Wall seconds of a comparison (its CPU seconds go to CPU["last"]). ``measure_seconds``:
    how often the per-layer statistics are measured unasked (None: as often as a tenth of the
    time allows, as in the window)."""
    t, c = time.perf_counter(), os.times()
    if workers:
        run = ParallelRun(config, workers, snapshot_seconds=snapshot_seconds, data=data,
                          measure_seconds=measure_seconds)
        stream = run.snapshots()
    else:
        stream = run_experiment(config, snapshot_seconds=snapshot_seconds, data=data)
    for _ in stream:
        pass
    wall, d = time.perf_counter() - t, os.times()
    CPU["last"] = sum(d[k] - c[k] for k in range(4))   # user, system, children's user, system
    # The busiest worker's CPU seconds: what the comparison would take on idle cores.
    CPU["busiest"] = max(w.cpu_seconds for w in run.workers) if workers else CPU["last"]
    return wall


def speed(repeat: int, torch_repeat: int = 1) -> None:
    config = mnist_four_runs()
    load_dataset(config.data, 0)   # loading is not part of the figure
    n = min(available_cores(), 4)
    one, many, warm, bare, cpu_ratio = [], [], [], [], []
    for _ in range(repeat):        # alternately: all three see the same machine
        one.append(timed(config, 0))
        cpu_one = CPU["last"]
        many.append(timed(config, n))
        cpu_ratio.append(cpu_one / CPU["busiest"])
        cpu_many, busiest = CPU["last"], CPU["busiest"]
        # As the window and `initviz run` start them: before the comparison (while the
        # window is idle, while the command loads the data), so they have imported the engine.
        worker_pool.prepare(n)
        for w in worker_pool.spares():
            w.ready(30)
        warm.append(timed(config, n))
        cpu_warm = CPU["last"]
        # What PyTorch's loop below does: training and validation, the statistics only at
        # the start and the end (the window's statistics are a tenth of the workers' time).
        worker_pool.prepare(n)
        for w in worker_pool.spares():
            w.ready(30)
        bare.append(timed(config, n, measure_seconds=float("inf")))
        print(f"  one process {one[-1]:.2f} s ({cpu_one:.2f} s CPU), {n} workers "
              f"{many[-1]:.2f} s ({cpu_many:.2f} s CPU, the busiest worker "
              f"{busiest:.2f} s), {n} workers started "
              f"beforehand {warm[-1]:.2f} s ({cpu_warm:.2f} s CPU), the same without the "
              f"statistics during training {bare[-1]:.2f} s ({CPU['last']:.2f} s CPU)   "
              f"[{load()}]", flush=True)
    print(f"four-run MNIST comparison, 858 batches each, snapshots at 30/s: one process best "
          f"{min(one):.2f} s (median {np.median(one):.2f}), {n} worker processes best "
          f"{min(many):.2f} s (median {np.median(many):.2f}): {min(one) / min(many):.2f}x "
          f"(medians {np.median(one) / np.median(many):.2f}x); on idle cores (one process's "
          f"CPU seconds / the busiest worker's, start-up included) "
          f"{np.median(cpu_ratio):.2f}x   [{load()}]")
    print(f"  with the {n} workers started beforehand (as the window and `initviz run` do): best "
          f"{min(warm):.2f} s (median {np.median(warm):.2f}): {min(one) / min(warm):.2f}x one "
          f"process (medians {np.median(one) / np.median(warm):.2f}x)   [{load()}]")
    torch = torch_figures(torch_repeat)
    if torch is None:
        print("PyTorch: not importable here (set INITVIZ_TORCH_PYTHON to a Python that has it)")
        return
    version = torch.pop("version", "?")
    for key, t in sorted(torch.items()):
        threads, _, flush = key.partition(" ")
        print(f"PyTorch {version}, the same four trainings one after another, {threads} "
              f"thread(s), subnormals {'flushed' if flush else 'kept (its default)'}: best "
              f"{t:.2f} s")
    best = min(torch.values())
    print(f"engine in {n} workers started beforehand, statistics only at the start and the end "
          f"(the work of PyTorch's loop): best {min(bare):.2f} s (median {np.median(bare):.2f}), "
          f"{best / min(bare):.2f}x as fast as PyTorch's better figure; with the window's "
          f"statistics (cold workers) {best / min(many):.2f}x   [{load()}]")


# -- memory ----------------------------------------------------------------------------------
def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    kids = []
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                with open(f"/proc/{p}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        kids.append(int(p))
            except OSError:
                pass
    return [pid] + [q for k in kids for q in _tree(k)]


def synthetic_full_mnist() -> Dataset:
    """Random images of the full set's size, prepared as MNIST's loader prepares its own
    (pixels in shared memory)."""
    from initviz.engine.mnist import _prepare
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (60000, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, 60000).astype(np.uint8)
    m = _prepare(x[:55000], y[:55000], x[55000:], y[55000:], "full", "synthetic")
    del x
    return Dataset("mnist", m.x_train, m.y_train, m.x_val, m.y_val, m.x_val[:1000],
                   m.y_val[:1000], 10, m.description)


def memory_child(workers: int) -> None:
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], sum(_pss_kb(p) for p in _tree(os.getpid())))
            time.sleep(0.02)
    threading.Thread(target=sample, daemon=True).start()
    data = synthetic_full_mnist()
    config = mnist_four_runs(steps=300, source="full")
    seconds = timed(config, workers, data=data)
    done.set()
    time.sleep(0.05)
    print(json.dumps({"peak_mb": peak[0] / 1024, "seconds": seconds}))


def memory() -> None:
    figures = {}
    n = min(available_cores(), 4)
    for workers in (0, n):
        out = subprocess.run([sys.executable, __file__, "memory-child", str(workers)],
                             capture_output=True, text=True, check=True)
        figures[workers] = json.loads(out.stdout.splitlines()[-1])
    a, b = figures[0]["peak_mb"], figures[n]["peak_mb"]
    print(f"memory, four-run comparison on a synthetic full-size MNIST set (55,000 x 784 "
          f"float32 = {55000 * 784 * 4 / 2**20:.0f} MB of pixels), peak PSS of the process and "
          f"its workers: one process {a:.0f} MB, {n} workers {b:.0f} MB: {b / a:.2f}x   "
          f"[{load()}]")


# -- start-up and the threshold --------------------------------------------------------------
def start(repeat: int) -> None:
    tiny = ExperimentConfig(runs=(RunSpec("a"), RunSpec("b")),
                            data=DataConfig(samples=200, features=10))
    first = []
    for _ in range(repeat):
        t = time.perf_counter()
        next(iter(ParallelRun(tiny, 2, snapshot_seconds=1e9).snapshots()))
        first.append(time.perf_counter() - t)
    print(f"two workers up to their first snapshot (spawn, import NumPy and the engine, "
          f"attach the data): best {min(first):.2f} s, median {np.median(first):.2f} s   "
          f"[{load()}]")
    mnist = DataConfig(name="mnist", source="bundled")
    load_dataset(mnist, 0)
    for hidden, steps in (((32,), 100), ((64,), 200), ((128,), 200), ((256, 128), 100),
                          ((256, 128), 300), ((256, 128), 858)):
        config = ExperimentConfig(
            data=mnist, network=NetworkConfig(hidden=hidden, activation="relu"),
            train=TrainConfig(steps=steps, batch_size=128),
            runs=(RunSpec("a"), RunSpec("b", InitConfig("normal", std=0.1))))
        a = b = float("inf")
        for _ in range(repeat):
            a = min(a, timed(config, 0))
            b = min(b, timed(config, 2))
        print(f"  two runs {784}-{'-'.join(map(str, hidden))}-10, {steps} batches (work "
              f"{run_work(config):.2g}): one process {a:.2f} s, two workers {b:.2f} s "
              f"({a / b:.2f}x)   [{load()}]", flush=True)


# -- what two processes can gain -------------------------------------------------------------
def _products_rate(seconds: float, out) -> None:
    """Steps per second of the 784-256-128-10 network's products, batch 128 (a child)."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((128, 784), dtype=np.float32)
    ws = [rng.standard_normal(shape, dtype=np.float32)
          for shape in ((784, 256), (256, 128), (128, 10))]
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        hs = [x]
        for w in ws:
            hs.append(hs[-1] @ w)
        d = hs[-1]
        for w, h in zip(ws[::-1], hs[-2::-1]):
            h.T @ d                     # the weight's gradient
            d = d @ w.T                 # the input's
        n += 1
    out.put(n / (time.perf_counter() - t0))


def ceiling(repeat: int, seconds: float = 4.0) -> None:
    import multiprocessing
    ctx = multiprocessing.get_context("spawn")
    ratios = []
    for _ in range(repeat):
        rates = {}
        for procs in (1, 2):
            q = ctx.Queue()
            ps = [ctx.Process(target=_products_rate, args=(seconds, q)) for _ in range(procs)]
            for p in ps:
                p.start()
            rates[procs] = sum(q.get() for _ in ps)
            for p in ps:
                p.join()
        ratios.append(rates[2] / rates[1])
        print(f"  products of a 784-256-128-10 step, batch 128: one process {rates[1]:.0f} "
              f"steps/s, two at once {rates[2]:.0f} steps/s together: {ratios[-1]:.2f}x   "
              f"[{load()}]", flush=True)
    print(f"two processes, work that is all matrix products: best {max(ratios):.2f}x, median "
          f"{np.median(ratios):.2f}x one process (the most the workers can gain here)")


# -- the deep presets ------------------------------------------------------------------------
def deep(repeat: int) -> None:
    from initviz.engine import presets
    for key in ("he-vs-xavier-deep", "residual-deep", "batchnorm-rescue"):
        config = presets.PRESETS[key].config
        data = load_dataset(config.data, config.seed, config.network.output)
        floor = product_floor(config, data)
        n = min(available_cores(), len(config.runs))
        one, many, cpu_one, busiest = [], [], [], []
        for _ in range(repeat):
            one.append(timed(config, 0, snapshot_seconds=1.0))
            cpu_one.append(CPU["last"])
            many.append(timed(config, n, snapshot_seconds=1.0))
            busiest.append(CPU["busiest"])
        print(f"{key} ({len(config.runs)} runs, {config.train.steps} batches): one process "
              f"best {min(one):.1f} s ({min(cpu_one):.1f} s CPU), {n} workers best "
              f"{min(many):.1f} s (the busiest worker {min(busiest):.1f} s CPU: the time on "
              f"idle cores); its matrix products alone {floor:.1f} s a run   [{load()}]",
              flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    rep, torch_rep = 3, 1
    for flag in ("--repeat", "--torch-repeat"):
        if flag in args:
            i = args.index(flag)
            value = int(args[i + 1])
            del args[i:i + 2]
            if flag == "--repeat":
                rep = value
            else:
                torch_rep = value
    if args[:1] == ["memory-child"]:
        memory_child(int(args[1]))
    else:
        parts = args or ["ceiling", "speed", "memory", "start", "deep"]
        print(f"numpy {np.__version__}, cores {available_cores()}, "
              f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}   [{load()}]")
        for part in parts:
            {"speed": lambda: speed(rep, torch_rep), "memory": memory, "start": lambda: start(rep),
             "deep": lambda: deep(rep), "ceiling": lambda: ceiling(rep)}[part]()
