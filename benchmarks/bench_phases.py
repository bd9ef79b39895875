"""Where the CPU seconds of the four-run 858-batch MNIST comparison go: prints figures, asserts
nothing.

    .venv/bin/python benchmarks/bench_phases.py [--repeat N] [--workers N] [--contention]

Timers around the runner's phases (a run's training steps, validations, probes, per-layer
statistics, snapshots), in one process and in each worker process (its start-up too: the CPU
seconds before the worker's code runs), with the process's system seconds and minor page faults.
The comparison is bench_parallel.py's (snapshots at 30/s, statistics as often as the tenth of
the time allows). "other" is what no timer covers: the runner's loop, and in a worker the pipe.
CPU seconds, not wall time, so that a busy machine changes the figures less (not not at all:
caches and memory are shared); the load average is printed with them.

--contention: why a worker's steps cost more when both cores train. A worker's share (runs 1
and 3, in a process of its own) alone; beside its twin (runs 2 and 4); beside a loop that
streams 2 x 64 MB through memory; beside a loop of the same 128 x 784 @ 784 x 256 product that
stays in the core's cache. CPU milliseconds per training step, the rounds alternating.
"""
from __future__ import annotations

import resource
import sys
import time

sys.path.insert(0, __file__.rsplit("/benchmarks/", 1)[0])
import initviz  # noqa: E402,F401  (sets the BLAS thread count before NumPy loads)

from bench_parallel import load, mnist_four_runs  # noqa: E402

PHASES = ("train_step", "validate", "probe", "layer_stats", "snapshot")


def install_timers() -> dict:
    """Wrap RunState's phases in CPU timers; their running totals (seconds, calls)."""
    from initviz.engine.runner import RunState
    totals = {name: [0.0, 0] for name in PHASES}
    for name in PHASES:
        def timed(*args, _f=getattr(RunState, name), _t=totals[name], **kw):
            t = time.process_time()
            try:
                return _f(*args, **kw)
            finally:
                _t[0] += time.process_time() - t
                _t[1] += 1
        setattr(RunState, name, timed)
    return totals


def usage() -> dict:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": time.process_time(), "sys": r.ru_stime, "faults": r.ru_minflt}


def worker_serve(state, conn) -> None:
    """worker_process.serve with timers; its totals ride on the "done" message."""
    start = usage()
    totals = install_timers()
    from initviz.engine import worker_process

    class Conn:
        def send(self, message):
            if message[0] == "done":
                message = message + ({"start": start, "end": usage(), "phases": totals},)
            conn.send(message)

        def recv(self):
            return conn.recv()

        def close(self):
            conn.close()
    worker_process.serve(state, Conn())


def line(who: str, cpu: float, sys_s: float, faults: int, totals: dict) -> str:
    parts = [f"{name} {s:.2f} ({n})" for name, (s, n) in totals.items()]
    other = cpu - sum(s for s, _ in totals.values())
    return (f"  {who}: {cpu:.2f} s CPU ({sys_s:.2f} system, {faults} page faults): "
            f"{', '.join(parts)}, other {other:.2f}")


def one_process(config) -> None:
    from initviz.engine.runner import run_experiment
    totals = install_timers()
    before = usage()
    for _ in run_experiment(config, snapshot_seconds=1 / 30):
        pass
    after = usage()
    from initviz.engine.runner import RunState
    for name in PHASES:   # unwrap: the next figure starts from the plain methods
        setattr(RunState, name, getattr(RunState, name).__kwdefaults__["_f"])
    print(line("one process", after["cpu"] - before["cpu"], after["sys"] - before["sys"],
               after["faults"] - before["faults"], totals) + f"   [{load()}]", flush=True)


def workers(config, n: int) -> None:
    import types
    from initviz.engine import parallel, worker_pool, worker_process
    reports = []
    handle = parallel.ParallelRun._handle

    def keep(self, w, message):
        if message[0] == "done" and len(message) > 2:
            reports.append(message[2])
        return handle(self, w, message)
    shim = types.ModuleType("shim")
    shim.__dict__.update(vars(worker_process))
    shim.serve = worker_serve
    parallel.ParallelRun._handle, worker_pool.worker_process = keep, shim
    t = time.perf_counter()
    try:
        for _ in parallel.ParallelRun(config, n, snapshot_seconds=1 / 30).snapshots():
            pass
    finally:
        parallel.ParallelRun._handle, worker_pool.worker_process = handle, worker_process
    print(f"  {n} workers, {time.perf_counter() - t:.2f} s wall:")
    for k, r in enumerate(reports):
        s, e = r["start"], r["end"]
        print(line(f"worker {k + 1}", e["cpu"], e["sys"], e["faults"], r["phases"])
              + f" (start-up before the worker's code {s['cpu']:.2f} s, {s['faults']} faults)")
    print(f"  [{load()}]", flush=True)


def share_child(runs: str) -> None:
    import json
    from initviz.engine.data import load_dataset
    from initviz.engine.runner import run_experiment
    config = mnist_four_runs()
    load_dataset(config.data, 0)
    totals = install_timers()
    for _ in run_experiment(config, snapshot_seconds=1 / 30,
                            only=tuple(int(i) for i in runs.split(","))):
        pass
    seconds, calls = totals["train_step"]
    print(json.dumps({"step_ms": seconds / calls * 1e3}))


def hog_child(kind: str, seconds: float) -> None:
    import numpy as np
    end = time.time() + seconds
    if kind == "memory":
        a = np.ones(16 << 20, np.float32)
        b = np.empty_like(a)
    else:
        a, b = np.ones((128, 784), np.float32), np.ones((784, 256), np.float32)
    while time.time() < end:
        if kind == "memory":
            np.multiply(a, 1.0, out=b)
            np.multiply(b, 1.0, out=a)
        else:
            a @ b


def contention(rounds: int) -> None:
    import json
    import subprocess
    me = [sys.executable, __file__]

    def share(runs):
        return subprocess.Popen(me + ["share-child", runs], stdout=subprocess.PIPE, text=True)

    def ms(process):
        return json.loads(process.communicate()[0].splitlines()[-1])["step_ms"]
    print("a worker's share (runs 1 and 3), CPU ms per training step:")
    for _ in range(rounds):
        figures = {"alone": ms(share("0,2"))}
        a, b = share("0,2"), share("1,3")
        figures["beside its twin"] = (ms(a) + ms(b)) / 2
        for kind in ("memory", "cache"):
            hog = subprocess.Popen(me + ["hog-child", kind, "30"])
            figures[f"beside a {kind} loop"] = ms(share("0,2"))
            hog.kill()
            hog.wait()
        print("  " + ", ".join(f"{k} {v:.3f}" for k, v in figures.items()) + f"   [{load()}]",
              flush=True)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["share-child"]:
        share_child(args[1])
        sys.exit()
    if args[:1] == ["hog-child"]:
        hog_child(args[1], float(args[2]))
        sys.exit()
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    n = int(args[args.index("--workers") + 1]) if "--workers" in args else 2
    from initviz.engine.data import load_dataset
    config = mnist_four_runs()
    load_dataset(config.data, 0)
    if "--contention" in args:
        contention(repeat)
        sys.exit()
    print(f"four-run 858-batch MNIST comparison, CPU seconds by phase (calls)   [{load()}]")
    for _ in range(repeat):
        one_process(config)
        workers(config, n)
